//! One validated rule, of one of the closed set of kinds.

use super::limits;
use super::not_inside::NotInside;
use super::per_marketplace::PerMarketplace;
use super::schema::{
    BrandDoc, ExampleDoc, LimitDoc, PolicyDoc, PolicyOneDoc, RuleDoc, SeverityDoc,
    SeverityValueDoc, WordsDoc,
};
use super::words::{words, Word};
use super::{check_id, text, RuleInfo, Text};
use crate::currency::Currency;
use crate::error::{PackError, PackErrorKind};
use crate::finding::{Policy, Severity};
use crate::listing::{FieldRole, Listing, Marketplace};
use std::collections::HashSet;

#[cfg(feature = "binary")]
#[path = "rule_wire.rs"]
mod wire;

/// A severity for every marketplace, with per-marketplace and per-market exceptions.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct SeverityMap {
    default: Option<Severity>,
    per: PerMarketplace<Severity>,
    /// Destination market (country code or `eu`) to severity; wins over the others.
    market: Vec<(String, Severity)>,
}

impl SeverityMap {
    /// The severity on `marketplace` selling to `market`: the market's own when the
    /// rule names it, else the marketplace's, else the default; with no marketplace
    /// known, the default or else the strictest per-marketplace one. `None`: the rule
    /// does not apply there.
    pub fn get(&self, marketplace: Option<Marketplace>, market: Option<&str>) -> Option<Severity> {
        if let Some(m) = market {
            // A country named outright wins over `eu`.
            let own = self.market.iter().find(|(k, _)| k == m);
            let group = self
                .market
                .iter()
                .find(|(k, _)| crate::market::covers(k, m));
            if let Some((_, s)) = own.or(group) {
                return Some(*s);
            }
        }
        match marketplace {
            Some(m) => self.per.get(&m).copied().or(self.default),
            None => self.default.or_else(|| self.per.values().copied().max()),
        }
    }

    /// The severity shown in catalogues.
    pub fn headline(&self) -> Severity {
        self.get(None, None).unwrap_or(Severity::Info)
    }

    fn from_doc(doc: &SeverityDoc) -> Result<SeverityMap, PackError> {
        let parse = |s: &str| {
            Severity::parse(s).ok_or_else(|| {
                PackError::new(
                    PackErrorKind::Invalid,
                    format!("unknown severity `{s}`: use block, warn or info"),
                )
                .key("severity")
            })
        };
        match doc {
            SeverityDoc::One(s) => Ok(SeverityMap {
                default: Some(parse(s)?),
                per: PerMarketplace::new(),
                market: Vec::new(),
            }),
            SeverityDoc::PerMarketplace(map) => {
                let mut out = SeverityMap {
                    default: None,
                    per: PerMarketplace::new(),
                    market: Vec::new(),
                };
                for (k, v) in map {
                    let v = match (k.as_str(), v) {
                        ("market", SeverityValueDoc::Table(markets)) => {
                            for (code, sev) in markets {
                                let c = crate::market::market_code(code).ok_or_else(|| {
                                    invalid(format!(
                                        "unknown market `{code}`: use a two-letter country code (au, de, tw) or eu"
                                    ))
                                    .key("severity.market")
                                })?;
                                out.market.push((c, parse(sev)?));
                            }
                            continue;
                        }
                        ("market", SeverityValueDoc::One(_)) => {
                            return Err(invalid(
                                "`severity.market` is a table: market = { au = \"block\" }",
                            )
                            .key("severity.market"))
                        }
                        (_, SeverityValueDoc::Table(_)) => {
                            return Err(invalid(format!(
                                "`severity.{k}` must be a severity; only `market` takes a table"
                            ))
                            .key("severity"))
                        }
                        (_, SeverityValueDoc::One(v)) => v,
                    };
                    let sev = parse(v)?;
                    if k == "default" {
                        out.default = Some(sev);
                    } else {
                        let m = Marketplace::parse(k).ok_or_else(|| {
                            PackError::new(
                                PackErrorKind::Invalid,
                                format!("unknown marketplace `{k}`"),
                            )
                            .key("severity")
                        })?;
                        out.per.insert(m, sev);
                    }
                }
                Ok(out)
            }
        }
    }
}

