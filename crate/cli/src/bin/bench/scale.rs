//! The machine-readable half of the benchmark: the figures `tests/bench/side-by-side.mjs`
//! prints beside the same measurements of the wasm build and of a JavaScript matcher.
//! Texts for the length series are generated here and exported, so every side lints
//! exactly the same characters.

use listing_guard::{Engine, LintConfig, Listing, Marketplace};
use serde_json::{json, Value};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// Text lengths of the series, in characters. Fields are analysed up to 200,000
/// characters (`MAX_ANALYSED_CHARS`), so 200k is the longest fully analysed one.
pub const LENGTHS: [usize; 5] = [1_000, 10_000, 100_000, 200_000, 1_000_000];

/// A sentence that no built-in rule fires on.
const CLEAN: &str = "This stainless steel water bottle keeps drinks cold for 24 hours and hot for 12, \
    with a leak-proof lid, a powder-coated finish that resists sweat and scratches, and a wide mouth \
    that takes ice cubes and fits most cup holders. ";

/// The corpus rows as listings: title, category, brand and price, in US dollars.
pub fn listings(csv_text: &str) -> Vec<Listing> {
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let headers = reader.headers().expect("header").clone();
    let col = |name: &str| headers.iter().position(|h| h == name);
    let (title, category, brand, price) =
        (col("title"), col("category"), col("brand"), col("price"));
    reader
        .records()
        .filter_map(Result::ok)
        .map(|r| {
            let get = |c: Option<usize>| c.and_then(|c| r.get(c)).unwrap_or("").to_string();
            Listing {
                title: get(title),
                category: get(category),
                brand: get(brand),
                price: get(price),
                currency: Some("USD".into()),
                ..Listing::default()
            }
        })
        .collect()
}

/// The bytes of text linted in `listings`.
pub fn bytes(listings: &[Listing]) -> usize {
    listings
        .iter()
        .map(|l| l.title.len() + l.category.len() + l.brand.len() + l.price.len())
        .sum()
}

/// `chars` characters of clean text (`dense == false`), or of corpus titles one per
/// line with "replica" after every fourth, which fires several rules per line.
pub fn text(listings: &[Listing], chars: usize, dense: bool) -> String {
    let mut s = String::new();
    let mut i = 0;
    let mut count = 0;
    while count < chars {
        let piece = if dense && !listings.is_empty() {
            let title = &listings[i % listings.len()].title;
            i += 1;
            format!("{title}{}", if i % 4 == 1 { " replica\n" } else { "\n" })
        } else {
            CLEAN.to_string()
        };
        count += piece.chars().count();
        s.push_str(&piece);
    }
    match s.char_indices().nth(chars) {
        Some((b, _)) => s[..b].to_string(),
        None => s,
    }
}

fn read(corpus: &str) -> Vec<Listing> {
    match std::fs::read_to_string(corpus) {
        Ok(t) => listings(&t),
        Err(e) => {
            eprintln!("corpus {corpus}: not read ({e})");
            Vec::new()
        }
    }
}

fn listing_json(l: &Listing) -> Value {
    json!({ "title": l.title, "category": l.category, "brand": l.brand, "price": l.price, "currency": "USD" })
}

