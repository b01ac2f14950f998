//! Price rules: a branded product priced (or bought) below the lowest plausible price of
//! a genuine one, a price or cost that cannot be read (a `warn` when a floor would have
//! applied, since the floor could not be checked), and a cost above the price.
//!
//! Every row of the listing's variation table is checked like the listing's own price
//! and cost; a finding about a row carries its index (`Finding::variant`).

use super::brand::trimmed;
use super::compile::{brand_key, Owner};
use super::lint::Pass;
use crate::currency::{convert, Currency};
use crate::finding::Severity;
use crate::listing::{FieldRef, FieldRole};
use crate::pack::{FieldCheck, RuleKind};
use crate::price::{format_money, parse_price, Money, PriceError};

/// The currency a price without a currency marker is in: the listing's `currency`,
/// else the currency of its destination market (the listing's `market`, else the
/// marketplace site's from the configuration, as `Pass::market` resolves it).
pub(crate) fn default_currency(p: &Pass) -> Option<Currency> {
    p.listing
        .currency
        .as_deref()
        .and_then(Currency::from_code)
        .or_else(|| p.market.as_deref().and_then(Currency::for_market))
}

fn usd() -> Currency {
    Currency::from_code("USD").expect("USD is in the rate table")
}

/// One price or cost as typed: the listing's own, or a variant's.
struct Slot<'l> {
    field: FieldRef,
    variant: Option<usize>,
    text: &'l str,
    parsed: Result<Money, PriceError>,
}

/// The listing's price and cost, then each variant's, as `(price, cost)` pairs; a
/// variant without a price of its own is compared with the listing's price.
fn slots<'l>(p: &Pass<'_, 'l>) -> Vec<(Option<Slot<'l>>, Option<Slot<'l>>)> {
    let default = default_currency(p);
    let slot = |role: FieldRole, variant: Option<usize>, text: &'l str| {
        (!text.trim().is_empty()).then(|| Slot {
            field: FieldRef { role, index: 0 },
            variant,
            text,
            parsed: parse_price(text, default),
        })
    };
    let l = p.listing;
    let mut out = vec![(
        slot(FieldRole::Price, None, &l.price),
        slot(FieldRole::Cost, None, &l.cost),
    )];
    for (i, v) in l.variants.iter().enumerate() {
        out.push((
            slot(FieldRole::Price, Some(i), &v.price),
            slot(FieldRole::Cost, Some(i), &v.cost),
        ));
    }
    out
}

pub(crate) fn price_findings(p: &mut Pass) {
    let all = slots(p);
    if all
        .iter()
        .all(|(price, cost)| price.is_none() && cost.is_none())
    {
        return;
    }
    let floors = Floors::new(p);
    let main_price = all[0]
        .0
        .as_ref()
        .and_then(|s| s.parsed.as_ref().ok())
        .copied();
    for (price, cost) in &all {
        for s in [price, cost].into_iter().flatten() {
            match &s.parsed {
                Err(e) => unreadable(p, &floors, s, e),
                Ok(m) => below_floor(p, &floors, s, m),
            }
        }
        let reference = match price {
            Some(s) => s.parsed.as_ref().ok().copied(),
            None => main_price,
        };
        if let (Some(pr), Some(c)) = (reference, cost) {
            if let Ok(cm) = &c.parsed {
                cost_above_price(p, &pr, c, cm);
            }
        }
    }
}

/// The active field rules whose check `want` picks, in rule order (from the list the
/// rule states keep, not a sweep of every rule).
fn field_rules(p: &Pass, want: impl Fn(&RuleKind) -> bool) -> Vec<u32> {
    p.states
        .field_rules
        .iter()
        .map(|f| f.rule)
        .filter(|&r| want(&p.c.rules[r as usize].kind))
        .collect()
}

/// Adds a finding over the whole (trimmed) text of a slot.
fn push_slot(
    p: &mut Pass,
    rule: u32,
    severity: Severity,
    s: &Slot,
    brand: Option<u32>,
    vars: &[(&str, String)],
) {
    p.push(
        rule,
        severity,
        s.field,
        s.text,
        trimmed(s.text),
        brand,
        vars,
    );
    if let Some(f) = p.out.last_mut() {
        f.variant = s.variant;
    }
}

