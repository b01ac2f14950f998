//! A validated rule in the engine's binary form (`engine/binary.rs`, `engine/wire.rs`):
//! its kind, severities, limits, policies and price floors.
//!
//! What it does not do: write what compiling the rule already put elsewhere in the form,
//! or what only `cargo test` and an import use: the word and pattern lists of each kind
//! (in the matcher and the engine's pattern list), the brands and floors of brand and
//! price-floor rules (in the brand entries and price floors), the examples and fix
//! examples. They read back empty.

use super::PerMarketplace;
use super::{FieldCheck, Floor, Limit, PolicyMap, Rule, RuleKind, SeverityMap};
use crate::engine::wire::{In, Out, Wire};
use std::collections::HashSet;

/// A per-marketplace map, its entries in marketplace order.
fn write_map<V: Wire>(map: &PerMarketplace<V>, out: &mut Out) {
    out.num(map.entries().len());
    for (k, v) in map.entries() {
        k.write(out);
        v.write(out);
    }
}

/// A map [`write_map`] wrote; entries out of order are an error (the form is
/// inconsistent).
fn read_map<V: Wire>(r: &mut In<'_>) -> PerMarketplace<V> {
    match PerMarketplace::from_sorted(Wire::read(r)) {
        Some(map) => map,
        None => r.fail("a per-marketplace map out of order"),
    }
}

impl Wire for SeverityMap {
    fn write(&self, out: &mut Out) {
        self.default.write(out);
        write_map(&self.per, out);
        self.market.write(out);
    }
    fn read(r: &mut In<'_>) -> Self {
        SeverityMap {
            default: Wire::read(r),
            per: read_map(r),
            market: Wire::read(r),
        }
    }
}

impl Wire for Limit {
    fn write(&self, out: &mut Out) {
        self.default.write(out);
        write_map(&self.per, out);
    }
    fn read(r: &mut In<'_>) -> Self {
        Limit {
            default: Wire::read(r),
            per: read_map(r),
        }
    }
}

impl Wire for PolicyMap {
    fn write(&self, out: &mut Out) {
        self.default.write(out);
        write_map(&self.per, out);
    }
    fn read(r: &mut In<'_>) -> Self {
        PolicyMap {
            default: Wire::read(r),
            per: read_map(r),
        }
    }
}

impl Wire for Floor {
    fn write(&self, out: &mut Out) {
        out.text(&self.brand);
        out.text(&self.product);
        self.min.write(out);
    }
    fn read(r: &mut In<'_>) -> Self {
        Floor {
            brand: String::read(r),
            product: String::read(r),
            min: f64::read(r),
        }
    }
}

/// A tag byte, then the check's limit or characters (in ascending order).
impl Wire for FieldCheck {
    fn write(&self, out: &mut Out) {
        match self {
            FieldCheck::MaxLength(l) => {
                out.byte(0);
                l.write(out);
            }
            FieldCheck::MaxBytes(l) => {
                out.byte(1);
                l.write(out);
            }
            FieldCheck::MaxItems(l) => {
                out.byte(2);
                l.write(out);
            }
            FieldCheck::ForbiddenChars(cs) => {
                out.byte(3);
                let mut cs: Vec<char> = cs.iter().copied().collect();
                cs.sort_unstable();
                cs.write(out);
            }
            FieldCheck::PriceUnreadable => out.byte(4),
            FieldCheck::FloorUnchecked => out.byte(5),
            FieldCheck::CostAbovePrice => out.byte(6),
        }
    }
    fn read(r: &mut In<'_>) -> Self {
        match r.byte() {
            0 => FieldCheck::MaxLength(Limit::read(r)),
            1 => FieldCheck::MaxBytes(Limit::read(r)),
            2 => FieldCheck::MaxItems(Limit::read(r)),
            3 => {
                let cs = Vec::<char>::read(r);
                let set: HashSet<char> = cs.iter().copied().collect();
                if set.len() != cs.len() {
                    r.fail::<()>("a forbidden character twice");
                }
                FieldCheck::ForbiddenChars(set)
            }
            4 => FieldCheck::PriceUnreadable,
            5 => FieldCheck::FloorUnchecked,
            6 => FieldCheck::CostAbovePrice,
            _ => {
                r.fail::<()>("a field check does not read");
                FieldCheck::PriceUnreadable
            }
        }
    }
}

/// A tag byte, then the kind's fields but its lists.
impl Wire for RuleKind {
    fn write(&self, out: &mut Out) {
        match self {
            RuleKind::Term {
                terms: _,
                unless: _,
                not_inside,
                window,
                near_brand,
                resale_wording,
                brand_cue,
            } => {
                out.byte(0);
                not_inside.write(out);
                window.write(out);
                near_brand.write(out);
                resale_wording.write(out);
                brand_cue.write(out);
            }
            RuleKind::Pattern {
                patterns: _,
                unless: _,
                window,
                near_brand,
                resale_wording,
            } => {
                out.byte(1);
                window.write(out);
                near_brand.write(out);
                resale_wording.write(out);
            }
            RuleKind::Brand {
                brands: _,
                compatible,
                own,
            } => {
                out.byte(2);
                compatible.write(out);
                own.write(out);
            }
            RuleKind::PriceFloor {
                currency,
                floors: _,
                unless: _,
            } => {
                out.byte(3);
                currency.write(out);
            }
            RuleKind::Field(check) => {
                out.byte(4);
                check.write(out);
            }
        }
    }
    fn read(r: &mut In<'_>) -> Self {
        match r.byte() {
            0 => RuleKind::Term {
                terms: Vec::new(),
                unless: Vec::new(),
                not_inside: Wire::read(r),
                window: Wire::read(r),
                near_brand: Wire::read(r),
                resale_wording: Wire::read(r),
                brand_cue: Wire::read(r),
            },
            1 => RuleKind::Pattern {
                patterns: Vec::new(),
                unless: Vec::new(),
                window: Wire::read(r),
                near_brand: Wire::read(r),
                resale_wording: Wire::read(r),
            },
            2 => RuleKind::Brand {
                brands: Vec::new(),
                compatible: Wire::read(r),
                own: Wire::read(r),
            },
            3 => RuleKind::PriceFloor {
                currency: Wire::read(r),
                floors: Vec::new(),
                unless: Vec::new(),
            },
            4 => RuleKind::Field(FieldCheck::read(r)),
            _ => {
                r.fail::<()>("a rule's kind does not read");
                RuleKind::Field(FieldCheck::PriceUnreadable)
            }
        }
    }
}

impl Wire for Rule {
    fn write(&self, out: &mut Out) {
        out.text(&self.id);
        out.text(&self.full_id);
        self.kind.write(out);
        self.severity.write(out);
        self.fields.write(out);
        self.marketplaces.write(out);
        self.markets.write(out);
        self.message.write(out);
        self.policy.write(out);
        self.fixes.write(out);
        self.instead.write(out);
    }
    fn read(r: &mut In<'_>) -> Self {
        Rule {
            id: String::read(r),
            full_id: String::read(r),
            kind: RuleKind::read(r),
            severity: SeverityMap::read(r),
            fields: Wire::read(r),
            marketplaces: Wire::read(r),
            markets: Wire::read(r),
            message: Wire::read(r),
            policy: PolicyMap::read(r),
            fire: Vec::new(),
            pass: Vec::new(),
            fixes: Wire::read(r),
            fix_examples: Vec::new(),
            instead: Wire::read(r),
        }
    }
}
