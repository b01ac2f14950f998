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
//! - A **substring literal** (it contains a character of a script written without
//!   spaces: Chinese, Japanese, Korean, Thai, Lao, Khmer, Myanmar) matches anywhere,
//!   since such text has no word boundaries, through one Aho-Corasick automaton. Where it
//!   starts or ends with a Latin letter or digit, that end must sit on a word boundary
//!   (`c家` matches `c家包包`, not `abc家`).
//!
//! A word broken by a space or hyphen into short pieces (`Ro lex`, `Lou-is Vuit-ton`)
//! matches a brand literal when the pieces joined are exactly that literal's words
//! joined: at most [`MAX_PIECES`] pieces of at most [`MAX_PIECE_CHARS`] characters, one
//! space or hyphen between each, joined form of at least [`MIN_JOINED_CHARS`]. A space
//! inside one of the literal's words also needs a fragment next to it: a piece of
//! exactly two letters that is not a common word (`data/short-words.txt`), so `go pro`,
//! `night owl` and `cool blue` stay ordinary words.
//!
//! It does not stem: `nike` does not match `nikes`.

#[cfg(feature = "binary")]
#[path = "matcher_binary.rs"]
mod binary;

use crate::hash_bits::HashBits;
use crate::normalize::{is_unspaced, is_word_char, Normalized, TokenKind};
use crate::str_map::StrMap;
use aho_corasick::{AhoCorasick, MatchKind};
use std::sync::OnceLock;

use std::ops::Range;

/// At most this many pieces are joined into one literal.
pub const MAX_PIECES: usize = 4;
/// A piece joined into a literal has at most this many characters.
pub const MAX_PIECE_CHARS: usize = 5;
/// A joined literal has at least this many characters.
pub const MIN_JOINED_CHARS: usize = 5;

const HEAD_WORDS: usize = 1024;

/// The keys of a run of short pieces end to end (`find_joined`), without allocating.
struct Pieces {
    bytes: [u8; MAX_PIECES * 4 * MAX_PIECE_CHARS],
    len: usize,
}

impl Default for Pieces {
    fn default() -> Self {
        Pieces {
            bytes: [0; MAX_PIECES * 4 * MAX_PIECE_CHARS],
            len: 0,
        }
    }
}

impl Pieces {
    fn push(&mut self, key: &str) {
        self.bytes[self.len..self.len + key.len()].copy_from_slice(key.as_bytes());
        self.len += key.len();
    }

    fn bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

/// The bit of [`MatcherBuilder::joined_heads`] for a key's first three bytes.
fn head_bit(key: &[u8]) -> usize {
    let h = key
        .iter()
        .take(3)
        .fold(0u32, |h, &b| h.wrapping_mul(31).wrapping_add(u32::from(b)));
    (h.wrapping_mul(0x9E37_79B1) >> 16) as usize % (HEAD_WORDS * 64)
}

/// Common two-letter words that are not fragments of a broken word.
fn short_words() -> &'static [&'static str] {
    static W: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    W.get_or_init(|| {
        include_str!("../data/short-words.txt")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .flat_map(str::split_whitespace)
            .collect()
    })
}

/// Where each word of `key` (words joined by single spaces) ends in the key with its
/// spaces taken out: the places a broken word may be broken without a fragment.
fn word_ends(key: &str) -> impl Iterator<Item = usize> + '_ {
    key.split(' ').scan(0, |at, w| {
        *at += w.len();
        Some(*at)
    })
}

/// Puts every word prefix of the word literal key `key` (words joined by single spaces;
/// hashed `h`) into `prefixes`, the key itself included.
fn insert_prefixes(prefixes: &mut HashBits, key: &[u8], h: u64) {
    prefixes.insert_hashed(h);
    for (at, _) in key.iter().enumerate().filter(|(_, &b)| b == b' ') {
        prefixes.insert_hashed(crate::str_map::hash_bytes(&key[..at]));
    }
}

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
#[cfg_attr(feature = "binary", derive(PartialEq, Debug))]
pub struct MatcherBuilder {
    /// Word literals' keys and ids, in id order.
    words: StrMap<LitId>,
    /// Every word prefix of every word literal, the whole key included (`louis`,
    /// `louis vuitton`), as a filter: a token that is none of these starts nothing, and
    /// an n-gram that is none of these is not extended.
    prefixes: HashBits,
    max_words: usize,
    /// Word literals keyed by their words joined without spaces, for broken words: the
    /// literal's entry in `words` (whose key has the literal's own word boundaries).
    joined: StrMap<u32>,
    /// A bit per hash of the first three bytes of every joined key: a quick "no".
    joined_heads: Vec<u64>,
    /// Substring literals (normalised text) and their ids, in automaton pattern order.
    substrings: StrMap<LitId>,
    next: LitId,
}

