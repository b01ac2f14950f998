//! Compiles validated packs into the engine's lookup structures: one matcher over every
//! literal (terms, `unless` words, brand names and aliases, product words, compatibility
//! phrases, language hints), a prefilter over every pattern (`prefilter.rs`), brand groups, price
//! floors and terms with gaps. Each literal's owners carry the languages they are
//! written for.

use super::group_keys::GroupKeys;
use super::group_name::GroupName;
use super::owners::Owners;
use super::prefilter::{Prefilter, Required};
use crate::currency::Currency;
use crate::error::{PackError, PackErrorKind};
use crate::language::{LangSet, Language};
use crate::matcher::{LitId, Matcher, MatcherBuilder};
use crate::normalize::{Normalized, TokenKind};
use crate::pack::{Cues, Floor, Pack, PackInfo, Rule, RuleKind};
use regex::Regex;
use std::collections::HashMap;
use std::sync::OnceLock;

#[cfg(feature = "binary")]
#[path = "partial_wire.rs"]
mod wire;

/// What a literal stands for. One literal can stand for several things (the word
/// `apple` is a brand name in two packs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Owner {
    /// A term of a term rule.
    Term(u32),
    /// An `unless` word of a term or pattern rule.
    Unless(u32),
    /// A name or alias of a brand entry.
    Brand(u32),
    /// A word naming a product type.
    Product(u32),
    /// A phrase that, before a brand, marks compatibility ("compatible with", "for").
    CompatBefore,
    /// A phrase that, after a brand, marks compatibility (`专用`, `适用`).
    CompatAfter,
    /// A word typical of one language, to tell it from a close one (Malay `boleh`).
    Hint(Language),
    /// One part of a term with gaps (`replica ~2 watch`), by index into `gap_terms`.
    GapPart(u32),
}

/// A term whose parts may have other words between them.
#[derive(Clone, Debug)]
pub(crate) struct GapTerm {
    pub rule: u32,
    /// The parts' literals, in order.
    pub parts: Vec<LitId>,
    /// The most words allowed after each part but the last.
    pub gaps: Vec<usize>,
}

/// One brand as one rule lists it.
#[derive(Clone, Debug)]
pub(crate) struct BrandEntry {
    pub rule: u32,
    /// The brand group: the same brand named by several rules or packs.
    pub group: u32,
    pub strict_case: bool,
    /// The name is a dictionary word: it counts only with evidence (see `evidence.rs`).
    pub dictionary_word: bool,
    /// Product types that must be named for a mention to count (empty: none needed).
    pub needs: Vec<u32>,
    /// For a Chinese name that is an everyday word, the longer everyday words that
    /// contain it, where it is not the brand (`everyday.rs`); `None` for other names.
    pub compounds: Option<super::everyday::Everyday>,
    /// The entry's own product types; exactly one means its names imply that type
    /// (a model alias: "Air Jordan 1" is shoes), which price floors use.
    pub products: Vec<u32>,
}

/// A brand across every rule that names it.
#[derive(Clone, Debug)]
pub(crate) struct BrandGroup {
    /// The display name, as the first rule to name the brand spells it
    /// ([`Compiled::group_name`]).
    pub name: GroupName,
    pub products: Vec<u32>,
}

#[derive(Clone, Debug)]
pub(crate) struct FloorEntry {
    pub rule: u32,
    pub group: u32,
    pub product: u32,
    pub min: f64,
    pub currency: Currency,
}

