//! Properties: for any text, spans are in bounds and on character boundaries, UTF-16
//! spans agree with byte spans, and neither text nor pack makes the engine panic.

use listing_guard::{Engine, LintConfig, Listing, Marketplace, Pack};
use proptest::prelude::*;
use std::sync::OnceLock;

fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| Engine::builtin().unwrap())
}

/// Text that mixes what listings contain and what evasions use.
fn listing_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Rolex",
        "replica",
        "1:1",
        "高仿",
        "劳力士",
        "香～奈儿",
        "N.i.k.e",
        "Ｎｉｋｅ",
        "𝗖𝗵𝗮𝗻𝗲𝗹",
        "R\u{43e}lex",
        "\u{200b}",
        "\u{301}",
        "🔥",
        "👍🏽",
        "e\u{301}",
        " ",
        "\n",
        "，",
        "$25",
        "¥99",
        "for",
        "iPhone",
        "AAA",
        "battery",
        "ﬁ",
        "ß",
        "İ",
        "\u{feff}",
        "a",
        "1",
        ".",
        "-",
        "~",
        // The folds of issue 10: enclosed, squared, regional, small capitals, Greek and
        // Cherokee capitals, Traditional Chinese, Thai, HTML references, ™ ®.
        "Ⓝⓘⓚⓔ",
        "⒩",
        "🅽🅸🅺🅴",
        "🅝",
        "🇳🇮🇰🇪",
        "🇺🇸",
        "ɴɪᴋᴇ",
        "ΝΙΚΕ",
        "ᏒᎾᏞᎬХ",
        "ꮢ",
        "電子煙",
        "仿冒A貨",
        "ของแท้",
        "ปลอม",
        "&amp;",
        "&#82;",
        "&#x52;",
        "&nbsp;",
        "&#",
        "™",
        "®",
        "$upreme",
        "Guc¢i",
        "€",
        "N•I•K•E",
        "、",
        "Ro",
        "lex",
        "Lou-is",
        "\u{FDFA}",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

fn check_spans(l: &Listing) -> Result<(), TestCaseError> {
    check_spans_with(engine(), l)
}

/// (what the seller wrote, what it stands for): each must be found exactly there.
const EVASIONS: &[(&str, &str)] = &[
    ("Ⓝⓘⓚⓔ", "nike"),
    ("⒩⒤⒦⒠", "nike"),
    ("🅽🅸🅺🅴", "nike"),
    ("🅝🅘🅚🅔", "nike"),
    ("🇳🇮🇰🇪", "nike"),
    ("ɴɪᴋᴇ", "nike"),
    ("ΝΙΚΕ", "nike"),
    ("ᏒᎾᏞᎬХ", "rolex"),
    ("N•I•K•E", "nike"),
    ("R🔥O🔥L🔥E🔥X", "rolex"),
    ("G、U、C、C、I", "gucci"),
    ("$upreme", "supreme"),
    ("Guc¢i", "gucci"),
    ("€hanel", "chanel"),
    ("Pr@da", "prada"),
    ("&#82;&#111;lex", "rolex"),
    ("&#x52;olex", "rolex"),
    ("Ro lex", "rolex"),
    ("Lou-is Vuit-ton", "louis vuitton"),
    ("電子煙", "电子烟"),
    ("僞造", "伪造"),
    ("ของแท้", "ของแท้"),
];

/// Text around an evasion: words, prices, other scripts, symbols.
fn noise() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "shoes",
        "高仿",
        "สินค้า",
        "🔥",
        "$25",
        "&amp;",
        "電子",
        "100%",
        "™",
        "new",
        "ΑΒΓ",
        "🇺🇸",
        "好",
        "ราคา",
    ])
}

/// An engine over a pack naming every target of [`EVASIONS`].
fn folds_engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| {
        let src = r#"
[pack]
id = "folds"
version = "1"
name = "Folds"
[[rule]]
id = "terms"
kind = "term"
severity = "warn"
terms = ["电子烟", "伪造", "ของแท้"]
message = "{match}"
policy = { name = "x" }
[[rule]]
id = "brands"
kind = "brand"
severity = "warn"
message = "{brand}"
policy = { name = "x" }
brands = [{ name = "Nike" }, { name = "Rolex" }, { name = "Gucci" }, { name = "Supreme" }, { name = "Chanel" }, { name = "Prada" }, { name = "Louis Vuitton" }]
"#;
        Engine::new(vec![Pack::parse(src).unwrap()]).unwrap()
    })
}