impl MatcherBuilder {
    pub fn new() -> MatcherBuilder {
        MatcherBuilder::default()
    }

    /// Registers a literal and returns its id; the same literal after normalisation gets
    /// the same id. `None` when the literal normalises to nothing (only punctuation).
    #[cfg_attr(not(test), allow(dead_code))]
    pub fn add(&mut self, literal: &str) -> Option<LitId> {
        self.add_with(literal, false)
    }

    /// Like [`MatcherBuilder::add`]; with `joinable` a word broken into short pieces
    /// (`Ro lex`) may match it too. The engine allows that for brand names only, so
    /// ordinary vocabulary is never joined.
    pub fn add_with(&mut self, literal: &str, joinable: bool) -> Option<LitId> {
        let n = Normalized::new(literal);
        let text = n.text().trim();
        if text.chars().any(is_unspaced) {
            if let Some(id) = self.substrings.get(text) {
                return Some(id);
            }
            let id = self.fresh();
            self.substrings.insert(text, id);
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
        let (entry, id) = match self.words.entry(&key) {
            Some(e) => (e, self.words.val(e)),
            None => {
                let id = self.fresh();
                self.max_words = self.max_words.max(words.len());
                insert_prefixes(
                    &mut self.prefixes,
                    key.as_bytes(),
                    crate::str_map::hash(&key),
                );
                (self.words.insert(&key, id), id)
            }
        };
        if joinable {
            self.join(&words.concat(), entry);
        }
        Some(id)
    }

    /// Lets the word literal at `entry` of `words` match as the broken word `joined`
    /// (its words without the spaces), unless that is too short or taken.
    fn join(&mut self, joined: &str, entry: usize) {
        if joined.chars().count() < MIN_JOINED_CHARS {
            return;
        }
        if self.joined_heads.is_empty() {
            self.joined_heads.resize(HEAD_WORDS, 0);
        }
        let bit = head_bit(joined.as_bytes());
        self.joined_heads[bit / 64] |= 1 << (bit % 64);
        self.joined.insert(joined, entry as u32);
    }

    /// How many literal ids were given out.
    #[cfg_attr(not(feature = "binary"), allow(dead_code))]
    pub fn len(&self) -> usize {
        self.next as usize
    }

    fn fresh(&mut self) -> LitId {
        let id = self.next;
        self.next += 1;
        id
    }

    /// The matcher; its substring automaton is built on the first text that needs it
    /// (see [`Matcher::find`]).
    pub fn build(self) -> Matcher {
        Matcher {
            words: self.words,
            prefixes: self.prefixes,
            max_words: self.max_words,
            joined: self.joined,
            joined_heads: self.joined_heads,
            automaton: OnceLock::new(),
            substrings: self.substrings,
            len: self.next as usize,
        }
    }
}

/// An immutable set of literals to search for.
pub struct Matcher {
    words: StrMap<LitId>,
    prefixes: HashBits,
    max_words: usize,
    joined: StrMap<u32>,
    joined_heads: Vec<u64>,
    /// The automaton over `substrings`, built the first time a text with a character
    /// of a script written without spaces is searched: only such a text can contain a
    /// substring literal, and building it (2,600 literals: ~3 ms natively, ~30 ms in
    /// the baseline-compiled wasm of a waking service worker) would otherwise be paid on
    /// every wake, before the first listing, Latin or not. Beside it, whether each
    /// substring literal starts / ends with a word character (5,000 look-ups of Unicode
    /// tables, also paid only then).
    automaton: OnceLock<(AhoCorasick, Vec<(bool, bool)>)>,
    /// The substring literals and their ids, in automaton pattern order.
    substrings: StrMap<LitId>,
    len: usize,
}

impl Matcher {
    /// Every occurrence of every literal, overlapping ones included, ordered by start
    /// and then by length, longest first.
    pub fn find(&self, text: &Normalized) -> Vec<Hit> {
        let mut hits = Vec::new();
        self.find_words(text, &mut hits);
        self.find_joined(text, &mut hits);
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
            if tokens[i].kind != TokenKind::Word {
                continue;
            }
            // Extended a word at a time while some literal goes on with the n-gram: most
            // tokens stop at the first look at the filter, and a word that is a literal
            // of its own costs one look-up more, not one per possible length.
            for j in i..tokens.len().min(i + self.max_words) {
                if tokens[j].kind != TokenKind::Word {
                    break;
                }
                let key = &joined.as_bytes()[tokens[i].key.start..tokens[j].key.end];
                let h = crate::str_map::hash_bytes(key);
                if !self.prefixes.may_contain_hashed(h) {
                    break;
                }
                if let Some(lit) = self.words.get_hashed(h, key) {
                    hits.push(Hit {
                        lit,
                        span: tokens[i].span.start..tokens[j].span.end,
                        tokens: i..j + 1,
                    });
                }
            }
        }
    }

