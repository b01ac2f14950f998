//! The engine being built (`compile::Partial`) in the binary form (`binary.rs`,
//! `wire.rs`): every field in declaration order, the matcher and owners, cues, packs,
//! products, rules, brands, patterns and price floors.
//!
//! What it does not do: write the brand groups' keys (`Partial::group_ids`, read back
//! empty): `binary.rs` writes them after the rest, as literal ids where it can.

use super::{Builder, FloorEntry, GapTerm, Partial};
use crate::engine::group_keys::GroupKeys;
use crate::engine::wire::{In, Out, Wire};

impl Wire for Builder {
    fn write(&self, out: &mut Out) {
        self.matcher.write(out);
        self.owners.write(out);
    }
    fn read(r: &mut In<'_>) -> Self {
        Builder {
            matcher: Wire::read(r),
            owners: Wire::read(r),
        }
    }
}

impl Wire for GapTerm {
    fn write(&self, out: &mut Out) {
        self.rule.write(out);
        self.parts.write(out);
        self.gaps.write(out);
    }
    fn read(r: &mut In<'_>) -> Self {
        GapTerm {
            rule: Wire::read(r),
            parts: Wire::read(r),
            gaps: Wire::read(r),
        }
    }
}

impl Wire for FloorEntry {
    fn write(&self, out: &mut Out) {
        self.rule.write(out);
        self.group.write(out);
        self.product.write(out);
        self.min.write(out);
        self.currency.write(out);
    }
    fn read(r: &mut In<'_>) -> Self {
        FloorEntry {
            rule: Wire::read(r),
            group: Wire::read(r),
            product: Wire::read(r),
            min: Wire::read(r),
            currency: Wire::read(r),
        }
    }
}

impl Wire for Partial {
    fn write(&self, out: &mut Out) {
        self.b.write(out);
        self.base_cues.write(out);
        self.cues.write(out);
        self.products.write(out);
        self.gap_terms.write(out);
        self.infos.write(out);
        self.rules.write(out);
        self.rule_pack.write(out);
        self.entries.write(out);
        crate::engine::brand_wire::write_groups(&self.groups, &self.group_names, out);
        self.patterns.write(out);
        self.required.write(out);
        self.floor_docs.write(out);
        self.floors.write(out);
    }
    fn read(r: &mut In<'_>) -> Self {
        let (b, base_cues, cues, products, gap_terms, infos, rules, rule_pack, entries) = (
            Builder::read(r),
            Wire::read(r),
            Wire::read(r),
            Wire::read(r),
            Wire::read(r),
            Wire::read(r),
            Wire::read(r),
            Wire::read(r),
            Wire::read(r),
        );
        let (groups, group_names) = crate::engine::brand_wire::read_groups(r);
        let partial = Partial {
            b,
            base_cues,
            cues,
            products,
            gap_terms,
            infos,
            rules,
            rule_pack,
            entries,
            groups,
            group_names,
            group_ids: GroupKeys::default(),
            patterns: Wire::read(r),
            required: Wire::read(r),
            floor_docs: Wire::read(r),
            floors: Wire::read(r),
        };
        if partial.required.patterns() != partial.patterns.len() {
            r.fail::<()>("the patterns and their literals do not agree");
        }
        partial
    }
}
