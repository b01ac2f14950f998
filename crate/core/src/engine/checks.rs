//! Structural `field` rules: length limits in characters or bytes, item counts, and
//! characters a marketplace forbids. Price checks live in `floor.rs`.

use super::lint::Pass;
use crate::finding::Span;
use crate::pack::{FieldCheck, RuleKind};

#[inline(never)] // one step of `lint::lint`: see there
pub(crate) fn field_findings(p: &mut Pass) {
    // The rules live as long as the engine, not the pass: no copy of a check. The
    // states are shared (an `Arc`), so the list of field rules is not copied either.
    let c = p.c;
    let states = std::sync::Arc::clone(&p.states);
    for fr in &states.field_rules {
        let r = fr.rule;
        let RuleKind::Field(check) = &c.rules[r as usize].kind else {
            continue;
        };
        for fi in 0..p.fields.len() {
            let a = &p.fields[fi];
            // `Pass::reads`, from the rule's roles as bits (the rule is active).
            if fr.roles & super::rule_state::role_bit(a.field.role) == 0 {
                continue;
            }
            let (field, text) = (a.field, a.text);
            for (span, vars) in check_field(check, fr.chars.as_ref(), text, p.marketplace) {
                p.push(r, p.severity(r), field, text, span, None, &vars);
            }
        }
    }
}

type Found = Vec<(Span, Vec<(&'static str, String)>)>;

/// The findings of one check over one field's text; `prepared` is a forbidden-chars
/// check's set as [`CharSet`] (made here when not given).
fn check_field(
    check: &FieldCheck,
    prepared: Option<&CharSet>,
    text: &str,
    mp: Option<crate::Marketplace>,
) -> Found {
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
        FieldCheck::ForbiddenChars(chars) => match prepared {
            Some(set) => forbidden(text, set),
            None => forbidden(text, &CharSet::new(chars)),
        },
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

/// A forbidden-chars set made ready for scanning once per configuration (see
/// `RuleStates::field_rules`), not per field: a table of the bytes where the scan
/// stops (a forbidden ASCII character, or the first byte of any other character when
/// the set has some), and the set's other characters sorted. A table, not a `u128`
/// mask: that costs a 128-bit shift per character in the wasm.
pub(crate) struct CharSet {
    stop: [bool; 256],
    other: Vec<char>,
}

impl CharSet {
    pub fn new(chars: &std::collections::HashSet<char>) -> CharSet {
        let mut stop = [false; 256];
        let mut other = Vec::new();
        for &c in chars {
            if c.is_ascii() {
                stop[c as usize] = true;
            } else {
                other.push(c);
            }
        }
        if !other.is_empty() {
            // The first byte of every character outside ASCII.
            stop[0xC0..].fill(true);
        }
        other.sort_unstable();
        CharSet { stop, other }
    }
}

/// One finding per run of forbidden characters.
fn forbidden(text: &str, set: &CharSet) -> Found {
    let mut out: Found = Vec::new();
    let mut add = |i: usize, c: char| {
        let end = i + c.len_utf8();
        match out.last_mut() {
            Some((span, v)) if span.end == i => {
                span.end = end;
                v[0].1.push(c);
            }
            _ => out.push((Span::new(i, end), vec![("char", c.to_string())])),
        }
    };
    // Byte by byte to the next stop: an ASCII byte is a whole character (most of the
    // text); another character is decoded only where the set may hold it.
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(n) = bytes[i..].iter().position(|&b| set.stop[b as usize]) {
        let at = i + n;
        let b = bytes[at];
        if b.is_ascii() {
            add(at, b as char);
            i = at + 1;
            continue;
        }
        let c = text[at..].chars().next().expect("a character starts here");
        if set.other.binary_search(&c).is_ok() {
            add(at, c);
        }
        i = at + c.len_utf8();
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
        let set = |cs: &[char]| CharSet::new(&cs.iter().copied().collect());
        let f = forbidden("Hot!! sale ~ now", &set(&['!', '~']));
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].0, Span::new(3, 5));
        assert_eq!(f[0].1[0].1, "!!");
        // Characters above 63 and outside ASCII.
        let f = forbidden("a~~é{b}ü", &set(&['~', '}', 'ü']));
        let spans: Vec<_> = f
            .iter()
            .map(|(s, v)| (s.start, s.end, v[0].1.as_str()))
            .collect();
        assert_eq!(spans, [(1, 3, "~~"), (7, 10, "}ü")]);
    }
}
