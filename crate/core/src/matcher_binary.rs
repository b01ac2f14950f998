//! A [`MatcherBuilder`] in the engine's binary form (`engine/binary.rs`): only what
//! cannot be derived again cheaply. The word literals' keys by id (one list over every
//! id, an empty key where the id is a substring literal's: ids are dense, so writing
//! them beside the keys cost 29 KB of the gzipped wasm), which of them also match as
//! broken words, and the substring literals with their ids are written, each list of
//! keys as one text ([`KeysIn`]) that its map adopts on reading; the first-word set and
//! the joined keys with their head bits are rebuilt on reading, without normalising
//! anything.

use super::{LitId, MatcherBuilder};
use crate::engine::wire::{In, Out, Wire};
use crate::hash_bits::HashBits;
use crate::str_map::StrMap;

/// A list of keys as one text, the keys end to end, and each key's length in bytes
/// (LEB128, a byte each for nearly all): read, the text becomes a [`StrMap`]'s own,
/// checked as UTF-8 once, with no step per key but its hash. Written as the lengths
/// (a run of bytes), then the text.
struct KeysIn<'a> {
    lens: &'a [u8],
    text: &'a str,
}

/// Writes `keys` as [`KeysIn`] reads them.
fn write_keys<'k>(keys: impl Iterator<Item = &'k str>, out: &mut Out) {
    let (mut lens, mut text) = (Out::default(), String::new());
    for k in keys {
        text.push_str(k);
        lens.num(k.len());
    }
    out.bytes(&lens.into_bytes());
    out.text(&text);
}

impl<'a> KeysIn<'a> {
    fn read(r: &mut In<'a>) -> KeysIn<'a> {
        KeysIn {
            lens: r.bytes(),
            text: r.text(),
        }
    }

    /// Where each key ends in the text, with the key's place in the list, empty keys
    /// left out; and how many keys the list holds.
    fn ends(&self) -> Result<(Vec<u32>, Vec<LitId>, LitId), &'static str> {
        let mut ends = Vec::with_capacity(self.lens.len());
        let mut places = Vec::with_capacity(self.lens.len());
        let (mut at, mut place) = (0usize, 0 as LitId);
        let mut lens = In::new(self.lens);
        while !lens.at_end() {
            let n = lens.num();
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
        lens.done()?;
        if at != self.text.len() {
            return Err("literal keys do not fill their text");
        }
        Ok((ends, places, place))
    }
}

/// The word literals' keys at their ids' places (empty for substring literals' ids; as
/// long as the ids go, `next`), `max_words`, the ids of the word literals that also
/// match as broken words (ascending, each as its difference from the one before: one
/// byte each, mostly), then the substring literals in automaton pattern order and
/// their ids.
impl Wire for MatcherBuilder {
    fn write(&self, out: &mut Out) {
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
        write_keys(keys.into_iter(), out);
        self.max_words.write(out);
        out.nums(&joined);
        write_keys(self.substrings.iter().map(|(k, _)| k), out);
        let substring_lits: Vec<LitId> = self.substrings.iter().map(|(_, id)| id).collect();
        out.nums(&substring_lits);
    }

