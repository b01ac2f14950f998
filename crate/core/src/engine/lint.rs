//! One lint pass over a listing: analyse every field once (normalise, find every
//! literal), then let each rule kind read the hits.

use super::compile::{Compiled, Owner};
use super::hit_index::{HitIndex, MAX_FINDINGS_PER_RULE_FIELD};
use super::{checks, render::fill};
use crate::config::LintConfig;
use crate::finding::{BrandUse, Finding, Severity, Span};
use crate::hash::FxHashMap;
use crate::language::{LangSet, Language};
use crate::listing::{FieldRef, FieldRole, Listing, Marketplace};
use crate::matcher::Hit;
use crate::normalize::Normalized;
use crate::pack::RuleKind;
use std::ops::Range;

/// One field, analysed.
pub(crate) struct Analysis<'a> {
    pub field: FieldRef,
    pub text: &'a str,
    pub norm: Normalized,
    pub hits: Vec<Hit>,
    /// The seller's declared language, which wins over detection.
    pub declared: Option<Language>,
    /// The field's language, detected on first need (see `context.rs`).
    pub lang: std::cell::OnceCell<LangSet>,
}

/// One brand named in a text field.
#[derive(Clone, Debug)]
pub(crate) struct BrandHit {
    pub field: usize,
    pub entry: u32,
    pub group: u32,
    pub tokens: Range<usize>,
    pub norm: Range<usize>,
    /// Preceded by "compatible with"/"for"/"fits", or followed by `专用`.
    pub compat: bool,
}

/// Everything a rule kind needs while it runs.
pub(crate) struct Pass<'c, 'l> {
    pub c: &'c Compiled,
    pub listing: &'l Listing,
    pub config: &'l LintConfig,
    pub marketplace: Option<Marketplace>,
    /// The destination market: the listing's, else the site's.
    pub market: Option<String>,
    /// Which rules run here, and their severity.
    pub states: std::sync::Arc<super::rule_state::RuleStates>,
    pub fields: Vec<Analysis<'l>>,
    pub brands: Vec<BrandHit>,
    /// Brand groups of the listing's own brand field.
    pub own: Vec<u32>,
    /// Brand groups the seller owns or is authorised for.
    pub allowed: Vec<u32>,
    /// Brand groups the seller resells genuine.
    pub resold: Vec<u32>,
    /// Product types named in the title, category or keywords.
    pub products: Vec<u32>,
    pub out: Vec<Finding>,
    /// Each field's hits indexed (same order as `fields`).
    pub index: Vec<HitIndex>,
    /// Rules excused by an `unless` word in the category, sorted.
    pub category_unless: Vec<u32>,
    /// Findings pushed so far per rule and field, for the cap.
    pub pushed: FxHashMap<(u32, FieldRef), u32>,
}

/// Its steps (each rule kind's findings, the brand hits, the product types, the last
/// sort) are functions of their own, out of line: inlined, they made this one function
/// of 44 KB of wasm, which V8 recompiled whole (its tier-up, about 150 ms of a core in
/// Node) on the first long listing after every wake of the service worker. Apart, only
/// the steps that run long are recompiled. A call per step and field costs nothing
/// measurable natively.
pub(crate) fn lint(c: &Compiled, listing: &Listing, config: &LintConfig) -> Vec<Finding> {
    let marketplace = config.marketplace.or(listing.marketplace);
    let market = listing
        .market
        .as_deref()
        .or(config.market.as_deref())
        .and_then(crate::market::market_code);
    let states = c.rule_states.get(c, config, marketplace, market.as_deref());
    let fields: Vec<Analysis> = listing
        .fields()
        .map(|(field, text)| {
            // A hostile field is analysed up to a bound; `truncated_findings` says so.
            let norm = Normalized::new(&text[..crate::normalize::analysed_len(text)]);
            let hits = c.matcher.find(&norm);
            Analysis {
                field,
                text,
                norm,
                hits,
                declared: config.language,
                lang: std::cell::OnceCell::new(),
            }
        })
        .collect();
    let mut pass = Pass {
        c,
        listing,
        config,
        marketplace,
        market,
        states,
        brands: Vec::new(),
        own: Vec::new(),
        allowed: Vec::new(),
        resold: Vec::new(),
        products: Vec::new(),
        fields,
        out: Vec::new(),
        index: Vec::new(),
        category_unless: Vec::new(),
        pushed: FxHashMap::default(),
    };
    pass.index = pass.fields.iter().map(|a| HitIndex::new(c, a)).collect();
    pass.category_unless = super::hit_index::category_excuses(
        pass.fields
            .iter()
            .zip(&pass.index)
            .filter(|(a, _)| a.field.role == FieldRole::Category)
            .map(|(_, ix)| ix),
    );
    super::limits::truncated_findings(&mut pass);
    pass.own = pass
        .fields
        .iter()
        .filter(|a| a.field.role == FieldRole::Brand)
        .flat_map(|a| groups_of(c, &a.hits))
        .collect();
    pass.allowed = config
        .allow_brands
        .iter()
        .flat_map(|name| {
            let hits = c.matcher.find(&Normalized::new(name));
            groups_of(c, &hits).collect::<Vec<_>>()
        })
        .collect();
    pass.resold = config
        .resell_brands
        .iter()
        .flat_map(|r| {
            let hits = c.matcher.find(&Normalized::new(&r.brand));
            groups_of(c, &hits).collect::<Vec<_>>()
        })
        .collect();
    pass.products = products(&pass);
    pass.brands = brand_hits(&pass);

    for fi in 0..pass.fields.len() {
        term_findings(&mut pass, fi);
        pattern_findings(&mut pass, fi);
    }
    super::brand::brand_findings(&mut pass);
    super::brand::own_brand_findings(&mut pass);
    super::floor::price_findings(&mut pass);
    checks::field_findings(&mut pass);
    finish(pass.out, config, listing)
}

