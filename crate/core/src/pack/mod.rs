//! Rule packs: data files of rules, validated into [`Pack`]s before any engine sees them.
//!
//! A pack is a TOML file with a `[pack]` table of metadata, an optional
//! `[product_types]` vocabulary and `[[rule]]` tables of a small closed set of kinds
//! (`term`, `pattern`, `brand`, `price-floor`, `field`). The format is documented in
//! the README; `schema.rs` is its exact shape. Validation refuses a pack with a
//! [`PackError`] that names the pack, rule, key and position, and enforces size limits
//! so a hostile pack cannot exhaust memory.

mod builtin;
pub(crate) mod cues;
pub(crate) mod fix;
pub(crate) mod not_inside;
mod pattern_case;
mod per_marketplace;
mod policy_owner;
mod rule;
pub(crate) mod schema;
#[cfg(feature = "binary")]
mod value_wire;
pub(crate) mod words;
pub mod zh_tw;

pub use builtin::builtin_sources;
pub(crate) use cues::Cues;
pub(crate) use rule::{check_pattern, Example, FieldCheck, Floor, Rule, RuleKind};
pub(crate) use words::Word;

use crate::error::{PackError, PackErrorKind};
use crate::finding::Severity;
use crate::listing::Marketplace;
use schema::{PackDoc, TextDoc};
use serde::Serialize;
use std::collections::BTreeMap;

/// Size limits every pack must respect.
pub(crate) mod limits {
    /// Largest pack file accepted.
    pub const MAX_PACK_BYTES: usize = 16 << 20;
    /// Most rules in one pack.
    pub const MAX_RULES: usize = 5_000;
    /// Most literals (terms, brand names, aliases, context words) in one pack.
    pub const MAX_LITERALS: usize = 200_000;
    /// Longest literal, in characters.
    pub const MAX_LITERAL_CHARS: usize = 200;
    /// Most regular expressions in one pack.
    pub const MAX_PATTERNS: usize = 500;
    /// Longest regular expression, in characters.
    pub const MAX_PATTERN_CHARS: usize = 1_000;
    /// Compiled size limit of one regular expression, in bytes.
    pub const REGEX_SIZE_LIMIT: usize = 1 << 20;
    /// Most examples on one rule.
    pub const MAX_EXAMPLES: usize = 200;
    /// Most examples in one pack: they all run when the pack is imported.
    pub const MAX_PACK_EXAMPLES: usize = 2_000;
    /// Most characters in one `forbidden-chars` list.
    pub const MAX_FORBIDDEN_CHARS: usize = 1_000;
}

/// Text in English and Chinese. `zh` falls back to `en` when a pack gives none; the
/// Taiwan form comes from the generated table of [`zh_tw`], else the Simplified text.
/// Serialized as `{en, zh}` plus `zh_tw` where the Taiwan table has a form (for pages that
/// show pack texts themselves, such as the settings page).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Text {
    pub en: String,
    pub zh: String,
}

impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let tw = zh_tw::traditional(&self.zh);
        let mut m = s.serialize_map(Some(2 + usize::from(tw.is_some())))?;
        m.serialize_entry("en", &self.en)?;
        m.serialize_entry("zh", &self.zh)?;
        if let Some(tw) = tw {
            m.serialize_entry("zh_tw", tw)?;
        }
        m.end()
    }
}

impl Text {
    /// The text in `lang`, falling back to English where no Chinese is written.
    pub fn get(&self, lang: crate::Lang) -> &str {
        match lang {
            crate::Lang::En => &self.en,
            crate::Lang::Zh if !self.zh.is_empty() => &self.zh,
            crate::Lang::ZhTw if !self.zh.is_empty() => {
                zh_tw::traditional(&self.zh).unwrap_or(&self.zh)
            }
            crate::Lang::Zh | crate::Lang::ZhTw => &self.en,
        }
    }

    pub(crate) fn from_doc(doc: &TextDoc) -> Text {
        match doc {
            TextDoc::Plain(s) => Text {
                en: s.clone(),
                zh: String::new(),
            },
            TextDoc::Both { en, zh } => Text {
                en: en.clone(),
                zh: zh.clone().unwrap_or_default(),
            },
        }
    }
}

/// Where a pack's facts come from and under which license.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Source {
    pub name: String,
    pub url: String,
    pub license: String,
    pub retrieved: String,
}

/// What a catalogue shows of one rule.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RuleInfo {
    /// The full id, `pack.rule`.
    pub id: String,
    pub kind: &'static str,
    /// The severity where no marketplace-specific one applies.
    pub severity: Severity,
    pub message: Text,
    /// The policy where no marketplace-specific one applies.
    pub policy: crate::Policy,
    /// Marketplace to its own policy, where the rule names one.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub policies: BTreeMap<String, crate::Policy>,
    /// Destination markets the rule is limited to; empty: every market.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub markets: Vec<String>,
}

