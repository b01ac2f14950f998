//! The WebAssembly binding of the Listing Guard core, for the extension's background.
//!
//! It converts at the boundary and does nothing else: JS objects in, plain
//! JSON-compatible objects out (they survive `runtime.sendMessage` in both browsers),
//! errors as `Error` objects whose message names the pack, rule and position.
//!
//! ```js
//! await wasm_bindgen({ module_or_path: runtime.getURL('wasm/listing_guard_wasm_bg.wasm') });
//! const linter = new wasm_bindgen.Linter([]);          // built-in packs
//! const findings = linter.lint({ title: 'Rolex replica' }, { lang: 'en' });
//! // Many listings under one configuration: the configuration converted once, each
//! // listing as JSON text, no findings as one shared frozen empty array.
//! linter.setConfig({ lang: 'en' });
//! const more = linter.lintJson(JSON.stringify({ title: 'Rolex replica' }));
//! // The background writes the listing as records instead (background/records.js).
//! const same = linter.lintRecords(LGRecords.write({ title: 'Rolex replica' }));
//! ```

mod convert;

use listing_guard::{Engine, LintConfig, Listing, Pack};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

/// The built-in packs, validated by the build, in binary form.
static BUILTIN_PACKS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/builtin_packs.bin"));

/// An engine over the built-in packs plus the seller's own packs.
#[wasm_bindgen]
pub struct Linter {
    engine: Engine,
    /// The last configuration converted, with the key the caller gave it.
    config: RefCell<Option<(String, LintConfig)>>,
    /// The configuration `lintJson` lints with (`setConfig`).
    set: RefCell<LintConfig>,
    /// What `lintJson` returns for a listing without findings: one frozen empty array.
    none: JsValue,
    /// The listing `lintJson` reads into, kept: its strings are refilled, not allocated.
    listing: RefCell<Listing>,
}

#[wasm_bindgen]
impl Linter {
    /// Builds the engine over the built-in packs and `extra_packs` (TOML texts: imported
    /// packs and the seller's custom rules). Throws when a pack is refused.
    ///
    /// The built-in packs come in the binary form the build validated (see `build.rs`),
    /// without their examples: `checkExamples` checks imported packs, whose examples
    /// stay; the built-in ones run in `cargo test`.
    #[wasm_bindgen(constructor)]
    pub fn new(extra_packs: Vec<String>) -> Result<Linter, JsError> {
        let mut packs = Vec::with_capacity(extra_packs.len());
        for (i, source) in extra_packs.iter().enumerate() {
            let pack = Pack::parse(source)
                .map_err(|e| JsError::new(&format!("imported pack {}: {e}", i + 1)))?;
            packs.push(pack);
        }
        let engine =
            Engine::from_binary(BUILTIN_PACKS, packs).map_err(|e| JsError::new(&e.to_string()))?;
        let none = js_sys::Array::new();
        js_sys::Object::freeze(&none);
        Ok(Linter {
            engine,
            config: RefCell::new(None),
            set: RefCell::new(LintConfig::default()),
            none: none.into(),
            listing: RefCell::new(Listing::default()),
        })
    }

    /// Lints one listing with one configuration; returns an array of findings.
    ///
    /// `config_key`, when given, names the configuration (its JSON text, say): while it
    /// is the same as the last call's, the configuration converted then is reused and
    /// `config` is not read. The background lints with `setConfig` and `lintJson`, which
    /// cost less per call.
    pub fn lint(
        &self,
        listing: JsValue,
        config: JsValue,
        config_key: Option<String>,
    ) -> Result<JsValue, JsError> {
        let listing = convert::listing(listing)?;
        let Some(key) = config_key else {
            let config = convert::config(config)?;
            return findings_out(&self.engine, &listing, &config);
        };
        let mut cached = self.config.borrow_mut();
        if !matches!(&*cached, Some((k, _)) if *k == key) {
            *cached = Some((key, convert::config(config)?));
        }
        let (_, config) = cached.as_ref().expect("set above");
        findings_out(&self.engine, &listing, config)
    }

    /// Sets the configuration [`Linter::lint_json`] lints with (until the next call);
    /// the default is the default configuration. Throws on a configuration `lint` would
    /// refuse, and then keeps the one set before.
    #[wasm_bindgen(js_name = setConfig)]
    pub fn set_config(&self, config: JsValue) -> Result<(), JsError> {
        *self.set.borrow_mut() = convert::config(config)?;
        Ok(())
    }

