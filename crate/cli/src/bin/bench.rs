//! `listing-guard-bench`: prints the engine's speed figures. A benchmark, not a test: it
//! asserts nothing and is run by `./build.sh bench`.
//!
//! usage: listing-guard-bench [CORPUS.csv]          figures as text
//!        listing-guard-bench --json [CORPUS.csv]   the figures tests/bench/side-by-side.mjs
//!                                                  prints beside the wasm and JavaScript ones
//!        listing-guard-bench export [CORPUS.csv]   the engine's literals and the corpus
//!                                                  listings as JSON, for that script
//!        listing-guard-bench titles [CORPUS.csv]   one timed pass over the corpus, as JSON
//!
//! CORPUS defaults to ../shared/corpus/walmart-amazon/tableB_amazon.csv.

#[path = "bench/scale.rs"]
mod scale;

use listing_guard::{Engine, LintConfig, Listing, Marketplace};
use std::hint::black_box;
use std::time::{Duration, Instant};

const DEFAULT_CORPUS: &str = "../shared/corpus/walmart-amazon/tableB_amazon.csv";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let corpus_arg = |i: usize| {
        args.get(i)
            .cloned()
            .unwrap_or_else(|| DEFAULT_CORPUS.into())
    };
    match args.first().map(String::as_str) {
        Some("--json") => return scale::json(&corpus_arg(1)),
        Some("export") => return scale::export(&corpus_arg(1)),
        Some("titles") => return scale::titles(&corpus_arg(1)),
        Some("clean-probe") => {
            // For a profiler: the 100k-character clean description of the length series,
            // linted 20 times (prints the mean).
            let e = Engine::builtin().expect("built-in packs");
            let l = Listing {
                description: scale::text(&[], 100_000, false),
                ..Listing::default()
            };
            let c = LintConfig::default();
            let t = Instant::now();
            for _ in 0..20 {
                black_box(e.lint(&l, &c));
            }
            eprintln!("{:?}", t.elapsed() / 20);
            return;
        }
        Some("from-binary") => {
            // For a profiler: the engine read from the binary form, N times (default 1).
            let bytes = Engine::builtin_binary().expect("built-in packs");
            let n = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(1);
            for _ in 0..n {
                black_box(Engine::from_binary(&bytes, Vec::new()).expect("binary form"));
            }
            return;
        }
        _ => {}
    }
    let corpus = corpus_arg(0);

    // Engine build, all shipped packs.
    let mut builds = Vec::new();
    for _ in 0..30 {
        let t = Instant::now();
        black_box(Engine::builtin().expect("built-in packs"));
        builds.push(t.elapsed());
    }
    builds.sort();
    // The two halves: reading and validating the pack files, compiling them.
    let mut parses = Vec::new();
    let mut compiles = Vec::new();
    for _ in 0..10 {
        let t = Instant::now();
        let packs = listing_guard::builtin_packs().expect("built-in packs");
        parses.push(t.elapsed());
        let t = Instant::now();
        black_box(Engine::new(packs).expect("built-in packs"));
        compiles.push(t.elapsed());
    }
    parses.sort();
    compiles.sort();
    let engine = Engine::builtin().expect("built-in packs");
    let rules: usize = engine.packs().iter().map(|p| p.rule_count).sum();
    println!(
        "engine build ({} packs, {} rules): median {}, min {} over {} builds",
        engine.packs().len(),
        rules,
        fmt(builds[builds.len() / 2]),
        fmt(builds[0]),
        builds.len()
    );
    println!(
        "  of which parsing and validating packs {}, compiling {} (medians)",
        fmt(parses[parses.len() / 2]),
        fmt(compiles[compiles.len() / 2])
    );

    // The wasm's start: the built-in packs from the binary form the build writes, in parts.
    let bytes = Engine::builtin_binary().expect("built-in packs");
    let mut parts: Vec<(&'static str, Vec<Duration>)> = Vec::new();
    for _ in 0..10 {
        let mut last = Instant::now();
        let mut i = 0;
        black_box(
            Engine::from_binary_marked(&bytes, Vec::new(), &mut |name| {
                if parts.len() <= i {
                    parts.push((name, Vec::new()));
                }
                parts[i].1.push(last.elapsed());
                last = Instant::now();
                i += 1;
            })
            .expect("built-in packs"),
        );
    }
    let split: Vec<String> = parts
        .iter_mut()
        .map(|(name, v)| {
            v.sort();
            format!("{name} {}", fmt(v[v.len() / 2]))
        })
        .collect();
    println!(
        "engine from the build's binary form ({} KB, what the wasm starts from): {} (medians)",
        bytes.len() / 1024,
        split.join(", ")
    );

    let config = LintConfig {
        marketplace: Some(Marketplace::Amazon),
        ..LintConfig::default()
    };
    // An empty listing: what one lint costs before any text is read (issue 16: the
    // per-lint cost a JS caller pays on a clean listing, boundary aside).
    let empty = Listing::default();
    let (n, elapsed) = repeat(Duration::from_millis(500), || {
        black_box(engine.lint(black_box(&empty), &config));
    });
    println!(
        "lint, empty listing: {} per listing ({n} runs)",
        fmt(elapsed / n as u32)
    );

    // A typical listing: title, 5 bullets, a 2,000-character description.
    let listing = typical();
    let chars = listing.title.chars().count()
        + listing
            .bullets
            .iter()
            .map(|b| b.chars().count())
            .sum::<usize>()
        + listing.description.chars().count();
    let findings = engine.lint(&listing, &config).len();
    let (n, elapsed) = repeat(Duration::from_secs(2), || {
        black_box(engine.lint(black_box(&listing), &config));
    });
    println!(
        "lint, typical listing ({chars} characters, {findings} findings): {} per listing ({n} runs)",
        fmt(elapsed / n as u32)
    );

    // Hostile listings (issue 17 item 7): bounded by the per-field analysed length and
    // the per-rule finding cap, so they cost milliseconds, not seconds.
    for (name, listing) in [
        (
            "a risky word 20,000 times",
            Listing {
                title: "Watch".into(),
                description: "Rolex replica ".repeat(20_000),
                ..Listing::default()
            },
        ),
        (
            "an 80 KB description",
            Listing {
                title: "Watch".into(),
                description: "高仿 Rolex 1:1 AAA+ สินค้า dupe 🔥 ".repeat(80_000 / 48),
                ..Listing::default()
            },
        ),
    ] {
        let findings = engine.lint(&listing, &config).len();
        let (n, elapsed) = repeat(Duration::from_millis(500), || {
            black_box(engine.lint(black_box(&listing), &config));
        });
        println!(
            "lint, hostile listing ({name}, {findings} findings): {} per listing ({n} runs)",
            fmt(elapsed / n as u32)
        );
    }
    price_figures();

    // Throughput over a real catalogue.
    match std::fs::read_to_string(&corpus) {
        Err(e) => println!("corpus {corpus}: not read ({e}); throughput skipped"),
        Ok(text) => {
            let listings = scale::listings(&text);
            let bytes = scale::bytes(&listings);
            let t = Instant::now();
            let mut total = 0;
            for l in &listings {
                total += engine.lint(l, &config).len();
            }
            let elapsed = t.elapsed();
            println!(
                "throughput, {} listings of {corpus}: {:.0} listings/s, {:.1} MB/s, {} in all ({total} findings)",
                listings.len(),
                listings.len() as f64 / elapsed.as_secs_f64(),
                bytes as f64 / elapsed.as_secs_f64() / 1e6,
                fmt(elapsed),
            );
        }
    }
}

