//! Precision (issue 12): compatibility lists, dictionary-word brands, everyday compounds.

use listing_guard::{Engine, LintConfig, Listing, Marketplace, Severity};
use std::sync::OnceLock;

fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| Engine::builtin().unwrap())
}

fn top(title: &str) -> Option<Severity> {
    let l = Listing {
        title: title.into(),
        ..Default::default()
    };
    engine()
        .lint(&l, &LintConfig::default())
        .iter()
        .map(|f| f.severity)
        .max()
}

fn brand_severity(title: &str, brand: &str) -> Option<Severity> {
    let l = Listing {
        title: title.into(),
        ..Default::default()
    };
    engine()
        .lint(&l, &LintConfig::default())
        .iter()
        .filter(|f| f.text.eq_ignore_ascii_case(brand))
        .map(|f| f.severity)
        .max()
}

#[test]
fn a_compatibility_cue_covers_the_whole_list() {
    let lists = [
        "Clear Phone Case Compatible with iPhone 15, 14, 13 and Samsung Galaxy S24",
        "Phone case for iPhone 15 and Samsung Galaxy A55",
        "Laptop Sleeve fits MacBook Air M2, Dell XPS 13, Surface Laptop 5",
        "Hülle kompatibel mit iPhone 15, 14, 13 und Samsung Galaxy S24",
        "Funda compatible con iPhone 15, 14, 13 y Samsung Galaxy S24",
        "Coque compatible avec iPhone 15, 14 et Samsung Galaxy S24",
        "Case HP untuk iPhone 15 14 13 dan Samsung Galaxy A54 bening",
        "Ốp lưng cho iPhone 15, 14, 13 và Samsung Galaxy S24",
        "เคสโทรศัพท์ สำหรับ iPhone 15 14 13 และ Samsung Galaxy S24 กันกระแทก",
        "手机壳 适用 iPhone 15 14 13 华为 Mate60 透明",
        "手機殼 適用 iPhone 15/14/13 三星 S24 防摔",
        "Charger for iPhone/Samsung/Xiaomi",
        // Unspaced brand names one after another, one of them an everyday word (小米).
        "Type-C数据线 适用华为小米三星 快充2米",
        "充電線 適用華為小米三星OPPO 2米",
        "Cabo USB-C 25W compatível Samsung e iPhone carregamento rápido",
    ];
    for t in lists {
        let s = top(t);
        assert!(s < Some(Severity::Warn), "{t}: {s:?}");
    }
}

#[test]
fn a_list_ends_at_an_ordinary_word_or_a_sentence_end() {
    for (t, brand) in [
        (
            "Phone case for iPhone 15 Pro with a Samsung logo sticker",
            "Samsung",
        ),
        (
            "Case for iPhone 15 Pro Max. Samsung charger included",
            "Samsung",
        ),
        ("Case for iPhone 15 透明 三星 充电器", "三星"),
    ] {
        assert_eq!(brand_severity(t, brand), Some(Severity::Warn), "{t}");
    }
}

#[test]
fn dictionary_word_brands_need_a_model_name() {
    // Occasions, greetings, sounds and colours are words, not the shops named after them.
    for t in [
        "Christmas Tree Ornament Set, Hello Spring Wreath, Echo Dot Stand, Blush Pink Throw",
        "Happy Socks gift idea for dad, cotton",
        "Buckle belt, leather, comet pattern",
    ] {
        let l = Listing {
            title: t.into(),
            ..Default::default()
        };
        let f = engine().lint(&l, &LintConfig::default());
        assert!(
            !f.iter().any(|f| f.rule.starts_with("brand-registry.")),
            "{t}: {f:?}"
        );
    }
}

#[test]
fn unisex_and_matching_set_wording_is_not_counterfeit() {
    for t in [
        "男女同款 纯棉T恤 宽松",
        "Nike 男女同款 运动裤",
        "情侣同款 卫衣",
        "亲子同款 睡衣",
    ] {
        let l = Listing {
            title: t.into(),
            ..Default::default()
        };
        let f = engine().lint(&l, &LintConfig::default());
        assert!(
            !f.iter().any(|f| f.rule.starts_with("counterfeit.")),
            "{t}: {f:?}"
        );
    }
    // The copy wording itself still blocks next to a brand.
    assert_eq!(top("明星同款 Gucci 腰带"), Some(Severity::Block));
}

