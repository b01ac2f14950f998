//! A set of strings that can only say "certainly not in it": one bit per hash, as a
//! Bloom filter with one hash function. The matcher keeps every word prefix of every
//! word literal this way (`louis`, `louis vuitton` of `louis vuitton bag`), to skip at
//! once the tokens that start no literal (most of them) and to stop extending an n-gram
//! as soon as no literal goes on with it.
//!
//! What it is for: building it is a hash and a bit per key, with nothing copied, where a
//! string set of the same keys costs an insert, a probe and a copy each: it is rebuilt on
//! every start of the engine (16,000 literals, in the baseline-compiled wasm of a waking
//! service worker). What it does not do: say that a key *is* in it (about one key in
//! fourteen that is not reads as maybe), list its keys or remove one.

/// Bits of the filter: 2^18 (32 KB). The built-in packs' 13,760 word literals have 19,298
/// word prefixes (9,685 first words; counted 2026-12-06 from `listing-guard-bench
/// export`): about 7% of keys not in it read as maybe.
const BITS_LOG2: u32 = 18;

#[derive(Clone, Default, PartialEq, Eq, Debug)]
pub(crate) struct HashBits {
    /// Empty until the first key (a matcher without word literals costs nothing).
    words: Vec<u64>,
}

impl HashBits {
    #[cfg(test)]
    pub(crate) fn insert(&mut self, key: &str) {
        self.insert_hashed(crate::str_map::hash(key));
    }

    /// [`HashBits::insert`] of the key whose [`crate::str_map::hash`] is `h`.
    pub(crate) fn insert_hashed(&mut self, h: u64) {
        if self.words.is_empty() {
            self.words = vec![0; 1 << (BITS_LOG2 - 6)];
        }
        let b = (h >> (64 - BITS_LOG2)) as usize;
        self.words[b / 64] |= 1 << (b % 64);
    }

    /// `false`: `key` was never inserted; `true`: it may have been.
    #[cfg(test)]
    pub(crate) fn may_contain(&self, key: &str) -> bool {
        self.may_contain_hashed(crate::str_map::hash(key))
    }

    /// [`HashBits::may_contain`] of the key whose [`crate::str_map::hash`] is `h` (the
    /// matcher looks the same key up in its map with the same hash).
    #[inline]
    pub(crate) fn may_contain_hashed(&self, h: u64) -> bool {
        if self.words.is_empty() {
            return false;
        }
        let b = (h >> (64 - BITS_LOG2)) as usize;
        self.words[b / 64] & (1 << (b % 64)) != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_says_no_to_a_key_inserted() {
        let mut s = HashBits::default();
        assert!(!s.may_contain("rolex"));
        let keys: Vec<String> = (0..12_000).map(|i| format!("w{i}")).collect();
        for k in &keys {
            s.insert(k);
        }
        assert!(keys.iter().all(|k| s.may_contain(k)));
        let maybe = (0..10_000)
            .filter(|i| s.may_contain(&format!("x{i}")))
            .count();
        assert!(maybe < 1_000, "{maybe} of 10,000 absent keys read as maybe");
    }
}
