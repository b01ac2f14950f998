//! Which of a list of literals occur in a text, each literal of [`MIN_LEN`] bytes or
//! more standing for a value (a pattern of the prefilter, `prefilter.rs`): every value
//! of every literal found, at any position, overlapping or not.
//!
//! What it is for: the patterns' prefilter, built on every start of the engine (in a
//! waking service worker, from the binary form) and run on every field of every lint.
//! An Aho-Corasick automaton did the same search, but building it over 1,500 literals
//! was an NFA compiler run, and compiled by V8, on every wake. This is built in one
//! pass over literals already in order (the binary form holds them so), with no
//! allocation per literal, and searched with one table lookup per byte of the text.
//!
//! How: the literals are kept sorted, so those with the same first three bytes (their
//! head) sit together. A table of 65,536 bits holds one bit per hash of a head; at each
//! position of the text, the head starting there is looked up in it, and only where its
//! bit is set (about 1,500 literals' heads set at most as many of the bits) are the heads
//! binary-searched and that head's literals compared.
//!
//! What it does not do: report where a literal was found, or find literals shorter
//! than three bytes (the prefilter leaves patterns with those to its regex set).

/// The shortest literal a set holds.
pub(crate) const MIN_LEN: usize = 3;

const BITS: usize = 1 << 16;

pub(crate) struct LiteralSet {
    /// The literals end to end, sorted (so grouped by head).
    text: Vec<u8>,
    /// Where each literal ends in `text`.
    ends: Vec<u32>,
    /// The value of each literal.
    vals: Vec<u32>,
    /// Each distinct head, ascending, and the first literal with it (one more entry
    /// at the end: the number of literals).
    heads: Vec<u32>,
    firsts: Vec<u32>,
    /// A bit per head hash ([`slot`]) for the heads of `heads`.
    bits: Vec<u64>,
}

/// The first three bytes of `b`, big-endian: heads compare as the literals do.
fn head(b: &[u8]) -> u32 {
    u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2])
}

fn slot(head: u32) -> usize {
    (head.wrapping_mul(0x9e37_79b1) >> 16) as usize
}

impl LiteralSet {
    /// The set of literals `text[ends[i-1]..ends[i]]` with values `vals[i]`: `Err` if
    /// the parts disagree or a literal is shorter than [`MIN_LEN`]. Literals sorted
    /// by bytes (as [`sorted`] leaves them) are taken as they are; others are sorted
    /// first.
    pub(crate) fn new(
        text: Vec<u8>,
        ends: Vec<u32>,
        vals: Vec<u32>,
    ) -> Result<LiteralSet, &'static str> {
        if ends.len() != vals.len() || ends.last().is_some_and(|&e| e as usize != text.len()) {
            return Err("the prefilter's literals do not add up");
        }
        let mut set = LiteralSet {
            text,
            ends,
            vals,
            heads: Vec::new(),
            firsts: Vec::new(),
            bits: vec![0; BITS / 64],
        };
        let mut start = 0usize;
        for &end in &set.ends {
            if (end as usize) < start + MIN_LEN {
                return Err("a prefilter literal is too short or out of order");
            }
            start = end as usize;
        }
        let mut start = 0usize;
        for i in 0..set.ends.len() {
            let end = set.ends[i] as usize;
            let h = head(&set.text[start..]);
            match set.heads.last() {
                Some(&last) if last == h => {}
                Some(&last) if last > h => return set.sorted_copy(),
                _ => {
                    set.heads.push(h);
                    set.firsts.push(i as u32);
                    let b = slot(h);
                    set.bits[b / 64] |= 1 << (b % 64);
                }
            }
            start = end;
        }
        set.firsts.push(set.ends.len() as u32);
        Ok(set)
    }

    /// The same literals and values, sorted, then built.
    #[cold]
    fn sorted_copy(&self) -> Result<LiteralSet, &'static str> {
        let (text, ends, vals) = sorted((0..self.ends.len()).map(|i| (self.lit(i), self.vals[i])));
        LiteralSet::new(text, ends, vals)
    }

    fn lit(&self, i: usize) -> &[u8] {
        &self.text[crate::str_map::span(&self.ends, i)]
    }

    /// Calls `found` with the value of each literal found in `text`, once per
    /// occurrence.
    pub(crate) fn each_in(&self, text: &[u8], mut found: impl FnMut(u32)) {
        if self.heads.is_empty() || text.len() < MIN_LEN {
            return;
        }
        let mut h = u32::from(text[0]) << 8 | u32::from(text[1]);
        for at in MIN_LEN - 1..text.len() {
            h = (h << 8 | u32::from(text[at])) & 0xff_ffff;
            let b = slot(h);
            if self.bits[b / 64] & (1 << (b % 64)) == 0 {
                continue;
            }
            let Ok(k) = self.heads.binary_search(&h) else {
                continue;
            };
            let rest = &text[at + 1 - MIN_LEN..];
            for i in self.firsts[k] as usize..self.firsts[k + 1] as usize {
                if rest.starts_with(self.lit(i)) {
                    found(self.vals[i]);
                }
            }
        }
    }

    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }
}

