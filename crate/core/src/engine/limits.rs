//! Bounds on what one listing may cost, and the finding that says a bound was hit.
//!
//! Each field is analysed up to [`crate::normalize::MAX_ANALYSED_CHARS`] characters;
//! a longer field gets one `info` finding of the built-in rule `engine.truncated`
//! saying the rest was not checked. Findings per rule and field are capped in
//! [`super::hit_index::MAX_FINDINGS_PER_RULE_FIELD`].

use super::lint::Pass;
use crate::config::Lang;
use crate::finding::{Finding, Policy, Severity, Span};
use crate::normalize::{analysed_len, MAX_ANALYSED_CHARS};

/// The id of the built-in rule behind the finding.
pub(crate) const TRUNCATED_RULE: &str = "engine.truncated";

/// One `info` finding per field longer than the analysed bound.
pub(crate) fn truncated_findings(p: &mut Pass) {
    for a in &p.fields {
        let cut = analysed_len(a.text);
        if cut == a.text.len() {
            continue;
        }
        let message = match p.config.lang {
            Lang::Zh => format!(
                "此字段只检查了前 {MAX_ANALYSED_CHARS} 个字符，其余部分未检查。"
            ),
            Lang::ZhTw => format!(
                "此欄位只檢查了前 {MAX_ANALYSED_CHARS} 個字元，其餘部分未檢查。"
            ),
            Lang::En => format!(
                "Only the first {MAX_ANALYSED_CHARS} characters of this field were checked; the rest was not."
            ),
        };
        p.out.push(Finding {
            rule: TRUNCATED_RULE.to_string(),
            pack: "engine".to_string(),
            severity: Severity::Info,
            field: a.field,
            span: Span::new(cut, cut),
            span_utf16: Span::default(),
            text: String::new(),
            message,
            policy: Policy::default(),
            brand: None,
            brand_use: None,
            proof_note: None,
            marketplace: None,
            variant: None,
            fixes: Vec::new(),
            instead: None,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::hit_index::{LOOKED_AT, MAX_FINDINGS_PER_RULE_FIELD};
    use super::*;
    use crate::{Engine, LintConfig, Listing};
    use std::sync::OnceLock;

    fn engine() -> &'static Engine {
        static E: OnceLock<Engine> = OnceLock::new();
        E.get_or_init(|| Engine::builtin().unwrap())
    }

    /// Lints a description of `n` repetitions of risky wording next to a brand and
    /// returns the findings and the hits the per-finding questions looked at.
    fn hostile(n: usize) -> (Vec<crate::Finding>, usize) {
        let l = Listing {
            title: "Watch".into(),
            description: "Rolex replica 🔥 高仿 ".repeat(n),
            ..Default::default()
        };
        LOOKED_AT.with(|c| c.set(0));
        let f = engine().lint(&l, &LintConfig::default());
        (f, LOOKED_AT.with(|c| c.get()))
    }

    #[test]
    fn repeated_risky_words_cost_linear_work() {
        let (f10, w10) = hostile(5_000);
        let (f20, w20) = hostile(10_000);
        // Both stay under the analysed bound, so the work compares like for like.
        assert!(!f20.iter().any(|f| f.rule == TRUNCATED_RULE));
        // Each question looks at a bounded number of hits, so twice the text is at most
        // about twice the work (a scan of every hit per hit would be four times).
        assert!(w10 > 0);
        assert!(w20 * 10 < w10 * 25, "work 5k: {w10}, 10k: {w20}");
        // Findings are capped per rule and field (merged overlaps count once).
        let mut per_rule = std::collections::HashMap::<(&str, crate::FieldRef), u32>::new();
        for f in &f20 {
            *per_rule.entry((&f.rule, f.field)).or_default() += 1;
        }
        assert!(per_rule.values().all(|&n| n <= MAX_FINDINGS_PER_RULE_FIELD));
        assert_eq!(f10.len(), f20.len());
    }

    #[test]
    fn a_long_field_is_cut_with_a_finding() {
        let desc = "plain words about a watch strap. ".repeat(3_000);
        assert!(desc.chars().count() < MAX_ANALYSED_CHARS);
        let long = format!("{}{}", "好".repeat(MAX_ANALYSED_CHARS), " replica");
        for (text, cut) in [(desc, false), (long, true)] {
            let l = Listing {
                description: text.clone(),
                ..Default::default()
            };
            let f = engine().lint(&l, &LintConfig::default());
            let t: Vec<_> = f.iter().filter(|f| f.rule == TRUNCATED_RULE).collect();
            assert_eq!(t.len(), usize::from(cut));
            if cut {
                // Nothing past the cut is reported; the span marks where checking stopped.
                assert!(!f.iter().any(|f| f.text.contains("replica")));
                let at = analysed_len(&text);
                assert_eq!(t[0].span, Span::new(at, at));
                assert_eq!(
                    t[0].span_utf16,
                    Span::new(MAX_ANALYSED_CHARS, MAX_ANALYSED_CHARS)
                );
                assert_eq!(t[0].severity, Severity::Info);
            }
        }
        let zh = LintConfig {
            lang: Lang::Zh,
            ..Default::default()
        };
        let l = Listing {
            description: "好".repeat(MAX_ANALYSED_CHARS + 1),
            ..Default::default()
        };
        assert!(engine().lint(&l, &zh)[0].message.contains("未检查"));
    }
}