fn check_spans_with(engine: &Engine, l: &Listing) -> Result<(), TestCaseError> {
    for f in engine.lint(
        l,
        &LintConfig {
            marketplace: Some(Marketplace::Amazon),
            ..Default::default()
        },
    ) {
        let text = l.text_of(f.field, f.variant).unwrap();
        prop_assert!(f.span.start <= f.span.end && f.span.end <= text.len());
        prop_assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
        prop_assert_eq!(&text[f.span.start..f.span.end], f.text.as_str());
        let units: Vec<u16> = text.encode_utf16().collect();
        prop_assert!(f.span_utf16.end <= units.len());
        prop_assert_eq!(
            String::from_utf16_lossy(&units[f.span_utf16.start..f.span_utf16.end]),
            f.text
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, .. ProptestConfig::default() })]

    #[test]
    fn spans_are_in_bounds_for_structured_text(t in listing_text(), d in listing_text(), p in listing_text()) {
        let variants = vec![listing_guard::Variant { label: String::new(), price: d.clone(), cost: p.clone() }];
        let l = Listing { title: t, description: d.clone(), bullets: vec![d], price: p.clone(), cost: p, brand: "Rolex".into(), variants, ..Default::default() };
        check_spans(&l)?;
    }

    #[test]
    fn spans_are_in_bounds_for_any_text(t in "\\PC{0,80}", d in ".{0,200}") {
        let l = Listing { title: t.clone(), keywords: d, price: t, ..Default::default() };
        check_spans(&l)?;
    }

    #[test]
    fn spans_are_exact_after_every_new_fold(t in listing_text(), d in listing_text()) {
        let l = Listing { title: t, description: d, ..Default::default() };
        check_spans_with(folds_engine(), &l)?;
    }

    #[test]
    fn each_evasion_is_found_where_it_was_written(
        before in prop::collection::vec(noise(), 0..4),
        after in prop::collection::vec(noise(), 0..4),
        i in 0..EVASIONS.len(),
    ) {
        let (written, _) = EVASIONS[i];
        let text = format!("{} {written} {}", before.join(" "), after.join(" "));
        let l = Listing { description: text.clone(), ..Default::default() };
        let found = folds_engine().lint(&l, &LintConfig::default());
        prop_assert!(
            found.iter().any(|f| f.text == written),
            "{text:?}: {:?}",
            found.iter().map(|f| &f.text).collect::<Vec<_>>()
        );
        check_spans_with(folds_engine(), &l)?;
    }

    #[test]
    fn no_pack_text_panics_the_parser(src in "\\PC{0,400}") {
        let _ = Pack::parse(&src);
    }

    #[test]
    fn no_pack_content_panics_the_engine(term in "\\PC{1,20}", pat in "\\PC{1,20}", text in listing_text()) {
        let src = format!(
            "[pack]\nid = \"p\"\nversion = \"1\"\nname = \"P\"\n[[rule]]\nid = \"a\"\nkind = \"term\"\nseverity = \"warn\"\nterms = [{term:?}]\nunless = [{term:?}]\nmessage = \"{{match}} {{brand}}\"\npolicy = {{ name = \"x\" }}\n[[rule]]\nid = \"b\"\nkind = \"pattern\"\nseverity = \"warn\"\npatterns = [{pat:?}]\nmessage = \"m\"\npolicy = {{ name = \"x\" }}\n"
        );
        if let Ok(pack) = Pack::parse(&src) {
            if let Ok(e) = Engine::new(vec![pack]) {
                let l = Listing { title: text, ..Default::default() };
                for f in e.lint(&l, &LintConfig::default()) {
                    prop_assert!(l.title.is_char_boundary(f.span.start) && l.title.is_char_boundary(f.span.end));
                }
            }
        }
    }
}