/// The brand groups named by a set of hits.
pub(crate) fn groups_of<'a>(c: &'a Compiled, hits: &'a [Hit]) -> impl Iterator<Item = u32> + 'a {
    hits.iter().flat_map(move |h| {
        c.owners.of(h.lit).iter().filter_map(move |(o, _)| match o {
            Owner::Brand(e) => Some(c.entries[*e as usize].group),
            _ => None,
        })
    })
}

/// Whether a brand mention passes its case and product-type conditions.
fn counts(p: &Pass, a: &Analysis, h: &Hit, entry: &super::compile::BrandEntry) -> bool {
    !(entry.strict_case && all_lower(&a.text[a.norm.to_original(h.span.clone())]))
        && (entry.needs.is_empty() || entry.needs.iter().any(|n| p.products.contains(n)))
}

#[inline(never)] // one step of `lint::lint`: see there
fn brand_hits(p: &Pass) -> Vec<BrandHit> {
    let plain = plain_brands(p);
    let mut out = Vec::new();
    for (fi, a) in p.fields.iter().enumerate() {
        if reads_brands(a) {
            field_brand_hits(p, fi, a, &plain, &mut out);
        }
    }
    out
}

/// Whether brand names in the field count as mentions (not in the brand or price
/// fields).
fn reads_brands(a: &Analysis) -> bool {
    !matches!(
        a.field.role,
        FieldRole::Brand | FieldRole::Price | FieldRole::Cost
    )
}

/// Brands named plainly (by a name that is not a dictionary word): their groups and
/// rules are evidence for a dictionary-word name of the same brand or rule. Out of
/// line, as the other steps of `lint::lint` are (see there).
#[inline(never)]
fn plain_brands(p: &Pass) -> super::evidence::Plain {
    let mut plain = super::evidence::Plain::default();
    for (fi, a) in p.fields.iter().enumerate().filter(|(_, a)| reads_brands(a)) {
        for h in &a.hits {
            for o in a.owners(p.c, h.lit, |o| matches!(o, Owner::Brand(_))) {
                let Owner::Brand(e) = o else { continue };
                let entry = &p.c.entries[e as usize];
                if !entry.dictionary_word && counts(p, a, h, entry) {
                    plain.add(fi, h.span.clone(), e);
                }
            }
        }
    }
    plain
}

