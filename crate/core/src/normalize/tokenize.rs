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

pub(super) fn tokenize(text: &str) -> (Vec<Token>, String) {
    // Sized once: growing these two was a fifth of the allocations of a lint.
    let mut chars: Vec<(usize, char)> = Vec::with_capacity(text.len());
    chars.extend(text.char_indices());
    let word_at = |k: usize| chars.get(k).is_some_and(|&(_, c)| is_word_char(c));
    let letter_at = |k: usize| {
        chars
            .get(k)
            .is_some_and(|&(_, c)| c.is_alphabetic() && is_word_char(c))
    };
    // Raw tokens as char index ranges.
    let mut raw: Vec<(Range<usize>, TokenKind)> = Vec::with_capacity(chars.len() / 2 + 1);
    let mut k = 0;
    while k < chars.len() {
        let c = chars[k].1;
        let lead_symbol =
            is_edge_symbol(c) && !(k > 0 && word_at(k - 1)) && letter_at(k + 1) && letter_at(k + 2);
        if is_unspaced(c) {
            raw.push((k..k + 1, TokenKind::Cjk));
            k += 1;
        } else if is_word_char(c) || lead_symbol {
            let start = k;
            k += 1;
            while k < chars.len()
                && (word_at(k) || (is_joiner(chars[k].1) && word_at(k - 1) && word_at(k + 1)))
            {
                k += 1;
            }
            // A trailing currency sign after a word of letters only (`adida$`).
            if k < chars.len()
                && is_edge_symbol(chars[k].1)
                && !word_at(k + 1)
                && k - start >= 2
                && chars[start..k].iter().all(|&(_, c)| !c.is_numeric())
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