/// `export`: the literals, the corpus listings and the length-series texts.
pub fn export(corpus: &str) {
    let engine = Engine::builtin().expect("built-in packs");
    let listings = read(corpus);
    let texts: Vec<Value> = LENGTHS
        .iter()
        .flat_map(|&n| {
            let ls = &listings;
            [false, true]
                .map(move |dense| json!({ "chars": n, "dense": dense, "text": text(ls, n, dense) }))
        })
        .collect();
    let out = json!({
        "literals": engine.literals(),
        "listings": listings.iter().map(listing_json).collect::<Vec<_>>(),
        "texts": texts,
    });
    println!("{out}");
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn median(mut v: Vec<Duration>) -> f64 {
    v.sort();
    ms(v[v.len() / 2])
}

/// Median time of `f` over runs filling about `budget` (at least 3, at most 50 runs).
fn timed(budget: Duration, mut f: impl FnMut()) -> f64 {
    let start = Instant::now();
    let mut runs = Vec::new();
    while runs.len() < 3 || (start.elapsed() < budget && runs.len() < 50) {
        let t = Instant::now();
        f();
        runs.push(t.elapsed());
    }
    median(runs)
}

/// `titles`: one timed pass over the corpus listings, as JSON, so the side-by-side script
/// can interleave native, wasm and JavaScript passes under the same machine load. An
/// untimed pass goes first: the pattern set's lazy DFA builds its states on the text it
/// reads, and the wasm engine the script times has read the corpus before, too.
pub fn titles(corpus: &str) {
    let engine = Engine::builtin().expect("built-in packs");
    let config = LintConfig {
        marketplace: Some(Marketplace::Amazon),
        ..LintConfig::default()
    };
    let listings = read(corpus);
    for l in &listings {
        black_box(engine.lint(l, &config));
    }
    let t = Instant::now();
    let findings = timed_pass(&engine, &listings, &config);
    let elapsed = t.elapsed();
    println!(
        "{}",
        json!({ "ms": ms(elapsed), "findings": findings, "bytes": bytes(&listings) })
    );
}

/// The timed pass of [`titles`], a function of its own so that a profiler can count it
/// alone (`valgrind --tool=callgrind --toggle-collect='*timed_pass*'`).
#[inline(never)]
fn timed_pass(engine: &Engine, listings: &[Listing], config: &LintConfig) -> usize {
    listings.iter().map(|l| engine.lint(l, config).len()).sum()
}

/// `--json`: the native figures.
pub fn json(corpus: &str) {
    let config = LintConfig {
        marketplace: Some(Marketplace::Amazon),
        ..LintConfig::default()
    };
    let typical = super::typical();
    // Cold start in parts: parse and validate packs, compile, the first lint.
    let (mut parse, mut compile, mut first) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..10 {
        let t = Instant::now();
        let packs = listing_guard::builtin_packs().expect("built-in packs");
        parse.push(t.elapsed());
        let t = Instant::now();
        let engine = Engine::new(packs).expect("built-in packs");
        compile.push(t.elapsed());
        let t = Instant::now();
        black_box(engine.lint(&typical, &config));
        first.push(t.elapsed());
    }
    // What the wasm does instead: the engine from the build's binary form.
    let binary = Engine::builtin_binary().expect("built-in packs");
    let mut from_binary = Vec::new();
    for _ in 0..10 {
        let t = Instant::now();
        black_box(Engine::from_binary(&binary, Vec::new()).expect("built-in packs"));
        from_binary.push(t.elapsed());
    }
    let engine = Engine::builtin().expect("built-in packs");
    let typical_ms = timed(Duration::from_secs(1), || {
        black_box(engine.lint(black_box(&typical), &config));
    });
    // An empty listing, in µs: the per-lint cost before any text (the wasm's boundary
    // figures are set beside it).
    let empty = Listing::default();
    // (Milliseconds per thousand lints are microseconds per lint.)
    let empty_us = timed(Duration::from_millis(300), || {
        for _ in 0..1000 {
            black_box(engine.lint(black_box(&empty), &config));
        }
    });

    let listings = read(corpus);
    let mut titles_ms = Vec::new();
    let mut findings = 0;
    for _ in 0..3 {
        let t = Instant::now();
        findings = 0;
        for l in &listings {
            findings += engine.lint(l, &config).len();
        }
        titles_ms.push(t.elapsed());
    }

    let mut series = Vec::new();
    for &n in &LENGTHS {
        for dense in [false, true] {
            let listing = Listing {
                title: "Stainless steel water bottle".into(),
                description: text(&listings, n, dense),
                ..Listing::default()
            };
            let found = engine.lint(&listing, &config).len();
            let t = timed(Duration::from_millis(600), || {
                black_box(engine.lint(black_box(&listing), &config));
            });
            series.push(json!({ "chars": n, "dense": dense, "ms": t, "findings": found }));
        }
    }
    let out = json!({
        "cold": { "parse": median(parse), "compile": median(compile), "first_lint": median(first), "from_binary": median(from_binary) },
        "typical_ms": typical_ms,
        "empty_us": empty_us,
        "titles": { "listings": listings.len(), "bytes": bytes(&listings), "ms": median(titles_ms), "findings": findings },
        "literals": engine.literals().len(),
        "series": series,
    });
    println!("{out}");
}