/// A number limit with per-marketplace values.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Limit {
    default: Option<u64>,
    per: PerMarketplace<u64>,
}

impl Limit {
    /// Whether some marketplace has a limit of its own.
    pub fn per_marketplace(&self) -> bool {
        !self.per.is_empty()
    }

    /// The limit on `marketplace`; with none known, the default only.
    pub fn get(&self, marketplace: Option<Marketplace>) -> Option<u64> {
        marketplace
            .and_then(|m| self.per.get(&m).copied())
            .or(self.default)
    }

    fn from_doc(doc: &LimitDoc) -> Result<Limit, PackError> {
        match doc {
            LimitDoc::One(n) => Ok(Limit {
                default: Some(*n),
                per: PerMarketplace::new(),
            }),
            LimitDoc::PerMarketplace(map) => {
                let mut out = Limit {
                    default: None,
                    per: PerMarketplace::new(),
                };
                for (k, v) in map {
                    if k == "default" {
                        out.default = Some(*v);
                    } else {
                        let m = Marketplace::parse(k).ok_or_else(|| {
                            PackError::new(
                                PackErrorKind::Invalid,
                                format!("unknown marketplace `{k}`"),
                            )
                            .key("limit")
                        })?;
                        out.per.insert(m, *v);
                    }
                }
                Ok(out)
            }
        }
    }
}

/// A policy for every marketplace, with per-marketplace ones.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct PolicyMap {
    pub default: Policy,
    pub per: PerMarketplace<Policy>,
}

impl PolicyMap {
    /// The policy of `marketplace` when the rule names one for it, else the default, unless
    /// the default is another marketplace's own page: then a neutral citation (the kind of
    /// policy, no link). Never another marketplace's page.
    pub fn get(&self, marketplace: Option<Marketplace>) -> Policy {
        if let Some(p) = marketplace.and_then(|m| self.per.get(&m)) {
            return p.clone();
        }
        match (marketplace, super::policy_owner::owner(&self.default)) {
            (Some(m), Some(o)) if m != o => super::policy_owner::neutral(&self.default),
            _ => self.default.clone(),
        }
    }

    fn from_doc(doc: &PolicyDoc) -> Result<PolicyMap, PackError> {
        let one = |p: &PolicyOneDoc, key: &str| -> Result<Policy, PackError> {
            if p.name.trim().is_empty() {
                return Err(invalid("the policy has no name").key(format!("{key}.name")));
            }
            Ok(Policy {
                name: p.name.clone(),
                url: p.url.clone(),
            })
        };
        match doc {
            PolicyDoc::One(p) => Ok(PolicyMap {
                default: one(p, "policy")?,
                per: PerMarketplace::new(),
            }),
            PolicyDoc::PerMarketplace(map) => {
                let default = map.get("default").ok_or_else(|| {
                    invalid("a policy per marketplace needs a `default` for the others")
                        .key("policy.default")
                })?;
                let mut out = PolicyMap {
                    default: one(default, "policy.default")?,
                    per: PerMarketplace::new(),
                };
                for (k, p) in map {
                    if k == "default" {
                        continue;
                    }
                    let key = format!("policy.{k}");
                    let m = Marketplace::parse(k).ok_or_else(|| {
                        invalid(format!("unknown marketplace `{k}`")).key(key.clone())
                    })?;
                    out.per.insert(m, one(p, &key)?);
                }
                Ok(out)
            }
        }
    }
}

/// One brand of a brand rule.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Brand {
    pub name: String,
    pub aliases: Vec<Word>,
    pub products: Vec<String>,
    pub strict_case: bool,
    pub needs_product: bool,
    pub dictionary_word: bool,
}

/// One floor of a price-floor rule.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Floor {
    pub brand: String,
    pub product: String,
    pub min: f64,
}

