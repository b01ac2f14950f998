//! The normalised view of a field's text that rules match against, with a map back to
//! the original so findings point at exactly what the seller typed.
//!
//! Counterfeit sellers dodge keyword filters with look-alike spellings. Each original
//! character goes through these steps, in order:
//!
//! 1. HTML character references are decoded (`&amp;`, `&#82;`, `&nbsp;`; [`html`]); a
//!    run of three or more regional indicators reads as letters (`🇳🇮🇰🇪`).
//! 2. Invisible characters are dropped: zero-width spaces and joiners, the word
//!    joiner, the byte-order mark, soft hyphens, bidi controls, variation selectors and
//!    emoji skin tones.
//! 3. Letters that stand for Latin letters are folded before anything else, since
//!    lower-casing loses the resemblance ([`lookalike`]: `ɴɪᴋᴇ`, `ΝΙΚΕ`, `ᏒᎾᏞᎬ`, `🅽`,
//!    `🅝`, `⒩`). Then compatibility folding (NFKC: `Ｎｉｋｅ` → `Nike`, `𝗖𝗵𝗮𝗻𝗲𝗹`,
//!    `Ⓝ`; `™`, `℠` stay symbols), lower case, diacritics removed (`Hermès` → `hermes`;
//!    Thai, Lao, Khmer and Myanmar marks are kept), and a letter of another alphabet
//!    that looks like a Latin letter becomes it (the Unicode confusables skeleton:
//!    Cyrillic `о` → `o`). A character whose compatibility form is longer than
//!    `fold::MAX_EXPANSION` (8) characters is kept as it is.
//! 4. Traditional Chinese characters become Simplified, one for one ([`t2s`]:
//!    `電子煙` → `电子烟`), so packs and text may each be written in either.
//! 5. Separators placed between Chinese, Japanese or Korean characters to break a
//!    word are dropped (`香～奈儿` → `香奈儿`, `高 仿` → `高仿`, `高🔥仿` → `高仿`); `。`
//!    and `、` only after one lone character (`高。仿`). Real punctuation is kept
//!    (`高，仿佛` never becomes `高仿`, `手工皂。天然` keeps its full stop). Thai spelled
//!    out letter by letter is joined: a space, dot, star, bullet or hyphen after a run of
//!    at most two Thai letters (`ก๊ อ ป ปี้`), before a mark it cut off (`ก.๊.อ.ป`), and
//!    any emoji between Thai letters; phrases of longer words keep their spaces. A Thai
//!    mark typed twice is read once (`ก๊๊อป`), and Thai, Lao, Khmer and Myanmar digits are
//!    ASCII digits (`๑:๑` → `1:1`).
//!
//! The text is then cut into tokens: a [`TokenKind::Word`] is a run of letters and
//! digits of an alphabetic script; a [`TokenKind::Cjk`] token is one character of a
//! script written without spaces (Han, Kana, Hangul, Thai, Lao, Khmer, Myanmar).
//! Letters spelled out with separators are joined into one word (`N.i.k.e`,
//! `N i k e`, `G-U-C-C-I`, `N•I•K•E`, `R🔥O🔥L🔥E🔥X`, `G、U、C、C、I`: three or more single
//! letters with one separator between each, or two with `.` or `*`, as in `L.V`).
//! Currency signs inside or at the edge of a word of letters join it (`Guc¢i`,
//! `$upreme`, `adida$`), never next to a digit (`$25`). Each word has a match key,
//! see [`word_key_into`].
//!
//! What it does not do: no fuzzy matching, no stemming, no full Unicode case folding
//! beyond `to_lowercase`, no Chinese phrase conversion (only characters), `rn` for `m`
//! is not undone, and Greek is folded to Latin only in capitals. Words broken by a
//! space or hyphen (`Ro lex`) are joined by the matcher, not here.

mod fold;
pub(crate) mod html;
mod key;
pub(crate) mod lookalike;
pub(crate) mod nf;
mod origin;
mod scratch;
mod script;
mod skeleton;
pub(crate) mod t2s;
mod tokenize;

