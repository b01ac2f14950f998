//! The Traditional Chinese (Taiwan) form of the built-in packs' Simplified Chinese texts
//! (messages, "Instead" lines, fix labels and suggestions, pack names and descriptions),
//! for [`crate::Lang::ZhTw`]. The table `data/zh_tw.txt` is keyed by the Simplified text;
//! `tools/opencc/gen_s2twp.py` generates it from OpenCC's s2twp dictionaries (Apache-2.0;
//! source, version and licence in `tools/opencc/README.md`) and the hand-reviewed phrase
//! fixes of `tools/opencc/zh_tw_fixes.txt`.
//!
//! It does not convert text it has no entry for: an imported pack's Chinese, or a built-in
//! text changed since the table was generated, is shown as written (the test below keeps
//! the built-in packs covered).

use std::collections::HashMap;
use std::sync::OnceLock;

const TABLE: &str = include_str!("../../data/zh_tw.txt");

fn table() -> &'static HashMap<&'static str, &'static str> {
    static MAP: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| {
        TABLE
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .collect()
    })
}

/// The Taiwan form of a Simplified pack text, when the table has one.
pub fn traditional(simplified: &str) -> Option<&'static str> {
    table().get(simplified).copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Pack;

    /// The command that regenerates the table (named in the failure).
    const REGENERATE: &str = "python3 tools/opencc/gen_s2twp.py <OpenCC checkout>/data/dictionary";

    /// Every Chinese text a built-in pack shows, with where it is.
    fn texts() -> Vec<(String, String)> {
        let mut out = Vec::new();
        for (name, src) in crate::builtin_sources() {
            let p = Pack::parse(src).unwrap();
            let mut push = |what: String, zh: &str| {
                if !zh.is_empty() {
                    out.push((format!("{name}: {what}"), zh.to_string()));
                }
            };
            push("name".into(), &p.info.name.zh);
            push("description".into(), &p.info.description.zh);
            for r in &p.rules {
                push(format!("{} message", r.full_id), &r.message.zh);
                if let Some(i) = &r.instead {
                    push(format!("{} instead", r.full_id), &i.zh);
                }
                for (n, f) in r.fixes.iter().enumerate() {
                    if let Some(l) = &f.label {
                        push(format!("{} fix {n} label", r.full_id), &l.zh);
                    }
                    for (lang, s) in f.with.iter().flatten() {
                        if *lang == crate::Language::Zh {
                            push(format!("{} fix {n} suggestion", r.full_id), s);
                        }
                    }
                }
            }
        }
        out
    }

    #[test]
    fn every_builtin_chinese_text_has_a_taiwan_form() {
        let missing: Vec<String> = texts()
            .into_iter()
            .filter(|(_, zh)| traditional(zh).is_none())
            .map(|(at, zh)| format!("  {at}: {zh}"))
            .collect();
        assert!(
            missing.is_empty(),
            "{} pack texts have no Traditional Chinese (Taiwan) form in crate/core/data/zh_tw.txt:\n{}\n\
             Regenerate the table with `{REGENERATE}` (OpenCC: `fetch` github:BYVoid/OpenCC, see \
             tools/opencc/README.md), read the new lines, and put any phrasing fix in tools/opencc/zh_tw_fixes.txt.",
            missing.len(),
            missing.join("\n")
        );
    }

    #[test]
    fn the_table_is_traditional_and_keeps_placeholders() {
        for (zh, tw) in table() {
            for ph in [
                "{match}", "{brand}", "{price}", "{floor}", "{count}", "{limit}",
            ] {
                assert_eq!(
                    zh.matches(ph).count(),
                    tw.matches(ph).count(),
                    "{ph} in {tw}"
                );
            }
            assert!(
                !tw.contains('“') && !tw.contains('”'),
                "curly quotes left in {tw}"
            );
        }
        assert_eq!(traditional("假冒用语"), Some("假冒用語"));
        assert_eq!(
            traditional("请通过平台消息联系我们"),
            Some("請透過平台訊息聯絡我們")
        );
    }
}
