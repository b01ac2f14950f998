//! Finds every occurrence of a set of literals (terms, brand names, product words,
//! context phrases) in a [`Normalized`] text.
//!
//! Two kinds of literal, by what they contain after normalisation:
//!
//! - A **word literal** (Latin or another alphabetic script only) matches whole words:
//!   its key is its words' match keys joined by single spaces (`Louis-Vuitton` →
//!   `iouis vuitton`), kept in a hash map, and the text's consecutive words are looked
//!   up as n-grams. Building it costs a hash insert per literal, so tens of thousands
//!   of brand names build in milliseconds (an automaton over them would take ~100 ms,
//!   paid again on every wake of the extension's service worker).
//! - A **substring literal** (it contains a CJK character) matches anywhere, since
//!   CJK text has no word boundaries, through one Aho-Corasick automaton. Where it
//!   starts or ends with a Latin letter or digit, that end must sit on a word boundary
//!   (`c家` matches `c家包包`, not `abc家`).
//!
//! It does not stem: `nike` does not match `nikes`.

use crate::normalize::{is_word_char, Normalized, TokenKind};
use aho_corasick::{AhoCorasick, MatchKind};
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A fast, non-cryptographic hash for short word keys (the Fx hash of rustc). The keys
/// come from our own packs and the seller's text, and a pathological collision costs
/// time on one listing, not safety, so SipHash's flood protection buys nothing here.
#[derive(Default, Clone, Copy)]
struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let v = u64::from_le_bytes(c.try_into().expect("8 bytes"));
            self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type FxBuild = BuildHasherDefault<FxHasher>;
use std::ops::Range;

/// The id of a literal registered with a [`MatcherBuilder`].
pub type LitId = u32;

/// One occurrence of a literal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub lit: LitId,
    /// Byte range in the normalised text.
    pub span: Range<usize>,
    /// Token index range covered by the occurrence.
    pub tokens: Range<usize>,
}

/// Collects literals, then builds an immutable [`Matcher`].
#[derive(Default)]
pub struct MatcherBuilder {
    words: HashMap<String, LitId, FxBuild>,
    /// The first word of every word literal: a token that is none of these starts nothing.
    starts: HashSet<String, FxBuild>,
    max_words: usize,
    substrings: Vec<String>,
    substring_ids: HashMap<String, LitId>,
    substring_lits: Vec<LitId>,
    next: LitId,
}

impl MatcherBuilder {
    pub fn new() -> MatcherBuilder {
        MatcherBuilder::default()
    }

    /// Registers a literal and returns its id; the same literal after normalisation gets
    /// the same id. `None` when the literal normalises to nothing (only punctuation).
    pub fn add(&mut self, literal: &str) -> Option<LitId> {
        let n = Normalized::new(literal);
        let text = n.text().trim();
        if text.chars().any(crate::normalize::is_cjk) {
            if let Some(&id) = self.substring_ids.get(text) {
                return Some(id);
            }
            let id = self.fresh();
            self.substring_ids.insert(text.to_string(), id);
            self.substrings.push(text.to_string());
            self.substring_lits.push(id);
            return Some(id);
        }
        let words: Vec<&str> = n
            .tokens()
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| n.key(t))
            .collect();
        if words.is_empty() {
            return None;
        }
        let key = words.join(" ");
        if let Some(&id) = self.words.get(&key) {
            return Some(id);
        }
        let id = self.fresh();
        self.max_words = self.max_words.max(words.len());
        self.starts.insert(words[0].to_string());
        self.words.insert(key, id);
        Some(id)
    }

    fn fresh(&mut self) -> LitId {
        let id = self.next;
        self.next += 1;
        id
    }

    pub fn build(self) -> Matcher {
        let automaton = (!self.substrings.is_empty()).then(|| {
            AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .build(&self.substrings)
                .expect("literals are bounded in size by pack validation")
        });
        let edges = self
            .substrings
            .iter()
            .map(|s| {
                (
                    s.chars().next().is_some_and(is_word_char),
                    s.chars().next_back().is_some_and(is_word_char),
                )
            })
            .collect();
        Matcher {
            words: self.words,
            starts: self.starts,
            max_words: self.max_words,
            automaton,
            substring_lits: self.substring_lits,
            edges,
            len: self.next as usize,
        }
    }
}

