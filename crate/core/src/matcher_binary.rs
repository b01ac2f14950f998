//! A [`MatcherBuilder`] in the engine's binary form (`engine/binary.rs`): only what
//! cannot be derived again cheaply. The word literals' keys by id (one list over every
//! id, an empty key where the id is a substring literal's: ids are dense, so writing
//! them beside the keys cost 29 KB of the gzipped wasm), which of them also
//! match as broken words, and the substring literals are written; the first-word set,
//! the joined keys with their word bounds and head bits are rebuilt on reading, without
//! normalising anything; the substring literals' index when a literal is added.

use super::{head_bit, LitId, MatcherBuilder, HEAD_WORDS};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Serialize, Deserialize)]
struct Wire {
    /// Word literal keys at their ids' places, empty for substring literals' ids; as
    /// long as the ids go (`next`).
    words: Vec<String>,
    max_words: usize,
    /// Ids of the word literals that also match as broken words, ascending, each
    /// written as its difference from the one before (one byte each, mostly).
    joined: Vec<LitId>,
    substrings: Vec<String>,
    substring_lits: Vec<LitId>,
}

impl Serialize for MatcherBuilder {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut words = vec![String::new(); self.next as usize];
        for (k, &id) in &self.words {
            words[id as usize] = k.clone();
        }
        let mut joined: Vec<LitId> = self.joined.values().map(|&(id, _)| id).collect();
        joined.sort_unstable();
        let mut last = 0;
        for id in &mut joined {
            (*id, last) = (*id - last, *id);
        }
        Wire {
            words,
            max_words: self.max_words,
            joined,
            substrings: self.substrings.clone(),
            substring_lits: self.substring_lits.clone(),
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for MatcherBuilder {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<MatcherBuilder, D::Error> {
        use serde::de::Error;
        let w = Wire::deserialize(d)?;
        if w.substrings.len() != w.substring_lits.len() {
            return Err(D::Error::custom("substring literals without ids"));
        }
        let mut m = MatcherBuilder {
            max_words: w.max_words,
            next: LitId::try_from(w.words.len())
                .map_err(|_| D::Error::custom("too many literals"))?,
            ..MatcherBuilder::default()
        };
        for key in w.words.iter().filter(|k| !k.is_empty()) {
            m.starts
                .insert(key.split(' ').next().unwrap_or_default().to_string());
        }
        let mut last: LitId = 0;
        for delta in w.joined {
            last = last
                .checked_add(delta)
                .ok_or_else(|| D::Error::custom("a joined literal id out of range"))?;
            let id = last;
            let key = match w.words.get(id as usize) {
                Some(key) if !key.is_empty() => key,
                _ => {
                    return Err(D::Error::custom(
                        "a joined literal that is not a word literal",
                    ))
                }
            };
            let bounds = key
                .split(' ')
                .scan(0, |at, part| {
                    *at += part.len();
                    Some(*at)
                })
                .collect();
            let joined = key.replace(' ', "");
            if m.joined_heads.is_empty() {
                m.joined_heads.resize(HEAD_WORDS, 0);
            }
            let bit = head_bit(joined.as_bytes());
            m.joined_heads[bit / 64] |= 1 << (bit % 64);
            m.joined.insert(joined, (id, bounds));
        }
        if w.substring_lits
            .iter()
            .any(|&id| w.words.get(id as usize).is_none_or(|k| !k.is_empty()))
        {
            return Err(D::Error::custom(
                "a substring literal's id out of range or a word literal's",
            ));
        }
        m.words = w
            .words
            .into_iter()
            .enumerate()
            .filter(|(_, k)| !k.is_empty())
            .map(|(id, k)| (k, id as LitId))
            .collect();
        // `substring_ids` is filled when a literal is added (most engines never add one).
        m.substrings = w.substrings;
        m.substring_lits = w.substring_lits;
        Ok(m)
    }
}

impl MatcherBuilder {
    /// The id of the word literal whose key is `key` (normalised words joined by single
    /// spaces), if there is one.
    pub(crate) fn word_id(&self, key: &str) -> Option<LitId> {
        self.words.get(key).copied()
    }

    /// The key of each word literal, at its id's place (`None` for substring literals).
    pub(crate) fn word_keys(&self) -> Vec<Option<&str>> {
        let mut keys = vec![None; self.next as usize];
        for (k, &id) in &self.words {
            keys[id as usize] = Some(k.as_str());
        }
        keys
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_back_what_was_built() {
        let mut b = MatcherBuilder::new();
        for (lit, joinable) in [
            ("Louis Vuitton", true),
            ("louis vuitton", false),
            ("Rolex", true),
            ("Ro lex", true),
            ("theme", false),
            ("高仿", false),
            ("c家", true),
            ("nike air max", true),
        ] {
            b.add_with(lit, joinable);
        }
        let mut back: MatcherBuilder =
            postcard::from_bytes(&postcard::to_allocvec(&b).unwrap()).unwrap();
        assert!(back.substring_ids.is_empty());
        back.index_substrings();
        assert_eq!(back, b);
        // A literal added after reading gets the id it had, or a fresh one.
        assert_eq!(back.add("高仿"), b.add("高仿"));
        assert_eq!(back.add("原单"), b.add("原单"));
    }
}