    /// Short pieces separated by one space or hyphen, joined (`Ro lex` → `rolex`).
    fn find_joined(&self, text: &Normalized, hits: &mut Vec<Hit>) {
        if self.joined.is_empty() {
            return;
        }
        let tokens = text.tokens();
        let s = text.text();
        let short = |i: usize| {
            let k = text.key(&tokens[i]);
            tokens[i].kind == TokenKind::Word
                && (k.len() <= MAX_PIECE_CHARS
                    // Longer in bytes but maybe not in characters: only outside ASCII.
                    || (k.len() <= 4 * MAX_PIECE_CHARS
                        && !k.is_ascii()
                        && k.chars().count() <= MAX_PIECE_CHARS))
        };
        let head_set = |key: &[u8]| {
            let b = head_bit(key);
            self.joined_heads[b / 64] & (1 << (b % 64)) != 0
        };
        let fragment = |i: usize| {
            let k = text.key(&tokens[i]);
            k.chars().count() == 2 && !short_words().contains(&k)
        };
        // The pieces joined so far, and the space gaps between them: (offset in `buf`, a
        // fragment beside it). On the stack: a piece's key is at most
        // `4 * MAX_PIECE_CHARS` bytes (`short`), and a run at most `MAX_PIECES` pieces.
        let mut buf = Pieces::default();
        let mut spaces = [(0usize, false); MAX_PIECES];
        for i in 0..tokens.len() {
            if !short(i) {
                continue;
            }
            buf.len = 0;
            let mut gaps = 0;
            buf.push(text.key(&tokens[i]));
            // The joined key starts with this piece and the next: check its head first.
            if i + 1 < tokens.len() && tokens[i + 1].kind == TokenKind::Word {
                let mut head = [0u8; 3];
                let next = text.key(&tokens[i + 1]).as_bytes();
                let both = buf.bytes().iter().chain(next).take(3);
                let mut n = 0;
                for (h, &b) in head.iter_mut().zip(both) {
                    *h = b;
                    n += 1;
                }
                if n == 3 && !head_set(&head) {
                    continue;
                }
            }
            for j in i + 1..tokens.len().min(i + MAX_PIECES) {
                let gap = &s[tokens[j - 1].span.end..tokens[j].span.start];
                if !short(j) || !(gap == " " || gap == "-") {
                    break;
                }
                if gap == " " {
                    spaces[gaps] = (buf.len, fragment(j - 1) || fragment(j));
                    gaps += 1;
                }
                buf.push(text.key(&tokens[j]));
                let Some(entry) = self.joined.get_bytes(buf.bytes()) else {
                    continue;
                };
                let key = self.words.key(entry as usize);
                if spaces[..gaps]
                    .iter()
                    .all(|&(at, frag)| frag || word_ends(key).any(|end| end == at))
                {
                    hits.push(Hit {
                        lit: self.words.val(entry as usize),
                        span: tokens[i].span.start..tokens[j].span.end,
                        tokens: i..j + 1,
                    });
                }
            }
        }
    }

