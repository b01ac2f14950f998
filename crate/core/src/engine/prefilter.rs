//! Which patterns can match a text: each pattern's required literals (every match of
//! the pattern contains one of them, as `regex-syntax`'s literal extractor proves for a
//! part every match goes through), searched for all at once ([`LiteralSet`]). A pattern
//! whose literals are found is a candidate; its regex is compiled the first time it is
//! one (`Compiled::regexes`) and run to find the real matches. A pattern without such
//! literals, or with one shorter than [`MIN_LEN`] bytes (`wa`, a digit: found in most
//! listings), is decided by a regex set over those patterns only, built on the first
//! lint.
//!
//! The literals are extracted once per pattern, when its pack is compiled: the built-in
//! patterns' by the build, into the binary form ([`Required`]), so a waking service
//! worker reads them, sorted, and builds the search in one pass.
//!
//! It does not match anything itself: a candidate is only a pattern worth running.

use super::literal_set::{LiteralSet, MIN_LEN};
use regex::{RegexSet, RegexSetBuilder};
use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::hir::{Hir, HirKind};
use std::sync::OnceLock;

/// Literals one of which every match of `pattern` (a pattern `check_pattern` accepted)
/// contains: the prefixes or suffixes of the whole pattern or of a part every match
/// goes through (an item of a sequence, a group, a repeated part), whichever set has
/// the longest shortest literal (then the fewest literals): the rarer they are in
/// listings, the fewer patterns are tried for nothing. `None` when the pattern has no
/// finite set of non-empty ones (then it is tried on every text).
pub(crate) fn required_literals(pattern: &str) -> Option<Vec<Vec<u8>>> {
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

/// Every pattern's required literals, flat: each literal with the number of the
/// pattern that requires it, and the patterns with none of [`MIN_LEN`] bytes or more
/// (weak: the regex set decides those). Patterns are numbered in the order added.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Required {
    /// The literals end to end, and where each ends.
    text: Vec<u8>,
    ends: Vec<u32>,
    /// The pattern of each literal.
    pats: Vec<u32>,
    weak: Vec<u32>,
    count: u32,
}

impl Required {
    /// Adds the next pattern, `source`, with its literals.
    pub(crate) fn add(&mut self, source: &str) {
        let p = self.count;
        self.count += 1;
        let lits = required_literals(source).filter(|ls| ls.iter().all(|l| l.len() >= MIN_LEN));
        let Some(lits) = lits else {
            self.weak.push(p);
            return;
        };
        for l in lits {
            self.text.extend_from_slice(&l);
            self.ends
                .push(u32::try_from(self.text.len()).expect("pattern literals under 4 GB"));
            self.pats.push(p);
        }
    }

    /// How many patterns were added.
    #[cfg(feature = "binary")]
    pub(crate) fn patterns(&self) -> usize {
        self.count as usize
    }

    #[cfg(feature = "binary")]
    fn lit(&self, i: usize) -> &[u8] {
        &self.text[crate::str_map::span(&self.ends, i)]
    }
}

#[cfg(feature = "binary")]
mod binary_form {
    use super::super::literal_set::sorted;
    use super::super::wire::{In, Out, Wire};
    use super::{Required, MIN_LEN};

    /// Written sorted, so that reading builds the search without sorting: the number of
    /// literals, each one's length, their bytes, their patterns, the weak patterns, the
    /// number of patterns.
    impl Wire for Required {
        fn write(&self, out: &mut Out) {
            let (text, ends, pats) =
                sorted((0..self.ends.len()).map(|i| (self.lit(i), self.pats[i])));
            out.num(ends.len());
            let mut at = 0;
            for &e in &ends {
                out.num((e - at) as usize);
                at = e;
            }
            out.bytes(&text);
            out.nums(&pats);
            out.nums(&self.weak);
            out.num(self.count as usize);
        }

        fn read(r: &mut In<'_>) -> Required {
            let n = r.count();
            let mut ends = Vec::with_capacity(n);
            let mut at = 0u32;
            for _ in 0..n {
                let len = r.u32();
                if (len as usize) < MIN_LEN {
                    return r.fail("a pattern literal is too short");
                }
                at = at.saturating_add(len);
                ends.push(at);
            }
            let text = r.bytes().to_vec();
            let (pats, weak, count) = (r.nums(), r.nums(), r.u32());
            if at as usize != text.len() || pats.len() != n {
                return r.fail("the pattern literals do not add up");
            }
            if pats.iter().chain(&weak).any(|&p| p >= count) {
                return r.fail("a pattern literal's pattern is out of range");
            }
            Required {
                text,
                ends,
                pats,
                weak,
                count,
            }
        }
    }
}