/// An immutable set of literals to search for.
pub struct Matcher {
    words: HashMap<String, LitId, FxBuild>,
    starts: HashSet<String, FxBuild>,
    max_words: usize,
    automaton: Option<AhoCorasick>,
    substring_lits: Vec<LitId>,
    /// Whether each substring literal starts / ends with a word character.
    edges: Vec<(bool, bool)>,
    len: usize,
}

impl Matcher {
    /// Every occurrence of every literal, overlapping ones included, ordered by start
    /// and then by length, longest first.
    pub fn find(&self, text: &Normalized) -> Vec<Hit> {
        let mut hits = Vec::new();
        self.find_words(text, &mut hits);
        self.find_substrings(text, &mut hits);
        hits.sort_by(|a, b| {
            (a.span.start, std::cmp::Reverse(a.span.end), a.lit).cmp(&(
                b.span.start,
                std::cmp::Reverse(b.span.end),
                b.lit,
            ))
        });
        hits.dedup();
        hits
    }

    fn find_words(&self, text: &Normalized, hits: &mut Vec<Hit>) {
        if self.words.is_empty() {
            return;
        }
        let tokens = text.tokens();
        // The keys of all tokens joined by spaces, so an n-gram is one slice.
        let joined = text.keys();
        for i in 0..tokens.len() {
            if tokens[i].kind != TokenKind::Word || !self.starts.contains(text.key(&tokens[i])) {
                continue;
            }
            for j in i..tokens.len().min(i + self.max_words) {
                if tokens[j].kind != TokenKind::Word {
                    break;
                }
                if let Some(&lit) = self
                    .words
                    .get(&joined[tokens[i].key.start..tokens[j].key.end])
                {
                    hits.push(Hit {
                        lit,
                        span: tokens[i].span.start..tokens[j].span.end,
                        tokens: i..j + 1,
                    });
                }
            }
        }
    }

    fn find_substrings(&self, text: &Normalized, hits: &mut Vec<Hit>) {
        let Some(ac) = &self.automaton else { return };
        let s = text.text();
        let tokens = text.tokens();
        for m in ac.find_overlapping_iter(s) {
            let p = m.pattern().as_usize();
            let (start_word, end_word) = self.edges[p];
            if start_word && s[..m.start()].chars().next_back().is_some_and(is_word_char) {
                continue;
            }
            if end_word && s[m.end()..].chars().next().is_some_and(is_word_char) {
                continue;
            }
            let first = tokens.partition_point(|t| t.span.end <= m.start());
            let last = tokens
                .partition_point(|t| t.span.start < m.end())
                .max(first);
            hits.push(Hit {
                lit: self.substring_lits[p],
                span: m.range(),
                tokens: first..last,
            });
        }
    }

