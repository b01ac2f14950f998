//! The hits of one field indexed for the questions the lint pass asks per finding
//! (an `unless` word of this rule near here? inside a brand name? a compatibility
//! phrase before this brand?), so a listing with thousands of hits costs a binary
//! search per question, not a scan of every hit.

use super::compile::{Compiled, Owner};
use super::lint::Analysis;
use std::ops::Range;

/// Findings of one rule in one field beyond this many are dropped: a listing repeating
/// a word 20,000 times shows the first 50.
pub(crate) const MAX_FINDINGS_PER_RULE_FIELD: u32 = 50;

#[cfg(test)]
thread_local! {
    /// Hits looked at by the queries below, for the complexity test.
    pub(crate) static LOOKED_AT: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Counts `n` hits looked at (tests only).
#[inline]
pub(crate) fn tally(_n: usize) {
    #[cfg(test)]
    LOOKED_AT.with(|c| c.set(c.get() + _n));
}

#[derive(Default)]
pub(crate) struct HitIndex {
    /// Each `unless` hit as its rule and token range, sorted by rule, then start: one
    /// vector for every rule (not a map of vectors built per field).
    unless: Vec<(u32, Range<usize>)>,
    /// Byte spans of brand-name hits, sorted by start.
    brand_spans: Vec<Range<usize>>,
    longest_brand: usize,
    /// Token ranges of "compatible with" phrases, sorted by end; of `专用`, by start.
    compat_before: Vec<Range<usize>>,
    compat_after: Vec<Range<usize>>,
    /// The most tokens any hit covers.
    pub max_tokens: usize,
}

impl HitIndex {
    /// Indexes the hits of field `a`, each by what it stands for in that field's
    /// language (see `Analysis::owners`).
    pub fn new(c: &Compiled, a: &Analysis) -> HitIndex {
        let mut ix = HitIndex::default();
        let wanted = |o: &Owner| {
            matches!(
                o,
                Owner::Unless(_) | Owner::Brand(_) | Owner::CompatBefore | Owner::CompatAfter
            )
        };
        for h in &a.hits {
            ix.max_tokens = ix.max_tokens.max(h.tokens.len());
            for o in a.owners(c, h.lit, wanted) {
                match o {
                    Owner::Unless(r) => ix.unless.push((r, h.tokens.clone())),
                    Owner::Brand(_) => {
                        ix.longest_brand = ix.longest_brand.max(h.span.len());
                        ix.brand_spans.push(h.span.clone());
                    }
                    Owner::CompatBefore => ix.compat_before.push(h.tokens.clone()),
                    Owner::CompatAfter => ix.compat_after.push(h.tokens.clone()),
                    _ => {}
                }
            }
        }
        ix.unless
            .sort_unstable_by_key(|(r, t)| (*r, t.start, t.end));
        ix.unless.dedup();
        ix.brand_spans.sort_by_key(|r| r.start);
        ix.brand_spans.dedup();
        ix.compat_before.sort_by_key(|r| r.end);
        ix.compat_after.sort_by_key(|r| r.start);
        ix
    }

    /// Whether an `unless` hit of `rule` lies within `window` tokens of `tokens`.
    pub fn unless_near(&self, rule: u32, tokens: &Range<usize>, window: usize) -> bool {
        let from = tokens.start.saturating_sub(window + self.max_tokens);
        let first = self
            .unless
            .partition_point(|(r, t)| (*r, t.start) < (rule, from));
        self.unless[first..]
            .iter()
            .take_while(|(r, t)| *r == rule && t.start <= tokens.end + window)
            .inspect(|_| tally(1))
            .any(|(_, t)| super::lint::near(t, tokens, window))
    }

    /// Whether the normalised range `norm` lies inside a longer brand-name hit.
    pub fn inside_brand(&self, norm: &Range<usize>) -> bool {
        let from = norm.end.saturating_sub(self.longest_brand);
        let first = self.brand_spans.partition_point(|r| r.start < from);
        self.brand_spans[first..]
            .iter()
            .take_while(|r| r.start <= norm.start)
            .inspect(|_| tally(1))
            .any(|r| norm.end <= r.end && r.len() > norm.len())
    }

    /// Whether a compatibility phrase ends within `gap` tokens before `brand`, or one
    /// starts right after it (within one token).
    pub fn compat(&self, brand: &Range<usize>, gap: usize) -> bool {
        let lo = brand.start.saturating_sub(gap);
        let i = self.compat_before.partition_point(|r| r.end < lo);
        let before = self.compat_before[i..]
            .iter()
            .take_while(|r| r.end <= brand.start)
            .next()
            .is_some();
        let j = self.compat_after.partition_point(|r| r.start < brand.end);
        let after = self.compat_after[j..]
            .first()
            .is_some_and(|r| r.start <= brand.end + 1);
        before || after
    }
}

/// The rules excused anywhere in the listing by an `unless` word in its category,
/// sorted and without repeats (for a binary search).
pub(crate) fn category_excuses<'a>(ixs: impl Iterator<Item = &'a HitIndex>) -> Vec<u32> {
    let mut rules: Vec<u32> = ixs
        .flat_map(|ix| ix.unless.iter().map(|(r, _)| *r))
        .collect();
    rules.sort_unstable();
    rules.dedup();
    rules
}

/// Of hits sorted by start (then longest first), those not inside a strictly longer
/// one, in one sweep: `keep[i]` is false for a hit contained in a longer hit.
#[inline(never)] // kept out of its callers' bodies: see `lint::lint`
pub(crate) fn not_contained(spans: &[Range<usize>]) -> Vec<bool> {
    let mut order: Vec<usize> = (0..spans.len()).collect();
    order.sort_by_key(|&i| (spans[i].start, std::cmp::Reverse(spans[i].end)));
    let mut keep = vec![true; spans.len()];
    // Largest end among hits that start strictly before the current start.
    let mut max_before: Option<usize> = None;
    let mut k = 0;
    while k < order.len() {
        let start = spans[order[k]].start;
        let group_end = spans[order[k]].end;
        let mut g = k;
        while g < order.len() && spans[order[g]].start == start {
            let s = &spans[order[g]];
            let inside_earlier = max_before.is_some_and(|m| m >= s.end);
            let inside_same_start = group_end > s.end;
            keep[order[g]] = !(inside_earlier || inside_same_start);
            g += 1;
        }
        max_before = Some(max_before.map_or(group_end, |m| m.max(group_end)));
        k = g;
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn containment_sweep_matches_the_pairwise_rule() {
        let spans = vec![0..10, 2..5, 0..10, 3..12, 10..12, 11..12, 20..21];
        let want: Vec<bool> = spans
            .iter()
            .map(|b| {
                !spans
                    .iter()
                    .any(|o| o.start <= b.start && b.end <= o.end && o.len() > b.len())
            })
            .collect();
        assert_eq!(not_contained(&spans), want);
    }
}
