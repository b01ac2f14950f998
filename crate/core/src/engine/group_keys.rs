//! Each brand group's key (`compile::brand_key`), by group number, and the groups by key
//! while packs are being added.
//!
//! What it is for: an engine read from the binary form with no pack of the seller's
//! never looks a group up by its key (only packs being added do, to join a brand named
//! twice into one group, and price floors being resolved); a lint only spells a group's
//! name from its key, by number, when a finding names the brand. So the binary form's
//! keys stay as it has them, nearly all the id of the matcher's word literal that is the
//! key ([`GroupKeys::Lits`]), and the hashed map ([`GroupKeys::Map`]) is made only when
//! a pack is added: not 6,500 keys copied and hashed on every wake of the worker.

use crate::matcher::LitId;
use crate::str_map::StrMap;

/// In [`GroupKeys::Lits`], a group whose key is not a word literal: the rest of the
/// number is its place in `texts`.
#[cfg(feature = "binary")]
const TEXT: u32 = 1 << 31;

#[derive(Clone, Debug)]
pub(crate) enum GroupKeys {
    /// Entry `g` of the map is group `g`'s key.
    Map(StrMap<u32>),
    /// Group `g`'s key is the key of word literal `lits[g]`, or `texts[lits[g] & !TEXT]`
    /// with [`TEXT`] set.
    #[cfg(feature = "binary")]
    Lits { lits: Vec<u32>, texts: Vec<String> },
}

impl Default for GroupKeys {
    fn default() -> Self {
        GroupKeys::Map(StrMap::default())
    }
}

impl GroupKeys {
    /// Keys in group order as literal ids (`Ok`) or texts (`Err`), as the binary form
    /// has them: taken as they are.
    #[cfg(feature = "binary")]
    pub(crate) fn from_lits(keys: impl Iterator<Item = Result<LitId, String>>) -> GroupKeys {
        let (mut lits, mut texts) = (Vec::new(), Vec::new());
        for k in keys {
            match k {
                Ok(id) => lits.push(id),
                Err(t) => {
                    lits.push(TEXT | texts.len() as u32);
                    texts.push(t);
                }
            }
        }
        GroupKeys::Lits { lits, texts }
    }

    #[cfg_attr(not(feature = "binary"), allow(dead_code))]
    pub(crate) fn len(&self) -> usize {
        match self {
            GroupKeys::Map(m) => m.len(),
            #[cfg(feature = "binary")]
            GroupKeys::Lits { lits, .. } => lits.len(),
        }
    }

    /// Group `g`'s key; `word_key` gives a word literal's key by id.
    pub(crate) fn key<'s: 'r, 'w: 'r, 'r>(
        &'s self,
        g: usize,
        word_key: impl Fn(LitId) -> Option<&'w str>,
    ) -> &'r str {
        #[cfg(not(feature = "binary"))]
        let _ = word_key;
        match self {
            GroupKeys::Map(m) => m.key(g),
            #[cfg(feature = "binary")]
            GroupKeys::Lits { lits, texts } => match lits[g] {
                n if n & TEXT != 0 => &texts[(n & !TEXT) as usize],
                id => word_key(id).expect("a group key's literal is a word literal"),
            },
        }
    }

    /// The groups by key, to look one up or add one: made from the literal ids the first
    /// time (a pack of the seller's is being added to the binary form's engine).
    pub(crate) fn map<'a>(
        &mut self,
        word_key: impl Fn(LitId) -> Option<&'a str>,
    ) -> &mut StrMap<u32> {
        #[cfg(feature = "binary")]
        if let GroupKeys::Lits { .. } = self {
            let n = self.len();
            let mut map = StrMap::with_capacity(n, n * 12);
            for g in 0..n {
                let entry = map.insert(self.key(g, &word_key), g as u32);
                assert_eq!(entry, g, "a brand group key twice");
            }
            *self = GroupKeys::Map(map);
        }
        #[cfg(not(feature = "binary"))]
        let _ = word_key;
        match self {
            GroupKeys::Map(m) => m,
            #[cfg(feature = "binary")]
            GroupKeys::Lits { .. } => unreachable!("made a map above"),
        }
    }
}

#[cfg(all(test, feature = "binary"))]
mod tests {
    use super::*;

    #[test]
    fn keys_by_number_from_literals_or_texts_and_a_map_when_asked() {
        let words = ["rolex", "louis vuitton"];
        let word_key = |id: LitId| words.get(id as usize).copied();
        let mut keys = GroupKeys::from_lits([Ok(1), Err("c家".to_string()), Ok(0)].into_iter());
        assert_eq!(keys.len(), 3);
        assert_eq!(
            (0..3).map(|g| keys.key(g, word_key)).collect::<Vec<_>>(),
            ["louis vuitton", "c家", "rolex"]
        );
        let map = keys.map(word_key);
        assert_eq!(map.get("c家"), Some(1));
        assert_eq!(map.insert("gucci", 3), 3);
        assert_eq!(keys.key(3, word_key), "gucci");
        assert!(matches!(keys, GroupKeys::Map(_)));
    }
}
