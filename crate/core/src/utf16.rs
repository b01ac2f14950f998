//! Byte offsets to UTF-16 offsets, for JavaScript strings.

use crate::finding::Span;

/// The UTF-16 length of `text[..byte]`. `byte` must be a char boundary.
pub(crate) fn utf16_offset(text: &str, byte: usize) -> usize {
    text[..byte].encode_utf16().count()
}

/// Converts a byte span of `text` to UTF-16 units.
pub(crate) fn utf16_span(text: &str, span: Span) -> Span {
    let start = utf16_offset(text, span.start);
    let end = start + text[span.start..span.end].encode_utf16().count();
    Span { start, end }
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
}