/// `pairs` of literal and value sorted, without repeats, as three lists: the literals
/// end to end, where each ends, their values.
pub(crate) fn sorted<'a>(
    pairs: impl Iterator<Item = (&'a [u8], u32)>,
) -> (Vec<u8>, Vec<u32>, Vec<u32>) {
    let mut pairs: Vec<(&[u8], u32)> = pairs.collect();
    pairs.sort_unstable();
    pairs.dedup();
    let mut text = Vec::with_capacity(pairs.iter().map(|(l, _)| l.len()).sum());
    let mut ends = Vec::with_capacity(pairs.len());
    for (l, _) in &pairs {
        text.extend_from_slice(l);
        ends.push(u32::try_from(text.len()).expect("prefilter literals under 4 GB"));
    }
    (text, ends, pairs.into_iter().map(|(_, v)| v).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(pairs: &[(&str, u32)]) -> LiteralSet {
        let (t, e, v) = sorted(pairs.iter().map(|&(l, v)| (l.as_bytes(), v)));
        LiteralSet::new(t, e, v).unwrap()
    }

    fn found(s: &LiteralSet, text: &str) -> Vec<u32> {
        let mut out = Vec::new();
        s.each_in(text.as_bytes(), |v| out.push(v));
        out.sort_unstable();
        out
    }

    #[test]
    fn finds_every_literal_anywhere_overlapping() {
        let s = set(&[
            ("replica", 0),
            ("rep", 1),
            ("plica", 2),
            ("% vol", 3),
            ("好评返", 4),
        ]);
        assert_eq!(found(&s, "a replica"), vec![0, 1, 2]);
        assert_eq!(found(&s, "replicareplica"), vec![0, 0, 1, 1, 2, 2]);
        assert_eq!(found(&s, "12% vol"), vec![3]);
        assert_eq!(found(&s, "五星好评返现"), vec![4]);
        assert_eq!(found(&s, "re"), Vec::<u32>::new());
        assert_eq!(found(&s, "nothing here"), Vec::<u32>::new());
        // At the very start and the very end.
        assert_eq!(found(&s, "rep"), vec![1]);
    }

    #[test]
    fn one_literal_for_several_values_and_repeats_dropped() {
        let s = set(&[("fake", 1), ("fake", 0), ("fake", 1)]);
        assert_eq!(s.len(), 2);
        assert_eq!(found(&s, "fake"), vec![0, 1]);
    }

    #[test]
    fn literals_out_of_order_are_sorted_and_short_ones_refused() {
        let (t, e, v) = (b"zzzaaa".to_vec(), vec![3, 6], vec![7, 8]);
        let s = LiteralSet::new(t, e, v).unwrap();
        assert_eq!(found(&s, "aaa zzz"), vec![7, 8]);
        assert!(LiteralSet::new(b"ab".to_vec(), vec![2], vec![0]).is_err());
        assert!(LiteralSet::new(b"abcd".to_vec(), vec![3], vec![0]).is_err());
        assert!(LiteralSet::new(b"abc".to_vec(), vec![3], vec![]).is_err());
        // Out of order, then too short: refused, not sorted.
        assert!(LiteralSet::new(b"zzzaaab".to_vec(), vec![3, 6, 7], vec![0, 1, 2]).is_err());
        assert!(LiteralSet::new(b"zzzaaaa".to_vec(), vec![3, 7, 6], vec![0, 1, 2]).is_err());
    }

    /// Against the plain search, on texts made of the literals' own pieces.
    #[test]
    fn finds_what_a_plain_search_finds() {
        let lits = [
            "abc", "abcd", "bcd", "cab", "aaa", "aab", "dddd", "abd", "ca b",
        ];
        let pairs: Vec<(&str, u32)> = lits
            .iter()
            .enumerate()
            .map(|(i, &l)| (l, i as u32))
            .collect();
        let s = set(&pairs);
        let pieces = ["a", "b", "c", "d", " "];
        let mut seed = 7u32;
        for _ in 0..500 {
            let mut text = String::new();
            for _ in 0..12 {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                text.push_str(pieces[(seed >> 16) as usize % pieces.len()]);
            }
            let mut want = Vec::new();
            for (i, l) in lits.iter().enumerate() {
                let n = (0..text.len())
                    .filter(|&at| text[at..].starts_with(l))
                    .count();
                want.extend(std::iter::repeat_n(i as u32, n));
            }
            want.sort_unstable();
            assert_eq!(found(&s, &text), want, "{text:?}");
        }
    }
}
