//! Conversions at the JS boundary: lenient plain objects in, JSON-compatible objects
//! out. Byte spans stay in the core's findings; JS uses the UTF-16 ones.
//!
//! A listing and a config come in through JSON text: one `JSON.stringify` in the JS
//! engine and one string across the boundary, instead of a boundary call per property
//! (serde-wasm-bindgen), which measured slower per lint (4.7 against 4.0 µs for an empty
//! listing). The listing's text is read by the core's own reader
//! (`listing_guard::listing_json`: 9 against 22 ms for serde_json's derive per pass over
//! the corpus titles in Node, and `lintJson` reads into a listing it keeps); the config,
//! converted once per change, by serde. Findings go out property by property (see `to_js`).

use listing_guard::{
    market_code, Finding, Ignored, Lang, Language, LintConfig, Listing, Marketplace, Severity,
};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use wasm_bindgen::prelude::*;

#[derive(Deserialize, Default)]
#[serde(default)]
struct ConfigIn {
    lang: Option<String>,
    marketplace: Option<String>,
    /// The site's destination market (`tw` for shopee.tw), when the listing has none.
    market: Option<String>,
    /// The seller's writing language (`vi`), which wins over detection per field.
    language: Option<String>,
    packs: BTreeMap<String, bool>,
    rules: BTreeMap<String, bool>,
    severity: BTreeMap<String, String>,
    allow_brands: Vec<String>,
    /// Brands resold genuine: `"Nike"` or `{ brand, note }`.
    resell_brands: Vec<listing_guard::ResellBrand>,
    ignore: Vec<Ignored>,
}

/// A finding as the extension draws it.
#[derive(Serialize)]
pub(crate) struct FindingOut<'a> {
    rule: &'a str,
    pack: &'a str,
    severity: Severity,
    field: &'static str,
    index: usize,
    /// The variation-table row a price or cost finding is about; absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    variant: Option<usize>,
    start: usize,
    end: usize,
    start_utf16: usize,
    end_utf16: usize,
    text: &'a str,
    message: &'a str,
    policy: &'a listing_guard::Policy,
    #[serde(skip_serializing_if = "Option::is_none")]
    brand: Option<&'a str>,
    /// How the finding involves `brand`: `named`, `resale`, `resold`, `wording`, `price`.
    #[serde(skip_serializing_if = "Option::is_none")]
    brand_use: Option<listing_guard::BrandUse>,
    /// The seller's proof note of a resold brand (`brand_use` `resold`).
    #[serde(skip_serializing_if = "Option::is_none")]
    proof_note: Option<&'a str>,
    /// The marketplace a marketplace-scoped rule's finding is for (`"amazon"`).
    #[serde(skip_serializing_if = "Option::is_none")]
    marketplace: Option<&'static str>,
    /// One-click edits; spans in UTF-16 units of the field's original text.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<FixOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    instead: Option<&'a str>,
}

/// A fix as the extension applies it: replace `[start, end)` (UTF-16) with `replacement`.
#[derive(Serialize)]
pub(crate) struct FixOut<'a> {
    label: &'a str,
    replacement: &'a str,
    start: usize,
    end: usize,
}

fn bad_input(what: &str, e: impl std::fmt::Display) -> JsError {
    JsError::new(&format!("{what}: {e}"))
}

pub(crate) fn listing(value: JsValue) -> Result<Listing, JsError> {
    let mut listing = Listing::default();
    listing_into(&json_of("listing", &value)?, &mut listing)?;
    Ok(listing)
}

/// A listing's JSON text read into `out` (all of it replaced; `lintJson` keeps `out`).
pub(crate) fn listing_into(text: &str, out: &mut Listing) -> Result<(), JsError> {
    listing_guard::listing_json::read(text, out).map_err(|e| bad_input("listing", e))
}

pub(crate) fn records_into(bytes: &[u8], out: &mut Listing) -> Result<(), JsError> {
    listing_guard::listing_records::read(bytes, out).map_err(|e| bad_input("listing records", e))
}

pub(crate) fn config(value: JsValue) -> Result<LintConfig, JsError> {
    let c: ConfigIn = from_js("config", &value)?;
    let mut severity = BTreeMap::new();
    for (rule, s) in c.severity {
        let parsed = Severity::parse(&s)
            .ok_or_else(|| JsError::new(&format!("config: unknown severity `{s}` for `{rule}`")))?;
        severity.insert(rule, parsed);
    }
    Ok(LintConfig {
        lang: c.lang.as_deref().and_then(Lang::parse).unwrap_or_default(),
        marketplace: c.marketplace.as_deref().and_then(Marketplace::parse),
        // Unknown codes are dropped like unknown marketplaces: the page may name one.
        market: c.market.as_deref().and_then(market_code),
        language: c.language.as_deref().and_then(Language::parse),
        packs: c.packs,
        rules: c.rules,
        severity,
        allow_brands: c.allow_brands,
        resell_brands: c.resell_brands,
        ignore: c.ignore,
    })
}

pub(crate) fn finding(f: &Finding) -> FindingOut<'_> {
    FindingOut {
        rule: &f.rule,
        pack: &f.pack,
        severity: f.severity,
        field: f.field.role.as_str(),
        index: f.field.index,
        variant: f.variant,
        start: f.span.start,
        end: f.span.end,
        start_utf16: f.span_utf16.start,
        end_utf16: f.span_utf16.end,
        text: &f.text,
        message: &f.message,
        policy: &f.policy,
        brand: f.brand.as_deref(),
        brand_use: f.brand_use,
        proof_note: f.proof_note.as_deref(),
        marketplace: f.marketplace.map(Marketplace::as_str),
        fixes: f
            .fixes
            .iter()
            .map(|x| FixOut {
                label: &x.label,
                replacement: &x.replacement,
                start: x.span_utf16.start,
                end: x.span_utf16.end,
            })
            .collect(),
        instead: f.instead.as_deref(),
    }
}

/// A plain JS value read through its JSON text; `undefined` and `null` are the
/// default (every key optional).
fn from_js<T: DeserializeOwned + Default>(what: &str, value: &JsValue) -> Result<T, JsError> {
    from_json(what, &json_of(what, value)?)
}

/// A plain JS value's JSON text; empty for `undefined` and `null`.
fn json_of(what: &str, value: &JsValue) -> Result<String, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(String::new());
    }
    let text = js_sys::JSON::stringify(value)
        .map_err(|_| JsError::new(&format!("{what}: not a plain object")))?;
    Ok(text.into())
}

/// A value from its JSON text; empty text and `null` are the default.
fn from_json<T: DeserializeOwned + Default>(what: &str, text: &str) -> Result<T, JsError> {
    if text.is_empty() || text == "null" {
        return Ok(T::default());
    }
    serde_json::from_str(text).map_err(|e| bad_input(what, e))
}

/// Plain objects, not `Map`s: Chrome's messaging serialises through JSON. Built property
/// by property: through JSON text (`JSON.parse`) a lint with findings measured slower
/// (36 against 29 µs for one listing with findings, `tests/bench`-style loop in Node).
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("cannot convert the result: {e}")))
}
