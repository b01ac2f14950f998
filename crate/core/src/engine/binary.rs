//! The built-in packs compiled by the build into a compact binary form: parsed and
//! validated once (the wasm crate's `build.rs` calls [`Engine::builtin_binary`]),
//! embedded in the wasm and read back by [`Engine::from_binary`] without parsing TOML,
//! validating or normalising a literal again. Only the seller's own and imported packs
//! are parsed and compiled at run time, added to the built-in ones; then the patterns'
//! prefilter automaton is built (aho-corasick does not serialise it), and the matcher's
//! substring automaton on the first text with Chinese, Thai or another script written
//! without spaces; the patterns' required literals are in the form, extracted once, and
//! the price floors resolved against their brands.
//!
//! Reading it is most of the engine's start in the extension, paid in baseline-compiled
//! wasm on every wake of the service worker, so what it holds is laid out to be read
//! without a step per item where it can: the literal keys adopted as one text by their
//! maps (`str_map.rs`), each literal's owners as one flat list (`owners.rs`), brand
//! names spelled from their keys only when a finding names one (`group_name.rs`).
//!
//! The form is [postcard](https://docs.rs/postcard) of the engine being built
//! (`compile::Partial`) after the built-in packs, its brand group keys written as
//! literal ids (`GroupKeys`), without the rules' examples: those
//! run natively in `cargo test`, and for imported packs (which stay TOML) on import,
//! not on every wake of the extension. It is a format between one build of this crate
//! and itself: no version field and no compatibility promise.

use super::compile::Partial;
use super::group_keys::GroupKeys as Keys;
use super::group_name::GroupName;
use super::wire::{In, Out, Wire};
use super::Engine;
use crate::currency::Currency;
use crate::error::{PackError, PackErrorKind};
use crate::matcher::LitId;
use crate::pack::Pack;

impl Engine {
    /// The built-in packs, parsed, validated and compiled up to the automata, in binary
    /// form (what the wasm embeds).
    pub fn builtin_binary() -> Result<Vec<u8>, PackError> {
        let mut partial = Partial::new().add_packs(super::builtin_packs()?)?;
        partial.b.owners.settle(partial.b.matcher.len());
        partial.resolve_floors()?;
        let names: Vec<GroupName> = (partial.groups.iter())
            .zip(keys_in_order(&partial))
            .map(|(g, k)| GroupName::of(&g.name.spell(k), k))
            .collect();
        for (g, n) in partial.groups.iter_mut().zip(names) {
            g.name = n;
        }
        let form = FormRef {
            group_keys: GroupKeys::of(&partial),
            partial: &partial,
        };
        Ok(postcard::to_allocvec(&form).expect("serialises to memory"))
    }

    /// The engine over the packs of `bytes` (from [`Engine::builtin_binary`] of this
    /// same build) and `extra` packs.
    pub fn from_binary(bytes: &[u8], extra: Vec<Pack>) -> Result<Engine, PackError> {
        Engine::from_binary_marked(bytes, extra, &mut |_| {})
    }

    /// [`Engine::from_binary`], calling `mark` with the name of each part of the build as
    /// it ends (reading the binary form, the seller's packs, price floors, the pattern prefilter,
    /// the matcher, the rest): what benchmarks print as the engine's start.
    pub fn from_binary_marked(
        bytes: &[u8],
        extra: Vec<Pack>,
        mark: &mut dyn FnMut(&'static str),
    ) -> Result<Engine, PackError> {
        let unreadable = |e: String| {
            PackError::new(
                PackErrorKind::Syntax,
                format!("the built-in packs' binary form does not read: {e}"),
            )
        };
        let Form {
            mut partial,
            group_keys,
        } = postcard::from_bytes(bytes).map_err(|e| unreadable(e.to_string()))?;
        partial.group_ids = group_keys.read(&partial).map_err(unreadable)?;
        mark("read binary form");
        // Most sellers have no packs of their own: then the compiler is not called at all
        // (in a waking service worker, V8 compiles a wasm function on its first call, and
        // `add_packs` is one of the largest).
        if !extra.is_empty() {
            partial = partial.add_packs(extra)?;
        }
        mark("seller's packs");
        let compiled = partial.finish(mark)?;
        mark("rest");
        Ok(Engine { compiled })
    }
}

/// The binary form: the `Partial` and its brand groups' keys.
#[derive(serde::Serialize)]
struct FormRef<'a> {
    partial: &'a Partial,
    #[serde(with = "super::wire::as_bytes")]
    group_keys: GroupKeys,
}

