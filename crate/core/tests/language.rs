//! Measures the language detector on short listing titles written for this project
//! (`tests/data/lang-titles.tsv`, 12 per language) and prints the figures:
//! `cargo test -p listing-guard --test language -- --nocapture`.
//!
//! "confident" is a verdict the engine acts on (a tagged word for another language is
//! then silenced); "wrong" is a confident verdict that does not contain the title's
//! language. Indonesian and Malay read as one language here (hint words narrow them
//! inside the engine, see `pack_format.rs`). The test fails on any confident misread.

use listing_guard::{detect_language, Language};
use std::collections::BTreeMap;

#[test]
fn detector_on_short_titles() {
    let data = include_str!("data/lang-titles.tsv");
    let mut by_lang: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
    let mut wrong = Vec::new();
    for line in data
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let (code, text) = line.split_once('\t').expect("code TAB text");
        let want = Language::parse(code).expect("a known code");
        let got = detect_language(text);
        let e = by_lang.entry(code).or_default();
        e.0 += 1;
        if !got.is_any() {
            e.1 += 1;
            if got.contains(want) {
                e.2 += 1;
            } else {
                wrong.push(format!(
                    "{code}: {text:?} read as {:?}",
                    got.languages().collect::<Vec<_>>()
                ));
            }
        }
    }
    let (mut n, mut conf, mut right) = (0, 0, 0);
    println!("language  titles  confident  right");
    for (code, (t, c, r)) in &by_lang {
        println!("{code:<8}  {t:>6}  {c:>9}  {r:>5}");
        n += t;
        conf += c;
        right += r;
    }
    println!("all       {n:>6}  {conf:>9}  {right:>5}");
    assert!(
        wrong.is_empty(),
        "confident misreads:\n{}",
        wrong.join("\n")
    );
    assert_eq!(by_lang.len(), 12, "every language has titles");
}
