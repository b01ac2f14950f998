//! Engine semantics as tables: brand context, own and allowed brands, counterfeit
//! wording next to a brand, unless-context, configuration, ordering and spans. The
//! pack here is written for the tests, so they do not move when shipped packs do.

use listing_guard::{
    Engine, FieldRole, Ignored, Lang, LintConfig, Listing, Marketplace, Pack, Severity,
};

const PACK: &str = r#"
[pack]
id = "t"
version = "1"
name = { en = "Test", zh = "测试" }

[product_types]
watch = ["watch", "手表"]
case = ["case", "手机壳"]

[[rule]]
id = "fake-word"
kind = "term"
severity = "warn"
near_brand = "block"
terms = ["replica", "高仿", "ก๊อป"]
unless = ["jersey"]
message = { en = "{match} near {brand}", zh = "{match} 靠近 {brand}" }
policy = { name = "P" }

[[rule]]
id = "snuff"
kind = "term"
severity = "warn"
terms = ["鼻烟"]
not_inside = { "鼻烟" = ["鼻烟壶"] }
message = "{match}"
policy = { name = "P" }

[[rule]]
id = "one-to-one"
kind = "pattern"
severity = "warn"
patterns = ['(?:^|[^\d])(1\s*:\s*1)(?:[^\d]|$)']
message = "copy wording"
policy = { name = "P" }

[[rule]]
id = "lux"
kind = "brand"
severity = "warn"
own_severity = "warn"
own_message = "needs authorisation for {brand}"
message = "{brand} is not yours"
policy = { name = "P" }
brands = [
  { name = "Rolex", aliases = ["劳力士"], products = ["watch"] },
  { name = "Omega", products = ["watch"], needs_product = true },
  { name = "Coach", strict_case = true },
]

[[rule]]
id = "tech"
kind = "brand"
severity = { default = "warn", ebay = "block" }
compatible = true
message = "{brand} named"
policy = { name = "P" }
brand_lines = """
Apple | iPhone | 苹果
Samsung | Galaxy
"""

[[rule]]
id = "floor"
kind = "price-floor"
severity = "warn"
currency = "USD"
floors = [{ brand = "Rolex", product = "watch", min = 1000 }]
message = "{brand} {product} at {price} under {floor}"
policy = { name = "P" }

[[rule]]
id = "len"
kind = "field"
check = "max-length"
fields = ["title"]
severity = "warn"
limit = { ebay = 10 }
message = "{count} > {limit}"
policy = { name = "P" }
"#;

fn engine() -> Engine {
    Engine::new(vec![Pack::parse(PACK).unwrap()]).unwrap()
}

fn title(t: &str) -> Listing {
    Listing {
        title: t.into(),
        ..Default::default()
    }
}

/// `(rule, severity, matched text)` of every finding, in order.
fn found(e: &Engine, l: &Listing, c: &LintConfig) -> Vec<(String, Severity, String)> {
    e.lint(l, c)
        .into_iter()
        .map(|f| (f.rule, f.severity, f.text))
        .collect()
}

struct Case {
    name: &'static str,
    listing: Listing,
    config: LintConfig,
    want: &'static [(&'static str, Severity, &'static str)],
}

