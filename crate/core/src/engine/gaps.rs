//! Terms with gaps: `"replica ~2 watch"` fires on `replica watch`, `replica steel
//! watch` and `replica steel dive watch`, not when more words stand between. Each part
//! is a literal of the one matcher; a term fires where its first part is found and each
//! next part starts within its gap of the end of the one before.

use super::compile::{Compiled, GapTerm};
use super::lint::Analysis;
use std::ops::Range;

/// The tokens and normalised span of term `term` starting at hit `first` of field `a`,
/// if all its parts follow within their gaps. The nearest next part is taken.
pub(crate) fn complete(
    _c: &Compiled,
    a: &Analysis,
    first: usize,
    term: &GapTerm,
) -> Option<(Range<usize>, Range<usize>)> {
    let start = &a.hits[first];
    let mut tokens_end = start.tokens.end;
    let mut span_end = start.span.end;
    let mut from = first + 1;
    for (k, &lit) in term.parts.iter().enumerate().skip(1) {
        let gap = term.gaps[k - 1];
        let (j, h) = a.hits[from..]
            .iter()
            .enumerate()
            // Hits are ordered by start: past the gap, nothing later can follow.
            .take_while(|(_, h)| h.tokens.start <= tokens_end + gap)
            .find(|(_, h)| h.lit == lit && h.tokens.start >= tokens_end)?;
        tokens_end = h.tokens.end;
        span_end = h.span.end;
        from += j + 1;
    }
    Some((start.tokens.start..tokens_end, start.span.start..span_end))
}
