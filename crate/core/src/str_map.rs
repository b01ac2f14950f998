//! A string-keyed, insert-only hash map for the matcher's tens of thousands of literal
//! keys: the keys sit end to end in one `String` and the table holds entry numbers, so
//! adding a key copies its bytes once and allocates nothing of its own.
//!
//! What it is for: the engine's start. Reading the built-in packs' 16,000 word literals
//! into `HashMap<String, _>`s (an allocation and a copy per key, three maps) was three
//! quarters of reading the binary form, and in the baseline-compiled wasm of a waking
//! service worker that reading was most of the engine's start. Looking a key up costs
//! about what a `HashMap` does: a hash, a probe or two, one comparison of bytes.
//!
//! What it does not do: remove keys, or hold more than `u32::MAX` bytes of keys.

use crate::hash::FxHasher;
use std::hash::Hasher;

/// Keys to values `V`; `StrMap<()>` is a set.
#[derive(Clone)]
pub(crate) struct StrMap<V> {
    /// Every key, end to end, in the order they were added.
    text: String,
    /// Where each entry's key ends in `text` (it starts where the one before ends).
    ends: Vec<u32>,
    vals: Vec<V>,
    /// Open addressing, linear probing: an entry's number plus one in the low half, 32
    /// bits of its key's hash in the high half; 0 for a free slot. A power of two long,
    /// at most half full.
    slots: Vec<u64>,
}

impl<V> Default for StrMap<V> {
    fn default() -> Self {
        StrMap {
            text: String::new(),
            ends: Vec::new(),
            vals: Vec::new(),
            slots: Vec::new(),
        }
    }
}

/// The Fx hash of the key's bytes eight at a time, the last few as one word.
#[inline]
pub(crate) fn hash(key: &str) -> u64 {
    hash_bytes(key.as_bytes())
}

/// [`hash`] of a key's bytes.
pub(crate) fn hash_bytes(key: &[u8]) -> u64 {
    let mut h = FxHasher::default();
    let mut chunks = key.chunks_exact(8);
    for c in &mut chunks {
        h.write_u64(u64::from_le_bytes(c.try_into().expect("8 bytes")));
    }
    // Shifted in, not copied into a buffer: a copy of a variable length is a call to
    // `memcpy`, which cost more than the whole hash of a short key.
    let tail = (chunks.remainder().iter().rev()).fold(0u64, |t, &b| t << 8 | u64::from(b));
    h.write_u64(tail ^ ((key.len() as u64) << 56));
    h.finish()
}

impl<V: Copy> StrMap<V> {
    /// A map with room for `n` keys of `bytes` bytes in all before it grows.
    #[cfg_attr(not(feature = "binary"), allow(dead_code))]
    pub(crate) fn with_capacity(n: usize, bytes: usize) -> StrMap<V> {
        StrMap {
            text: String::with_capacity(bytes),
            ends: Vec::with_capacity(n),
            vals: Vec::with_capacity(n),
            slots: vec![0; slots_for(n)],
        }
    }

    /// The map over keys already end to end in `text` (entry `e` ending at `ends[e]`,
    /// ascending, each a character boundary) with their values; `Err` with the entry of
    /// a key that is there twice.
    #[cfg_attr(not(feature = "binary"), allow(dead_code))]
    pub(crate) fn from_parts(
        text: String,
        ends: Vec<u32>,
        vals: Vec<V>,
    ) -> Result<StrMap<V>, usize> {
        StrMap::from_parts_with(text, ends, vals, |_, _| {})
    }

