//! The pack file format, as serde reads it. Field names here are the keys in the TOML
//! file; `crate::pack` validates these documents into [`super::Pack`]s.
//!
//! Every table denies unknown keys, so a typo (`serverity`) is an error with a position,
//! not a silently ignored setting.

use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

/// A whole pack file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PackDoc {
    pub pack: MetaDoc,
    /// Product-type vocabulary: type id to the words that name it.
    #[serde(default)]
    pub product_types: BTreeMap<String, Spanned<WordsDoc>>,
    /// Context words merged across packs (compatibility phrases, language hints).
    #[serde(default)]
    pub cues: Option<Spanned<CuesDoc>>,
    #[serde(default, rename = "rule")]
    pub rules: Vec<Spanned<RuleDoc>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct MetaDoc {
    pub id: Spanned<String>,
    pub version: String,
    pub name: TextDoc,
    #[serde(default)]
    pub description: Option<TextDoc>,
    #[serde(default)]
    pub languages: Vec<String>,
    /// Marketplace names, or `["all"]`; empty means all.
    #[serde(default)]
    pub marketplaces: Vec<Spanned<String>>,
    #[serde(default = "yes")]
    pub default_enabled: bool,
    #[serde(default)]
    pub sources: Vec<SourceDoc>,
}

fn yes() -> bool {
    true
}

/// Text in English and, optionally, Chinese. A plain string is English only.
#[derive(Clone, Debug, Deserialize)]
#[serde(untagged)]
pub(crate) enum TextDoc {
    Plain(String),
    Both { en: String, zh: Option<String> },
}

/// Where a pack's facts come from.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SourceDoc {
    pub name: String,
    #[serde(default)]
    pub url: String,
    #[serde(default)]
    pub license: String,
    /// When the source was read (`2026-11-24`).
    #[serde(default)]
    pub retrieved: String,
}

/// A word list: plain (every language) or keyed by language code, `any` for every
/// language: `{ any = ["1:1"], en = ["replica"], id = ["kw"] }`.
#[derive(Clone, Debug)]
pub(crate) enum WordsDoc {
    List(Vec<String>),
    Tagged(BTreeMap<String, Vec<String>>),
}

// By hand rather than `untagged`: no buffering of every list, and a plain message.
impl<'de> Deserialize<'de> for WordsDoc {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<WordsDoc, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = WordsDoc;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a list of words, or a table of language code to a list of words")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, seq: A) -> Result<WordsDoc, A::Error> {
                Deserialize::deserialize(serde::de::value::SeqAccessDeserializer::new(seq))
                    .map(WordsDoc::List)
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<WordsDoc, A::Error> {
                Deserialize::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(WordsDoc::Tagged)
            }
        }
        d.deserialize_any(V)
    }
}

impl Default for WordsDoc {
    fn default() -> WordsDoc {
        WordsDoc::List(Vec::new())
    }
}

impl WordsDoc {
    pub fn is_empty(&self) -> bool {
        match self {
            WordsDoc::List(l) => l.is_empty(),
            WordsDoc::Tagged(m) => m.values().all(Vec::is_empty),
        }
    }

    pub fn len(&self) -> usize {
        match self {
            WordsDoc::List(l) => l.len(),
            WordsDoc::Tagged(m) => m.values().map(Vec::len).sum(),
        }
    }
}

/// The `[cues]` table: context words every pack can add to, merged across packs.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct CuesDoc {
    /// Phrases that, a few words before a brand, mark a compatibility mention.
    pub compatible_before: WordsDoc,
    /// Phrases that, right after a brand (`苹果专用`), mark a compatibility mention.
    pub compatible_after: WordsDoc,
    /// How many words may stand between a `compatible_before` phrase and the brand.
    pub compatible_gap: Option<usize>,
    /// How many words around counterfeit wording count as "near" a brand.
    pub near_brand_window: Option<usize>,
    /// Words and signs that join the items of a list ("and", `,`, `/`, `和`, `dan`): a
    /// compatibility mention covers the whole list that follows it.
    pub list_joiners: WordsDoc,
    /// Words typical of one of two languages the detector cannot tell apart
    /// (Indonesian and Malay), keyed by language code.
    pub language_hints: BTreeMap<String, Vec<String>>,
}

/// A severity: one for every marketplace, or one per marketplace with a `default` for
/// the rest and a `market` table per destination market.
#[derive(Clone, Debug, Deserialize)]
#[serde(untagged)]
pub(crate) enum SeverityDoc {
    One(String),
    PerMarketplace(BTreeMap<String, SeverityValueDoc>),
}

/// A value in a severity table: a severity, or (under `market`) a table of them.
#[derive(Clone, Debug, Deserialize)]
#[serde(untagged)]
pub(crate) enum SeverityValueDoc {
    One(String),
    Table(BTreeMap<String, String>),
}

/// A number limit, either one for every marketplace or one per marketplace with a
/// `default` for the rest.
#[derive(Clone, Debug, Deserialize)]
#[serde(untagged)]
pub(crate) enum LimitDoc {
    One(u64),
    PerMarketplace(BTreeMap<String, u64>),
}