fn lint_with(title: &str, brand: &str, config: &LintConfig) -> Vec<listing_guard::Finding> {
    let l = Listing {
        title: title.into(),
        brand: brand.into(),
        ..Default::default()
    };
    engine().lint(&l, config)
}

#[test]
fn reseller_mode_quiets_the_brand_and_resale_wording_but_not_counterfeit_wording() {
    let resell = LintConfig {
        resell_brands: vec!["Nike".into()],
        ..Default::default()
    };
    let plain = LintConfig::default();
    let title = "Nike Air Force 1 original 100% authentic with receipt";
    let before = lint_with(title, "Nike", &plain);
    assert!(
        before.iter().any(|f| f.severity >= Severity::Warn),
        "{before:?}"
    );
    let after = lint_with(title, "Nike", &resell);
    assert!(
        after.iter().all(|f| f.severity < Severity::Warn),
        "{after:?}"
    );
    assert!(
        !after.iter().any(|f| f.rule.starts_with("brands.")),
        "{after:?}"
    );
    // A reseller who writes "replica" is offering a replica.
    let replica = lint_with("Nike Air Force 1 replica 1:1", "Nike", &resell);
    assert!(
        replica.iter().any(|f| f.severity == Severity::Block),
        "{replica:?}"
    );
    // The note travels with the brand; a plain string is a brand without one.
    let parsed: LintConfig = serde_json::from_str(
        r#"{"resell_brands": ["Nike", {"brand": "Rolex", "note": "invoice in shop files"}]}"#,
    )
    .unwrap();
    assert_eq!(parsed.resell_brands[0].brand, "Nike");
    assert_eq!(parsed.resell_brands[1].note, "invoice in shop files");
}

#[test]
fn a_finding_says_how_it_involves_its_brand() {
    use listing_guard::{BrandUse, ResellBrand};
    let plain = LintConfig::default();
    let uses = |fs: &[listing_guard::Finding], rule: &str| {
        fs.iter()
            .find(|f| f.rule == rule)
            .map(|f| f.brand_use)
            .unwrap_or_else(|| panic!("{rule} missing in {fs:?}"))
    };
    // A brand rule names it; resale wording raised next to it; counterfeit wording.
    let named = lint_with("Nike Air Max 90 100% authentic replica", "", &plain);
    assert!(named
        .iter()
        .filter(|f| f.rule.starts_with("brands"))
        .all(|f| f.brand_use == Some(BrandUse::Named)));
    assert_eq!(
        uses(&named, "counterfeit.authenticity-overclaim"),
        Some(BrandUse::Resale)
    );
    assert_eq!(uses(&named, "counterfeit.replica"), Some(BrandUse::Wording));
    // Resold: the resale wording stays info, names the brand and carries the note.
    let resell = LintConfig {
        resell_brands: vec![ResellBrand {
            brand: "Nike".into(),
            note: "invoices 2026, office drawer".into(),
        }],
        ..Default::default()
    };
    let resold = lint_with("Nike Air Max 90 100% authentic replica", "", &resell);
    let claim = resold
        .iter()
        .find(|f| f.rule == "counterfeit.authenticity-overclaim")
        .expect("the claim is still reported, as info");
    assert_eq!(claim.severity, Severity::Info);
    assert_eq!(claim.brand_use, Some(BrandUse::Resold));
    assert_eq!(claim.brand.as_deref(), Some("Nike"));
    assert_eq!(
        claim.proof_note.as_deref(),
        Some("invoices 2026, office drawer")
    );
    assert_eq!(
        uses(&resold, "counterfeit.replica"),
        Some(BrandUse::Wording)
    );
    assert!(resold.iter().all(|f| f.brand_use != Some(BrandUse::Named)));
}

fn lint_on(title: &str, marketplace: Option<Marketplace>) -> Vec<listing_guard::Finding> {
    let l = Listing {
        title: title.into(),
        marketplace,
        ..Default::default()
    };
    engine().lint(&l, &LintConfig::default())
}

