//! The pack format's newer parts as tables: language-tagged word lists, context cues
//! per language, destination markets, terms with gaps, policy per marketplace, and the
//! regressions of strict-case Chinese aliases and authorised brands near wording.
//! The packs here are written for the tests.

use listing_guard::{Engine, Language, LintConfig, Listing, Marketplace, Pack, Severity};

const HEAD: &str = "[pack]\nid = \"t\"\nversion = \"1\"\nname = \"Test\"\n\n";

fn engine(body: &str) -> Engine {
    let src = format!("{HEAD}{body}");
    let pack = Pack::parse(&src).unwrap_or_else(|e| panic!("{e}\n{src}"));
    let engine = Engine::new(vec![pack]).unwrap();
    let failures = engine.check_examples(None);
    assert!(
        failures.is_empty(),
        "{}",
        failures
            .iter()
            .map(|f| f.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    );
    engine
}

fn title(t: &str) -> Listing {
    Listing {
        title: t.into(),
        ..Default::default()
    }
}

/// The severity of `rule`'s strictest finding on `listing`, if it fires.
fn fired(e: &Engine, rule: &str, listing: &Listing, config: &LintConfig) -> Option<Severity> {
    e.lint(listing, config)
        .iter()
        .filter(|f| f.rule == rule)
        .map(|f| f.severity)
        .max()
}

const TAGGED: &str = r#"
[[rule]]
id = "fake"
kind = "term"
severity = "warn"
terms = { any = ["1:1"], en = ["replica"], de = ["gift"], id = ["kw"], vi = ["hàng fake"] }
message = "m"
policy = { name = "P" }
[rule.examples]
fire = [
  "Gift gegen Ratten und Mäuse, hochwirksam im ganzen Haus und Garten",
  "kw",
  "Tas selempang wanita kulit kw super model terbaru harga murah",
  "Túi xách nữ hàng fake loại một giá rẻ giao hàng toàn quốc",
  "1:1 Tas selempang wanita kulit model terbaru harga murah",
]
pass = [
  "Christmas gift box with ribbon and a greeting card for the whole family",
]
"#;

#[test]
fn tagged_terms_fire_in_their_language_or_when_it_cannot_be_told() {
    let e = engine(TAGGED);
    let c = LintConfig::default();
    // (text, fires)
    let cases = [
        // German poison word on German text, and on text too short to tell.
        (
            "Gift gegen Ratten und Mäuse, hochwirksam im ganzen Haus und Garten",
            true,
        ),
        ("Gift", true),
        // ... not on text that is confidently English.
        (
            "Christmas gift box with ribbon and a greeting card for the whole family",
            false,
        ),
        // (A loan word sellers use in every language, like `replica`, belongs in `any`.)
        ("Rolex replica watch", true),
        (
            "Túi xách nữ hàng fake loại một giá rẻ giao hàng toàn quốc",
            true,
        ),
        // `any` fires everywhere.
        (
            "Christmas gift box 1:1 with ribbon and a greeting card for the family",
            true,
        ),
    ];
    for (text, want) in cases {
        let got = fired(&e, "t.fake", &title(text), &c).is_some();
        assert_eq!(got, want, "{text:?}");
    }
}

#[test]
fn a_declared_language_wins_over_detection() {
    let e = engine(TAGGED);
    let text = "Christmas gift box with ribbon and a greeting card for the whole family";
    let de = LintConfig {
        language: Some(Language::De),
        ..Default::default()
    };
    assert!(fired(&e, "t.fake", &title(text), &de).is_some());
    let en = LintConfig {
        language: Some(Language::En),
        ..Default::default()
    };
    assert!(fired(&e, "t.fake", &title("Gift"), &en).is_none());
}

#[test]
fn indonesian_and_malay_are_told_apart_by_hint_words() {
    let e = engine(
        r#"
[[rule]]
id = "ms-only"
kind = "term"
severity = "warn"
terms = { ms = ["tiruan"] }
message = "m"
policy = { name = "P" }
"#,
    );
    let c = LintConfig::default();
    // Malay hints (kasut, lelaki, selesa): fires.
    let ms = "Kasut lari lelaki tiruan ringan dan selesa dipakai setiap hari";
    assert!(fired(&e, "t.ms-only", &title(ms), &c).is_some(), "{ms}");
    // Indonesian hints (sepatu, pria, bisa): an ms-only word does not fire.
    let id = "Sepatu lari pria tiruan ringan dan nyaman bisa dipakai setiap hari";
    assert!(fired(&e, "t.ms-only", &title(id), &c).is_none(), "{id}");
}

const TAGGED_ALIASES: &str = r#"
[product_types]
phone = { any = ["phone"], vi = ["điện thoại"], id = ["hp"] }

[[rule]]
id = "b"
kind = "brand"
severity = "warn"
compatible = true
message = "{brand}"
policy = { name = "P" }
brands = [{ name = "Apple", aliases = { any = ["iPhone"], th = ["ไอโฟน"], vi = ["ai phôn"] }, products = ["phone"] }]
"#;

#[test]
fn tagged_aliases_and_product_words_parse_and_fire() {
    let e = engine(TAGGED_ALIASES);
    let c = LintConfig::default();
    assert!(fired(&e, "t.b", &title("ไอโฟน 15 ของแท้"), &c).is_some());
    assert!(fired(&e, "t.b", &title("ai phôn 15 chính hãng"), &c).is_some());
}

const COMPAT: &str = r#"
[[rule]]
id = "b"
kind = "brand"
severity = "warn"
compatible = true
message = "{brand}"
policy = { name = "P" }
brands = [{ name = "iPhone" }]
"#;

#[test]
fn compatibility_cues_in_every_language_lower_a_brand() {
    let e = engine(COMPAT);
    let c = LintConfig::default();
    // (language, a title with the cue: lowered to info, the same without: warn)
    let cases = [
        (
            "en",
            "Clear case compatible with iPhone 15",
            "Clear iPhone 15 case",
        ),
        ("zh", "透明手机壳 适用于 iPhone 15", "透明手机壳 iPhone 15"),
        ("zh-after", "iPhone专用 透明手机壳", "iPhone 透明手机壳"),
        (
            "id",
            "Casing bening cocok untuk iPhone 15",
            "Casing bening iPhone 15",
        ),
        (
            "ms",
            "Sarung lutsinar sesuai untuk iPhone 15",
            "Sarung lutsinar iPhone 15",
        ),
        ("th", "เคสใส สำหรับ iPhone 15", "เคสใส iPhone 15"),
        (
            "vi",
            "Ốp lưng trong suốt dùng cho iPhone 15",
            "Ốp lưng trong suốt iPhone 15",
        ),
        (
            "tl",
            "Malinaw na kaso para sa iPhone 15",
            "Malinaw na kaso iPhone 15",
        ),
        (
            "es",
            "Funda transparente compatible con iPhone 15",
            "Funda transparente iPhone 15",
        ),
        (
            "pt",
            "Capinha transparente compatível com iPhone 15",
            "Capinha transparente iPhone 15",
        ),
        (
            "de",
            "Durchsichtige Hülle passend für iPhone 15",
            "Durchsichtige Hülle iPhone 15",
        ),
        (
            "fr",
            "Coque transparente compatible avec iPhone 15",
            "Coque transparente iPhone 15",
        ),
        (
            "it",
            "Cover trasparente compatibile con iPhone 15",
            "Cover trasparente iPhone 15",
        ),
    ];
    for (lang, with, without) in cases {
        assert_eq!(
            fired(&e, "t.b", &title(with), &c),
            Some(Severity::Info),
            "{lang}: {with}"
        );
        assert_eq!(
            fired(&e, "t.b", &title(without), &c),
            Some(Severity::Warn),
            "{lang}: {without}"
        );
    }
}

#[test]
fn a_pack_can_add_cues() {
    let body = format!("[cues]\ncompatible_before = {{ any = [\"zum einbauen in\"] }}\n{COMPAT}");
    let e = engine(&body);
    let c = LintConfig::default();
    assert_eq!(
        fired(&e, "t.b", &title("Akku zum einbauen in iPhone 15"), &c),
        Some(Severity::Info)
    );
}

const MARKETS: &str = r#"
[[rule]]
id = "vape"
kind = "term"
severity = { default = "warn", market = { au = "block" } }
markets = ["au", "sg", "eu"]
terms = ["e-cigarette"]
message = "m"
policy = { name = "P" }
[rule.examples]
fire = [{ title = "Disposable e-cigarette 5000 puffs", market = "au" }, { title = "Disposable e-cigarette", market = "DE" }]
pass = [{ title = "Disposable e-cigarette 5000 puffs", market = "us" }]
"#;

#[test]
fn rules_are_limited_to_markets_and_take_their_severity_there() {
    let e = engine(MARKETS);
    let c = LintConfig::default();
    let on = |market: Option<&str>| Listing {
        title: "Disposable e-cigarette 5000 puffs".into(),
        market: market.map(str::to_string),
        ..Default::default()
    };
    assert_eq!(
        fired(&e, "t.vape", &on(Some("au")), &c),
        Some(Severity::Block)
    );
    assert_eq!(
        fired(&e, "t.vape", &on(Some("AU")), &c),
        Some(Severity::Block)
    );
    assert_eq!(
        fired(&e, "t.vape", &on(Some("sg")), &c),
        Some(Severity::Warn)
    );
    assert_eq!(
        fired(&e, "t.vape", &on(Some("fr")), &c),
        Some(Severity::Warn)
    );
    assert_eq!(fired(&e, "t.vape", &on(Some("us")), &c), None);
    // No market known: the rule applies, at its default.
    assert_eq!(fired(&e, "t.vape", &on(None), &c), Some(Severity::Warn));
    // The site's market applies when the listing names none; the listing's wins.
    let site_au = LintConfig {
        market: Some("au".into()),
        ..Default::default()
    };
    assert_eq!(
        fired(&e, "t.vape", &on(None), &site_au),
        Some(Severity::Block)
    );
    assert_eq!(fired(&e, "t.vape", &on(Some("us")), &site_au), None);
}

#[test]
fn gap_terms_allow_a_few_words_between() {
    let e = engine(
        r#"
[[rule]]
id = "g"
kind = "term"
severity = "warn"
terms = ["replica ~2 watch", "same ~1 as ~2 original", "高仿 ~2 手表"]
message = "m"
policy = { name = "P" }
[rule.examples]
fire = ["replica steel dive watch"]
pass = ["replica of a very old pocket watch"]
"#,
    );
    let c = LintConfig::default();
    // (text, the matched text or None)
    let cases: &[(&str, Option<&str>)] = &[
        ("replica watch", Some("replica watch")),
        ("Replica steel watch for men", Some("Replica steel watch")),
        ("replica steel dive watch", Some("replica steel dive watch")),
        ("replica of a very old watch", None),
        ("watch replica", None),
        (
            "same quality as the original",
            Some("same quality as the original"),
        ),
        ("same as original", Some("same as original")),
        ("same as an old and original", None),
        ("高仿 男士 手表", Some("高仿 男士 手表")),
        ("高仿手表", Some("高仿手表")),
        ("replica", None),
    ];
    for (text, want) in cases {
        let got: Vec<String> = e
            .lint(&title(text), &c)
            .into_iter()
            .filter(|f| f.rule == "t.g")
            .map(|f| f.text)
            .collect();
        assert_eq!(got.first().map(String::as_str), *want, "{text:?}: {got:?}");
    }
}

#[test]
fn the_policy_is_the_sellers_marketplace_own() {
    let e = engine(
        r#"
[[rule]]
id = "p"
kind = "term"
severity = "warn"
terms = ["replica"]
message = "m"
policy = { default = { name = "General", url = "https://example.org/general" }, amazon = { name = "Amazon policy", url = "https://example.org/amazon" }, ebay = { name = "eBay policy" } }
"#,
    );
    let on = |m: Option<Marketplace>| {
        let c = LintConfig {
            marketplace: m,
            ..Default::default()
        };
        e.lint(&title("replica watch"), &c)[0].policy.name.clone()
    };
    assert_eq!(on(Some(Marketplace::Amazon)), "Amazon policy");
    assert_eq!(on(Some(Marketplace::Ebay)), "eBay policy");
    assert_eq!(on(Some(Marketplace::Shopee)), "General");
    assert_eq!(on(None), "General");
    let info = &e.packs()[0].rules[0];
    assert_eq!(info.policy.name, "General");
    assert_eq!(info.policies["amazon"].name, "Amazon policy");
}

#[test]
fn strict_case_brands_keep_their_chinese_aliases() {
    let e = engine(
        r#"
[[rule]]
id = "b"
kind = "brand"
severity = "warn"
message = "{brand}"
policy = { name = "P" }
brands = [{ name = "Coach", aliases = ["蔻驰"], strict_case = true }]
"#,
    );
    let c = LintConfig::default();
    let cases = [
        ("蔻驰 女士手提包", true),
        ("Coach bag", true),
        ("COACH bag", true),
        ("coach bag for the team", false),
    ];
    for (text, want) in cases {
        assert_eq!(fired(&e, "t.b", &title(text), &c).is_some(), want, "{text}");
    }
}

#[test]
fn an_authorised_brand_does_not_escalate_wording_near_it() {
    let e = engine(
        r#"
[[rule]]
id = "orig"
kind = "term"
severity = "info"
near_brand = "block"
terms = ["original"]
message = "m"
policy = { name = "P" }

[[rule]]
id = "fake"
kind = "term"
severity = "warn"
near_brand = "block"
terms = ["replica"]
message = "m"
policy = { name = "P" }

[[rule]]
id = "b"
kind = "brand"
severity = "warn"
message = "{brand}"
policy = { name = "P" }
brands = [{ name = "Acme" }, { name = "Rolex" }]
"#,
    );
    let listing = |t: &str| Listing {
        title: t.into(),
        brand: "Acme".into(),
        ..Default::default()
    };
    let mine = LintConfig {
        allow_brands: vec!["Acme".into()],
        ..Default::default()
    };
    let not_mine = LintConfig::default();
    // Own brand in the brand field and in the title: base severity only.
    assert_eq!(
        fired(&e, "t.orig", &listing("Acme original spare part"), &mine),
        Some(Severity::Info)
    );
    assert_eq!(
        fired(&e, "t.fake", &listing("Acme replica display"), &mine),
        Some(Severity::Warn)
    );
    // Not declared: escalated as before.
    assert_eq!(
        fired(
            &e,
            "t.orig",
            &listing("Acme original spare part"),
            &not_mine
        ),
        Some(Severity::Block)
    );
    // Another brand nearby still escalates, even for an authorised seller.
    assert_eq!(
        fired(&e, "t.fake", &listing("Acme replica of a Rolex"), &mine),
        Some(Severity::Block)
    );
}
