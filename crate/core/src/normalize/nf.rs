//! Unicode normalisation as the normaliser and the price reader use it: NFKC of a string
//! or of one character, NFD of one character, and whether a character is a combining
//! mark. The same results as the `unicode-normalization` crate (checked over every
//! character and over mixed strings in `cargo test`), from smaller tables: the full
//! canonical and compatibility decompositions (`nf_table.rs`, generated from the crate:
//! UTF-8 strings behind sorted keys with their lengths in bytes, ~2,100 and ~3,900
//! characters), the combining marks as ranges, the combining classes as runs and the
//! composition pairs grouped by their second character. The crate is a dev-dependency:
//! its tables were about 100 KB of the wasm raw.
//!
//! It does not do NFC or NFKD of strings, quick checks or stream-safe text (nothing
//! here needs them). `LG_WRITE_NF=1 cargo test -p listing-guard --lib nf::` rewrites the
//! table (after a `unicode-normalization` update).

mod table {
    include!("nf_table.rs");
}

const S_BASE: u32 = 0xAC00;
const L_BASE: u32 = 0x1100;
const V_BASE: u32 = 0x1161;
const T_BASE: u32 = 0x11A7;
const T_COUNT: u32 = 28;
const N_COUNT: u32 = 21 * T_COUNT;
const S_COUNT: u32 = 19 * N_COUNT;

/// The canonical combining class of `c` (0 for a starter).
fn canonical_combining_class(c: char) -> u8 {
    let v = c as u32;
    let starts = table::CLASS_STARTS;
    let i = starts.partition_point(|&s| s <= v);
    if i == 0 || v >= starts[i - 1] + table::CLASS_LENS[i - 1] as u32 {
        return 0;
    }
    table::CLASSES[i - 1]
}

/// The primary composite of `a` followed by `b`, if there is one: Hangul by arithmetic,
/// the rest from the table's pairs, grouped by their second character.
fn compose(a: char, b: char) -> Option<char> {
    let (x, y) = (a as u32, b as u32);
    if (L_BASE..L_BASE + 19).contains(&x) && (V_BASE..V_BASE + 21).contains(&y) {
        return char::from_u32(S_BASE + ((x - L_BASE) * 21 + (y - V_BASE)) * T_COUNT);
    }
    if (S_BASE..S_BASE + S_COUNT).contains(&x)
        && (x - S_BASE) % T_COUNT == 0
        && (T_BASE + 1..T_BASE + T_COUNT).contains(&y)
    {
        return char::from_u32(x + (y - T_BASE));
    }
    let j = table::SECONDS.binary_search(&y).ok()?;
    let lo = if j == 0 {
        0
    } else {
        table::SECOND_ENDS[j - 1] as usize
    };
    let firsts = &table::FIRSTS[lo..table::SECOND_ENDS[j] as usize];
    let k = firsts.binary_search(&x).ok()?;
    char::from_u32(table::COMPOSED[lo + k])
}

/// Entries per stored offset in a table's pool (`*_BASES`).
const BLOCK: usize = 16;

/// One decomposition table: `keys` sorted; entry `i` is `lens[i]` bytes of `pool`, from
/// `bases[i / BLOCK]` plus the lengths of the entries before it in its block (lengths
/// gzip far better than offsets).
struct Table {
    keys: &'static [u32],
    lens: &'static [u8],
    bases: &'static [u16],
    pool: &'static str,
}

impl Table {
    fn get(&self, c: char) -> Option<&'static str> {
        let i = self.keys.binary_search(&(c as u32)).ok()?;
        let block = i - i % BLOCK;
        let start = self.bases[i / BLOCK] as usize
            + self.lens[block..i]
                .iter()
                .map(|&l| l as usize)
                .sum::<usize>();
        Some(&self.pool[start..start + self.lens[i] as usize])
    }
}

const CANON: Table = Table {
    keys: table::CANON_KEYS,
    lens: table::CANON_LENS,
    bases: table::CANON_BASES,
    pool: table::CANON_POOL,
};

const COMPAT: Table = Table {
    keys: table::COMPAT_KEYS,
    lens: table::COMPAT_LENS,
    bases: table::COMPAT_BASES,
    pool: table::COMPAT_POOL,
};

/// The full canonical (`compat` false) or compatibility decomposition of `c`, to `emit`.
fn decompose(c: char, compat: bool, mut emit: impl FnMut(char)) {
    if c.is_ascii() {
        return emit(c);
    }
    let s = c as u32;
    if (S_BASE..S_BASE + S_COUNT).contains(&s) {
        let i = s - S_BASE;
        let jamo = |v| char::from_u32(v).expect("a Hangul jamo");
        emit(jamo(L_BASE + i / N_COUNT));
        emit(jamo(V_BASE + (i % N_COUNT) / T_COUNT));
        if i % T_COUNT > 0 {
            emit(jamo(T_BASE + i % T_COUNT));
        }
        return;
    }
    let found = compat
        .then(|| COMPAT.get(c))
        .flatten()
        .or_else(|| CANON.get(c));
    match found {
        Some(d) => d.chars().for_each(emit),
        None => emit(c),
    }
}

