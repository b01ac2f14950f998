//! Evidence that a brand whose name is also an everyday word is meant as the brand.
//!
//! The brand registry marks such brands (`?` in `brand_lines`, `dictionary_word = true`
//! in `brands`) from maintained word lists of every supported language
//! (`tools/brand-registry`); Chinese names that are everyday words (高达 "to reach up
//! to", 小米 "millet") are listed in `crate/core/data/zh-everyday.txt`
//! (`tools/zh-everyday`). "Comet", "Echo", "Apple Pie" or 续航高达20小时 are far more often
//! the words than the brands. Such a mention counts only when it is written with a
//! capital where the script has capitals (checked as strict case), is not inside a longer
//! everyday word (小米粥, 苹果派), and one of these says the brand is meant:
//! - a model name follows it ("Comet X200", "高达 RX-78-2");
//! - the listing names one of the brand's own product types (小米 手机, Apple Watch);
//! - the same brand, or a brand of the same product types, is named plainly elsewhere in
//!   the listing ("Apple" next to "iPhone", 三星 next to iPhone: both phones);
//! - for a Chinese everyday name, a compatibility cue next to it (苹果专用, 适用 三星): the
//!   English ones ("for", "fits") are too common to say a word is a brand.
//!
//! A dictionary-word brand that is the listing's own belongs in the brand field, where it
//! is the listing's brand.

use super::compile::BrandEntry;
use super::lint::Analysis;
use crate::matcher::Hit;

/// The brands named plainly in a listing: field, normalised span and entry of each.
#[derive(Default)]
pub(crate) struct Plain {
    seen: Vec<(usize, std::ops::Range<usize>, u32)>,
}

impl Plain {
    pub fn add(&mut self, field: usize, span: std::ops::Range<usize>, entry: u32) {
        self.seen.push((field, span, entry));
    }

    /// Whether a plain mention elsewhere than `span` of field `field` names the brand
    /// of `e` or a brand of one of its product types.
    fn backs(
        &self,
        entries: &[BrandEntry],
        field: usize,
        span: &std::ops::Range<usize>,
        e: &BrandEntry,
    ) -> bool {
        self.seen.iter().any(|(f, s, o)| {
            let o = &entries[*o as usize];
            let elsewhere = *f != field || s.end <= span.start || span.end <= s.start;
            elsewhere && (o.group == e.group || o.products.iter().any(|t| e.products.contains(t)))
        })
    }
}

/// Whether the dictionary-word mention `h` (in field `field`) of `e` is meant as the brand.
#[inline(never)] // kept out of its callers' bodies: see `lint::lint`
pub(crate) fn meant(
    p: &super::lint::Pass,
    field: usize,
    h: &Hit,
    e: &BrandEntry,
    plain: &Plain,
) -> bool {
    let a = &p.fields[field];
    if super::everyday::inside_compound(
        a.norm.text(),
        &h.span,
        e.compounds.map_or(&[], |c| c.compounds()),
    ) {
        return false;
    }
    model_follows(a, h)
        || e.products.iter().any(|t| p.products.contains(t))
        || plain.backs(&p.c.entries, field, &h.span, e)
}

/// Whether the token right after `h` is a model name: letters then digits (`X200`,
/// `S24`, `GT-7`), as the seller wrote it.
pub(crate) fn model_follows(a: &Analysis, h: &Hit) -> bool {
    let Some(t) = a.norm.tokens().get(h.tokens.end) else {
        return false;
    };
    let original = &a.text[a.norm.to_original(t.span.clone())];
    let digits = original.chars().any(|c| c.is_ascii_digit());
    let letters = original.chars().any(char::is_alphabetic);
    // A model starts with its letters ("X200", "S24"); digits then letters are a
    // quantity ("20000mAh", "20W", "128GB"), as in 容量高达20000mAh.
    if digits && letters && original.starts_with(char::is_alphabetic) {
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
