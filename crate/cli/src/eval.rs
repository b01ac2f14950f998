//! `listing-guard eval`: how the packs do on genuine listings (noise) and on risky ones
//! (catch rate). It prints figures and never fails on them: exit 0, or 2 for bad usage or
//! unreadable input.
//!
//! - Genuine corpus (CSV with `title,category,brand,price`, prices in USD): each row is
//!   linted with its own `brand` allowed, as the seller of that brand would be. Printed: the
//!   share of listings with a `block` and with a `warn` finding, and the rules that fire most
//!   with the texts they matched, so the noise can be read.
//! - Risky set (JSON Lines, the `check` input format): the share of listings with at least
//!   one `warn` or `block` finding, and every listing that has none.
//! - Multilingual set (`--set DIR`, one `<lang>.jsonl` per language, labelled risky or genuine
//!   with a group): caught and false-alarm shares per language and group, and the misses and
//!   false alarms with the finding that fired (see `set`).
//!
//! `--only corpus,risky,set` runs only the reports named; by default all three run, and the
//! multilingual set is skipped with a note when its default directory is absent (run from the
//! repository root). `--show N` limits the misses and false alarms listed per language.

mod set;

use crate::{input, value, Common};
use listing_guard::{Engine, LintConfig, Listing, Severity};
use std::collections::HashMap;
use std::fmt::Write as _;

const DEFAULT_CORPUS: &str = "../shared/corpus/walmart-amazon/tableB_amazon.csv";
const DEFAULT_RISKY: &str = "tests/eval/risky.jsonl";
const DEFAULT_SET: &str = "tests/eval/multilingual";
const DEFAULT_SHOW: usize = 10;
const USAGE: &str = "usage: listing-guard eval [--corpus CSV] [--risky JSONL] [--set DIR] \
                     [--only corpus,risky,set] [--show N] [--pack FILE]... [--builtin]";
const TOP_RULES: usize = 15;
const TOP_TEXTS: usize = 5;

pub fn run(args: &[String]) -> Result<u8, String> {
    let mut common = Common::default();
    let mut corpus = DEFAULT_CORPUS.to_string();
    let mut risky = DEFAULT_RISKY.to_string();
    let mut set_dir: Option<String> = None;
    let mut only: Option<Vec<String>> = None;
    let mut show = DEFAULT_SHOW;
    let mut i = 0;
    while i < args.len() {
        if common.take(args, &mut i)? {
            i += 1;
            continue;
        }
        match args[i].as_str() {
            "--corpus" => corpus = value(args, &mut i)?,
            "--risky" => risky = value(args, &mut i)?,
            "--set" => set_dir = Some(value(args, &mut i)?),
            "--show" => {
                let v = value(args, &mut i)?;
                show = v
                    .parse()
                    .map_err(|_| format!("--show: `{v}` is not a number"))?;
            }
            "--only" => {
                let v = value(args, &mut i)?;
                let names: Vec<String> = v.split(',').map(|s| s.trim().to_string()).collect();
                if let Some(bad) = names
                    .iter()
                    .find(|n| !["corpus", "risky", "set"].contains(&n.as_str()))
                {
                    return Err(format!(
                        "--only: `{bad}` is not corpus, risky or set\n\n{USAGE}"
                    ));
                }
                only = Some(names);
            }
            s => return Err(format!("eval: unknown argument `{s}`\n\n{USAGE}")),
        }
        i += 1;
    }
    let wants = |name: &str| only.as_ref().is_none_or(|o| o.iter().any(|n| n == name));
    // Read every input before linting, so a bad path fails fast.
    let genuine = if wants("corpus") {
        Some(read_corpus(&corpus)?)
    } else {
        None
    };
    let risky_rows = if wants("risky") {
        let text = std::fs::read_to_string(&risky).map_err(|e| format!("{risky}: {e}"))?;
        Some(input::read(&text, false).map_err(|e| format!("{risky}: {e}"))?)
    } else {
        None
    };
    let explicit_set = set_dir.is_some();
    let set_dir = set_dir.unwrap_or_else(|| DEFAULT_SET.to_string());
    let set_cases = if !wants("set") {
        None
    } else if !explicit_set && only.is_none() && !std::path::Path::new(&set_dir).is_dir() {
        println!(
            "multilingual set: {set_dir} not found, skipped (run from the repository root or \
             give --set DIR)\n"
        );
        None
    } else {
        Some(set::read_dir(&set_dir)?)
    };
    let engine = common.engine()?;
    let mut config = LintConfig::default();
    if let Some(lang) = common.lang {
        config.lang = lang;
    }
    let mut first = true;
    let mut gap = || {
        if !std::mem::take(&mut first) {
            println!();
        }
    };
    if let Some(genuine) = genuine {
        gap();
        print!("{}", genuine_report(&engine, &config, &corpus, &genuine));
    }
    if let Some(rows) = risky_rows {
        gap();
        let listings: Vec<(String, Listing)> = rows
            .into_iter()
            .map(|r| {
                let name = r
                    .listing
                    .id
                    .clone()
                    .unwrap_or_else(|| format!("line {}", r.line));
                (name, r.listing)
            })
            .collect();
        print!("{}", risky_report(&engine, &config, &risky, &listings));
    }
    if let Some(cases) = set_cases {
        gap();
        print!("{}", set::report(&engine, &config, &set_dir, &cases, show));
    }
    Ok(0)
}

