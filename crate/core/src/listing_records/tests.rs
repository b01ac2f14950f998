use super::*;
use crate::listing_json::tests::{random_listing, Rng};

fn rec(tag: u8, text: &str) -> Vec<u8> {
    let mut out = Vec::new();
    record(&mut out, tag, text);
    out
}

#[test]
fn reads_back_what_it_wrote_and_what_the_json_reader_reads() {
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let mut kept = Listing::default();
    let mut by_json = Listing::default();
    for _ in 0..3000 {
        let l = random_listing(&mut rng);
        let bytes = write(&l);
        // Into a kept listing that held the previous one (as lintRecords reads).
        read(&bytes, &mut kept).unwrap();
        assert_eq!(kept, l);
        let mut fresh = Listing::default();
        read(&bytes, &mut fresh).unwrap();
        assert_eq!(fresh, l);
        crate::listing_json::read(&serde_json::to_string(&l).unwrap(), &mut by_json).unwrap();
        assert_eq!(by_json, kept);
    }
}

#[test]
fn absent_fields_are_empty_and_lists_are_shortened() {
    let mut l = Listing::default();
    let long = Listing {
        title: "t".into(),
        bullets: vec!["a".into(), "b".into(), "c".into()],
        other: vec![("n".into(), "v".into()); 2],
        variants: vec![Variant::default(); 2],
        currency: Some("USD".into()),
        ..Listing::default()
    };
    read(&write(&long), &mut l).unwrap();
    let bytes = [rec(BULLET, "x"), rec(VARIANT_LABEL, "red")].concat();
    read(&bytes, &mut l).unwrap();
    let want = Listing {
        bullets: vec!["x".into()],
        variants: vec![Variant {
            label: "red".into(),
            ..Variant::default()
        }],
        ..Listing::default()
    };
    assert_eq!(l, want);
    read(&[], &mut l).unwrap();
    assert_eq!(l, Listing::default());
}

#[test]
fn an_unknown_marketplace_is_none_and_a_known_one_is_parsed() {
    let mut l = Listing::default();
    read(&rec(MARKETPLACE, "tiktok-shop"), &mut l).unwrap();
    assert_eq!(l.marketplace, Some(Marketplace::Tiktok));
    read(&rec(MARKETPLACE, "nowhere"), &mut l).unwrap();
    assert_eq!(l.marketplace, None);
}

#[test]
fn refusals_name_the_record_s_byte_offset() {
    let ok = rec(TITLE, "ok");
    let cases: [(Vec<u8>, &str); 7] = [
        (
            [ok.clone(), vec![BRAND, 1, 0]].concat(),
            "a record cut short at byte 7",
        ),
        (
            [ok.clone(), vec![BRAND, 9, 0, 0, 0, b'a']].concat(),
            "a record's text runs past the end at byte 7",
        ),
        (
            [ok.clone(), vec![BRAND, 2, 0, 0, 0, 0xC3, 0x28]].concat(),
            "a record's text is not UTF-8 at byte 7",
        ),
        (
            [ok.clone(), ok.clone()].concat(),
            "a listing field given twice at byte 7",
        ),
        (
            [ok.clone(), rec(99, "")].concat(),
            "an unknown record tag at byte 7",
        ),
        (
            rec(OTHER_TEXT, "v"),
            "an `other` text before its name at byte 0",
        ),
        (
            rec(VARIANT_PRICE, "1"),
            "a variant's price or cost before its label at byte 0",
        ),
    ];
    for (bytes, want) in cases {
        let mut l = Listing::default();
        assert_eq!(read(&bytes, &mut l).unwrap_err().to_string(), want);
    }
    // A length near u32::MAX does not overflow.
    let mut l = Listing::default();
    assert!(read(&[TITLE, 0xff, 0xff, 0xff, 0xff], &mut l).is_err());
}

#[test]
fn a_variant_s_fields_go_to_the_last_one_started() {
    let bytes = [
        rec(VARIANT_LABEL, "S"),
        rec(VARIANT_PRICE, "$1"),
        rec(VARIANT_LABEL, "M"),
        rec(VARIANT_COST, "$2"),
        rec(OTHER_NAME, "Material"),
        rec(OTHER_TEXT, "steel"),
    ]
    .concat();
    let mut l = Listing::default();
    read(&bytes, &mut l).unwrap();
    assert_eq!(l.variants[0].price, "$1");
    assert_eq!(l.variants[1].cost, "$2");
    assert_eq!(l.variants[1].price, "");
    assert_eq!(l.other, vec![("Material".into(), "steel".into())]);
}
