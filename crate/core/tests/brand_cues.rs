//! Brand cues ("Nike style", `mirip`, 同款) and brands in the keywords, as tables. The
//! pack here is written for the tests, so they do not move when shipped packs do.

use listing_guard::{Engine, LintConfig, Listing, Pack, Severity};

const PACK: &str = r#"
[pack]
id = "t"
version = "1"
name = { en = "Test", zh = "测试" }

[product_types]
bag = ["bag", "包"]

[[rule]]
id = "cue"
kind = "term"
severity = "warn"
brand_cue = true
terms = ["style", "like", "mirip", "同款"]
unless = ["new", "男女同款"]
message = "{match} next to a brand"
policy = { name = "P" }

[[rule]]
id = "registry"
kind = "brand"
severity = "info"
compatible = true
fields = ["title", "keywords"]
message = "{brand} named"
policy = { name = "P" }
brands = [
  { name = "Uniqlo", aliases = ["优衣库"] },
  { name = "Muji" },
  { name = "Coach", strict_case = true, needs_product = true, products = ["bag"] },
]
"#;

fn engine() -> Engine {
    Engine::new(vec![Pack::parse(PACK).unwrap()]).unwrap()
}

/// `(rule, severity, matched text)` of every finding of a listing.
fn found(l: &Listing, c: &LintConfig) -> Vec<(String, Severity, String)> {
    engine()
        .lint(l, c)
        .into_iter()
        .map(|f| (f.rule, f.severity, f.text))
        .collect()
}

fn title(t: &str) -> Listing {
    Listing {
        title: t.into(),
        ..Default::default()
    }
}

use Severity::*;

/// `(rule, severity, matched text)` wanted.
type Want = &'static [(&'static str, Severity, &'static str)];

#[test]
fn a_cue_fires_only_next_to_another_companys_brand() {
    let none: Want = &[];
    let cases: Vec<(&str, Listing, LintConfig, Want)> = vec![
        (
            "cue before",
            title("jacket like Uniqlo"),
            Default::default(),
            &[("t.cue", Warn, "like"), ("t.registry", Info, "Uniqlo")],
        ),
        (
            "cue after",
            title("Uniqlo style jacket"),
            Default::default(),
            &[("t.registry", Info, "Uniqlo"), ("t.cue", Warn, "style")],
        ),
        (
            "CJK cue after",
            title("优衣库同款 外套"),
            Default::default(),
            &[("t.registry", Info, "优衣库"), ("t.cue", Warn, "同款")],
        ),
        (
            "alone",
            title("retro style jacket"),
            Default::default(),
            none,
        ),
        (
            "far from the brand",
            title("Uniqlo jacket, warm and light, retro style"),
            Default::default(),
            &[("t.registry", Info, "Uniqlo")],
        ),
        (
            "excused",
            title("jacket like new Uniqlo"),
            Default::default(),
            &[("t.registry", Info, "Uniqlo")],
        ),
        (
            "excused compound",
            title("优衣库 男女同款 外套"),
            Default::default(),
            &[("t.registry", Info, "优衣库")],
        ),
        (
            "own brand",
            Listing {
                brand: "Uniqlo".into(),
                ..title("Uniqlo style jacket")
            },
            Default::default(),
            none,
        ),
        (
            "allowed brand",
            title("Uniqlo style jacket"),
            LintConfig {
                allow_brands: vec!["Uniqlo".into()],
                ..Default::default()
            },
            none,
        ),
        // A cue before a brand that needs its product type is evidence for it.
        (
            "evidence before",
            title("beg tangan mirip Coach"),
            Default::default(),
            &[("t.cue", Warn, "mirip"), ("t.registry", Info, "Coach")],
        ),
        (
            "no evidence after",
            title("Coach style trip"),
            Default::default(),
            none,
        ),
        (
            "strict case holds",
            title("trip like coach"),
            Default::default(),
            none,
        ),
    ];
    let mut failures = Vec::new();
    for (name, l, c, want) in cases {
        let got = found(&l, &c);
        let want: Vec<_> = want
            .iter()
            .map(|(r, s, t)| (r.to_string(), *s, t.to_string()))
            .collect();
        if got != want {
            failures.push(format!("{name}:\n   got {got:?}\n  want {want:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn another_brand_in_the_keywords_is_a_warning() {
    let kw = |k: &str| Listing {
        title: "cotton t-shirt".into(),
        keywords: k.into(),
        ..Default::default()
    };
    assert_eq!(
        found(&kw("uniqlo muji basic"), &Default::default()),
        vec![
            ("t.registry".to_string(), Warn, "uniqlo".to_string()),
            ("t.registry".to_string(), Warn, "muji".to_string())
        ]
    );
    // In the title the same name stays a note; the seller's own brand is no stuffing.
    assert_eq!(
        found(&title("Uniqlo t-shirt"), &Default::default()),
        vec![("t.registry".to_string(), Info, "Uniqlo".to_string())]
    );
    let own = Listing {
        brand: "Uniqlo".into(),
        ..kw("uniqlo basic tee")
    };
    assert!(found(&own, &Default::default()).is_empty());
}