/// A structural check of a `field` rule.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum FieldCheck {
    /// More characters than the marketplace allows.
    MaxLength(Limit),
    /// More UTF-8 bytes than the marketplace allows (Amazon search terms).
    MaxBytes(Limit),
    /// More comma-separated items than allowed (Etsy's 13 tags).
    MaxItems(Limit),
    /// Any of these characters (a set: one lookup per character of the field).
    ForbiddenChars(HashSet<char>),
    /// A price or cost that cannot be read.
    PriceUnreadable,
    /// The price or cost cannot be read while a price floor applies to the listing.
    FloorUnchecked,
    /// A cost above the price.
    CostAbovePrice,
}

/// In the engine's binary form (`engine/binary.rs`) the word and pattern lists are left
/// out: compiling put them into the matcher and the engine's pattern list, and linting reads them
/// from there.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum RuleKind {
    Term {
        /// Terms; a term with `~N` gaps allows up to N other words between its parts.
        terms: Vec<Word>,
        unless: Vec<Word>,
        /// Per term (normalised), the longer words containing it (normalised) inside
        /// which that occurrence is not the term (`鼻烟` inside `鼻烟壶`). Unlike
        /// `unless`, this excuses the one occurrence, never the rest of the listing.
        not_inside: NotInside,
        window: usize,
        near_brand: Option<Severity>,
        /// Wording normal for genuine resale ("100% authentic", 正品): not escalated
        /// next to a brand the seller declared they resell (`LintConfig::resell_brands`).
        resale_wording: bool,
        /// Wording that says the item imitates a brand ("Nike style", `mirip`, 同款):
        /// it fires only right next to another company's brand and is evidence that a
        /// brand needing some is meant there (`engine/cue.rs`).
        brand_cue: bool,
    },
    Pattern {
        patterns: Vec<String>,
        unless: Vec<Word>,
        window: usize,
        near_brand: Option<Severity>,
        resale_wording: bool,
    },
    Brand {
        brands: Vec<Brand>,
        compatible: bool,
        own: Option<(Severity, Text)>,
    },
    PriceFloor {
        currency: Currency,
        floors: Vec<Floor>,
        /// Words in the title or category that make the listing something other than the
        /// branded product itself (a case, a strap, a repair part): no floor applies.
        unless: Vec<Word>,
    },
    Field(FieldCheck),
}

/// An example listing with the brands its seller owns.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Example {
    pub listing: Listing,
    pub allow_brands: Vec<String>,
    /// The seller's declared language, if the example gives one.
    pub language: Option<crate::language::Language>,
    /// What the example was written as, for failure reports.
    pub shown: String,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Rule {
    /// The id within the pack.
    pub id: String,
    /// `pack.rule`.
    pub full_id: String,
    pub kind: RuleKind,
    pub severity: SeverityMap,
    pub fields: Vec<FieldRole>,
    /// Empty: every marketplace.
    pub marketplaces: Vec<Marketplace>,
    /// Destination markets (country codes or `eu`); empty: every market.
    pub markets: Vec<String>,
    pub message: Text,
    pub policy: PolicyMap,
    pub fire: Vec<Example>,
    pub pass: Vec<Example>,
    /// One-click edits, in the order the card shows them.
    pub fixes: Vec<super::fix::Fix>,
    pub fix_examples: Vec<super::fix::FixExample>,
    /// What to write instead, shown on the card.
    pub instead: Option<Text>,
}

/// Default context window for `unless`, in tokens on each side.
const DEFAULT_WINDOW: usize = 4;

