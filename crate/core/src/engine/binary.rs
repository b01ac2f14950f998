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
//! The form is the engine being built (`compile::Partial`) after the built-in packs,
//! written and read by hand (`wire.rs`: no serde code runs on the engine's start, and
//! V8 has only a few small readers to compile), then its brand group keys written as
//! literal ids (`GroupKeys`); without the rules' examples: those run natively in
//! `cargo test`, and for imported packs (which stay TOML) on import, not on every wake
//! of the extension. It is a format between one build of this crate and itself: no
//! version field and no compatibility promise.

use super::compile::Partial;
use super::group_keys::GroupKeys as Keys;
use super::group_name::GroupName;
use super::wire::{In, Out, Wire};
use super::Engine;
use crate::error::{PackError, PackErrorKind};
use crate::matcher::LitId;
use crate::pack::Pack;

impl Engine {
    /// The built-in packs, parsed, validated and compiled up to the automata, in binary
    /// form (what the wasm embeds).
    pub fn builtin_binary() -> Result<Vec<u8>, PackError> {
        form_of(super::builtin_packs()?)
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
        let mut partial = read_form(bytes).map_err(|e| {
            PackError::new(
                PackErrorKind::Syntax,
                format!("the built-in packs' binary form does not read: {e}"),
            )
        })?;
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

/// The binary form of `packs` over the base cues: compiled up to the automata, owners
/// settled, price floors resolved, brand group names written as they are spelled.
fn form_of(packs: Vec<Pack>) -> Result<Vec<u8>, PackError> {
    let mut partial = Partial::new().add_packs(packs)?;
    partial.b.owners.settle(partial.b.matcher.len());
    partial.resolve_floors()?;
    let mut text = String::new();
    let names: Vec<GroupName> = (partial.groups.iter())
        .zip(keys_in_order(&partial))
        .map(|(g, k)| GroupName::of(&g.name.spell(k, &partial.group_names), k, &mut text))
        .collect();
    for (g, n) in partial.groups.iter_mut().zip(names) {
        g.name = n;
    }
    partial.group_names = text;
    Ok(write_form(&partial))
}

/// The binary form of `partial` (its owners settled): the `Partial`, then its brand
/// groups' keys.
fn write_form(partial: &Partial) -> Vec<u8> {
    let mut out = Out::default();
    partial.write(&mut out);
    GroupKeys::of(partial).write(&mut out);
    out.into_bytes()
}

/// What [`write_form`] wrote, every byte of it read.
fn read_form(bytes: &[u8]) -> Result<Partial, &'static str> {
    let (mut partial, keys): (Partial, GroupKeys) = super::wire::from_bytes(bytes)?;
    partial.group_ids = keys.keys(&partial)?;
    Ok(partial)
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
        self.texts.write(out);
    }

