//! Brand rules: another company's brand named in the listing, and a high-risk brand
//! sold as the listing's own brand without a declared authorisation.

use super::lint::Pass;
use crate::finding::{Severity, Span};
use crate::listing::FieldRole;
use crate::pack::RuleKind;

/// A brand named in a text field that is neither the listing's brand nor one the
/// seller owns or is authorised for. A compatibility mention ("case for iPhone")
/// lowers the severity one step for brand rules that allow it; any other mention in the
/// keywords (search terms, tags) is at least a warning.
#[inline(never)] // one step of `lint::lint`: see there
pub(crate) fn brand_findings(p: &mut Pass) {
    let hits = p.brands.clone();
    for bh in hits {
        let rule = p.c.entries[bh.entry as usize].rule;
        let role = p.fields[bh.field].field.role;
        if !p.reads(rule, role)
            || p.own.contains(&bh.group)
            || p.allowed.contains(&bh.group)
            || p.resold.contains(&bh.group)
        {
            continue;
        }
        let compatible = matches!(
            p.c.rules[rule as usize].kind,
            RuleKind::Brand {
                compatible: true,
                ..
            }
        );
        let mut severity = Some(p.severity(rule));
        if bh.compat && compatible {
            severity = severity.and_then(|s| s.lower());
        } else if role == FieldRole::Keywords {
            // Search terms name what the item is: another company's brand there, not
            // named for compatibility, is keyword stuffing ("keywords: nike adidas puma"),
            // even for a brand that elsewhere only gets a note.
            severity = severity.map(|s| s.max(Severity::Warn));
        }
        let Some(severity) = severity else { continue };
        p.push_span(
            rule,
            severity,
            bh.field,
            bh.norm.clone(),
            Some(bh.group),
            &[],
        );
    }
}

/// The brand field names a brand whose rule sets `own_severity`, and the seller has
/// not declared it authorised: "selling X needs proof of authorisation".
#[inline(never)] // one step of `lint::lint`: see there
pub(crate) fn own_brand_findings(p: &mut Pass) {
    let Some(fi) = p
        .fields
        .iter()
        .position(|a| a.field.role == FieldRole::Brand)
    else {
        return;
    };
    let mut done = Vec::new();
    let hits = p.fields[fi].hits.clone();
    for h in hits {
        let owners: Vec<_> = p.fields[fi]
            .owners(p.c, h.lit, |o| matches!(o, super::compile::Owner::Brand(_)))
            .collect();
        for o in owners {
            let super::compile::Owner::Brand(e) = o else {
                continue;
            };
            let entry = p.c.entries[e as usize].clone();
            let rule = entry.rule;
            let RuleKind::Brand {
                own: Some((severity, _)),
                ..
            } = &p.c.rules[rule as usize].kind
            else {
                continue;
            };
            let severity = *severity;
            if !p.states.active[rule as usize]
                || p.allowed.contains(&entry.group)
                || p.resold.contains(&entry.group)
                || done.contains(&(rule, entry.group))
            {
                continue;
            }
            done.push((rule, entry.group));
            let a = &p.fields[fi];
            let span = trimmed(a.text);
            let (field, text) = (a.field, a.text);
            p.push(
                rule,
                severity,
                field,
                text,
                span,
                Some(entry.group),
                &[("own", String::new())],
            );
        }
    }
}

/// The span of a field's text without surrounding white space.
pub(crate) fn trimmed(text: &str) -> Span {
    let start = text.len() - text.trim_start().len();
    let end = text.trim_end().len().max(start);
    Span::new(start, end)
}
