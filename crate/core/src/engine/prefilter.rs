//! Which patterns can match a text: each pattern's required literals (every match of
//! the pattern contains one of them, as `regex-syntax`'s literal extractor proves for a
//! part every match goes through), searched for all at once by one Aho-Corasick
//! automaton. A pattern whose literals are found is a candidate; its regex is compiled
//! the first time it is one (`Compiled::regexes`) and run to find the real matches. A
//! pattern without such literals, or with one shorter than [`MIN_LITERAL`] bytes (`wa`,
//! a digit: found in most listings), is decided by a regex set over those patterns only,
//! built on the first lint.
//!
//! Building the automaton over a few thousand short literals takes a fraction of the
//! time a regex set over the same patterns takes to compile (the Unicode `.` and `\s`
//! of `.{0,40}?` expand into large automata), and the built-in patterns' literals are
//! extracted once, by the build (`binary.rs`), not on every wake of the extension.
//!
//! It does not match anything itself: a candidate is only a pattern worth running.

use aho_corasick::{AhoCorasick, MatchKind};
use regex::{RegexSet, RegexSetBuilder};
use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::hir::{Hir, HirKind};
use std::sync::OnceLock;

/// Literals one of which every match of a pattern contains; `None` when the pattern
/// has no finite set of non-empty ones (then it is tried on every text).
pub(crate) type Required = Option<Vec<Vec<u8>>>;

/// Literals one of which every match of `pattern` (a pattern `check_pattern` accepted)
/// contains: the prefixes or suffixes of the whole pattern or of a part every match
/// goes through (an item of a sequence, a group, a repeated part), whichever set has
/// the longest shortest literal (then the fewest literals): the rarer they are in
/// listings, the fewer patterns are tried for nothing.
pub(crate) fn required_literals(pattern: &str) -> Required {
    let hir = regex_syntax::ParserBuilder::new()
        .build()
        .parse(pattern)
        .ok()?;
    let mut best: Option<Vec<Vec<u8>>> = None;
    consider(&hir, &mut best);
    best
}

/// Considers the literal sets of `hir` and of every part of it every match of `hir`
/// goes through, keeping the best in `best`.
fn consider(hir: &Hir, best: &mut Option<Vec<Vec<u8>>>) {
    for kind in [ExtractKind::Prefix, ExtractKind::Suffix] {
        let seq = Extractor::new().kind(kind).extract(hir);
        let Some(lits) = seq.literals() else { continue };
        if lits.is_empty() || lits.iter().any(|l| l.as_bytes().is_empty()) {
            continue;
        }
        let score = |ls: &[Vec<u8>]| {
            let min = ls.iter().map(Vec::len).min().unwrap_or(0).min(6);
            (min, std::cmp::Reverse(ls.len()))
        };
        let lits: Vec<Vec<u8>> = lits.iter().map(|l| l.as_bytes().to_vec()).collect();
        if best.as_deref().is_none_or(|b| score(&lits) > score(b)) {
            *best = Some(lits);
        }
    }
    match hir.kind() {
        HirKind::Capture(c) => consider(&c.sub, best),
        HirKind::Repetition(r) if r.min >= 1 => consider(&r.sub, best),
        HirKind::Concat(subs) => subs.iter().for_each(|s| consider(s, best)),
        _ => {}
    }
}

/// A literal shorter than this is common in listings (`wa` in `water`, a digit): a
/// pattern with one is decided by the small regex set instead.
const MIN_LITERAL: usize = 3;

/// The automaton over the patterns' required literals, and a regex set over the
/// patterns without good ones.
pub(crate) struct Prefilter {
    /// The automaton over the literals of ASCII text only, and the literals with other
    /// characters, which no ASCII text (most listings) holds: their automaton is built
    /// on the first text that is not ASCII, not on every start of the engine.
    ascii: Option<Built>,
    other: Automaton,
    other_ac: OnceLock<Option<AhoCorasick>>,
    /// Patterns without literals of [`MIN_LITERAL`] bytes or more, and their sources.
    weak: Vec<u32>,
    weak_sources: Vec<String>,
    /// The regex set over `weak_sources`, built the first time a text is checked (`None`
    /// when too large: then every weak pattern is a candidate).
    weak_set: OnceLock<Option<RegexSet>>,
    count: usize,
}