impl Rule {
    pub fn kind_name(&self) -> &'static str {
        match self.kind {
            RuleKind::Term { .. } => "term",
            RuleKind::Pattern { .. } => "pattern",
            RuleKind::Brand { .. } => "brand",
            RuleKind::PriceFloor { .. } => "price-floor",
            RuleKind::Field(_) => "field",
        }
    }

    pub fn info(&self) -> RuleInfo {
        RuleInfo {
            id: self.full_id.clone(),
            kind: self.kind_name(),
            severity: self.severity.headline(),
            message: self.message.clone(),
            policy: self.policy.default.clone(),
            policies: self
                .policy
                .per
                .iter()
                .map(|(m, p)| (m.as_str().to_string(), p.clone()))
                .collect(),
            markets: self.markets.clone(),
        }
    }

    /// Whether the rule belongs to some marketplaces only: it names them, or it is a
    /// field check whose limit is set per marketplace (eBay's 80-character titles).
    pub fn marketplace_scoped(&self) -> bool {
        !self.marketplaces.is_empty()
            || matches!(
                &self.kind,
                RuleKind::Field(
                    FieldCheck::MaxLength(l) | FieldCheck::MaxBytes(l) | FieldCheck::MaxItems(l)
                ) if l.per_marketplace()
            )
    }

    /// Whether the rule applies on `marketplace` selling to `market`. A rule scoped to
    /// some marketplaces stays in them: with the marketplace unknown it does not apply
    /// (an unknown market, by contrast, applies every market's rules).
    pub fn applies_on(&self, marketplace: Option<Marketplace>, market: Option<&str>) -> bool {
        let on_marketplace = match marketplace {
            Some(m) => self.marketplaces.is_empty() || self.marketplaces.contains(&m),
            None => self.marketplaces.is_empty(),
        };
        let in_market = match market {
            Some(m) => {
                self.markets.is_empty() || self.markets.iter().any(|r| crate::market::covers(r, m))
            }
            None => true,
        };
        on_marketplace && in_market
    }

    pub fn literal_count(&self) -> usize {
        match &self.kind {
            RuleKind::Term {
                terms,
                unless,
                not_inside,
                ..
            } => terms.len() + unless.len() + not_inside.len(),
            RuleKind::Pattern { unless, .. } => unless.len(),
            RuleKind::PriceFloor { unless, .. } => unless.len(),
            RuleKind::Brand { brands, .. } => brands.iter().map(|b| 1 + b.aliases.len()).sum(),
            RuleKind::Field(FieldCheck::ForbiddenChars(chars)) => chars.len(),
            _ => 0,
        }
    }

    pub fn validate(
        pack: &str,
        doc: RuleDoc,
        pack_marketplaces: &[Marketplace],
    ) -> Result<Rule, PackError> {
        check_id(&doc.id).map_err(|m| PackError::new(PackErrorKind::Invalid, m).key("id"))?;
        let severity = SeverityMap::from_doc(&doc.severity)?;
        let mut fields = Vec::new();
        for f in &doc.fields {
            fields.push(
                FieldRole::parse(f)
                    .ok_or_else(|| invalid(format!("unknown field `{f}`")).key("fields"))?,
            );
        }
        let mut marketplaces = Vec::new();
        for m in &doc.marketplaces {
            if m == "all" {
                continue;
            }
            marketplaces.push(Marketplace::parse(m).ok_or_else(|| {
                invalid(format!("unknown marketplace `{m}`")).key("marketplaces")
            })?);
        }
        if marketplaces.is_empty() {
            marketplaces = pack_marketplaces.to_vec();
        }
        let mut markets = Vec::new();
        for m in &doc.markets {
            markets.push(crate::market::market_code(m).ok_or_else(|| {
                invalid(format!(
                    "unknown market `{m}`: use a two-letter country code (au, de, tw) or eu"
                ))
                .key("markets")
            })?);
        }
        let message = text(&doc.message);
        if message.en.trim().is_empty() {
            return Err(invalid("the message is empty").key("message"));
        }
        let policy = PolicyMap::from_doc(&doc.policy)?;
        let kind = kind_from_doc(&doc)?;
        if fields.is_empty() {
            fields = default_fields(&kind);
        }
        let first_field = fields[0];
        let examples = |list: &[ExampleDoc], key: &str| -> Result<Vec<Example>, PackError> {
            if list.len() > limits::MAX_EXAMPLES {
                return Err(PackError::new(PackErrorKind::Limit, "too many examples").key(key));
            }
            list.iter()
                .enumerate()
                .map(|(i, e)| example(e, first_field).map_err(|er| er.key(format!("{key}[{i}]"))))
                .collect()
        };
        let fire = examples(&doc.examples.fire, "examples.fire")?;
        let pass = examples(&doc.examples.pass, "examples.pass")?;
        let fixes = super::fix::fixes(&doc.fixes)?;
        let fix_examples = super::fix::fix_examples(&doc.examples.fix, fixes.len())?;
        if fixes.is_empty() != fix_examples.is_empty() {
            return Err(invalid(if fixes.is_empty() {
                "fix examples but no `fixes`"
            } else {
                "every rule with `fixes` shows one in `examples.fix`"
            })
            .key("examples.fix"));
        }
        let instead = doc.instead.as_ref().map(text);
        Ok(Rule {
            full_id: format!("{pack}.{}", doc.id),
            id: doc.id,
            kind,
            severity,
            fields,
            marketplaces,
            markets,
            message,
            policy,
            fire,
            pass,
            fixes,
            fix_examples,
            instead,
        })
    }
}

