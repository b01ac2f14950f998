//! The normalised view of a field's text that rules match against, with a map back to
//! the original so findings point at exactly what the seller typed.
//!
//! Counterfeit sellers dodge keyword filters with look-alike spellings. Each original
//! character goes through these steps, in order:
//!
//! 1. Invisible characters are dropped: zero-width spaces and joiners, the word
//!    joiner, the byte-order mark, soft hyphens, other format (`Cf`) characters and
//!    variation selectors.
//! 2. Compatibility folding (NFKC: `Ｎｉｋｅ` → `Nike`, `𝗖𝗵𝗮𝗻𝗲𝗹` → `Chanel`, `：` → `:`),
//!    then lower case, then diacritics removed (`Hermès` → `hermes`).
//! 3. A letter of another alphabet that looks like a Latin letter is folded to it, by
//!    the Unicode confusables skeleton (Cyrillic `о` → `o`, `і` → `i`, Greek `ο` → `o`).
//! 4. Separators placed between Chinese, Japanese or Korean characters to break a
//!    word are dropped (`香～奈儿` → `香奈儿`, `高 仿` → `高仿`). Real punctuation is
//!    kept (`高，仿佛` never becomes `高仿`).
//!
//! The text is then cut into tokens: a [`TokenKind::Word`] is a run of letters and
//! digits of an alphabetic script; a [`TokenKind::Cjk`] token is one CJK character.
//! Letters spelled out with separators are joined into one word (`N.i.k.e`,
//! `N i k e`, `G-U-C-C-I`: three or more single letters with one separator between
//! each, or two with `.` or `*`, as in `L.V`). Each word has a match key, see
//! [`word_key_into`].
//!
//! What it does not do: no fuzzy matching, no stemming, no full Unicode case folding
//! beyond `to_lowercase`, and `rn` for `m` is not undone.

use std::ops::Range;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// What kind of token a [`Token`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// A run of letters and digits of an alphabetic script (Latin, or another script
    /// folded to Latin), possibly joined from a spelled-out evasion such as `N.i.k.e`.
    Word,
    /// One CJK character (Han, Kana, Hangul). CJK text has no word boundaries, so each
    /// character is its own token for context windows.
    Cjk,
}

/// One token of the normalised text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte range in [`Normalized::text`].
    pub span: Range<usize>,
    pub kind: TokenKind,
    /// Where the match key of a word token (see [`word_key_into`]) sits in
    /// [`Normalized::keys`]; empty for CJK tokens.
    pub key: Range<usize>,
}

/// A field's text, normalised for matching.
#[derive(Clone, Debug)]
pub struct Normalized {
    text: String,
    /// The tokens' match keys, each followed by one space, in token order: an n-gram of
    /// adjacent tokens is one slice.
    keys: String,
    /// For each byte of `text`, the original byte range of the character it came from.
    origin: Vec<(u32, u32)>,
    original_len: usize,
    tokens: Vec<Token>,
}

/// One normalised character and the original range it came from.
#[derive(Clone, Copy)]
struct Folded {
    c: char,
    start: u32,
    end: u32,
}

impl Normalized {
    /// Normalises `original`.
    pub fn new(original: &str) -> Normalized {
        let folded = fold(original);
        // Only text with Chinese, Japanese or Korean has separators to drop.
        let folded = if folded.iter().any(|f| is_cjk(f.c)) {
            drop_cjk_separators(folded)
        } else {
            folded
        };
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len());
        for f in &folded {
            text.push(f.c);
            origin.extend(std::iter::repeat_n((f.start, f.end), f.c.len_utf8()));
        }
        let (tokens, keys) = tokenize(&text);
        Normalized {
            text,
            keys,
            origin,
            original_len: original.len(),
            tokens,
        }
    }

    /// The normalised text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The tokens, in order.
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// The match key of a token (empty for CJK tokens).
    pub fn key(&self, t: &Token) -> &str {
        &self.keys[t.key.clone()]
    }

    /// Every token's key followed by a space, in order.
    pub fn keys(&self) -> &str {
        &self.keys
    }

    /// Maps a byte range of the normalised text to the byte range of the original text
    /// it came from. The result lies on character boundaries of the original.
    pub fn to_original(&self, range: Range<usize>) -> Range<usize> {
        let start = match self.origin.get(range.start) {
            Some(&(s, _)) => s as usize,
            None => self.original_len,
        };
        if range.end <= range.start {
            return start..start;
        }
        let end = match self.origin.get(range.end - 1) {
            Some(&(_, e)) => e as usize,
            None => self.original_len,
        };
        start..end.max(start)
    }
}

