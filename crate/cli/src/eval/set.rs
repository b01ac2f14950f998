//! The multilingual evaluation set (`tests/eval/multilingual/<lang>.jsonl`): listings written
//! by hand in each language sellers use, each labelled `risky` or `genuine` and with a group.
//! This module reads the set and prints, per language and per group, the share of risky
//! listings caught (a `warn` or `block` finding) and the share of genuine listings with a
//! false alarm (a `warn` or `block`) and with a `block`, then the misses and false alarms with
//! the finding that fired. It measures; it never fails on the figures.
//!
//! Each line is a listing in the `check` input format plus labels that are not listing text:
//! `lang`, `expect` (`risky` or `genuine`), `group`, `why` and, for genuine resale,
//! `resell_brands` (passed as the seller's resell brands: reseller mode, `LintConfig::resell_brands`).

use super::pct;
use crate::input;
use listing_guard::{Engine, Finding, LintConfig, Listing, Severity};
use serde_json::Value;
use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::path::Path;

/// The risky groups, in report order.
pub const RISKY_GROUPS: [&str; 8] = [
    "counterfeit",
    "brand",
    "restricted",
    "claims",
    "contact",
    "price",
    "evasion",
    "new-category",
];
/// The genuine groups, in report order.
pub const GENUINE_GROUPS: [&str; 2] = ["genuine-everyday", "genuine-resale"];

/// Keys of a line that label it and are not listing text.
const LABEL_KEYS: [&str; 5] = ["lang", "expect", "group", "why", "resell_brands"];

/// One labelled listing of the set.
#[derive(Debug)]
pub struct Case {
    pub file: String,
    pub line: usize,
    pub id: String,
    pub lang: String,
    pub risky: bool,
    pub group: String,
    pub why: String,
    pub resell_brands: Vec<String>,
    pub listing: Listing,
}

/// Reads every `*.jsonl` file of `dir`, in name order.
pub fn read_dir(dir: &str) -> Result<Vec<Case>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{dir}: {e}"))?;
    let mut files: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(format!("{dir}: no .jsonl files"));
    }
    let mut cases = Vec::new();
    let mut ids = HashSet::new();
    for path in files {
        for case in read_file(&path)? {
            if !ids.insert(case.id.clone()) {
                return Err(format!(
                    "{}: line {}: id `{}` used twice",
                    case.file, case.line, case.id
                ));
            }
            cases.push(case);
        }
    }
    Ok(cases)
}

/// Reads one file; its name without `.jsonl` is the language every line must carry.
pub fn read_file(path: &Path) -> Result<Vec<Case>, String> {
    let file = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| format!("{file}: {e}"))?;
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_string();
    let mut cases = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let at = |m: String| format!("{file}: line {}: {m}", i + 1);
        let value: Value = serde_json::from_str(line).map_err(|e| at(format!("not JSON: {e}")))?;
        let Value::Object(mut map) = value else {
            return Err(at("expected one JSON object per line".into()));
        };
        let label = |map: &serde_json::Map<String, Value>, key: &str| -> Result<String, String> {
            match map.get(key) {
                Some(Value::String(s)) if !s.trim().is_empty() => Ok(s.clone()),
                _ => Err(at(format!("`{key}` must be a non-empty string"))),
            }
        };
        let id = label(&map, "id")?;
        let lang = label(&map, "lang")?;
        let expect = label(&map, "expect")?;
        let group = label(&map, "group")?;
        let why = label(&map, "why")?;
        if lang != stem {
            return Err(at(format!(
                "`lang` is `{lang}` in a file named {stem}.jsonl"
            )));
        }
        let risky = match expect.as_str() {
            "risky" => true,
            "genuine" => false,
            e => return Err(at(format!("`expect` is `{e}`, not risky or genuine"))),
        };
        let known = if risky {
            RISKY_GROUPS.contains(&group.as_str())
        } else {
            GENUINE_GROUPS.contains(&group.as_str())
        };
        if !known {
            let list = if risky {
                &RISKY_GROUPS[..]
            } else {
                &GENUINE_GROUPS[..]
            };
            return Err(at(format!(
                "group `{group}` is not a {expect} group ({})",
                list.join(", ")
            )));
        }
        let resell_brands = match map.get("resell_brands") {
            None => Vec::new(),
            Some(Value::Array(items)) => items
                .iter()
                .map(|v| v.as_str().map(str::to_owned))
                .collect::<Option<Vec<_>>>()
                .ok_or_else(|| at("`resell_brands` must be a list of strings".into()))?,
            Some(_) => return Err(at("`resell_brands` must be a list of strings".into())),
        };
        for key in LABEL_KEYS {
            map.remove(key);
        }
        let stripped = Value::Object(map).to_string();
        let mut rows = input::read(&stripped, false).map_err(|e| at(e.message))?;
        let Some(row) = rows.pop() else {
            return Err(at("empty listing".into()));
        };
        cases.push(Case {
            file: file.clone(),
            line: i + 1,
            id,
            lang,
            risky,
            group,
            why,
            resell_brands,
            listing: row.listing,
        });
    }
    Ok(cases)
}

