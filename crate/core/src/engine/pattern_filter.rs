//! Which patterns may match a field, read from the literals each pattern requires, for
//! fields whose normalised text is not all ASCII.
//!
//! Why: the pattern set (`Compiled::regex_set`) runs as a lazy DFA, which cannot decide
//! a Unicode word boundary (`\b`) next to a non-ASCII byte. On such text it gives up and
//! the regex crate falls back to a much slower engine for the whole field: on the
//! Walmart–Amazon titles the 0.1% of fields with a `™` or a CJK character took three
//! quarters of the pattern time, and every field of a Thai or Chinese listing is such a
//! field. For those fields this filter names the patterns that can match at all, and
//! only those run, one by one.
//!
//! How: every match of a pattern contains at least one literal of a set read from its
//! syntax tree (a literal is itself; a concatenation needs what any one part needs,
//! taken from the part with the longest literals; an alternation needs one of what
//! each branch needs; a repetition of at least once what its body needs; a small
//! class one of its characters). One Aho-Corasick automaton finds them all in a
//! field. A pattern whose matches need no literal (`\d+`) is always a candidate.
//!
//! The filter is built only after the engine has seen a few dozen such fields, so a
//! fresh engine's first lints cost what they did without it.
//!
//! What it does not do: decide a match. It only leaves patterns out that cannot match,
//! so the findings are the same as with the set.

use aho_corasick::AhoCorasick;
use regex_syntax::hir::{Class, Hir, HirKind};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::OnceLock;

/// The filter is built once the engine has seen this many non-ASCII fields; before, they
/// go to the set as they always did. Building it (parsing every pattern) and compiling
/// the candidate patterns one by one cost a fresh engine tens of milliseconds in wasm,
/// which the first lint after a wake of the extension's worker should not pay.
const BUILD_AFTER_FIELDS: u32 = 32;

/// An engine's filter, built on demand (see [`BUILD_AFTER_FIELDS`]).
#[derive(Default)]
pub(crate) struct LazyFilter {
    seen: AtomicU32,
    filter: OnceLock<PatternFilter>,
}

impl LazyFilter {
    /// The filter, once a field of non-ASCII text has been seen often enough to pay for
    /// it; `None` means: run the set.
    pub fn get<'a>(&self, patterns: impl FnOnce() -> Vec<&'a str>) -> Option<&PatternFilter> {
        if let Some(f) = self.filter.get() {
            return Some(f);
        }
        if self.seen.fetch_add(1, Ordering::Relaxed) < BUILD_AFTER_FIELDS {
            return None;
        }
        Some(self.filter.get_or_init(|| PatternFilter::new(patterns())))
    }
}

/// A class of at most this many characters counts as a set of literals.
const MAX_CLASS_LITERALS: usize = 16;

/// The patterns of an engine, by the literals they need.
pub(crate) struct PatternFilter {
    automaton: Option<AhoCorasick>,
    /// The patterns (indexes in `Compiled::regexes`) each automaton literal stands for.
    owners: Vec<Vec<usize>>,
    /// Patterns that need no literal: candidates in every field.
    always: Vec<usize>,
}