/// Price parsing: typical prices, and hostile 100 KB price fields (issue 17 item 9).
fn price_figures() {
    let typical = [
        "US $1,299.00",
        "1.299,00 €",
        "Rp1,2jt",
        "1.250.000đ",
        "2tr5",
        "299 บาท",
        "NT$990",
        "3万5",
    ];
    let (n, elapsed) = repeat(Duration::from_millis(500), || {
        for p in typical {
            let _ = black_box(listing_guard::parse_price(black_box(p), None));
        }
    });
    println!(
        "price parsing, typical prices: {} per price ({} parses)",
        fmt(elapsed / (n * typical.len()) as u32),
        n * typical.len()
    );
    for unit in ["$", "rs", "1 ", "usd "] {
        let hostile = unit.repeat(100_000 / unit.len());
        let t = Instant::now();
        let _ = black_box(listing_guard::parse_price(&hostile, None));
        println!("price parsing, 100 KB of {unit:?}: {}", fmt(t.elapsed()));
    }
}

fn repeat(budget: Duration, mut f: impl FnMut()) -> (usize, Duration) {
    let start = Instant::now();
    let mut n = 0;
    while start.elapsed() < budget {
        f();
        n += 1;
    }
    (n, start.elapsed())
}

fn fmt(d: Duration) -> String {
    let us = d.as_secs_f64() * 1e6;
    if us < 1000.0 {
        format!("{us:.1} µs")
    } else {
        format!("{:.2} ms", us / 1000.0)
    }
}

pub(crate) fn typical() -> Listing {
    let sentence = "This stainless steel water bottle keeps drinks cold for 24 hours and hot for 12, \
        with a leak-proof lid, a powder-coated finish that resists sweat and scratches, and a wide mouth \
        that takes ice cubes and fits most cup holders. ";
    let mut description = String::new();
    while description.len() < 2000 {
        description.push_str(sentence);
    }
    description.truncate(2000);
    Listing {
        title: "Insulated Stainless Steel Water Bottle 32 oz, Leak-Proof Lid, BPA-Free, for Sports and Travel".into(),
        bullets: vec![
            "KEEPS COLD 24 HOURS: double-wall vacuum insulation keeps water cold all day".into(),
            "LEAK-PROOF LID: the twist lid seals tight, so the bottle can ride in a bag".into(),
            "DURABLE: 18/8 stainless steel with a powder-coated finish that will not sweat".into(),
            "EASY TO CLEAN: wide mouth fits a bottle brush and ice cubes; dishwasher-safe lid".into(),
            "WHAT YOU GET: one 32 oz bottle, one lid and a one-year warranty from Acme".into(),
        ],
        description,
        brand: "Acme".into(),
        category: "Water bottles".into(),
        price: "$24.99".into(),
        ..Listing::default()
    }
}
