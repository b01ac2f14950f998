//! The fuzz targets. Each makes one input from the generator and the corpus, runs the
//! code under test, and checks what it returned; a violated invariant is reported like a
//! panic. Inputs are returned as text so a crash can be saved and replayed.

use crate::corpus::Corpus;
use crate::mutate::{mutate, random_text};
use crate::rng::Rng;
use listing_guard::{
    listing_json, listing_records, parse_price, Currency, Engine, Finding, LintConfig, Listing,
    Pack,
};
use serde_json::{json, Map, Value};

pub const NAMES: &[&str] = &[
    "pack",
    "lint",
    "price",
    "spans",
    "listing-json",
    "listing-records",
];

pub struct State {
    pub corpus: Corpus,
    pub engine: Engine,
    pack_ids: Vec<String>,
    rule_ids: Vec<String>,
}

impl State {
    pub fn new() -> State {
        let engine = Engine::builtin().expect("the built-in packs compile");
        let pack_ids = engine.packs().iter().map(|p| p.id.clone()).collect();
        let mut rule_ids = Vec::new();
        for p in engine.packs() {
            for r in &p.rules {
                rule_ids.push(r.id.clone());
            }
        }
        State {
            corpus: Corpus::load(),
            engine,
            pack_ids,
            rule_ids,
        }
    }
}

/// Makes one input for `target`.
pub fn generate(target: &str, st: &State, rng: &mut Rng) -> String {
    let c = &st.corpus;
    match target {
        "pack" => {
            let a = rng.pick(&c.packs);
            let b = rng.pick(&c.packs);
            if rng.chance(2) {
                mutate_strings(rng, a, &c.words)
            } else {
                mutate(rng, a, b)
            }
        }
        "price" => {
            let a = rng.pick(&c.prices);
            let b = rng.pick(&c.prices);
            if rng.chance(10) {
                {
                    let n = rng.below(40);
                    random_text(rng, n)
                }
            } else {
                mutate(rng, a, b)
            }
        }
        "lint" | "spans" => {
            let listing = random_listing(st, rng, target == "spans");
            let config = random_config(st, rng, target == "spans");
            json!({ "listing": listing, "config": config }).to_string()
        }
        "listing-json" => {
            let heavy = rng.chance(2);
            let a = random_listing(st, rng, heavy).to_string();
            let b = random_listing(st, rng, false).to_string();
            if rng.chance(4) {
                a
            } else {
                mutate(rng, &a, &b)
            }
        }
        "listing-records" => {
            // A listing's records with a few bytes changed, cut or repeated, as hex (the
            // harness keeps inputs as text).
            let heavy = rng.chance(2);
            let v = random_listing(st, rng, heavy);
            let listing: Listing = serde_json::from_value(v).unwrap_or_default();
            let mut b = listing_records::write(&listing);
            for _ in 0..rng.below(4) {
                if b.is_empty() {
                    break;
                }
                let i = rng.below(b.len());
                match rng.below(4) {
                    0 => b[i] = rng.next() as u8,
                    1 => b.truncate(i),
                    2 => b.insert(i, rng.below(20) as u8),
                    _ => {
                        let piece = b[i..].iter().take(12).copied().collect::<Vec<_>>();
                        b.splice(i..i, piece);
                    }
                }
            }
            b.iter().map(|x| format!("{x:02x}")).collect()
        }
        _ => unreachable!("unknown target {target}"),
    }
}

/// Mutates only inside a few double-quoted strings of a pack (terms, patterns, messages,
/// examples), so the TOML stays valid and the pack's validation and compiler are reached.
fn mutate_strings(rng: &mut Rng, source: &str, words: &[String]) -> String {
    let mut pieces: Vec<String> = source.split('"').map(str::to_string).collect();
    let strings = pieces.len() / 2;
    if strings == 0 {
        return source.to_string();
    }
    for _ in 0..1 + rng.below(4) {
        let i = 2 * rng.below(strings) + 1;
        let other = rng.pick(words).clone();
        let m = mutate(rng, &pieces[i], &other);
        pieces[i] = m
            .chars()
            .filter(|c| !matches!(c, '"' | '\\' | '\n' | '\r') && !c.is_control())
            .collect();
    }
    pieces.join("\"")
}

