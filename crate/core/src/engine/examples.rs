//! Runs the examples every rule carries: listings it must fire on and listings it must
//! not. Every shipped pack's examples run as a test; `listing-guard packs check` runs
//! them for a pack being written.

use super::Engine;
use crate::config::LintConfig;
use crate::pack::Example;
use std::fmt;

/// One example that did not behave as its rule says.
#[derive(Clone, Debug, PartialEq)]
pub struct ExampleFailure {
    /// The rule, `pack.rule`.
    pub rule: String,
    /// `fire` or `pass`, and the example's position in that list.
    pub which: String,
    /// The example as written.
    pub example: String,
    /// What the engine found for this rule (for a `pass` example) or for any rule (for
    /// a `fire` example that did not fire).
    pub found: Vec<String>,
}

impl fmt::Display for ExampleFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let expect = if self.which.starts_with("fire") {
            "should fire but did not"
        } else if self.which.starts_with("fix") {
            "is not what the fix gives"
        } else {
            "should not fire but did"
        };
        write!(
            f,
            "{} examples.{}: {} {expect}",
            self.rule, self.which, self.example
        )?;
        if !self.found.is_empty() {
            write!(f, "; found: {}", self.found.join("; "))?;
        }
        Ok(())
    }
}

impl Engine {
    /// Runs the examples of every rule of pack `pack_id` (all packs when `None`) and
    /// returns every failure. The pack is switched on for the run even when it is off by
    /// default; other packs keep their defaults.
    pub fn check_examples(&self, pack_id: Option<&str>) -> Vec<ExampleFailure> {
        let c = &self.compiled;
        let mut failures = Vec::new();
        for (ri, rule) in c.rules.iter().enumerate() {
            let pack = &c.infos[c.rule_pack[ri] as usize].id;
            if pack_id.is_some_and(|p| p != pack) {
                continue;
            }
            let run = |e: &Example| {
                let config = LintConfig {
                    packs: [(pack.clone(), true)].into_iter().collect(),
                    allow_brands: e.allow_brands.clone(),
                    language: e.language,
                    marketplace: e
                        .listing
                        .marketplace
                        .or_else(|| rule.marketplaces.first().copied()),
                    ..Default::default()
                };
                self.lint(&e.listing, &config)
            };
            let describe = |f: &crate::Finding| format!("{} {:?} [{}]", f.rule, f.text, f.severity);
            for (i, e) in rule.fire.iter().enumerate() {
                let found = run(e);
                if !found.iter().any(|f| f.rule == rule.full_id) {
                    failures.push(ExampleFailure {
                        rule: rule.full_id.clone(),
                        which: format!("fire[{i}]"),
                        example: e.shown.clone(),
                        found: found.iter().map(describe).collect(),
                    });
                }
            }
            for (i, e) in rule.pass.iter().enumerate() {
                let found: Vec<String> = run(e)
                    .iter()
                    .filter(|f| f.rule == rule.full_id)
                    .map(describe)
                    .collect();
                if !found.is_empty() {
                    failures.push(ExampleFailure {
                        rule: rule.full_id.clone(),
                        which: format!("pass[{i}]"),
                        example: e.shown.clone(),
                        found,
                    });
                }
            }
            for (i, e) in rule.fix_examples.iter().enumerate() {
                if let Some(f) = self.check_fix(pack, rule, e) {
                    failures.push(ExampleFailure {
                        rule: rule.full_id.clone(),
                        which: format!("fix[{i}]"),
                        example: format!("{:?} → {:?}", e.text, e.result),
                        found: vec![f],
                    });
                }
            }
        }
        failures
    }

    /// `None` when applying the example's fix to its text gives its result; else what
    /// happened instead.
    fn check_fix(
        &self,
        pack: &str,
        rule: &crate::pack::Rule,
        e: &crate::pack::fix::FixExample,
    ) -> Option<String> {
        let mut listing = crate::Listing::default();
        let field = rule.fields[0];
        match field {
            crate::FieldRole::Title => listing.title = e.text.clone(),
            crate::FieldRole::Bullets => listing.bullets = vec![e.text.clone()],
            crate::FieldRole::Description => listing.description = e.text.clone(),
            crate::FieldRole::Keywords => listing.keywords = e.text.clone(),
            crate::FieldRole::Other => listing.other = vec![("other".into(), e.text.clone())],
            _ => return Some(format!("fix examples need a text field, not {field}")),
        }
        let config = LintConfig {
            packs: [(pack.to_string(), true)].into_iter().collect(),
            marketplace: e.marketplace.or_else(|| rule.marketplaces.first().copied()),
            ..Default::default()
        };
        let found = self.lint(&listing, &config);
        let Some(f) = found.iter().find(|f| f.rule == rule.full_id) else {
            return Some("the rule did not fire".into());
        };
        let Some(edit) = f.fixes.get(e.fix) else {
            return Some(format!("the finding offers {} fixes", f.fixes.len()));
        };
        let got = format!(
            "{}{}{}",
            &e.text[..edit.span.start],
            edit.replacement,
            &e.text[edit.span.end..]
        );
        (got != e.result).then(|| format!("the fix gives {got:?}"))
    }
}
