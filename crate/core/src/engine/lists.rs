//! Compatibility lists: "for iPhone 15, 14 and Samsung Galaxy S24", "fits A/B/C",
//! "untuk Samsung, Xiaomi, Oppo". A compatibility cue before the first brand covers
//! every brand of the list that follows it.
//!
//! The list goes on from one brand to the next while the words between are list
//! joiners (`[cues] list_joiners`: "and", `dan`, `和`, `,`, `/` …, pack data per
//! language), model names (a word with a digit: `15`, `S24`, `M2`), or product names
//! written with a capital (`Air`, `XPS`); at least one joiner must stand between them,
//! unless every word between is a model name ("iPhone 15 14 13 华为"). A sentence end
//! (`.`, `!`, `?`, `;`, `|`, `。`, a spaced dash) or an ordinary word ("case", 透明) ends the
//! list. It does not judge the brands themselves: a brand rule without
//! `compatible = true` is not lowered, in a list or not.

use super::compile::{Compiled, Owner};
use super::lint::{Analysis, BrandHit};

/// The most words between two brands of one list.
const MAX_BETWEEN: usize = 12;

/// Marks as compatibility mentions the brands of `hits` (one field's, ordered by
/// token start) that continue a list begun by one.
#[inline(never)] // kept out of its callers' bodies: see `lint::lint`
pub(crate) fn carry_compat(c: &Compiled, a: &Analysis, hits: &mut [BrandHit]) {
    // Every brand name written in the field, also those not reported (an everyday word
    // such as 小米 without evidence): a list item like any other ("适用华为小米三星").
    let names: Vec<std::ops::Range<usize>> = a
        .hits
        .iter()
        .filter(|h| {
            a.owners(c, h.lit, |o| matches!(o, Owner::Brand(_)))
                .next()
                .is_some()
        })
        .map(|h| h.tokens.clone())
        .collect();
    let mut last: Option<std::ops::Range<usize>> = None;
    for h in hits.iter_mut() {
        match &last {
            // Another rule's name at the same place as a compatible one.
            Some(l) if h.tokens.start < l.end && h.tokens.start >= l.start => h.compat = true,
            Some(l) if !h.compat && continues(c, a, &names, l.end, h.tokens.start) => {
                h.compat = true
            }
            _ => {}
        }
        if h.compat {
            last = Some(h.tokens.clone());
        } else if last.as_ref().is_some_and(|l| h.tokens.start >= l.end) {
            last = None;
        }
    }
}

/// Whether the words from token `from` up to token `to` join two items of a list.
fn continues(
    c: &Compiled,
    a: &Analysis,
    names: &[std::ops::Range<usize>],
    from: usize,
    to: usize,
) -> bool {
    let tokens = a.norm.tokens();
    if to < from || to - from > MAX_BETWEEN || from == 0 || to >= tokens.len() {
        return false;
    }
    let gap = tokens[from - 1].span.end..tokens[to].span.start;
    let between = &a.text[a.norm.to_original(gap)];
    const ENDS: [char; 10] = ['.', '!', '?', ';', '|', '。', '！', '？', '；', '\n'];
    if between.contains(ENDS) || between.contains(" - ") || between.contains(" – ") {
        return false;
    }
    let mut joined = between.chars().any(|ch| c.joiner_signs.contains(&ch));
    let mut all_models = true;
    // A joiner of an unspaced script (และ) covers several one-character tokens.
    let mut skip_to = 0;
    for (i, t) in tokens[from..to].iter().enumerate() {
        if t.span.start < skip_to || names.iter().any(|n| n.contains(&(from + i))) {
            continue;
        }
        let norm = &a.norm.text()[t.span.clone()];
        let rest = &a.norm.text()[t.span.start..];
        let unspaced = c
            .joiner_words
            .iter()
            .find(|j| !j.is_ascii() && rest.starts_with(j.as_str()) && j.len() > norm.len());
        if let Some(j) = unspaced {
            skip_to = t.span.start + j.len();
            joined = true;
            all_models = false;
            continue;
        }
        if c.joiner_words.iter().any(|j| j == norm) {
            joined = true;
            all_models = false;
            continue;
        }
        let original = &a.text[a.norm.to_original(t.span.clone())];
        if original.chars().any(|ch| ch.is_ascii_digit()) {
            continue;
        }
        all_models = false;
        if !original.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
    }
    joined || all_models
}
