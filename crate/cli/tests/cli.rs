//! The command line as a user meets it: exit codes, formats, errors that name the line.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_listing-guard"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    // A command that exits before reading (bad usage) closes its stdin: that is fine.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    child.wait_with_output().expect("wait")
}

const RISKY: &str = "{\"id\":\"A1\",\"title\":\"🔥新款 Replica Rolex watch\",\"brand\":\"Acme\"}\n";
const CLEAN: &str =
    "{\"title\":\"Stainless steel water bottle\",\"brand\":\"Acme\",\"price\":\"$24.99\"}\n";

#[test]
fn exit_status_follows_fail_on() {
    assert_eq!(run(&["check", "-"], RISKY).status.code(), Some(1));
    assert_eq!(run(&["check", "-"], CLEAN).status.code(), Some(0));
    let info_only = "{\"title\":\"Mug\",\"price\":\"$8\",\"cost\":\"$9\"}\n";
    assert_eq!(run(&["check", "-"], info_only).status.code(), Some(0));
    assert_eq!(
        run(&["check", "--fail-on", "info", "-"], info_only)
            .status
            .code(),
        Some(1)
    );
}

#[test]
fn json_has_byte_and_utf16_spans() {
    let out = run(&["check", "--format", "json", "-"], RISKY);
    let text = String::from_utf8(out.stdout).unwrap();
    let first: serde_json::Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    assert_eq!(first["listing"], "A1");
    assert_eq!(first["rule"], "counterfeit.replica");
    assert_eq!(first["field"], "title");
    assert_eq!(
        (first["start"].as_u64(), first["end"].as_u64()),
        (Some(11), Some(18))
    );
    assert_eq!(
        (first["start_utf16"].as_u64(), first["end_utf16"].as_u64()),
        (Some(5), Some(12))
    );
}

#[test]
fn text_format_puts_carets_under_the_span() {
    let out = run(&["check", "-"], RISKY);
    let text = String::from_utf8(out.stdout).unwrap();
    // 🔥 and 新款 are two columns each: the carets start at column 7.
    assert!(
        text.contains("    🔥新款 Replica Rolex watch\n           ^^^^^^^\n"),
        "{text}"
    );
}

#[test]
fn a_marketplace_rule_says_its_marketplace() {
    let long = "{\"title\":\"Christmas Gift for Mom - Personalized Birthstone Necklace, Mother's Day & Valentine's Day Present\",\"marketplace\":\"ebay\"}\n";
    let text = String::from_utf8(run(&["check", "-"], long).stdout).unwrap();
    assert!(
        text.contains("warn: listing-format.title-length in title (eBay rule)"),
        "{text}"
    );
    let json = String::from_utf8(run(&["check", "--format", "json", "-"], long).stdout).unwrap();
    let f: serde_json::Value = serde_json::from_str(json.lines().next().unwrap()).unwrap();
    assert_eq!(f["marketplace"], "ebay");
    // Without a marketplace the eBay limit does not apply.
    let unknown = long.replace(",\"marketplace\":\"ebay\"", "");
    let text = String::from_utf8(run(&["check", "-"], &unknown).stdout).unwrap();
    assert!(!text.contains("title-length"), "{text}");
}

#[test]
fn chinese_messages_on_request() {
    let out = run(&["check", "--lang", "zh", "--format", "json", "-"], RISKY);
    assert!(String::from_utf8(out.stdout).unwrap().contains("仿制品"));
}

#[test]
fn bad_input_and_usage_exit_2_with_the_line() {
    let out = run(&["check", "-"], "{\"title\":\"ok\"}\n{broken\n");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("line 2: not JSON"));
    assert_eq!(
        run(&["check", "--format", "xml", "-"], CLEAN).status.code(),
        Some(2)
    );
    assert_eq!(run(&["frobnicate"], "").status.code(), Some(2));
    assert_eq!(
        run(&["check", "/no/such/file.jsonl"], "").status.code(),
        Some(2)
    );
}

#[test]
fn allow_brand_silences_that_brand() {
    let listing = "{\"title\":\"Nike running shoes\",\"brand\":\"Nike\"}\n";
    let out = run(
        &["check", "--format", "json", "--fail-on", "info", "-"],
        listing,
    );
    assert!(String::from_utf8(out.stdout).unwrap().contains("\"Nike\""));
    let out = run(
        &[
            "check",
            "--allow-brand",
            "Nike",
            "--format",
            "json",
            "--fail-on",
            "info",
            "-",
        ],
        listing,
    );
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn csv_input() {
    let dir = std::env::temp_dir().join(format!("lg-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("listings.csv");
    std::fs::write(
        &file,
        "id,title,brand,price\nr1,\"Replica Gucci belt, 1:1\",Acme,$15\nr2,Leather belt,Acme,$15\n",
    )
    .unwrap();
    let out = run(&["check", "--format", "json", file.to_str().unwrap()], "");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("\"listing\":\"r1\""));
    assert!(!text.contains("\"listing\":\"r2\""));
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn packs_list_and_check() {
    let out = run(&["packs", "list"], "");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("counterfeit ") && text.contains("rules") && text.contains("source:"));
    let dir = std::env::temp_dir().join(format!("lg-pack-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.toml");
    std::fs::write(&bad, "[pack]\nid = \"mine\"\nversion = \"1\"\nname = { en = \"Mine\" }\n\n[[rule]]\nid = \"x\"\nkind = \"pattern\"\npatterns = [\"(unclosed\"]\nseverity = \"warn\"\nmessage = { en = \"m\" }\n").unwrap();
    let out = run(&["packs", "check", bad.to_str().unwrap()], "");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("pack `mine`") && err.contains("rule `x`"),
        "{err}"
    );
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn eval_prints_noise_and_catch_rate() {
    let dir = std::env::temp_dir().join(format!("lg-eval-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let corpus = dir.join("corpus.csv");
    std::fs::write(
        &corpus,
        "id,title,category,brand,modelno,price\n\
         1,stainless steel water bottle,kitchen,acme,wb1,24.99\n\
         2,replica rolex watch,watches,acme,rw1,25.00\n\
         3,nike running shoes,shoes,nike,nr1,89.99\n",
    )
    .unwrap();
    let risky = dir.join("risky.jsonl");
    std::fs::write(
        &risky,
        "{\"id\":\"r1\",\"title\":\"Replica Rolex watch\",\"price\":\"$25\"}\n\
         {\"id\":\"r2\",\"title\":\"Plain cotton towel\"}\n",
    )
    .unwrap();
    let out = run(
        &[
            "eval",
            "--corpus",
            corpus.to_str().unwrap(),
            "--risky",
            risky.to_str().unwrap(),
        ],
        "",
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("3 listings"), "{text}");
    assert!(
        text.contains("with a block finding:      1 (33.33%)"),
        "{text}"
    );
    assert!(text.contains("counterfeit.replica"), "{text}");
    assert!(
        text.contains("2 listings; caught (a warn or block finding): 1 (50.0%)"),
        "{text}"
    );
    assert!(text.contains("r2: Plain cotton towel"), "{text}");
    assert!(!text.contains("r1: Replica"), "{text}");
    let bad = run(
        &["eval", "--corpus", dir.join("none.csv").to_str().unwrap()],
        "",
    );
    assert_eq!(bad.status.code(), Some(2));
    std::fs::remove_dir_all(dir).ok();
}