#[test]
fn a_marketplace_title_rule_stays_in_its_marketplace() {
    let long = "Christmas Gift for Mom - Personalized Birthstone Necklace, Mother's Day & Valentine's Day Present";
    let decorated = "★★★ Water Bottle ★★★";
    for (title, rule, on) in [
        (long, "listing-format.title-length", Marketplace::Ebay),
        (
            decorated,
            "listing-format.title-decorative-chars",
            Marketplace::Amazon,
        ),
    ] {
        let there = lint_on(title, Some(on));
        let f = there.iter().find(|f| f.rule == rule);
        assert_eq!(
            f.and_then(|f| f.marketplace),
            Some(on),
            "{title}: {there:?}"
        );
        for elsewhere in [None, Some(Marketplace::Shopee), Some(Marketplace::Etsy)] {
            let f = lint_on(title, elsewhere);
            assert!(
                !f.iter().any(|f| f.rule == rule),
                "{title} on {elsewhere:?}: {f:?}"
            );
        }
    }
    // Rules that hold everywhere say no marketplace.
    let f = lint_on("Replica Rolex Submariner watch", Some(Marketplace::Ebay));
    assert!(
        !f.is_empty() && f.iter().all(|f| f.marketplace.is_none()),
        "{f:?}"
    );
}

fn brand_rules(title: &str) -> Vec<String> {
    let l = Listing {
        title: title.into(),
        ..Default::default()
    };
    engine()
        .lint(&l, &LintConfig::default())
        .into_iter()
        .filter(|f| f.rule.starts_with("brand"))
        .map(|f| format!("{} {}", f.rule, f.text))
        .collect()
}

#[test]
fn chinese_everyday_phrases_need_evidence_of_the_brand() {
    // The everyday phrase: no brand finding at all, not even info.
    for t in [
        "蓝牙耳机 续航高达20小时",
        "充电宝 容量高达20000mAh 快充",
        "續航高達 30 小時 藍牙音箱",
        "东北小米 5斤装",
        "小米粥 即食 早餐",
        "美的生活 从厨房开始 不锈钢锅",
        "三星级酒店 枕头 一对",
        "新鲜 苹果 5斤装",
        "苹果醋 500ml",
        "始祖鸟 化石 模型 科普",
        "Deep Dish Apple Pie Pan 9 inch Ceramic with Fluted Edge - Thanksgiving Baking",
    ] {
        let f = brand_rules(t);
        assert!(f.is_empty(), "{t}: {f:?}");
    }
    // The brand, shown by a model name, its product type or another phone brand.
    for t in [
        "高达 RX-78-2 拼装 模型",
        "高达 手办 公仔",
        "小米14 手机 12+256G",
        "三星 S24 Ultra 钢化膜",
        "Case for iPhone 15 透明 三星 充电器",
        "始祖鸟 冲锋衣 男款",
        "Apple Watch Series 9 band",
    ] {
        let f = brand_rules(t);
        assert!(!f.is_empty(), "{t}: no brand finding");
    }
}

#[test]
fn messages_fit_the_article_and_the_brand_spelling() {
    let l = Listing {
        title: "iPhone 15 Pro screen protector".into(),
        ..Default::default()
    };
    let f = engine().lint(&l, &LintConfig::default());
    let m = f
        .iter()
        .find(|f| f.rule == "brands.device-names")
        .map(|f| f.message.clone())
        .unwrap_or_default();
    assert!(m.contains("is an Apple product name"), "{m}");
    // The brand as the registry spells it, whatever the seller typed.
    let l = Listing {
        title: "lego style building blocks 1000 pcs".into(),
        ..Default::default()
    };
    let f = engine().lint(&l, &LintConfig::default());
    assert!(
        f.iter()
            .any(|f| f.message.starts_with("LEGO is a toy brand")),
        "{f:?}"
    );
    // A reminder, not an accusation, for a brand sold as the listing's own.
    let l = Listing {
        title: "Nike Air Zoom Pegasus 40".into(),
        brand: "Nike".into(),
        ..Default::default()
    };
    let f = engine().lint(&l, &LintConfig::default());
    assert!(
        f.iter()
            .any(|f| f.message.starts_with("Is this genuine Nike?")),
        "{f:?}"
    );
}
