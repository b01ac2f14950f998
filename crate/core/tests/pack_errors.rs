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

/// Issue 17, item 8: a hostile pack costs no more than reading it.
#[test]
fn hostile_packs_are_bounded() {
    use listing_guard::{LintConfig, Listing};
    use std::time::Instant;

    // A forbidden-chars list is a set: one lookup per character of the field, and
    // bounded in length.
    let chars: String = ('\u{4e00}'..'\u{4e00}').chain('a'..='z').collect();
    let src = rule(&format!(
        "kind = \"field\"\nseverity = \"info\"\ncheck = \"forbidden-chars\"\nchars = \"{chars}!~\"\nfields = [\"title\"]"
    ));
    let e = Engine::new(vec![Pack::parse(&src).unwrap()]).unwrap();
    let title = "x!".repeat(5_000);
    let found = e.lint(
        &Listing {
            title,
            ..Default::default()
        },
        &LintConfig::default(),
    );
    assert!(!found.is_empty());
    let long: String = (0..2_000u32)
        .filter_map(|i| char::from_u32(0x4e00 + i))
        .collect();
    let src = rule(&format!(
        "kind = \"field\"\nseverity = \"info\"\ncheck = \"forbidden-chars\"\nchars = \"{long}\""
    ));
    let err = Pack::parse(&src).err().unwrap();
    assert_eq!(err.kind(), PackErrorKind::Limit, "{err}");
    assert!(err.to_string().contains("chars"), "{err}");

    // Examples are capped per pack, before any runs.
    let mut many = String::new();
    for r in 0..11 {
        let fire: Vec<String> = (0..190).map(|i| format!("\"x{i}\"")).collect();
        many.push_str(&format!(
            "[[rule]]\nid = \"r{r}\"\nkind = \"term\"\nseverity = \"warn\"\nterms = [\"x\"]\nmessage = \"m\"\npolicy = {{ name = \"p\" }}\n[rule.examples]\nfire = [{}]\n",
            fire.join(",")
        ));
    }
    let err = Pack::parse(&format!("{HEAD}{many}")).err().unwrap();
    assert_eq!(err.kind(), PackErrorKind::Limit, "{err}");
    assert!(err.to_string().contains("examples"), "{err}");

    // The pattern count is checked before any pattern compiles: 501 patterns that
    // would each take long to compile are refused at once.
    let heavy: Vec<String> = (0..501).map(|i| format!("'\\w{{200}}{i}'")).collect();
    let src = rule(&format!(
        "kind = \"pattern\"\nseverity = \"warn\"\npatterns = [{}]",
        heavy.join(",")
    ));
    let t = Instant::now();
    let err = Pack::parse(&src).err().unwrap();
    assert_eq!(err.kind(), PackErrorKind::Limit, "{err}");
    // Not a timing test: printed for the record.
    println!("501 heavy patterns refused in {:?}", t.elapsed());

    // Product words are literals: length-limited like terms.
    let src = format!("{HEAD}[product_types]\nwatch = [\"{}\"]\n", "w".repeat(300));
    let err = Pack::parse(&src).err().unwrap();
    assert_eq!(err.kind(), PackErrorKind::Limit, "{err}");
    assert!(err.to_string().contains("product_types.watch[0]"), "{err}");

    // Floors must be finite and positive.
    for min in ["inf", "nan", "-5", "0", "-inf"] {
        let src = format!(
            "{HEAD}[[rule]]\nid = \"f\"\nkind = \"price-floor\"\nseverity = \"warn\"\nmessage = \"m\"\npolicy = {{ name = \"p\" }}\nfloors = [{{ brand = \"Rolex\", product = \"watch\", min = {min} }}]\n"
        );
        let err = Pack::parse(&src)
            .err()
            .unwrap_or_else(|| panic!("min = {min} accepted"));
        assert!(err.to_string().contains("floors[0].min"), "{min}: {err}");
    }
}