    fn read(r: &mut In<'_>) -> MatcherBuilder {
        let words = KeysIn::read(r);
        let max_words = usize::read(r);
        let joined = r.nums();
        let substrings = KeysIn::read(r);
        let substring_lits = r.nums();
        match build(words, max_words, joined, substrings, substring_lits) {
            Ok(m) => m,
            Err(e) => r.fail(e),
        }
    }
}

/// The matcher of the parts [`MatcherBuilder::read`] read, if they agree.
///
/// Each loop over the literals is a function of its own, out of line: in the wasm of a
/// waking service worker, V8 recompiles a function whose loops ran long on threads
/// beside the start, and a small function is recompiled in a fraction of the time this
/// one took with every loop inlined (its recompiling took the start's CPU).
fn build(
    words_in: KeysIn<'_>,
    max_words: usize,
    joined_deltas: Vec<LitId>,
    substrings_in: KeysIn<'_>,
    substring_lits: Vec<LitId>,
) -> Result<MatcherBuilder, &'static str> {
    let (ends, ids, next) = words_in.ends()?;
    let is_word = word_ids(&ids, next);
    let (words, prefixes) = words_map(words_in.text, ends, ids)?;
    let (ends, places, n) = substrings_in.ends()?;
    if n as usize != substring_lits.len() || places.len() != ends.len() {
        return Err("substring literals without ids, or empty");
    }
    if substring_lits
        .iter()
        .any(|&id| is_word.get(id as usize).is_none_or(|&w| w))
    {
        return Err("a substring literal's id out of range or a word literal's");
    }
    let joined = joined_entries(&words, joined_deltas)?;
    let mut m = MatcherBuilder {
        max_words,
        next,
        prefixes,
        ..MatcherBuilder::default()
    };
    m.words = words;
    join_all(&mut m, &joined);
    m.substrings = StrMap::from_parts(substrings_in.text.to_string(), ends, substring_lits)
        .map_err(|_| "a substring literal twice")?;
    Ok(m)
}

/// Which ids are word literals' (`ids`, of `next` ids), to check the substring
/// literals' against.
#[inline(never)]
fn word_ids(ids: &[LitId], next: LitId) -> Vec<bool> {
    let mut is_word = vec![false; next as usize];
    ids.iter().for_each(|&id| is_word[id as usize] = true);
    is_word
}

/// The word literals' map over their keys' `text`, and the word-prefix filter, made as
/// the keys are hashed: the whole key's hash is the one its slot needs.
#[inline(never)]
fn words_map(
    text: &str,
    ends: Vec<u32>,
    ids: Vec<LitId>,
) -> Result<(StrMap<LitId>, HashBits), &'static str> {
    let mut prefixes = HashBits::default();
    let words = StrMap::from_parts_with(text.to_string(), ends, ids, |key, h| {
        super::insert_prefixes(&mut prefixes, key, h)
    })
    .map_err(|_| "a word literal key twice")?;
    Ok((words, prefixes))
}

/// The entries of the joined literals, given as ascending ids, each as its difference
/// from the one before. The entries' ids ascend too: one walk finds them.
#[inline(never)]
fn joined_entries(words: &StrMap<LitId>, deltas: Vec<LitId>) -> Result<Vec<usize>, &'static str> {
    let mut joined = Vec::with_capacity(deltas.len());
    let (mut last, mut entry): (LitId, usize) = (0, 0);
    for delta in deltas {
        last = last
            .checked_add(delta)
            .ok_or("a joined literal id out of range")?;
        while entry < words.len() && words.val(entry) < last {
            entry += 1;
        }
        if entry == words.len() || words.val(entry) != last {
            return Err("a joined literal that is not a word literal");
        }
        joined.push(entry);
    }
    Ok(joined)
}

/// Lets each of the word literals at `entries` match as a broken word: its key
/// without the spaces.
#[inline(never)]
fn join_all(m: &mut MatcherBuilder, entries: &[usize]) {
    m.joined = StrMap::with_capacity(entries.len(), entries.len() * 10);
    let mut buf = String::new();
    for &entry in entries {
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
        let bytes = crate::engine::wire::to_bytes(&b);
        let mut back: MatcherBuilder = crate::engine::wire::from_bytes(&bytes).unwrap();
        assert_eq!(back, b);
        // A literal added after reading gets the id it had, or a fresh one.
        assert_eq!(back.add("高仿"), b.add("高仿"));
        assert_eq!(back.add("原单"), b.add("原单"));
        for cut in 0..bytes.len() {
            assert!(crate::engine::wire::from_bytes::<MatcherBuilder>(&bytes[..cut]).is_err());
        }
    }
}