pub(crate) struct Compiled {
    /// The packs' metadata; their rule lists may be empty (an engine read from the binary
    /// form): [`Compiled::catalogue`] has them.
    pub infos: Vec<PackInfo>,
    /// `infos` with every pack's rule list, made on the first call: only the options
    /// page and the CLI's pack listing ask for it, never a lint, so a waking service
    /// worker neither builds 300 rule entries nor compiles the code that does.
    catalogue: OnceLock<Vec<PackInfo>>,
    pub rules: Vec<Rule>,
    /// The pack index of each rule.
    pub rule_pack: Vec<u16>,
    pub matcher: Matcher,
    /// Per literal: what it stands for, and the languages it is written for there.
    pub owners: Owners,
    pub gap_terms: Vec<GapTerm>,
    /// Words allowed between a compatibility phrase and the brand.
    pub compat_gap: usize,
    /// Words around counterfeit wording that count as near a brand.
    pub near_brand: usize,
    /// List joiners (normalised words, and single signs) that carry a compatibility
    /// mention on to the next item of a list (see `lists.rs`).
    pub joiner_words: Vec<String>,
    pub joiner_signs: Vec<char>,
    pub entries: Vec<BrandEntry>,
    pub groups: Vec<BrandGroup>,
    /// The groups' names that are not spelled from their keys, end to end (`group_name.rs`).
    pub group_names: String,
    /// Each group's key, by group number.
    pub group_keys: GroupKeys,
    pub products: Vec<String>,
    pub floors: Vec<FloorEntry>,
    /// Which patterns of every pattern rule may match a text (their required literals).
    pub prefilter: Prefilter,
    /// Each pattern's rule, source and regex. The regex is compiled on the first
    /// listing the prefilter makes it a candidate for: every pattern compiled once
    /// already when its pack was validated, and most never match.
    pub regexes: Vec<(u32, String, OnceLock<Regex>)>,
    /// Which rules run under the configurations linted with so far.
    pub rule_states: super::rule_state::Cache,
}

/// The canonical key of a brand name: its normalised tokens, so `Louis Vuitton`,
/// `LOUIS-VUITTON` and `ｌｏｕｉｓ ｖｕｉｔｔｏｎ` are one brand.
pub(crate) fn brand_key(name: &str) -> String {
    let n = Normalized::new(name);
    let mut key = String::new();
    for t in n.tokens() {
        if !key.is_empty() && t.kind == TokenKind::Word {
            key.push(' ');
        }
        match t.kind {
            TokenKind::Word => key.push_str(n.key(t)),
            TokenKind::Cjk => key.push_str(&n.text()[t.span.clone()]),
        }
    }
    key
}

pub(crate) struct Builder {
    pub(crate) matcher: MatcherBuilder,
    pub(crate) owners: Owners,
}

impl Builder {
    fn add(&mut self, literal: &str, owner: Owner, langs: LangSet) -> Option<LitId> {
        // Broken words (`Ro lex`) may join into brand names only.
        let id = self
            .matcher
            .add_with(literal, matches!(owner, Owner::Brand(_)))?;
        self.owners.add(id, owner, langs);
        Some(id)
    }

    fn add_words(&mut self, words: &[crate::pack::Word], owner: Owner) {
        for w in words {
            self.add(&w.text, owner, w.langs);
        }
    }
}

impl Compiled {
    /// The packs with their rules' catalogue entries (the binary form leaves them out,
    /// and they are derived from the rules).
    pub(crate) fn catalogue(&self) -> &[PackInfo] {
        self.catalogue.get_or_init(|| {
            let mut infos = self.infos.clone();
            for info in &mut infos {
                info.rules.clear();
            }
            for (rule, &pi) in self.rules.iter().zip(&self.rule_pack) {
                infos[pi as usize].rules.push(rule.info());
            }
            infos
        })
    }

    /// Brand group `g`'s display name.
    pub(crate) fn group_name(&self, g: u32) -> std::borrow::Cow<'_, str> {
        self.groups[g as usize].name.spell(
            self.group_keys
                .key(g as usize, |id| self.matcher.word_key(id)),
            &self.group_names,
        )
    }
}

pub(crate) fn compile(packs: Vec<Pack>) -> Result<Compiled, PackError> {
    Partial::new().add_packs(packs)?.finish(&mut |_| {})
}

/// Each product type's number by its name.
fn product_ids(products: &[String]) -> HashMap<String, u32> {
    (products.iter().enumerate())
        .map(|(i, p)| (p.clone(), i as u32))
        .collect()
}

