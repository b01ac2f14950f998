//! Which characters belong to which kind of script, for tokens and matching.

/// Whether `c` is a Han, Kana or Hangul character (the katakana middle dot `・` is
/// punctuation, not a letter).
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FA | 0x30FC..=0x30FF | 0x31F0..=0x31FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF | 0xAC00..=0xD7AF | 0x1100..=0x11FF | 0x3130..=0x318F
        | 0x20000..=0x2FA1F | 0x3005 | 0x3007)
}

/// Whether `c` belongs to a script written without spaces between words: Chinese,
/// Japanese and Korean (see [`is_cjk`]), Thai, Lao, Khmer and Myanmar. Their text is
/// matched as substrings and each character is its own token. Latin, Cyrillic, Greek
/// and Vietnamese are not: they keep word boundaries.
#[inline]
pub(crate) fn is_unspaced(c: char) -> bool {
    if c.is_ascii() {
        return false;
    }
    is_cjk(c)
        || matches!(c as u32,
            0x0E00..=0x0E7F        // Thai
            | 0x0E80..=0x0EFF      // Lao
            | 0x1780..=0x17FF | 0x19E0..=0x19FF // Khmer, Khmer symbols
            | 0x1000..=0x109F | 0xA9E0..=0xA9FF | 0xAA60..=0xAA7F) // Myanmar and extensions
}

/// Whether `c` belongs inside a word token. The ASCII test is always inlined (the
/// tokenizer asks for every character; a call each was measurable), the rest is not.
#[inline(always)]
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    is_wide_word_char(c)
}

/// [`is_word_char`] outside ASCII.
fn is_wide_word_char(c: char) -> bool {
    c.is_alphanumeric() && !is_unspaced(c)
}

/// Characters dropped before matching: zero-width spaces and joiners, the word joiner,
/// the byte-order mark, soft hyphens, bidi controls, variation selectors, tag
/// characters and emoji skin-tone modifiers.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{00AD}'
        | '\u{FE00}'..='\u{FE0F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        | '\u{180E}' | '\u{034F}' | '\u{061C}' | '\u{E0001}' | '\u{E0020}'..='\u{E007F}'
        | '\u{1F3FB}'..='\u{1F3FF}')
}

/// Emoji and pictographs (the main emoji blocks, dingbats and miscellaneous symbols).
pub(crate) fn is_pictograph(c: char) -> bool {
    matches!(c as u32, 0x1F300..=0x1FAFF | 0x2600..=0x27BF | 0x2B50 | 0x2B55 | 0x2B1B | 0x2B1C)
}
