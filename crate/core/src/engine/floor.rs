//! Price rules: a branded product priced (or bought) below the lowest plausible price of
//! a genuine one, a price or cost that cannot be read, and a cost above the price.

use super::brand::trimmed;
use super::lint::Pass;
use crate::currency::{convert, Currency};
use crate::finding::Severity;
use crate::listing::FieldRole;
use crate::pack::{FieldCheck, RuleKind};
use crate::price::{format_money, parse_price, Money};

fn default_currency(p: &Pass) -> Option<Currency> {
    p.listing.currency.as_deref().and_then(Currency::from_code)
}

fn usd() -> Currency {
    Currency::from_code("USD").expect("USD is in the rate table")
}

/// Parses the price or cost field, if the listing has it.
fn money(p: &Pass, role: FieldRole) -> Option<(usize, Result<Money, crate::price::PriceError>)> {
    let fi = p.fields.iter().position(|a| a.field.role == role)?;
    Some((fi, parse_price(p.fields[fi].text, default_currency(p))))
}

pub(crate) fn price_findings(p: &mut Pass) {
    let price = money(p, FieldRole::Price);
    let cost = money(p, FieldRole::Cost);
    unreadable(p, &price);
    unreadable(p, &cost);
    below_floor(p, &price);
    below_floor(p, &cost);
    cost_above_price(p, &price, &cost);
}

fn field_rules(p: &Pass, want: impl Fn(&RuleKind) -> bool) -> Vec<u32> {
    (0..p.c.rules.len() as u32)
        .filter(|&r| p.active[r as usize] && want(&p.c.rules[r as usize].kind))
        .collect()
}

fn unreadable(p: &mut Pass, parsed: &Option<(usize, Result<Money, crate::price::PriceError>)>) {
    let Some((fi, Err(e))) = parsed else { return };
    let role = p.fields[*fi].field.role;
    for r in field_rules(p, |k| {
        matches!(k, RuleKind::Field(FieldCheck::PriceUnreadable))
    }) {
        if p.reads(r, role) {
            let a = &p.fields[*fi];
            let (field, text) = (a.field, a.text);
            p.push(
                r,
                p.severity(r),
                field,
                text,
                trimmed(text),
                None,
                &[("error", e.to_string())],
            );
        }
    }
}

fn cost_above_price(
    p: &mut Pass,
    price: &Option<(usize, Result<Money, crate::price::PriceError>)>,
    cost: &Option<(usize, Result<Money, crate::price::PriceError>)>,
) {
    let (Some((_, Ok(price))), Some((ci, Ok(cost)))) = (price, cost) else {
        return;
    };
    let pc = price.currency.unwrap_or_else(usd);
    let cost_in_price = convert(cost.amount, cost.currency.unwrap_or(pc), pc);
    if cost_in_price <= price.amount {
        return;
    }
    for r in field_rules(p, |k| {
        matches!(k, RuleKind::Field(FieldCheck::CostAbovePrice))
    }) {
        if p.reads(r, FieldRole::Cost) {
            let a = &p.fields[*ci];
            let (field, text) = (a.field, a.text);
            let vars = [
                ("price", format_money(price.amount, pc)),
                ("cost", format_money(cost_in_price, pc)),
            ];
            p.push(r, p.severity(r), field, text, trimmed(text), None, &vars);
        }
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

fn below_floor(p: &mut Pass, parsed: &Option<(usize, Result<Money, crate::price::PriceError>)>) {
    let Some((fi, Ok(money))) = parsed else {
        return;
    };
    let role = p.fields[*fi].field.role;
    let brands = listing_brands(p);
    if brands.is_empty() {
        return;
    }
    let products = &p.products;
    // Rules excused by an `unless` word anywhere in the title or category.
    let excused = |rule: u32| {
        p.fields.iter().any(|a| {
            matches!(a.field.role, FieldRole::Title | FieldRole::Category)
                && a.hits
                    .iter()
                    .any(|h| a.owned_by(p.c, h.lit, crate::engine::compile::Owner::Unless(rule)))
        })
    };
    let currency = money.currency.unwrap_or_else(usd);
    // The highest floor each rule sets for this listing.
    let mut best: Vec<(u32, f64, u32, u32)> = Vec::new();
    for f in &p.c.floors {
        if !p.reads(f.rule, role) || !brands.contains(&f.group) || excused(f.rule) {
            continue;
        }
        let group = &p.c.groups[f.group as usize];
        // A brand that makes one kind of product needs no product word ("Rolex Submariner").
        let sole = group.products.len() == 1 && group.products[0] == f.product;
        if !products.contains(&f.product) && !sole {
            continue;
        }
        let floor = convert(f.min, f.currency, currency);
        if money.amount >= floor {
            continue;
        }
        match best.iter_mut().find(|b| b.0 == f.rule) {
            Some(b) if b.1 >= floor => {}
            Some(b) => *b = (f.rule, floor, f.group, f.product),
            None => best.push((f.rule, floor, f.group, f.product)),
        }
    }
    for (r, floor, group, product) in best {
        let a = &p.fields[*fi];
        let (field, text) = (a.field, a.text);
        let vars = [
            ("price", format_money(money.amount, currency)),
            ("floor", format_money(floor, currency)),
            ("product", p.c.products[product as usize].replace('-', " ")),
        ];
        let severity: Severity = p.severity(r);
        p.push(r, severity, field, text, trimmed(text), Some(group), &vars);
    }
}
