//! Price checks over the whole listing: variation tables (every row's price and cost),
//! the currency of a market, model names that imply their product type, and an
//! unreadable price where a floor would have applied. The pack is written for the
//! tests so they do not move when the shipped packs do.

use listing_guard::{Engine, FieldRole, LintConfig, Listing, Pack, Severity, Variant};

const PACK: &str = r#"
[pack]
id = "t"
version = "1"
name = { en = "Test", zh = "测试" }

[product_types]
watch = ["watch", "手表"]
shoes = ["shoes", "sepatu"]

[[rule]]
id = "lux"
kind = "brand"
severity = "warn"
# Brands named in the title still count for floors; only the floor findings are tested.
fields = ["category"]
message = "{brand} is not yours"
policy = { name = "P" }
brands = [
  { name = "Rolex", products = ["watch"] },
  { name = "Nike", products = ["shoes", "watch"] },
  { name = "Nike", aliases = ["air jordan 1"], products = ["shoes"] },
]

[[rule]]
id = "floor"
kind = "price-floor"
severity = "warn"
currency = "USD"
floors = [{ brand = "Rolex", product = "watch", min = 1000 }, { brand = "Nike", product = "shoes", min = 20 }]
unless = ["laces"]
message = "{brand} {product} at {price} under {floor}"
policy = { name = "P" }

[[rule]]
id = "unreadable"
kind = "field"
check = "price-unreadable"
severity = "info"
message = "cannot read {match}: {error}"
policy = { name = "P" }

[[rule]]
id = "unchecked"
kind = "field"
check = "floor-unchecked"
severity = "warn"
message = "{brand} {product} has a floor of {floor}; {match} unreadable"
policy = { name = "P" }

[[rule]]
id = "cost"
kind = "field"
check = "cost-above-price"
severity = "info"
message = "{cost} > {price}"
policy = { name = "P" }
"#;

fn engine() -> Engine {
    Engine::new(vec![Pack::parse(PACK).unwrap()]).unwrap()
}

fn rows(n: usize, price: impl Fn(usize) -> String) -> Vec<Variant> {
    (0..n)
        .map(|i| Variant {
            label: format!("size {i}"),
            price: price(i),
            cost: String::new(),
        })
        .collect()
}

#[test]
fn a_low_price_in_row_180_of_200_is_found_with_its_index() {
    let e = engine();
    let l = Listing {
        title: "Rolex Datejust 41".into(),
        price: "$9,000".into(),
        variants: rows(200, |i| {
            if i == 179 {
                "$25".into()
            } else {
                format!("${}", 9000 + i)
            }
        }),
        ..Default::default()
    };
    let f = e.lint(&l, &LintConfig::default());
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].rule, "t.floor");
    assert_eq!(f[0].variant, Some(179));
    assert_eq!(f[0].field.role, FieldRole::Price);
    assert_eq!(f[0].text, "$25");
    assert_eq!((f[0].span_utf16.start, f[0].span_utf16.end), (0, 3));
    let json = serde_json::to_value(&f[0]).unwrap();
    assert_eq!(json["variant"], 179);
    // A finding about the listing's own price has no variant key.
    let own = Listing {
        price: "$25".into(),
        variants: Vec::new(),
        ..l
    };
    let f = e.lint(&own, &LintConfig::default());
    assert_eq!(f[0].variant, None);
    assert!(serde_json::to_value(&f[0])
        .unwrap()
        .get("variant")
        .is_none());
}