/// Whether `c` is a Han, Kana or Hangul character.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x31F0..=0x31FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF | 0xAC00..=0xD7AF | 0x1100..=0x11FF | 0x3130..=0x318F
        | 0x20000..=0x2FA1F | 0x3005 | 0x3007)
}

/// Whether `c` belongs inside a word token.
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !is_cjk(c)
}

fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{00AD}'
        | '\u{FE00}'..='\u{FE0F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        | '\u{180E}' | '\u{034F}' | '\u{061C}' | '\u{E0001}' | '\u{E0020}'..='\u{E007F}')
}

/// Steps 1–3, per original character.
fn fold(original: &str) -> Vec<Folded> {
    let mut out: Vec<Folded> = Vec::with_capacity(original.len());
    let mut buf = [0u8; 4];
    for (i, c) in original.char_indices() {
        let (start, end) = (i as u32, (i + c.len_utf8()) as u32);
        if is_invisible(c) {
            continue;
        }
        let before = out.len();
        if c.is_ascii() {
            out.push(Folded {
                c: c.to_ascii_lowercase(),
                start,
                end,
            });
            continue;
        }
        for d in c.encode_utf8(&mut buf).nfkc() {
            for e in d.to_lowercase() {
                for f in std::iter::once(e).nfd() {
                    if is_combining_mark(f) {
                        continue;
                    }
                    out.push(Folded {
                        c: confusable(f),
                        start,
                        end,
                    });
                }
            }
        }
        // A mark that left nothing behind belongs to the character before it, so a
        // finding over `é` written as `e` + accent covers the accent too.
        if out.len() == before && is_combining_mark(c) {
            if let Some(last) = out.last() {
                let from = last.start;
                for f in out.iter_mut().rev().take_while(|f| f.start == from) {
                    f.end = end;
                }
            }
        }
    }
    out
}

/// A non-ASCII letter that looks like one Latin letter becomes that letter.
fn confusable(c: char) -> char {
    if c.is_ascii() || is_cjk(c) || !c.is_alphabetic() {
        return c;
    }
    let mut buf = [0u8; 4];
    let mut sk = unicode_security::confusable_detection::skeleton(c.encode_utf8(&mut buf));
    match (sk.next(), sk.next()) {
        (Some(s), None) if s.is_ascii_alphabetic() => s.to_ascii_lowercase(),
        _ => c,
    }
}

/// Separators that evasions put between CJK characters (after folding: `～` is `~`).
fn is_cjk_separator(c: char) -> bool {
    (c.is_whitespace() && c != '\n' && c != '\r')
        || matches!(
            c,
            '~' | '*' | '·' | '•' | '.' | '-' | '_' | '|' | '/' | '^' | '#' | '@' | '〜' | '・'
        )
}

