//! Fixes a rule offers: edits the seller can apply with one click, carried as pack
//! data beside the rule and computed by the engine on the original text.
//!
//! Two kinds: `remove` drops the match together with the separator that would be left
//! doubled (`"Rolex replica watch"` → `"Rolex watch"`, `"Replica, Rolex"` → `"Rolex"`),
//! and `replace` puts a suggestion in its place, one per language
//! (`with = { en = "easy to clean", zh = "易清洁" }`), chosen by the script of the match
//! and the field's language. `also` lists words that go with the match when they stand
//! right beside it (`"Chanel style"` → removed whole).
//!
//! A fix never reaches outside the field it is about, and the engine only computes
//! it: the extension applies it when the seller clicks, through the editor's own
//! input path. It does not rephrase, reorder or fix grammar around the edit.

use super::Text;
use crate::error::{PackError, PackErrorKind};
use crate::finding::Span;
use crate::language::{LangSet, Language};
use serde::Deserialize;
use std::collections::BTreeMap;

/// One fix as written in a pack: `{ kind = "remove" }` or
/// `{ kind = "replace", with = { en = "...", zh = "..." } }`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FixDoc {
    pub kind: String,
    /// The replacement per language code (`en`, `zh`, `id` ...), or one for all.
    #[serde(default)]
    pub with: Option<WithDoc>,
    /// Words removed with the match when they stand right before or after it.
    #[serde(default)]
    pub also: Vec<String>,
    /// The button's label; default "Remove “…”" / "Replace with “…”".
    #[serde(default)]
    pub label: Option<super::schema::TextDoc>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(untagged)]
pub(crate) enum WithDoc {
    One(String),
    PerLanguage(BTreeMap<String, String>),
}

/// An example of a fix: the rule fires on `text` (in its first field) and applying fix
/// number `fix` (default 0) of its first finding gives `result`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FixExampleDoc {
    pub text: String,
    pub result: String,
    #[serde(default)]
    pub fix: usize,
    #[serde(default)]
    pub marketplace: Option<String>,
}

/// A validated fix.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Fix {
    /// `None`: remove. Else the replacement per language, `en` first when present.
    pub with: Option<Vec<(Language, String)>>,
    pub also: Vec<String>,
    pub label: Option<Text>,
}

/// A validated fix example.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct FixExample {
    pub text: String,
    pub result: String,
    pub fix: usize,
    pub marketplace: Option<crate::listing::Marketplace>,
}

/// Most fixes a rule may carry.
const MAX_FIXES: usize = 4;
/// Longest replacement, in characters.
const MAX_WITH_CHARS: usize = 200;

fn invalid(message: impl Into<String>) -> PackError {
    PackError::new(PackErrorKind::Invalid, message)
}

pub(crate) fn fixes(docs: &[FixDoc]) -> Result<Vec<Fix>, PackError> {
    if docs.len() > MAX_FIXES {
        return Err(PackError::new(
            PackErrorKind::Limit,
            format!("{} fixes; the limit is {MAX_FIXES}", docs.len()),
        )
        .key("fixes"));
    }
    docs.iter()
        .enumerate()
        .map(|(i, d)| fix(d, &format!("fixes[{i}]")))
        .collect()
}

