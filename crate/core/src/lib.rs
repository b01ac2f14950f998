//! Listing Guard's core: checks marketplace listings against rule packs, on the
//! seller's own machine.
//!
//! - [`Pack`] is one rule pack, parsed and validated from its TOML file.
//! - [`Engine`] compiles packs once into an immutable engine.
//! - [`Listing`] is what the seller typed, field by field.
//! - [`LintConfig`] says which packs and rules are on, which brands are the seller's
//!   own, which findings were ignored, and the message language.
//! - [`Finding`] is one warning: rule, field, span (UTF-8 and UTF-16), severity, message.
//!
//! ```
//! use listing_guard::{Engine, Listing, LintConfig, Severity};
//!
//! let engine = Engine::builtin().unwrap();
//! let listing = Listing {
//!     title: "Rolex Submariner replica watch".into(),
//!     price: "$25".into(),
//!     ..Default::default()
//! };
//! let findings = engine.lint(&listing, &LintConfig::default());
//! assert!(findings.iter().any(|f| f.severity == Severity::Block));
//! ```
//!
//! What it does not do: it does not fetch anything, learn, or guess beyond its packs.
//! Matching is on a normalised view of the text (compatibility folding, lower case,
//! look-alike letters, separators inside words), not full Unicode case folding, and it
//! does not stem: a pack lists the plural it wants matched.

mod config;
mod currency;
mod engine;
mod error;
mod finding;
mod hash;
mod hash_bits;
mod language;
mod listing;
pub mod listing_json;
pub mod listing_records;
mod market;
mod matcher;
mod normalize;
mod pack;
mod price;
mod str_map;
mod utf16;

pub use config::{Ignored, Lang, LintConfig, ResellBrand};
pub use currency::{Currency, RATES_DATE, RATES_SOURCE};
pub use engine::{builtin_packs, Engine, ExampleFailure};
pub use error::{PackError, PackErrorKind};
pub use finding::{BrandUse, Finding, FixEdit, Policy, Severity, Span};
pub use language::{detect as detect_language, LangSet, Language};
pub use listing::{FieldRef, FieldRole, Listing, Marketplace, Variant};
pub use market::{market_code, market_from_host};
pub use pack::{builtin_sources, Pack, PackInfo, RuleInfo, Source, Text};
pub use price::{parse_price, Money, PriceError};
