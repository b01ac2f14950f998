//! A listing read from its JSON text (the wasm binding's `lintJson`, and its `lint`
//! through `JSON.stringify`) into a listing kept between calls: the fields' strings and
//! lists are cleared and filled again, so a lint allocates nothing for its input once
//! they are long enough.
//!
//! It reads what the `serde_json` derive of the listing's shape read before it (a test
//! checks the two agree on random listings): an object whose keys are all optional;
//! text fields as strings, `id`, `currency`, `market` and `marketplace` as a string or
//! `null`, `bullets` as an array of strings, `other` as an array of `[name, text]`
//! pairs, `variants` as an array of `{ label, price, cost }` objects; unknown keys are
//! skipped (any JSON value), a key given twice is refused. An unknown marketplace is
//! no marketplace. Unlike the derive it refuses a listing given as an array.
//!
//! It does not keep anything it does not read, and it is no general JSON parser.

use crate::{Listing, Marketplace, Variant};

/// Why a listing's text was refused, and where (1-based line and column of the byte).
#[derive(Debug, PartialEq, Eq)]
pub struct Refused {
    what: &'static str,
    line: usize,
    column: usize,
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.what, self.line, self.column
        )
    }
}

/// Nesting of skipped values before the text is refused (`serde_json`'s limit).
const MAX_DEPTH: usize = 128;

/// Reads `text` into `out`, replacing all of it. Empty text and `null` are the empty
/// listing. On an error `out` holds part of the text; the next read replaces it.
pub fn read(text: &str, out: &mut Listing) -> Result<(), Refused> {
    out.clear_singles();
    let mut given = 0;
    if !(text.is_empty() || text == "null") {
        let mut p = Parser {
            b: text.as_bytes(),
            text,
            i: 0,
        };
        given = p.listing(out)?;
        p.ws();
        if p.i < p.b.len() {
            return Err(p.refuse("trailing characters"));
        }
    }
    // The lists kept their elements (and those their capacity) for the read to refill.
    if given & BULLETS == 0 {
        out.bullets.clear();
    }
    if given & OTHER == 0 {
        out.other.clear();
    }
    if given & VARIANTS == 0 {
        out.variants.clear();
    }
    Ok(())
}

struct Parser<'a> {
    b: &'a [u8],
    text: &'a str,
    i: usize,
}

/// The bits of the list keys among those a listing gives (each key has a bit: one
/// given twice is refused, as the derive did).
const BULLETS: u16 = 1 << 11;
const OTHER: u16 = 1 << 12;
const VARIANTS: u16 = 1 << 13;

impl<'a> Parser<'a> {
    fn refuse(&self, what: &'static str) -> Refused {
        let at = self.i.min(self.b.len());
        let before = &self.b[..at];
        let line = 1 + before.iter().filter(|&&c| c == b'\n').count();
        let start = before
            .iter()
            .rposition(|&c| c == b'\n')
            .map_or(0, |n| n + 1);
        Refused {
            what,
            line,
            column: 1 + self.text[start..at].chars().count(),
        }
    }

    #[inline]
    fn ws(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.b.get(self.i) {
            self.i += 1;
        }
    }

    /// The next byte after white space, not taken.
    #[inline]
    fn peek(&mut self) -> Option<u8> {
        self.ws();
        self.b.get(self.i).copied()
    }

    #[inline]
    fn expect(&mut self, c: u8, what: &'static str) -> Result<(), Refused> {
        if self.peek() != Some(c) {
            return Err(self.refuse(what));
        }
        self.i += 1;
        Ok(())
    }

    /// `null` taken, if it is next.
    fn null(&mut self) -> Result<bool, Refused> {
        if self.peek() != Some(b'n') {
            return Ok(false);
        }
        self.word(b"null")?;
        Ok(true)
    }

    fn word(&mut self, w: &[u8]) -> Result<(), Refused> {
        if !self.b[self.i..].starts_with(w) {
            return Err(self.refuse("expected a JSON value"));
        }
        self.i += w.len();
        Ok(())
    }