fn fix(doc: &FixDoc, at: &str) -> Result<Fix, PackError> {
    let key = |k: &str| format!("{at}.{k}");
    let with = match (doc.kind.as_str(), &doc.with) {
        ("remove", None) => None,
        ("remove", Some(_)) => {
            return Err(
                invalid("a `remove` fix takes no `with`; use kind = \"replace\"").key(key("with")),
            )
        }
        ("replace", None) => return Err(invalid("a `replace` fix needs `with`").key(key("with"))),
        ("replace", Some(w)) => {
            let pairs: Vec<(String, String)> = match w {
                WithDoc::One(s) => vec![("en".into(), s.clone())],
                WithDoc::PerLanguage(m) => m.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
            };
            let mut out = Vec::new();
            for (code, s) in pairs {
                let lang = Language::parse(&code).ok_or_else(|| {
                    invalid(format!("unknown language `{code}`")).key(key("with"))
                })?;
                if s.trim().is_empty() {
                    return Err(invalid("an empty replacement; use kind = \"remove\"")
                        .key(key(&format!("with.{code}"))));
                }
                if s.chars().count() > MAX_WITH_CHARS {
                    return Err(PackError::new(
                        PackErrorKind::Limit,
                        format!("the replacement is longer than {MAX_WITH_CHARS} characters"),
                    )
                    .key(key(&format!("with.{code}"))));
                }
                out.push((lang, s));
            }
            if out.is_empty() {
                return Err(invalid("`with` names no language").key(key("with")));
            }
            out.sort_by_key(|(l, _)| *l != Language::En);
            Some(out)
        }
        (other, _) => {
            return Err(
                invalid(format!("unknown fix kind `{other}`: use remove or replace"))
                    .key(key("kind")),
            )
        }
    };
    if with.is_some() && !doc.also.is_empty() {
        return Err(invalid("`also` belongs to a `remove` fix").key(key("also")));
    }
    Ok(Fix {
        with,
        also: doc.also.iter().map(|w| w.to_lowercase()).collect(),
        label: doc.label.as_ref().map(Text::from_doc),
    })
}

pub(crate) fn fix_examples(
    docs: &[FixExampleDoc],
    n_fixes: usize,
) -> Result<Vec<FixExample>, PackError> {
    docs.iter()
        .enumerate()
        .map(|(i, d)| {
            let key = format!("examples.fix[{i}]");
            if d.fix >= n_fixes {
                return Err(invalid(format!(
                    "fix {} asked, but the rule has {n_fixes} fixes",
                    d.fix
                ))
                .key(key));
            }
            let marketplace = match &d.marketplace {
                Some(m) => Some(
                    crate::listing::Marketplace::parse(m)
                        .ok_or_else(|| invalid(format!("unknown marketplace `{m}`")).key(&key))?,
                ),
                None => None,
            };
            Ok(FixExample {
                text: d.text.clone(),
                result: d.result.clone(),
                fix: d.fix,
                marketplace,
            })
        })
        .collect()
}

/// One computed edit: replace `span` of the field's text with `replacement`.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Edit {
    pub span: Span,
    pub replacement: String,
    /// The replacement shown in the label (before case adjustment).
    pub suggestion: Option<String>,
}

fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x9fff | 0xf900..=0xfaff | 0x20000..=0x2ffff)
}

/// Separator characters a removal may take with it.
fn is_sep(c: char) -> bool {
    c.is_whitespace() || ",;|/·、，；。-–—:：".contains(c)
}

impl Fix {
    /// The edit for a match at byte `span` of `text`, in a field in `lang`.
    pub fn edit(&self, text: &str, span: Span, lang: LangSet) -> Edit {
        match &self.with {
            Some(with) => {
                let matched = &text[span.start..span.end];
                let want = if matched.chars().any(is_han) {
                    Some(Language::Zh)
                } else if !lang.is_any() {
                    lang.languages().find(|l| with.iter().any(|(w, _)| w == l))
                } else {
                    None
                };
                let chosen = want
                    .and_then(|l| with.iter().find(|(w, _)| *w == l))
                    .unwrap_or(&with[0]);
                // A Chinese suggestion in a field written in Traditional characters is
                // given in its Taiwan form, where the table has one.
                let suggestion = match chosen.0 {
                    Language::Zh if is_traditional(text) => super::zh_tw::traditional(&chosen.1)
                        .map_or_else(|| chosen.1.clone(), str::to_string),
                    _ => chosen.1.clone(),
                };
                Edit {
                    span,
                    replacement: match_case(matched, &suggestion),
                    suggestion: Some(suggestion),
                }
            }
            None => Edit {
                span: removal(text, self.widen(text, span)),
                replacement: String::new(),
                suggestion: None,
            },
        }
    }