    /// How many distinct literals the matcher holds.
    pub fn len(&self) -> usize {
        self.len
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether `literal` is found in `text`, and the original text of the first hit.
    fn found(literal: &str, text: &str) -> Option<String> {
        let mut b = MatcherBuilder::new();
        let id = b.add(literal).unwrap();
        let m = b.build();
        let n = Normalized::new(text);
        m.find(&n)
            .into_iter()
            .find(|h| h.lit == id)
            .map(|h| text[n.to_original(h.span)].to_string())
    }

    #[test]
    fn matching_table() {
        // (literal, text, the original text matched or None)
        let cases: &[(&str, &str, Option<&str>)] = &[
            ("Nike", "Nike shoes", Some("Nike")),
            ("Nike", "nikes", None),
            ("Nike", "Anike", None),
            ("Louis Vuitton", "LOUIS-VUITTON bag", Some("LOUIS-VUITTON")),
            ("Louis Vuitton", "louis  vuitton", Some("louis  vuitton")),
            ("耐克", "正品耐克鞋", Some("耐克")),
            ("c家", "c家包包", Some("c家")),
            ("c家", "abc家", None),
            ("Nike", "Ｎｉｋｅ", Some("Ｎｉｋｅ")),
            ("Chanel", "𝗖𝗵𝗮𝗻𝗲𝗹 bag", Some("𝗖𝗵𝗮𝗻𝗲𝗹")),
            ("Nike", "N\u{456}ke", Some("N\u{456}ke")),
            ("Rolex", "R\u{43e}lex", Some("R\u{43e}lex")),
            ("Nike", "Ni\u{200b}ke", Some("Ni\u{200b}ke")),
            ("Nike", "N1KE air", Some("N1KE")),
            ("Rolex", "Rol3x", Some("Rol3x")),
            ("Adidas", "Adid@s", Some("Adid@s")),
            ("Apple", "App1e", Some("App1e")),
            ("Nike", "N.i.k.e", Some("N.i.k.e")),
            ("Nike", "N i k e shoes", Some("N i k e")),
            ("Gucci", "G-U-C-C-I belt", Some("G-U-C-C-I")),
            ("香奈儿", "香～奈儿", Some("香～奈儿")),
            ("香奈儿", "香 奈 儿", Some("香 奈 儿")),
            ("高仿", "高 仿", Some("高 仿")),
            ("高仿", "质量高，仿佛", None),
            ("psa", "ps4", None),
            ("AAA", "AAA batteries", Some("AAA")),
            ("1:1", "1：1 copy", Some("1：1")),
            ("Hermès", "HERMES", Some("HERMES")),
            ("hermes", "Hermès", Some("Hermès")),
            ("A货", "正品A货包", Some("A货")),
            ("超A", "超A货", Some("超A")),
            ("15", "iphone 15 case", Some("15")),
        ];
        let mut failures = Vec::new();
        for (lit, text, want) in cases {
            let got = found(lit, text);
            if got.as_deref() != *want {
                failures.push(format!("{lit:?} in {text:?}: got {got:?}, want {want:?}"));
            }
        }
        assert!(
            failures.is_empty(),
            "{} failures:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn ids_dedupe_and_overlaps_are_reported() {
        let mut b = MatcherBuilder::new();
        let a = b.add("Louis Vuitton").unwrap();
        assert_eq!(b.add("louis-vuitton"), Some(a));
        let v = b.add("Vuitton").unwrap();
        assert_eq!(b.add("..."), None);
        let m = b.build();
        assert_eq!(m.len(), 2);
        let hits = m.find(&Normalized::new("Louis Vuitton"));
        assert_eq!(hits.iter().map(|h| h.lit).collect::<Vec<_>>(), vec![a, v]);
        assert_eq!(hits[0].tokens, 0..2);
    }

    #[test]
    fn many_literals_build() {
        let mut b = MatcherBuilder::new();
        for i in 0..25_000 {
            b.add(&format!("brand{i} name"));
        }
        let m = b.build();
        assert_eq!(m.len(), 25_000);
        assert_eq!(m.find(&Normalized::new("the brand77 name here")).len(), 1);
    }

    proptest::proptest! {
        #[test]
        fn find_never_panics(s in "(\\PC|[🔥高仿香～ Nike1:])*") {
            let mut b = MatcherBuilder::new();
            for l in ["nike", "高仿", "c家", "1:1", "louis vuitton", "香奈儿"] {
                b.add(l);
            }
            let m = b.build();
            let n = Normalized::new(&s);
            for h in m.find(&n) {
                proptest::prop_assert!(n.text().is_char_boundary(h.span.start) && n.text().is_char_boundary(h.span.end));
            }
        }
    }
}