/// One automaton over required literals, and the patterns each literal is required by.
#[derive(Default)]
struct Automaton {
    literals: Vec<Vec<u8>>,
    patterns_of: Vec<Vec<u32>>,
}

/// [`Automaton`] built.
struct Built {
    ac: AhoCorasick,
    patterns_of: Vec<Vec<u32>>,
}

impl Automaton {
    /// Built on every start of the engine, so as a noncontiguous NFA without a
    /// prefilter: `build_auto` made a contiguous one from it and a prefilter over 1,500
    /// literals (which rules nothing out), 0.5 M instructions a start natively, for the
    /// same search (titles 968.7 against 969.0 M instructions; callgrind, 2026-12-03).
    fn ac(&self) -> Option<AhoCorasick> {
        (!self.literals.is_empty()).then(|| {
            AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .kind(Some(aho_corasick::AhoCorasickKind::NoncontiguousNFA))
                .prefilter(false)
                .build(&self.literals)
                .expect("pattern literals are bounded in size by pack validation")
        })
    }

    fn build(self) -> Option<Built> {
        Some(Built {
            ac: self.ac()?,
            patterns_of: self.patterns_of,
        })
    }
}

impl Prefilter {
    /// The prefilter over patterns with these required literals, by pattern index.
    pub(crate) fn new<'a>(all: impl IntoIterator<Item = (&'a str, &'a Required)>) -> Prefilter {
        let mut index: crate::hash::FxHashMap<&[u8], usize> = Default::default();
        let mut literals: Vec<&[u8]> = Vec::new();
        let mut patterns_of: Vec<Vec<u32>> = Vec::new();
        let (mut weak, mut weak_sources) = (Vec::new(), Vec::new());
        let mut count = 0;
        for (i, (source, p)) in all.into_iter().enumerate() {
            count += 1;
            let Some(lits) = p
                .as_ref()
                .filter(|ls| ls.iter().all(|l| l.len() >= MIN_LITERAL))
            else {
                weak.push(i as u32);
                weak_sources.push(source.to_string());
                continue;
            };
            for l in lits {
                let at = *index.entry(l.as_slice()).or_insert_with(|| {
                    literals.push(l);
                    patterns_of.push(Vec::new());
                    literals.len() - 1
                });
                if patterns_of[at].last() != Some(&(i as u32)) {
                    patterns_of[at].push(i as u32);
                }
            }
        }
        let (mut ascii, mut other) = (Automaton::default(), Automaton::default());
        for (l, ps) in literals.into_iter().zip(patterns_of) {
            let part = if l.is_ascii() { &mut ascii } else { &mut other };
            part.literals.push(l.to_vec());
            part.patterns_of.push(ps);
        }
        Prefilter {
            ascii: ascii.build(),
            other,
            other_ac: OnceLock::new(),
            weak,
            weak_sources,
            weak_set: OnceLock::new(),
            count,
        }
    }

    /// The patterns that may match `text`, in index order.
    pub(crate) fn candidates(&self, text: &str) -> Vec<usize> {
        let mut hit = vec![false; self.count];
        if !self.weak.is_empty() {
            let set = self.weak_set.get_or_init(|| {
                RegexSetBuilder::new(&self.weak_sources)
                    .size_limit(crate::pack::limits::REGEX_SIZE_LIMIT * 8)
                    .dfa_size_limit(crate::pack::limits::REGEX_SIZE_LIMIT * 8)
                    .build()
                    .ok()
            });
            match set {
                Some(set) => set
                    .matches(text)
                    .iter()
                    .for_each(|i| hit[self.weak[i] as usize] = true),
                None => self.weak.iter().for_each(|&p| hit[p as usize] = true),
            }
        }
        let other = if text.is_ascii() {
            None
        } else {
            (self.other_ac.get_or_init(|| self.other.ac()).as_ref())
                .map(|ac| (ac, &self.other.patterns_of))
        };
        let ascii = self.ascii.as_ref().map(|b| (&b.ac, &b.patterns_of));
        for (ac, patterns_of) in ascii.into_iter().chain(other) {
            for m in ac.find_overlapping_iter(text) {
                for &p in &patterns_of[m.pattern().as_usize()] {
                    hit[p as usize] = true;
                }
            }
        }
        hit.iter()
            .enumerate()
            .filter_map(|(i, &h)| h.then_some(i))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates_are_the_patterns_whose_literals_occur() {
        let pats = [
            r"\b(replica|replika)\b",
            r"[0-9]{1,2}\s*%\s*(?:alc|vol)",
            r"(好评返现|好評返現)",
            r"\S+\s\S+",
            r"(?-u:\b)wa\s+me",
        ];
        let pre: Vec<Required> = pats.iter().map(|p| required_literals(p)).collect();
        assert!(pre[0].is_some() && pre[1].is_some() && pre[2].is_some());
        assert!(
            pre[3].is_none(),
            "a pattern that may start anywhere is always tried"
        );
        let f = Prefilter::new(pats.iter().copied().zip(&pre));
        // Patterns 3 and 4 (no literals; only the short `wa`) are decided by the set.
        assert_eq!(f.candidates("nothing here"), vec![3]);
        assert_eq!(f.candidates("a replica watch"), vec![0, 3]);
        assert_eq!(f.candidates("replica, 12 % vol"), vec![0, 1, 3]);
        // The suffixes `alc` and `vol` are rarer than the digits the pattern starts with.
        assert_eq!(f.candidates("12 % sugar"), vec![3]);
        assert_eq!(f.candidates("五星好评返现"), vec![2]);
        assert_eq!(f.candidates("swa me"), vec![3]);
        assert_eq!(f.candidates("wa me"), vec![3, 4]);
    }

    /// No built-in pattern matches a text the prefilter rules it out for: on every
    /// example, a pattern that matches is a candidate.
    #[test]
    fn every_builtin_match_is_a_candidate() {
        let mut sources = Vec::new();
        let mut texts = Vec::new();
        for p in crate::builtin_packs().unwrap() {
            for r in &p.rules {
                if let crate::pack::RuleKind::Pattern { patterns, .. } = &r.kind {
                    for pat in patterns {
                        sources.push(super::super::boundary::ascii_boundaries(pat).into_owned());
                    }
                }
                for e in r.fire.iter().chain(&r.pass) {
                    let l = &e.listing;
                    for t in [&l.title, &l.description, &l.category, &l.brand] {
                        texts.push(crate::normalize::Normalized::new(t).text().to_string());
                    }
                    for b in &l.bullets {
                        texts.push(crate::normalize::Normalized::new(b).text().to_string());
                    }
                }
            }
        }
        let pre: Vec<Required> = sources.iter().map(|s| required_literals(s)).collect();
        let always = pre.iter().filter(|p| p.is_none()).count();
        assert!(
            always * 10 <= sources.len(),
            "{always} of {} patterns have no required literals",
            sources.len()
        );
        let f = Prefilter::new(sources.iter().map(String::as_str).zip(&pre));
        let res: Vec<regex::Regex> = sources
            .iter()
            .map(|s| regex::Regex::new(s).unwrap())
            .collect();
        let mut matched = 0;
        for t in &texts {
            let c = f.candidates(t);
            for (i, re) in res.iter().enumerate() {
                if re.is_match(t) {
                    matched += 1;
                    assert!(c.contains(&i), "pattern {} matches {t:?}", sources[i]);
                }
            }
        }
        assert!(matched > 0);
        let lits: usize = pre.iter().flatten().map(Vec::len).sum();
        eprintln!(
            "{} patterns, {always} tried on every text, {lits} literals",
            sources.len()
        );
    }
}
