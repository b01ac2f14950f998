//! The engine: every pack compiled once into one immutable structure, then any number
//! of listings linted against it with any configuration.

#[cfg(feature = "binary")]
mod binary;
mod boundary;
mod brand;
#[cfg(feature = "binary")]
mod brand_wire;
mod checks;
mod compile;
mod context;
mod cue;
mod everyday;
mod evidence;
mod examples;
mod floor;
mod gaps;
mod group_keys;
mod group_name;
mod hit_index;
mod limits;
mod lint;
mod lists;
mod literal_set;
mod owners;
mod prefilter;
mod render;
mod rule_state;
#[cfg(feature = "binary")]
pub(crate) mod wire;

pub use examples::ExampleFailure;

use crate::config::LintConfig;
use crate::error::PackError;
use crate::finding::Finding;
use crate::listing::Listing;
use crate::pack::{builtin_sources, Pack, PackInfo};
use compile::Compiled;

/// Rule packs compiled into one immutable engine: one matcher over every literal of
/// every pack, a prefilter over every pattern (regexes compiled when first needed),
/// brand groups and price floors.
///
/// Turning packs or rules on and off, the seller's own brands and ignored findings are
/// [`LintConfig`] and never rebuild the engine. A change of pack *contents* (a new
/// user pack, an edited custom rule) builds a new engine to replace this one.
pub struct Engine {
    compiled: Compiled,
}

impl Engine {
    /// Compiles `packs`. Fails when two packs share an id or a rule refers to a brand
    /// or product type no pack defines.
    pub fn new(packs: Vec<Pack>) -> Result<Engine, PackError> {
        Ok(Engine {
            compiled: compile::compile(packs)?,
        })
    }

    /// The engine over the built-in packs.
    pub fn builtin() -> Result<Engine, PackError> {
        Engine::new(builtin_packs()?)
    }

    /// Lints one listing. Findings come in a fixed order: by field, then position,
    /// then severity (strictest first), then rule id.
    pub fn lint(&self, listing: &Listing, config: &LintConfig) -> Vec<Finding> {
        lint::lint(&self.compiled, listing, config)
    }

    /// Every literal the engine's matcher searches for, normalised and sorted (see
    /// `Matcher::literals`). For benchmarks against other matchers; linting never needs it.
    pub fn literals(&self) -> Vec<&str> {
        self.compiled.matcher.literals()
    }

    /// The packs this engine was built from, in order.
    pub fn packs(&self) -> &[PackInfo] {
        self.compiled.catalogue()
    }
}

/// Parses every built-in pack.
pub fn builtin_packs() -> Result<Vec<Pack>, PackError> {
    builtin_sources()
        .iter()
        .map(|(_, src)| Pack::parse(src))
        .collect()
}
