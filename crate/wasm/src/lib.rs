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
//! ```

mod convert;

use listing_guard::{builtin_packs, Engine, Pack};
use wasm_bindgen::prelude::*;

/// An engine over the built-in packs plus the seller's own packs.
#[wasm_bindgen]
pub struct Linter {
    engine: Engine,
}

#[wasm_bindgen]
impl Linter {
    /// Builds the engine over the built-in packs and `extra_packs` (TOML texts: imported
    /// packs and the seller's custom rules). Throws when a pack is refused.
    #[wasm_bindgen(constructor)]
    pub fn new(extra_packs: Vec<String>) -> Result<Linter, JsError> {
        let mut packs = builtin_packs().map_err(|e| JsError::new(&e.to_string()))?;
        for (i, source) in extra_packs.iter().enumerate() {
            let pack = Pack::parse(source)
                .map_err(|e| JsError::new(&format!("imported pack {}: {e}", i + 1)))?;
            packs.push(pack);
        }
        let engine = Engine::new(packs).map_err(|e| JsError::new(&e.to_string()))?;
        Ok(Linter { engine })
    }

    /// Lints one listing with one configuration; returns an array of findings.
    pub fn lint(&self, listing: JsValue, config: JsValue) -> Result<JsValue, JsError> {
        let listing = convert::listing(listing)?;
        let config = convert::config(config)?;
        let findings = self.engine.lint(&listing, &config);
        convert::to_js(&findings.iter().map(convert::finding).collect::<Vec<_>>())
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

/// The binding's version, for the options page and bug reports.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
