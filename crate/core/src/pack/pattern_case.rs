//! Patterns run on the normalised text, which is lower case: a capital letter written
//! as a literal in a pattern can never match. This finds one, so the pack (or the
//! seller's custom rule) is refused with a message that says so. Capitals in escapes
//! and classes (`\S`, `\P{Han}`, `[A-Z]`) and under `(?i)` are fine: they are not
//! literals.

use regex_syntax::hir::{Hir, HirKind};

/// The first capital letter a pattern requires literally, if any.
pub(crate) fn capital_literal(pattern: &str) -> Option<char> {
    let hir = regex_syntax::ParserBuilder::new()
        .build()
        .parse(pattern)
        .ok()?;
    find(&hir)
}

fn find(hir: &Hir) -> Option<char> {
    match hir.kind() {
        HirKind::Literal(lit) => String::from_utf8_lossy(&lit.0)
            .chars()
            .find(|c| c.is_uppercase()),
        HirKind::Repetition(r) => find(&r.sub),
        HirKind::Capture(c) => find(&c.sub),
        HirKind::Concat(subs) | HirKind::Alternation(subs) => subs.iter().find_map(find),
        HirKind::Empty | HirKind::Class(_) | HirKind::Look(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::capital_literal;

    #[test]
    fn capitals_outside_escapes_and_classes() {
        let cases = [
            ("replica", None),
            ("Replica", Some('R')),
            ("\\bAAA\\b", Some('A')),
            ("\\S+\\W\\D", None),
            ("[A-Z]{3}", None),
            ("\\p{Han}+", None),
            ("(?i)Replica", None),
            ("x(?:ab|Bc)", Some('B')),
            ("née|NÉE", Some('N')),
            ("(unclosed", None),
        ];
        for (p, want) in cases {
            assert_eq!(capital_literal(p), want, "{p}");
        }
    }
}