#[derive(serde::Deserialize)]
struct Form {
    partial: Partial,
    #[serde(with = "super::wire::as_bytes")]
    group_keys: GroupKeys,
}

/// The brand groups' keys (`Partial::group_ids`), in group order. Nearly every key is
/// the key of a word literal of the matcher (the brand's name was added to it), so it is
/// written as that literal's id, as the difference from the id of the group before
/// (small: groups and literals are made in the same order); 0, which no two groups
/// can differ by, stands for the next of `texts`. Written as strings, the keys were
/// 57 KB of the gzipped binary form; as ids they are about 10 KB. Written by hand
/// (`wire.rs`): the differences, then the texts.
struct GroupKeys {
    lits: Vec<i64>,
    texts: Vec<String>,
}

impl Wire for GroupKeys {
    fn write(&self, out: &mut Out) {
        out.num(self.lits.len());
        for &d in &self.lits {
            out.signed(i32::try_from(d).expect("literal ids fit in 31 bits"));
        }
        out.num(self.texts.len());
        for t in &self.texts {
            out.text(t);
        }
    }

    fn read(r: &mut In<'_>) -> Result<Self, &'static str> {
        let n = r.count()?;
        let lits = (0..n)
            .map(|_| r.signed().map(i64::from))
            .collect::<Result<_, _>>()?;
        let n = r.count()?;
        let texts = (0..n)
            .map(|_| r.text().map(str::to_string))
            .collect::<Result<_, _>>()?;
        Ok(GroupKeys { lits, texts })
    }
}

/// Each brand group's key, in group order.
fn keys_in_order(partial: &Partial) -> impl Iterator<Item = &str> {
    assert_eq!(
        partial.group_ids.len(),
        partial.groups.len(),
        "a key per group"
    );
    (0..partial.groups.len()).map(|g| {
        partial
            .group_ids
            .key(g, |id| partial.b.matcher.word_key(id))
    })
}

impl GroupKeys {
    fn of(partial: &Partial) -> GroupKeys {
        let (mut lits, mut texts, mut last) = (Vec::new(), Vec::new(), 0i64);
        for k in keys_in_order(partial) {
            match partial.b.matcher.word_id(k) {
                Some(id) => {
                    lits.push(i64::from(id) - last);
                    last = i64::from(id);
                }
                None => {
                    lits.push(0);
                    texts.push(k.to_string());
                }
            }
        }
        GroupKeys { lits, texts }
    }

    /// The keys as they are written, literal ids and texts (`group_keys.rs`): hashed
    /// only if a pack is added to the engine.
    fn read(self, partial: &Partial) -> Result<Keys, String> {
        if self.lits.len() != partial.groups.len() {
            return Err("brand group keys do not match the groups".into());
        }
        let mut texts = self.texts.into_iter();
        let mut last = 0i64;
        let mut keys = Vec::with_capacity(self.lits.len());
        for d in self.lits {
            keys.push(if d == 0 {
                Err(texts.next().ok_or("a brand group key is missing")?)
            } else {
                last += d;
                let id = LitId::try_from(last)
                    .ok()
                    .filter(|&id| partial.b.matcher.word_key(id).is_some())
                    .ok_or("a brand group key is not a word literal")?;
                Ok(id)
            });
        }
        Ok(Keys::from_lits(keys.into_iter()))
    }
}

/// Packs' metadata without their rule lists (the catalogue's per-rule entries are
/// derived from the rules, and their JSON form skips empty fields, which a format
/// without field names cannot).
pub(crate) mod infos {
    use crate::listing::Marketplace;
    use crate::pack::{PackInfo, Source, Text};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    type Wire = (
        String,
        Text,
        Text,
        String,
        Vec<String>,
        Vec<Marketplace>,
        bool,
        usize,
        Vec<Source>,
    );