/// The corpus rows as listings: title, category, brand, price in USD.
fn read_corpus(path: &str) -> Result<Vec<Listing>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| format!("{path}: unreadable CSV header: {e}"))?
        .clone();
    let col = |name: &str| headers.iter().position(|h| h.trim() == name);
    let Some(title) = col("title") else {
        return Err(format!("{path}: no `title` column"));
    };
    let (category, brand, price) = (col("category"), col("brand"), col("price"));
    let mut listings = Vec::new();
    for record in reader.records() {
        let r = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            format!("{path}: line {line}: unreadable CSV row: {e}")
        })?;
        let get = |c: Option<usize>| c.and_then(|c| r.get(c)).unwrap_or("").to_string();
        listings.push(Listing {
            title: get(Some(title)),
            category: get(category),
            brand: get(brand),
            price: get(price),
            currency: Some("USD".into()),
            ..Listing::default()
        });
    }
    Ok(listings)
}

fn pct(n: usize, total: usize) -> f64 {
    if total == 0 {
        0.0
    } else {
        n as f64 * 100.0 / total as f64
    }
}

#[derive(Default)]
struct RuleTally {
    findings: usize,
    listings: usize,
    by_severity: [usize; 3],
    texts: HashMap<String, usize>,
}

fn genuine_report(engine: &Engine, base: &LintConfig, path: &str, listings: &[Listing]) -> String {
    let mut with = [0usize; 3];
    let mut rules: HashMap<String, RuleTally> = HashMap::new();
    for l in listings {
        let mut config = base.clone();
        if !l.brand.trim().is_empty() {
            config.allow_brands = vec![l.brand.clone()];
        }
        let findings = engine.lint(l, &config);
        let mut seen = [false; 3];
        let mut seen_rules: Vec<&str> = Vec::new();
        for f in &findings {
            seen[f.severity as usize] = true;
            let t = rules.entry(f.rule.clone()).or_default();
            t.findings += 1;
            t.by_severity[f.severity as usize] += 1;
            let text = if f.text.is_empty() {
                format!("[{}]", f.field.role.as_str())
            } else {
                f.text.to_lowercase()
            };
            *t.texts.entry(text).or_default() += 1;
            if !seen_rules.contains(&f.rule.as_str()) {
                seen_rules.push(&f.rule);
                t.listings += 1;
            }
        }
        for s in 0..3 {
            with[s] += usize::from(seen[s]);
        }
    }
    let n = listings.len();
    let mut out = String::new();
    let _ = writeln!(out, "genuine corpus: {path}");
    let _ = writeln!(
        out,
        "  {n} listings, each linted with its own brand allowed"
    );
    for (sev, target) in [
        (Severity::Block, Some(0.5)),
        (Severity::Warn, Some(3.0)),
        (Severity::Info, None),
    ] {
        let count = with[sev as usize];
        let share = pct(count, n);
        let verdict = match target {
            Some(t) if share < t => format!("  (target < {t}%: met)"),
            Some(t) => format!("  (target < {t}%: NOT met)"),
            None => String::new(),
        };
        let _ = writeln!(
            out,
            "  with a {:<5} finding: {count:>6} ({share:.2}%){verdict}",
            sev.as_str()
        );
    }
    let mut ranked: Vec<(&String, &RuleTally)> = rules.iter().collect();
    ranked.sort_by(|a, b| b.1.findings.cmp(&a.1.findings).then(a.0.cmp(b.0)));
    let _ = writeln!(
        out,
        "  top rules by findings ({} rules fired):",
        ranked.len()
    );
    for (rule, t) in ranked.iter().take(TOP_RULES) {
        let sev: Vec<String> = [Severity::Block, Severity::Warn, Severity::Info]
            .iter()
            .filter(|s| t.by_severity[**s as usize] > 0)
            .map(|s| format!("{} {}", s.as_str(), t.by_severity[*s as usize]))
            .collect();
        let mut texts: Vec<(&String, &usize)> = t.texts.iter().collect();
        texts.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let texts: Vec<String> = texts
            .iter()
            .take(TOP_TEXTS)
            .map(|(text, c)| format!("“{text}” {c}"))
            .collect();
        let _ = writeln!(
            out,
            "    {rule}: {} findings in {} listings ({})\n        {}",
            t.findings,
            t.listings,
            sev.join(", "),
            texts.join(", ")
        );
    }
    out
}

fn risky_report(
    engine: &Engine,
    base: &LintConfig,
    path: &str,
    listings: &[(String, Listing)],
) -> String {
    let mut caught = 0;
    let mut blocked = 0;
    let mut missed = Vec::new();
    for (name, l) in listings {
        let mut config = base.clone();
        if l.marketplace.is_some() {
            config.marketplace = l.marketplace;
        }
        let findings = engine.lint(l, &config);
        let top = findings.iter().map(|f| f.severity).max();
        match top {
            Some(Severity::Block) => {
                caught += 1;
                blocked += 1;
            }
            Some(Severity::Warn) => caught += 1,
            _ => missed.push((name, l, top.is_some())),
        }
    }
    let n = listings.len();
    let share = pct(caught, n);
    let mut out = String::new();
    let _ = writeln!(out, "risky set: {path}");
    let _ = writeln!(
        out,
        "  {n} listings; caught (a warn or block finding): {caught} ({share:.1}%)  (target ≥ 95%: {})",
        if share >= 95.0 { "met" } else { "NOT met" }
    );
    let _ = writeln!(
        out,
        "  with a block finding: {blocked} ({:.1}%)",
        pct(blocked, n)
    );
    let _ = writeln!(out, "  missed: {}", missed.len());
    for (name, l, info) in missed {
        let _ = writeln!(
            out,
            "    {name}: {}{}",
            l.title,
            if info { "  [info only]" } else { "" }
        );
    }
    out
}