/// The brand mentions of field `fi`, added to `out`. Out of line, as the other steps
/// of `lint::lint` are (see there).
#[inline(never)]
fn field_brand_hits(
    p: &Pass,
    fi: usize,
    a: &Analysis,
    plain: &super::evidence::Plain,
    out: &mut Vec<BrandHit>,
) {
    let start = out.len();
    // "macam Coach", "Apple style": a brand cue next to a name is evidence for it.
    let cues = super::cue::cues(p, fi);
    for h in &a.hits {
        for o in a.owners(p.c, h.lit, |o| matches!(o, Owner::Brand(_))) {
            let Owner::Brand(e) = o else { continue };
            let entry = &p.c.entries[e as usize];
            let name = &a.text[a.norm.to_original(h.span.clone())];
            let cued = !(entry.dictionary_word || entry.strict_case && all_lower(name))
                && super::cue::evidence(&cues, &h.tokens, name);
            if !(cued || counts(p, a, h, entry)) {
                continue;
            }
            let compat = p.index[fi].compat(&h.tokens, p.c.compat_gap);
            if entry.dictionary_word
                && !(compat && entry.compounds.is_some()
                    || super::evidence::meant(p, fi, h, entry, plain))
            {
                continue;
            }
            out.push(BrandHit {
                field: fi,
                entry: e,
                group: entry.group,
                tokens: h.tokens.clone(),
                norm: h.span.clone(),
                compat,
            });
        }
    }
    // A brand inside a longer brand name is part of that name.
    let spans: Vec<Range<usize>> = out[start..].iter().map(|b| b.norm.clone()).collect();
    let keep = super::hit_index::not_contained(&spans);
    let mut k = 0;
    out.retain(|_| {
        k += 1;
        k <= start || keep[k - 1 - start]
    });
    super::lists::carry_compat(p.c, a, &mut out[start..]);
}

/// The product types named in the title, category or keywords.
#[inline(never)] // one step of `lint::lint`: see there
fn products(p: &Pass) -> Vec<u32> {
    let mut out = Vec::new();
    for a in &p.fields {
        if !matches!(
            a.field.role,
            FieldRole::Title | FieldRole::Category | FieldRole::Keywords
        ) {
            continue;
        }
        for h in &a.hits {
            for o in a.owners(p.c, h.lit, |o| matches!(o, Owner::Product(_))) {
                if let Owner::Product(pt) = o {
                    if !out.contains(&pt) {
                        out.push(pt);
                    }
                }
            }
        }
    }
    out
}

/// Whether text written in a cased script is all lower case (`coach`, not `Coach`):
/// what a `strict_case` brand does not count. Text with no cased letter at all
/// (Chinese, Thai) is not lower case: strict case applies only to cased scripts.
fn all_lower(s: &str) -> bool {
    s.chars().any(char::is_lowercase) && !s.chars().any(char::is_uppercase)
}

/// Whether `a` and `b` are within `gap` tokens of each other.
pub(crate) fn near(a: &Range<usize>, b: &Range<usize>, gap: usize) -> bool {
    a.start <= b.end + gap && b.start <= a.end + gap
}

impl Pass<'_, '_> {
    pub fn severity(&self, rule: u32) -> Severity {
        self.states.severity[rule as usize]
    }

    pub fn reads(&self, rule: u32, role: FieldRole) -> bool {
        self.states.active[rule as usize] && self.c.rules[rule as usize].fields.contains(&role)
    }

    /// An `unless` word of `rule` near `tokens` in field `fi`, or anywhere in the
    /// category field.
    pub(crate) fn excused(
        &self,
        rule: u32,
        fi: usize,
        tokens: &Range<usize>,
        window: usize,
    ) -> bool {
        self.index[fi].unless_near(rule, tokens, window)
            || self.category_unless.binary_search(&rule).is_ok()
    }

    /// The brand a piece of counterfeit wording is near: one named within the cues'
    /// `near_brand_window` tokens in the same field, or the listing's own brand. A
    /// brand the seller owns or is authorised for is not one: wording next to it stays
    /// at the rule's own severity.
    fn brand_near(&self, fi: usize, tokens: &Range<usize>, resale: bool) -> Option<u32> {
        self.brands_near(fi, tokens)
            .find(|g| !(self.allowed.contains(g) || resale && self.resold.contains(g)))
    }

    /// A brand the seller resells that resale wording is near (and none it owns).
    fn resold_near(&self, fi: usize, tokens: &Range<usize>) -> Option<u32> {
        self.brands_near(fi, tokens)
            .find(|g| self.resold.contains(g) && !self.allowed.contains(g))
    }

