//! Brand cues: wording that says an item imitates a brand without calling it a copy —
//! "Nike style", "inspired by Chanel", "im Stil von Prada", "à la Stanley", `mirip`,
//! `kiểu`, `แบบ`, 同款, 平替, 仿. Term rules with `brand_cue = true` list it.
//!
//! Such words are everyday wording on their own ("retro style", 男女同款, "Art Landhaus"),
//! so a cue counts only right next to a brand's name: at most [`GAP`] words before or
//! after it, in the same field. There it does two things:
//! - it fires, at its rule's severity, naming the brand, where the brand alone gets a
//!   milder finding (a registry brand, otherwise only an `info` note, is then warned
//!   about: "hiking backpack like Uniqlo"; next to "Chanel", a warning already, it is
//!   silent);
//! - it is evidence that a brand counted only with one of its product types
//!   (`needs_product`) is meant: "beg tangan macam Coach", 仿蔻驰. In a cased script only a
//!   cue before the name is ("Tudor style" is a house), and strict case still holds
//!   ("like coach travel" stays a coach). A dictionary-word name needs its own evidence
//!   (`evidence.rs`): "Retro Style" in a title-cased listing is no brand.
//!
//! It does not fire next to the listing's own brand, a brand the seller allowed or
//! resells, or a brand named for compatibility ("case for iPhone"). It does not judge
//! what the brand is: the brand rules do.

use std::ops::Range;

use super::compile::Owner;
use super::lint::Pass;
use crate::pack::RuleKind;

/// The most words between a cue and the brand it speaks of ("inspired by the Chanel").
pub(crate) const GAP: usize = 2;

/// Whether `rule` is a brand-cue rule.
pub(crate) fn is_cue(p: &Pass, rule: u32) -> bool {
    matches!(
        p.c.rules[rule as usize].kind,
        RuleKind::Term {
            brand_cue: true,
            ..
        }
    )
}

/// The token ranges of the active, unexcused brand cues of field `fi`.
#[inline(never)] // kept out of its callers' bodies: see `lint::lint`
pub(crate) fn cues(p: &Pass, fi: usize) -> Vec<Range<usize>> {
    let a = &p.fields[fi];
    let mut out = Vec::new();
    for h in &a.hits {
        for o in a.owners(p.c, h.lit, |o| matches!(o, Owner::Term(_))) {
            let Owner::Term(r) = o else { continue };
            let window = match &p.c.rules[r as usize].kind {
                RuleKind::Term {
                    brand_cue: true,
                    window,
                    ..
                } => *window,
                _ => continue,
            };
            if p.reads(r, a.field.role)
                && !p.excused(r, fi, &h.tokens, window)
                && !p.index[fi].inside_brand(&h.span)
            {
                out.push(h.tokens.clone());
            }
        }
    }
    out
}

/// Whether a cue of `cues` stands next to the name at `brand` (token range).
pub(crate) fn next_to(cues: &[Range<usize>], brand: &Range<usize>) -> bool {
    cues.iter().any(|c| {
        (c.end <= brand.start && brand.start - c.end <= GAP)
            || (brand.end <= c.start && c.start - brand.end <= GAP)
    })
}

/// Whether a cue of `cues` says the name `name` at `brand` is meant as the brand: one
/// right before it, or right after a name written without letter case (迪奥同款).
pub(crate) fn evidence(cues: &[Range<usize>], brand: &Range<usize>, name: &str) -> bool {
    let uncased = !name.chars().any(|c| c.is_lowercase() || c.is_uppercase());
    cues.iter().any(|c| {
        (c.end <= brand.start && brand.start - c.end <= GAP)
            || (uncased && brand.end <= c.start && c.start - brand.end <= GAP)
    })
}

/// The brand group the cue at `tokens` of field `fi` speaks of: a brand named next to it
/// that is neither the listing's own, allowed, resold, nor named for compatibility, and
/// whose own finding is milder than `severity` (next to "Chanel", already a warning, the
/// cue would only repeat it).
pub(crate) fn cued_brand(
    p: &Pass,
    fi: usize,
    tokens: &Range<usize>,
    severity: crate::Severity,
) -> Option<u32> {
    let cue = [tokens.clone()];
    p.brands
        .iter()
        .filter(|b| b.field == fi && !b.compat && next_to(&cue, &b.tokens))
        .filter(|b| p.severity(p.c.entries[b.entry as usize].rule) < severity)
        .map(|b| b.group)
        .find(|g| !(p.own.contains(g) || p.allowed.contains(g) || p.resold.contains(g)))
}
