//! The brand entries and groups of the engine's binary form (`binary.rs`), written and
//! read by hand (`wire.rs`) instead of through serde's per-field visitors.
//!
//! What it is for: the engine's start in a waking service worker. The built-in packs hold
//! about 8,000 brand entries and 6,500 groups; read through postcard's generic
//! deserialiser, each field of each one was a call through serde's visitor machinery in
//! baseline-compiled wasm, and that code had to be compiled on the first call, too. Here
//! a field is a varint or a byte read from a slice.
//!
//! The bytes: an entry is `rule group flags needs products [compounds]`, a group is
//! `name products` (each list of them its length, then its items), where a number is an
//! unsigned LEB128 varint, a list of numbers its length then its items, text its length
//! in bytes then UTF-8, `flags` one byte (bit 0 strict case, bit 1 dictionary word, bit 2
//! compounds follow: the number of the everyday table's entry they belong to,
//! `everyday.rs`), and `name` one byte (0 the key, 1 title case, 2 capitals, 3 text
//! follows). Like the rest of the form it is a format between one build of this crate
//! and itself, with no version and no compatibility promise.
//!
//! What it does not do: check that a rule, group or product number is in range; the
//! form is this build's own output.

use super::compile::{BrandEntry, BrandGroup};
use super::everyday::Everyday;
use super::group_name::GroupName;
use super::wire::{In, Out, Wire};

const STRICT_CASE: u8 = 1;
const DICTIONARY_WORD: u8 = 2;
const COMPOUNDS: u8 = 4;

impl Wire for BrandEntry {
    fn write(&self, out: &mut Out) {
        let e = self;
        out.num(e.rule as usize);
        out.num(e.group as usize);
        let flags = (u8::from(e.strict_case) * STRICT_CASE)
            | (u8::from(e.dictionary_word) * DICTIONARY_WORD)
            | (u8::from(e.compounds.is_some()) * COMPOUNDS);
        out.byte(flags);
        out.nums(&e.needs);
        out.nums(&e.products);
        if let Some(c) = e.compounds {
            out.num(c.place());
        }
    }

    fn read(r: &mut In<'_>) -> Self {
        let rule = r.u32();
        let group = r.u32();
        let flags = r.byte();
        let needs = r.nums();
        let products = r.nums();
        let compounds = if flags & COMPOUNDS != 0 {
            let n = r.num();
            match Everyday::at(n) {
                Some(c) => Some(c),
                None => r.fail("an unknown everyday name"),
            }
        } else {
            None
        };
        BrandEntry {
            rule,
            group,
            strict_case: flags & STRICT_CASE != 0,
            dictionary_word: flags & DICTIONARY_WORD != 0,
            needs,
            compounds,
            products,
        }
    }
}

impl Wire for BrandGroup {
    fn write(&self, out: &mut Out) {
        match &self.name {
            GroupName::Key => out.byte(0),
            GroupName::Title => out.byte(1),
            GroupName::Upper => out.byte(2),
            GroupName::Text(t) => {
                out.byte(3);
                out.text(t);
            }
        }
        out.nums(&self.products);
    }

    fn read(r: &mut In<'_>) -> Self {
        let name = match r.byte() {
            0 => GroupName::Key,
            1 => GroupName::Title,
            2 => GroupName::Upper,
            3 => GroupName::Text(r.text().to_string()),
            _ => {
                r.fail::<()>("a brand group's name does not read");
                GroupName::Key
            }
        };
        let products = r.nums();
        BrandGroup { name, products }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::wire::{from_bytes, to_bytes};

    #[test]
    fn reads_back_what_it_wrote_and_refuses_what_is_cut() {
        let compounds = super::super::everyday::lookup("小米");
        assert!(compounds.is_some());
        let entries = vec![
            BrandEntry {
                rule: 3,
                group: 300,
                strict_case: true,
                dictionary_word: false,
                needs: vec![],
                compounds: None,
                products: vec![1, 200_000],
            },
            BrandEntry {
                rule: 0,
                group: 0,
                strict_case: false,
                dictionary_word: true,
                needs: vec![7],
                compounds,
                products: vec![],
            },
        ];
        let groups = vec![
            BrandGroup {
                name: GroupName::Title,
                products: vec![],
            },
            BrandGroup {
                name: GroupName::Text("Louis Vuitton".into()),
                products: vec![5, 6],
            },
        ];
        let (e, g) = (to_bytes(&entries), to_bytes(&groups));
        let back: Vec<BrandEntry> = from_bytes(&e).unwrap();
        assert_eq!(format!("{back:?}"), format!("{entries:?}"));
        assert_eq!(back[1].compounds, compounds);
        assert!(back[1].compounds.unwrap().compounds().contains(&"小米粥"));
        let back: Vec<BrandGroup> = from_bytes(&g).unwrap();
        assert_eq!(format!("{back:?}"), format!("{groups:?}"));
        for cut in 0..e.len() {
            assert!(from_bytes::<Vec<BrandEntry>>(&e[..cut]).is_err());
        }
        for cut in 0..g.len() {
            assert!(from_bytes::<Vec<BrandGroup>>(&g[..cut]).is_err());
        }
        assert!(from_bytes::<Vec<BrandGroup>>(&[1, 9, 0]).is_err());
        // An everyday entry the table does not have.
        assert!(from_bytes::<Vec<BrandEntry>>(&[1, 0, 0, COMPOUNDS, 0, 0, 100]).is_err());
    }
}