    /// Every brand group near `tokens` (see `brand_near`), then the listing's own.
    fn brands_near<'a>(
        &'a self,
        fi: usize,
        tokens: &'a Range<usize>,
    ) -> impl Iterator<Item = u32> + 'a {
        let window = self.c.near_brand;
        // `brands` is ordered by field, then token start; a brand hit covers at most
        // `max_tokens` tokens.
        let from = tokens
            .start
            .saturating_sub(window + self.index[fi].max_tokens);
        let first = self
            .brands
            .partition_point(|b| (b.field, b.tokens.start) < (fi, from));
        self.brands[first..]
            .iter()
            .take_while(move |b| b.field == fi && b.tokens.start <= tokens.end + window)
            .inspect(|_| super::hit_index::tally(1))
            .filter(move |b| near(&b.tokens, tokens, window))
            .map(|b| b.group)
            .chain(self.own.iter().copied())
    }

    /// The note the seller gave for a resold brand group (empty when none).
    fn resold_note(&self, group: u32) -> String {
        self.config
            .resell_brands
            .iter()
            .find(|r| {
                let hits = self.c.matcher.find(&Normalized::new(&r.brand));
                groups_of(self.c, &hits)
                    .collect::<Vec<_>>()
                    .contains(&group)
            })
            .map(|r| r.note.clone())
            .unwrap_or_default()
    }

    /// How a finding of rule `r` involves `brand` (see [`BrandUse`]).
    fn brand_use(&self, r: &crate::pack::Rule, brand: Option<u32>) -> Option<BrandUse> {
        let g = brand?;
        Some(match &r.kind {
            RuleKind::Brand { .. } => BrandUse::Named,
            RuleKind::Term {
                resale_wording: true,
                ..
            }
            | RuleKind::Pattern {
                resale_wording: true,
                ..
            } if self.resold.contains(&g) => BrandUse::Resold,
            RuleKind::Term {
                resale_wording: true,
                ..
            }
            | RuleKind::Pattern {
                resale_wording: true,
                ..
            } => BrandUse::Resale,
            RuleKind::Term { .. } | RuleKind::Pattern { .. } => BrandUse::Wording,
            _ => BrandUse::Price,
        })
    }

    /// Whether `tokens` lie inside a brand name (`dupe` in `EZ-Dupe`).
    fn inside_brand(&self, fi: usize, norm: &Range<usize>) -> bool {
        self.index[fi].inside_brand(norm)
    }

    /// Adds a finding of `rule` over the normalised range `norm` of field `fi`.
    pub fn push_span(
        &mut self,
        rule: u32,
        severity: Severity,
        fi: usize,
        norm: Range<usize>,
        brand: Option<u32>,
        vars: &[(&str, String)],
    ) {
        let a = &self.fields[fi];
        let orig = a.norm.to_original(norm);
        let span = Span::new(orig.start, orig.end);
        self.push(rule, severity, a.field, a.text, span, brand, vars);
    }

    /// Adds a finding of `rule` over a byte span of a field's text.
    #[allow(clippy::too_many_arguments)]
    pub fn push(
        &mut self,
        rule: u32,
        severity: Severity,
        field: FieldRef,
        text: &str,
        span: Span,
        brand: Option<u32>,
        vars: &[(&str, String)],
    ) {
        if !self.under_cap(rule, field) {
            return;
        }
        let r = &self.c.rules[rule as usize];
        let matched = text[span.start..span.end].to_string();
        let brand_name = brand.map(|g| self.c.group_name(g).into_owned());
        let template = match (&r.kind, vars.iter().any(|(k, _)| *k == "own")) {
            (
                RuleKind::Brand {
                    own: Some((_, msg)),
                    ..
                },
                true,
            ) => msg,
            _ => &r.message,
        };
        let mut all: Vec<(&str, String)> = vec![("match", matched.clone())];
        if let Some(b) = &brand_name {
            all.push(("brand", b.clone()));
        }
        all.extend(vars.iter().cloned());
        let message = fill(template.get(self.config.lang), &all);
        let fixes = self.fixes(r, field, text, span);
        let brand_use = self.brand_use(r, brand);
        let proof_note = (brand_use == Some(BrandUse::Resold))
            .then(|| brand.map(|g| self.resold_note(g)))
            .flatten();
        let instead = r
            .instead
            .as_ref()
            .map(|t| fill(t.get(self.config.lang), &all));
        self.out.push(Finding {
            rule: r.full_id.clone(),
            pack: self.c.infos[self.c.rule_pack[rule as usize] as usize]
                .id
                .clone(),
            severity,
            field,
            variant: None,
            span,
            // Set for every finding at once in `finish`, one sweep per field.
            span_utf16: Span::default(),
            text: matched,
            message,
            policy: r.policy.get(self.marketplace),
            brand: brand_name,
            brand_use,
            proof_note,
            marketplace: self.marketplace.filter(|_| r.marketplace_scoped()),
            fixes,
            instead,
        });
    }

    /// The rule's fixes as edits of `text` for a match at `span`; none for a
    /// field-level finding.
    fn fixes(
        &self,
        r: &crate::pack::Rule,
        field: FieldRef,
        text: &str,
        span: Span,
    ) -> Vec<crate::finding::FixEdit> {
        if r.fixes.is_empty() || span.is_empty() {
            return Vec::new();
        }
        let lang = if r.fixes.iter().any(|f| f.with.is_some()) {
            self.fields
                .iter()
                .find(|a| a.field == field)
                .map(|a| a.language(self.c))
                .unwrap_or_default()
        } else {
            LangSet::default()
        };
        let mut out: Vec<crate::finding::FixEdit> = Vec::new();
        for f in &r.fixes {
            let e = f.edit(text, span, lang);
            let label = crate::pack::fix::label(f, &e, text, self.config.lang);
            if out
                .iter()
                .any(|o| o.span == e.span && o.replacement == e.replacement)
            {
                continue;
            }
            out.push(crate::finding::FixEdit {
                label,
                span_utf16: crate::utf16::utf16_span(text, e.span),
                span: e.span,
                replacement: e.replacement,
            });
        }
        out
    }
}