    // Out of line, as `Vec::read` is (`wire.rs`): a loop over every brand group.
    #[inline(never)]
    fn read(r: &mut In<'_>) -> Self {
        let n = r.count();
        let lits = (0..n).map(|_| i64::from(r.signed())).collect();
        GroupKeys {
            lits,
            texts: Wire::read(r),
        }
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
    /// only if a pack is added to the engine. Out of line: a loop over every group.
    #[inline(never)]
    fn keys(self, partial: &Partial) -> Result<Keys, &'static str> {
        if self.lits.len() != partial.groups.len() {
            return Err("brand group keys do not match the groups");
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

    /// Reading the built-in form and writing it again gives the same bytes: nothing
    /// written is lost or changed in reading.
    #[test]
    fn the_whole_form_reads_back_as_written() {
        let bytes = Engine::builtin_binary().unwrap();
        let partial = read_form(&bytes).unwrap();
        assert_eq!(write_form(&partial), bytes);
    }

    /// A pack with a rule of every kind and most of what a rule may carry.
    const SMALL: &str = r#"
[pack]
id = "small"
name = { en = "Small", zh = "小" }
version = "1"
languages = ["en", "zh"]
marketplaces = ["amazon", "etsy"]
sources = [{ name = "S", url = "https://example.com", license = "CC0", retrieved = "2026-12-01" }]

[product_types]
gizmo = ["gizmo", "gizmos"]

[cues]
compatible_before = ["fits"]

[[rule]]
id = "term"
kind = "term"
severity = { default = "warn", amazon = "block", market = { th = "info" } }
markets = ["gb", "th"]
message = { en = "No {match}.", zh = "不要{match}。" }
policy = { default = { name = "P" }, etsy = { name = "E", url = "https://example.com/e" } }
terms = ["widget", "replica ~2 gizmo", "鼻烟"]
unless = ["toy"]
not_inside = { "鼻烟" = ["鼻烟壶"] }
fixes = [{ kind = "remove", also = ["style"] }, { kind = "replace", with = { en = "thing", zh = "东西" } }]
instead = "Say what it is."
examples.fire = ["blue widget"]
examples.pass = ["blue gadget"]
examples.fix = [{ text = "blue widget style", result = "blue" }, { text = "a widget", result = "a thing", fix = 1 }]

[[rule]]
id = "pattern"
kind = "pattern"
severity = "info"
message = "A code."
policy = { name = "P" }
patterns = ['\bcode-\d+\b']
examples.fire = ["code-12"]
examples.pass = ["code"]

[[rule]]
id = "brand"
kind = "brand"
severity = "warn"
message = "{brand} named"
policy = { name = "P" }
compatible = true
brands = [{ name = "Acmetron", products = ["gizmo"] }]
examples.fire = ["Acmetron gizmo"]
examples.pass = ["a gizmo"]

[[rule]]
id = "floor"
kind = "price-floor"
severity = "warn"
message = "{brand} too cheap"
policy = { name = "P" }
currency = "USD"
floors = [{ brand = "Acmetron", product = "gizmo", min = 49.5 }]
examples.fire = [{ title = "Acmetron gizmo", price = "$5" }]
examples.pass = [{ title = "Acmetron gizmo", price = "$500" }]

[[rule]]
id = "length"
kind = "field"
check = "max-length"
fields = ["title"]
severity = "warn"
limit = { default = 300, amazon = 200, etsy = 140 }
message = "Too long."
policy = { name = "P" }
examples.fire = [{ marketplace = "etsy", title = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" }]
examples.pass = ["short"]

[[rule]]
id = "chars"
kind = "field"
check = "forbidden-chars"
fields = ["title"]
severity = "warn"
chars = "~!★"
message = "No {char}."
policy = { name = "P" }
examples.fire = ["a ★ b"]
examples.pass = ["a b"]
"#;

    /// The form of the base cues and [`SMALL`] (and of [`SMALL`] over the built-in
    /// packs, which the first checks against the second).
    fn small_form() -> Vec<u8> {
        let pack = Pack::parse(SMALL).unwrap();
        assert!(Engine::new(vec![pack.clone()])
            .unwrap()
            .check_examples(None)
            .is_empty());
        form_of(vec![pack]).unwrap()
    }

    #[test]
    fn a_small_form_reads_back_and_every_cut_of_it_is_refused() {
        let bytes = small_form();
        let partial = read_form(&bytes).unwrap();
        assert_eq!(write_form(&partial), bytes);
        let (bin, toml) = (
            Engine::from_binary(&bytes, vec![]).unwrap(),
            Engine::new(vec![Pack::parse(SMALL).unwrap()]).unwrap(),
        );
        for title in [
            "blue widget style",
            "code-7",
            "Acmetron gizmo",
            "a ★ 鼻烟壶 鼻烟",
        ] {
            let l = Listing {
                title: title.into(),
                price: "$5".into(),
                ..Listing::default()
            };
            let config = LintConfig::default();
            assert_eq!(toml.lint(&l, &config), bin.lint(&l, &config), "{title}");
        }
        for cut in 0..bytes.len() {
            assert!(
                Engine::from_binary(&bytes[..cut], vec![]).is_err(),
                "cut at {cut}"
            );
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(Engine::from_binary(&longer, vec![]).is_err());
    }

    #[test]
    fn garbage_is_refused_not_panicked_on() {
        assert!(Engine::from_binary(&[0xff, 0xff, 0xff], vec![]).is_err());
        let bytes = Engine::builtin_binary().unwrap();
        assert!(Engine::from_binary(&bytes[..bytes.len() / 2], vec![]).is_err());
        // Every byte changed in turn, in the first few thousand: an error or an engine,
        // never a panic.
        let small = small_form();
        for at in 0..small.len().min(4000) {
            for b in [0, 1, 0x7f, 0xff] {
                let mut bad = small.clone();
                bad[at] = b;
                let _ = Engine::from_binary(&bad, vec![]);
            }
        }
    }

    #[test]
    fn tags_out_of_range_are_refused() {
        use crate::engine::wire::from_bytes;
        use crate::finding::Severity;
        use crate::language::Language;
        use crate::pack::{FieldCheck, RuleKind};
        assert!(from_bytes::<RuleKind>(&[5]).is_err());
        assert!(from_bytes::<FieldCheck>(&[7]).is_err());
        assert!(from_bytes::<Severity>(&[3]).is_err());
        assert!(from_bytes::<Marketplace>(&[10]).is_err());
        assert!(from_bytes::<Language>(&[14]).is_err());
        assert!(from_bytes::<bool>(&[2]).is_err());
        assert!(from_bytes::<Option<bool>>(&[2]).is_err());
        assert!(from_bytes::<crate::currency::Currency>(&[3, b'X', b'X', b'X']).is_err());
        assert!(
            from_bytes::<FieldCheck>(&[3, 2, 65, 65]).is_err(),
            "a character twice"
        );
    }
}