/// Step 4: a run of separators between two CJK characters is dropped.
fn drop_cjk_separators(chars: Vec<Folded>) -> Vec<Folded> {
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].c;
        if is_cjk_separator(c) && out.last().is_some_and(|p: &Folded| is_cjk(p.c)) {
            let run_end = (i..chars.len())
                .find(|&j| !is_cjk_separator(chars[j].c))
                .unwrap_or(chars.len());
            if run_end < chars.len() && is_cjk(chars[run_end].c) {
                i = run_end;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// Symbols that join a word when they stand between letters or digits (`Ch@nel`).
fn is_joiner(c: char) -> bool {
    matches!(c, '@' | '$' | '!' | '|')
}

/// Separators that may stand between spelled-out letters (`N.i.k.e`).
fn is_letter_separator(c: char) -> bool {
    matches!(c, ' ' | '.' | '-' | '_' | '*' | '·' | '~' | '/' | '|')
}

fn tokenize(text: &str) -> (Vec<Token>, String) {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let word_at = |k: usize| chars.get(k).is_some_and(|&(_, c)| is_word_char(c));
    // Raw tokens as char index ranges.
    let mut raw: Vec<(Range<usize>, TokenKind)> = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        let c = chars[k].1;
        if is_cjk(c) {
            raw.push((k..k + 1, TokenKind::Cjk));
            k += 1;
        } else if is_word_char(c) {
            let start = k;
            while k < chars.len()
                && (word_at(k) || (is_joiner(chars[k].1) && k > start && word_at(k + 1)))
            {
                k += 1;
            }
            raw.push((start..k, TokenKind::Word));
        } else {
            k += 1;
        }
    }
    let byte = |k: usize| chars.get(k).map_or(text.len(), |&(b, _)| b);
    let mut tokens = Vec::with_capacity(raw.len());
    let mut keys = String::with_capacity(text.len() + raw.len());
    let mut t = 0;
    while t < raw.len() {
        let run = spelled_out_run(&raw, &chars, t);
        let (first, last) = (raw[t].0.clone(), raw[t + run - 1].0.clone());
        let kind = raw[t].1;
        let key_start = keys.len();
        match kind {
            TokenKind::Cjk => {}
            TokenKind::Word if run > 1 => {
                let joined: String = raw[t..t + run]
                    .iter()
                    .map(|(r, _)| chars[r.start].1)
                    .collect();
                word_key_into(&joined, &mut keys);
            }
            TokenKind::Word => word_key_into(&text[byte(first.start)..byte(first.end)], &mut keys),
        }
        let key = key_start..keys.len();
        keys.push(' ');
        tokens.push(Token {
            span: byte(first.start)..byte(last.end),
            kind,
            key,
        });
        t += run;
    }
    (tokens, keys)
}

/// How many raw tokens from `t` form one spelled-out word (1 when none).
fn spelled_out_run(raw: &[(Range<usize>, TokenKind)], chars: &[(usize, char)], t: usize) -> usize {
    let single = |i: usize| {
        raw.get(i)
            .is_some_and(|(r, k)| *k == TokenKind::Word && r.len() == 1)
    };
    if !single(t) {
        return 1;
    }
    let mut n = 1;
    let mut seps = Vec::new();
    while single(t + n) {
        let gap = raw[t + n - 1].0.end..raw[t + n].0.start;
        if gap.len() != 1 || !is_letter_separator(chars[gap.start].1) {
            break;
        }
        seps.push(chars[gap.start].1);
        n += 1;
    }
    match n {
        0 | 1 => 1,
        2 if seps.iter().all(|&s| s == '.' || s == '*') => 2,
        2 => 1,
        _ => n,
    }
}

/// The match key of one word, used for text and pack terms alike.
///
/// The word is already lower case. `l` becomes `i`, so `l`, `i` and `1` share one
/// class (`App1e`, `NlKE`). In a word with at least two letters, digits and symbols
/// that imitate letters become them (`0`→o, `1`→i, `3`→e, `4`→a, `5`→s, `7`→t, `@`→a,
/// `$`→s, `!`→i, `|`→i), except digits in a leading or trailing group of digits, so
/// model numbers and sizes stay as they are (`ps4`, `iphone15`, `4k`, `15`); a lone
/// leading digit before letters is read too (`0ak`).
///
/// Known limit: words that differ only by `l` and `i` share a key. The key is appended
/// to `out`, so a field's keys share one buffer.
pub fn word_key_into(word: &str, out: &mut String) {
    // Plain lower-case ASCII words (most of them) map to themselves but for `l`.
    if word.bytes().all(|b| b.is_ascii_lowercase()) {
        out.extend(word.chars().map(|c| if c == 'l' { 'i' } else { c }));
        return;
    }
    let count = word.chars().count();
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let digits = count - letters;
    let lead = word.chars().take_while(|c| c.is_ascii_digit()).count();
    let trail = count
        - word
            .chars()
            .rev()
            .take_while(|c| c.is_ascii_digit())
            .count();
    out.extend(word.chars().enumerate().map(|(i, c)| {
        // Digits inside a word of letters read as the letters they imitate (`N1ke`); a
        // leading digit too when it is the only one (`0ak`), not in `3d` or `1080p`.
        let inside = i >= lead && i < trail;
        let lone_lead = i < lead && digits == 1 && letters >= 2;
        let leet = letters >= 2 && (!c.is_ascii_digit() || inside || lone_lead);
        match c {
            'l' => 'i',
            '0' if leet => 'o',
            '1' | '!' | '|' if leet => 'i',
            '3' if leet => 'e',
            '4' | '@' if leet => 'a',
            '5' | '$' if leet => 's',
            '7' if leet => 't',
            _ => c,
        }
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(s: &str) -> Vec<String> {
        let n = Normalized::new(s);
        n.tokens()
            .iter()
            .map(|t| match t.kind {
                TokenKind::Word => n.key(t).to_string(),
                TokenKind::Cjk => format!("[{}]", &n.text()[t.span.clone()]),
            })
            .collect()
    }

    #[test]
    fn folding_table() {
        let cases: &[(&str, &str)] = &[
            ("Ｎｉｋｅ", "nike"),
            ("𝗖𝗵𝗮𝗻𝗲𝗹", "chanel"),
            ("Hermès", "hermes"),
            ("He\u{301}rme\u{300}s", "hermes"),
            ("R\u{43e}lex", "rolex"),
            ("N\u{456}ke", "nike"),
            ("Ni\u{200b}ke", "nike"),
            ("香～奈儿", "香奈儿"),
            ("香 奈 儿", "香奈儿"),
            ("高 仿", "高仿"),
            ("耐*克", "耐克"),
            ("质量高，仿佛", "质量高,仿佛"),
            ("1：1", "1:1"),
            ("ﬁne", "fine"),
        ];
        let mut failures = Vec::new();
        for (input, want) in cases {
            let got = Normalized::new(input);
            if got.text() != *want {
                failures.push(format!("{input:?}: got {:?}, want {want:?}", got.text()));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn token_table() {
        let cases: &[(&str, &[&str])] = &[
            ("Nike shoes", &["nike", "shoes"]),
            ("N.i.k.e", &["nike"]),
            ("N i k e shoes", &["nike", "shoes"]),
            ("G-U-C-C-I", &["gucci"]),
            ("L.V bag", &["iv", "bag"]),
            ("L V bag", &["i", "v", "bag"]),
            ("N1ke", &["nike"]),
            ("R0lex", &["roiex"]),
            ("App1e", &["appie"]),
            ("Ch@nel", &["chanei"]),
            ("ps4 4k iphone15 15", &["ps4", "4k", "iphone15", "15"]),
            ("耐克Nike鞋", &["[耐]", "[克]", "nike", "[鞋]"]),
            ("1:1", &["1", "1"]),
        ];
        let mut failures = Vec::new();
        for (input, want) in cases {
            let got = keys(input);
            if got != *want {
                failures.push(format!("{input:?}: got {got:?}, want {want:?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn spans_map_back_to_the_original() {
        let cases: &[(&str, &str)] = &[
            ("𝗖𝗵𝗮𝗻𝗲𝗹 bag", "𝗖𝗵𝗮𝗻𝗲𝗹"),
            ("🔥🔥 Nike", "Nike"),
            ("x Ni\u{200b}ke", "Ni\u{200b}ke"),
            ("N.i.k.e!", "N.i.k.e"),
            ("Cafe\u{301} x", "Cafe\u{301}"),
        ];
        for (input, want) in cases {
            let n = Normalized::new(input);
            let tok = n
                .tokens()
                .iter()
                .find(|t| t.kind == TokenKind::Word && n.key(t) != "x")
                .unwrap();
            assert_eq!(&input[n.to_original(tok.span.clone())], *want, "{input:?}");
        }
        let n = Normalized::new("ab");
        assert_eq!(n.to_original(2..2), 2..2);
        assert_eq!(n.to_original(1..1), 1..1);
        assert_eq!(Normalized::new("").to_original(0..0), 0..0);
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_stays_in_bounds(s in "(\\PC|[🔥👍🏽\u{200b}\u{301}\u{feff}Ｎ香～ 。])*") {
            let n = Normalized::new(&s);
            for t in n.tokens() {
                proptest::prop_assert!(n.text().is_char_boundary(t.span.start) && n.text().is_char_boundary(t.span.end));
                let o = n.to_original(t.span.clone());
                proptest::prop_assert!(o.start <= o.end && o.end <= s.len());
                proptest::prop_assert!(s.is_char_boundary(o.start) && s.is_char_boundary(o.end));
            }
            for a in 0..=n.text().len() {
                let o = n.to_original(a..n.text().len());
                proptest::prop_assert!(o.start <= o.end && o.end <= s.len());
                proptest::prop_assert!(s.is_char_boundary(o.start) && s.is_char_boundary(o.end));
            }
        }
    }
}