/// An engine being built: packs added so far, lookup structures not yet finished. The
/// built-in packs' `Partial` is what the binary form holds (see `binary.rs`), so an
/// engine over them and the seller's packs only adds the seller's packs and finishes.
pub(crate) struct Partial {
    pub(crate) b: Builder,
    /// The base cues were added (by the first `add_packs`).
    base_cues: bool,
    pub(crate) cues: Cues,
    /// The product types' names, by number (each once).
    products: Vec<String>,
    gap_terms: Vec<GapTerm>,
    infos: Vec<PackInfo>,
    pub(crate) rules: Vec<Rule>,
    rule_pack: Vec<u16>,
    pub(crate) entries: Vec<BrandEntry>,
    pub(crate) groups: Vec<BrandGroup>,
    /// The groups' names that are not spelled from their keys, end to end (`group_name.rs`).
    pub(crate) group_names: String,
    /// Each brand group's key (`brand_key`), by group number, and the groups by key once
    /// a pack is added (`group_keys.rs`). The binary form writes them as literal ids
    /// where it can (`binary::GroupKeys`).
    pub(crate) group_ids: GroupKeys,
    /// Each pattern's rule and source (with ASCII word boundaries).
    patterns: Vec<(u32, String)>,
    /// The patterns' required literals, in pattern order.
    required: Required,
    /// Price floors, resolved against every pack's brands when the engine is finished:
    /// (rule, pack, floor, currency).
    floor_docs: Vec<(u32, usize, Floor, Currency)>,
    /// Price floors already resolved ([`Partial::resolve_floors`]): the binary form's,
    /// so that an engine's start does not normalise 16,000 brand names again.
    floors: Vec<FloorEntry>,
}

impl Partial {
    pub(crate) fn new() -> Partial {
        Partial {
            b: Builder {
                matcher: MatcherBuilder::new(),
                owners: Owners::default(),
            },
            base_cues: false,
            cues: Cues::default(),
            products: Vec::new(),
            gap_terms: Vec::new(),
            infos: Vec::new(),
            rules: Vec::new(),
            rule_pack: Vec::new(),
            entries: Vec::new(),
            groups: Vec::new(),
            group_names: String::new(),
            group_ids: GroupKeys::default(),
            patterns: Vec::new(),
            required: Required::default(),
            floor_docs: Vec::new(),
            floors: Vec::new(),
        }
    }