fn risky_text(st: &State, rng: &mut Rng, base: &str, unicode_heavy: bool) -> String {
    let mut out = base.to_string();
    for _ in 0..rng.below(4) {
        let w = rng.pick(&st.corpus.words);
        out = mutate(rng, &out, w);
    }
    if unicode_heavy {
        let n = rng.below(24);
        let noise = random_text(rng, n);
        out = mutate(rng, &out, &noise);
        let w = rng.pick(&st.corpus.words).clone();
        out.push(' ');
        out.push_str(&w);
    }
    out
}

fn random_listing(st: &State, rng: &mut Rng, unicode_heavy: bool) -> Value {
    let mut m: Map<String, Value> = rng.pick(&st.corpus.listings).clone();
    for key in ["title", "description", "keywords", "brand", "category"] {
        if rng.chance(2) || unicode_heavy {
            let base = m.get(key).and_then(Value::as_str).unwrap_or("").to_string();
            m.insert(key.into(), risky_text(st, rng, &base, unicode_heavy).into());
        }
    }
    if rng.chance(2) {
        let n = rng.below(4);
        let bullets: Vec<Value> = (0..n)
            .map(|_| risky_text(st, rng, "", unicode_heavy).into())
            .collect();
        m.insert("bullets".into(), bullets.into());
    }
    if rng.chance(3) {
        let a = rng.pick(&st.corpus.prices).clone();
        let b = rng.pick(&st.corpus.prices).clone();
        m.insert("price".into(), mutate(rng, &a, &b).into());
    }
    if rng.chance(4) {
        m.insert("cost".into(), rng.pick(&st.corpus.prices).clone().into());
    }
    m.insert("id".into(), "fuzz".into());
    Value::Object(m)
}

const MARKETPLACES: &[&str] = &[
    "amazon",
    "aliexpress",
    "ebay",
    "etsy",
    "lazada",
    "shopee",
    "shopify",
    "tiktok",
    "walmart",
    "wish",
];
const SEVERITIES: &[&str] = &["block", "warn", "info"];

fn random_config(st: &State, rng: &mut Rng, plain: bool) -> Value {
    if plain && rng.chance(2) {
        return json!({});
    }
    let mut packs = Map::new();
    for id in &st.pack_ids {
        if rng.chance(4) {
            packs.insert(id.clone(), rng.chance(2).into());
        }
    }
    let mut rules = Map::new();
    let mut severity = Map::new();
    for _ in 0..rng.below(6) {
        let r = rng.pick(&st.rule_ids).clone();
        if rng.chance(2) {
            rules.insert(r, rng.chance(2).into());
        } else {
            severity.insert(r, (*rng.pick(SEVERITIES)).into());
        }
    }
    let brands: Vec<Value> = (0..rng.below(3))
        .map(|_| rng.pick(&st.corpus.words).clone().into())
        .collect();
    let ignore: Vec<Value> = (0..rng.below(3))
        .map(|_| json!({ "rule": rng.pick(&st.rule_ids).clone(), "text": rng.pick(&st.corpus.words).clone() }))
        .collect();
    let mut cfg = json!({ "lang": if rng.chance(2) { "en" } else { "zh" }, "packs": packs, "rules": rules,
        "severity": severity, "allow_brands": brands, "ignore": ignore });
    if rng.chance(2) {
        cfg["marketplace"] = (*rng.pick(MARKETPLACES)).into();
    }
    cfg
}