    /// Reads a sequence opened by `open` (next) and closed by `close`, calling `each`
    /// once per element: an array's values, an object's members.
    fn seq(
        &mut self,
        (open, close): (u8, u8),
        what: &'static str,
        mut each: impl FnMut(&mut Self) -> Result<(), Refused>,
    ) -> Result<(), Refused> {
        self.expect(open, what)?;
        if self.peek() == Some(close) {
            self.i += 1;
            return Ok(());
        }
        loop {
            each(self)?;
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(c) if c == close => {
                    self.i += 1;
                    return Ok(());
                }
                _ => {
                    let what = if close == b']' {
                        "expected `,` or `]`"
                    } else {
                        "expected `,` or `}`"
                    };
                    return Err(self.refuse(what));
                }
            }
        }
    }

    /// Calls `each` once per element of an array (`[` next); `each` reads the element.
    fn array(
        &mut self,
        what: &'static str,
        each: impl FnMut(&mut Self) -> Result<(), Refused>,
    ) -> Result<(), Refused> {
        self.seq((b'[', b']'), what, each)
    }

    /// Calls `each` with each key of an object (`{` next); `each` reads the value.
    fn object(
        &mut self,
        what: &'static str,
        mut each: impl FnMut(&mut Self, &str) -> Result<(), Refused>,
    ) -> Result<(), Refused> {
        let mut key = String::new();
        self.seq((b'{', b'}'), what, |p| {
            if p.peek() != Some(b'"') {
                return Err(p.refuse("expected a key"));
            }
            let k = match p.plain_string() {
                Some(k) => k,
                None => {
                    key.clear();
                    p.string_into(&mut key)?;
                    key.as_str()
                }
            };
            p.expect(b':', "expected `:`")?;
            each(p, k)
        })
    }

    /// A string (`"` next) without escapes, taken: a slice of the text. `None`, and
    /// nothing taken, when it has an escape or a control character.
    fn plain_string(&mut self) -> Option<&'a str> {
        let start = self.i + 1;
        let mut j = start;
        while let Some(&c) = self.b.get(j) {
            match c {
                b'"' => {
                    self.i = j + 1;
                    // The text is UTF-8 and `"` is ASCII: both ends are char boundaries.
                    return Some(&self.text[start..j]);
                }
                b'\\' | 0..=0x1f => return None,
                _ => j += 1,
            }
        }
        None
    }

    /// A string (`"` next) appended to `out`.
    fn string_into(&mut self, out: &mut String) -> Result<(), Refused> {
        if self.peek() != Some(b'"') {
            return Err(self.refuse("expected a string"));
        }
        self.i += 1;
        loop {
            let start = self.i;
            while let Some(&c) = self.b.get(self.i) {
                if c == b'"' || c == b'\\' || c < 0x20 {
                    break;
                }
                self.i += 1;
            }
            out.push_str(&self.text[start..self.i]);
            match self.b.get(self.i) {
                Some(b'"') => {
                    self.i += 1;
                    return Ok(());
                }
                Some(b'\\') => {
                    self.i += 1;
                    self.escape(out)?;
                }
                Some(_) => return Err(self.refuse("control character in a string")),
                None => return Err(self.refuse("unterminated string")),
            }
        }
    }

    /// The escape after a `\\`, appended to `out`.
    fn escape(&mut self, out: &mut String) -> Result<(), Refused> {
        let Some(&c) = self.b.get(self.i) else {
            return Err(self.refuse("unterminated string"));
        };
        self.i += 1;
        out.push(match c {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let hi = self.hex4()?;
                let code = match hi {
                    0xD800..=0xDBFF => {
                        if !self.b[self.i..].starts_with(b"\\u") {
                            return Err(self.refuse("lone leading surrogate in a \\u escape"));
                        }
                        self.i += 2;
                        let lo = self.hex4()?;
                        if !(0xDC00..=0xDFFF).contains(&lo) {
                            return Err(self.refuse("lone leading surrogate in a \\u escape"));
                        }
                        0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                    }
                    0xDC00..=0xDFFF => {
                        return Err(self.refuse("lone trailing surrogate in a \\u escape"))
                    }
                    _ => hi,
                };
                char::from_u32(code).expect("surrogates are handled above")
            }
            _ => {
                self.i -= 1;
                return Err(self.refuse("invalid escape"));
            }
        });
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, Refused> {
        let Some(digits) = self.b.get(self.i..self.i + 4) else {
            return Err(self.refuse("unterminated \\u escape"));
        };
        let mut v = 0;
        for &d in digits {
            let Some(x) = (d as char).to_digit(16) else {
                return Err(self.refuse("invalid \\u escape"));
            };
            v = v * 16 + x;
        }
        self.i += 4;
        Ok(v)
    }

    /// A string or `null`, into `out`.
    fn opt_string(&mut self, out: &mut Option<String>) -> Result<(), Refused> {
        if self.null()? {
            *out = None;
            return Ok(());
        }
        let mut s = out.take().unwrap_or_default();
        s.clear();
        self.string_into(&mut s)?;
        *out = Some(s);
        Ok(())
    }

    /// Any JSON value, skipped (an unknown key's).
    fn skip(&mut self, depth: usize) -> Result<(), Refused> {
        if depth > MAX_DEPTH {
            return Err(self.refuse("nested too deeply"));
        }
        match self.peek() {
            Some(b'"') => {
                if self.plain_string().is_none() {
                    self.string_into(&mut String::new())?;
                }
                Ok(())
            }
            Some(b'{') => self.object("expected an object", |p, _| p.skip(depth + 1)),
            Some(b'[') => self.array("expected an array", |p| p.skip(depth + 1)),
            Some(b't') => self.word(b"true"),
            Some(b'f') => self.word(b"false"),
            Some(b'n') => self.word(b"null"),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => Err(self.refuse("expected a JSON value")),
        }
    }

    /// A JSON number, skipped: `-`? (`0` | digits) (`.` digits)? (`e` sign? digits)?.
    fn number(&mut self) -> Result<(), Refused> {
        let digits = |p: &mut Self| {
            let start = p.i;
            while p.b.get(p.i).is_some_and(u8::is_ascii_digit) {
                p.i += 1;
            }
            p.i > start
        };
        if self.b.get(self.i) == Some(&b'-') {
            self.i += 1;
        }
        if self.b.get(self.i) == Some(&b'0') {
            self.i += 1;
        } else if !digits(self) {
            return Err(self.refuse("invalid number"));
        }
        if self.b.get(self.i) == Some(&b'.') {
            self.i += 1;
            if !digits(self) {
                return Err(self.refuse("invalid number"));
            }
        }
        if let Some(b'e' | b'E') = self.b.get(self.i) {
            self.i += 1;
            if let Some(b'+' | b'-') = self.b.get(self.i) {
                self.i += 1;
            }
            if !digits(self) {
                return Err(self.refuse("invalid number"));
            }
        }
        Ok(())
    }

    /// The listing object, into `out` (cleared); the bits of the keys it gives.
    fn listing(&mut self, out: &mut Listing) -> Result<u16, Refused> {
        let mut seen = 0u16;
        self.object("a listing is a JSON object", |p, key| {
            let (bit, slot) = match key {
                "id" => (1, Slot::Maybe(&mut out.id)),
                "title" => (1 << 1, Slot::Text(&mut out.title)),
                "description" => (1 << 2, Slot::Text(&mut out.description)),
                "keywords" => (1 << 3, Slot::Text(&mut out.keywords)),
                "brand" => (1 << 4, Slot::Text(&mut out.brand)),
                "category" => (1 << 5, Slot::Text(&mut out.category)),
                "price" => (1 << 6, Slot::Text(&mut out.price)),
                "cost" => (1 << 7, Slot::Text(&mut out.cost)),
                "currency" => (1 << 8, Slot::Maybe(&mut out.currency)),
                "market" => (1 << 9, Slot::Maybe(&mut out.market)),
                "marketplace" => (1 << 10, Slot::Marketplace(&mut out.marketplace)),
                "bullets" => (BULLETS, Slot::Bullets(&mut out.bullets)),
                "other" => (OTHER, Slot::Other(&mut out.other)),
                "variants" => (VARIANTS, Slot::Variants(&mut out.variants)),
                _ => return p.skip(1),
            };
            if seen & bit != 0 {
                return Err(p.refuse("a listing key given twice"));
            }
            seen |= bit;
            match slot {
                Slot::Text(s) => p.string_into(s),
                Slot::Maybe(s) => p.opt_string(s),
                Slot::Marketplace(m) => {
                    let mut name = None;
                    p.opt_string(&mut name)?;
                    *m = name.as_deref().and_then(Marketplace::parse);
                    Ok(())
                }
                Slot::Bullets(list) => p.refill(list, "expected an array of strings", |p, s| {
                    s.clear();
                    p.string_into(s)
                }),
                Slot::Other(list) => p.refill(
                    list,
                    "expected an array of [name, text] pairs",
                    |p, (name, text)| {
                        name.clear();
                        text.clear();
                        p.expect(b'[', "expected a [name, text] pair")?;
                        p.string_into(name)?;
                        p.expect(b',', "expected a [name, text] pair")?;
                        p.string_into(text)?;
                        p.expect(b']', "expected a [name, text] pair")
                    },
                ),
                Slot::Variants(list) => {
                    p.refill(list, "expected an array of variants", Self::variant)
                }
            }
        })?;
        Ok(seen)
    }

    /// An array (`[` next) read into `list`, refilling the elements it has (`each`
    /// clears and reads one) and pushing or dropping to the array's length.
    fn refill<T: Default>(
        &mut self,
        list: &mut Vec<T>,
        what: &'static str,
        mut each: impl FnMut(&mut Self, &mut T) -> Result<(), Refused>,
    ) -> Result<(), Refused> {
        let mut n = 0;
        self.array(what, |p| {
            if list.len() == n {
                list.push(T::default());
            }
            n += 1;
            each(p, &mut list[n - 1])
        })?;
        list.truncate(n);
        Ok(())
    }

    /// One variant, `{ label, price, cost }` with every key optional, into `v`.
    fn variant(&mut self, v: &mut Variant) -> Result<(), Refused> {
        v.label.clear();
        v.price.clear();
        v.cost.clear();
        let mut seen = 0u8;
        self.object("a variant is a JSON object", |p, key| {
            let (bit, s) = match key {
                "label" => (1, &mut v.label),
                "price" => (2, &mut v.price),
                "cost" => (4, &mut v.cost),
                _ => return p.skip(2),
            };
            if seen & bit != 0 {
                return Err(p.refuse("a variant key given twice"));
            }
            seen |= bit;
            p.string_into(s)
        })
    }
}

