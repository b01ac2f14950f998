//! Word boundaries in patterns. A Unicode `\b` makes the regex crate fall back from
//! its fast DFA to its slowest engine as soon as the text holds a non-ASCII character
//! (Chinese, Thai…), ten to twenty times slower. A pattern written in ASCII only
//! (no `\w`, `\p{…}` classes) is given ASCII word boundaries, `(?-u:\b)`, which the
//! DFA handles on any text.
//!
//! What changes: in such a pattern a Latin letter next to a Chinese, Thai or Cyrillic
//! letter counts as a word boundary (`高仿replica` matches `\breplica\b`), as the
//! tokenizer also reads it. Patterns with non-ASCII characters or Unicode classes keep
//! Unicode boundaries.

use std::borrow::Cow;

/// `p` with ASCII word boundaries where that is safe (see the module doc): the
/// pattern has no Unicode classes and the atoms on both sides of the `\b` (a
/// character, a class or a whole group) are ASCII.
pub(crate) fn ascii_boundaries(p: &str) -> Cow<'_, str> {
    let unicode_class = ["\\w", "\\W", "\\p", "\\P"].iter().any(|c| p.contains(c));
    if unicode_class || !(p.contains("\\b") || p.contains("\\B")) {
        return Cow::Borrowed(p);
    }
    let cs: Vec<char> = p.chars().collect();
    let mut out = String::with_capacity(p.len() + 16);
    let mut class = 0usize;
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        match c {
            '\\' if i + 1 < cs.len() => {
                let d = cs[i + 1];
                let ascii_sides = edge_ascii(&cs, atom_before(&cs, i), i, false)
                    && edge_ascii(&cs, i + 2, atom_after(&cs, i + 2), true);
                if class == 0 && (d == 'b' || d == 'B') && ascii_sides {
                    out.push_str(if d == 'b' { "(?-u:\\b)" } else { "(?-u:\\B)" });
                } else {
                    out.push(c);
                    out.push(d);
                }
                i += 2;
                continue;
            }
            '[' => class += 1,
            ']' if class > 0 => class -= 1,
            _ => {}
        }
        out.push(c);
        i += 1;
    }
    Cow::Owned(out)
}

/// Whether the atom `cs[a..b]` starts (`first`) or ends with ASCII only: for a group,
/// the first (last) atom of each of its alternatives.
fn edge_ascii(cs: &[char], a: usize, b: usize, first: bool) -> bool {
    if b <= a {
        return true;
    }
    if cs[a] != '(' || cs[b - 1] != ')' {
        return cs[a..b].iter().all(char::is_ascii);
    }
    // Skip `(?:`, `(?i:`, `(?P<name>`.
    let mut start = a + 1;
    if cs.get(start) == Some(&'?') {
        while start < b - 1 && !matches!(cs[start], ':' | '>') {
            start += 1;
        }
        start += 1;
    }
    let end = b - 1;
    // Top-level alternatives.
    let mut alts = Vec::new();
    let (mut depth, mut from, mut k) = (0i32, start, start);
    while k < end {
        match cs[k] {
            '\\' => k += 1,
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            '|' if depth == 0 => {
                alts.push((from, k));
                from = k + 1;
            }
            _ => {}
        }
        k += 1;
    }
    alts.push((from, end));
    alts.into_iter().all(|(x, y)| {
        if y <= x {
            return true;
        }
        if first {
            let e = atom_after(cs, x).min(y);
            edge_ascii(cs, x, e, true)
        } else {
            let s = atom_before(cs, y).max(x);
            edge_ascii(cs, s, y, false)
        }
    })
}

/// The end (exclusive) of the atom starting at `i`: a group, a class, an escape or
/// one character.
fn atom_after(cs: &[char], i: usize) -> usize {
    let (open, close) = match cs.get(i) {
        None => return i,
        Some('(') => ('(', ')'),
        Some('[') => ('[', ']'),
        Some('\\') => return (i + 2).min(cs.len()),
        Some(_) => return i + 1,
    };
    let mut depth = 0;
    let mut k = i;
    while k < cs.len() {
        match cs[k] {
            '\\' => k += 1,
            c if c == open => depth += 1,
            c if c == close => {
                depth -= 1;
                if depth == 0 {
                    return k + 1;
                }
            }
            _ => {}
        }
        k += 1;
    }
    cs.len()
}

