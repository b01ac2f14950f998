//! Text mutations that keep the input valid UTF-8: characters are inserted, deleted,
//! replaced, duplicated or spliced from another seed, with a bias towards the characters
//! that stress a normaliser and a TOML parser (combining marks, full-width and look-alike
//! letters, zero-width and bidi controls, quotes, brackets, newlines).

use crate::rng::Rng;

/// Characters worth trying: ASCII syntax, whitespace, and Unicode edge cases.
pub const INTERESTING: &[&str] = &[
    "\"",
    "'",
    "[",
    "]",
    "{",
    "}",
    "=",
    ",",
    ".",
    "\\",
    "\n",
    "\r\n",
    "\t",
    " ",
    "#",
    "$",
    "¥",
    "€",
    "£",
    "₹",
    "0",
    "9",
    "1,299.00",
    "1.299,00",
    "-",
    "+",
    "e9",
    "\u{0301}",
    "\u{0308}",
    "\u{200B}",
    "\u{200D}",
    "\u{FEFF}",
    "\u{202E}",
    "\u{00A0}",
    "\u{3000}",
    "Ｒ",
    "ｅ",
    "ﬁ",
    "ẞ",
    "İ",
    "ı",
    "Σ",
    "ς",
    "𝐑",
    "😀",
    "👍🏽",
    "🇺🇸",
    "高仿",
    "復刻",
    "가",
    "ا",
    "\u{0000}",
    "\u{FFFD}",
    "\u{1F600}",
    "ⅷ",
    "㍱",
    "ﷺ",
    "\u{E000}",
    "...",
    "***",
    "1:1",
];

/// One random mutation of `text`; `other` is a second seed to splice from.
pub fn mutate(rng: &mut Rng, text: &str, other: &str) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let rounds = 1 + rng.below(8);
    for _ in 0..rounds {
        let len = chars.len();
        let at = if len == 0 { 0 } else { rng.below(len + 1) };
        match rng.below(7) {
            0 => chars
                .splice(at..at, rng.pick(INTERESTING).chars())
                .for_each(drop),
            1 if len > 0 => {
                let end = (at + 1 + rng.below(16)).min(len);
                chars.drain(at.min(len)..end.max(at.min(len)));
            }
            2 if at < len => chars[at] = random_char(rng),
            3 if len > 0 => {
                let start = rng.below(len);
                let end = (start + 1 + rng.below(64)).min(len);
                let piece: Vec<char> = chars[start..end].to_vec();
                let most = if rng.chance(8) { 200 } else { 3 };
                let times = 1 + rng.below(most);
                for _ in 0..times {
                    chars.splice(at..at, piece.iter().copied()).for_each(drop);
                }
            }
            4 => {
                let o: Vec<char> = other.chars().collect();
                if !o.is_empty() {
                    let start = rng.below(o.len());
                    let end = (start + 1 + rng.below(200)).min(o.len());
                    chars
                        .splice(at..at, o[start..end].iter().copied())
                        .for_each(drop);
                }
            }
            5 if len > 1 => {
                let a = rng.below(len);
                let b = rng.below(len);
                chars.swap(a, b);
            }
            _ => chars.insert(at, random_char(rng)),
        }
        if chars.len() > 200_000 {
            chars.truncate(200_000);
        }
    }
    chars.into_iter().collect()
}

/// A character from anywhere in Unicode, weighted towards ASCII and common scripts.
pub fn random_char(rng: &mut Rng) -> char {
    let cp = match rng.below(6) {
        0 | 1 => 0x20 + rng.below(0x5F) as u32,
        2 => 0xA0 + rng.below(0x2000) as u32,
        3 => 0x3000 + rng.below(0x7000) as u32,
        4 => 0xFF00 + rng.below(0xF0) as u32,
        _ => rng.below(0x11_0000) as u32,
    };
    char::from_u32(cp).unwrap_or('\u{FFFD}')
}

/// A string of `n` random characters.
pub fn random_text(rng: &mut Rng, n: usize) -> String {
    (0..n).map(|_| random_char(rng)).collect()
}