    fn find_substrings(&self, text: &Normalized, hits: &mut Vec<Hit>) {
        let s = text.text();
        // Every substring literal holds a character of an unspaced script: a text with
        // none (most listings in Latin script) cannot hold one, is not scanned, and does
        // not build the automaton.
        if self.substrings.is_empty() || s.is_ascii() || !s.chars().any(is_unspaced) {
            return;
        }
        let (ac, edges) = self.automaton.get_or_init(|| {
            let ac = AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .build(self.substrings.iter().map(|(k, _)| k))
                .expect("literals are bounded in size by pack validation");
            let edges = (self.substrings.iter())
                .map(|(s, _)| {
                    (
                        s.chars().next().is_some_and(is_word_char),
                        s.chars().next_back().is_some_and(is_word_char),
                    )
                })
                .collect();
            (ac, edges)
        });
        let tokens = text.tokens();
        for m in ac.find_overlapping_iter(s) {
            let p = m.pattern().as_usize();
            let (start_word, end_word) = edges[p];
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
                lit: self.substrings.val(p),
                span: m.range(),
                tokens: first..last,
            });
        }
    }

    /// Every literal as the matcher searches for it (word literals as their match keys
    /// joined by spaces, substring literals as normalised text), sorted: what a
    /// benchmark gives another matcher to compare like with like.
    pub fn literals(&self) -> Vec<&str> {
        let mut out: Vec<&str> = self.words.iter().map(|(k, _)| k).collect();
        out.extend(self.substrings.iter().map(|(k, _)| k));
        out.sort_unstable();
        out
    }

    /// How many distinct literals the matcher holds.
    pub fn len(&self) -> usize {
        self.len
    }
}