impl PatternFilter {
    /// Reads the needed literals of each pattern, in order.
    pub fn new<'a>(patterns: impl IntoIterator<Item = &'a str>) -> PatternFilter {
        let mut literals: Vec<Vec<u8>> = Vec::new();
        let mut index: std::collections::HashMap<Vec<u8>, usize> = Default::default();
        let mut owners: Vec<Vec<usize>> = Vec::new();
        let mut always = Vec::new();
        for (i, p) in patterns.into_iter().enumerate() {
            let needed = regex_syntax::ParserBuilder::new()
                .build()
                .parse(p)
                .ok()
                .and_then(|hir| required(&hir))
                .filter(|set| set.iter().all(|l| !l.is_empty()));
            let Some(set) = needed else {
                always.push(i);
                continue;
            };
            for lit in set {
                let at = *index.entry(lit.clone()).or_insert_with(|| {
                    literals.push(lit);
                    owners.push(Vec::new());
                    owners.len() - 1
                });
                if owners[at].last() != Some(&i) {
                    owners[at].push(i);
                }
            }
        }
        let automaton = (!literals.is_empty()).then(|| {
            AhoCorasick::new(&literals).expect("pattern literals are bounded by pack validation")
        });
        PatternFilter {
            automaton,
            owners,
            always,
        }
    }

    /// The patterns that may match `text`, ascending, each once.
    pub fn candidates(&self, text: &str) -> Vec<usize> {
        let mut out = self.always.clone();
        if let Some(ac) = &self.automaton {
            for m in ac.find_overlapping_iter(text) {
                out.extend_from_slice(&self.owners[m.pattern().as_usize()]);
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// A set of literals one of which every match of `hir` contains; `None` when a match
/// may contain none (an empty match, a large class, an optional part).
fn required(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    match hir.kind() {
        HirKind::Literal(l) => Some(vec![l.0.to_vec()]),
        HirKind::Capture(c) => required(&c.sub),
        HirKind::Repetition(r) if r.min >= 1 => required(&r.sub),
        HirKind::Repetition(_) | HirKind::Empty | HirKind::Look(_) => None,
        HirKind::Class(c) => class(c),
        HirKind::Alternation(subs) => {
            let mut out = Vec::new();
            for s in subs {
                out.extend(required(s)?);
            }
            Some(out)
        }
        HirKind::Concat(subs) => subs
            .iter()
            .filter_map(required)
            .max_by_key(|set| score(set)),
    }
}

/// Longer literals are rarer in text; fewer of them, cheaper. Ties keep the first part.
fn score(set: &[Vec<u8>]) -> (usize, std::cmp::Reverse<usize>) {
    let shortest = set.iter().map(Vec::len).min().unwrap_or(0);
    (shortest.min(4), std::cmp::Reverse(set.len()))
}

fn class(c: &Class) -> Option<Vec<Vec<u8>>> {
    let mut out = Vec::new();
    match c {
        Class::Unicode(u) => {
            for r in u.ranges() {
                for ch in r.start()..=r.end() {
                    out.push(ch.to_string().into_bytes());
                    if out.len() > MAX_CLASS_LITERALS {
                        return None;
                    }
                }
            }
        }
        Class::Bytes(b) => {
            for r in b.ranges() {
                for x in r.start()..=r.end() {
                    out.push(vec![x]);
                    if out.len() > MAX_CLASS_LITERALS {
                        return None;
                    }
                }
            }
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn needed(p: &str) -> Option<Vec<String>> {
        let hir = regex_syntax::ParserBuilder::new().build().parse(p).unwrap();
        required(&hir).map(|v| {
            v.into_iter()
                .map(|l| String::from_utf8(l).unwrap())
                .collect()
        })
    }

    #[test]
    fn literals_each_match_needs() {
        let s = |v: &[&str]| Some(v.iter().map(|x| x.to_string()).collect::<Vec<_>>());
        assert_eq!(needed(r"\breplica\b"), s(&["replica"]));
        assert_eq!(needed(r"\b(?:fake|copy)\s+[0-9]+"), s(&["fake", "copy"]));
        assert_eq!(needed(r"[0-9]{1,2}\s*%\s*(?:alc|vol)"), s(&["alc", "vol"]));
        assert_eq!(needed(r"(笑[气氣])"), s(&["笑"]));
        assert_eq!(needed(r"a[xy]"), s(&["a"]));
        assert_eq!(needed(r"(?:abc)?\d+"), None);
        assert_eq!(needed(r"x|\w+"), None);
        assert_eq!(needed(r"^$"), None);
    }

    #[test]
    fn candidates_cover_every_matching_pattern() {
        let patterns = [
            r"\b(replica|fake)\b",
            r"\d{3}-\d{4}",
            r"(高仿|复刻)\S{0,8}?名表",
            r"\bwa\s*[:：]\s*\d+",
        ];
        let f = PatternFilter::new(patterns);
        let set = regex::RegexSet::new(patterns).unwrap();
        for text in [
            "高仿名表 replica",
            "wa: 0812 555-1234",
            "plain bottle ™",
            "複刻 abc",
            "",
        ] {
            let got = f.candidates(text);
            for i in set.matches(text).iter() {
                assert!(got.contains(&i), "{text}: pattern {i} left out");
            }
        }
        // `-` is what the phone pattern needs: nothing here can match.
        assert!(f.candidates("plain bottle ™").is_empty());
        assert_eq!(PatternFilter::new([r"\d+", "x"]).candidates("™"), vec![0]);
    }

    /// Over every example of every built-in rule (and each example's text with a `™`,
    /// so the non-ASCII path is taken): no pattern the set matches is left out.
    #[test]
    fn builtin_patterns_are_never_left_out() {
        let engine = crate::Engine::builtin().unwrap();
        let c = &engine.compiled;
        let f = PatternFilter::new(c.regexes.iter().map(|(_, s, _)| s.as_str()));
        let mut checked = 0;
        for rule in &c.rules {
            for e in rule.fire.iter().chain(&rule.pass) {
                for (_, text) in e.listing.fields() {
                    for t in [text.to_string(), format!("™ {text}")] {
                        let n = crate::normalize::Normalized::new(&t);
                        let got = f.candidates(n.text());
                        for i in c.regex_set.matches(n.text()).iter() {
                            assert!(got.contains(&i), "{:?}: pattern {i} left out", n.text());
                            checked += 1;
                        }
                    }
                }
            }
        }
        assert!(checked > 100, "{checked}");
    }
}