fn invalid(message: impl Into<String>) -> PackError {
    PackError::new(PackErrorKind::Invalid, message)
}

fn default_fields(kind: &RuleKind) -> Vec<FieldRole> {
    match kind {
        RuleKind::PriceFloor { .. } => vec![FieldRole::Price, FieldRole::Cost],
        RuleKind::Field(FieldCheck::PriceUnreadable | FieldCheck::FloorUnchecked) => {
            vec![FieldRole::Price, FieldRole::Cost]
        }
        RuleKind::Field(FieldCheck::CostAbovePrice) => vec![FieldRole::Cost],
        RuleKind::Field(_) => vec![FieldRole::Title],
        _ => FieldRole::TEXT.to_vec(),
    }
}

fn parse_severity(s: &Option<String>, key: &str) -> Result<Option<Severity>, PackError> {
    s.as_deref()
        .map(|v| {
            Severity::parse(v).ok_or_else(|| invalid(format!("unknown severity `{v}`")).key(key))
        })
        .transpose()
}

/// Which keys each kind may use; anything else set on the rule is an error.
fn refuse_foreign_keys(doc: &RuleDoc, allowed: &[&str]) -> Result<(), PackError> {
    let set: [(&str, bool); 17] = [
        ("terms", !doc.terms.is_empty()),
        ("not_inside", !doc.not_inside.is_empty()),
        ("patterns", !doc.patterns.is_empty()),
        ("unless", !doc.unless.is_empty()),
        ("window", doc.window.is_some()),
        ("near_brand", doc.near_brand.is_some()),
        ("resale_wording", doc.resale_wording),
        ("brand_cue", doc.brand_cue),
        ("brands", !doc.brands.is_empty()),
        ("brand_lines", doc.brand_lines.is_some()),
        ("compatible", doc.compatible),
        ("own_severity", doc.own_severity.is_some()),
        ("own_message", doc.own_message.is_some()),
        ("currency", doc.currency.is_some()),
        ("floors", !doc.floors.is_empty()),
        ("check", doc.check.is_some()),
        ("limit", doc.limit.is_some() || doc.chars.is_some()),
    ];
    for (key, present) in set {
        if present && !allowed.contains(&key) {
            return Err(
                invalid(format!("`{key}` does not belong in a `{}` rule", doc.kind)).key(key),
            );
        }
    }
    Ok(())
}