/// What a catalogue shows of one pack: everything but the rules' data.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PackInfo {
    pub id: String,
    pub name: Text,
    pub description: Text,
    pub version: String,
    pub languages: Vec<String>,
    /// The marketplaces the pack applies to; empty means all.
    pub marketplaces: Vec<Marketplace>,
    pub default_enabled: bool,
    pub rule_count: usize,
    pub sources: Vec<Source>,
    pub rules: Vec<RuleInfo>,
}

/// A validated rule pack, ready to be compiled into an [`crate::Engine`].
#[derive(Clone, Debug)]
pub struct Pack {
    pub(crate) info: PackInfo,
    pub(crate) product_types: BTreeMap<String, Vec<Word>>,
    pub(crate) cues: Cues,
    pub(crate) rules: Vec<Rule>,
}

impl Pack {
    /// Parses and validates a pack file.
    pub fn parse(source: &str) -> Result<Pack, PackError> {
        if source.len() > limits::MAX_PACK_BYTES {
            return Err(PackError::new(
                PackErrorKind::Limit,
                format!(
                    "the pack file is {} bytes; the limit is {} bytes",
                    source.len(),
                    limits::MAX_PACK_BYTES
                ),
            ));
        }
        let doc: PackDoc = toml::from_str(source).map_err(|e| syntax_error(source, &e))?;
        let id = doc.pack.id.get_ref().clone();
        let at_id = doc.pack.id.span().start;
        check_id(&id).map_err(|m| {
            PackError::new(PackErrorKind::Invalid, m)
                .key("pack.id")
                .at(source, at_id)
        })?;
        validate(source, doc).map_err(|e| e.pack(&id))
    }

    /// The pack's metadata and rule list.
    pub fn info(&self) -> &PackInfo {
        &self.info
    }

    /// The pack's id.
    pub fn id(&self) -> &str {
        &self.info.id
    }
}

fn syntax_error(source: &str, e: &toml::de::Error) -> PackError {
    // toml's message repeats the offending line with carets; the first line is the gist.
    let message = e
        .message()
        .lines()
        .next()
        .unwrap_or("invalid TOML")
        .to_string();
    let mut err = PackError::new(PackErrorKind::Syntax, message);
    if let Some(span) = e.span() {
        err = err.at(source, span.start);
        if let Some(rule) = rule_id_before(source, span.start) {
            err = err.rule(&rule);
        }
    }
    if let Some(id) = pack_id_guess(source) {
        err = err.pack(&id);
    }
    err
}

/// The `id` of the `[[rule]]` table enclosing `offset`, read from the raw text: used only
/// to name the rule in a syntax error, when the document did not parse.
fn rule_id_before(source: &str, offset: usize) -> Option<String> {
    // A missing key is reported at the table's own `[[rule]]` header: include it.
    let mut end = (offset + "[[rule]]".len()).min(source.len());
    while !source.is_char_boundary(end) {
        end -= 1;
    }
    let start = source[..end].rfind("[[rule]]")?;
    source[start..]
        .lines()
        .skip(1)
        .take_while(|l| !l.trim_start().starts_with('['))
        .find_map(|l| quoted_value(l, "id"))
}

fn pack_id_guess(source: &str) -> Option<String> {
    let start = source.find("[pack]")?;
    source[start..]
        .lines()
        .skip(1)
        .take_while(|l| !l.trim_start().starts_with('['))
        .find_map(|l| quoted_value(l, "id"))
}

fn quoted_value(line: &str, key: &str) -> Option<String> {
    let (k, v) = line.split_once('=')?;
    if k.trim() != key {
        return None;
    }
    let v = v.trim().trim_matches('"').trim_matches('\'');
    (!v.is_empty()).then(|| v.to_string())
}

/// Ids are kebab-case: lower-case ASCII letters, digits and `-`, at most 64 characters.
pub(crate) fn check_id(id: &str) -> Result<(), String> {
    let ok = !id.is_empty()
        && id.len() <= 64
        && id.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if ok {
        Ok(())
    } else {
        Err(format!(
            "`{id}` is not a valid id: use lower-case letters, digits and `-` (at most 64)"
        ))
    }
}

