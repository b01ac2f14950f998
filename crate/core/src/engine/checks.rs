//! Structural `field` rules: length limits in characters or bytes, item counts, and
//! characters a marketplace forbids. Price checks live in `floor.rs`.

use super::lint::Pass;
use crate::finding::Span;
use crate::pack::{FieldCheck, RuleKind};

pub(crate) fn field_findings(p: &mut Pass) {
    // The rules live as long as the engine, not the pass: no copy of a check.
    let c = p.c;
    for r in 0..c.rules.len() as u32 {
        if !p.states.active[r as usize] {
            continue;
        }
        let RuleKind::Field(check) = &c.rules[r as usize].kind else {
            continue;
        };
        for fi in 0..p.fields.len() {
            let a = &p.fields[fi];
            if !p.reads(r, a.field.role) {
                continue;
            }
            let (field, text) = (a.field, a.text);
            for (span, vars) in check_field(check, text, p.marketplace) {
                p.push(r, p.severity(r), field, text, span, None, &vars);
            }
        }
    }
}

type Found = Vec<(Span, Vec<(&'static str, String)>)>;

fn check_field(check: &FieldCheck, text: &str, mp: Option<crate::Marketplace>) -> Found {
    match check {
        FieldCheck::MaxLength(limit) => {
            let Some(max) = limit.get(mp) else {
                return Vec::new();
            };
            let count = text.chars().count();
            if count as u64 <= max {
                return Vec::new();
            }
            let cut = text
                .char_indices()
                .nth(max as usize)
                .map_or(text.len(), |(i, _)| i);
            vec![(Span::new(cut, text.len()), vars(max, count))]
        }
        FieldCheck::MaxBytes(limit) => {
            let Some(max) = limit.get(mp) else {
                return Vec::new();
            };
            if text.len() as u64 <= max {
                return Vec::new();
            }
            let mut cut = max as usize;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            vec![(Span::new(cut, text.len()), vars(max, text.len()))]
        }
        FieldCheck::MaxItems(limit) => {
            let Some(max) = limit.get(mp) else {
                return Vec::new();
            };
            let items = items(text);
            if items.len() as u64 <= max {
                return Vec::new();
            }
            let start = items[max as usize].start;
            vec![(
                Span::new(start, text.trim_end().len().max(start)),
                vars(max, items.len()),
            )]
        }
        FieldCheck::ForbiddenChars(chars) => forbidden(text, chars),
        FieldCheck::PriceUnreadable | FieldCheck::FloorUnchecked | FieldCheck::CostAbovePrice => {
            Vec::new()
        }
    }
}

fn vars(limit: u64, count: usize) -> Vec<(&'static str, String)> {
    vec![("limit", limit.to_string()), ("count", count.to_string())]
}

/// Items of a keyword or tag list: separated by commas, semicolons or new lines, in
/// ASCII or full-width forms.
fn items(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ',')))
    {
        if matches!(c, ',' | ';' | '\n' | '，' | '；' | '、') {
            let item = &text[start..i];
            let lead = item.len() - item.trim_start().len();
            if !item.trim().is_empty() {
                out.push(Span::new(start + lead, start + item.trim_end().len()));
            }
            start = i + c.len_utf8().min(text.len() - i);
        }
    }
    out
}

/// One finding per run of forbidden characters.
fn forbidden(text: &str, chars: &std::collections::HashSet<char>) -> Found {
    let mut out: Found = Vec::new();
    // ASCII characters are looked up in a bit mask (the text is mostly ASCII, and the
    // set's hash per character was a measurable part of a lint).
    let ascii = chars
        .iter()
        .filter(|c| c.is_ascii())
        .fold(0u128, |m, &c| m | 1 << c as u32);
    let other = chars.iter().any(|c| !c.is_ascii());
    for (i, c) in text.char_indices() {
        let hit = if c.is_ascii() {
            ascii & (1 << c as u32) != 0
        } else {
            other && chars.contains(&c)
        };
        if !hit {
            continue;
        }
        let end = i + c.len_utf8();
        match out.last_mut() {
            Some((span, v)) if span.end == i => {
                span.end = end;
                v[0].1.push(c);
            }
            _ => out.push((Span::new(i, end), vec![("char", c.to_string())])),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_split_on_ascii_and_fullwidth_separators() {
        let t = "a, b，c;; d\ne";
        let got: Vec<&str> = items(t).iter().map(|s| &t[s.start..s.end]).collect();
        assert_eq!(got, ["a", "b", "c", "d", "e"]);
    }

    #[test]
    fn forbidden_runs_merge() {
        let f = forbidden("Hot!! sale ~ now", &['!', '~'].into_iter().collect());
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].0, Span::new(3, 5));
        assert_eq!(f[0].1[0].1, "!!");
    }
}