#[cfg(test)]
use fold::MAX_EXPANSION;
#[allow(unused_imports)]
pub(crate) use key::word_key_into;
#[allow(unused_imports)]
pub(crate) use script::{is_cjk, is_unspaced, is_word_char};

use origin::OriginMap;
use std::ops::Range;

/// The most characters of one field that are analysed; the rest is reported as not
/// checked. Bounds the time and memory a hostile listing costs.
pub(crate) const MAX_ANALYSED_CHARS: usize = 200_000;

/// What kind of token a [`Token`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// A run of letters and digits of an alphabetic script (Latin, or another script
    /// folded to Latin), possibly joined from a spelled-out evasion such as `N.i.k.e`.
    Word,
    /// One character of a script written without spaces (Han, Kana, Hangul, Thai, Lao,
    /// Khmer, Myanmar): such text has no word boundaries, so each character is its own
    /// token for context windows.
    Cjk,
}

/// One token of the normalised text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte range in [`Normalized::text`].
    pub span: Range<usize>,
    pub kind: TokenKind,
    /// Where the match key of a word token (see [`word_key_into`]) sits in
    /// [`Normalized::keys`]; empty for CJK tokens.
    pub key: Range<usize>,
}

/// A field's text, normalised for matching.
#[derive(Clone, Debug)]
pub struct Normalized {
    text: String,
    /// The tokens' match keys, each followed by one space, in token order: an n-gram of
    /// adjacent tokens is one slice.
    keys: String,
    /// Where each byte of `text` came from in the original.
    origin: OriginMap,
    original_len: usize,
    tokens: Vec<Token>,
}

impl Normalized {
    /// Normalises `original`.
    pub fn new(original: &str) -> Normalized {
        let scratch::Buffers {
            mut text,
            mut keys,
            mut tokens,
        } = scratch::take();
        text.reserve(original.len());
        let mut sink = fold::Sink::new(text);
        fold::fold(original, &mut sink);
        tokenize::tokenize(&sink.text, &mut tokens, &mut keys);
        Normalized {
            text: sink.text,
            keys,
            origin: sink.origin,
            original_len: original.len(),
            tokens,
        }
    }

    /// The normalised text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The tokens, in order.
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// The match key of a token (empty for CJK tokens).
    pub fn key(&self, t: &Token) -> &str {
        &self.keys[t.key.clone()]
    }

    /// Every token's key followed by a space, in order.
    pub fn keys(&self) -> &str {
        &self.keys
    }

    /// Maps a byte range of the normalised text to the byte range of the original text
    /// it came from. The result lies on character boundaries of the original.
    pub fn to_original(&self, range: Range<usize>) -> Range<usize> {
        self.origin
            .to_original(&self.text, range, self.original_len)
    }

    /// Bytes allocated by the map back to the original (its own capacity, not the
    /// text's).
    #[cfg_attr(not(test), allow(dead_code))]
    pub fn origin_bytes(&self) -> usize {
        self.origin.allocated_bytes()
    }
}

/// Its buffers are kept for the next field normalised (`scratch.rs`).
impl Drop for Normalized {
    fn drop(&mut self) {
        scratch::keep(scratch::Buffers {
            text: std::mem::take(&mut self.text),
            keys: std::mem::take(&mut self.keys),
            tokens: std::mem::take(&mut self.tokens),
        });
    }
}

/// The byte length of the prefix of `text` that is analysed: at most
/// [`MAX_ANALYSED_CHARS`] characters, cut on a character boundary.
pub(crate) fn analysed_len(text: &str) -> usize {
    if text.len() <= MAX_ANALYSED_CHARS {
        return text.len();
    }
    text.char_indices()
        .nth(MAX_ANALYSED_CHARS)
        .map_or(text.len(), |(i, _)| i)
}

#[cfg(test)]
mod tests;