    pub fn serialize<S: Serializer>(infos: &[PackInfo], s: S) -> Result<S::Ok, S::Error> {
        let wire: Vec<_> = infos
            .iter()
            .map(|i| {
                (
                    &i.id,
                    &i.name,
                    &i.description,
                    &i.version,
                    &i.languages,
                    &i.marketplaces,
                    i.default_enabled,
                    i.rule_count,
                    &i.sources,
                )
            })
            .collect();
        wire.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<PackInfo>, D::Error> {
        let wire: Vec<Wire> = Deserialize::deserialize(d)?;
        Ok(wire
            .into_iter()
            .map(
                |(
                    id,
                    name,
                    description,
                    version,
                    languages,
                    marketplaces,
                    default_enabled,
                    rule_count,
                    sources,
                )| {
                    PackInfo {
                        id,
                        name,
                        description,
                        version,
                        languages,
                        marketplaces,
                        default_enabled,
                        rule_count,
                        sources,
                        rules: Vec::new(),
                    }
                },
            )
            .collect())
    }
}

impl serde::Serialize for Currency {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> serde::Deserialize<'de> for Currency {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Currency, D::Error> {
        let code = <&str>::deserialize(d)?;
        Currency::from_code(code)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown currency `{code}`")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{LintConfig, Listing, Marketplace};

    /// Every example listing of every built-in rule, and a few with every field.
    fn listings() -> Vec<Listing> {
        let packs = crate::builtin_packs().unwrap();
        let mut out = Vec::new();
        for p in &packs {
            for r in &p.rules {
                out.extend(r.fire.iter().chain(&r.pass).map(|e| e.listing.clone()));
            }
        }
        out
    }

    /// The engine from the binary form finds exactly what the engine from TOML finds,
    /// on every example of every pack, with and without a seller's pack.
    #[test]
    fn binary_engine_finds_what_the_toml_engine_finds() {
        // A seller's pack that leans on the built-in ones: their product types, a
        // built-in brand's floor, its own brand and product type.
        let user = Pack::parse(
            r#"
[pack]
id = "custom"
name = "Mine"
version = "1"
languages = ["en"]

[product_types]
gizmo = ["gizmo", "gizmos"]

[[rule]]
id = "no-widgets"
kind = "term"
severity = "warn"
message = "No widgets."
policy = { name = "P" }
terms = ["widget", "rolex", "replica ~2 gizmo"]
examples.fire = ["blue widget"]
examples.pass = ["blue gadget"]

[[rule]]
id = "acme"
kind = "brand"
severity = "warn"
message = "{brand} named"
policy = { name = "P" }
brands = [{ name = "Acmetron", products = ["gizmo", "watch"] }]
examples.fire = ["Acmetron gizmo"]
examples.pass = ["a gizmo"]

[[rule]]
id = "floor"
kind = "price-floor"
severity = "warn"
message = "{brand} too cheap"
policy = { name = "P" }
currency = "USD"
floors = [{ brand = "Rolex", product = "watch", min = 900 }, { brand = "Acmetron", product = "gizmo", min = 50 }]
examples.fire = [{ title = "Acmetron gizmo", price = "$5" }]
examples.pass = [{ title = "Acmetron gizmo", price = "$500" }]
"#,
        )
        .unwrap();
        let mut probes = listings();
        for title in [
            "Rolex watch",
            "replica blue gizmo",
            "Acmetron Ro lex watch 手表",
        ] {
            for price in ["$5", "$1000"] {
                probes.push(Listing {
                    title: title.into(),
                    price: price.into(),
                    ..Listing::default()
                });
            }
        }
        let bytes = Engine::builtin_binary().unwrap();
        for extra in [vec![], vec![user]] {
            let toml = Engine::new(
                crate::builtin_packs()
                    .unwrap()
                    .into_iter()
                    .chain(extra.clone())
                    .collect(),
            )
            .unwrap();
            let bin = Engine::from_binary(&bytes, extra).unwrap();
            assert_eq!(toml.packs(), bin.packs());
            assert!(bin.check_examples(Some("custom")).is_empty());
            for config in [
                LintConfig::default(),
                LintConfig {
                    marketplace: Some(Marketplace::Amazon),
                    ..LintConfig::default()
                },
            ] {
                for l in &probes {
                    assert_eq!(toml.lint(l, &config), bin.lint(l, &config), "{l:?}");
                }
            }
        }
    }

    #[test]
    fn garbage_is_refused_not_panicked_on() {
        assert!(Engine::from_binary(&[0xff, 0xff, 0xff], vec![]).is_err());
        let bytes = Engine::builtin_binary().unwrap();
        assert!(Engine::from_binary(&bytes[..bytes.len() / 2], vec![]).is_err());
    }
}
