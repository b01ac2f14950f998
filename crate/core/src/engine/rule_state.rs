//! Which rules are on, and at what severity, for one configuration on one marketplace
//! and destination market: worked out the first time a lint asks and kept, so that
//! switching packs and rules on and off costs nothing per lint (issue 16) and a
//! seller's typing does not look up every rule's pack in the configuration again.
//!
//! The key is what the answer depends on: the configuration's pack and rule switches,
//! the marketplace and the market. Severity overrides, brands and ignores do not
//! change which rules run and are read per lint as before. A few keys are kept (a
//! catalogue mixes markets; the extension has one configuration per tab).
//!
//! It is a cache, not a second source of truth: [`RuleStates::new`] is the definition.

use super::checks::CharSet;
use super::compile::Compiled;
use crate::config::LintConfig;
use crate::finding::Severity;
use crate::listing::{FieldRole, Marketplace};
use crate::pack::{FieldCheck, RuleKind};
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

/// The rules' state under one key.
pub(crate) struct RuleStates {
    /// Whether each rule runs.
    pub active: Vec<bool>,
    /// Each rule's severity here (`Info` where it has none: then it does not run).
    pub severity: Vec<Severity>,
    /// The field roles some active pattern rule reads, one bit per role
    /// ([`role_bit`]): a field no pattern reads skips the pattern prefilter.
    pub pattern_roles: u32,
    /// The active structural `field` rules (lengths, counts, characters), in rule
    /// order: the field checks visit these, not every rule of every pack, per lint.
    pub field_rules: Vec<FieldRule>,
    /// The price floors of active rules as `(brand group, index into
    /// Compiled::floors)`, sorted: a listing's brands find their floors by binary
    /// search, not by a sweep of every floor per lint.
    pub floors: Vec<(u32, usize)>,
}

/// An active structural `field` rule, as the field checks read it.
pub(crate) struct FieldRule {
    pub rule: u32,
    /// The field roles it reads, one bit per role ([`role_bit`]).
    pub roles: u32,
    /// A forbidden-chars rule's set, made ready for scanning.
    pub chars: Option<CharSet>,
}

pub(crate) fn role_bit(role: FieldRole) -> u32 {
    1 << role as u32
}

impl RuleStates {
    pub fn new(
        c: &Compiled,
        config: &LintConfig,
        mp: Option<Marketplace>,
        market: Option<&str>,
    ) -> RuleStates {
        // Each pack's switch once, not once per rule.
        let pack_on: Vec<bool> = c
            .infos
            .iter()
            .map(|p| {
                config
                    .packs
                    .get(&p.id)
                    .copied()
                    .unwrap_or(p.default_enabled)
            })
            .collect();
        let mut active = Vec::with_capacity(c.rules.len());
        let mut severity = Vec::with_capacity(c.rules.len());
        let mut pattern_roles = 0;
        let mut field_rules = Vec::new();
        for (r, (rule, &pi)) in c.rules.iter().zip(&c.rule_pack).enumerate() {
            let sev = rule.severity.get(mp, market);
            let on = pack_on[pi as usize]
                && (config.rules.is_empty()
                    || config.rules.get(&rule.full_id).copied().unwrap_or(true))
                && rule.applies_on(mp, market)
                && sev.is_some();
            if on && matches!(rule.kind, RuleKind::Pattern { .. }) {
                pattern_roles |= rule.fields.iter().fold(0, |m, &r| m | role_bit(r));
            }
            if on {
                if let RuleKind::Field(check) = &rule.kind {
                    let chars = match check {
                        FieldCheck::ForbiddenChars(chars) => Some(CharSet::new(chars)),
                        _ => None,
                    };
                    field_rules.push(FieldRule {
                        rule: r as u32,
                        roles: rule.fields.iter().fold(0, |m, &f| m | role_bit(f)),
                        chars,
                    });
                }
            }
            active.push(on);
            severity.push(sev.unwrap_or(Severity::Info));
        }
        let mut floors: Vec<(u32, usize)> = (c.floors.iter().enumerate())
            .filter(|(_, f)| active[f.rule as usize])
            .map(|(i, f)| (f.group, i))
            .collect();
        floors.sort_unstable();
        RuleStates {
            floors,
            active,
            severity,
            pattern_roles,
            field_rules,
        }
    }
}

/// What the rules' state depends on.
#[derive(PartialEq)]
struct Key {
    mp: Option<Marketplace>,
    market: Option<String>,
    packs: BTreeMap<String, bool>,
    rules: BTreeMap<String, bool>,
}

impl Key {
    fn is(&self, config: &LintConfig, mp: Option<Marketplace>, market: Option<&str>) -> bool {
        self.mp == mp
            && self.market.as_deref() == market
            && self.packs == config.packs
            && self.rules == config.rules
    }
}

/// The most keys kept; the least recently used goes first.
const SLOTS: usize = 8;

/// The kept states, most recently used first.
#[derive(Default)]
pub(crate) struct Cache {
    slots: Mutex<Vec<(Key, Arc<RuleStates>)>>,
}

impl Cache {
    pub fn get(
        &self,
        c: &Compiled,
        config: &LintConfig,
        mp: Option<Marketplace>,
        market: Option<&str>,
    ) -> Arc<RuleStates> {
        // A panic elsewhere while the lock was held leaves the slots valid.
        let mut slots = self.slots.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(i) = slots.iter().position(|(k, _)| k.is(config, mp, market)) {
            let slot = slots.remove(i);
            let states = Arc::clone(&slot.1);
            slots.insert(0, slot);
            return states;
        }
        let states = Arc::new(RuleStates::new(c, config, mp, market));
        let key = Key {
            mp,
            market: market.map(str::to_string),
            packs: config.packs.clone(),
            rules: config.rules.clone(),
        };
        slots.insert(0, (key, Arc::clone(&states)));
        slots.truncate(SLOTS);
        states
    }
}

#[cfg(test)]
mod tests {
    use crate::{Engine, LintConfig, Listing, Marketplace};

    fn listing() -> Listing {
        Listing {
            title: "Replica Rolex watch, add me on WhatsApp".into(),
            ..Listing::default()
        }
    }

    /// The same engine linting under configurations that alternate (packs off, on,
    /// another marketplace) finds what a fresh engine finds under each.
    #[test]
    fn alternating_configs_lint_as_fresh_engines_do() {
        let kept = Engine::builtin().unwrap();
        let mut off = LintConfig::default();
        for p in kept.packs() {
            off.packs.insert(p.id.clone(), false);
        }
        let mut one_rule_off = LintConfig::default();
        let first = kept.lint(&listing(), &LintConfig::default());
        assert!(!first.is_empty());
        one_rule_off.rules.insert(first[0].rule.clone(), false);
        let ebay = LintConfig {
            marketplace: Some(Marketplace::Ebay),
            ..LintConfig::default()
        };
        let configs = [LintConfig::default(), off, one_rule_off, ebay];
        let want: Vec<_> = configs
            .iter()
            .map(|c| Engine::builtin().unwrap().lint(&listing(), c))
            .collect();
        for round in 0..3 {
            for (c, w) in configs.iter().zip(&want) {
                assert_eq!(&kept.lint(&listing(), c), w, "round {round}");
            }
        }
        assert!(want[1].is_empty(), "every pack off finds nothing");
        assert_ne!(want[2], want[0], "a rule switched off is not found");
    }
}
