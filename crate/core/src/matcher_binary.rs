//! A [`MatcherBuilder`] in the engine's binary form (`engine/binary.rs`): only what
//! cannot be derived again cheaply. The word literals' keys by id (one list over every
//! id, an empty key where the id is a substring literal's: ids are dense, so writing
//! them beside the keys cost 29 KB of the gzipped wasm), which of them also match as
//! broken words, and the substring literals with their ids are written, each list of
//! keys as one text ([`KeysOut`]) that its map adopts on reading; the first-word set and
//! the joined keys with their head bits are rebuilt on reading, without normalising
//! anything.

use super::{LitId, MatcherBuilder};
use crate::engine::wire::{In, Out};
use crate::hash_bits::HashBits;
use crate::str_map::{hash_bytes, StrMap};
use serde::de::Error;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The wire form; `W` and `S` are lists of keys ([`KeysOut`] written, [`KeysIn`] read),
/// the lists of ids varints read by hand (`engine/wire.rs`).
#[derive(Serialize, Deserialize)]
struct Wire<W, S> {
    /// Word literal keys at their ids' places, empty for substring literals' ids; as
    /// long as the ids go (`next`).
    words: W,
    max_words: usize,
    /// Ids of the word literals that also match as broken words, ascending, each
    /// written as its difference from the one before (one byte each, mostly).
    #[serde(with = "crate::engine::wire::as_bytes")]
    joined: Vec<LitId>,
    /// The substring literals, in automaton pattern order, and their ids.
    substrings: S,
    #[serde(with = "crate::engine::wire::as_bytes")]
    substring_lits: Vec<LitId>,
}

/// A list of keys as one text, the keys end to end, and each key's length in bytes
/// (LEB128, a byte each for nearly all): read, the text becomes a [`StrMap`]'s own,
/// checked as UTF-8 once, with no step per key but its hash.
#[derive(Serialize)]
struct KeysOut {
    lens: Vec<u8>,
    text: String,
}

#[derive(Deserialize)]
struct KeysIn<'a> {
    #[serde(borrow)]
    lens: &'a [u8],
    #[serde(borrow)]
    text: &'a str,
}

impl KeysOut {
    fn of<'k>(keys: impl Iterator<Item = &'k str>) -> KeysOut {
        let (mut lens, mut text) = (Out::default(), String::new());
        for k in keys {
            text.push_str(k);
            lens.num(k.len());
        }
        KeysOut {
            lens: lens.into_bytes(),
            text,
        }
    }
}

impl KeysIn<'_> {
    /// Where each key ends in the text, with the key's place in the list, empty keys
    /// left out; and how many keys the list holds.
    fn ends(&self) -> Result<(Vec<u32>, Vec<LitId>, LitId), &'static str> {
        let mut ends = Vec::with_capacity(self.lens.len());
        let mut places = Vec::with_capacity(self.lens.len());
        let (mut at, mut place) = (0usize, 0 as LitId);
        let mut lens = In::new(self.lens);
        while !lens.at_end() {
            let n = lens.num()?;
            if n > 0 {
                at += n;
                if at > self.text.len() || !self.text.is_char_boundary(at) {
                    return Err("literal keys out of their text");
                }
                ends.push(u32::try_from(at).map_err(|_| "too many literal bytes")?);
                places.push(place);
            }
            place = place.checked_add(1).ok_or("too many literals")?;
        }
        if at != self.text.len() {
            return Err("literal keys do not fill their text");
        }
        Ok((ends, places, place))
    }
}

impl Serialize for MatcherBuilder {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut keys = vec![""; self.next as usize];
        for (k, id) in self.words.iter() {
            keys[id as usize] = k;
        }
        let mut joined: Vec<LitId> = self
            .joined
            .iter()
            .map(|(_, e)| self.words.val(e as usize))
            .collect();
        joined.sort_unstable();
        let mut last = 0;
        for id in &mut joined {
            (*id, last) = (*id - last, *id);
        }
        Wire {
            words: KeysOut::of(keys.into_iter()),
            max_words: self.max_words,
            joined,
            substrings: KeysOut::of(self.substrings.iter().map(|(k, _)| k)),
            substring_lits: self.substrings.iter().map(|(_, id)| id).collect(),
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for MatcherBuilder {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<MatcherBuilder, D::Error> {
        let w = Wire::<KeysIn<'de>, KeysIn<'de>>::deserialize(d)?;
        let substring_lits = w.substring_lits;
        let (ends, ids, next) = w.words.ends().map_err(D::Error::custom)?;
        // Which ids are word literals', to check the substring literals' against.
        let mut is_word = vec![false; next as usize];
        ids.iter().for_each(|&id| is_word[id as usize] = true);
        // The first-word filter is made as the keys are hashed: a key of one word is its
        // own first word, and its hash is the one its slot needs.
        let mut starts = HashBits::default();
        let words =
            StrMap::from_parts_with(w.words.text.to_string(), ends, ids, |key, h| {
                match key.iter().position(|&b| b == b' ') {
                    None => starts.insert_hashed(h),
                    Some(first) => starts.insert_hashed(hash_bytes(&key[..first])),
                }
            })
            .map_err(|_| D::Error::custom("a word literal key twice"))?;
        let (ends, places, n) = w.substrings.ends().map_err(D::Error::custom)?;
        if n as usize != substring_lits.len() || places.len() != ends.len() {
            return Err(D::Error::custom("substring literals without ids, or empty"));
        }
        if substring_lits
            .iter()
            .any(|&id| is_word.get(id as usize).is_none_or(|&w| w))
        {
            return Err(D::Error::custom(
                "a substring literal's id out of range or a word literal's",
            ));
        }
        // The joined ids ascend, as the entries' ids do: one walk finds their entries.
        let mut joined = Vec::with_capacity(w.joined.len());
        let (mut last, mut entry): (LitId, usize) = (0, 0);
        for delta in w.joined {
            last = last
                .checked_add(delta)
                .ok_or_else(|| D::Error::custom("a joined literal id out of range"))?;
            while entry < words.len() && words.val(entry) < last {
                entry += 1;
            }
            if entry == words.len() || words.val(entry) != last {
                return Err(D::Error::custom(
                    "a joined literal that is not a word literal",
                ));
            }
            joined.push(entry);
        }
        let mut m = MatcherBuilder {
            max_words: w.max_words,
            next,
            starts,
            ..MatcherBuilder::default()
        };
        m.joined = StrMap::with_capacity(joined.len(), joined.len() * 10);
        m.words = words;
        let mut buf = String::new();
        for entry in joined {
            buf.clear();
            let key = m.words.key(entry);
            let mut from = 0;
            for (at, _) in key.bytes().enumerate().filter(|&(_, b)| b == b' ') {
                buf.push_str(&key[from..at]);
                from = at + 1;
            }
            buf.push_str(&key[from..]);
            m.join(&buf, entry);
        }
        m.substrings = StrMap::from_parts(w.substrings.text.to_string(), ends, substring_lits)
            .map_err(|_| D::Error::custom("a substring literal twice"))?;
        Ok(m)
    }
}

impl MatcherBuilder {
    /// The id of the word literal whose key is `key` (normalised words joined by single
    /// spaces), if there is one.
    pub(crate) fn word_id(&self, key: &str) -> Option<LitId> {
        self.words.get(key)
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
        assert_eq!(back, b);
        // A literal added after reading gets the id it had, or a fresh one.
        assert_eq!(back.add("高仿"), b.add("高仿"));
        assert_eq!(back.add("原单"), b.add("原单"));
    }
}