/// Where a listing key's value goes.
enum Slot<'l> {
    Text(&'l mut String),
    Maybe(&'l mut Option<String>),
    Marketplace(&'l mut Option<Marketplace>),
    Bullets(&'l mut Vec<String>),
    Other(&'l mut Vec<(String, String)>),
    Variants(&'l mut Vec<Variant>),
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use serde::Deserialize;

    /// What the binding read a listing with before this reader: the oracle.
    #[derive(Deserialize, Default)]
    #[serde(default)]
    struct ListingIn {
        id: Option<String>,
        title: String,
        bullets: Vec<String>,
        description: String,
        keywords: String,
        brand: String,
        category: String,
        price: String,
        cost: String,
        currency: Option<String>,
        marketplace: Option<String>,
        market: Option<String>,
        other: Vec<(String, String)>,
        variants: Vec<Variant>,
    }

    fn by_serde(text: &str) -> Option<Listing> {
        if text.is_empty() || text == "null" {
            return Some(Listing::default());
        }
        let l: ListingIn = serde_json::from_str(text).ok()?;
        Some(Listing {
            id: l.id,
            title: l.title,
            bullets: l.bullets,
            description: l.description,
            keywords: l.keywords,
            brand: l.brand,
            category: l.category,
            price: l.price,
            cost: l.cost,
            currency: l.currency,
            marketplace: l.marketplace.as_deref().and_then(Marketplace::parse),
            market: l.market,
            other: l.other,
            variants: l.variants,
        })
    }

    fn fresh(text: &str) -> Result<Listing, Refused> {
        let mut l = Listing::default();
        read(text, &mut l).map(|()| l)
    }

    /// A small deterministic generator (xorshift), so the test needs no crate.
    pub(crate) struct Rng(pub u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        pub(crate) fn below(&mut self, n: u64) -> usize {
            (self.next() % n) as usize
        }
        pub(crate) fn text(&mut self) -> String {
            const PIECES: [&str; 16] = [
                "Rolex",
                " ",
                "replica",
                "高仿",
                "\"",
                "\\",
                "\n",
                "\t",
                "\u{1}",
                "é",
                "🔥",
                "ราคา",
                "/",
                "\u{2028}",
                "$20",
                "{[,]}",
            ];
            (0..self.below(6)).map(|_| PIECES[self.below(16)]).collect()
        }
    }

    /// A random listing: every field, some lists and optional ones, texts with escapes,
    /// controls, CJK, Thai and emoji (also what `listing_records` tests read).
    pub(crate) fn random_listing(rng: &mut Rng) -> Listing {
        let mut l = Listing::default();
        let some = |rng: &mut Rng| rng.below(3) == 0;
        if some(rng) {
            l.id = Some(rng.text());
        }
        l.title = rng.text();
        l.bullets = (0..rng.below(4)).map(|_| rng.text()).collect();
        if some(rng) {
            l.description = rng.text();
        }
        l.brand = rng.text();
        l.price = rng.text();
        if some(rng) {
            l.currency = Some(["USD", "CNY", ""][rng.below(3)].into());
        }
        if some(rng) {
            l.marketplace = Marketplace::parse(["amazon", "shopee", "tiktok-shop"][rng.below(3)]);
        }
        if some(rng) {
            l.market = Some(rng.text());
        }
        l.other = (0..rng.below(3))
            .map(|_| (rng.text(), rng.text()))
            .collect();
        l.variants = (0..rng.below(3))
            .map(|_| Variant {
                label: rng.text(),
                price: rng.text(),
                cost: rng.text(),
            })
            .collect();
        l
    }

    #[test]
    fn reads_what_the_serde_derive_read_on_random_listings() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let mut kept = Listing::default();
        for _ in 0..3000 {
            let l = random_listing(&mut rng);
            let some = |rng: &mut Rng| rng.below(3) == 0;
            let mut json = serde_json::to_value(&l).unwrap();
            if some(&mut rng) {
                json["unknown"] = serde_json::json!({"a": [1, -2.5e3, true, null, "x\\y"]});
            }
            let text = if some(&mut rng) {
                serde_json::to_string_pretty(&json).unwrap()
            } else {
                serde_json::to_string(&json).unwrap()
            };
            let want = by_serde(&text).expect("serde reads what it wrote");
            assert_eq!(want, l, "{text}");
            // Into a kept listing (as lintJson reads) and into a fresh one.
            read(&text, &mut kept).unwrap();
            assert_eq!(kept, want, "{text}");
            assert_eq!(fresh(&text).unwrap(), want, "{text}");
        }
    }

    #[test]
    fn accepts_and_refuses_what_the_serde_derive_did() {
        let cases = [
            "",
            "null",
            "{}",
            " { } ",
            r#"{"title": "a\u00e9\ud83d\udd25b\/"}"#,
            r#"{"id": null, "currency": null, "market": null, "marketplace": null}"#,
            r#"{"marketplace": "Nowhere"}"#,
            r#"{"marketplace": "TikTok-Shop", "title": "x"}"#,
            r#"{"unknown": {"deep": [[[]]], "n": 0.5E-3}, "title": "x"}"#,
            r#"{"variants": [{}, {"price": "$1", "size": 42}]}"#,
            r#"{"other": [["material", "steel"]]}"#,
            // Refused by both:
            "{",
            "{}x",
            r#"{"title": null}"#,
            r#"{"title": 5}"#,
            r#"{"title": "a", "title": "b"}"#,
            r#"{"bullets": "a"}"#,
            r#"{"bullets": ["a",]}"#,
            r#"{"other": [["a"]]}"#,
            r#"{"other": [["a", "b", "c"]]}"#,
            r#"{"variants": [null]}"#,
            r#"{"variants": [{"price": "1", "price": "2"}]}"#,
            r#"{"title": "\ud83d"}"#,
            r#"{"title": "\udd25"}"#,
            r#"{"title": "\x"}"#,
            "{\"title\": \"a\u{1}b\"}",
            r#"{"n": 01}"#,
            r#"{"n": 1.}"#,
            r#"{"n": tru}"#,
            r#"{title: "x"}"#,
            r#"{"title" "x"}"#,
        ];
        for text in cases {
            let want = by_serde(text);
            let got = fresh(text).ok();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn an_absent_list_is_emptied_and_a_shorter_one_shortened() {
        let mut l = Listing::default();
        read(
            r#"{"bullets": ["a", "b"], "variants": [{"price": "1"}]}"#,
            &mut l,
        )
        .unwrap();
        assert_eq!(l.bullets, ["a", "b"]);
        read(r#"{"bullets": ["c"]}"#, &mut l).unwrap();
        assert_eq!(l.bullets, ["c"]);
        assert!(l.variants.is_empty());
        read("null", &mut l).unwrap();
        assert_eq!(l, Listing::default());
    }

    #[test]
    fn a_refusal_names_the_line_and_column() {
        let e = fresh("{\n  \"title\": 5}").unwrap_err();
        assert_eq!(e.to_string(), "expected a string at line 2 column 12");
        let e = fresh(r#"{"title": "é", "title": "x"}"#).unwrap_err();
        assert_eq!(
            e.to_string(),
            "a listing key given twice at line 1 column 24"
        );
        assert!(fresh(&"[".repeat(200)).is_err());
        let deep = format!("{{\"x\": {}{}}}", "[".repeat(200), "]".repeat(200));
        assert_eq!(fresh(&deep).unwrap_err().what, "nested too deeply");
    }
}