    /// Lints one listing given as JSON text (`JSON.stringify` of what `lint` takes) with
    /// the configuration of `setConfig`: a cheap call for many listings in a row
    /// (`lintRecords` is cheaper still, and is what the background calls). A
    /// listing without findings gets one shared, frozen empty array (do not keep it to
    /// add to); one with findings a new array, as from `lint`.
    ///
    /// The boundary costs one string copied in and nothing out for a clean listing, where
    /// `lint` stringifies the listing from inside the wasm, copies the configuration's key
    /// in and builds an array every call (see `tests/bench/side-by-side.mjs`).
    #[wasm_bindgen(js_name = lintJson)]
    pub fn lint_json(&self, listing: &str) -> Result<JsValue, JsError> {
        let mut kept = self.listing.borrow_mut();
        convert::listing_into(listing, &mut kept)?;
        self.lint_kept(&kept)
    }

    /// Lints one listing given as records (`extension/background/records.js` writes
    /// them; the layout is `listing_records` in the core) with the configuration of
    /// `setConfig`: what the background calls. It answers as `lintJson` does, and costs
    /// less: no `JSON.stringify` in JS, the bytes copied in natively, no JSON to parse.
    #[wasm_bindgen(js_name = lintRecords)]
    pub fn lint_records(&self, records: &[u8]) -> Result<JsValue, JsError> {
        let mut kept = self.listing.borrow_mut();
        convert::records_into(records, &mut kept)?;
        self.lint_kept(&kept)
    }

    /// Lints an empty listing `n` times with the configuration of `setConfig`, inside
    /// the wasm: for benchmarks, to set the engine's own per-lint cost beside a call's.
    #[wasm_bindgen(js_name = benchEmptyLints)]
    pub fn bench_empty_lints(&self, n: u32) -> usize {
        let (listing, config) = (Listing::default(), self.set.borrow());
        (0..n)
            .map(|_| self.engine.lint(&listing, &config).len())
            .sum()
    }

    /// The catalogue of packs this engine was built from.
    pub fn packs(&self) -> Result<JsValue, JsError> {
        convert::to_js(&self.engine.packs())
    }

    /// Runs the examples of one pack (all when `pack` is empty); returns failures as text.
    #[wasm_bindgen(js_name = checkExamples)]
    pub fn check_examples(&self, pack: String) -> Vec<String> {
        let id = (!pack.is_empty()).then_some(pack.as_str());
        self.engine
            .check_examples(id)
            .iter()
            .map(ToString::to_string)
            .collect()
    }
}

fn findings_out(
    engine: &Engine,
    listing: &Listing,
    config: &LintConfig,
) -> Result<JsValue, JsError> {
    findings_js(&engine.lint(listing, config))
}

fn findings_js(findings: &[listing_guard::Finding]) -> Result<JsValue, JsError> {
    convert::to_js(&findings.iter().map(convert::finding).collect::<Vec<_>>())
}

impl Linter {
    /// The findings of the kept listing under `setConfig`'s configuration; the shared
    /// empty array when there are none.
    fn lint_kept(&self, listing: &Listing) -> Result<JsValue, JsError> {
        let findings = self.engine.lint(listing, &self.set.borrow());
        if findings.is_empty() {
            return Ok(self.none.clone());
        }
        findings_js(&findings)
    }
}

/// Validates one pack file without building an engine; returns its catalogue entry.
#[wasm_bindgen(js_name = checkPack)]
pub fn check_pack(source: &str) -> Result<JsValue, JsError> {
    let pack = Pack::parse(source).map_err(|e| JsError::new(&e.to_string()))?;
    convert::to_js(pack.info())
}

/// The destination market a marketplace host sells to (`seller.shopee.tw` → `"tw"`,
/// `sellercentral.amazon.co.uk` → `"gb"`), or `undefined` for a generic domain: what
/// the content script passes as `config.market`.
#[wasm_bindgen(js_name = marketFromHost)]
pub fn market_from_host(host: &str) -> Option<String> {
    listing_guard::market_from_host(host)
}

/// The engine's start over the built-in packs, in parts, for benchmarks: an array of
/// `[name, ms]` pairs timed with `now` (e.g. `() => performance.now()`). The engine built
/// is dropped.
#[wasm_bindgen(js_name = startPhases)]
pub fn start_phases(now: &js_sys::Function) -> Result<js_sys::Array, JsError> {
    let clock = || {
        now.call0(&JsValue::NULL)
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0)
    };
    let out = js_sys::Array::new();
    let mut last = clock();
    Engine::from_binary_marked(BUILTIN_PACKS, Vec::new(), &mut |name| {
        let t = clock();
        out.push(&js_sys::Array::of2(&name.into(), &(t - last).into()));
        last = t;
    })
    .map_err(|e| JsError::new(&e.to_string()))?;
    Ok(out)
}

/// The binding's version, for the options page and bug reports.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