/// The start of the atom ending just before `j` (quantifiers skipped).
fn atom_before(cs: &[char], j: usize) -> usize {
    let mut k = j;
    while k > 0 && matches!(cs[k - 1], '?' | '*' | '+') {
        k -= 1;
    }
    if k > 0 && cs[k - 1] == '}' {
        while k > 0 && cs[k - 1] != '{' {
            k -= 1;
        }
        k = k.saturating_sub(1);
    }
    let (open, close) = match k.checked_sub(1).map(|x| cs[x]) {
        None => return k,
        Some(')') => ('(', ')'),
        Some(']') => ('[', ']'),
        Some(_) => {
            return if k >= 2 && cs[k - 2] == '\\' {
                k - 2
            } else {
                k - 1
            }
        }
    };
    let mut depth = 0;
    let mut m = k;
    while m > 0 {
        m -= 1;
        if cs[m] == close {
            depth += 1;
        } else if cs[m] == open {
            depth -= 1;
            if depth == 0 {
                return m;
            }
        }
    }
    0
}

#[cfg(test)]
mod tests {
    use super::ascii_boundaries;

    #[test]
    fn rewrites_only_ascii_patterns() {
        assert_eq!(ascii_boundaries(r"\bfake\b"), r"(?-u:\b)fake(?-u:\b)");
        assert_eq!(ascii_boundaries(r"\\b[\b]\B"), r"\\b[\b](?-u:\B)");
        assert_eq!(ascii_boundaries(r"\b\w+\b"), r"\b\w+\b");
        assert_eq!(ascii_boundaries(r"\bподделка\b"), r"\bподделка\b");
        assert_eq!(ascii_boundaries(r"(?:高仿|fake)\b x"), r"(?:高仿|fake)\b x");
        assert_eq!(
            ascii_boundaries(r"\b(a{3,}\s*(?:grade|版))"),
            r"(?-u:\b)(a{3,}\s*(?:grade|版))"
        );
        assert_eq!(
            ascii_boundaries(r"brands?\b.{0,4}"),
            r"brands?(?-u:\b).{0,4}"
        );
        assert_eq!(ascii_boundaries("1:1"), "1:1");
        let re = regex::Regex::new(&ascii_boundaries(r"\b(replicas?)\b")).unwrap();
        assert!(re.is_match("高仿replica包"));
        assert!(re.is_match("ของแท้ replica"));
        assert!(!re.is_match("replicated"));
    }

    #[test]
    fn every_builtin_pattern_compiles_rewritten() {
        for p in crate::engine::builtin_packs().unwrap() {
            for r in &p.rules {
                if let crate::pack::RuleKind::Pattern { patterns, .. } = &r.kind {
                    for src in patterns {
                        let rewritten = ascii_boundaries(src);
                        crate::pack::check_pattern(&rewritten)
                            .unwrap_or_else(|e| panic!("{}: {src}: {e:?}", r.full_id));
                        // Non-ASCII characters in a pattern keep Unicode boundaries next to them.
                        if !src.contains("\\w") && !src.contains("\\p") && src.is_ascii() {
                            let bare = rewritten.replace("(?-u:\\b)", "").replace("(?-u:\\B)", "");
                            assert!(!bare.contains("\\b") || bare.contains("\\\\b"), "{src}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn patterns_fire_inside_long_thai_and_chinese_text() {
        let engine = crate::Engine::builtin().unwrap();
        let filler = "สินค้าคุณภาพดีราคาถูกส่งเร็ว质量很好价格便宜发货快".repeat(400);
        let description = format!("{filler}Designer brand bag dupe{filler}AAA+{filler}");
        let l = crate::Listing {
            description: description.clone(),
            ..Default::default()
        };
        let found = engine.lint(&l, &crate::LintConfig::default());
        for (rule, want) in [
            ("counterfeit.unnamed-brand-copy", "dupe"),
            ("counterfeit.mirror-quality", "AAA+"),
        ] {
            let f = found
                .iter()
                .find(|f| f.rule == rule && f.text == want)
                .unwrap_or_else(|| panic!("{want} not found"));
            assert_eq!(&description[f.span.start..f.span.end], f.text);
            let units: Vec<u16> = description.encode_utf16().collect();
            assert_eq!(
                String::from_utf16_lossy(&units[f.span_utf16.start..f.span_utf16.end]),
                f.text
            );
        }
    }
}
