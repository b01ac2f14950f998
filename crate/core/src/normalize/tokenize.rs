//! Cuts the normalised text into tokens: words of alphabetic scripts (with their match
//! keys) and single characters of scripts written without spaces.

use super::key::word_key_into;
use super::script::{is_pictograph, is_unspaced, is_word_char};
use super::{Token, TokenKind};
use std::ops::Range;

/// Symbols that join a word when they stand between letters or digits (`Ch@nel`,
/// `Guc¢i`).
fn is_joiner(c: char) -> bool {
    matches!(c, '@' | '$' | '!' | '|' | '¢' | '€' | '£' | '¥')
}

/// Currency signs that stand for a letter at the start or end of a word of letters
/// (`$upreme`, `€hanel`, `adida$`); never before or after a digit, so `$25` and `25$`
/// stay prices.
fn is_edge_symbol(c: char) -> bool {
    matches!(c, '$' | '¢' | '€' | '£' | '¥')
}

/// Separators that may stand between spelled-out letters (`N.i.k.e`, `N•I•K•E`,
/// `R🔥O🔥L🔥E🔥X`, `G、U、C、C、I`).
fn is_letter_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '.'
            | '-'
            | '_'
            | '*'
            | '·'
            | '~'
            | '/'
            | '|'
            | '•'
            | '●'
            | '∙'
            | '⋅'
            | '◦'
            | '+'
            | '・'
            | '、'
            | '。'
            | '♥'
            | '★'
            | '☆'
    ) || is_pictograph(c)
}

/// The character starting at byte `b` of `text`, if any. An ASCII byte is its own
/// character: read without decoding (most of the text).
#[inline]
fn char_at(text: &str, b: usize) -> Option<char> {
    match text.as_bytes().get(b) {
        Some(&x) if x.is_ascii() => Some(x as char),
        Some(_) => text[b..].chars().next(),
        None => None,
    }
}

/// Cuts `text` into tokens and their match keys. Works on byte offsets, decoding each
/// character where it is read: no copy of the text as characters, and the raw tokens
/// are compacted into the output vector in place, so a field costs three allocations
/// (tokens, keys, and a buffer for a spelled-out word when there is one).
pub(super) fn tokenize(text: &str, tokens: &mut Vec<Token>, keys: &mut String) {
    let word_at = |b: usize| char_at(text, b).is_some_and(is_word_char);
    let letter_at =
        |b: usize| char_at(text, b).is_some_and(|c| c.is_alphabetic() && is_word_char(c));
    // Raw tokens first, as byte ranges with empty keys: at most one per two bytes, plus
    // one (a token of one byte is followed by a separator or an unspaced character).
    tokens.reserve(text.len() / 2 + 1);
    let raw = |span: Range<usize>, kind: TokenKind| Token {
        span,
        kind,
        key: 0..0,
    };
    let bytes = text.as_bytes();
    let mut prev: Option<char> = None;
    let mut b = 0;
    while let Some(c) = char_at(text, b) {
        let next = b + c.len_utf8();
        let lead_symbol = is_edge_symbol(c)
            && !prev.is_some_and(is_word_char)
            && letter_at(next)
            && char_at(text, next).is_some_and(|d| letter_at(next + d.len_utf8()));
        if is_unspaced(c) {
            tokens.push(raw(b..next, TokenKind::Cjk));
            prev = Some(c);
            b = next;
        } else if is_word_char(c) || lead_symbol {
            let start = b;
            // `last` is the character before `e`, always part of the word.
            let (mut e, mut last) = (next, c);
            loop {
                // ASCII letters and digits (most of a word) skipped without decoding.
                let run = bytes[e..]
                    .iter()
                    .take_while(|b| b.is_ascii_alphanumeric())
                    .count();
                if run > 0 {
                    e += run;
                    last = char::from(bytes[e - 1]);
                }
                let Some(d) = char_at(text, e) else {
                    break;
                };
                let after = e + d.len_utf8();
                if !(is_word_char(d) || (is_joiner(d) && is_word_char(last) && word_at(after))) {
                    break;
                }
                (e, last) = (after, d);
            }
            // A trailing currency sign after a word of letters only (`adida$`).
            if let Some(d) = char_at(text, e) {
                let word = &text[start..e];
                if is_edge_symbol(d)
                    && !word_at(e + d.len_utf8())
                    && word.chars().nth(1).is_some()
                    && word.chars().all(|c| !c.is_numeric())
                {
                    (e, last) = (e + d.len_utf8(), d);
                }
            }
            tokens.push(raw(start..e, TokenKind::Word));
            prev = Some(last);
            b = e;
        } else {
            prev = Some(c);
            b = next;
        }
    }
    keys.reserve(text.len() + tokens.len());
    let mut joined = String::new();
    // Compaction: a spelled-out run of raw tokens becomes one token, written at `w`
    // (never past the raw token being read).
    let (mut t, mut w) = (0, 0);
    while t < tokens.len() {
        let run = spelled_out_run(tokens, text, t);
        let (first, last) = (tokens[t].span.start, tokens[t + run - 1].span.end);
        let kind = tokens[t].kind;
        let key_start = keys.len();
        match kind {
            TokenKind::Cjk => {}
            TokenKind::Word if run > 1 => {
                joined.clear();
                joined.extend(
                    tokens[t..t + run]
                        .iter()
                        .filter_map(|r| char_at(text, r.span.start)),
                );
                word_key_into(&joined, keys);
            }
            TokenKind::Word => word_key_into(&text[first..last], keys),
        }
        let key = key_start..keys.len();
        keys.push(' ');
        tokens[w] = Token {
            span: first..last,
            kind,
            key,
        };
        w += 1;
        t += run;
    }
    tokens.truncate(w);
    // A field of short words keeps its vector; one of long words or unspaced text
    // gives back what the bound over-reserved.
    if tokens.capacity() > 2 * tokens.len() + 64 {
        tokens.shrink_to_fit();
    }
}

/// Whether raw token `t` is a word of one character.
fn single(tokens: &[Token], text: &str, t: usize) -> bool {
    tokens.get(t).is_some_and(|r| {
        r.kind == TokenKind::Word
            && char_at(text, r.span.start).is_some_and(|c| c.len_utf8() == r.span.len())
    })
}

/// How many raw tokens from `t` form one spelled-out word (1 when none).
fn spelled_out_run(tokens: &[Token], text: &str, t: usize) -> usize {
    if !single(tokens, text, t) {
        return 1;
    }
    let mut n = 1;
    // Whether every separator so far is `.` or `*` (two letters need one of those).
    let mut dots = true;
    while single(tokens, text, t + n) {
        let gap = tokens[t + n - 1].span.end..tokens[t + n].span.start;
        let Some(sep) = char_at(text, gap.start) else {
            break;
        };
        if sep.len_utf8() != gap.len() || !is_letter_separator(sep) {
            break;
        }
        dots &= sep == '.' || sep == '*';
        n += 1;
    }
    match n {
        0 | 1 => 1,
        2 if dots => 2,
        2 => 1,
        _ => n,
    }
}