/// The entry of word literal `id` in `words`, if `id` is a word literal's: entries are
/// added in ascending id order (ids are given out in order, and a substring literal's id
/// has no entry), so a binary search finds it.
fn word_entry(words: &StrMap<LitId>, id: LitId) -> Option<usize> {
    let (mut lo, mut hi) = (0, words.len());
    while lo < hi {
        let mid = (lo + hi) / 2;
        if words.val(mid) < id {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    (lo < words.len() && words.val(lo) == id).then_some(lo)
}

impl MatcherBuilder {
    /// The key of word literal `id` (`None` for a substring literal's id or one never
    /// given out).
    pub(crate) fn word_key(&self, id: LitId) -> Option<&str> {
        word_entry(&self.words, id).map(|e| self.words.key(e))
    }
}

impl Matcher {
    /// The key of word literal `id`, as [`MatcherBuilder::word_key`].
    pub(crate) fn word_key(&self, id: LitId) -> Option<&str> {
        word_entry(&self.words, id).map(|e| self.words.key(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether `literal` is found in `text`, and the original text of the first hit.
    fn found(literal: &str, text: &str) -> Option<String> {
        let mut b = MatcherBuilder::new();
        let id = b.add_with(literal, true).unwrap();
        let m = b.build();
        let n = Normalized::new(text);
        m.find(&n)
            .into_iter()
            .find(|h| h.lit == id)
            .map(|h| text[n.to_original(h.span)].to_string())
    }

    /// Runs `(literal, text, the original text matched or None)` cases, reporting every
    /// failure at once.
    fn check_table(cases: &[(&str, &str, Option<&str>)]) {
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
        check_table(cases);
    }

    #[test]
    fn scripts_and_evasions_table() {
        // (literal, text, the original text matched or None)
        let cases: &[(&str, &str, Option<&str>)] = &[
            // Traditional and Simplified match each other; packs may use either.
            ("仿冒", "仿冒名牌包", Some("仿冒")),
            ("A货", "正品A貨包", Some("A貨")),
            ("电子烟", "全新電子煙", Some("電子煙")),
            ("電子煙", "全新电子烟", Some("电子烟")),
            ("药", "減肥藥", Some("藥")),
            ("枪", "玩具槍", Some("槍")),
            ("伪造", "僞造證件", Some("僞造")),
            // Thai, Lao, Khmer, Myanmar: substrings, like Chinese.
            ("ของแท้", "สินค้าของแท้100%", Some("ของแท้")),
            ("ปลอม", "กระเป๋าแบรนด์เนมปลอมเกรดเอ", Some("ปลอม")),
            ("ກາງເກງ", "ຂາຍກາງເກງໃໝ່", Some("ກາງເກງ")),
            ("ក្លែងក្លាយ", "កាបូបក្លែងក្លាយ", Some("ក្លែងក្លាយ")),
            ("အတု", "အိတ်အတုရောင်းသည်", Some("အတု")),
            // Thai next to Latin words does not break the word index.
            ("Nike", "รองเท้าNikeของแท้", Some("Nike")),
            ("Nike", "รองเท้า Nike ของแท้", Some("Nike")),
            ("replica", "กระเป๋าreplicaเกรด", Some("replica")),
            // Vietnamese keeps word boundaries.
            ("hàng giả", "bán hàng giả giá rẻ", Some("hàng giả")),
            ("giả", "giản dị", None),
            // Evasion classes.
            ("Nike", "Ⓝⓘⓚⓔ shoes", Some("Ⓝⓘⓚⓔ")),
            ("Nike", "⒩⒤⒦⒠", Some("⒩⒤⒦⒠")),
            ("Nike", "🅽🅸🅺🅴 air", Some("🅽🅸🅺🅴")),
            ("Nike", "🅝🅘🅚🅔", Some("🅝🅘🅚🅔")),
            ("Nike", "🇳🇮🇰🇪 sneakers", Some("🇳🇮🇰🇪")),
            ("Nike", "ɴɪᴋᴇ", Some("ɴɪᴋᴇ")),
            ("Nike", "ΝΙΚΕ", Some("ΝΙΚΕ")),
            ("Rolex", "ᏒᎾᏞᎬХ watch", Some("ᏒᎾᏞᎬХ")),
            ("Supreme", "$upreme hoodie", Some("$upreme")),
            ("Prada", "Pr@da bag", Some("Pr@da")),
            ("Gucci", "Guc¢i belt", Some("Guc¢i")),
            ("Chanel", "€hanel No5", Some("€hanel")),
            ("Louis", "Lou!s", Some("Lou!s")),
            ("Adidas", "adida$ shoes", Some("adida$")),
            ("Nike", "N•I•K•E", Some("N•I•K•E")),
            ("Rolex", "R🔥O🔥L🔥E🔥X", Some("R🔥O🔥L🔥E🔥X")),
            ("Gucci", "G、U、C、C、I", Some("G、U、C、C、I")),
            (
                "Louis Vuitton",
                "Lou-is Vuit-ton bag",
                Some("Lou-is Vuit-ton"),
            ),
            ("Rolex", "Ro lex watch", Some("Ro lex")),
            ("Chanel", "Chan el bag", Some("Chan el")),
            ("Rolex", "Rolex™", Some("Rolex")),
            ("Nike", "Nike®Air", Some("Nike")),
            ("Rolex", "&#82;&#111;lex", Some("&#82;&#111;lex")),
            ("Rolex", "&#x52;olex", Some("&#x52;olex")),
            ("Nike Air", "Nike&nbsp;Air", Some("Nike&nbsp;Air")),
            // Prices stay prices; ordinary words are not joined into others.
            ("s25", "$25", None),
            ("Rolex", "Ro, lex", None),
            ("Rolex", "Rol ex ample", Some("Rol ex")),
            ("Chanel", "Chan elegant", None),
            ("GoPro", "go pro mount", None),
            ("GoPro", "Go-Pro mount", Some("Go-Pro")),
            ("Nightowl", "night owl lamp", None),
            ("Baseus", "base us", None),
            ("Louis Vuitton", "Louis Vuit-ton", Some("Louis Vuit-ton")),
            ("Montblanc", "mont blanc pen", None),
            ("Blacks", "black s shape", None),
        ];
        check_table(cases);
    }

    #[test]
    fn only_joinable_literals_join_broken_words() {
        let mut b = MatcherBuilder::new();
        let theme = b.add("theme").unwrap();
        let rolex = b.add_with("Rolex", true).unwrap();
        let m = b.build();
        let hits = m.find(&Normalized::new("the me Ro lex"));
        assert_eq!(hits.iter().map(|h| h.lit).collect::<Vec<_>>(), vec![rolex]);
        assert!(!hits.iter().any(|h| h.lit == theme));
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

    #[test]
    fn literals_whose_prefixes_are_no_literal_are_found_at_every_length() {
        // Only the n-grams some literal goes on with are extended (`prefixes`): a
        // literal of three words whose one- and two-word prefixes are no literal, one
        // of one word inside it, and one of two words that starts where another ends.
        let mut b = MatcherBuilder::new();
        let long = b.add("louis vuitton speedy").unwrap();
        let one = b.add("vuitton").unwrap();
        let two = b.add("speedy bag").unwrap();
        let m = b.build();
        let hits = m.find(&Normalized::new(
            "a Louis Vuitton Speedy bag, louis vuitton",
        ));
        let got: Vec<(LitId, Range<usize>)> =
            hits.iter().map(|h| (h.lit, h.tokens.clone())).collect();
        assert_eq!(
            got,
            vec![(long, 1..4), (one, 2..3), (two, 3..5), (one, 6..7)]
        );
        // A word the filter never saw starts nothing; a prefix alone is no hit.
        assert!(m.find(&Normalized::new("louis")).is_empty());
        assert!(m
            .find(&Normalized::new("louis vuitton"))
            .iter()
            .all(|h| h.lit == one));
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
