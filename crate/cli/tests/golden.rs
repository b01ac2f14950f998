//! Golden files: the findings for a corpus of listings (tests/golden/listings.jsonl) must
//! stay exactly as recorded in tests/golden/findings.jsonl. A change in the packs or the
//! engine that moves them shows up here as a diff to review.
//! Regenerate after an intended change: UPDATE_GOLDEN=1 cargo test -p listing-guard-cli --test golden

use std::path::PathBuf;
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn findings_match_the_golden_file() {
    let dir = root().join("tests/golden");
    let out = Command::new(env!("CARGO_BIN_EXE_listing-guard"))
        .args(["check", "--format", "json", "--fail-on", "block"])
        .arg(dir.join("listings.jsonl"))
        .output()
        .expect("run listing-guard");
    assert_eq!(out.status.code(), Some(1), "the corpus has block findings");
    let got = String::from_utf8(out.stdout).expect("utf-8");
    let path = dir.join("findings.jsonl");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &got).expect("write golden");
        return;
    }
    let want = std::fs::read_to_string(&path).expect("golden file (UPDATE_GOLDEN=1 to create)");
    if got != want {
        let diff: Vec<String> = want
            .lines()
            .filter(|l| !got.lines().any(|g| g == *l))
            .map(|l| format!("- {l}"))
            .chain(
                got.lines()
                    .filter(|g| !want.lines().any(|l| l == *g))
                    .map(|g| format!("+ {g}")),
            )
            .collect();
        panic!(
            "findings differ from {}:\n{}",
            path.display(),
            diff.join("\n")
        );
    }
}
