//! Context cues: words that change what a mention means (compatibility phrases around a
//! brand, how near counterfeit wording must be to a brand, words that tell Indonesian
//! from Malay). They are pack data, in a `[cues]` table any pack may carry, merged
//! across packs; the base set is `data/cues.toml`, part of every engine. A new
//! language needs words here, not code.

use super::schema::CuesDoc;
use super::words::{language_tag, words, Word};
use crate::error::{PackError, PackErrorKind};
use crate::language::Language;
use crate::normalize::Normalized;

/// The base cues, part of every engine whatever its packs.
pub(crate) const BASE_CUES: &str = include_str!("../../data/cues.toml");

/// Cues of one pack, validated, or of every pack, merged.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Cues {
    pub compatible_before: Vec<Word>,
    pub compatible_after: Vec<Word>,
    pub compatible_gap: Option<usize>,
    pub near_brand_window: Option<usize>,
    pub list_joiners: Vec<Word>,
    pub language_hints: Vec<(Language, Vec<String>)>,
}

/// The largest `compatible_gap` and `near_brand_window` accepted.
const MAX_WINDOW: usize = 64;

impl Cues {
    pub fn from_doc(doc: &CuesDoc) -> Result<Cues, PackError> {
        let window = |v: Option<usize>, key: &str| -> Result<Option<usize>, PackError> {
            match v {
                Some(n) if n > MAX_WINDOW => Err(PackError::new(
                    PackErrorKind::Invalid,
                    format!("{n} words; the limit is {MAX_WINDOW}"),
                )
                .key(format!("cues.{key}"))),
                other => Ok(other),
            }
        };
        let mut language_hints = Vec::new();
        for (code, list) in &doc.language_hints {
            let key = format!("cues.language_hints.{code}");
            let tag = language_tag(code, "cues.language_hints")?;
            let Some(lang) = tag.languages().next() else {
                return Err(PackError::new(
                    PackErrorKind::Invalid,
                    "language hints need a language, not `any`",
                )
                .key(key));
            };
            let hint_words = words(&super::schema::WordsDoc::List(list.clone()), &key, false)?;
            language_hints.push((lang, hint_words.into_iter().map(|w| w.text).collect()));
        }
        Ok(Cues {
            compatible_before: words(&doc.compatible_before, "cues.compatible_before", false)?,
            compatible_after: words(&doc.compatible_after, "cues.compatible_after", false)?,
            compatible_gap: window(doc.compatible_gap, "compatible_gap")?,
            near_brand_window: window(doc.near_brand_window, "near_brand_window")?,
            list_joiners: joiners(&doc.list_joiners)?,
            language_hints,
        })
    }

    /// Adds another pack's cues: word lists are joined, numbers take the larger value.
    pub fn merge(&mut self, other: &Cues) {
        self.compatible_before
            .extend(other.compatible_before.iter().cloned());
        self.compatible_after
            .extend(other.compatible_after.iter().cloned());
        self.compatible_gap = self.compatible_gap.max(other.compatible_gap);
        self.near_brand_window = self.near_brand_window.max(other.near_brand_window);
        self.list_joiners.extend(other.list_joiners.iter().cloned());
        for (lang, list) in &other.language_hints {
            self.language_hints.push((*lang, list.clone()));
        }
    }

    pub fn literal_count(&self) -> usize {
        self.compatible_before.len()
            + self.compatible_after.len()
            + self
                .language_hints
                .iter()
                .map(|(_, l)| l.len())
                .sum::<usize>()
    }
}

/// List joiners: words (`and`, `dan`, `和`), normalised, or one punctuation sign (`,`,
/// `/`, `、`), compared with the text between two brand names, so signs are allowed here.
fn joiners(doc: &super::schema::WordsDoc) -> Result<Vec<Word>, PackError> {
    use super::schema::WordsDoc;
    let items: Vec<(String, String)> = match doc {
        WordsDoc::List(l) => l.iter().map(|w| ("any".to_string(), w.clone())).collect(),
        WordsDoc::Tagged(t) => t
            .iter()
            .flat_map(|(k, l)| l.iter().map(move |w| (k.clone(), w.clone())))
            .collect(),
    };
    let mut out = Vec::new();
    for (code, w) in items {
        if w.chars().any(char::is_alphanumeric) {
            let one = std::collections::BTreeMap::from([(code, vec![w])]);
            // Kept normalised, as the lint compares them with the normalised text: done
            // here, when the pack is read (by the build, for the built-in packs), and not
            // on every start of the engine.
            out.extend(
                words(&WordsDoc::Tagged(one), "cues.list_joiners", false)?
                    .into_iter()
                    .map(|w| Word {
                        text: Normalized::new(&w.text).text().trim().to_string(),
                        langs: w.langs,
                    }),
            );
        } else if w.chars().count() == 1 {
            out.push(Word {
                text: w,
                langs: crate::language::LangSet::ANY,
            });
        } else {
            return Err(PackError::new(
                PackErrorKind::Invalid,
                format!("`{w}`: a list joiner is a word or one sign"),
            )
            .key("cues.list_joiners"));
        }
    }
    Ok(out)
}

/// The cue file's shape: the `[cues]` table and where its words come from.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct CueFileDoc {
    cues: CuesDoc,
    #[allow(dead_code)]
    sources: Vec<super::schema::SourceDoc>,
}

/// The base cues, parsed (they are tested, so this does not fail in a release).
pub(crate) fn base_cues() -> Result<Cues, PackError> {
    let doc: CueFileDoc = toml::from_str(BASE_CUES).map_err(|e| {
        PackError::new(
            PackErrorKind::Syntax,
            format!("data/cues.toml: {}", e.message()),
        )
    })?;
    Cues::from_doc(&doc.cues).map_err(|e| e.pack("data/cues.toml"))
}
