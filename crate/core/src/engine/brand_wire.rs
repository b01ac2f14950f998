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
//! `everyday.rs`), and `name` one byte (0 the key, 1 title case, 2 capitals, 3 as text:
//! its length follows, and the text names come after the last group, end to end, as one
//! text). Like the rest of the form it is a format between one build of this crate
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

/// The brand groups and their names text (`Partial::groups`, `Partial::group_names`): the
/// number of groups, each group (its name's byte: for a name as text, its length in
/// bytes follows; then its products), then the text names end to end in group order.
pub(crate) fn write_groups(groups: &[BrandGroup], names: &str, out: &mut Out) {
    let mut text = String::new();
    out.num(groups.len());
    for g in groups {
        match g.name {
            GroupName::Key => out.byte(0),
            GroupName::Title => out.byte(1),
            GroupName::Upper => out.byte(2),
            GroupName::Text(start, end) => {
                out.byte(3);
                let name = &names[start as usize..end as usize];
                out.num(name.len());
                text.push_str(name);
            }
        }
        out.nums(&g.products);
    }
    out.text(&text);
}

/// What [`write_groups`] wrote: the groups, with their text names as places in the names
/// text, and that text (one allocation for every name).
#[inline(never)] // a loop over every group: see `Vec::read` (wire.rs)
pub(crate) fn read_groups(r: &mut In<'_>) -> (Vec<BrandGroup>, String) {
    let n = r.count();
    let mut groups = super::wire::list_for(n);
    let mut at = 0usize;
    for _ in 0..n {
        let name = match r.byte() {
            0 => GroupName::Key,
            1 => GroupName::Title,
            2 => GroupName::Upper,
            3 => {
                let start = at;
                at = at.saturating_add(r.num());
                let place = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
                GroupName::Text(place(start), place(at))
            }
            _ => {
                r.fail::<()>("a brand group's name does not read");
                GroupName::Key
            }
        };
        let products = r.nums();
        groups.push(BrandGroup { name, products });
    }
    let text = r.text();
    // Every name's place lies in the text, on character boundaries (`spell` slices it).
    let fits = at == text.len()
        && groups.iter().all(|g| match g.name {
            GroupName::Text(s, e) => {
                text.is_char_boundary(s as usize) && text.is_char_boundary(e as usize)
            }
            _ => true,
        });
    if !fits {
        r.fail::<()>("brand group names out of their text");
        return (Vec::new(), String::new());
    }
    (groups, text.to_string())
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
        let mut names = String::from("unused ");
        let groups = vec![
            BrandGroup {
                name: GroupName::Title,
                products: vec![],
            },
            BrandGroup {
                name: GroupName::text("Louis Vuitton", &mut names),
                products: vec![5, 6],
            },
            BrandGroup {
                name: GroupName::text("阿迪达斯", &mut names),
                products: vec![],
            },
        ];
        let e = to_bytes(&entries);
        let mut out = Out::default();
        write_groups(&groups, &names, &mut out);
        let g = out.into_bytes();
        let back: Vec<BrandEntry> = from_bytes(&e).unwrap();
        assert_eq!(format!("{back:?}"), format!("{entries:?}"));
        assert_eq!(back[1].compounds, compounds);
        assert!(back[1].compounds.unwrap().compounds().contains(&"小米粥"));
        let read = |bytes: &[u8]| {
            let mut r = In::new(bytes);
            let got = read_groups(&mut r);
            r.done().map(|()| got)
        };
        let (back, text) = read(&g).unwrap();
        assert_eq!(text, "Louis Vuitton阿迪达斯");
        let spelled = |gs: &[BrandGroup], t: &str| -> Vec<String> {
            gs.iter()
                .map(|g| g.name.spell("gucci", t).into_owned())
                .collect()
        };
        assert_eq!(
            spelled(&back, &text),
            ["Gucci", "Louis Vuitton", "阿迪达斯"]
        );
        assert_eq!(spelled(&back, &text), spelled(&groups, &names));
        assert_eq!(back[1].products, [5, 6]);
        for cut in 0..e.len() {
            assert!(from_bytes::<Vec<BrandEntry>>(&e[..cut]).is_err());
        }
        for cut in 0..g.len() {
            assert!(read(&g[..cut]).is_err());
        }
        // An unknown name byte; a name longer than the text; a name cut inside a character.
        assert!(read(&[1, 9, 0, 0]).is_err());
        assert!(read(&[1, 3, 5, 0, 3, b'a', b'b', b'c']).is_err());
        assert!(read(&[2, 3, 1, 0, 3, 2, 0, 3, 0xe9, 0x98, 0xbf]).is_err());
        // An everyday entry the table does not have.
        assert!(from_bytes::<Vec<BrandEntry>>(&[1, 0, 0, COMPOUNDS, 0, 0, 100]).is_err());
    }
}
