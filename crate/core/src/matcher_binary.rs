//! A [`MatcherBuilder`] in the engine's binary form (`engine/binary.rs`): only what
//! cannot be derived again cheaply. The word literals' keys and ids, which of them also
//! match as broken words, and the substring literals are written; the first-word set,
//! the joined keys with their word bounds and head bits are rebuilt on reading, without
//! normalising anything; the substring literals' index when a literal is added.

use super::{head_bit, LitId, MatcherBuilder, HEAD_WORDS};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Serialize, Deserialize)]
struct Wire {
    /// Word literal keys, by id.
    words: Vec<(String, LitId)>,
    max_words: usize,
    /// Ids of the word literals that also match as broken words, as first registered.
    joined: Vec<LitId>,
    substrings: Vec<String>,
    substring_lits: Vec<LitId>,
    next: LitId,
}

impl Serialize for MatcherBuilder {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut words: Vec<(String, LitId)> =
            self.words.iter().map(|(k, &id)| (k.clone(), id)).collect();
        words.sort_unstable_by_key(|&(_, id)| id);
        let mut joined: Vec<LitId> = self.joined.values().map(|&(id, _)| id).collect();
        joined.sort_unstable();
        Wire {
            words,
            max_words: self.max_words,
            joined,
            substrings: self.substrings.clone(),
            substring_lits: self.substring_lits.clone(),
            next: self.next,
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
            next: w.next,
            ..MatcherBuilder::default()
        };
        let mut key_of: Vec<Option<usize>> = vec![None; w.next as usize];
        for (i, (key, id)) in w.words.iter().enumerate() {
            let slot = key_of
                .get_mut(*id as usize)
                .ok_or_else(|| D::Error::custom("a literal id out of range"))?;
            *slot = Some(i);
            m.starts
                .insert(key.split(' ').next().unwrap_or_default().to_string());
        }
        for id in w.joined {
            let Some(Some(i)) = key_of.get(id as usize) else {
                return Err(D::Error::custom(
                    "a joined literal that is not a word literal",
                ));
            };
            let key = &w.words[*i].0;
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
        m.words = w.words.into_iter().collect();
        // `substring_ids` is filled when a literal is added (most engines never add one).
        m.substrings = w.substrings;
        m.substring_lits = w.substring_lits;
        Ok(m)
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
