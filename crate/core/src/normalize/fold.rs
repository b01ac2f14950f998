//! Steps 1–4 of the normalisation, one original character at a time, into a [`Sink`]
//! that builds the normalised text and its map back to the original.

use super::nf::{self, is_combining_mark};
use super::origin::OriginMap;
use super::script::{is_cjk, is_invisible, is_pictograph, is_unspaced};
use super::{html, lookalike, t2s};

/// The most characters one original character may become. A character whose
/// compatibility form is longer (`ﷺ` is 18 characters) is kept as it is, so a field
/// cannot grow more than this many times.
pub const MAX_EXPANSION: usize = 8;

/// Builds the normalised text. Separators after a CJK or Thai character wait in
/// `pending` until the next character says whether they sit inside a broken word (and
/// are dropped) or not (and are kept).
pub(crate) struct Sink {
    pub text: String,
    pub origin: OriginMap,
    pending: Vec<(char, u32, u32, bool)>,
    /// The last character emitted was CJK or Thai (separators after it wait).
    after_cjk: bool,
    /// Which script that was, and how long its run is since the last separator or
    /// other character: CJK characters, or Thai letters without their marks.
    run: Run,
}

/// The run of unspaced-script characters the next separator follows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Run {
    None,
    Cjk(u32),
    Thai(u32),
}

impl Sink {
    /// A sink writing into `text` (empty).
    pub fn new(text: String) -> Sink {
        Sink {
            text,
            origin: OriginMap::default(),
            pending: Vec::new(),
            after_cjk: false,
            run: Run::None,
        }
    }

    fn emit(&mut self, c: char, start: u32, end: u32, single: bool) {
        self.origin
            .push(self.text.len(), c.len_utf8(), start, end, single);
        self.text.push(c);
    }

    /// A run of ASCII characters other than `&`, copied lower-cased: one identity run.
    fn push_ascii(&mut self, run: &str, start: u32) {
        self.flush();
        let end = start + run.len() as u32;
        self.origin
            .push(self.text.len(), run.len(), start, end, true);
        // Copied whole and lower-cased in place, not pushed a character at a time.
        let from = self.text.len();
        self.text.push_str(run);
        self.text[from..].make_ascii_lowercase();
        self.after_cjk = false;
        self.run = Run::None;
    }

    #[inline]
    fn push(&mut self, c: char, start: u32, end: u32, single: bool) {
        if is_cjk(c) {
            // Separators between two CJK characters are dropped (`香～奈儿`, `高🔥仿`).
            let fresh = !self.pending.is_empty() || !matches!(self.run, Run::Cjk(_));
            self.pending.clear();
            self.emit(c, start, end, single);
            self.after_cjk = true;
            self.run = match self.run {
                Run::Cjk(n) if !fresh => Run::Cjk(n + 1),
                _ => Run::Cjk(1),
            };
            return;
        }
        if is_thai(c) {
            self.push_thai(c, start, end, single);
            return;
        }
        if self.after_cjk && self.holds(c) {
            self.pending.push((c, start, end, single));
            return;
        }
        self.flush();
        self.emit(c, start, end, single);
        self.after_cjk = false;
        self.run = Run::None;
    }

    /// Whether separator `c` after the current run waits to see what follows. `。` and
    /// `、` end a sentence or a list item, so they wait only after one lone character
    /// (`高。仿`), never after a word (`手工皂。天然`).
    fn holds(&self, c: char) -> bool {
        match self.run {
            Run::Cjk(n) => is_cjk_separator(c) || (matches!(c, '。' | '、') && n == 1),
            Run::Thai(_) => is_thai_separator(c),
            Run::None => false,
        }
    }

