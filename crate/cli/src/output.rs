//! Printing findings: one JSON object per finding, one CSV row per finding, or readable
//! text with an excerpt of the field and carets under the span.
//!
//! Text from a catalogue is never printed raw: control characters (terminal escapes,
//! carriage returns, bidirectional overrides) are shown as `\u{..}`, and only a bounded
//! excerpt around the span is printed, so a 1 MB one-line description with thousands of
//! findings prints a few lines per finding, not the megabyte each time.

use crate::catalogue::Product;
use listing_guard::{Finding, Listing};
use serde_json::json;
use unicode_width::UnicodeWidthStr;

/// Characters shown before and after a span, at most.
pub const CONTEXT: usize = 40;
/// Characters of the span itself shown, at most.
pub const SPAN_MAX: usize = 80;

/// How a listing is named in output: its id (SKU), else its line in the input.
pub fn listing_name(listing: &Listing, line: usize) -> serde_json::Value {
    match &listing.id {
        Some(id) => json!(id),
        None => json!(line),
    }
}

fn name_value(p: &Product) -> serde_json::Value {
    match &p.sku {
        Some(s) => json!(s),
        None => json!(p.line),
    }
}

/// A character a terminal or a spreadsheet would act on rather than show.
fn hidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

/// Text safe to print: hidden characters as `\u{..}`.
pub fn printable(s: &str) -> String {
    if !s.chars().any(hidden) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if hidden(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// A bounded excerpt of `text` around `span` (bytes), on the span's line: the text
/// before, the span, the text after, each made printable; `…` marks a cut.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Excerpt {
    pub before: String,
    pub matched: String,
    pub after: String,
}

pub fn excerpt(text: &str, start: usize, end: usize) -> Option<Excerpt> {
    if end > text.len()
        || start > end
        || !text.is_char_boundary(start)
        || !text.is_char_boundary(end)
    {
        return None;
    }
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let end = end.min(line_end).max(start);
    // Up to CONTEXT characters back, within the line.
    let mut b = start;
    let mut cut_before = false;
    for (n, (i, _)) in text[line_start..start].char_indices().rev().enumerate() {
        if n == CONTEXT {
            cut_before = true;
            break;
        }
        b = line_start + i;
    }
    let mut m_end = end;
    let mut cut_span = false;
    if let Some((i, _)) = text[start..end].char_indices().nth(SPAN_MAX) {
        m_end = start + i;
        cut_span = true;
    }
    let mut a = end;
    let mut cut_after = false;
    for (n, (i, c)) in text[end..line_end].char_indices().enumerate() {
        if n == CONTEXT {
            cut_after = true;
            break;
        }
        a = end + i + c.len_utf8();
    }
    Some(Excerpt {
        before: format!(
            "{}{}",
            if cut_before { "…" } else { "" },
            printable(&text[b..start])
        ),
        matched: format!(
            "{}{}",
            printable(&text[start..m_end]),
            if cut_span { "…" } else { "" }
        ),
        after: format!(
            "{}{}",
            printable(&text[end..a]),
            if cut_after { "…" } else { "" }
        ),
    })
}

/// The field's label: `title`, `bullets[2]`, `other[0]`.
pub fn field_label(f: &Finding) -> String {
    if let Some(v) = f.variant {
        format!("variants[{v}].{}", f.field.role)
    } else if matches!(f.field.role.as_str(), "bullets" | "other") {
        format!("{}[{}]", f.field.role, f.field.index)
    } else {
        f.field.role.to_string()
    }
}

pub fn json_line(p: &Product, f: &Finding) -> String {
    let mut v = json!({
        "listing": name_value(p),
        "rule": f.rule,
        "pack": f.pack,
        "severity": f.severity.as_str(),
        "field": f.field.role.as_str(),
        "index": f.field.index,
        "start": f.span.start,
        "end": f.span.end,
        "start_utf16": f.span_utf16.start,
        "end_utf16": f.span_utf16.end,
        "text": f.text,
        "message": f.message,
    });
    if let Some(brand) = &f.brand {
        v["brand"] = json!(brand);
    }
    if let Some(m) = f.marketplace {
        v["marketplace"] = json!(m.as_str());
    }
    if let Some(variant) = f.variant {
        v["variant"] = json!(variant);
    }
    if !f.fixes.is_empty() {
        v["fixes"] = f
            .fixes
            .iter()
            .map(|x| {
                json!({
                    "label": x.label,
                    "replacement": x.replacement,
                    "start_utf16": x.span_utf16.start,
                    "end_utf16": x.span_utf16.end,
                })
            })
            .collect();
    }
    v.to_string()
}

/// The first fix a rule offers for `f`, as one line: its label, and what replaces the
/// matched text when something does ("Replace with “easy to clean”"). Empty when the rule
/// offers none.
pub fn fix_line(f: &Finding) -> String {
    let Some(fix) = f.fixes.first() else {
        return String::new();
    };
    let label = printable(&fix.label);
    if fix.replacement.is_empty() || label.contains(fix.replacement.as_str()) {
        label
    } else {
        format!("{label} → “{}”", printable(&fix.replacement))
    }
}

/// The CSV report's header. `marketplace` is set for a rule of one marketplace only.
pub const CSV_HEADER: [&str; 9] = [
    "sku",
    "field",
    "variant",
    "rule",
    "severity",
    "text",
    "message",
    "fix",
    "marketplace",
];

/// A cell that a spreadsheet would run as a formula gets a leading `'`.
fn cell(s: &str) -> String {
    let s = printable(s);
    if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s
    }
}