    /// [`StrMap::from_parts`], calling `each` with every key's bytes and [`hash`] in
    /// entry order: what the matcher derives from its keys is made in the same pass, with
    /// the hash already made where it can use it.
    #[cfg_attr(not(feature = "binary"), allow(dead_code))]
    pub(crate) fn from_parts_with(
        text: String,
        ends: Vec<u32>,
        vals: Vec<V>,
        mut each: impl FnMut(&[u8], u64),
    ) -> Result<StrMap<V>, usize> {
        assert_eq!(ends.len(), vals.len(), "a value for every key");
        assert!(
            ends.windows(2).all(|w| w[0] <= w[1])
                && ends.last().is_none_or(|&e| e as usize == text.len()),
            "keys end to end"
        );
        let mut m = StrMap {
            slots: vec![0; slots_for(ends.len())],
            text,
            ends,
            vals,
        };
        for e in 0..m.ends.len() {
            let key = m.key_bytes(e);
            let h = hash_bytes(key);
            each(key, h);
            match m.probe(h, key) {
                Ok(_) => return Err(e),
                Err(i) => m.slots[i] = slot(h, e),
            }
        }
        Ok(m)
    }

    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The key of entry `e` (entries are numbered in the order they were added).
    pub(crate) fn key(&self, e: usize) -> &str {
        &self.text[span(&self.ends, e)]
    }

    /// [`StrMap::key`] as bytes, without checking character boundaries again (every end
    /// is one).
    fn key_bytes(&self, e: usize) -> &[u8] {
        &self.text.as_bytes()[span(&self.ends, e)]
    }

    /// The value of entry `e`.
    pub(crate) fn val(&self, e: usize) -> V {
        self.vals[e]
    }

    /// `Ok` with the entry of `key` (hashed `h`), or `Err` with the free slot where it
    /// would go. The table is never full (at most half).
    fn probe(&self, h: u64, key: &[u8]) -> Result<usize, usize> {
        let mask = self.slots.len() - 1;
        let mut i = (h >> (64 - self.slots.len().trailing_zeros())) as usize;
        let tag = tag(h);
        loop {
            let s = self.slots[i];
            if s == 0 {
                return Err(i);
            }
            // The hash's bits beside the entry number rule out nearly every other key
            // before its bytes are compared.
            if s >> 32 == tag && self.key_bytes((s as u32 - 1) as usize) == key {
                return Ok((s as u32 - 1) as usize);
            }
            i = (i + 1) & mask;
        }
    }

    /// The entry number of `key`, if it is in the map.
    pub(crate) fn entry(&self, key: &str) -> Option<usize> {
        self.entry_bytes(key.as_bytes())
    }

    fn entry_bytes(&self, key: &[u8]) -> Option<usize> {
        if self.slots.is_empty() {
            return None;
        }
        self.probe(hash_bytes(key), key).ok()
    }

    /// [`StrMap::get_bytes`] of a key whose [`hash_bytes`] the caller has made.
    #[inline]
    pub(crate) fn get_hashed(&self, h: u64, key: &[u8]) -> Option<V> {
        if self.slots.is_empty() {
            return None;
        }
        debug_assert_eq!(h, hash_bytes(key));
        self.probe(h, key).ok().map(|e| self.vals[e])
    }

    /// [`StrMap::get`] of a key's bytes.
    pub(crate) fn get_bytes(&self, key: &[u8]) -> Option<V> {
        self.entry_bytes(key).map(|e| self.vals[e])
    }

    pub(crate) fn get(&self, key: &str) -> Option<V> {
        self.entry(key).map(|e| self.vals[e])
    }

    #[cfg(test)]
    pub(crate) fn contains(&self, key: &str) -> bool {
        self.entry(key).is_some()
    }

    /// Adds `key` with `val` and returns its entry number; a key already there keeps its
    /// value, and its entry number is returned.
    pub(crate) fn insert(&mut self, key: &str, val: V) -> usize {
        if (self.ends.len() + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let h = hash(key);
        let i = match self.probe(h, key.as_bytes()) {
            Ok(e) => return e,
            Err(i) => i,
        };
        let e = self.ends.len();
        self.text.push_str(key);
        self.ends
            .push(u32::try_from(self.text.len()).expect("literal keys under 4 GB"));
        self.vals.push(val);
        self.slots[i] = slot(h, e);
        e
    }

    /// The entries' keys and values, in the order they were added.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&str, V)> + '_ {
        (0..self.len()).map(|e| (self.key(e), self.vals[e]))
    }

