//! What each literal stands for (its [`Owner`]s, with the languages each is written
//! for), laid flat: every literal's list end to end in one vector, with where each
//! starts. Reading the built-in packs' 16,000 literals' lists as a vector each was an
//! allocation per literal on every start of the engine; flat, it is two.
//!
//! Owners added to a literal after the lists were laid flat (the seller's packs over the
//! built-in ones; every pack when an engine is compiled from TOML) wait in a side map
//! and are merged in, in the order they were added, by [`Owners::settle`], which the
//! engine calls once when it is finished. Before that, [`Owners::of`] sees the flat
//! lists only.

use super::compile::Owner;
use crate::hash::FxHashMap;
use crate::language::LangSet;
use crate::matcher::LitId;

#[derive(Default, Debug, PartialEq)]
pub(crate) struct Owners {
    /// Where each literal's owners start in `flat`, and one more: where the last ends.
    starts: Vec<u32>,
    flat: Vec<(Owner, LangSet)>,
    /// Owners added since the lists were laid flat, by literal.
    more: FxHashMap<LitId, Vec<(Owner, LangSet)>>,
}

impl Owners {
    /// The owners of literal `lit` (none for a literal beyond the lists).
    pub(crate) fn of(&self, lit: LitId) -> &[(Owner, LangSet)] {
        let i = lit as usize;
        match (self.starts.get(i), self.starts.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.flat[a as usize..b as usize],
            _ => &[],
        }
    }

    /// Adds `owner` to literal `lit`; an owner it already has gets `langs` added to its
    /// own (the same word for the same thing in two languages: either fires it).
    pub(crate) fn add(&mut self, lit: LitId, owner: Owner, langs: LangSet) {
        let i = lit as usize;
        if i + 1 < self.starts.len() {
            let (a, b) = (self.starts[i] as usize, self.starts[i + 1] as usize);
            if let Some((_, l)) = self.flat[a..b].iter_mut().find(|(o, _)| *o == owner) {
                *l = l.merge(langs);
                return;
            }
        }
        let more = self.more.entry(lit).or_default();
        match more.iter_mut().find(|(o, _)| *o == owner) {
            Some((_, l)) => *l = l.merge(langs),
            None => more.push((owner, langs)),
        }
    }

    /// Merges the owners added since the lists were laid flat into them, and covers
    /// literals `0..lits` (and every literal given an owner).
    pub(crate) fn settle(&mut self, lits: usize) {
        // The binary form's owners are settled: the merge is then neither run nor (in a
        // waking service worker) compiled.
        if !self.more.is_empty() || self.starts.len() < lits + 1 {
            self.merge(lits);
        }
    }

    #[inline(never)]
    fn merge(&mut self, lits: usize) {
        let beyond = self.more.keys().map(|&l| l as usize + 1).max().unwrap_or(0);
        let lits = lits.max(beyond).max(self.starts.len().saturating_sub(1));
        let added: usize = self.more.values().map(Vec::len).sum();
        let mut flat = Vec::with_capacity(self.flat.len() + added);
        let mut starts = Vec::with_capacity(lits + 1);
        for lit in 0..lits {
            starts.push(u32::try_from(flat.len()).expect("under 4 G owners"));
            flat.extend_from_slice(self.of(lit as LitId));
            if let Some(more) = self.more.get(&(lit as LitId)) {
                flat.extend_from_slice(more);
            }
        }
        starts.push(u32::try_from(flat.len()).expect("under 4 G owners"));
        self.flat = flat;
        self.starts = starts;
        self.more.clear();
    }
}

/// The binary form, written and read by hand (`wire.rs`: 20,000 owners, where serde's
/// visitors cost a call per field): how many owners each literal has (a byte each, where
/// the starts would take two or three), then every owner as a tag byte, its number and
/// its languages' bits.
#[cfg(feature = "binary")]
mod binary_form {
    use super::*;
    use crate::engine::wire::{In, Out, Wire};
    use crate::language::Language;

