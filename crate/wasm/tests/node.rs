//! The binding as JavaScript sees it, run by wasm-bindgen-test in Node.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Object, Reflect, JSON};
use listing_guard_wasm::{check_pack, market_from_host, Linter};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

fn obj(json: &str) -> JsValue {
    JSON::parse(json).unwrap()
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

#[wasm_bindgen_test]
fn lints_with_utf16_spans() {
    let linter = Linter::new(vec![]).unwrap();
    let title = "🔥🔥 新款 replica Rolex 手表";
    let listing = obj(&format!(r#"{{"title": {title:?}}}"#));
    let findings: Array = linter
        .lint(listing, obj(r#"{"lang": "en"}"#), None)
        .unwrap()
        .into();
    assert!(findings.length() > 0);
    let units: Vec<u16> = title.encode_utf16().collect();
    let mut saw_replica = false;
    for f in findings.iter() {
        let start = get(&f, "start_utf16").as_f64().unwrap() as usize;
        let end = get(&f, "end_utf16").as_f64().unwrap() as usize;
        let text = get(&f, "text").as_string().unwrap();
        assert_eq!(String::from_utf16(&units[start..end]).unwrap(), text);
        saw_replica |= text == "replica";
        // Plain objects (JSON-compatible), not Maps.
        assert!(f.is_instance_of::<Object>());
        assert!(get(&f, "policy").is_object());
    }
    assert!(saw_replica);
}

#[wasm_bindgen_test]
fn fixes_carry_utf16_spans_of_the_original_text() {
    let linter = Linter::new(vec![]).unwrap();
    let title = "🔥 新款 Rolex replica, steel";
    let listing = obj(&format!(r#"{{"title": {title:?}}}"#));
    let findings: Array = linter
        .lint(listing, obj(r#"{"lang": "en"}"#), None)
        .unwrap()
        .into();
    let units: Vec<u16> = title.encode_utf16().collect();
    let replica = findings
        .iter()
        .find(|f| get(f, "text").as_string().as_deref() == Some("replica"))
        .expect("replica found");
    let fix = Array::from(&get(&replica, "fixes")).get(0);
    let start = get(&fix, "start").as_f64().unwrap() as usize;
    let end = get(&fix, "end").as_f64().unwrap() as usize;
    let with = get(&fix, "replacement").as_string().unwrap();
    let mut fixed: Vec<u16> = units[..start].to_vec();
    fixed.extend(with.encode_utf16());
    fixed.extend(&units[end..]);
    assert_eq!(String::from_utf16(&fixed).unwrap(), "🔥 新款 Rolex, steel");
    assert!(get(&fix, "label").as_string().unwrap().contains("replica"));
}

#[wasm_bindgen_test]
fn config_turns_a_pack_off_and_speaks_chinese() {
    let linter = Linter::new(vec![]).unwrap();
    let listing = obj(r#"{"title": "Rolex replica watch"}"#);
    let off: Array = linter
        .lint(
            listing.clone(),
            obj(r#"{"packs": {"counterfeit": false}}"#),
            None,
        )
        .unwrap()
        .into();
    assert!(off
        .iter()
        .all(|f| get(&f, "pack").as_string().unwrap() != "counterfeit"));
    let zh: Array = linter
        .lint(listing, obj(r#"{"lang": "zh-CN"}"#), None)
        .unwrap()
        .into();
    let msg = get(&zh.get(0), "message").as_string().unwrap();
    assert!(
        msg.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "{msg}"
    );
}

#[wasm_bindgen_test]
fn a_broken_pack_is_an_error_that_names_it() {
    let bad = "[pack]\nid = \"mine\"\nversion = \"1\"\nname = \"Mine\"\n\n[[rule]]\nid = \"x\"\nkind = \"pattern\"\nseverity = \"warn\"\npatterns = [\"(unclosed\"]\nmessage = \"m\"\npolicy = { name = \"p\" }\n";
    let err = check_pack(bad).err().expect("refused");
    let msg = JsValue::from(err);
    let text = get(&msg, "message").as_string().unwrap();
    assert!(
        text.contains("mine") && text.contains("`x`") && text.contains("line"),
        "{text}"
    );
    assert!(Linter::new(vec![bad.to_string()]).is_err());
    // The built-in engine is unaffected.
    assert!(Linter::new(vec![]).is_ok());
}

#[wasm_bindgen_test]
fn catalogue_lists_packs() {
    let linter = Linter::new(vec![]).unwrap();
    let packs: Array = linter.packs().unwrap().into();
    assert!(packs.length() >= 5);
    for p in packs.iter() {
        assert!(get(&p, "rule_count").as_f64().unwrap() >= 1.0);
        assert!(get(&get(&p, "name"), "zh").is_string());
    }
}

#[wasm_bindgen_test]
fn variation_table_rows_are_checked_and_carry_their_index() {
    let linter = Linter::new(vec![]).unwrap();
    let mut rows: Vec<String> = (0..200)
        .map(|i| format!(r#"{{"label": "row {i}", "price": "$9,{:03}"}}"#, i))
        .collect();
    rows[179] = r#"{"label": "row 179", "price": "$25"}"#.into();
    let listing = obj(&format!(
        r#"{{"title": "Rolex Submariner Date 41mm", "price": "$9,450", "variants": [{}]}}"#,
        rows.join(",")
    ));
    let findings: Array = linter
        .lint(listing, obj(r#"{"lang": "en"}"#), None)
        .unwrap()
        .into();
    let floor: Vec<JsValue> = findings
        .iter()
        .filter(|f| get(f, "rule").as_string().as_deref() == Some("price.below-floor"))
        .collect();
    assert_eq!(floor.len(), 1);
    assert_eq!(get(&floor[0], "variant").as_f64(), Some(179.0));
    assert_eq!(
        get(&floor[0], "field").as_string().as_deref(),
        Some("price")
    );
    // Findings about other fields have no `variant` key.
    for f in findings.iter() {
        if get(&f, "field").as_string().as_deref() == Some("title") {
            assert!(get(&f, "variant").is_undefined());
        }
    }
}

#[wasm_bindgen_test]
fn market_and_policy_per_marketplace_cross_the_boundary() {
    let pack = r#"[pack]
id = "mine"
version = "1"
name = "Mine"

[[rule]]
id = "vape"
kind = "term"
severity = { default = "warn", market = { au = "block" } }
markets = ["au", "sg"]
terms = ["e-cigarette"]
message = "m"
policy = { default = { name = "General", url = "https://example.org/g" }, amazon = { name = "Amazon policy", url = "https://example.org/a" } }
"#;
    let linter = Linter::new(vec![pack.to_string()]).unwrap();
    let listing = obj(r#"{"title": "Disposable e-cigarette"}"#);
    let mine = |config: &str| -> Vec<JsValue> {
        let all: Array = linter
            .lint(listing.clone(), obj(config), None)
            .unwrap()
            .into();
        all.iter()
            .filter(|f| get(f, "rule").as_string().unwrap() == "mine.vape")
            .collect()
    };
    let au = mine(r#"{"market": "au", "marketplace": "amazon"}"#);
    assert_eq!(get(&au[0], "severity").as_string().unwrap(), "block");
    // The policy keeps its shape: { name, url }, the seller's marketplace's own.
    let policy = get(&au[0], "policy");
    assert_eq!(get(&policy, "name").as_string().unwrap(), "Amazon policy");
    assert_eq!(
        get(&policy, "url").as_string().unwrap(),
        "https://example.org/a"
    );
    let sg = mine(r#"{"market": "SG", "marketplace": "shopee"}"#);
    assert_eq!(get(&sg[0], "severity").as_string().unwrap(), "warn");
    assert_eq!(
        get(&get(&sg[0], "policy"), "name").as_string().unwrap(),
        "General"
    );
    assert!(mine(r#"{"market": "us"}"#).is_empty());
    assert_eq!(market_from_host("seller.shopee.tw").as_deref(), Some("tw"));
    assert_eq!(market_from_host("www.ebay.com"), None);
    // A declared language is accepted (and an unknown one ignored, like a marketplace).
    assert_eq!(mine(r#"{"market": "au", "language": "vi"}"#).len(), 1);
    assert_eq!(mine(r#"{"market": "au", "language": "xx"}"#).len(), 1);
}

#[wasm_bindgen_test]
fn a_keyed_config_is_converted_once_per_key() {
    let linter = Linter::new(vec![]).unwrap();
    let listing = obj(r#"{"title": "Rolex replica watch"}"#);
    let count = |v: JsValue| Array::from(&v).length();
    let on = linter
        .lint(listing.clone(), obj("{}"), Some("a".into()))
        .unwrap();
    // Same key: the config passed is not read again (even a wrong one).
    let same = linter
        .lint(
            listing.clone(),
            obj(r#"{"packs": {"counterfeit": false}}"#),
            Some("a".into()),
        )
        .unwrap();
    assert_eq!(count(on.clone()), count(same));
    // A new key converts the new config.
    let off = linter
        .lint(
            listing.clone(),
            obj(r#"{"packs": {"counterfeit": false}}"#),
            Some("b".into()),
        )
        .unwrap();
    assert!(count(off) < count(on));
    // A bad config under a new key is still refused.
    assert!(linter
        .lint(
            listing,
            obj(r#"{"severity": {"x": "loud"}}"#),
            Some("c".into())
        )
        .is_err());
}

#[wasm_bindgen_test]
fn lint_json_finds_what_lint_finds_under_the_config_set() {
    let linter = Linter::new(vec![]).unwrap();
    let text = r#"{"title": "🔥 Rolex replica watch 高仿", "price": "$20"}"#;
    let count = |v: &JsValue| Array::from(v).length();
    let by_lint = linter
        .lint(obj(text), obj(r#"{"lang": "en"}"#), None)
        .unwrap();
    linter.set_config(obj(r#"{"lang": "en"}"#)).unwrap();
    let by_json = linter.lint_json(text).unwrap();
    assert!(count(&by_json) > 0);
    assert_eq!(
        JSON::stringify(&by_json).unwrap(),
        JSON::stringify(&by_lint).unwrap()
    );
    // The config set stays until the next call; a refused one keeps the one before.
    assert!(linter
        .set_config(obj(r#"{"severity": {"x": "loud"}}"#))
        .is_err());
    assert_eq!(count(&linter.lint_json(text).unwrap()), count(&by_lint));
    linter
        .set_config(obj(r#"{"packs": {"counterfeit": false}}"#))
        .unwrap();
    assert!(count(&linter.lint_json(text).unwrap()) < count(&by_lint));
    // No findings: one shared frozen empty array; an empty or null listing is no text.
    let a = linter.lint_json(r#"{"title": "steel bottle"}"#).unwrap();
    let b = linter.lint_json("null").unwrap();
    assert_eq!(count(&a), 0);
    assert!(Object::is_frozen(&Object::from(a.clone())));
    assert!(Object::is(&a, &b));
    assert!(linter.lint_json("{").is_err());
}

#[wasm_bindgen_test]
fn lint_records_finds_what_lint_json_finds() {
    let linter = Linter::new(vec![]).unwrap();
    let text = r#"{"title": "🔥 Rolex replica watch 高仿", "bullets": ["AAA grade copy"], "price": "$20", "variants": [{"label": "S", "price": "$3"}]}"#;
    let mut listing = listing_guard::Listing::default();
    listing_guard::listing_json::read(text, &mut listing).unwrap();
    linter.set_config(obj(r#"{"lang": "en"}"#)).unwrap();
    let by_json = linter.lint_json(text).unwrap();
    let by_records = linter
        .lint_records(&listing_guard::listing_records::write(&listing))
        .unwrap();
    assert!(Array::from(&by_records).length() > 0);
    assert_eq!(
        JSON::stringify(&by_records).unwrap(),
        JSON::stringify(&by_json).unwrap()
    );
    // No records: the empty listing, the shared empty array. Bad records are refused.
    let none = linter.lint_records(&[]).unwrap();
    assert!(Object::is(&none, &linter.lint_json("null").unwrap()));
    let err = JsValue::from(linter.lint_records(&[1, 9, 0, 0, 0, b'a']).unwrap_err());
    let message = Reflect::get(&err, &"message".into()).unwrap().as_string();
    assert_eq!(
        message.as_deref(),
        Some("listing records: a record's text runs past the end at byte 0")
    );
}
