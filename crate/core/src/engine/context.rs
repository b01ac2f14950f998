//! Context words that change what a brand mention means.
//!
//! eBay's and Amazon's guidance lets an accessory or part name another company's
//! product after "compatible with", "for" or "fits"; it does not make a fashion brand
//! legitimate ("for Gucci lovers" is still brand misuse). Brand rules opt in with
//! `compatible = true`.

/// Phrases that, ending at most [`COMPAT_GAP`] tokens before a brand, mark a
/// compatibility mention.
pub(crate) const COMPAT_BEFORE: &[&str] = &[
    "compatible with",
    "compatible for",
    "compatible",
    "compatibility with",
    "for",
    "fits",
    "fit",
    "fits for",
    "replacement for",
    "replaces",
    "works with",
    "designed for",
    "made for",
    "suitable for",
    "for use with",
    "to fit",
    "适用于",
    "适用",
    "适配",
    "兼容",
    "用于",
    "替代",
];

/// Phrases that, right after a brand (Chinese word order: `苹果专用`), mark a
/// compatibility mention.
pub(crate) const COMPAT_AFTER: &[&str] = &["专用", "适用", "兼容", "通用"];

/// How many tokens may stand between a compatibility phrase and the brand
/// (`for the new Apple`).
pub(crate) const COMPAT_GAP: usize = 3;

/// How many tokens around counterfeit wording count as "near" a brand.
pub(crate) const NEAR_BRAND: usize = 12;
