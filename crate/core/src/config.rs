//! Lint-time configuration: which packs and rules are on, severity overrides, the seller's
//! own brands, ignored findings and the message language. Changing it never rebuilds the
//! engine.

use crate::finding::Severity;
use crate::listing::Marketplace;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The language messages are written in: English, Simplified Chinese, or Traditional
/// Chinese as written in Taiwan (the packs' Chinese through a generated table).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Zh,
    #[serde(rename = "zh-TW", alias = "zh-tw")]
    ZhTw,
}

impl Lang {
    /// Parses `en`, `zh`, `zh-TW`, and browser tags such as `zh-CN`, `zh_TW`, `zh-Hant`,
    /// `zh-HK` or `en-GB` (Traditional script tags and regions read as Taiwan's).
    pub fn parse(tag: &str) -> Option<Lang> {
        let t = tag.trim().to_ascii_lowercase().replace('_', "-");
        let traditional = ["zh-tw", "zh-hk", "zh-mo", "zh-hant"]
            .iter()
            .any(|p| t.starts_with(p));
        if traditional {
            Some(Lang::ZhTw)
        } else if t.starts_with("zh") {
            Some(Lang::Zh)
        } else if t.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }
}

/// A finding the seller chose to ignore: the rule and the matched text (compared after
/// normalisation, so `Nike` and `NIKE` are the same).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ignored {
    pub rule: String,
    pub text: String,
}

/// A brand the seller resells genuine, with an optional note of where the proof is
/// kept (an invoice, a letter of authorisation). In JSON a plain string is a brand
/// without a note.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ResellBrand {
    pub brand: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl<'de> Deserialize<'de> for ResellBrand {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Doc {
            Name(String),
            Full {
                brand: String,
                #[serde(default)]
                note: String,
            },
        }
        Ok(match Doc::deserialize(d)? {
            Doc::Name(brand) => ResellBrand {
                brand,
                note: String::new(),
            },
            Doc::Full { brand, note } => ResellBrand { brand, note },
        })
    }
}

impl From<&str> for ResellBrand {
    fn from(brand: &str) -> Self {
        ResellBrand {
            brand: brand.to_string(),
            note: String::new(),
        }
    }
}

/// How to lint. `LintConfig::default()` means: every pack at its default, English
/// messages, nothing allowed or ignored.
///
/// New fields may be added; build it with `..Default::default()`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LintConfig {
    pub lang: Lang,
    /// Overrides the listing's marketplace (the extension knows it from the host).
    pub marketplace: Option<Marketplace>,
    /// The destination market of the site (`tw` for shopee.tw, see
    /// [`crate::market_from_host`]), used when the listing names none.
    pub market: Option<String>,
    /// The seller's declared writing language: when set, every field is taken to be in
    /// it instead of being detected.
    pub language: Option<crate::Language>,
    /// Pack id to on/off; a pack not named here follows its `default_enabled`.
    pub packs: BTreeMap<String, bool>,
    /// Rule id (`pack.rule`) to on/off; a rule not named here is on when its pack is.
    pub rules: BTreeMap<String, bool>,
    /// Rule id to the severity the seller wants instead of the rule's own.
    pub severity: BTreeMap<String, Severity>,
    /// The seller's own and authorised brands, by any of their names.
    pub allow_brands: Vec<String>,
    /// Brands the seller resells genuine (an authorised dealer, or resale of genuine
    /// goods): no "do not use its name" or "needs authorisation" findings for them, and
    /// wording normal for genuine resale (rules with `resale_wording`) is not escalated
    /// next to them. Counterfeit wording next to them still is: a reseller who writes
    /// "replica" is offering a replica.
    pub resell_brands: Vec<ResellBrand>,
    /// Findings the seller ignored.
    pub ignore: Vec<Ignored>,
}