/// A text as quoted in a message: at most 64 characters.
fn quoted(text: &str) -> String {
    let t = text.trim();
    match t.char_indices().nth(64) {
        Some((at, _)) => format!("{}…", &t[..at]),
        None => t.to_string(),
    }
}

fn unreadable(p: &mut Pass, floors: &Floors, s: &Slot, e: &PriceError) {
    let role = s.field.role;
    let vars = [("error", e.to_string()), ("match", quoted(s.text))];
    // A floor that would have applied: say that it could not be checked.
    let unchecked = field_rules(p, |k| {
        matches!(k, RuleKind::Field(FieldCheck::FloorUnchecked))
    });
    let applies = floors.applicable(p, role);
    let mut warned = false;
    if let Some(&(_, floor)) = applies.first() {
        for r in unchecked {
            if p.reads(r, role) {
                let mut vars = vars.to_vec();
                let f = &p.c.floors[floor];
                vars.push((
                    "product",
                    p.c.products[f.product as usize].replace('-', " "),
                ));
                vars.push(("floor", format_money(f.min, f.currency)));
                push_slot(p, r, p.severity(r), s, Some(f.group), &vars);
                warned = true;
            }
        }
    }
    if warned {
        return;
    }
    for r in field_rules(p, |k| {
        matches!(k, RuleKind::Field(FieldCheck::PriceUnreadable))
    }) {
        if p.reads(r, role) {
            push_slot(p, r, p.severity(r), s, None, &vars);
        }
    }
}

fn cost_above_price(p: &mut Pass, price: &Money, s: &Slot, cost: &Money) {
    let pc = price.currency.unwrap_or_else(usd);
    let cost_in_price = convert(cost.amount, cost.currency.unwrap_or(pc), pc);
    if cost_in_price <= price.amount {
        return;
    }
    for r in field_rules(p, |k| {
        matches!(k, RuleKind::Field(FieldCheck::CostAbovePrice))
    }) {
        if p.reads(r, FieldRole::Cost) {
            let vars = [
                ("price", format_money(price.amount, pc)),
                ("cost", format_money(cost_in_price, pc)),
            ];
            push_slot(p, r, p.severity(r), s, None, &vars);
        }
    }
}

/// The floors that apply to this listing, worked out once for all its prices.
struct Floors {
    /// Indexes into `Compiled::floors` of floors whose brand and product type the
    /// listing names and whose rule no `unless` word excuses.
    candidates: Vec<usize>,
}

impl Floors {
    fn new(p: &Pass) -> Floors {
        let brands = listing_brands(p);
        if brands.is_empty() {
            return Floors {
                candidates: Vec::new(),
            };
        }
        let implied = implied_products(p);
        // Rules excused by an `unless` word anywhere in the title or category, except
        // one inside a longer product word of a floor of the rule ("case" in "with
        // MagSafe charging case" names the earbuds' own case, not an accessory).
        let floor_product = |rule: u32, o: &Owner| match o {
            Owner::Product(pt) => {
                p.c.floors
                    .iter()
                    .any(|f| f.rule == rule && f.product == *pt)
            }
            _ => false,
        };
        let excused = |rule: u32| {
            p.fields.iter().any(|a| {
                matches!(a.field.role, FieldRole::Title | FieldRole::Category)
                    && a.hits.iter().any(|h| {
                        a.owned_by(p.c, h.lit, Owner::Unless(rule))
                            && !a.hits.iter().any(|g| {
                                g.tokens.start <= h.tokens.start
                                    && h.tokens.end <= g.tokens.end
                                    && g.tokens.len() > h.tokens.len()
                                    && a.owners(p.c, g.lit, |o| floor_product(rule, o))
                                        .next()
                                        .is_some()
                            })
                    })
            })
        };
        // The floors of active rules for the listing's brands, in the floors' order.
        let of_brands = &p.states.floors;
        let mut mine: Vec<usize> = brands
            .iter()
            .flat_map(|&g| {
                let first = of_brands.partition_point(|&(fg, _)| fg < g);
                of_brands[first..]
                    .iter()
                    .take_while(move |&&(fg, _)| fg == g)
                    .map(|&(_, i)| i)
            })
            .collect();
        mine.sort_unstable();
        mine.dedup();
        let mut excused_rules: Vec<(u32, bool)> = Vec::new();
        let mut candidates = Vec::new();
        for i in mine {
            let f = &p.c.floors[i];
            let ex = match excused_rules.iter().find(|e| e.0 == f.rule) {
                Some(e) => e.1,
                None => {
                    let e = excused(f.rule);
                    excused_rules.push((f.rule, e));
                    e
                }
            };
            if ex {
                continue;
            }
            let group = &p.c.groups[f.group as usize];
            // A brand that makes one kind of product needs no product word ("Rolex
            // Submariner"); neither does a model name that implies its type ("Air
            // Jordan 1", "iPhone 15").
            let sole = group.products.len() == 1 && group.products[0] == f.product;
            let named = p.products.contains(&f.product)
                || implied
                    .iter()
                    .any(|&(g, pt)| g == f.group && pt == f.product);
            if named || sole {
                candidates.push(i);
            }
        }
        Floors { candidates }
    }

