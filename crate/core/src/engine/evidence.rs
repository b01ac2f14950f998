//! Evidence that a brand whose name is also a dictionary word is meant as the brand.
//!
//! The brand registry marks such brands (`?` in `brand_lines`, `dictionary_word = true`
//! in `brands`) from maintained word lists of every supported language
//! (`tools/brand-registry`). "Comet", "Echo" or "Happy Socks" in a title are far more
//! often the words than the shops; the mention counts only when it is written with a
//! capital (checked as strict case) and a model name follows it ("Comet X200"). It does
//! not read the rest of the listing: a dictionary-word brand that is the listing's own
//! belongs in the brand field, where it is the listing's brand.

use super::lint::Analysis;
use crate::matcher::Hit;

/// Whether the token right after `h` is a model name: letters and digits mixed
/// (`X200`, `S24`, `GT-7`), as the seller wrote it.
pub(crate) fn model_follows(a: &Analysis, h: &Hit) -> bool {
    let Some(t) = a.norm.tokens().get(h.tokens.end) else {
        return false;
    };
    let original = &a.text[a.norm.to_original(t.span.clone())];
    let digits = original.chars().any(|c| c.is_ascii_digit());
    let letters = original.chars().any(char::is_alphabetic);
    if digits && letters {
        return true;
    }
    // "GT-7": letters, a hyphen, then the digits as the next token.
    letters
        && original.chars().all(|c| c.is_ascii_uppercase())
        && a.norm.tokens().get(h.tokens.end + 1).is_some_and(|n| {
            a.text[a.norm.to_original(n.span.clone())]
                .chars()
                .all(|c| c.is_ascii_digit())
                && a.text[a.norm.to_original(t.span.end..n.span.start)].trim() == "-"
        })
}
