//! The card cites the seller's own marketplace's policy: a rule's per-marketplace policy when it
//! has one, its default when the default is not another marketplace's page, and otherwise a
//! neutral citation (the kind of policy, no link) — never another marketplace's page.

use listing_guard::{Engine, LintConfig, Listing, Marketplace, Pack};

const PACK: &str = r#"
[pack]
id = "p"
version = "1"
name = { en = "Test", zh = "测试" }

[[rule]]
id = "lazada-only"
kind = "term"
severity = "warn"
terms = ["whatsapp me"]
message = { en = "{match}", zh = "{match}" }
policy = { name = "Lazada zero-tolerance policy: external links", url = "https://lazadahkpsc.zendesk.com/hc/en-us/articles/1" }

[[rule]]
id = "per-market"
kind = "term"
severity = "warn"
terms = ["replica"]
message = { en = "{match}", zh = "{match}" }
policy = { default = { name = "Amazon anti-counterfeiting policy", url = "https://sellercentral.amazon.com/x" }, shopee = { name = "Shopee prohibited listings", url = "https://shopee.com/y" } }

[[rule]]
id = "law"
kind = "term"
severity = "warn"
terms = ["best in the world"]
message = { en = "{match}", zh = "{match}" }
policy = { name = "Advertising Law of the PRC, article 9", url = "http://www.npc.gov.cn/z" }
"#;

fn cite(text: &str, m: Option<Marketplace>) -> (String, String) {
    let e = Engine::new(vec![Pack::parse(PACK).unwrap()]).unwrap();
    let l = Listing {
        title: text.into(),
        marketplace: m,
        ..Default::default()
    };
    let f = e.lint(&l, &LintConfig::default());
    assert_eq!(f.len(), 1, "{text}: {f:?}");
    (f[0].policy.name.clone(), f[0].policy.url.clone())
}

#[test]
fn own_marketplace_page_is_cited() {
    assert!(cite("whatsapp me", Some(Marketplace::Lazada))
        .1
        .contains("lazada"));
    assert!(cite("replica", Some(Marketplace::Shopee))
        .1
        .contains("shopee.com"));
    assert!(cite("replica", Some(Marketplace::Amazon))
        .1
        .contains("amazon.com"));
}

#[test]
fn another_marketplaces_page_is_never_cited() {
    for m in [
        Marketplace::Shopee,
        Marketplace::Amazon,
        Marketplace::Tiktok,
    ] {
        let (name, url) = cite("whatsapp me", Some(m));
        assert!(url.is_empty(), "{m:?}: {url}");
        assert!(!name.to_lowercase().contains("lazada"), "{m:?}: {name}");
        assert!(name.contains("external links"), "{m:?}: {name}");
    }
    let (name, url) = cite("replica", Some(Marketplace::Ebay));
    assert!(url.is_empty() && !name.contains("Amazon"), "{name} {url}");
}

#[test]
fn a_law_or_no_marketplace_keeps_the_default() {
    assert!(cite("best in the world", Some(Marketplace::Shopee))
        .1
        .contains("npc.gov.cn"));
    assert!(cite("whatsapp me", None).1.contains("lazada"));
}

/// Every per-marketplace policy of the built-in packs is that marketplace's own page (by its
/// address), so a card never sends a seller to another marketplace's rules.
#[test]
fn builtin_per_marketplace_policies_are_their_own_pages() {
    let hosts = |m: &str| -> &'static [&'static str] {
        match m {
            "amazon" => &["amazon.", "lianlianpay.com"],
            "aliexpress" => &["aliexpress.", "alibaba"],
            "ebay" => &["ebay."],
            "etsy" => &["etsy."],
            "lazada" => &["lazada"],
            "shopee" => &["shopee."],
            "shopify" => &["shopify."],
            "tiktok" => &["tiktok", "tokopedia."],
            "walmart" => &["walmart."],
            "wish" => &["wish.com"],
            _ => &[],
        }
    };
    let mut wrong = Vec::new();
    for pack in listing_guard::builtin_packs().unwrap() {
        for rule in &pack.info().rules {
            for (m, p) in &rule.policies {
                let host = p.url.split('/').nth(2).unwrap_or("").to_lowercase();
                if !hosts(m).iter().any(|h| host.contains(h)) {
                    wrong.push(format!("{} {m}: {}", rule.id, p.url));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// The new-category rules cite the seller's own marketplace, and a law where it has none.
#[test]
fn new_category_rules_cite_the_sellers_marketplace() {
    let e = Engine::builtin().unwrap();
    let cite = |text: &str, m: Marketplace, rule: &str| -> String {
        let l = Listing {
            title: text.into(),
            marketplace: Some(m),
            ..Default::default()
        };
        let f = e.lint(&l, &LintConfig::default());
        let f = f
            .iter()
            .find(|f| f.rule == rule)
            .unwrap_or_else(|| panic!("{rule}: {f:?}"));
        f.policy.url.clone()
    };
    let review = "Leave a 5 star review and get a free gift";
    assert!(cite(review, Marketplace::Ebay, "conduct-reviews.review-rewards").contains("ebay.com"));
    assert!(cite(review, Marketplace::Etsy, "conduct-reviews.review-rewards").contains("etsy.com"));
    assert!(cite(
        review,
        Marketplace::Shopee,
        "conduct-reviews.review-rewards"
    )
    .contains("govinfo.gov"));
    let spiking = "Liquid sleep drops, tasteless, just put a few in her drink";
    assert!(cite(
        spiking,
        Marketplace::Lazada,
        "restricted-drugs.drink-spiking"
    )
    .contains("lazada"));
    assert!(cite(
        spiking,
        Marketplace::Walmart,
        "restricted-drugs.drink-spiking"
    )
    .contains("walmart.com"));
    let shopee = cite(
        spiking,
        Marketplace::Shopee,
        "restricted-drugs.drink-spiking",
    );
    assert!(shopee.is_empty(), "{shopee}");
}
