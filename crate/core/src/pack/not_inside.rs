//! A term rule's `not_inside` table: per term, the longer everyday words that contain
//! it where it is not the term (`鼻烟`, snuff, inside `鼻烟壶`, a snuff bottle).
//!
//! An `unless` word excuses the rule near it, and in a Chinese title (one token per
//! character, no spaces) that is usually the whole listing: a title naming a snuff
//! bottle and also selling snuff was excused. `not_inside` excuses only the one
//! occurrence that lies inside the longer word; another occurrence of the term in the
//! same listing still fires. The check is `engine::everyday::inside_compound`, the same
//! one brand names that are everyday Chinese words use.
//!
//! ```toml
//! not_inside = { "鼻烟" = ["鼻烟壶"], "爆竹" = ["爆竹声"] }
//! ```
//!
//! What it does not do: it compares normalised text (Traditional and Simplified, full-
//! and half-width alike), not word boundaries, so a term is excused inside the listed
//! words only, never inside words that merely start the same way.

use super::words::Word;
use crate::error::{PackError, PackErrorKind};
use crate::normalize::Normalized;
use std::collections::BTreeMap;

/// Normalised term → the normalised longer words it is excused inside.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct NotInside(Vec<(String, Vec<String>)>);

impl NotInside {
    /// The longer words normalised `term` is excused inside, if the table names it.
    pub fn compounds(&self, term: &str) -> Option<&[String]> {
        self.0
            .iter()
            .find(|(t, _)| t == term)
            .map(|(_, c)| c.as_slice())
    }

    pub fn len(&self) -> usize {
        self.0.iter().map(|(_, c)| c.len()).sum()
    }
}

/// The engine's binary form (`engine/wire.rs`): the pairs in order.
#[cfg(feature = "binary")]
impl crate::engine::wire::Wire for NotInside {
    fn write(&self, out: &mut crate::engine::wire::Out) {
        self.0.write(out);
    }
    fn read(r: &mut crate::engine::wire::In<'_>) -> Self {
        NotInside(crate::engine::wire::Wire::read(r))
    }
}

fn invalid(message: impl Into<String>, key: String) -> PackError {
    PackError::new(PackErrorKind::Invalid, message).key(key)
}

/// Validates a rule's table against its `terms`: each key is one of the terms, and
/// each longer word contains it (both compared normalised).
pub(crate) fn parse(
    doc: &BTreeMap<String, Vec<String>>,
    terms: &[Word],
) -> Result<NotInside, PackError> {
    let mut out = Vec::with_capacity(doc.len());
    for (term, words) in doc {
        let key = Normalized::new(term.trim()).text().to_string();
        if key.is_empty() || !terms.iter().any(|t| Normalized::new(&t.text).text() == key) {
            return Err(invalid(
                format!("`{term}` is not one of the rule's terms"),
                format!("not_inside.{term}"),
            ));
        }
        if words.is_empty() {
            return Err(invalid(
                format!("`{term}` needs at least one longer word"),
                format!("not_inside.{term}"),
            ));
        }
        let mut compounds = Vec::with_capacity(words.len());
        for (i, w) in words.iter().enumerate() {
            let c = Normalized::new(w.trim()).text().to_string();
            if c == key || !c.contains(key.as_str()) {
                return Err(invalid(
                    format!("`{w}` must be a longer word that contains `{term}`"),
                    format!("not_inside.{term}[{i}]"),
                ));
            }
            compounds.push(c);
        }
        out.push((key, compounds));
    }
    Ok(NotInside(out))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::LangSet;

    /// A `not_inside` table as a pack writes it: term and its longer words.
    type Table<'a> = &'a [(&'a str, &'a [&'a str])];

    fn table(pairs: Table) -> BTreeMap<String, Vec<String>> {
        pairs
            .iter()
            .map(|(t, c)| (t.to_string(), c.iter().map(|s| s.to_string()).collect()))
            .collect()
    }

    #[test]
    fn keys_are_terms_and_words_contain_them() {
        let terms = [Word {
            text: "鼻烟".into(),
            langs: LangSet::ANY,
        }];
        // Traditional in the table folds to the Simplified term.
        let ok = parse(&table(&[("鼻煙", &["鼻煙壺"])]), &terms).unwrap();
        assert_eq!(ok.compounds("鼻烟"), Some(&["鼻烟壶".to_string()][..]));
        assert_eq!(ok.compounds("香烟"), None);
        // (table, the key the error names)
        let bad: &[(Table, &str)] = &[
            (&[("香烟", &["香烟盒"])], "not_inside.香烟"),
            (&[("鼻烟", &[])], "not_inside.鼻烟"),
            (&[("鼻烟", &["烟壶"])], "not_inside.鼻烟[0]"),
            (&[("鼻烟", &["鼻烟壶", "鼻烟"])], "not_inside.鼻烟[1]"),
        ];
        for (t, key) in bad {
            let e = parse(&table(t), &terms).unwrap_err();
            assert!(e.to_string().contains(key), "{e}");
        }
    }
}