fn kind_from_doc(doc: &RuleDoc) -> Result<RuleKind, PackError> {
    let window = doc.window.unwrap_or(DEFAULT_WINDOW).min(64);
    let near_brand = parse_severity(&doc.near_brand, "near_brand")?;
    match doc.kind.as_str() {
        "term" => {
            refuse_foreign_keys(
                doc,
                &[
                    "terms",
                    "not_inside",
                    "unless",
                    "window",
                    "near_brand",
                    "resale_wording",
                    "brand_cue",
                ],
            )?;
            if doc.brand_cue && doc.near_brand.is_some() {
                return Err(invalid(
                    "a `brand_cue` rule fires only next to a brand: drop `near_brand`",
                )
                .key("near_brand"));
            }
            if doc.terms.is_empty() {
                return Err(invalid("a term rule needs `terms`").key("terms"));
            }
            let terms = words(&doc.terms, "terms", true)?;
            Ok(RuleKind::Term {
                not_inside: super::not_inside::parse(&doc.not_inside, &terms)?,
                terms,
                unless: words(&doc.unless, "unless", false)?,
                window,
                near_brand,
                resale_wording: doc.resale_wording,
                brand_cue: doc.brand_cue,
            })
        }
        "pattern" => {
            refuse_foreign_keys(
                doc,
                &[
                    "patterns",
                    "unless",
                    "window",
                    "near_brand",
                    "resale_wording",
                ],
            )?;
            if doc.patterns.is_empty() {
                return Err(invalid("a pattern rule needs `patterns`").key("patterns"));
            }
            for (i, p) in doc.patterns.iter().enumerate() {
                check_pattern(p).map_err(|e| e.key(format!("patterns[{i}]")))?;
            }
            Ok(RuleKind::Pattern {
                patterns: doc.patterns.clone(),
                unless: words(&doc.unless, "unless", false)?,
                window,
                near_brand,
                resale_wording: doc.resale_wording,
            })
        }
        "brand" => {
            refuse_foreign_keys(
                doc,
                &[
                    "brands",
                    "brand_lines",
                    "compatible",
                    "own_severity",
                    "own_message",
                ],
            )?;
            let mut brands = Vec::new();
            for (i, b) in doc.brands.iter().enumerate() {
                brands.push(brand(b).map_err(|e| e.key_prefix(format_args!("brands[{i}]")))?);
            }
            if let Some(lines) = &doc.brand_lines {
                for (i, line) in lines.lines().enumerate() {
                    if let Some(b) = brand_line(line)
                        .map_err(|e| e.key_prefix(format_args!("brand_lines line {}", i + 1)))?
                    {
                        brands.push(b);
                    }
                }
            }
            if brands.is_empty() {
                return Err(invalid("a brand rule needs `brands` or `brand_lines`").key("brands"));
            }
            let own = match parse_severity(&doc.own_severity, "own_severity")? {
                Some(sev) => {
                    let msg = doc.own_message.as_ref().map(text).ok_or_else(|| {
                        invalid("`own_severity` needs an `own_message`").key("own_message")
                    })?;
                    Some((sev, msg))
                }
                None => None,
            };
            Ok(RuleKind::Brand {
                brands,
                compatible: doc.compatible,
                own,
            })
        }
        "price-floor" => {
            refuse_foreign_keys(doc, &["currency", "floors", "unless"])?;
            let unless = words(&doc.unless, "unless", false)?;
            let code = doc.currency.as_deref().unwrap_or("USD");
            let currency = Currency::from_code(code)
                .ok_or_else(|| invalid(format!("unknown currency `{code}`")).key("currency"))?;
            if doc.floors.is_empty() {
                return Err(invalid("a price-floor rule needs `floors`").key("floors"));
            }
            let mut floors = Vec::new();
            for (i, f) in doc.floors.iter().enumerate() {
                if !(f.min.is_finite() && f.min > 0.0) {
                    return Err(
                        invalid("`min` must be a positive number").key(format!("floors[{i}].min"))
                    );
                }
                check_id(&f.product).map_err(|m| invalid(m).key(format!("floors[{i}].product")))?;
                if f.brand.trim().is_empty() {
                    return Err(invalid("empty brand").key(format!("floors[{i}].brand")));
                }
                floors.push(Floor {
                    brand: f.brand.clone(),
                    product: f.product.clone(),
                    min: f.min,
                });
            }
            Ok(RuleKind::PriceFloor {
                currency,
                floors,
                unless,
            })
        }
        "field" => {
            refuse_foreign_keys(doc, &["check", "limit"])?;
            let check = doc.check.as_deref().unwrap_or("");
            let limit = || {
                doc.limit
                    .as_ref()
                    .ok_or_else(|| invalid(format!("check `{check}` needs a `limit`")).key("limit"))
                    .and_then(Limit::from_doc)
            };
            let fc = match check {
                "max-length" => FieldCheck::MaxLength(limit()?),
                "max-bytes" => FieldCheck::MaxBytes(limit()?),
                "max-items" => FieldCheck::MaxItems(limit()?),
                "forbidden-chars" => {
                    let given = doc.chars.as_deref().unwrap_or_default();
                    let n = given.chars().count();
                    if n > limits::MAX_FORBIDDEN_CHARS {
                        return Err(PackError::new(
                            PackErrorKind::Limit,
                            format!("{n} characters; the limit is {}", limits::MAX_FORBIDDEN_CHARS),
                        )
                        .key("chars"));
                    }
                    let chars: HashSet<char> = given.chars().collect();
                    if chars.is_empty() {
                        return Err(invalid("check `forbidden-chars` needs `chars`").key("chars"));
                    }
                    FieldCheck::ForbiddenChars(chars)
                }
                "price-unreadable" => FieldCheck::PriceUnreadable,
                "floor-unchecked" => FieldCheck::FloorUnchecked,
                "cost-above-price" => FieldCheck::CostAbovePrice,
                other => {
                    return Err(invalid(format!(
                        "unknown check `{other}`: use max-length, max-bytes, max-items, forbidden-chars, price-unreadable, floor-unchecked or cost-above-price"
                    ))
                    .key("check"))
                }
            };
            Ok(RuleKind::Field(fc))
        }
        other => Err(invalid(format!(
            "unknown kind `{other}`: use term, pattern, brand, price-floor or field"
        ))
        .key("kind")),
    }
}

