//! Word lists as packs write them: a plain list (every language) or a table keyed by
//! language code (`any` for every language), validated into [`Word`]s; and terms with
//! a gap (`"replica ~2 watch"`: up to two other words between `replica` and `watch`).

use super::limits;
use super::schema::WordsDoc;
use crate::error::{PackError, PackErrorKind};
use crate::language::{LangSet, Language};
use crate::normalize::{Normalized, TokenKind};

/// One word or phrase of a list, with the languages it is written for.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Word {
    pub text: String,
    /// [`LangSet::ANY`]: every language.
    pub langs: LangSet,
}

/// The most words a gap may skip (`~8`).
pub(crate) const MAX_GAP: usize = 8;

fn invalid(message: impl Into<String>) -> PackError {
    PackError::new(PackErrorKind::Invalid, message)
}

/// Parses a language code of a tagged list; `any` is every language.
pub(crate) fn language_tag(code: &str, key: &str) -> Result<LangSet, PackError> {
    if code == "any" {
        return Ok(LangSet::ANY);
    }
    match Language::parse(code) {
        Some(l) if l.code() == code => Ok(LangSet::one(l)),
        _ => Err(invalid(format!(
            "unknown language `{code}`: use any, {}",
            Language::ALL.map(Language::code).join(", ")
        ))
        .key(key.to_string())),
    }
}

/// Validates a word list: languages known, every word of bounded length and able to
/// match something. `gaps`: whether `~N` gaps are allowed (terms only).
pub(crate) fn words(doc: &WordsDoc, key: &str, gaps: bool) -> Result<Vec<Word>, PackError> {
    let mut out = Vec::with_capacity(doc.len());
    // Keys are formatted only for an error: packs hold tens of thousands of words.
    let mut add = |list: &[String], langs: LangSet, code: Option<&str>| -> Result<(), PackError> {
        for (i, t) in list.iter().enumerate() {
            check_literal(t, gaps).map_err(|e| match code {
                Some(c) => e.key(format!("{key}.{c}[{i}]")),
                None => e.key(format!("{key}[{i}]")),
            })?;
            out.push(Word {
                text: t.trim().to_string(),
                langs,
            });
        }
        Ok(())
    };
    match doc {
        WordsDoc::List(list) => add(list, LangSet::ANY, None)?,
        WordsDoc::Tagged(map) => {
            for (code, list) in map {
                let langs = language_tag(code, key)?;
                add(list, langs, Some(code))?;
            }
        }
    }
    Ok(out)
}

/// One literal: not empty, at most [`limits::MAX_LITERAL_CHARS`], and not something
/// that normalises to nothing (emoji, `***`, `...`), which could never fire.
pub(crate) fn check_literal(t: &str, gaps: bool) -> Result<(), PackError> {
    if t.trim().is_empty() {
        return Err(invalid("an empty term"));
    }
    let n = t.chars().count();
    if n > limits::MAX_LITERAL_CHARS {
        return Err(PackError::new(
            PackErrorKind::Limit,
            format!("{n} characters; the limit is {}", limits::MAX_LITERAL_CHARS),
        ));
    }
    let parts = if gaps {
        split_gaps(t)?
    } else {
        vec![(t.to_string(), 0)]
    };
    for (part, _) in &parts {
        if !matchable(part) {
            return Err(invalid(format!(
                "`{part}` has no letters, digits or CJK or Thai characters once normalised, so it can never match"
            )));
        }
    }
    Ok(())
}

/// Whether a literal keeps something to match after normalisation.
pub(crate) fn matchable(literal: &str) -> bool {
    // An ASCII letter or digit, or a character of a script written without spaces
    // (CJK, Thai, Lao, Khmer, Myanmar), always survives: no need to normalise (packs
    // hold tens of thousands of brand names).
    if literal
        .chars()
        .any(|c| c.is_ascii_alphanumeric() || crate::normalize::is_unspaced(c))
    {
        return true;
    }
    let n = Normalized::new(literal);
    n.text().chars().any(crate::normalize::is_unspaced)
        || n.tokens().iter().any(|t| t.kind == TokenKind::Word)
}

/// Splits a term at its gaps: `"replica ~2 watch"` → `[("replica", 2), ("watch", 0)]`
/// (each part with the most words allowed after it). A term without `~N` is one part.
pub(crate) fn split_gaps(term: &str) -> Result<Vec<(String, usize)>, PackError> {
    let mut parts: Vec<(String, usize)> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for w in term.split_whitespace() {
        let gap = w
            .strip_prefix('~')
            .filter(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()));
        match gap {
            Some(d) => {
                let gap: usize = d.parse().unwrap_or(usize::MAX);
                if gap == 0 || gap > MAX_GAP {
                    return Err(invalid(format!(
                        "gap `{w}` in `{term}`: use ~1 to ~{MAX_GAP}"
                    )));
                }
                if current.is_empty() {
                    return Err(invalid(format!(
                        "gap `{w}` in `{term}` must stand between two words"
                    )));
                }
                parts.push((current.join(" "), gap));
                current.clear();
            }
            None => current.push(w),
        }
    }
    if current.is_empty() {
        return Err(invalid(format!(
            "`{term}` ends with a gap: a gap must stand between two words"
        )));
    }
    parts.push((current.join(" "), 0));
    Ok(parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    type Parts = &'static [(&'static str, usize)];

    #[test]
    fn gaps_split() {
        let cases: &[(&str, Option<Parts>)] = &[
            ("replica", Some(&[("replica", 0)])),
            ("replica watch", Some(&[("replica watch", 0)])),
            ("replica ~2 watch", Some(&[("replica", 2), ("watch", 0)])),
            (
                "same ~1 as ~3 original",
                Some(&[("same", 1), ("as", 3), ("original", 0)]),
            ),
            ("高仿 ~2 手表", Some(&[("高仿", 2), ("手表", 0)])),
            ("~2 watch", None),
            ("replica ~2", None),
            ("replica ~0 watch", None),
            ("replica ~9 watch", None),
            ("a ~2 ~2 b", None),
            ("~ok", Some(&[("~ok", 0)])),
        ];
        for (term, want) in cases {
            let got = split_gaps(term).ok();
            let want: Option<Vec<(String, usize)>> =
                want.map(|w| w.iter().map(|(s, g)| (s.to_string(), *g)).collect());
            assert_eq!(got, want, "{term}");
        }
    }

    #[test]
    fn literals_that_cannot_match_are_refused() {
        for t in ["🔥🔥", "***", "...", "  ", "★☆"] {
            assert!(check_literal(t, false).is_err(), "{t:?}");
        }
        for t in ["1:1", "高仿", "AAA", "hàng fake", "ของปลอม"] {
            assert!(check_literal(t, false).is_ok(), "{t:?}");
        }
    }
}