fn run(cases: Vec<Case>) {
    let e = engine();
    let mut failures = Vec::new();
    for c in cases {
        let got = found(&e, &c.listing, &c.config);
        let want: Vec<(String, Severity, String)> = c
            .want
            .iter()
            .map(|(r, s, t)| (r.to_string(), *s, t.to_string()))
            .collect();
        if got != want {
            failures.push(format!("{}:\n   got {got:?}\n  want {want:?}", c.name));
        }
    }
    assert!(
        failures.is_empty(),
        "{} case(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

use Severity::*;

#[test]
fn brand_and_wording_semantics() {
    let allow = |b: &str| LintConfig {
        allow_brands: vec![b.into()],
        ..Default::default()
    };
    run(vec![
        Case {
            name: "plain wording",
            listing: title("replica watch"),
            config: Default::default(),
            want: &[("t.fake-word", Warn, "replica")],
        },
        Case {
            name: "wording next to a brand is block",
            listing: title("Rolex replica"),
            config: Default::default(),
            want: &[("t.lux", Warn, "Rolex"), ("t.fake-word", Block, "replica")],
        },
        Case {
            name: "wording with the listing's own brand field is block",
            listing: Listing {
                brand: "Rolex".into(),
                description: "top replica".into(),
                ..Default::default()
            },
            config: Default::default(),
            // Findings come in field order: description before brand.
            want: &[("t.fake-word", Block, "replica"), ("t.lux", Warn, "Rolex")],
        },
        Case {
            name: "unless excuses",
            listing: title("replica jersey"),
            config: Default::default(),
            want: &[],
        },
        Case {
            name: "CJK wording and brand",
            listing: title("高仿劳力士手表"),
            config: Default::default(),
            want: &[("t.fake-word", Block, "高仿"), ("t.lux", Warn, "劳力士")],
        },
        Case {
            name: "own brand in the text is no finding, but needs authorisation",
            listing: Listing {
                brand: "Rolex".into(),
                title: "Rolex Datejust".into(),
                ..Default::default()
            },
            config: Default::default(),
            want: &[("t.lux", Warn, "Rolex")],
        },
        Case {
            name: "authorised brand: nothing",
            listing: Listing {
                brand: "Rolex".into(),
                title: "Rolex Datejust".into(),
                ..Default::default()
            },
            config: allow("ROLEX"),
            want: &[],
        },
        Case {
            name: "allowed brand named in the title",
            listing: title("劳力士 strap"),
            config: allow("rolex"),
            want: &[],
        },
        Case {
            name: "compatibility lowers a compatible brand",
            listing: title("Case for iPhone 15"),
            config: Default::default(),
            want: &[("t.tech", Info, "iPhone")],
        },
        Case {
            name: "Chinese compatibility after the brand",
            listing: title("苹果专用 充电线"),
            config: Default::default(),
            want: &[("t.tech", Info, "苹果")],
        },
        Case {
            name: "no compatibility: full severity",
            listing: title("Apple style watch band"),
            config: Default::default(),
            want: &[("t.tech", Warn, "Apple")],
        },
        Case {
            name: "marketplace severity",
            listing: Listing {
                marketplace: Some(Marketplace::Ebay),
                ..title("Samsung")
            },
            config: Default::default(),
            want: &[("t.tech", Block, "Samsung")],
        },
        Case {
            name: "strict case: lower-case common word is not the brand",
            listing: title("coach bus model"),
            config: Default::default(),
            want: &[],
        },
        Case {
            name: "strict case: capitalised is the brand",
            listing: title("Coach bag"),
            config: Default::default(),
            want: &[("t.lux", Warn, "Coach")],
        },
        Case {
            name: "needs product: Omega-3 is not Omega",
            listing: title("Omega-3 capsules"),
            config: Default::default(),
            want: &[],
        },
        Case {
            name: "needs product: Omega watch",
            listing: title("Omega Seamaster watch"),
            config: Default::default(),
            want: &[("t.lux", Warn, "Omega")],
        },
        Case {
            name: "pattern span is the capture group",
            listing: title("bag 1:1 copy"),
            config: Default::default(),
            want: &[("t.one-to-one", Warn, "1:1")],
        },
        Case {
            name: "pattern context excludes 1:18",
            listing: title("1:18 scale"),
            config: Default::default(),
            want: &[],
        },
    ]);
}

#[test]
fn evasions_are_matched_and_reported_in_the_original() {
    run(vec![
        Case {
            name: "fullwidth",
            listing: title("Ｒｏｌｅｘ"),
            config: Default::default(),
            want: &[("t.lux", Warn, "Ｒｏｌｅｘ")],
        },
        Case {
            name: "math bold",
            listing: title("𝗥𝗼𝗹𝗲𝘅"),
            config: Default::default(),
            want: &[("t.lux", Warn, "𝗥𝗼𝗹𝗲𝘅")],
        },
        Case {
            name: "cyrillic o",
            listing: title("R\u{43e}lex"),
            config: Default::default(),
            want: &[("t.lux", Warn, "R\u{43e}lex")],
        },
        Case {
            name: "zero width",
            listing: title("Ro\u{200b}lex"),
            config: Default::default(),
            want: &[("t.lux", Warn, "Ro\u{200b}lex")],
        },
        Case {
            name: "dots",
            listing: title("R.o.l.e.x"),
            config: Default::default(),
            want: &[("t.lux", Warn, "R.o.l.e.x")],
        },
        Case {
            name: "spaces",
            listing: title("R o l e x"),
            config: Default::default(),
            want: &[("t.lux", Warn, "R o l e x")],
        },
        Case {
            name: "leet",
            listing: title("R0lex"),
            config: Default::default(),
            want: &[("t.lux", Warn, "R0lex")],
        },
        Case {
            name: "CJK separator",
            listing: title("劳～力～士"),
            config: Default::default(),
            want: &[("t.lux", Warn, "劳～力～士")],
        },
        Case {
            name: "leet in a wording term",
            listing: title("r3pl1ca"),
            config: Default::default(),
            want: &[("t.fake-word", Warn, "r3pl1ca")],
        },
        Case {
            name: "emoji between CJK characters",
            listing: title("高🔥仿"),
            config: Default::default(),
            want: &[("t.fake-word", Warn, "高🔥仿")],
        },
        Case {
            name: "full stop after a lone CJK character",
            listing: title("包 高。仿"),
            config: Default::default(),
            want: &[("t.fake-word", Warn, "高。仿")],
        },
        Case {
            name: "Thai spaced letters",
            listing: title("กระเป๋า ก๊ อ ป"),
            config: Default::default(),
            want: &[("t.fake-word", Warn, "ก๊ อ ป")],
        },
        Case {
            name: "Thai dotted letters and a mark cut off",
            listing: title("ก.๊.อ.ป"),
            config: Default::default(),
            want: &[("t.fake-word", Warn, "ก.๊.อ.ป")],
        },
        Case {
            name: "Thai mark typed twice",
            listing: title("งานก๊๊อป"),
            config: Default::default(),
            want: &[("t.fake-word", Warn, "ก๊๊อป")],
        },
        Case {
            name: "term inside a longer word it is excused in",
            listing: title("内画 鼻烟壶"),
            config: Default::default(),
            want: &[],
        },
        Case {
            name: "the same term outside it still fires",
            listing: title("鼻烟壶 另售 鼻烟"),
            config: Default::default(),
            want: &[("t.snuff", Warn, "鼻烟")],
        },
        Case {
            name: "word boundary",
            listing: title("Rolexes and Prolex"),
            config: Default::default(),
            want: &[],
        },
    ]);
}

#[test]
fn configuration_never_rebuilds_and_is_applied() {
    let e = engine();
    let l = title("Rolex replica");
    let off = |k: &str| LintConfig {
        packs: [(k.to_string(), false)].into(),
        ..Default::default()
    };
    assert!(e.lint(&l, &off("t")).is_empty());
    let rule_off = LintConfig {
        rules: [("t.lux".to_string(), false)].into(),
        ..Default::default()
    };
    assert_eq!(
        found(&e, &l, &rule_off),
        vec![("t.fake-word".into(), Block, "replica".into())]
    );
    let sev = LintConfig {
        severity: [("t.lux".to_string(), Info)].into(),
        ..Default::default()
    };
    assert_eq!(
        found(&e, &l, &sev)[0],
        ("t.lux".into(), Info, "Rolex".into())
    );
    let ignore = LintConfig {
        ignore: vec![Ignored {
            rule: "t.lux".into(),
            text: "ROLEX".into(),
        }],
        ..Default::default()
    };
    assert_eq!(
        found(&e, &l, &ignore),
        vec![("t.fake-word".into(), Block, "replica".into())]
    );
    let zh = LintConfig {
        lang: Lang::Zh,
        ..Default::default()
    };
    assert_eq!(e.lint(&l, &zh)[1].message, "replica 靠近 Rolex");
}

#[test]
fn prices_floors_and_field_checks() {
    let e = engine();
    let c = LintConfig::default();
    let l = Listing {
        title: "Rolex Datejust".into(),
        price: " US $25.00 ".into(),
        ..Default::default()
    };
    let f = e.lint(&l, &c);
    let floor = f.iter().find(|f| f.rule == "t.floor").expect("floor fires");
    assert_eq!(floor.field.role, FieldRole::Price);
    assert_eq!(floor.text, "US $25.00", "covers the trimmed field");
    assert!(
        floor.message.starts_with("Rolex watch at"),
        "{}",
        floor.message
    );
    // Converted: 1,000 USD is far more than 5,000 CNY? No: 5000 CNY is about 700 USD.
    let cny = Listing {
        price: "¥5000".into(),
        ..l.clone()
    };
    assert!(e.lint(&cny, &c).iter().any(|f| f.rule == "t.floor"));
    let fine = Listing {
        price: "$9,000".into(),
        ..l.clone()
    };
    assert!(!e.lint(&fine, &c).iter().any(|f| f.rule == "t.floor"));
    let cost = Listing {
        cost: "$30".into(),
        price: "$9,000".into(),
        ..l.clone()
    };
    let cf = e.lint(&cost, &c);
    assert!(cf
        .iter()
        .any(|f| f.rule == "t.floor" && f.field.role == FieldRole::Cost));

    let long = Listing {
        title: "abcdefghijklmnop".into(),
        marketplace: Some(Marketplace::Ebay),
        ..Default::default()
    };
    let f = e.lint(&long, &c);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].text, "klmnop");
    assert_eq!(f[0].message, "16 > 10");
    // The limit exists only for eBay.
    assert!(e
        .lint(
            &Listing {
                marketplace: None,
                ..long
            },
            &c
        )
        .is_empty());
}

#[test]
fn order_is_deterministic_and_spans_map_utf16() {
    let e = engine();
    let l = Listing {
        title: "🔥🔥 新款 replica Rolex 手表".into(),
        bullets: vec!["fits Galaxy".into(), "高仿".into()],
        description: "Samsung replica 1:1".into(),
        ..Default::default()
    };
    let a = e.lint(&l, &LintConfig::default());
    let b = e.lint(&l, &LintConfig::default());
    assert_eq!(a, b);
    for f in &a {
        let text = l.field(f.field).unwrap();
        assert_eq!(&text[f.span.start..f.span.end], f.text);
        let units: Vec<u16> = text.encode_utf16().collect();
        assert_eq!(
            String::from_utf16(&units[f.span_utf16.start..f.span_utf16.end]).unwrap(),
            f.text
        );
    }
    let order: Vec<(FieldRole, usize, usize)> = a
        .iter()
        .map(|f| (f.field.role, f.field.index, f.span.start))
        .collect();
    let mut sorted = order.clone();
    sorted.sort();
    assert_eq!(order, sorted);
    let replica = a.iter().find(|f| f.text == "replica").unwrap();
    assert_eq!((replica.span_utf16.start, replica.span_utf16.end), (8, 15));
}