    /// A Thai character. Thai separates phrases with spaces, so a space or dot between
    /// Thai letters is dropped only when it breaks a word into letters: after a run of
    /// at most two letters (`ก๊ อ ป ปี้`, `เร พ ลิ ก้า`), or before a mark that the
    /// separator cut from its letter (`ก.๊.อ.ป`); emoji between Thai letters always
    /// (`ก๊อป🔥ปี้`). A mark repeated at once is read once
    /// (`ก๊๊อป`).
    fn push_thai(&mut self, c: char, start: u32, end: u32, single: bool) {
        let mark = is_combining_mark(c);
        let held = !self.pending.is_empty();
        if held {
            let short = matches!(self.run, Run::Thai(n) if n <= 2);
            let emoji = self.pending.iter().any(|p| is_pictograph(p.0));
            if short || mark || emoji {
                self.pending.clear();
            } else {
                self.flush();
                self.run = Run::Thai(0);
            }
        } else if !matches!(self.run, Run::Thai(_)) {
            self.run = Run::Thai(0);
        }
        if mark && !held && self.text.ends_with(c) {
            self.extend_last(end);
            return;
        }
        self.emit(c, start, end, single);
        self.after_cjk = true;
        if !mark {
            if let Run::Thai(n) = &mut self.run {
                *n = if held { 1 } else { *n + 1 };
            }
        }
    }

    #[inline]
    fn flush(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let pending = std::mem::take(&mut self.pending);
        for &(c, s, e, single) in &pending {
            self.emit(c, s, e, single);
        }
        self.pending = pending;
        self.pending.clear();
    }

    /// A combining mark that folded to nothing: the character before it covers it.
    fn extend_last(&mut self, end: u32) {
        if let Some(p) = self.pending.last_mut() {
            p.2 = end;
            p.3 = false;
            return;
        }
        if let Some(last) = self.text.chars().next_back() {
            let len = last.len_utf8();
            self.origin.extend_last(self.text.len() - len, len, end);
        }
    }

    pub fn finish(&mut self) {
        self.flush();
        self.origin.shrink();
    }
}

/// Separators that evasions put between CJK characters (after folding: `～` is `~`),
/// emoji included.
fn is_cjk_separator(c: char) -> bool {
    (c.is_whitespace() && c != '\n' && c != '\r')
        || matches!(
            c,
            '~' | '*' | '·' | '•' | '.' | '-' | '_' | '|' | '/' | '^' | '#' | '@' | '〜' | '・'
        )
        || is_pictograph(c)
}

/// Separators that break a Thai word into letters: spaces, dots, stars, bullets,
/// hyphens and emoji.
fn is_thai_separator(c: char) -> bool {
    c == ' ' || matches!(c, '.' | '*' | '·' | '•' | '-' | '_') || is_pictograph(c)
}

/// Thai letters, marks and digits (Thai digits are folded to ASCII before this).
fn is_thai(c: char) -> bool {
    matches!(c as u32, 0x0E01..=0x0E4F | 0x0E5A..=0x0E7F)
}

/// Folds every character of `original` into `sink`.
pub(crate) fn fold(original: &str, sink: &mut Sink) {
    let bytes = original.as_bytes();
    let mut i = 0;
    // End of the current run of regional indicators, and whether it reads as letters.
    let mut ri_run = (0usize, false);
    while i < original.len() {
        if bytes[i].is_ascii() {
            let b = bytes[i];
            if b == b'&' {
                if let Some((c, len)) = html::reference(&original[i..]) {
                    fold_char(c, i as u32, (i + len) as u32, sink);
                    i += len;
                    continue;
                }
            }
            if sink.after_cjk {
                // Separators after a CJK character wait to see what follows.
                sink.push(b.to_ascii_lowercase() as char, i as u32, i as u32 + 1, true);
                i += 1;
                continue;
            }
            let run = i + plain_ascii_len(&bytes[i..]).max(1);
            sink.push_ascii(&original[i..run], i as u32);
            i = run;
            continue;
        }
        let c = original[i..].chars().next().expect("char boundary");
        let end = i + c.len_utf8();
        if let Some(letter) = lookalike::regional_letter(c) {
            if ri_run.0 <= i {
                let mut n = 0;
                let mut j = i;
                while let Some(d) = original[j..].chars().next() {
                    if lookalike::regional_letter(d).is_none() {
                        break;
                    }
                    n += 1;
                    j += d.len_utf8();
                }
                ri_run = (j, n >= 3);
            }
            if ri_run.1 {
                sink.push(letter, i as u32, end as u32, true);
                i = end;
                continue;
            }
        }
        fold_char(c, i as u32, end as u32, sink);
        i = end;
    }
    sink.finish();
}