    impl Wire for Owners {
        fn write(&self, out: &mut Out) {
            assert!(
                self.more.is_empty(),
                "owners are settled before they are written"
            );
            out.num(self.starts.len().saturating_sub(1));
            for w in self.starts.windows(2) {
                out.num((w[1] - w[0]) as usize);
            }
            for &(owner, langs) in &self.flat {
                let (tag, n) = match owner {
                    Owner::Term(n) => (0, n),
                    Owner::Unless(n) => (1, n),
                    Owner::Brand(n) => (2, n),
                    Owner::Product(n) => (3, n),
                    Owner::CompatBefore => (4, 0),
                    Owner::CompatAfter => (5, 0),
                    Owner::Hint(l) => (
                        6,
                        Language::ALL
                            .iter()
                            .position(|&a| a == l)
                            .expect("a language") as u32,
                    ),
                    Owner::GapPart(n) => (7, n),
                };
                out.byte(tag);
                out.num(n as usize);
                out.num(usize::from(langs.bits()));
            }
        }

        fn read(r: &mut In<'_>) -> Owners {
            let lits = r.count();
            let mut starts = Vec::with_capacity(lits + 1);
            let mut at = 0u32;
            starts.push(0);
            for _ in 0..lits {
                at = at.saturating_add(r.u32());
                starts.push(at);
            }
            if at as usize > r.left() {
                return r.fail("owner counts do not add up");
            }
            let mut flat = Vec::with_capacity(at as usize);
            for _ in 0..at {
                let tag = r.byte();
                let n = r.u32();
                let owner = match tag {
                    0 => Owner::Term(n),
                    1 => Owner::Unless(n),
                    2 => Owner::Brand(n),
                    3 => Owner::Product(n),
                    4 => Owner::CompatBefore,
                    5 => Owner::CompatAfter,
                    6 => match Language::ALL.get(n as usize) {
                        Some(&l) => Owner::Hint(l),
                        None => return r.fail("an unknown language"),
                    },
                    7 => Owner::GapPart(n),
                    _ => return r.fail("an owner does not read"),
                };
                let bits = LangSet::read(r);
                flat.push((owner, bits));
            }
            Owners {
                starts,
                flat,
                more: FxHashMap::default(),
            }
        }
    }

    #[test]
    fn reads_back_what_it_wrote() {
        let mut o = Owners::default();
        o.add(0, Owner::Term(1), LangSet::ANY);
        o.add(0, Owner::Hint(Language::Ms), LangSet::one(Language::Ms));
        o.add(
            3,
            Owner::Brand(70_000),
            LangSet::one(Language::Zh).with(Language::En),
        );
        o.add(3, Owner::CompatAfter, LangSet::ANY);
        o.add(2, Owner::GapPart(2), LangSet::ANY);
        o.settle(5);
        let bytes = crate::engine::wire::to_bytes(&o);
        assert_eq!(
            crate::engine::wire::from_bytes::<Owners>(&bytes).unwrap(),
            o
        );
        for cut in 0..bytes.len() {
            assert!(crate::engine::wire::from_bytes::<Owners>(&bytes[..cut]).is_err());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn added_owners_merge_in_order_and_languages_join() {
        let en = LangSet::one(crate::language::Language::En);
        let mut o = Owners::default();
        o.add(2, Owner::Term(1), LangSet::ANY);
        o.add(0, Owner::Brand(5), en);
        o.add(2, Owner::Unless(3), LangSet::ANY);
        assert!(o.of(2).is_empty(), "unsettled owners are not seen yet");
        o.settle(4);
        assert_eq!(
            o.of(2),
            [
                (Owner::Term(1), LangSet::ANY),
                (Owner::Unless(3), LangSet::ANY)
            ]
        );
        assert_eq!(o.of(0), [(Owner::Brand(5), en)]);
        assert!(o.of(1).is_empty() && o.of(3).is_empty() && o.of(9).is_empty());
        // After settling: a known owner merges in place, a new one goes last.
        o.add(0, Owner::Brand(5), LangSet::ANY);
        o.add(0, Owner::Product(1), LangSet::ANY);
        o.add(5, Owner::CompatBefore, LangSet::ANY);
        o.settle(4);
        assert_eq!(
            o.of(0),
            [
                (Owner::Brand(5), en.merge(LangSet::ANY)),
                (Owner::Product(1), LangSet::ANY)
            ]
        );
        assert_eq!(o.of(5), [(Owner::CompatBefore, LangSet::ANY)]);
    }
}