fn validate(source: &str, doc: PackDoc) -> Result<Pack, PackError> {
    let meta = doc.pack;
    let mut marketplaces = Vec::new();
    for m in &meta.marketplaces {
        if m.get_ref() == "all" {
            continue;
        }
        let parsed = Marketplace::parse(m.get_ref()).ok_or_else(|| {
            PackError::new(
                PackErrorKind::Invalid,
                format!("unknown marketplace `{}`", m.get_ref()),
            )
            .key("pack.marketplaces")
            .at(source, m.span().start)
        })?;
        marketplaces.push(parsed);
    }
    if doc.rules.len() > limits::MAX_RULES {
        return Err(PackError::new(
            PackErrorKind::Limit,
            format!(
                "{} rules; the limit is {}",
                doc.rules.len(),
                limits::MAX_RULES
            ),
        ));
    }
    // Counted before anything is compiled or run: a hostile pack costs no more than
    // reading it.
    let patterns: usize = doc.rules.iter().map(|r| r.get_ref().patterns.len()).sum();
    if patterns > limits::MAX_PATTERNS {
        return Err(PackError::new(
            PackErrorKind::Limit,
            format!("{patterns} patterns; the limit is {}", limits::MAX_PATTERNS),
        ));
    }
    let examples: usize = doc
        .rules
        .iter()
        .map(|r| r.get_ref().examples.fire.len() + r.get_ref().examples.pass.len())
        .sum();
    if examples > limits::MAX_PACK_EXAMPLES {
        return Err(PackError::new(
            PackErrorKind::Limit,
            format!(
                "{examples} examples; the limit is {} per pack",
                limits::MAX_PACK_EXAMPLES
            ),
        ));
    }
    let given: usize = doc
        .rules
        .iter()
        .map(|r| {
            let r = r.get_ref();
            r.terms.len()
                + r.unless.len()
                + r.brands.iter().map(|b| 1 + b.aliases.len()).sum::<usize>()
                + r.brand_lines.as_deref().map_or(0, |l| l.lines().count())
        })
        .sum::<usize>()
        + doc
            .product_types
            .values()
            .map(|w| w.get_ref().len())
            .sum::<usize>();
    if given > limits::MAX_LITERALS {
        return Err(PackError::new(
            PackErrorKind::Limit,
            format!("{given} literals; the limit is {}", limits::MAX_LITERALS),
        ));
    }
    let mut literals = 0;
    let mut product_types = BTreeMap::new();
    for (ptype, list) in &doc.product_types {
        let key = format!("product_types.{ptype}");
        let at = list.span().start;
        check_id(ptype).map_err(|m| {
            PackError::new(PackErrorKind::Invalid, m)
                .key("product_types")
                .at(source, at)
        })?;
        if list.get_ref().is_empty() {
            return Err(PackError::new(
                PackErrorKind::Invalid,
                format!("product type `{ptype}` has no words"),
            )
            .key(key)
            .at(source, at));
        }
        let list = words::words(list.get_ref(), &key, false).map_err(|e| e.at(source, at))?;
        literals += list.len();
        product_types.insert(ptype.clone(), list);
    }
    let cues = match &doc.cues {
        Some(c) => Cues::from_doc(c.get_ref()).map_err(|e| e.at(source, c.span().start))?,
        None => Cues::default(),
    };
    literals += cues.literal_count();
    let pack_id = meta.id.get_ref().clone();
    let mut rules = Vec::with_capacity(doc.rules.len());
    let mut seen = std::collections::HashSet::new();
    for spanned in doc.rules {
        let at = spanned.span().start;
        let rule_doc = spanned.into_inner();
        let rule_id = rule_doc.id.clone();
        let rule = Rule::validate(&pack_id, rule_doc, &marketplaces)
            .map_err(|e| e.rule(&rule_id).at(source, at))?;
        if !seen.insert(rule.id.clone()) {
            return Err(PackError::new(
                PackErrorKind::Conflict,
                "two rules in this pack share this id",
            )
            .rule(&rule.id)
            .at(source, at));
        }
        literals += rule.literal_count();
        if literals > limits::MAX_LITERALS {
            return Err(PackError::new(
                PackErrorKind::Limit,
                format!("{literals} literals; the limit is {}", limits::MAX_LITERALS),
            ));
        }
        rules.push(rule);
    }
    let info = PackInfo {
        id: pack_id,
        name: Text::from_doc(&meta.name),
        description: meta
            .description
            .as_ref()
            .map(Text::from_doc)
            .unwrap_or_default(),
        version: meta.version,
        languages: meta.languages,
        marketplaces,
        default_enabled: meta.default_enabled,
        rule_count: rules.len(),
        sources: meta
            .sources
            .into_iter()
            .map(|s| Source {
                name: s.name,
                url: s.url,
                license: s.license,
                retrieved: s.retrieved,
            })
            .collect(),
        rules: rules.iter().map(Rule::info).collect(),
    };
    Ok(Pack {
        info,
        product_types,
        cues,
        rules,
    })
}

pub(crate) fn text(doc: &TextDoc) -> Text {
    Text::from_doc(doc)
}