    /// The span grown over `also` words standing right beside it.
    fn widen(&self, text: &str, mut span: Span) -> Span {
        if self.also.is_empty() {
            return span;
        }
        let after = &text[span.end..];
        let gap = after.len() - after.trim_start().len();
        let rest = &after[gap..];
        if let Some(w) = self.also_at_start(rest) {
            span.end += gap + w;
        }
        let before = &text[..span.start];
        let trimmed = before.trim_end();
        if let Some(w) = self.also_at_end(trimmed) {
            span.start = trimmed.len() - w;
        }
        span
    }

    fn also_at_start(&self, s: &str) -> Option<usize> {
        let lower = s.to_lowercase();
        self.also
            .iter()
            .filter(|w| {
                lower.starts_with(w.as_str())
                    && lower.len() == s.len()
                    && word_ends(&lower[w.len()..], w)
            })
            .map(String::len)
            .max()
    }

    fn also_at_end(&self, s: &str) -> Option<usize> {
        let lower = s.to_lowercase();
        self.also
            .iter()
            .filter(|w| {
                lower.ends_with(w.as_str())
                    && lower.len() == s.len()
                    && word_starts(&lower[..lower.len() - w.len()], w)
            })
            .map(String::len)
            .max()
    }
}

fn latin_word(w: &str) -> bool {
    w.chars()
        .last()
        .is_some_and(|c| c.is_alphanumeric() && !is_han(c))
}

fn word_ends(rest: &str, w: &str) -> bool {
    !latin_word(w) || !rest.chars().next().is_some_and(char::is_alphanumeric)
}

fn word_starts(before: &str, w: &str) -> bool {
    !w.chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() && !is_han(c))
        || !before.chars().last().is_some_and(char::is_alphanumeric)
}

/// The span to delete for removing `span`: with the separator run after it when the
/// match starts the text, before it when the match ends the text, else the run that
/// would be left doubled (the plainer of the two, so punctuation stays).
fn removal(text: &str, span: Span) -> Span {
    let before = &text[..span.start];
    let after = &text[span.end..];
    let left = before.len() - before.trim_end_matches(is_sep).len();
    let right = after.len() - after.trim_start_matches(is_sep).len();
    let at_start = left == before.len();
    let at_end = right == after.len();
    match (at_start, at_end) {
        (true, true) => Span::new(0, text.len()),
        (true, false) => Span::new(0, span.end + right),
        (false, true) => Span::new(span.start - left, text.len()),
        _ if left == 0 || right == 0 => span,
        _ => {
            let l = &before[before.len() - left..];
            let r = &after[..right];
            let plain = |s: &str| s.chars().all(char::is_whitespace);
            if plain(l) && !plain(r) {
                Span::new(span.start - left, span.end)
            } else {
                // Keep the left run, drop the right one, but keep a space if the right
                // run had only punctuation and the left only space.
                Span::new(span.start, span.end + right)
            }
        }
    }
}

/// Whether a text is written in Traditional Chinese: it has a character the
/// Traditional → Simplified fold changes (and so is not plain Simplified).
fn is_traditional(text: &str) -> bool {
    text.chars()
        .any(|c| is_han(c) && crate::normalize::t2s::simplify(c) != c)
}

/// Capitalises a Latin suggestion when the match it replaces starts with a capital.
fn match_case(matched: &str, suggestion: &str) -> String {
    let cap = matched.chars().next().is_some_and(char::is_uppercase);
    let all_caps = matched.chars().filter(|c| c.is_alphabetic()).count() > 1
        && matched
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
    if all_caps {
        return suggestion.to_uppercase();
    }
    let mut chars = suggestion.chars();
    match chars.next() {
        Some(first) if cap && first.is_lowercase() => first.to_uppercase().chain(chars).collect(),
        _ => suggestion.to_string(),
    }
}

/// The button's label for `edit` of `text`: the pack's own, else "Remove “…”" or
/// "Replace with “…”" in `lang`.
pub(crate) fn label(fix: &Fix, edit: &Edit, text: &str, lang: crate::Lang) -> String {
    if let Some(l) = &fix.label {
        return l.get(lang).to_string();
    }
    match (&edit.suggestion, lang) {
        (Some(_), crate::Lang::En) => format!("Replace with “{}”", edit.replacement),
        (Some(_), crate::Lang::Zh) => format!("改为“{}”", edit.replacement),
        (Some(_), crate::Lang::ZhTw) => format!("改為「{}」", edit.replacement),
        (None, lang) => {
            let gone = text[edit.span.start..edit.span.end].trim_matches(is_sep);
            match lang {
                crate::Lang::En => format!("Remove “{gone}”"),
                crate::Lang::Zh => format!("删除“{gone}”"),
                crate::Lang::ZhTw => format!("刪除「{gone}」"),
            }
        }
    }
}