/// The search over the patterns' required literals, and a regex set over the
/// patterns without good ones.
pub(crate) struct Prefilter {
    literals: LiteralSet,
    /// Patterns without literals of [`MIN_LEN`] bytes or more, and their sources.
    weak: Vec<u32>,
    weak_sources: Vec<String>,
    /// The regex set over `weak_sources`, built the first time a text is checked (`None`
    /// when too large: then every weak pattern is a candidate).
    weak_set: OnceLock<Option<RegexSet>>,
    count: usize,
}

impl Prefilter {
    /// The prefilter over the patterns of `required`, `source` giving each one's source.
    pub(crate) fn new<'a>(required: Required, source: impl Fn(usize) -> &'a str) -> Prefilter {
        let Required {
            text,
            ends,
            pats,
            weak,
            count,
        } = required;
        Prefilter {
            literals: LiteralSet::new(text, ends, pats)
                .expect("pattern literals are checked when they are added or read"),
            weak_sources: weak
                .iter()
                .map(|&p| source(p as usize).to_string())
                .collect(),
            weak,
            weak_set: OnceLock::new(),
            count: count as usize,
        }
    }

    /// The patterns that may match `text`, in index order.
    pub(crate) fn candidates(&self, text: &str) -> Vec<usize> {
        // Collected, then sorted: a field has a few candidates of the hundreds of
        // patterns, so a flag per pattern (allocated, then scanned, on every field) cost
        // more than the search that set them.
        let mut hit = Vec::new();
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
                    .for_each(|i| hit.push(self.weak[i] as usize)),
                None => hit.extend(self.weak.iter().map(|&p| p as usize)),
            }
        }
        self.literals
            .each_in(text.as_bytes(), |p| hit.push(p as usize));
        hit.sort_unstable();
        hit.dedup();
        debug_assert!(hit.last().is_none_or(|&p| p < self.count));
        hit
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
        let pre: Vec<_> = pats.iter().map(|p| required_literals(p)).collect();
        assert!(pre[0].is_some() && pre[1].is_some() && pre[2].is_some());
        assert!(
            pre[3].is_none(),
            "a pattern that may start anywhere is always tried"
        );
        let mut required = Required::default();
        pats.iter().for_each(|p| required.add(p));
        let f = Prefilter::new(required, |i| pats[i]);
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

    /// The binary form's literals read back as written (sorted), and a literal too
    /// short or a pattern out of range is refused.
    #[cfg(feature = "binary")]
    #[test]
    fn required_literals_read_back_strictly() {
        use super::super::wire::{from_bytes, to_bytes, Out};
        let mut required = Required::default();
        for p in [r"\b(replica|fake)\b", r"\S+", r"(好评返现)"] {
            required.add(p);
        }
        let bytes = to_bytes(&required);
        let back: Required = from_bytes(&bytes).unwrap();
        assert_eq!((back.patterns(), back.weak.clone()), (3, vec![1]));
        assert_eq!(
            to_bytes(&back),
            bytes,
            "written sorted: the same bytes again"
        );
        let form = |lens: &[usize], text: &[u8], pats: &[u32], count: usize| {
            let mut o = Out::default();
            o.num(lens.len());
            lens.iter().for_each(|&l| o.num(l));
            o.bytes(text);
            o.nums(pats);
            o.nums(&[]);
            o.num(count);
            o.into_bytes()
        };
        assert!(from_bytes::<Required>(&form(&[3], b"abc", &[0], 1)).is_ok());
        assert!(from_bytes::<Required>(&form(&[2], b"ab", &[0], 1)).is_err());
        assert!(from_bytes::<Required>(&form(&[3], b"abc", &[1], 1)).is_err());
        assert!(from_bytes::<Required>(&form(&[3], b"abcd", &[0], 1)).is_err());
        for cut in 0..bytes.len() {
            assert!(from_bytes::<Required>(&bytes[..cut]).is_err());
        }
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
        let pre: Vec<_> = sources.iter().map(|s| required_literals(s)).collect();
        let always = pre.iter().filter(|p| p.is_none()).count();
        assert!(
            always * 10 <= sources.len(),
            "{always} of {} patterns have no required literals",
            sources.len()
        );
        let mut required = Required::default();
        sources.iter().for_each(|s| required.add(s));
        // As the binary form holds them: written sorted, read back.
        #[cfg(feature = "binary")]
        let required: Required =
            super::super::wire::from_bytes(&super::super::wire::to_bytes(&required)).unwrap();
        let f = Prefilter::new(required, |i| &sources[i]);
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