/// Compiles a pattern once to validate it, under the engine's limits.
pub(crate) fn check_pattern(p: &str) -> Result<regex::Regex, PackError> {
    let n = p.chars().count();
    if n > limits::MAX_PATTERN_CHARS {
        return Err(PackError::new(
            PackErrorKind::Limit,
            format!("{n} characters; the limit is {}", limits::MAX_PATTERN_CHARS),
        ));
    }
    if p.trim().is_empty() {
        return Err(PackError::new(
            PackErrorKind::Pattern,
            "an empty pattern matches everywhere and shows nothing",
        ));
    }
    if let Some(c) = super::pattern_case::capital_literal(p) {
        return Err(PackError::new(
            PackErrorKind::Pattern,
            format!(
                "the pattern `{p}` has the capital letter `{c}`, which can never match: patterns run on lower-case text, so write it in lower case"
            ),
        ));
    }
    regex::RegexBuilder::new(p)
        .size_limit(limits::REGEX_SIZE_LIMIT)
        .dfa_size_limit(limits::REGEX_SIZE_LIMIT)
        .build()
        .map_err(|e| {
            let detail = e.to_string();
            let gist = detail
                .lines()
                .last()
                .unwrap_or("invalid pattern")
                .trim()
                .to_string();
            PackError::new(
                PackErrorKind::Pattern,
                format!("the pattern `{p}` does not compile: {gist}"),
            )
        })
}

fn brand(doc: &BrandDoc) -> Result<Brand, PackError> {
    if doc.name.trim().is_empty() {
        return Err(invalid("a brand needs a name"));
    }
    if doc.needs_product && doc.products.is_empty() {
        return Err(invalid("`needs_product` needs `products`").key("needs_product"));
    }
    super::words::check_literal(&doc.name, false).map_err(|e| e.key("name"))?;
    let aliases = words(&doc.aliases, "aliases", false)?;
    for p in &doc.products {
        check_id(p).map_err(|m| invalid(m).key("products"))?;
    }
    Ok(Brand {
        name: doc.name.trim().to_string(),
        aliases,
        products: doc.products.clone(),
        strict_case: doc.strict_case || doc.dictionary_word,
        needs_product: doc.needs_product,
        dictionary_word: doc.dictionary_word,
    })
}