    /// The floors a price in `role` is checked against, highest first per rule:
    /// `(rule, floor index)`.
    fn applicable(&self, p: &Pass, role: FieldRole) -> Vec<(u32, usize)> {
        let mut best: Vec<(u32, usize)> = Vec::new();
        for &i in &self.candidates {
            let f = &p.c.floors[i];
            if !p.reads(f.rule, role) {
                continue;
            }
            let usd_min = convert(f.min, f.currency, usd());
            match best.iter_mut().find(|b| b.0 == f.rule) {
                Some(b) => {
                    let old = &p.c.floors[b.1];
                    if convert(old.min, old.currency, usd()) < usd_min {
                        b.1 = i;
                    }
                }
                None => best.push((f.rule, i)),
            }
        }
        best
    }
}

/// The brands a listing is about: its own brand field, and brands its title names
/// outside a compatibility mention.
fn listing_brands(p: &Pass) -> Vec<u32> {
    let mut out = p.own.clone();
    for b in &p.brands {
        if p.fields[b.field].field.role == FieldRole::Title && !b.compat && !out.contains(&b.group)
        {
            out.push(b.group);
        }
    }
    out
}

/// `(brand group, product type)` pairs implied by model names: a brand entry listing
/// exactly one product type (a model alias such as `{ name = "Nike", aliases = ["air
/// jordan 1"], products = ["shoes"] }`), named in the title outside a compatibility
/// mention, implies that type. The brand's own name does not: only its aliases.
fn implied_products(p: &Pass) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    for b in &p.brands {
        let a = &p.fields[b.field];
        if a.field.role != FieldRole::Title || b.compat {
            continue;
        }
        let e = &p.c.entries[b.entry as usize];
        let [pt] = e.products[..] else { continue };
        if out.contains(&(b.group, pt)) {
            continue;
        }
        let said = &a.text[a.norm.to_original(b.norm.clone())];
        if brand_key(said) != brand_key(&p.c.group_name(b.group)) {
            out.push((b.group, pt));
        }
    }
    out
}

fn below_floor(p: &mut Pass, floors: &Floors, s: &Slot, money: &Money) {
    let currency = money.currency.unwrap_or_else(usd);
    for (r, i) in floors.applicable(p, s.field.role) {
        let f = &p.c.floors[i];
        let floor = convert(f.min, f.currency, currency);
        if money.amount >= floor {
            continue;
        }
        let (group, product) = (f.group, f.product);
        let vars = [
            ("price", format_money(money.amount, currency)),
            ("floor", format_money(floor, currency)),
            ("product", p.c.products[product as usize].replace('-', " ")),
        ];
        push_slot(p, r, p.severity(r), s, Some(group), &vars);
    }
}