pub fn csv_row(p: &Product, f: &Finding) -> [String; 9] {
    [
        cell(&p.name()),
        match f.variant {
            Some(_) => f.field.role.to_string(),
            None => field_label(f),
        },
        p.variant_name(f.variant),
        f.rule.clone(),
        f.severity.as_str().to_string(),
        cell(&f.text),
        cell(&f.message),
        cell(&fix_line(f)),
        f.marketplace.map_or("", |m| m.as_str()).to_string(),
    ]
}

/// " (eBay rule)" for a finding of a rule of one marketplace; empty otherwise.
pub fn marketplace_note(f: &Finding) -> String {
    f.marketplace
        .map(|m| format!(" ({} rule)", m.display_name()))
        .unwrap_or_default()
}

/// A readable block: where, what, an excerpt with carets under the span, why.
pub fn text_block(source: &str, p: &Product, f: &Finding) -> String {
    let mut out = format!(
        "{source}: {name}: {severity}: {rule} in {field}{on}\n",
        name = printable(&p.name()),
        severity = f.severity.as_str(),
        rule = f.rule,
        field = field_label(f),
        on = marketplace_note(f),
    );
    let text = p.source_text(f.field, f.variant);
    if let Some(x) = excerpt(text, f.span.start, f.span.end) {
        let pad = x.before.width();
        let carets = x.matched.width().max(1);
        out.push_str(&format!(
            "    {}{}{}\n    {}{}\n",
            x.before,
            x.matched,
            x.after,
            " ".repeat(pad),
            "^".repeat(carets)
        ));
    }
    out.push_str(&format!("    {}\n", printable(&f.message)));
    if !f.policy.name.is_empty() {
        let url = if f.policy.url.is_empty() {
            String::new()
        } else {
            format!(" {}", printable(&f.policy.url))
        };
        out.push_str(&format!("    policy: {}{url}\n", printable(&f.policy.name)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_are_bounded_and_printable() {
        let long = format!("{}replica{}", "a ".repeat(500_000), " b".repeat(500_000));
        let at = long.find("replica").unwrap();
        let x = excerpt(&long, at, at + 7).unwrap();
        assert_eq!(x.matched, "replica");
        assert!(x.before.starts_with('…') && x.before.chars().count() == CONTEXT + 1);
        assert!(x.after.ends_with('…') && x.after.chars().count() == CONTEXT + 1);
        let esc = "\u{1b}[31mreplica\u{1b}[0m\r";
        let x = excerpt(esc, 5, 12).unwrap();
        assert_eq!(x.before, "\\u{1b}[31m");
        assert_eq!(x.after, "\\u{1b}[0m\\u{d}");
        assert_eq!(printable("a\u{202e}b"), "a\\u{202e}b");
        assert!(excerpt("abc", 2, 9).is_none());
    }

    #[test]
    fn csv_cells_do_not_start_formulas() {
        assert_eq!(cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(cell("ok"), "ok");
    }
}