impl Pass<'_, '_> {
    /// Counts a finding of `rule` in `field`; false past the cap per rule and field.
    fn under_cap(&mut self, rule: u32, field: FieldRef) -> bool {
        let n = self.pushed.entry((rule, field)).or_insert(0);
        *n += 1;
        *n <= MAX_FINDINGS_PER_RULE_FIELD
    }
}

#[inline(never)] // one step of `lint::lint`: see there
fn term_findings(p: &mut Pass, fi: usize) {
    let role = p.fields[fi].field.role;
    let mut found = Vec::new();
    let a = &p.fields[fi];
    for (i, h) in a.hits.iter().enumerate() {
        for o in a.owners(p.c, h.lit, |o| {
            matches!(o, Owner::Term(_) | Owner::GapPart(_))
        }) {
            match o {
                Owner::Term(r)
                    if p.reads(r, role) && !inside_longer_word(p.c, r, a.norm.text(), &h.span) =>
                {
                    found.push((r, h.tokens.clone(), h.span.clone()));
                }
                Owner::GapPart(g) => {
                    let term = &p.c.gap_terms[g as usize];
                    if term.parts[0] == h.lit && p.reads(term.rule, role) {
                        if let Some((tokens, norm)) = super::gaps::complete(p.c, a, i, term) {
                            found.push((term.rule, tokens, norm));
                        }
                    }
                }
                _ => {}
            }
        }
    }
    for (r, tokens, norm) in found {
        wording_finding(p, r, fi, tokens, norm);
    }
}

/// Whether this occurrence of a term of rule `r` lies inside one of the longer words
/// its `not_inside` table lists for it (`鼻烟` in `鼻烟壶`).
fn inside_longer_word(c: &Compiled, r: u32, text: &str, span: &Range<usize>) -> bool {
    let RuleKind::Term { not_inside, .. } = &c.rules[r as usize].kind else {
        return false;
    };
    not_inside
        .compounds(&text[span.clone()])
        .is_some_and(|compounds| super::everyday::inside_compound(text, span, compounds))
}

#[inline(never)] // one step of `lint::lint`: see there
fn pattern_findings(p: &mut Pass, fi: usize) {
    let role = p.fields[fi].field.role;
    // A field no active pattern rule reads (the brand or price box, or every pattern
    // pack off) skips the prefilter's scan.
    if p.states.pattern_roles & super::rule_state::role_bit(role) == 0 {
        return;
    }
    let text = p.fields[fi].norm.text();
    let mut found = Vec::new();
    for idx in p.c.prefilter.candidates(text) {
        let (r, source, re) = &p.c.regexes[idx];
        if !p.reads(*r, role) {
            continue;
        }
        let re = re.get_or_init(|| {
            crate::pack::check_pattern(source)
                .expect("patterns are validated when a pack is parsed")
        });
        // A pattern with a capture group highlights the group, so it can require
        // context (a non-digit before `1:1`) without drawing it.
        for caps in re.captures_iter(text) {
            let Some(m) = caps.get(1).or_else(|| caps.get(0)) else {
                continue;
            };
            if m.start() == m.end() {
                continue;
            }
            let tokens = tokens_of(&p.fields[fi].norm, m.range());
            found.push((*r, tokens, m.range()));
        }
    }
    for (r, tokens, norm) in found {
        wording_finding(p, r, fi, tokens, norm);
    }
}