    /// Adds packs. Their product types are known to each other's rules, whatever the
    /// order; their brands and product types join those of the packs added before.
    pub(crate) fn add_packs(mut self, packs: Vec<Pack>) -> Result<Partial, PackError> {
        // Pack ids and product type numbers by name, from the packs and types added
        // before (the binary form does not hold these maps: a start needs neither).
        let mut pack_ids: std::collections::HashSet<&str> =
            self.infos.iter().map(|i| i.id.as_str()).collect();
        for p in &packs {
            if !pack_ids.insert(p.id()) {
                return Err(PackError::new(
                    PackErrorKind::Conflict,
                    "two packs share this id; remove or rename one",
                )
                .pack(p.id()));
            }
        }
        let mut product_ids = product_ids(&self.products);
        let Partial {
            b,
            cues: all_cues,
            products,
            gap_terms,
            infos,
            rules,
            rule_pack,
            entries,
            groups,
            group_names,
            group_ids,
            patterns,
            required,
            floor_docs,
            base_cues,
            ..
        } = &mut self;
        // Context cues: the base set (once), then every pack's, whether the pack is on
        // or not (they are vocabulary, not rules).
        let mut cues = if *base_cues {
            Cues::default()
        } else {
            crate::pack::cues::base_cues()?
        };
        *base_cues = true;
        for p in &packs {
            cues.merge(&p.cues);
        }
        b.add_words(&cues.compatible_before, Owner::CompatBefore);
        b.add_words(&cues.compatible_after, Owner::CompatAfter);
        for (lang, words) in &cues.language_hints {
            for w in words {
                b.add(w, Owner::Hint(*lang), LangSet::ANY);
            }
        }
        all_cues.merge(&cues);

        // Product types first: brands and floors refer to them.
        for p in &packs {
            for (ptype, words) in &p.product_types {
                let id = *product_ids.entry(ptype.clone()).or_insert_with(|| {
                    products.push(ptype.clone());
                    (products.len() - 1) as u32
                });
                b.add_words(words, Owner::Product(id));
            }
        }

        // A brand name marked a dictionary word on one line ("Apple") is one on every
        // line that names the brand: the word does not change with the rule. (Known
        // within the packs of one call: the built-in packs, or the seller's.)
        let dictionary_names: std::collections::HashSet<String> = packs
            .iter()
            .flat_map(|p| &p.rules)
            .filter_map(|r| match &r.kind {
                RuleKind::Brand { brands, .. } => Some(brands),
                _ => None,
            })
            .flatten()
            .filter(|b| b.dictionary_word)
            .map(|b| brand_key(&b.name))
            .collect();
        for pack in packs.into_iter() {
            let pi = infos.len();
            infos.push(pack.info);
            for rule in pack.rules {
                let ri = rules.len() as u32;
                match &rule.kind {
                    RuleKind::Term { terms, unless, .. } => {
                        for t in terms {
                            if !t.text.contains('~') {
                                b.add_words(std::slice::from_ref(t), Owner::Term(ri));
                                continue;
                            }
                            let parts = crate::pack::words::split_gaps(&t.text)
                                .expect("gaps are validated when a pack is parsed");
                            if parts.len() == 1 {
                                b.add_words(std::slice::from_ref(t), Owner::Term(ri));
                                continue;
                            }
                            let g = gap_terms.len() as u32;
                            let mut term = GapTerm {
                                rule: ri,
                                parts: Vec::new(),
                                gaps: Vec::new(),
                            };
                            for (i, (part, gap)) in parts.iter().enumerate() {
                                let lit = b
                                    .add(part, Owner::GapPart(g), t.langs)
                                    .expect("every part of a term is checked to match something");
                                term.parts.push(lit);
                                if i + 1 < parts.len() {
                                    term.gaps.push(*gap);
                                }
                            }
                            gap_terms.push(term);
                        }
                        b.add_words(unless, Owner::Unless(ri));
                    }
                    RuleKind::Pattern {
                        patterns: ps,
                        unless,
                        ..
                    } => {
                        for p in ps {
                            // ASCII word boundaries keep the fast engine on any text.
                            let source = super::boundary::ascii_boundaries(p).into_owned();
                            required.add(&source);
                            patterns.push((ri, source));
                        }
                        b.add_words(unless, Owner::Unless(ri));
                    }
                    RuleKind::Brand { brands, .. } => {
                        let group_ids = group_ids.map(|id| b.matcher.word_key(id));
                        for brand in brands {
                            let key = brand_key(&brand.name);
                            let group = group_ids.get(&key).unwrap_or_else(|| {
                                groups.push(BrandGroup {
                                    name: GroupName::text(&brand.name, group_names),
                                    products: Vec::new(),
                                });
                                let g = (groups.len() - 1) as u32;
                                group_ids.insert(&key, g);
                                g
                            });
                            for p in &brand.products {
                                let Some(&pid) = product_ids.get(p) else {
                                    return Err(PackError::new(
                                    PackErrorKind::Conflict,
                                    format!("brand `{}` names product type `{p}`, which no pack defines", brand.name),
                                )
                                .pack(&infos[pi].id)
                                .rule(&rule.id)
                                .key("products"));
                                };
                                let g = &mut groups[group as usize];
                                if !g.products.contains(&pid) {
                                    g.products.push(pid);
                                }
                            }
                            let entry = entries.len() as u32;
                            let needs = if brand.needs_product {
                                brand
                                    .products
                                    .iter()
                                    .filter_map(|p| product_ids.get(p).copied())
                                    .collect()
                            } else {
                                Vec::new()
                            };
                            let own_products = brand
                                .products
                                .iter()
                                .filter_map(|p| product_ids.get(p).copied())
                                .collect();
                            let plain = BrandEntry {
                                rule: ri,
                                group,
                                strict_case: brand.strict_case,
                                dictionary_word: brand.dictionary_word,
                                needs,
                                products: own_products,
                                compounds: None,
                            };
                            entries.push(plain.clone());
                            // A name that needs evidence gets an entry of its own: the
                            // brand's name when another line marks it a dictionary word
                            // ("Apple"), and a Chinese name that is an everyday word (高达,
                            // 小米).
                            let needs_evidence = |text: &str, is_name: bool| {
                                if is_name
                                    && !brand.dictionary_word
                                    && dictionary_names.contains(&key)
                                {
                                    return Some(None);
                                }
                                super::everyday::lookup(text).map(Some)
                            };
                            let names = std::iter::once((brand.name.as_str(), LangSet::ANY, true))
                                .chain(
                                    brand
                                        .aliases
                                        .iter()
                                        .map(|w| (w.text.as_str(), w.langs, false)),
                                );
                            for (text, langs, is_name) in names {
                                let owner = match needs_evidence(text, is_name) {
                                    Some(compounds) => {
                                        entries.push(BrandEntry {
                                            strict_case: true,
                                            dictionary_word: true,
                                            compounds,
                                            ..plain.clone()
                                        });
                                        entries.len() as u32 - 1
                                    }
                                    None => entry,
                                };
                                b.add(text, Owner::Brand(owner), langs);
                            }
                        }
                    }
                    RuleKind::PriceFloor {
                        currency,
                        floors,
                        unless,
                    } => {
                        b.add_words(unless, Owner::Unless(ri));
                        for f in floors {
                            floor_docs.push((ri, pi, f.clone(), *currency));
                        }
                    }
                    RuleKind::Field(_) => {}
                }
                rules.push(rule);
                rule_pack.push(pi as u16);
            }
        }
        Ok(self)
    }

