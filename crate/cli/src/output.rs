//! Printing findings: one JSON object per finding, or readable text with the field's
//! line and carets under the span.

use listing_guard::{Finding, Listing};
use serde_json::json;
use unicode_width::UnicodeWidthStr;

/// How a listing is named in output: its id, else its line in the input.
pub fn listing_name(listing: &Listing, line: usize) -> serde_json::Value {
    match &listing.id {
        Some(id) => json!(id),
        None => json!(line),
    }
}

pub fn json_line(name: &serde_json::Value, f: &Finding) -> String {
    let mut v = json!({
        "listing": name,
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
    if let Some(variant) = f.variant {
        v["variant"] = json!(variant);
    }
    v.to_string()
}

/// The text of the field a finding is in.
pub fn field_text<'a>(listing: &'a Listing, f: &Finding) -> &'a str {
    if f.variant.is_some() {
        return listing.text_of(f.field, f.variant).unwrap_or("");
    }
    listing
        .fields()
        .find(|(r, _)| *r == f.field)
        .map_or("", |(_, t)| t)
}

/// A readable block: where, what, the line of text with carets under the span, why.
pub fn text_block(
    source: &str,
    name: &serde_json::Value,
    listing: &Listing,
    f: &Finding,
) -> String {
    let field = if let Some(v) = f.variant {
        format!("variants[{v}].{}", f.field.role)
    } else if matches!(f.field.role.as_str(), "bullets" | "other") {
        format!("{}[{}]", f.field.role, f.field.index)
    } else {
        f.field.role.to_string()
    };
    let name = match name {
        serde_json::Value::String(s) => s.clone(),
        other => format!("line {other}"),
    };
    let mut out = format!(
        "{source}: {name}: {severity}: {rule} in {field}\n",
        severity = f.severity.as_str(),
        rule = f.rule
    );
    let text = field_text(listing, f);
    if f.span.end <= text.len()
        && text.is_char_boundary(f.span.start)
        && text.is_char_boundary(f.span.end)
    {
        let line_start = text[..f.span.start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[f.span.start..]
            .find('\n')
            .map_or(text.len(), |i| f.span.start + i);
        let line = &text[line_start..line_end];
        let pad = text[line_start..f.span.start].width();
        let marked_end = f.span.end.min(line_end);
        let carets = text[f.span.start..marked_end].width().max(1);
        out.push_str(&format!(
            "    {line}\n    {}{}\n",
            " ".repeat(pad),
            "^".repeat(carets)
        ));
    }
    out.push_str(&format!("    {}\n", f.message));
    if !f.policy.name.is_empty() {
        out.push_str(&format!("    policy: {} {}\n", f.policy.name, f.policy.url));
    }
    out
}
