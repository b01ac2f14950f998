//! HTML character references (`&amp;`, `&#82;`, `&#x52;`, `&nbsp;`) as sellers paste
//! them into descriptions, decoded in the normalised view only. A finding over a decoded
//! character covers the whole reference in the original text.
//!
//! Only references ending in `;` are read, and only a few named ones (those that stand
//! for punctuation and spaces); `AT&T` and `&copy` without `;` stay as they are.

/// The character a reference at the start of `s` stands for, and the reference's
/// length in bytes. `s` starts with `&`.
pub(crate) fn reference(s: &str) -> Option<(char, usize)> {
    let b = s.as_bytes();
    let semi = b.iter().take(12).position(|&c| c == b';')?;
    let body = &s[1..semi];
    let c = if let Some(num) = body.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) if !hex.is_empty() && hex.len() <= 6 => u32::from_str_radix(hex, 16).ok()?,
            None if !num.is_empty()
                && num.len() <= 7
                && num.bytes().all(|d| d.is_ascii_digit()) =>
            {
                num.parse().ok()?
            }
            _ => return None,
        };
        char::from_u32(code).filter(|c| !c.is_control() || *c == '\n' || *c == '\t')?
    } else {
        match body {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => '\u{a0}',
            "reg" => '®',
            "trade" => '™',
            "copy" => '©',
            "hellip" => '…',
            "mdash" => '—',
            "ndash" => '–',
            "bull" => '•',
            "middot" => '·',
            "laquo" => '«',
            "raquo" => '»',
            _ => return None,
        }
    };
    Some((c, semi + 1))
}

#[cfg(test)]
mod tests {
    use super::reference;

    #[test]
    fn references() {
        assert_eq!(reference("&amp; x"), Some(('&', 5)));
        assert_eq!(reference("&#82;o"), Some(('R', 5)));
        assert_eq!(reference("&#x52;"), Some(('R', 6)));
        assert_eq!(reference("&nbsp;"), Some(('\u{a0}', 6)));
        assert_eq!(reference("&T"), None);
        assert_eq!(reference("&copy"), None);
        assert_eq!(reference("&#;"), None);
        assert_eq!(reference("&#x110000;"), None);
        assert_eq!(reference("&#0;"), None);
        assert_eq!(reference("&unknown;"), None);
    }
}