/// What linting one case gave.
struct Outcome<'a> {
    case: &'a Case,
    findings: Vec<Finding>,
    top: Option<Severity>,
}

impl Outcome<'_> {
    /// Risky: caught. Genuine: a false alarm.
    fn alarmed(&self) -> bool {
        self.top >= Some(Severity::Warn)
    }
    fn blocked(&self) -> bool {
        self.top == Some(Severity::Block)
    }
}

#[derive(Default, Clone, Copy)]
struct Tally {
    n: usize,
    alarmed: usize,
    blocked: usize,
}

impl Tally {
    fn add(&mut self, o: &Outcome) {
        self.n += 1;
        self.alarmed += usize::from(o.alarmed());
        self.blocked += usize::from(o.blocked());
    }
}

/// The report on `cases`; `show` is how many misses and false alarms to list per language.
pub fn report(
    engine: &Engine,
    base: &LintConfig,
    dir: &str,
    cases: &[Case],
    show: usize,
) -> String {
    let outcomes: Vec<Outcome> = cases
        .iter()
        .map(|case| {
            let mut config = base.clone();
            if case.listing.marketplace.is_some() {
                config.marketplace = case.listing.marketplace;
            }
            config.resell_brands.extend(
                case.resell_brands
                    .iter()
                    .map(|b| listing_guard::ResellBrand::from(b.as_str())),
            );
            let findings = engine.lint(&case.listing, &config);
            let top = findings.iter().map(|f| f.severity).max();
            Outcome {
                case,
                findings,
                top,
            }
        })
        .collect();
    let mut langs: Vec<&str> = Vec::new();
    for c in cases {
        if !langs.contains(&c.lang.as_str()) {
            langs.push(&c.lang);
        }
    }
    // (lang, group) → tally; lang "" is the total over languages.
    let mut cell: BTreeMap<(&str, &str), Tally> = BTreeMap::new();
    let mut risky_by_lang: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut genuine_by_lang: BTreeMap<&str, Tally> = BTreeMap::new();
    for o in &outcomes {
        let (lang, group) = (o.case.lang.as_str(), o.case.group.as_str());
        cell.entry((lang, group)).or_default().add(o);
        cell.entry(("", group)).or_default().add(o);
        let by = if o.case.risky {
            &mut risky_by_lang
        } else {
            &mut genuine_by_lang
        };
        by.entry(lang).or_default().add(o);
        by.entry("").or_default().add(o);
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "multilingual set: {dir}\n  {} listings in {} languages; risky caught = a warn or block \
         finding; genuine ≥warn = a warn or block finding (a false alarm), block = a block finding",
        cases.len(),
        langs.len()
    );
    let _ = writeln!(
        out,
        "  targets: risky ≥ 95% caught per language and group; genuine ≤ 1% ≥warn, 0 block\n"
    );

    // Per language.
    let _ = writeln!(
        out,
        "  {:<8} {:>5} {:>14} {:>7}   {:>5} {:>13} {:>11}",
        "lang", "risky", "caught", "block", "genu.", "≥warn", "block"
    );
    let row = |out: &mut String, name: &str, r: Tally, g: Tally| {
        let _ = writeln!(
            out,
            "  {:<8} {:>5} {:>5} ({:>5.1}%) {:>7}   {:>5} {:>4} ({:>5.1}%) {:>3} ({:>4.1}%)",
            name,
            r.n,
            r.alarmed,
            pct(r.alarmed, r.n),
            r.blocked,
            g.n,
            g.alarmed,
            pct(g.alarmed, g.n),
            g.blocked,
            pct(g.blocked, g.n)
        );
    };
    for lang in &langs {
        let r = risky_by_lang.get(lang).copied().unwrap_or_default();
        let g = genuine_by_lang.get(lang).copied().unwrap_or_default();
        row(&mut out, lang, r, g);
    }
    row(
        &mut out,
        "total",
        risky_by_lang.get("").copied().unwrap_or_default(),
        genuine_by_lang.get("").copied().unwrap_or_default(),
    );

    // Per group, over all languages.
    let _ = writeln!(
        out,
        "\n  {:<17} {:>5} {:>16} {:>14}",
        "group", "n", "caught / ≥warn", "block"
    );
    for group in RISKY_GROUPS.iter().chain(GENUINE_GROUPS.iter()) {
        let t = cell.get(&("", *group)).copied().unwrap_or_default();
        let _ = writeln!(
            out,
            "  {:<17} {:>5} {:>8} ({:>5.1}%) {:>6} ({:>5.1}%)",
            group,
            t.n,
            t.alarmed,
            pct(t.alarmed, t.n),
            t.blocked,
            pct(t.blocked, t.n)
        );
    }

    // Language × group: risky groups as % caught, genuine groups as %≥warn/%block.
    let short = |g: &str| -> String {
        match g {
            "counterfeit" => "cntft".into(),
            "restricted" => "restr".into(),
            "new-category" => "newcat".into(),
            "genuine-everyday" => "everyday w/b".into(),
            "genuine-resale" => "resale w/b".into(),
            g => g.chars().take(7).collect(),
        }
    };
    let _ = write!(
        out,
        "\n  % per language and group (risky: caught; genuine: ≥warn/block)\n  {:<8}",
        "lang"
    );
    for g in RISKY_GROUPS {
        let _ = write!(out, " {:>7}", short(g));
    }
    for g in GENUINE_GROUPS {
        let _ = write!(out, " {:>13}", short(g));
    }
    out.push('\n');
    for lang in langs.iter().copied().chain(std::iter::once("")) {
        let _ = write!(out, "  {:<8}", if lang.is_empty() { "total" } else { lang });
        for g in RISKY_GROUPS {
            match cell.get(&(lang, g)) {
                Some(t) => {
                    let _ = write!(out, " {:>6.0}%", pct(t.alarmed, t.n));
                }
                None => {
                    let _ = write!(out, " {:>7}", "-");
                }
            }
        }
        for g in GENUINE_GROUPS {
            match cell.get(&(lang, g)) {
                Some(t) => {
                    let s = format!("{:.0}/{:.0}", pct(t.alarmed, t.n), pct(t.blocked, t.n));
                    let _ = write!(out, " {s:>13}");
                }
                None => {
                    let _ = write!(out, " {:>13}", "-");
                }
            }
        }
        out.push('\n');
    }

    // Misses and false alarms, per language.
    if show > 0 {
        for lang in &langs {
            let misses: Vec<&Outcome> = outcomes
                .iter()
                .filter(|o| o.case.lang == *lang && o.case.risky && !o.alarmed())
                .collect();
            let alarms: Vec<&Outcome> = outcomes
                .iter()
                .filter(|o| o.case.lang == *lang && !o.case.risky && o.alarmed())
                .collect();
            if misses.is_empty() && alarms.is_empty() {
                continue;
            }
            let _ = writeln!(
                out,
                "\n  {lang}: {} missed, {} false alarms",
                misses.len(),
                alarms.len()
            );
            for o in misses.iter().take(show) {
                let info = match o.findings.first() {
                    Some(f) => format!("  [info only: {}]", f.rule),
                    None => String::new(),
                };
                let _ = writeln!(
                    out,
                    "    miss  {} ({}): {}{info}",
                    o.case.id,
                    o.case.why,
                    clip(&o.case.listing.title, 70)
                );
            }
            if misses.len() > show {
                let _ = writeln!(out, "    … {} more missed", misses.len() - show);
            }
            for o in alarms.iter().take(show) {
                let fired: Vec<String> = o
                    .findings
                    .iter()
                    .filter(|f| f.severity >= Severity::Warn)
                    .map(|f| {
                        let text = if f.text.is_empty() {
                            format!("[{}]", f.field.role.as_str())
                        } else {
                            format!("“{}”", f.text)
                        };
                        format!("{} {} {text}", f.severity.as_str(), f.rule)
                    })
                    .collect();
                let _ = writeln!(
                    out,
                    "    alarm {}: {}\n          {}",
                    o.case.id,
                    clip(&o.case.listing.title, 70),
                    fired.join("; ")
                );
            }
            if alarms.len() > show {
                let _ = writeln!(out, "    … {} more false alarms", alarms.len() - show);
            }
        }
    }
    out
}

fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let cut: String = s.chars().take(max).collect();
        format!("{cut}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    const SET: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/eval/multilingual");
    const LANGS: [&str; 13] = [
        "en", "zh-Hans", "zh-Hant", "id", "ms", "th", "vi", "tl", "es", "pt", "de", "fr", "it",
    ];

    #[test]
    fn the_set_parses_and_each_language_is_big_enough() {
        let cases = read_dir(SET).unwrap();
        let mut counts: HashMap<(&str, &str), usize> = HashMap::new();
        for c in &cases {
            *counts
                .entry((&c.lang, if c.risky { "risky" } else { "genuine" }))
                .or_default() += 1;
            *counts.entry((&c.lang, &c.group)).or_default() += 1;
            if c.group == "genuine-resale" {
                assert!(!c.resell_brands.is_empty(), "{}: no resell_brands", c.id);
            }
            assert!(!c.listing.title.is_empty(), "{}: no title", c.id);
        }
        for lang in LANGS {
            let n = |k: &str| counts.get(&(lang, k)).copied().unwrap_or(0);
            assert!(n("risky") >= 40, "{lang}: {} risky", n("risky"));
            assert!(n("genuine") >= 33, "{lang}: {} genuine", n("genuine"));
            assert!(
                n("genuine-everyday") >= 25,
                "{lang}: everyday {}",
                n("genuine-everyday")
            );
            assert!(
                n("genuine-resale") >= 8,
                "{lang}: resale {}",
                n("genuine-resale")
            );
        }
    }

    #[test]
    fn report_counts_catches_misses_and_false_alarms() {
        let dir = std::env::temp_dir().join(format!("lg-eval-report-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("xx.jsonl");
        std::fs::write(
            &path,
            "{\"id\":\"r1\",\"lang\":\"xx\",\"expect\":\"risky\",\"group\":\"counterfeit\",\"why\":\"w\",\"title\":\"Replica Rolex watch\"}\n\
             {\"id\":\"r2\",\"lang\":\"xx\",\"expect\":\"risky\",\"group\":\"claims\",\"why\":\"w\",\"title\":\"Plain cotton towel\"}\n\
             {\"id\":\"g1\",\"lang\":\"xx\",\"expect\":\"genuine\",\"group\":\"genuine-everyday\",\"why\":\"w\",\"title\":\"Plain cotton towel\"}\n",
        )
        .unwrap();
        let cases = read_dir(dir.to_str().unwrap()).unwrap();
        let engine = Engine::new(listing_guard::builtin_packs().unwrap()).unwrap();
        let out = report(&engine, &LintConfig::default(), "d", &cases, 5);
        assert!(out.contains("3 listings in 1 languages"), "{out}");
        assert!(out.contains("xx: 1 missed, 0 false alarms"), "{out}");
        assert!(out.contains("miss  r2 (w): Plain cotton towel"), "{out}");
        assert!(!out.contains("miss  r1"), "{out}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn labels_are_not_linted_as_text_and_bad_labels_are_named() {
        let dir = std::env::temp_dir().join(format!("lg-eval-set-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("xx.jsonl");
        std::fs::write(
            &path,
            "{\"id\":\"a\",\"lang\":\"xx\",\"expect\":\"genuine\",\"group\":\"genuine-resale\",\
             \"why\":\"w\",\"title\":\"T\",\"resell_brands\":[\"B\"]}\n",
        )
        .unwrap();
        let cases = read_file(&path).unwrap();
        assert_eq!(cases[0].resell_brands, ["B"]);
        assert!(
            cases[0].listing.other.is_empty(),
            "{:?}",
            cases[0].listing.other
        );
        std::fs::write(
            &path,
            "{\"id\":\"a\",\"lang\":\"xx\",\"expect\":\"risky\",\"group\":\"genuine-resale\",\"why\":\"w\",\"title\":\"T\"}\n",
        )
        .unwrap();
        let err = read_file(&path).unwrap_err();
        assert!(
            err.contains("line 1") && err.contains("not a risky group"),
            "{err}"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