    fn grow(&mut self) {
        self.slots = vec![0; slots_for((self.ends.len() + 1) * 2)];
        let mask = self.slots.len() - 1;
        for e in 0..self.ends.len() {
            let h = hash_bytes(self.key_bytes(e));
            let mut i = (h >> (64 - self.slots.len().trailing_zeros())) as usize;
            while self.slots[i] != 0 {
                i = (i + 1) & mask;
            }
            self.slots[i] = slot(h, e);
        }
    }
}

/// Where item `e` of a list of strings kept end to end lies, given where each ends (it
/// starts where the one before ends): the keys here, the prefilter's literals.
pub(crate) fn span(ends: &[u32], e: usize) -> std::ops::Range<usize> {
    let start = if e == 0 { 0 } else { ends[e - 1] as usize };
    start..ends[e] as usize
}

/// The 32 bits of a hash kept in its slot: below those that pick the first slot (the
/// top ones, up to 32 of them for 4 G slots).
fn tag(h: u64) -> u64 {
    (h >> 16) & 0xffff_ffff
}

/// A slot: the hash's tag bits (as `probe` takes them) above, entry number plus one below.
fn slot(h: u64, e: usize) -> u64 {
    tag(h) << 32 | u64::from(u32::try_from(e + 1).expect("fewer than 4 G keys"))
}

/// A power of two at least twice `n`, and at least 2 (so `home` shifts by less than 64).
fn slots_for(n: usize) -> usize {
    (n.max(1) * 2).next_power_of_two()
}

impl<V: Copy + PartialEq> PartialEq for StrMap<V> {
    /// The same keys with the same values, whatever order they were added in.
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().all(|(k, v)| other.get(k) == Some(v))
    }
}

impl<V: Copy + std::fmt::Debug> std::fmt::Debug for StrMap<V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn behaves_like_a_hash_map() {
        let mut m: StrMap<u32> = StrMap::default();
        let mut want: HashMap<String, u32> = HashMap::new();
        assert_eq!(m.get("x"), None);
        for i in 0..5000u32 {
            // Keys repeat (i % 3000), collide in their first bytes, and include "".
            let key = if i == 7 {
                String::new()
            } else {
                format!("k{}", i % 3000)
            };
            let e = m.insert(&key, i);
            want.entry(key.clone()).or_insert(i);
            assert_eq!(m.key(e), key);
        }
        assert_eq!(m.len(), want.len());
        for (k, v) in &want {
            assert_eq!(m.get(k), Some(*v), "{k}");
        }
        assert_eq!(m.get("k3000"), None);
        assert!(m.contains(""));
        let order: Vec<&str> = m.iter().map(|(k, _)| k).take(3).collect();
        assert_eq!(order, ["k0", "k1", "k2"]);
    }

    #[test]
    fn sized_ahead_it_does_not_grow() {
        let mut m: StrMap<()> = StrMap::with_capacity(100, 400);
        let slots = m.slots.len();
        for i in 0..100 {
            m.insert(&format!("w{i}"), ());
        }
        assert_eq!(m.slots.len(), slots);
        assert!(m.contains("w99") && !m.contains("w100"));
    }

    #[test]
    fn from_parts_adopts_the_text_and_refuses_a_key_twice() {
        let m = StrMap::from_parts("nikeacmerolex".into(), vec![4, 8, 13], vec![7, 9, 11]).unwrap();
        assert_eq!(
            (m.get("acme"), m.get("rolex"), m.get("nik")),
            (Some(9), Some(11), None)
        );
        assert_eq!(
            StrMap::from_parts("abab".into(), vec![2, 4], vec![(), ()]).err(),
            Some(1)
        );
    }

    proptest::proptest! {
        #[test]
        fn finds_what_was_inserted(keys in proptest::collection::vec("\\PC{0,6}", 0..200)) {
            let mut m: StrMap<usize> = StrMap::default();
            for (i, k) in keys.iter().enumerate() {
                m.insert(k, i);
            }
            for k in &keys {
                let first = keys.iter().position(|x| x == k);
                proptest::prop_assert_eq!(m.get(k), first);
            }
        }
    }
}