/// The length of the run of ASCII bytes other than `&` that `bytes` starts with, read
/// eight bytes at a time (a byte at a time was a sixth of the normalisation).
fn plain_ascii_len(bytes: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut n = 0;
    for chunk in bytes.chunks_exact(8) {
        let w = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        // `x` has a zero byte where `w` has an `&`; a high bit set is a byte of a
        // character outside ASCII.
        let x = w ^ (ONES * u64::from(b'&'));
        if (x.wrapping_sub(ONES) & !x & HIGH) | (w & HIGH) != 0 {
            break;
        }
        n += 8;
    }
    n + bytes[n..]
        .iter()
        .position(|&b| !b.is_ascii() || b == b'&')
        .unwrap_or(bytes.len() - n)
}

/// Whether a combining mark is removed: diacritics of alphabetic scripts are
/// (`é` → `e`); the vowel and tone marks of Thai, Lao, Khmer and Myanmar are kept.
fn strips(c: char) -> bool {
    is_combining_mark(c) && !is_unspaced(c)
}

/// One original character (or decoded reference) covering `start..end`.
fn fold_char(c: char, start: u32, end: u32, sink: &mut Sink) {
    if is_invisible(c) {
        return;
    }
    if c.is_ascii() {
        sink.push(c.to_ascii_lowercase(), start, end, true);
        return;
    }
    // ™ and ℠ glued to a word stay symbols, not the letters `tm`/`sm` of NFKC.
    if matches!(c, '™' | '℠' | '®' | '©') {
        sink.push(c, start, end, true);
        return;
    }
    if let Some(l) = lookalike::latin(c) {
        sink.push(l, start, end, true);
        return;
    }
    let mut out = [' '; MAX_EXPANSION];
    let mut n = 0;
    let mut over = false;
    'all: for d in nf::nfkc_char(c) {
        if let Some(l) = lookalike::latin(d) {
            if n == MAX_EXPANSION {
                over = true;
                break 'all;
            }
            out[n] = l;
            n += 1;
            continue;
        }
        for e in d.to_lowercase() {
            for f in nf::nfd_char(e) {
                if strips(f) {
                    continue;
                }
                if n == MAX_EXPANSION {
                    over = true;
                    break 'all;
                }
                out[n] = fold_letter(f);
                n += 1;
            }
        }
    }
    if over {
        // Too long a compatibility form: keep the character itself.
        sink.push(c, start, end, true);
        return;
    }
    for &x in &out[..n] {
        sink.push(x, start, end, n == 1);
    }
    if n == 0 && is_combining_mark(c) {
        sink.extend_last(end);
    }
}

/// A Traditional Chinese character becomes Simplified; a non-ASCII letter that looks
/// like one Latin letter becomes that letter.
fn fold_letter(c: char) -> char {
    if is_cjk(c) {
        return t2s::simplify(c);
    }
    // Thai, Lao, Khmer and Myanmar digits read as ASCII digits (`๑:๑` is `1:1`).
    for zero in [0x0E50u32, 0x0ED0, 0x17E0, 0x1040] {
        let v = c as u32;
        if (zero..zero + 10).contains(&v) {
            return char::from(b'0' + (v - zero) as u8);
        }
    }
    if c.is_ascii() || !c.is_alphabetic() {
        return c;
    }
    super::skeleton::latin_letter(c).unwrap_or(c)
}

#[cfg(test)]
mod tests {
    proptest::proptest! {
        /// The word-at-a-time scan stops where a byte-at-a-time one does.
        #[test]
        fn plain_ascii_len_is_the_bytewise_run(s in "[a-z &é中]{0,40}") {
            let b = s.as_bytes();
            let want = b.iter().position(|&b| !b.is_ascii() || b == b'&').unwrap_or(b.len());
            proptest::prop_assert_eq!(super::plain_ascii_len(b), want);
        }
    }
}