/// `Name | alias | alias`; `!` before the name marks a strict-case brand, `?` a brand
/// whose name is a dictionary word (see [`BrandDoc::dictionary_word`]); `#` comments.
fn brand_line(line: &str) -> Result<Option<Brand>, PackError> {
    let line = line.trim();
    if line.is_empty() || line.starts_with('#') {
        return Ok(None);
    }
    let (strict, dictionary, line) = if let Some(rest) = line.strip_prefix('!') {
        (true, false, rest)
    } else if let Some(rest) = line.strip_prefix('?') {
        (true, true, rest)
    } else {
        (false, false, line)
    };
    let mut parts = line.split('|').map(str::trim).filter(|s| !s.is_empty());
    let name = parts.next().unwrap_or_default().to_string();
    let doc = BrandDoc {
        name,
        aliases: WordsDoc::List(parts.map(str::to_string).collect()),
        products: Vec::new(),
        strict_case: strict,
        needs_product: false,
        dictionary_word: dictionary,
    };
    brand(&doc).map(Some)
}

fn example(doc: &ExampleDoc, first_field: FieldRole) -> Result<Example, PackError> {
    match doc {
        ExampleDoc::Text(t) => {
            let mut listing = Listing::default();
            match first_field {
                FieldRole::Title => listing.title = t.clone(),
                FieldRole::Bullets => listing.bullets = vec![t.clone()],
                FieldRole::Description => listing.description = t.clone(),
                FieldRole::Keywords => listing.keywords = t.clone(),
                FieldRole::Brand => listing.brand = t.clone(),
                FieldRole::Category => listing.category = t.clone(),
                FieldRole::Price => listing.price = t.clone(),
                FieldRole::Cost => listing.cost = t.clone(),
                FieldRole::Other => listing.other = vec![("other".into(), t.clone())],
            }
            Ok(Example {
                listing,
                allow_brands: Vec::new(),
                language: None,
                shown: format!("{t:?}"),
            })
        }
        ExampleDoc::Listing(l) => {
            let marketplace = match &l.marketplace {
                Some(m) => Some(
                    Marketplace::parse(m)
                        .ok_or_else(|| invalid(format!("unknown marketplace `{m}`")))?,
                ),
                None => None,
            };
            let market = match &l.market {
                Some(m) => Some(
                    crate::market::market_code(m)
                        .ok_or_else(|| invalid(format!("unknown market `{m}`")))?,
                ),
                None => None,
            };
            let language = match &l.language {
                Some(code) => Some(
                    crate::language::Language::parse(code)
                        .ok_or_else(|| invalid(format!("unknown language `{code}`")))?,
                ),
                None => None,
            };
            let listing = Listing {
                id: None,
                title: l.title.clone(),
                bullets: l.bullets.clone(),
                description: l.description.clone(),
                keywords: l.keywords.clone(),
                brand: l.brand.clone(),
                category: l.category.clone(),
                price: l.price.clone(),
                cost: l.cost.clone(),
                currency: l.currency.clone(),
                marketplace,
                market,
                other: Vec::new(),
                variants: l.variants.clone(),
            };
            let mut shown = summarize(&listing);
            if let Some(l) = language {
                shown = format!("{shown} (language {l})");
            }
            Ok(Example {
                listing,
                allow_brands: l.allow_brands.clone(),
                language,
                shown,
            })
        }
    }
}

fn summarize(l: &Listing) -> String {
    let mut parts = Vec::new();
    for (f, t) in l.fields() {
        parts.push(format!("{}={t:?}", f.role));
    }
    if let Some(m) = l.marketplace {
        parts.push(format!("marketplace={m}"));
    }
    if let Some(m) = &l.market {
        parts.push(format!("market={m}"));
    }
    for (i, v) in l.variants.iter().enumerate() {
        parts.push(format!(
            "variants[{i}]={{price={:?}, cost={:?}}}",
            v.price, v.cost
        ));
    }
    format!("{{{}}}", parts.join(", "))
}
