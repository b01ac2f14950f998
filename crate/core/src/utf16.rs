//! Byte offsets to UTF-16 offsets, for JavaScript strings.

use crate::finding::{Finding, Span};
use crate::listing::Listing;

/// The UTF-16 length of `text[..byte]`. `byte` must be a char boundary. It walks the
/// text from the start: for many offsets use [`utf16_offsets`].
#[allow(dead_code)]
pub(crate) fn utf16_offset(text: &str, byte: usize) -> usize {
    text[..byte].encode_utf16().count()
}

/// Converts a byte span of `text` to UTF-16 units (one span; many: [`fill_utf16`]).
#[allow(dead_code)]
pub(crate) fn utf16_span(text: &str, span: Span) -> Span {
    let start = utf16_offset(text, span.start);
    let end = start + text[span.start..span.end].encode_utf16().count();
    Span { start, end }
}

/// The UTF-16 offsets of sorted byte offsets of `text` (each a char boundary), in one
/// sweep over the text.
pub(crate) fn utf16_offsets(text: &str, sorted: &[usize]) -> Vec<usize> {
    let mut out = Vec::with_capacity(sorted.len());
    let (mut byte, mut units) = (0, 0);
    for &b in sorted {
        units += text[byte..b].encode_utf16().count();
        byte = b;
        out.push(units);
    }
    out
}

/// Sets `span_utf16` of every finding from its byte span: one sweep per field, however
/// many findings it has.
pub(crate) fn fill_utf16(findings: &mut [Finding], listing: &Listing) {
    let mut i = 0;
    while i < findings.len() {
        let (field, variant) = (findings[i].field, findings[i].variant);
        let mut j = i;
        while j < findings.len() && findings[j].field == field && findings[j].variant == variant {
            j += 1;
        }
        let text = listing.text_of(field, variant).unwrap_or_default();
        let mut offsets: Vec<usize> = findings[i..j]
            .iter()
            .flat_map(|f| [f.span.start, f.span.end])
            .collect();
        offsets.sort_unstable();
        offsets.dedup();
        let units = utf16_offsets(text, &offsets);
        let at = |b: usize| units[offsets.binary_search(&b).expect("collected above")];
        for f in &mut findings[i..j] {
            f.span_utf16 = Span::new(at(f.span.start), at(f.span.end));
        }
        i = j;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emoji_and_cjk_before_a_match() {
        // Each emoji is 4 bytes and 2 UTF-16 units; each CJK character 3 bytes and 1 unit.
        let text = "🔥🔥 新款 replica";
        let start = text.find("replica").unwrap();
        let span = utf16_span(text, Span::new(start, start + 7));
        let js_units: Vec<u16> = text.encode_utf16().collect();
        assert_eq!(
            String::from_utf16(&js_units[span.start..span.end]).unwrap(),
            "replica"
        );
        assert_eq!(span, Span::new(8, 15));
    }

    #[test]
    fn one_sweep_agrees_with_per_span() {
        let text = "🔥a新b🔥🔥c";
        let offs: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        let got = utf16_offsets(text, &offs);
        let want: Vec<usize> = offs.iter().map(|&b| utf16_offset(text, b)).collect();
        assert_eq!(got, want);
    }
}
