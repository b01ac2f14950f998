//! Messages in Traditional Chinese (Taiwan): `Lang::ZhTw` shows the packs' Chinese through
//! the generated table, and a Chinese fix in a field written in Traditional characters is
//! offered in its Taiwan form.

use listing_guard::{Engine, Lang, LintConfig, Listing};

fn lint(description: &str, lang: Lang) -> listing_guard::Finding {
    let engine = Engine::builtin().unwrap();
    let listing = Listing {
        description: description.into(),
        ..Listing::default()
    };
    let config = LintConfig {
        lang,
        ..LintConfig::default()
    };
    engine
        .lint(&listing, &config)
        .into_iter()
        .find(|f| f.rule == "claims.contact-details")
        .expect("the contact rule fires")
}

#[test]
fn zh_tw_messages_instead_lines_and_labels_are_traditional() {
    let f = lint("歡迎詢問，私下交易更優惠", Lang::ZhTw);
    assert!(f.message.contains("會把買家引出平台"), "{}", f.message);
    assert!(f.message.starts_with("「私下交易」"), "{}", f.message);
    assert_eq!(f.instead.as_deref(), Some("請買家透過平台站內訊息詢問。"));
    assert_eq!(f.fixes[0].replacement, "請透過平台訊息聯絡我們");
    assert_eq!(f.fixes[0].label, "改為「請透過平台訊息聯絡我們」");
    assert_eq!(f.fixes[1].label, "刪除「私下交易」");
}

#[test]
fn simplified_stays_simplified() {
    let f = lint("欢迎咨询，私下交易更优惠", Lang::Zh);
    assert!(f.message.contains("会把买家引出平台"), "{}", f.message);
    assert_eq!(f.fixes[0].replacement, "请通过平台消息联系我们");
    // A Simplified listing keeps a Simplified fix even when the seller's browser is in zh-TW:
    // the fix is text for the listing, the message is text for the seller.
    let tw = lint("欢迎咨询，私下交易更优惠", Lang::ZhTw);
    assert_eq!(tw.fixes[0].replacement, "请通过平台消息联系我们");
    assert!(tw.message.contains("會把買家引出平台"));
}

#[test]
fn browser_tags_parse() {
    for (tag, lang) in [
        ("zh-TW", Lang::ZhTw),
        ("zh_TW", Lang::ZhTw),
        ("zh-Hant-HK", Lang::ZhTw),
        ("zh-CN", Lang::Zh),
        ("zh", Lang::Zh),
        ("en-GB", Lang::En),
    ] {
        assert_eq!(Lang::parse(tag), Some(lang), "{tag}");
    }
    assert_eq!(
        serde_json::from_str::<Lang>("\"zh-TW\"").unwrap(),
        Lang::ZhTw
    );
}