#[test]
fn every_row_gets_cost_and_unreadable_checks_and_rows_do_not_merge() {
    let e = engine();
    let l = Listing {
        title: "Rolex watch".into(),
        price: "$2,000".into(),
        variants: vec![
            Variant {
                label: "a".into(),
                price: "$25".into(),
                cost: "$30".into(),
            },
            Variant {
                label: "b".into(),
                price: "$24".into(),
                cost: String::new(),
            },
            Variant {
                label: "c".into(),
                price: String::new(),
                cost: "$2,500".into(),
            },
            Variant {
                label: "d".into(),
                price: "call me".into(),
                cost: String::new(),
            },
        ],
        ..Default::default()
    };
    let got: Vec<(String, Option<usize>, FieldRole, Severity)> = e
        .lint(&l, &LintConfig::default())
        .into_iter()
        .map(|f| (f.rule, f.variant, f.field.role, f.severity))
        .collect();
    let want = vec![
        (
            "t.floor".to_string(),
            Some(0),
            FieldRole::Price,
            Severity::Warn,
        ),
        (
            "t.floor".to_string(),
            Some(1),
            FieldRole::Price,
            Severity::Warn,
        ),
        (
            "t.unchecked".to_string(),
            Some(3),
            FieldRole::Price,
            Severity::Warn,
        ),
        (
            "t.floor".to_string(),
            Some(0),
            FieldRole::Cost,
            Severity::Warn,
        ),
        (
            "t.cost".to_string(),
            Some(0),
            FieldRole::Cost,
            Severity::Info,
        ),
        // Row c has no price of its own: its cost is compared with the listing's price.
        (
            "t.cost".to_string(),
            Some(2),
            FieldRole::Cost,
            Severity::Info,
        ),
    ];
    assert_eq!(got, want);
}

#[test]
fn unreadable_price_is_a_warning_when_a_floor_would_apply() {
    let e = engine();
    let c = LintConfig::default();
    let branded = Listing {
        title: "Rolex Submariner".into(),
        price: "call for price".into(),
        ..Default::default()
    };
    let f = e.lint(&branded, &c);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(
        (f[0].rule.as_str(), f[0].severity),
        ("t.unchecked", Severity::Warn)
    );
    assert_eq!(
        f[0].message,
        "Rolex watch has a floor of US$1,000.00; call for price unreadable"
    );
    let plain = Listing {
        title: "Leather strap".into(),
        ..branded.clone()
    };
    let f = e.lint(&plain, &c);
    assert_eq!(
        (f[0].rule.as_str(), f[0].severity),
        ("t.unreadable", Severity::Info)
    );
    // Excused by an `unless` word: no floor applies, so the plain information.
    let laces = Listing {
        title: "Nike laces for Air Jordan 1".into(),
        price: "?".into(),
        ..Default::default()
    };
    assert_eq!(e.lint(&laces, &c)[0].rule, "t.unreadable");
}

#[test]
fn a_model_alias_implies_its_product_type() {
    let e = engine();
    let c = LintConfig::default();
    let l = Listing {
        title: "Air Jordan 1 Retro High OG".into(),
        price: "$5".into(),
        ..Default::default()
    };
    assert!(e.lint(&l, &c).iter().any(|f| f.rule == "t.floor"));
    // The brand name alone names two product types: no floor without a product word.
    let brand_only = Listing {
        title: "Nike Retro High OG".into(),
        ..l.clone()
    };
    assert!(!e.lint(&brand_only, &c).iter().any(|f| f.rule == "t.floor"));
}

#[test]
fn a_price_without_currency_is_in_the_markets_currency() {
    let e = engine();
    let c = LintConfig::default();
    let l = |price: &str, market: Option<&str>, currency: Option<&str>| Listing {
        title: "Sepatu Nike Air Jordan 1".into(),
        price: price.into(),
        market: market.map(str::to_string),
        currency: currency.map(str::to_string),
        ..Default::default()
    };
    let fires = |l: &Listing| e.lint(l, &c).iter().any(|f| f.rule == "t.floor");
    // 150.000 rupiah is about 9 dollars: under the 20-dollar floor.
    assert!(fires(&l("150.000", Some("id"), None)));
    assert!(fires(&l("150rb", Some("ID"), None)));
    assert!(fires(&l("Rp 150.000", None, None)));
    // 150,000 read as dollars would not be.
    assert!(!fires(&l("150.000", None, None)));
    // The listing's own currency wins over the market's.
    assert!(!fires(&l("150.000", Some("id"), Some("USD"))));
    // 299,000 dong is about 12 dollars; 1.5 million about 60.
    assert!(fires(&l("299.000", Some("vn"), None)));
    assert!(fires(&l("299k", Some("vn"), None)));
    assert!(!fires(&l("1tr5", Some("vn"), None)));
    // With no market on the listing, the site's market (the configuration's) is used.
    let site = LintConfig {
        market: Some("vn".into()),
        ..LintConfig::default()
    };
    assert!(e
        .lint(&l("299k", None, None), &site)
        .iter()
        .any(|f| f.rule == "t.floor"));
}