/// Puts each run of non-starters in canonical order (a stable sort by combining class).
fn reorder(chars: &mut [char]) {
    let mut i = 0;
    while i < chars.len() {
        if canonical_combining_class(chars[i]) == 0 {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && canonical_combining_class(chars[i]) != 0 {
            i += 1;
        }
        chars[start..i].sort_by_key(|&c| canonical_combining_class(c));
    }
}

/// Canonical composition (UAX #15) of decomposed, canonically ordered characters.
fn recompose(chars: &[char], out: &mut impl Extend<char>) {
    let mut starter: Option<char> = None;
    // What follows the starter and has not composed with it, and the last one's class.
    let mut held: Vec<char> = Vec::new();
    let mut last_class: Option<u8> = None;
    for &ch in chars {
        let class = canonical_combining_class(ch);
        let Some(k) = starter else {
            if class == 0 {
                starter = Some(ch);
            } else {
                out.extend([ch]);
            }
            continue;
        };
        let blocked = matches!(last_class, Some(l) if l >= class);
        if !blocked {
            if let Some(r) = compose(k, ch) {
                starter = Some(r);
                continue;
            }
        }
        if class == 0 {
            out.extend([k]);
            out.extend(held.drain(..));
            starter = Some(ch);
            last_class = None;
        } else {
            held.push(ch);
            last_class = Some(class);
        }
    }
    out.extend(starter);
    out.extend(held.drain(..));
}

/// NFKC of `s`.
pub(crate) fn nfkc(s: &str) -> String {
    let mut d = Vec::with_capacity(s.len());
    for c in s.chars() {
        decompose(c, true, |x| d.push(x));
    }
    reorder(&mut d);
    let mut out = String::with_capacity(s.len());
    recompose(&d, &mut out);
    out
}

/// The most characters one character decomposes or normalises to (`ﷺ`, U+FDFA, is 18).
const MAX_CHARS: usize = 18;

/// The characters one character became: at most [`MAX_CHARS`], without allocating.
pub(crate) struct Chars {
    buf: [char; MAX_CHARS],
    len: u8,
    at: u8,
}

impl Chars {
    fn new() -> Chars {
        Chars {
            buf: ['\0'; MAX_CHARS],
            len: 0,
            at: 0,
        }
    }

    fn push(&mut self, c: char) {
        self.buf[self.len as usize] = c;
        self.len += 1;
    }

    fn one(c: char) -> Chars {
        let mut x = Chars::new();
        x.push(c);
        x
    }
}

impl Extend<char> for Chars {
    fn extend<I: IntoIterator<Item = char>>(&mut self, iter: I) {
        iter.into_iter().for_each(|c| self.push(c));
    }
}

impl Iterator for Chars {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        (self.at < self.len).then(|| {
            self.at += 1;
            self.buf[self.at as usize - 1]
        })
    }
}

/// NFKC of the one character `c`.
pub(crate) fn nfkc_char(c: char) -> Chars {
    if c.is_ascii() {
        return Chars::one(c);
    }
    let mut d = Chars::new();
    decompose(c, true, |x| d.push(x));
    if d.len == 1 {
        return d;
    }
    let len = d.len as usize;
    reorder(&mut d.buf[..len]);
    let mut out = Chars::new();
    recompose(&d.buf[..len], &mut out);
    out
}

/// NFD of the one character `c` (a table's decomposition is in canonical order already).
pub(crate) fn nfd_char(c: char) -> Chars {
    let mut d = Chars::new();
    decompose(c, false, |x| d.push(x));
    d
}