    /// Resolves the price floors added so far against the brands and product types
    /// added so far. A floor resolves to the same group and product type whatever packs
    /// come after (they only add groups and types), so the binary form holds the
    /// built-in packs' floors resolved.
    pub(crate) fn resolve_floors(&mut self) -> Result<(), PackError> {
        let product_ids = product_ids(&self.products);
        for (ri, pi, f, currency) in std::mem::take(&mut self.floor_docs) {
            let rule = &self.rules[ri as usize];
            let err = |m: String| {
                PackError::new(PackErrorKind::Conflict, m)
                    .pack(&self.infos[pi].id)
                    .rule(&rule.id)
                    .key("floors")
            };
            let matcher = &self.b.matcher;
            let group_ids = self.group_ids.map(|id| matcher.word_key(id));
            let group = group_ids.get(&brand_key(&f.brand)).ok_or_else(|| {
                err(format!(
                    "brand `{}` is not listed by any brand rule",
                    f.brand
                ))
            })?;
            let product = *product_ids.get(&f.product).ok_or_else(|| {
                err(format!(
                    "product type `{}` is not defined by any pack",
                    f.product
                ))
            })?;
            self.floors.push(FloorEntry {
                rule: ri,
                group,
                product,
                min: f.min,
                currency,
            });
        }
        Ok(())
    }

    /// Resolves price floors and builds the matcher and the pattern prefilter; `mark` is called
    /// with the name of each part as it ends (benchmarks time the parts).
    pub(crate) fn finish(
        mut self,
        mark: &mut dyn FnMut(&'static str),
    ) -> Result<Compiled, PackError> {
        // The binary form's floors are resolved already: then this is not called (nor
        // compiled, in a waking service worker) on the engine's start.
        if !self.floor_docs.is_empty() {
            self.resolve_floors()?;
        }
        let Partial {
            b,
            cues,
            gap_terms,
            infos,
            rules,
            rule_pack,
            entries,
            groups,
            group_names,
            group_ids,
            products,
            patterns,
            required,
            floors,
            ..
        } = self;
        mark("price floors");
        let prefilter = Prefilter::new(required, |i| patterns[i].1.as_str());
        mark("pattern prefilter");
        let regexes = patterns
            .into_iter()
            .map(|(ri, p)| (ri, p, OnceLock::new()))
            .collect();
        // Its substring automaton is built on the first text that needs one (matcher.rs).
        let matcher = b.matcher.build();
        mark("matcher");
        let mut owners = b.owners;
        owners.settle(matcher.len());
        Ok(Compiled {
            infos,
            catalogue: OnceLock::new(),
            rules,
            rule_pack,
            matcher,
            owners,
            gap_terms,
            compat_gap: cues.compatible_gap.unwrap_or(3),
            near_brand: cues.near_brand_window.unwrap_or(12),
            joiner_words: cues
                .list_joiners
                .iter()
                .filter(|w| w.text.chars().any(char::is_alphanumeric))
                .map(|w| w.text.clone())
                .collect(),
            joiner_signs: cues
                .list_joiners
                .iter()
                .filter(|w| !w.text.chars().any(char::is_alphanumeric))
                .filter_map(|w| w.text.chars().next())
                .collect(),
            entries,
            groups,
            group_names,
            group_keys: group_ids,
            products,
            floors,
            prefilter,
            regexes,
            rule_states: Default::default(),
        })
    }
}
