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