/// The token index range overlapping a normalised byte range.
fn tokens_of(norm: &Normalized, range: Range<usize>) -> Range<usize> {
    let toks = norm.tokens();
    let start = toks.partition_point(|t| t.span.end <= range.start);
    let end = toks
        .partition_point(|t| t.span.start < range.end)
        .max(start);
    start..end
}

/// Term and pattern rules share their context logic: `unless`, words inside brand
/// names, and escalation next to a brand.
fn wording_finding(p: &mut Pass, r: u32, fi: usize, tokens: Range<usize>, norm: Range<usize>) {
    let (window, near_brand, resale) = match &p.c.rules[r as usize].kind {
        RuleKind::Term {
            window,
            near_brand,
            resale_wording,
            ..
        }
        | RuleKind::Pattern {
            window,
            near_brand,
            resale_wording,
            ..
        } => (*window, *near_brand, *resale_wording),
        _ => return,
    };
    if p.excused(r, fi, &tokens, window) || p.inside_brand(fi, &norm) {
        return;
    }
    if super::cue::is_cue(p, r) {
        let severity = p.severity(r);
        if let Some(g) = super::cue::cued_brand(p, fi, &tokens, severity) {
            p.push_span(r, severity, fi, norm, Some(g), &[]);
        }
        return;
    }
    let mut severity = p.severity(r);
    let mut brand = None;
    if let Some(escalated) = near_brand {
        if let Some(g) = p.brand_near(fi, &tokens, resale) {
            severity = severity.max(escalated);
            brand = Some(g);
        } else if resale {
            // Next to a brand the seller resells: not raised, but the finding names the
            // brand and carries the proof note for the card's reminder.
            brand = p.resold_near(fi, &tokens);
        }
    }
    p.push_span(r, severity, fi, norm, brand, &[]);
}

/// Applies severity overrides and ignores, merges overlaps, and orders the result.
#[inline(never)] // one step of `lint::lint`: see there
fn finish(mut out: Vec<Finding>, config: &LintConfig, listing: &Listing) -> Vec<Finding> {
    for f in &mut out {
        if let Some(s) = config.severity.get(&f.rule) {
            f.severity = *s;
        }
    }
    if !config.ignore.is_empty() {
        let keys: Vec<(&str, String)> = config
            .ignore
            .iter()
            .map(|i| (i.rule.as_str(), ignore_key(&i.text)))
            .collect();
        out.retain(|f| {
            let key = ignore_key(&f.text);
            !keys.iter().any(|(r, t)| *r == f.rule && *t == key)
        });
    }
    out.sort_by(|a, b| {
        (
            a.field,
            a.variant,
            a.span.start,
            std::cmp::Reverse(a.span.end),
            std::cmp::Reverse(a.severity),
            &a.rule,
        )
            .cmp(&(
                b.field,
                b.variant,
                b.span.start,
                std::cmp::Reverse(b.span.end),
                std::cmp::Reverse(b.severity),
                &b.rule,
            ))
    });
    let mut merged: Vec<Finding> = Vec::with_capacity(out.len());
    for f in out {
        // The same rule over overlapping text: one finding over the union.
        if let Some(prev) = merged.iter_mut().rev().find(|m| {
            m.field == f.field
                && m.variant == f.variant
                && m.rule == f.rule
                && m.span.overlaps(&f.span)
        }) {
            if f.span.end > prev.span.end {
                let text = listing.text_of(f.field, f.variant).unwrap_or_default();
                prev.span.end = f.span.end;
                prev.text = text[prev.span.start..prev.span.end].to_string();
            }
            prev.severity = prev.severity.max(f.severity);
            continue;
        }
        // The same brand at the same place from two rules: the stricter one speaks.
        let shadowed = f.brand.is_some()
            && merged.iter().any(|m| {
                m.field == f.field
                    && m.variant == f.variant
                    && m.span == f.span
                    && m.brand == f.brand
                    && m.rule != f.rule
            });
        if shadowed {
            continue;
        }
        merged.push(f);
    }
    crate::utf16::fill_utf16(&mut merged, listing);
    merged
}

/// Ignored findings compare by their text normalised, so `Nike` and `NIKE` match.
fn ignore_key(text: &str) -> String {
    super::compile::brand_key(text)
}
