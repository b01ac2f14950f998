//! The match key of a word: the same for a pack term and for the seller's text.

/// The match key of one word, used for text and pack terms alike.
///
/// The word is already lower case. `l` becomes `i`, so `l`, `i` and `1` share one
/// class (`App1e`, `NlKE`). In a word with at least two letters, digits and symbols
/// that imitate letters become them (`0`→o, `1`→i, `3`→e, `4`→a, `5`→s, `7`→t, `@`→a,
/// `$`→s, `!`→i, `|`→i, `¢`→c, `£`→l, `¥`→y, and `€`→c at the start of a word, e.g.
/// `€hanel`, e elsewhere), except digits in a leading or trailing group of digits, so
/// model numbers and sizes stay as they are (`ps4`, `iphone15`, `4k`, `15`); a lone
/// leading digit before letters is read too (`0ak`).
///
/// Known limit: words that differ only by `l` and `i` share a key. The key is appended
/// to `out`, so a field's keys share one buffer.
pub fn word_key_into(word: &str, out: &mut String) {
    // A number (`32`, `2024`) is its own key: digits are read as letters only in a word
    // with two letters or more.
    if word.bytes().all(|b| b.is_ascii_digit()) {
        out.push_str(word);
        return;
    }
    // Plain lower-case ASCII words (most of them) map to themselves but for `l`: copied
    // in the same pass that checks them, taken back at the first other character.
    let mark = out.len();
    for b in word.bytes() {
        if !b.is_ascii_lowercase() {
            out.truncate(mark);
            return key_of_mixed(word, out);
        }
        out.push(if b == b'l' { 'i' } else { b as char });
    }
}

/// [`word_key_into`] for a word with a character other than `a`-`z`.
fn key_of_mixed(word: &str, out: &mut String) {
    // One pass for the counts: characters, letters, the leading group of ASCII digits
    // and the trailing one.
    let (mut count, mut letters, mut lead, mut trailing) = (0, 0, 0, 0);
    for c in word.chars() {
        if c.is_alphabetic() {
            letters += 1;
        }
        if c.is_ascii_digit() {
            if lead == count {
                lead += 1;
            }
            trailing += 1;
        } else {
            trailing = 0;
        }
        count += 1;
    }
    let digits = count - letters;
    let trail = count - trailing;
    out.extend(word.chars().enumerate().map(|(i, c)| {
        // Digits inside a word of letters read as the letters they imitate (`N1ke`); a
        // leading digit too when it is the only one (`0ak`), not in `3d` or `1080p`.
        let inside = i >= lead && i < trail;
        let lone_lead = i < lead && digits == 1 && letters >= 2;
        let leet = letters >= 2 && (!c.is_ascii_digit() || inside || lone_lead);
        match c {
            'l' => 'i',
            '0' if leet => 'o',
            '1' | '!' | '|' if leet => 'i',
            '3' if leet => 'e',
            '4' | '@' if leet => 'a',
            '5' | '$' if leet => 's',
            '¢' if leet => 'c',
            '€' if leet && i == 0 => 'c',
            '€' if leet => 'e',
            '£' if leet => 'i',
            '¥' if leet => 'y',
            '7' if leet => 't',
            _ => c,
        }
    }));
}