/// Runs one input: whether the code under test accepted it (a pack parsed, a price read,
/// findings came back), or the invariant it broke (a panic propagates).
pub fn run(target: &str, st: &State, input: &str) -> Result<bool, String> {
    match target {
        "pack" => {
            match Pack::parse(input) {
                // Parsed packs must also compile (or be refused with an error), never panic.
                Ok(pack) => Ok(Engine::new(vec![pack]).is_ok()),
                Err(_) => Ok(false),
            }
        }
        "price" => {
            let ok = parse_price(input, None).is_ok();
            let _ = parse_price(input, Currency::from_code("EUR"));
            let _ = parse_price(input, Currency::from_code("JPY"));
            Ok(ok)
        }
        "lint" | "spans" => {
            let v: Value = serde_json::from_str(input).map_err(|e| format!("bad input: {e}"))?;
            let listing: Listing = serde_json::from_value(v["listing"].clone())
                .map_err(|e| format!("listing: {e}"))?;
            let config: LintConfig =
                serde_json::from_value(v["config"].clone()).unwrap_or_default();
            let findings = st.engine.lint(&listing, &config);
            for f in &findings {
                check_finding(&listing, f)?;
            }
            Ok(!findings.is_empty())
        }
        "listing-json" => {
            // What the reader accepts is JSON, reads back the same from its own
            // serialisation, and reads the same into a listing that held another.
            let mut fresh = Listing::default();
            let accepted = listing_json::read(input, &mut fresh).is_ok();
            if !accepted {
                return Ok(false);
            }
            if !input.is_empty() && serde_json::from_str::<Value>(input).is_err() {
                return Err("the reader accepted text that is not JSON".into());
            }
            let mut kept = held_before();
            listing_json::read(input, &mut kept)
                .map_err(|e| format!("refused the second time: {e}"))?;
            if kept != fresh {
                return Err("read into a kept listing differs from a fresh one".into());
            }
            let again = serde_json::to_string(&fresh).map_err(|e| e.to_string())?;
            let mut back = Listing::default();
            listing_json::read(&again, &mut back)
                .map_err(|e| format!("its own serialisation refused: {e}"))?;
            if back != fresh {
                return Err("the listing read back from its serialisation differs".into());
            }
            Ok(true)
        }
        "listing-records" => {
            // What the reader accepts reads the same into a listing that held another,
            // and reads back the same from the records it writes.
            let bytes = (0..input.len() / 2)
                .map(|i| u8::from_str_radix(&input[2 * i..2 * i + 2], 16))
                .collect::<Result<Vec<u8>, _>>()
                .map_err(|e| format!("bad input: {e}"))?;
            let mut fresh = Listing::default();
            if listing_records::read(&bytes, &mut fresh).is_err() {
                return Ok(false);
            }
            let mut kept = held_before();
            listing_records::read(&bytes, &mut kept)
                .map_err(|e| format!("refused the second time: {e}"))?;
            if kept != fresh {
                return Err("read into a kept listing differs from a fresh one".into());
            }
            let mut back = Listing::default();
            listing_records::read(&listing_records::write(&fresh), &mut back)
                .map_err(|e| format!("its own records refused: {e}"))?;
            if back != fresh {
                return Err("the listing read back from its records differs".into());
            }
            Ok(true)
        }
        // Proves the harness: a panic inside a target is caught and reported.
        "selftest-panic" => panic!("selftest: {}", input.len()),
        _ => Err(format!("unknown target {target}")),
    }
}

/// A listing a reader reads into as into a kept one: every field and list filled, so
/// what the input leaves out must be emptied.
fn held_before() -> Listing {
    Listing {
        id: Some("held".into()),
        title: "held before".into(),
        currency: Some("USD".into()),
        bullets: vec!["a".into(), "b".into(), "c".into()],
        other: vec![("n".into(), "v".into()); 2],
        variants: vec![Default::default(); 3],
        ..Listing::default()
    }
}

/// A finding's spans are inside its field, on character boundaries, its text is the
/// field's text there, and its UTF-16 span counts the same characters.
fn check_finding(listing: &Listing, f: &Finding) -> Result<(), String> {
    let text = listing
        .field(f.field)
        .ok_or_else(|| format!("{}: field {:?} not in the listing", f.rule, f.field))?;
    let (s, e) = (f.span.start, f.span.end);
    if s > e || e > text.len() {
        return Err(format!(
            "{}: span {s}..{e} outside the field ({} bytes)",
            f.rule,
            text.len()
        ));
    }
    if !text.is_char_boundary(s) || !text.is_char_boundary(e) {
        return Err(format!(
            "{}: span {s}..{e} not on character boundaries",
            f.rule
        ));
    }
    if s < e && f.text != text[s..e] {
        return Err(format!(
            "{}: text {:?} is not the field's {:?}",
            f.rule,
            f.text,
            &text[s..e]
        ));
    }
    let u16s = text[..s].encode_utf16().count();
    let u16e = u16s + text[s..e].encode_utf16().count();
    if s < e && (f.span_utf16.start != u16s || f.span_utf16.end != u16e) {
        return Err(format!(
            "{}: UTF-16 span {:?}, expected {u16s}..{u16e}",
            f.rule, f.span_utf16
        ));
    }
    Ok(())
}