/// Issue 17, item 10: a literal or pattern that can never fire is refused, naming the
/// pack, rule and key.
#[test]
fn literals_and_patterns_that_can_never_fire_are_refused() {
    let cases: &[(&str, &str, &[&str])] = &[
        ("emoji-only term", "kind = \"term\"\nseverity = \"warn\"\nterms = [\"ok\", \"🔥🔥\"]", &["terms[1]", "never match"]),
        ("stars", "kind = \"term\"\nseverity = \"warn\"\nterms = [\"***\"]", &["terms[0]", "never match"]),
        ("dots", "kind = \"term\"\nseverity = \"warn\"\nterms = [\"x\"]\nunless = [\"...\"]", &["unless[0]", "never match"]),
        ("tagged term", "kind = \"term\"\nseverity = \"warn\"\nterms = { en = [\"x\"], vi = [\"★\"] }", &["terms.vi[0]", "never match"]),
        ("unknown language", "kind = \"term\"\nseverity = \"warn\"\nterms = { xx = [\"x\"] }", &["terms", "unknown language `xx`"]),
        ("gap at the end", "kind = \"term\"\nseverity = \"warn\"\nterms = [\"replica ~2\"]", &["terms[0]", "gap"]),
        ("gap too wide", "kind = \"term\"\nseverity = \"warn\"\nterms = [\"replica ~20 watch\"]", &["terms[0]", "~1 to ~8"]),
        ("alias", "kind = \"brand\"\nseverity = \"warn\"\nbrands = [{ name = \"Acme\", aliases = [\"Acme Ltd\", \"™™\"] }]", &["brands[0]", "aliases[1]", "never match"]),
        ("brand name", "kind = \"brand\"\nseverity = \"warn\"\nbrands = [{ name = \"✨✨\" }]", &["brands[0]", "name", "never match"]),
        ("empty pattern", "kind = \"pattern\"\nseverity = \"warn\"\npatterns = [\"\"]", &["patterns[0]", "empty pattern"]),
        ("capital in a pattern", "kind = \"pattern\"\nseverity = \"warn\"\npatterns = ['\\bReplica\\b']", &["patterns[0]", "`R`", "lower-case text"]),
        ("cue", "kind = \"term\"\nseverity = \"warn\"\nterms = [\"x\"]\n[cues]\ncompatible_before = { de = [\"für\", \"...\"] }", &["cues.compatible_before.de[1]", "never match"]),
    ];
    let mut failures = Vec::new();
    for (name, body, says) in cases {
        let src = rule(body);
        match Pack::parse(&src) {
            Ok(_) => failures.push(format!("{name}: accepted")),
            Err(e) => {
                let shown = e.to_string();
                for s in ["pack `mine`"].iter().chain(says.iter()) {
                    if !shown.contains(s) {
                        failures.push(format!("{name}: {shown:?} does not say {s:?}"));
                    }
                }
                if !name.starts_with("cue") && !shown.contains("rule `r1`") {
                    failures.push(format!("{name}: {shown:?} does not name the rule"));
                }
            }
        }
    }
    // Escapes and classes with capitals are fine; so is `(?i)`.
    for ok in ["'\\S+\\d'", "'[A-Z]{2}\\d'", "'(?i)replica'", "'\\p{Han}'"] {
        let src = rule(&format!(
            "kind = \"pattern\"\nseverity = \"warn\"\npatterns = [{ok}]"
        ));
        if let Err(e) = Pack::parse(&src) {
            failures.push(format!("{ok}: refused: {e}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn markets_and_policies_are_validated() {
    let cases: &[(&str, &[&str])] = &[
        ("kind = \"term\"\nseverity = \"warn\"\nterms = [\"x\"]\nmarkets = [\"usa\"]", &["markets", "usa"]),
        ("kind = \"term\"\nseverity = { default = \"warn\", market = { mars = \"block\" } }\nterms = [\"x\"]", &["severity.market", "mars"]),
        ("kind = \"term\"\nseverity = { default = \"warn\", market = \"block\" }\nterms = [\"x\"]", &["severity.market", "table"]),
        ("kind = \"term\"\nseverity = { default = \"warn\", market = { au = \"fatal\" } }\nterms = [\"x\"]", &["fatal"]),
    ];
    let mut failures = Vec::new();
    for (body, says) in cases {
        match Pack::parse(&rule(body)) {
            Ok(_) => failures.push(format!("{body}: accepted")),
            Err(e) => {
                let shown = e.to_string();
                for s in *says {
                    if !shown.contains(s) {
                        failures.push(format!("{shown:?} does not say {s:?}"));
                    }
                }
            }
        }
    }
    // Policies: per marketplace needs a default and known marketplaces.
    let head = format!("{HEAD}[[rule]]\nid = \"r1\"\nmessage = \"m\"\nkind = \"term\"\nseverity = \"warn\"\nterms = [\"x\"]\n");
    for (policy, says) in [
        ("policy = { amazon = { name = \"A\" } }", "policy.default"),
        (
            "policy = { default = { name = \"D\" }, amazom = { name = \"A\" } }",
            "amazom",
        ),
        (
            "policy = { default = { name = \"\" } }",
            "policy.default.name",
        ),
    ] {
        match Pack::parse(&format!("{head}{policy}\n")) {
            Ok(_) => failures.push(format!("{policy}: accepted")),
            Err(e) if !e.to_string().contains(says) => {
                failures.push(format!("{policy}: {e} does not say {says}"))
            }
            Err(_) => {}
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
