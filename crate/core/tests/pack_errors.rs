//! Malformed packs are refused with an error that names the pack, the rule, the key
//! and the position; limits hold against hostile packs.

use listing_guard::{Engine, Pack, PackErrorKind};

const HEAD: &str =
    "[pack]\nid = \"mine\"\nversion = \"1\"\nname = { en = \"Mine\", zh = \"我的\" }\n\n";

fn rule(body: &str) -> String {
    format!("{HEAD}[[rule]]\nid = \"r1\"\nmessage = \"m\"\npolicy = {{ name = \"p\" }}\n{body}\n")
}

struct Case {
    name: &'static str,
    source: String,
    kind: PackErrorKind,
    /// Substrings the error's Display must contain.
    says: &'static [&'static str],
}

#[test]
fn malformed_packs_are_refused_with_location() {
    let cases = vec![
        Case {
            name: "not toml",
            source: format!("{HEAD}[[rule]\nid = \"r1\""),
            kind: PackErrorKind::Syntax,
            says: &["pack `mine`", "line 6"],
        },
        Case {
            name: "unknown key (typo)",
            source: rule("kind = \"term\"\nserverity = \"warn\"\nterms = [\"x\"]"),
            kind: PackErrorKind::Syntax,
            says: &["pack `mine`", "rule `r1`", "serverity", "line"],
        },
        Case {
            name: "unknown fix kind",
            source: rule("kind = \"term\"\nseverity = \"warn\"\nterms = [\"x\"]\nfixes = [{ kind = \"rewrite\" }]\n[rule.examples]\nfix = [{ text = \"x\", result = \"\" }]"),
            kind: PackErrorKind::Invalid,
            says: &["pack `mine`", "rule `r1`", "fixes[0]", "rewrite"],
        },
        Case {
            name: "fixes without a fix example",
            source: rule("kind = \"term\"\nseverity = \"warn\"\nterms = [\"x\"]\nfixes = [{ kind = \"remove\" }]"),
            kind: PackErrorKind::Invalid,
            says: &["pack `mine`", "rule `r1`", "examples.fix"],
        },
        Case {
            name: "replace without with",
            source: rule("kind = \"term\"\nseverity = \"warn\"\nterms = [\"x\"]\nfixes = [{ kind = \"replace\" }]\n[rule.examples]\nfix = [{ text = \"x\", result = \"\" }]"),
            kind: PackErrorKind::Invalid,
            says: &["rule `r1`", "fixes[0]", "with"],
        },
        Case {
            name: "bad regex",
            source: rule("kind = \"pattern\"\nseverity = \"warn\"\npatterns = [\"ok\", \"(unclosed\"]"),
            kind: PackErrorKind::Pattern,
            says: &["pack `mine`", "rule `r1`", "patterns[1]", "line 6"],
        },
        Case {
            name: "unknown severity",
            source: rule("kind = \"term\"\nseverity = \"fatal\"\nterms = [\"x\"]"),
            kind: PackErrorKind::Invalid,
            says: &["rule `r1`", "severity", "fatal"],
        },
        Case {
            name: "unknown marketplace in severity",
            source: rule("kind = \"term\"\nseverity = { default = \"warn\", amazom = \"block\" }\nterms = [\"x\"]"),
            kind: PackErrorKind::Invalid,
            says: &["amazom"],
        },
        Case {
            name: "unknown kind",
            source: rule("kind = \"magic\"\nseverity = \"warn\""),
            kind: PackErrorKind::Invalid,
            says: &["rule `r1`", "key `kind`", "magic"],
        },
        Case {
            name: "key of another kind",
            source: rule("kind = \"term\"\nseverity = \"warn\"\nterms = [\"x\"]\npatterns = [\"y\"]"),
            kind: PackErrorKind::Invalid,
            says: &["patterns", "term"],
        },
        Case {
            name: "bad id",
            source: HEAD.replace("\"mine\"", "\"Mine Pack\""),
            kind: PackErrorKind::Invalid,
            says: &["pack.id", "line 2"],
        },
        Case {
            name: "duplicate rule ids",
            source: format!(
                "{}\n[[rule]]\nid = \"r1\"\nkind = \"term\"\nseverity = \"warn\"\nterms = [\"y\"]\nmessage = \"m\"\npolicy = {{ name = \"p\" }}\n",
                rule("kind = \"term\"\nseverity = \"warn\"\nterms = [\"x\"]")
            ),
            kind: PackErrorKind::Conflict,
            says: &["rule `r1`"],
        },
        Case {
            name: "empty term",
            source: rule("kind = \"term\"\nseverity = \"warn\"\nterms = [\"x\", \"  \"]"),
            kind: PackErrorKind::Invalid,
            says: &["terms[1]"],
        },
        Case {
            name: "pattern too long",
            source: rule(&format!("kind = \"pattern\"\nseverity = \"warn\"\npatterns = [\"{}\"]", "a".repeat(2000))),
            kind: PackErrorKind::Limit,
            says: &["patterns[0]", "limit"],
        },
        Case {
            name: "regex that compiles too large",
            source: rule("kind = \"pattern\"\nseverity = \"warn\"\npatterns = ['\\w{1000}\\w{1000}']"),
            kind: PackErrorKind::Pattern,
            says: &["patterns[0]"],
        },
        Case {
            name: "bad example",
            source: rule("kind = \"term\"\nseverity = \"warn\"\nterms = [\"x\"]\n[rule.examples]\nfire = [{ marketplace = \"mars\" }]"),
            kind: PackErrorKind::Invalid,
            says: &["examples.fire[0]", "mars"],
        },
    ];
    let mut failures = Vec::new();
    for c in &cases {
        match Pack::parse(&c.source) {
            Ok(_) => failures.push(format!("{}: accepted", c.name)),
            Err(e) => {
                let shown = e.to_string();
                if e.kind() != c.kind {
                    failures.push(format!(
                        "{}: kind {:?}, want {:?} ({shown})",
                        c.name,
                        e.kind(),
                        c.kind
                    ));
                }
                for s in c.says {
                    if !shown.contains(s) {
                        failures.push(format!("{}: {shown:?} does not say {s:?}", c.name));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn duplicate_pack_ids_and_dangling_references_are_refused() {
    let a = Pack::parse(&rule(
        "kind = \"term\"\nseverity = \"warn\"\nterms = [\"x\"]",
    ))
    .unwrap();
    let err = Engine::new(vec![a.clone(), a]).err().unwrap();
    assert_eq!(err.kind(), PackErrorKind::Conflict);
    assert!(err.to_string().contains("mine"));

    let floor = Pack::parse(&rule(
        "kind = \"price-floor\"\nseverity = \"warn\"\nfloors = [{ brand = \"Nobody\", product = \"watch\", min = 10 }]",
    ))
    .unwrap();
    let err = Engine::new(vec![floor]).err().unwrap();
    let shown = err.to_string();
    assert!(
        shown.contains("Nobody") && shown.contains("rule `r1`"),
        "{shown}"
    );
}

#[test]
fn a_refused_pack_leaves_the_engine_intact() {
    let mut packs = listing_guard::builtin_packs().unwrap();
    let before = packs.len();
    let bad = rule("kind = \"pattern\"\nseverity = \"warn\"\npatterns = [\"(\"]");
    assert!(Pack::parse(&bad).is_err());
    // Parsing failed before anything was added: the caller's packs are unchanged.
    assert_eq!(packs.len(), before);
    packs.truncate(before);
    assert!(Engine::new(packs).is_ok());
}

#[test]
fn hostile_sizes_are_refused() {
    let huge = format!("{HEAD}{}", " ".repeat(17 << 20));
    assert_eq!(
        Pack::parse(&huge).err().unwrap().kind(),
        PackErrorKind::Limit
    );
    let many: Vec<String> = (0..501).map(|i| format!("\"a{i}\"")).collect();
    let src = rule(&format!(
        "kind = \"pattern\"\nseverity = \"warn\"\npatterns = [{}]",
        many.join(",")
    ));
    assert_eq!(
        Pack::parse(&src).err().unwrap().kind(),
        PackErrorKind::Limit
    );
}