/// Applies an edit (for the unit tests).
#[cfg(test)]
pub(crate) fn apply(text: &str, edit: &Edit) -> String {
    format!(
        "{}{}{}",
        &text[..edit.span.start],
        edit.replacement,
        &text[edit.span.end..]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn remove(text: &str, word: &str, also: &[&str]) -> String {
        let start = text.find(word).unwrap();
        let f = Fix {
            with: None,
            also: also.iter().map(|s| s.to_string()).collect(),
            label: None,
        };
        let e = f.edit(
            text,
            Span::new(start, start + word.len()),
            LangSet::default(),
        );
        apply(text, &e)
    }

    fn fix_t(d: &FixDoc) -> Result<Fix, PackError> {
        fix(d, "fixes[0]")
    }

    #[test]
    fn removal_takes_one_separator() {
        let cases = [
            ("Rolex replica watch", "replica", "Rolex watch"),
            ("Replica Rolex watch", "Replica", "Rolex watch"),
            ("Rolex watch replica", "replica", "Rolex watch"),
            (
                "Yoga mat, free shipping, 6 mm",
                "free shipping",
                "Yoga mat, 6 mm",
            ),
            (
                "Yoga mat free shipping, 6 mm",
                "free shipping",
                "Yoga mat, 6 mm",
            ),
            ("Yoga Mat - Best Seller", "Best Seller", "Yoga Mat"),
            ("瑜伽垫 包邮 爆款", "包邮", "瑜伽垫 爆款"),
            ("高仿手表", "高仿", "手表"),
            ("replica", "replica", ""),
        ];
        for (text, word, want) in cases {
            assert_eq!(remove(text, word, &[]), want, "{text:?} minus {word:?}");
        }
    }

    #[test]
    fn also_words_go_with_the_match() {
        let also = ["style", "inspired", "inspired by", "同款"];
        assert_eq!(
            remove("Chanel style quilted bag", "Chanel", &also),
            "quilted bag"
        );
        assert_eq!(
            remove("Quilted bag, inspired by Chanel", "Chanel", &also),
            "Quilted bag"
        );
        assert_eq!(remove("迪奥同款口红", "迪奥", &also), "口红");
        // Not a word of its own: stays.
        assert_eq!(remove("Chanel stylet pen", "Chanel", &also), "stylet pen");
    }

    #[test]
    fn replacement_follows_case_and_script() {
        let f = fix_t(&FixDoc {
            kind: "replace".into(),
            with: Some(WithDoc::PerLanguage(
                [
                    ("zh".into(), "易清洁".into()),
                    ("en".into(), "easy to clean".into()),
                ]
                .into_iter()
                .collect(),
            )),
            also: vec![],
            label: None,
        })
        .unwrap();
        let t = "Antibacterial cutting board";
        let e = f.edit(t, Span::new(0, 13), LangSet::default());
        assert_eq!(apply(t, &e), "Easy to clean cutting board");
        let t = "抗菌 砧板";
        let e = f.edit(t, Span::new(0, 6), LangSet::default());
        assert_eq!(apply(t, &e), "易清洁 砧板");
    }

    #[test]
    fn bad_fixes_are_refused() {
        let doc = |kind: &str, with: Option<&str>| FixDoc {
            kind: kind.into(),
            with: with.map(|w| WithDoc::One(w.into())),
            also: vec![],
            label: None,
        };
        assert!(fix_t(&doc("rewrite", None)).is_err());
        assert!(fix_t(&doc("replace", None)).is_err());
        assert!(fix_t(&doc("remove", Some("x"))).is_err());
        assert!(fix_t(&doc("replace", Some(" "))).is_err());
    }
}