/// A policy: one for every marketplace, or one per marketplace with a `default`.
#[derive(Clone, Debug, Deserialize)]
#[serde(untagged)]
pub(crate) enum PolicyDoc {
    One(PolicyOneDoc),
    PerMarketplace(BTreeMap<String, PolicyOneDoc>),
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PolicyOneDoc {
    pub name: String,
    #[serde(default)]
    pub url: String,
}

/// One example: a string (the text of the rule's first field) or a listing.
#[derive(Clone, Debug, Deserialize)]
#[serde(untagged)]
pub(crate) enum ExampleDoc {
    Text(String),
    Listing(Box<ExampleListingDoc>),
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct ExampleListingDoc {
    pub title: String,
    pub bullets: Vec<String>,
    pub description: String,
    pub keywords: String,
    pub brand: String,
    pub category: String,
    pub price: String,
    pub cost: String,
    pub currency: Option<String>,
    pub marketplace: Option<String>,
    /// The destination market (`au`, `de`).
    pub market: Option<String>,
    /// The seller's declared language (`vi`), which wins over detection.
    pub language: Option<String>,
    /// Rows of a variation table, `{ label, price, cost }`.
    pub variants: Vec<crate::listing::Variant>,
    /// Brands the example seller owns or is authorised for.
    pub allow_brands: Vec<String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct ExamplesDoc {
    /// Listings on which the rule must fire.
    pub fire: Vec<ExampleDoc>,
    /// Listings on which the rule must not fire.
    pub pass: Vec<ExampleDoc>,
    /// Texts and what applying one of the rule's fixes makes of them.
    pub fix: Vec<super::fix::FixExampleDoc>,
}

/// One brand of a `brand` rule.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct BrandDoc {
    /// The display name, also matched (`"Louis Vuitton"`).
    pub name: String,
    /// Other names: Chinese names, nicknames, abbreviations, evasion spellings.
    #[serde(default)]
    pub aliases: WordsDoc,
    /// Product-type ids the brand makes (keys of some pack's `[product_types]`).
    #[serde(default)]
    pub products: Vec<String>,
    /// Match a Latin-script name only when the original text is not all lower case
    /// (`Coach`, `COACH`, not `coach`): the guard for brands that are common words.
    #[serde(default)]
    pub strict_case: bool,
    /// Count a mention only when the listing also names one of `products` (title,
    /// category or keywords): the guard for names that are also other things
    /// (`Omega` and omega-3, `Puma` the animal).
    #[serde(default)]
    pub needs_product: bool,
    /// The name is also a dictionary word of a supported language ("Comet", "Apple"):
    /// a mention counts only written with a capital and with evidence that the brand is
    /// meant (a model name after it, one of `products` or a brand of the same products
    /// named in the listing; `engine/evidence.rs`). Implies `strict_case`, and marks the
    /// brand's name on every other line that names it too.
    #[serde(default)]
    pub dictionary_word: bool,
}

/// One floor of a `price-floor` rule.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FloorDoc {
    /// A brand's name as some `brand` rule spells it.
    pub brand: String,
    /// A product-type id.
    pub product: String,
    /// The lowest plausible price of a genuine item, in the rule's currency.
    pub min: f64,
}

/// One rule. Which keys are allowed depends on `kind`; `crate::pack` checks that.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RuleDoc {
    pub id: String,
    pub kind: String,
    pub severity: SeverityDoc,
    /// Field roles the rule reads; default: the text fields.
    #[serde(default)]
    pub fields: Vec<String>,
    /// Marketplaces the rule applies to; default: the pack's.
    #[serde(default)]
    pub marketplaces: Vec<String>,
    /// Destination markets (ISO country codes, or `eu`) the rule is limited to;
    /// default: every market.
    #[serde(default)]
    pub markets: Vec<String>,
    pub message: TextDoc,
    pub policy: PolicyDoc,
    #[serde(default)]
    pub examples: ExamplesDoc,
    /// One-click edits the seller may apply (see `fix.rs`).
    #[serde(default)]
    pub fixes: Vec<super::fix::FixDoc>,
    /// What to write instead, one line shown on the card.
    #[serde(default)]
    pub instead: Option<TextDoc>,

    // term
    #[serde(default)]
    pub terms: WordsDoc,
    // pattern
    #[serde(default)]
    pub patterns: Vec<String>,
    /// Term rule: per term, the longer words containing it where it is not meant
    /// (`鼻烟` → `鼻烟壶`): only that occurrence is excused, not the listing.
    #[serde(default)]
    pub not_inside: BTreeMap<String, Vec<String>>,
    // term and pattern
    #[serde(default)]
    pub unless: WordsDoc,
    #[serde(default)]
    pub window: Option<usize>,
    #[serde(default)]
    pub near_brand: Option<String>,
    /// Wording normal for genuine resale: not escalated next to a resold brand.
    #[serde(default)]
    pub resale_wording: bool,
    /// Wording that says an item imitates a brand ("style", 同款): counts only right
    /// next to a brand's name (term rules; see `engine/cue.rs`).
    #[serde(default)]
    pub brand_cue: bool,

    // brand
    #[serde(default)]
    pub brands: Vec<BrandDoc>,
    /// Compact brand list: one brand a line, `Name | alias | alias`; a leading `!`
    /// marks a `strict_case` brand.
    #[serde(default)]
    pub brand_lines: Option<String>,
    /// Whether "compatible with", "for", "fits" before the brand make naming it
    /// legitimate (accessories and parts), which lowers the severity one step.
    #[serde(default)]
    pub compatible: bool,
    /// Severity when the listing's own brand is one of these and the seller has not
    /// declared it authorised; none when absent.
    #[serde(default)]
    pub own_severity: Option<String>,
    #[serde(default)]
    pub own_message: Option<TextDoc>,

    // price-floor
    #[serde(default)]
    pub currency: Option<String>,
    #[serde(default)]
    pub floors: Vec<FloorDoc>,

    // field
    #[serde(default)]
    pub check: Option<String>,
    #[serde(default)]
    pub limit: Option<LimitDoc>,
    #[serde(default)]
    pub chars: Option<String>,
}
