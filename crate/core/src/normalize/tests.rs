use super::*;

fn keys(s: &str) -> Vec<String> {
    let n = Normalized::new(s);
    n.tokens()
        .iter()
        .map(|t| match t.kind {
            TokenKind::Word => n.key(t).to_string(),
            TokenKind::Cjk => format!("[{}]", &n.text()[t.span.clone()]),
        })
        .collect()
}

#[test]
fn folding_table() {
    let cases: &[(&str, &str)] = &[
        ("Ｎｉｋｅ", "nike"),
        ("𝗖𝗵𝗮𝗻𝗲𝗹", "chanel"),
        ("Hermès", "hermes"),
        ("He\u{301}rme\u{300}s", "hermes"),
        ("R\u{43e}lex", "rolex"),
        ("N\u{456}ke", "nike"),
        ("Ni\u{200b}ke", "nike"),
        ("香～奈儿", "香奈儿"),
        ("香 奈 儿", "香奈儿"),
        ("高 仿", "高仿"),
        ("耐*克", "耐克"),
        ("质量高，仿佛", "质量高,仿佛"),
        ("1：1", "1:1"),
        ("ﬁne", "fine"),
    ];
    let mut failures = Vec::new();
    for (input, want) in cases {
        let got = Normalized::new(input);
        if got.text() != *want {
            failures.push(format!("{input:?}: got {:?}, want {want:?}", got.text()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn token_table() {
    let cases: &[(&str, &[&str])] = &[
        ("Nike shoes", &["nike", "shoes"]),
        ("N.i.k.e", &["nike"]),
        ("N i k e shoes", &["nike", "shoes"]),
        ("G-U-C-C-I", &["gucci"]),
        ("L.V bag", &["iv", "bag"]),
        ("L V bag", &["i", "v", "bag"]),
        ("N1ke", &["nike"]),
        ("R0lex", &["roiex"]),
        ("App1e", &["appie"]),
        ("Ch@nel", &["chanei"]),
        ("ps4 4k iphone15 15", &["ps4", "4k", "iphone15", "15"]),
        ("耐克Nike鞋", &["[耐]", "[克]", "nike", "[鞋]"]),
        ("1:1", &["1", "1"]),
    ];
    let mut failures = Vec::new();
    for (input, want) in cases {
        let got = keys(input);
        if got != *want {
            failures.push(format!("{input:?}: got {got:?}, want {want:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn spans_map_back_to_the_original() {
    let cases: &[(&str, &str)] = &[
        ("𝗖𝗵𝗮𝗻𝗲𝗹 bag", "𝗖𝗵𝗮𝗻𝗲𝗹"),
        ("🔥🔥 Nike", "Nike"),
        ("x Ni\u{200b}ke", "Ni\u{200b}ke"),
        ("N.i.k.e!", "N.i.k.e"),
        ("Cafe\u{301} x", "Cafe\u{301}"),
    ];
    for (input, want) in cases {
        let n = Normalized::new(input);
        let tok = n
            .tokens()
            .iter()
            .find(|t| t.kind == TokenKind::Word && n.key(t) != "x")
            .unwrap();
        assert_eq!(&input[n.to_original(tok.span.clone())], *want, "{input:?}");
    }
    let n = Normalized::new("ab");
    assert_eq!(n.to_original(2..2), 2..2);
    assert_eq!(n.to_original(1..1), 1..1);
    assert_eq!(Normalized::new("").to_original(0..0), 0..0);
}

proptest::proptest! {
    #[test]
    fn never_panics_and_stays_in_bounds(s in "(\\PC|[🔥👍🏽\u{200b}\u{301}\u{feff}Ｎ香～ 。])*") {
        let n = Normalized::new(&s);
        for t in n.tokens() {
            proptest::prop_assert!(n.text().is_char_boundary(t.span.start) && n.text().is_char_boundary(t.span.end));
            let o = n.to_original(t.span.clone());
            proptest::prop_assert!(o.start <= o.end && o.end <= s.len());
            proptest::prop_assert!(s.is_char_boundary(o.start) && s.is_char_boundary(o.end));
        }
        for a in 0..=n.text().len() {
            let o = n.to_original(a..n.text().len());
            proptest::prop_assert!(o.start <= o.end && o.end <= s.len());
            proptest::prop_assert!(s.is_char_boundary(o.start) && s.is_char_boundary(o.end));
        }
    }
}

#[test]
fn evasion_classes_fold() {
    // (input, normalised text)
    let cases: &[(&str, &str)] = &[
        // Enclosed and parenthesised letters.
        ("Ⓝⓘⓚⓔ", "nike"),
        ("⒩⒤⒦⒠", "nike"),
        ("🄝🄘🄚🄔", "nike"),
        // Negative squared and circled capitals.
        ("🅽🅸🅺🅴", "nike"),
        ("🅝🅘🅚🅔", "nike"),
        // Regional indicators: letters in a run of three or more, a flag otherwise.
        ("🇳🇮🇰🇪", "nike"),
        ("🇺🇸 seller", "🇺🇸 seller"),
        // Latin small capitals.
        ("ɴɪᴋᴇ", "nike"),
        ("ʀᴏʟᴇx", "rolex"),
        // Capital Greek and Cherokee look-alikes, seen before lower-casing.
        ("ΝΙΚΕ", "nike"),
        ("ᏒᎾᏞᎬХ", "rolex"),
        ("ꮢꮎꮮꭼ", "role"),
        // ™ ℠ ® stay symbols.
        ("Rolex™", "rolex™"),
        ("Nike®Air", "nike®air"),
        ("Gucci℠", "gucci℠"),
        // HTML character references.
        ("A&amp;B", "a&b"),
        ("&#82;&#111;lex", "rolex"),
        ("&#x52;olex", "rolex"),
        ("Nike&nbsp;Air", "nike air"),
        ("AT&T", "at&t"),
        // Traditional and Taiwan/Hong Kong variant forms to Simplified.
        ("仿冒", "仿冒"),
        ("A貨", "a货"),
        ("電子煙", "电子烟"),
        ("藥", "药"),
        ("槍", "枪"),
        ("僞造", "伪造"),
        ("偽造", "伪造"),
        ("衞生", "卫生"),
        // Thai keeps its vowel and tone marks.
        ("ของแท้", "ของแท้"),
        // Thai broken into letters by spaces, dots or emoji is joined; phrases stay apart.
        ("ก๊ อ ป ปี้", "ก๊อปปี้"),
        ("ก.๊.อ.ป", "ก๊อป"),
        ("เร พ ลิ ก้า", "เรพลิก้า"),
        ("ก๊อป🔥ปี้", "ก๊อปปี้"),
        ("กระเป๋าสะพาย ก๊ อ ป", "กระเป๋าสะพาย ก๊อป"),
        ("เสื้อยืด สีขาว", "เสื้อยืด สีขาว"),
        ("ของแท้ Nike", "ของแท้ nike"),
        // A Thai mark typed twice is read once.
        ("ก๊๊อป", "ก๊อป"),
        // Thai, Lao, Khmer and Myanmar digits are ASCII digits.
        ("งาน ๑:๑", "งาน 1:1"),
        ("໑໒ ១២ ၁၂", "12 12 12"),
        // Emoji between CJK characters, and `。` after a lone character, are dropped;
        // `。` after a word ends a sentence.
        ("高🔥仿", "高仿"),
        ("高😀仿", "高仿"),
        ("凱莉包 高。仿", "凯莉包高仿"),
        ("手工皂。天然精油", "手工皂。天然精油"),
        ("春节🧧 sale", "春节🧧 sale"),
        // A too-long compatibility form is kept as it is.
        ("ﷺ", "ﷺ"),
    ];
    let mut failures = Vec::new();
    for (input, want) in cases {
        let got = Normalized::new(input);
        if got.text() != *want {
            failures.push(format!("{input:?}: got {:?}, want {want:?}", got.text()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn evasion_classes_tokenize() {
    let cases: &[(&str, &[&str])] = &[
        ("N•I•K•E", &["nike"]),
        ("N●I●K●E", &["nike"]),
        ("R🔥O🔥L🔥E🔥X", &["roiex"]),
        ("R🔥O👍🏽L🔥E🔥X", &["roiex"]),
        ("G、U、C、C、I", &["gucci"]),
        ("G・U・C・C・I", &["gucci"]),
        ("$upreme", &["supreme"]),
        ("Pr@da", &["prada"]),
        ("Guc¢i", &["gucci"]),
        ("€hanel", &["chanei"]),
        ("Nik€", &["nike"]),
        ("Lou!s", &["iouis"]),
        ("adida$ shoes", &["adidas", "shoes"]),
        ("$25 only", &["25", "oniy"]),
        ("25$ only", &["25", "oniy"]),
        ("US$25", &["uss25"]),
        ("wow!", &["wow"]),
        ("@nike", &["nike"]),
        ("Rolex™ watch", &["roiex", "watch"]),
        ("Nike®Air", &["nike", "air"]),
        (
            "ของแท้Nike",
            &["[ข]", "[อ]", "[ง]", "[แ]", "[ท]", "[้]", "nike"],
        ),
    ];
    let mut failures = Vec::new();
    for (input, want) in cases {
        let got = keys(input);
        if got != *want {
            failures.push(format!("{input:?}: got {got:?}, want {want:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn new_folds_map_back_to_the_original() {
    // (input, what the first word token maps back to)
    let cases: &[(&str, &str)] = &[
        ("x &#82;&#111;lex", "&#82;&#111;lex"),
        ("🅽🅸🅺🅴!", "🅽🅸🅺🅴"),
        ("🇳🇮🇰🇪 shoes", "🇳🇮🇰🇪"),
        ("ΝΙΚΕ air", "ΝΙΚΕ"),
        ("$upreme tee", "$upreme"),
        ("Rolex™", "Rolex"),
        ("🔥 N•I•K•E 🔥", "N•I•K•E"),
    ];
    for (input, want) in cases {
        let n = Normalized::new(input);
        let tok = n
            .tokens()
            .iter()
            .find(|t| t.kind == TokenKind::Word && n.key(t) != "x")
            .unwrap();
        assert_eq!(&input[n.to_original(tok.span.clone())], *want, "{input:?}");
    }
    // Joined Thai letters map back over the separators and the repeated mark.
    for (input, joined, want) in [
        ("x ก.๊.อ.ป y", "ก๊อป", "ก.๊.อ.ป"),
        ("x ก๊๊อป y", "ก๊อป", "ก๊๊อป"),
        ("x 高🔥仿 y", "高仿", "高🔥仿"),
        ("x 高。仿 y", "高仿", "高。仿"),
    ] {
        let n = Normalized::new(input);
        let at = n.text().find(joined).unwrap();
        assert_eq!(
            &input[n.to_original(at..at + joined.len())],
            want,
            "{input:?}"
        );
    }
    // Traditional folded to Simplified maps one character to one.
    let input = "正品電子煙";
    let n = Normalized::new(input);
    let at = n.text().find("电子烟").unwrap();
    assert_eq!(&input[n.to_original(at..at + "电子烟".len())], "電子煙");
}

#[test]
fn t2s_table_is_loaded_and_idempotent() {
    assert!(t2s::len() > 3000);
    for c in ['电', '药', '枪', '货', '烟', '伪', '吃', '只'] {
        assert_eq!(t2s::simplify(c), c, "{c} is Simplified already");
    }
}

#[test]
fn origin_map_stays_compact() {
    // Plain text of any length is one run.
    let ascii = "Nike shoes, brand new. ".repeat(4_000);
    let n = Normalized::new(&ascii);
    assert!(n.origin_bytes() <= 64, "{}", n.origin_bytes());
    // Chinese (Traditional folded too) keeps byte lengths: still one run.
    let zh = "正品電子煙高仿".repeat(2_000);
    assert!(Normalized::new(&zh).origin_bytes() <= 64);
    // Every character changing length costs one run per character, bounded by
    // 12 bytes per original character (the old map cost 8 bytes per normalised byte).
    let wide = "Ｎｉｋｅ".repeat(10_000);
    let n = Normalized::new(&wide);
    assert!(n.origin_bytes() <= 12 * 40_000, "{}", n.origin_bytes());
    // A character with an 18-character compatibility form stays one character.
    let long = "\u{FDFA}".repeat(10_000);
    let n = Normalized::new(&long);
    assert!(n.text().len() <= long.len() * MAX_EXPANSION);
    assert_eq!(n.text().len(), long.len());
    // Expansion is bounded for a character NFKC expands within the limit.
    let sq = "㍿".repeat(2_000);
    let n = Normalized::new(&sq);
    assert!(n.text().chars().count() <= 2_000 * MAX_EXPANSION);
    assert!(n.origin_bytes() <= 12 * 2_000 + 64, "{}", n.origin_bytes());
}

#[test]
fn analysed_prefix_is_cut_on_a_char_boundary() {
    let s = "電".repeat(MAX_ANALYSED_CHARS + 10);
    let cut = analysed_len(&s);
    assert!(s.is_char_boundary(cut));
    assert_eq!(s[..cut].chars().count(), MAX_ANALYSED_CHARS);
    assert_eq!(analysed_len("short"), 5);
}

/// A field normalised into the buffers a dropped one left (`scratch.rs`) is the field
/// normalised afresh, whatever the one before held.
#[test]
fn kept_buffers_leave_nothing_behind() {
    let texts = [
        "N.i.k.e Air 高仿 ของแท้ Ro lex",
        "",
        "Rolex",
        "電子煙 &amp; ｎｉｋｅ",
        &"long words only ".repeat(400),
        "a",
    ];
    let fresh: Vec<(String, String, Vec<Token>)> = texts
        .iter()
        .map(|t| {
            let n = Normalized::new(t);
            (
                n.text().to_string(),
                n.keys().to_string(),
                n.tokens().to_vec(),
            )
        })
        .collect();
    for round in 0..3 {
        // Several alive at once, dropped in another order than made.
        let mut alive: Vec<Normalized> = texts.iter().map(|t| Normalized::new(t)).collect();
        alive.rotate_left(round);
        drop(alive);
        for (t, want) in texts.iter().zip(&fresh) {
            let n = Normalized::new(t);
            assert_eq!(
                (n.text(), n.keys(), n.tokens()),
                (&*want.0, &*want.1, &*want.2),
                "{t:?}"
            );
        }
    }
}

proptest::proptest! {
    #[test]
    fn new_folds_keep_spans_exact(s in "([Ⓝⓘ⒩🅽🅝🇳🇮🇰ɴɪᴋΝΙΚᏒᎾꮢ電藥槍貨ของแท้ก๊่ำ๑໑ລາວ™®℠$€¢@•、。🔥 .\\-]|&amp;|&#82;|&#x52;|&nbsp;|&#;|&|e\u{301}|\u{200b}|Nike|Ro|lex)*") {
        let n = Normalized::new(&s);
        for t in n.tokens() {
            proptest::prop_assert!(n.text().is_char_boundary(t.span.start) && n.text().is_char_boundary(t.span.end));
            let o = n.to_original(t.span.clone());
            proptest::prop_assert!(o.start <= o.end && o.end <= s.len());
            proptest::prop_assert!(s.is_char_boundary(o.start) && s.is_char_boundary(o.end));
        }
        // Every normalised character maps into the original, in order.
        let mut prev = 0;
        for (i, c) in n.text().char_indices() {
            let o = n.to_original(i..i + c.len_utf8());
            proptest::prop_assert!(o.start >= prev || o.start + 64 >= prev);
            proptest::prop_assert!(o.start < o.end && o.end <= s.len());
            proptest::prop_assert!(s.is_char_boundary(o.start) && s.is_char_boundary(o.end));
            prev = o.start;
        }
    }
}