/// Whether `c` is a combining mark (general category M: Mn, Mc, Me).
pub(crate) fn is_combining_mark(c: char) -> bool {
    if c.is_ascii() {
        return false;
    }
    let v = c as u32;
    let t = table::MARKS;
    let i = t.partition_point(|&(_, end)| end < v);
    i < t.len() && t[i].0 <= v
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    fn every_char() -> impl Iterator<Item = char> {
        (0..=char::MAX as u32).filter_map(char::from_u32)
    }

    /// The table's text, computed from the crate over every character.
    fn from_crate() -> String {
        let mut canon: Vec<(u32, String)> = Vec::new();
        let mut compat: Vec<(u32, String)> = Vec::new();
        let mut marks: Vec<(u32, u32)> = Vec::new();
        let mut classes: Vec<(u32, u32, u8)> = Vec::new();
        let mut pairs: Vec<(u32, u32, u32)> = Vec::new();
        for c in every_char() {
            let v = c as u32;
            let hangul = (S_BASE..S_BASE + S_COUNT).contains(&v);
            let mut nfd = String::new();
            unicode_normalization::char::decompose_canonical(c, |x| nfd.push(x));
            let mut nfkd = String::new();
            unicode_normalization::char::decompose_compatible(c, |x| nfkd.push(x));
            if !hangul && !c.is_ascii() {
                if nfd != c.to_string() {
                    canon.push((v, nfd.clone()));
                }
                if nfkd != nfd {
                    compat.push((v, nfkd));
                }
            }
            let class = unicode_normalization::char::canonical_combining_class(c);
            if class != 0 {
                match classes.last_mut() {
                    Some(r) if r.2 == class && r.0 + r.1 == v && r.1 < 255 => r.1 += 1,
                    _ => classes.push((v, 1, class)),
                }
            }
            let d: Vec<char> = nfd.chars().collect();
            if !hangul && d.len() >= 2 {
                let first: String = d[..d.len() - 1].iter().collect::<String>().nfc().collect();
                let mut f = first.chars();
                if let (Some(a), None) = (f.next(), f.next()) {
                    let b = d[d.len() - 1];
                    if unicode_normalization::char::compose(a, b) == Some(c) {
                        pairs.push((b as u32, a as u32, v));
                    }
                }
            }
            if unicode_normalization::char::is_combining_mark(c) {
                match marks.last_mut() {
                    Some(r) if r.1 + 1 == v => r.1 = v,
                    _ => marks.push((v, v)),
                }
            }
        }
        let mut s = String::from(
            "// Generated by `LG_WRITE_NF=1 cargo test -p listing-guard --lib nf::` (normalize/nf.rs):\n\
             // the full canonical decomposition of every non-ASCII character that has one (Hangul\n\
             // syllables aside), the full compatibility decomposition where it differs from that,\n\
             // and the combining marks as ranges.\n",
        );
        let (a, b, c) = unicode_normalization::UNICODE_VERSION;
        s += &format!(
            "// Source: the unicode-normalization crate 0.1.26 (Unicode {a}.{b}.{c}), MIT OR Apache-2.0;\n\
             // the Unicode data under the Unicode License v3.\n"
        );
        for (name, t) in [("CANON", &canon), ("COMPAT", &compat)] {
            s += &format!("pub(super) const {name}_KEYS: &[u32] = &[\n");
            for row in t.chunks(12) {
                let keys: Vec<String> = row.iter().map(|(k, _)| format!("0x{k:x}")).collect();
                s += &format!("    {},\n", keys.join(", "));
            }
            s += "];\n";
            s += &format!("pub(super) const {name}_LENS: &[u8] = &[\n");
            let lens: Vec<String> = t
                .iter()
                .map(|(_, d)| u8::try_from(d.len()).unwrap().to_string())
                .collect();
            for row in lens.chunks(32) {
                s += &format!("    {},\n", row.join(", "));
            }
            s += "];\n";
            s += &format!("pub(super) const {name}_BASES: &[u16] = &[\n");
            let mut end = 0usize;
            let mut bases = Vec::new();
            for (i, (_, d)) in t.iter().enumerate() {
                if i % BLOCK == 0 {
                    bases.push(u16::try_from(end).unwrap().to_string());
                }
                end += d.len();
            }
            for row in bases.chunks(16) {
                s += &format!("    {},\n", row.join(", "));
            }
            s += "];\n";
            s += &format!("pub(super) const {name}_POOL: &str = concat!(\n");
            for row in t.chunks(12) {
                let text: String = row
                    .iter()
                    .map(|(_, d)| d.escape_unicode().to_string())
                    .collect();
                s += &format!("    \"{text}\",\n");
            }
            s += ");\n";
        }
        let list = |name: &str, ty: &str, items: Vec<String>, per: usize| {
            let mut t = format!("pub(super) const {name}: &[{ty}] = &[\n");
            for row in items.chunks(per) {
                t += &format!("    {},\n", row.join(", "));
            }
            t + "];\n"
        };
        let hex = |v: u32| format!("0x{v:x}");
        s += &list(
            "CLASS_STARTS",
            "u32",
            classes.iter().map(|r| hex(r.0)).collect(),
            12,
        );
        s += &list(
            "CLASS_LENS",
            "u8",
            classes.iter().map(|r| r.1.to_string()).collect(),
            32,
        );
        s += &list(
            "CLASSES",
            "u8",
            classes.iter().map(|r| r.2.to_string()).collect(),
            32,
        );
        pairs.sort_unstable();
        let mut seconds: Vec<u32> = pairs.iter().map(|p| p.0).collect();
        seconds.dedup();
        let ends: Vec<String> = seconds
            .iter()
            .map(|&b| pairs.partition_point(|p| p.0 <= b).to_string())
            .collect();
        s += &list(
            "SECONDS",
            "u32",
            seconds.iter().map(|&b| hex(b)).collect(),
            12,
        );
        s += &list("SECOND_ENDS", "u16", ends, 16);
        s += &list(
            "FIRSTS",
            "u32",
            pairs.iter().map(|p| hex(p.1)).collect(),
            12,
        );
        s += &list(
            "COMPOSED",
            "u32",
            pairs.iter().map(|p| hex(p.2)).collect(),
            12,
        );
        s += "pub(super) const MARKS: &[(u32, u32)] = &[\n";
        for row in marks.chunks(6) {
            let r: Vec<String> = row
                .iter()
                .map(|(a, b)| format!("(0x{a:x}, 0x{b:x})"))
                .collect();
            s += &format!("    {},\n", r.join(", "));
        }
        s += "];\n";
        s
    }

    #[test]
    fn the_table_is_the_crates() {
        let want = from_crate();
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/normalize/nf_table.rs");
        if std::env::var_os("LG_WRITE_NF").is_some() {
            std::fs::write(path, &want).unwrap();
        }
        let have = std::fs::read_to_string(path).unwrap();
        assert!(have == want, "regenerate with LG_WRITE_NF=1");
    }

    #[test]
    fn every_character_reads_as_the_crate() {
        for c in every_char() {
            let a: String = nfkc_char(c).collect();
            assert_eq!(
                a,
                std::iter::once(c).nfkc().collect::<String>(),
                "nfkc {c:?}"
            );
            let a: String = nfd_char(c).collect();
            assert_eq!(a, std::iter::once(c).nfd().collect::<String>(), "nfd {c:?}");
            assert_eq!(
                is_combining_mark(c),
                unicode_normalization::char::is_combining_mark(c),
                "mark {c:?}"
            );
            let s = c.to_string();
            assert_eq!(nfkc(&s), s.nfkc().collect::<String>(), "nfkc str {c:?}");
            assert_eq!(
                canonical_combining_class(c),
                unicode_normalization::char::canonical_combining_class(c),
                "class {c:?}"
            );
        }
    }

    /// Every pair the crate composes whose second character is a mark (U+0300-U+036F)
    /// or the second of any of the table's pairs, first characters up to U+1FFFF (no
    /// composite starts above), composes here too, and no other.
    #[test]
    fn pairs_compose_as_the_crate() {
        let mut seconds: Vec<u32> = table::SECONDS.to_vec();
        seconds.extend(0x300..0x370);
        seconds.extend(V_BASE..V_BASE + 21);
        seconds.extend(T_BASE..T_BASE + T_COUNT);
        for a in (0..0x20000).filter_map(char::from_u32) {
            for &b in &seconds {
                let b = char::from_u32(b).unwrap();
                assert_eq!(
                    compose(a, b),
                    unicode_normalization::char::compose(a, b),
                    "{a:?} {b:?}"
                );
            }
        }
        assert!(table::FIRSTS.iter().all(|&a| a < 0x20000));
    }

    /// Strings mixing starters, marks of several classes, Hangul jamo and compatibility
    /// characters, where composition and reordering decide the result.
    #[test]
    fn mixed_strings_read_as_the_crate() {
        let alphabet: Vec<char> = "aeiouAEOUnsczkgy \u{300}\u{301}\u{302}\u{303}\u{308}\u{323}\u{327}\u{328}\u{31b}\u{345}\u{34f}\u{5b0}\u{5b4}\u{93c}\u{94d}\u{b47}\u{b3e}\u{b56}\u{bc6}\u{bbe}\u{d46}\u{d3e}\u{1100}\u{1161}\u{11a8}\u{ac00}\u{ac01}\u{1e9b}\u{1f00}\u{3b1}\u{3c9}\u{fb01}\u{ff21}\u{2460}\u{3099}\u{304b}\u{30ab}\u{ff76}\u{ff9e}\u{212b}\u{2126}\u{f900}\u{fdfa}\u{e9}\u{1e63}\u{fe20}\u{1d15e}\u{1d165}\u{11099}\u{110ba}\u{1133e}\u{11347}"
            .chars()
            .collect();
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..20_000 {
            let n = (next() % 9) as usize;
            let s: String = (0..n)
                .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                .collect();
            assert_eq!(nfkc(&s), s.nfkc().collect::<String>(), "{s:?}");
        }
    }
}
