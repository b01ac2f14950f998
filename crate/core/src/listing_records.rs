//! A listing as a run of length-prefixed records (the wasm binding's `lintRecords`):
//! what the extension's background writes straight from the listing object with
//! `TextEncoder`, so a lint costs no `JSON.stringify` in JavaScript and no JSON parse
//! here. Read into a listing kept between calls, like [`crate::listing_json`]: its
//! strings and lists are cleared and refilled.
//!
//! Each record is a tag byte, the byte length of its text as a little-endian `u32`,
//! then the text in UTF-8. A tag sets a text field or an optional one ([`TITLE`] to
//! [`MARKETPLACE`]; each at most once, as a JSON key), adds a bullet ([`BULLET`]), starts
//! an `other` pair by its name ([`OTHER_NAME`], then [`OTHER_TEXT`] for its text) or a
//! variant by its label ([`VARIANT_LABEL`], then [`VARIANT_PRICE`], [`VARIANT_COST`]).
//! Absent optional fields are `None`; an unknown marketplace is no marketplace. The
//! writer is `extension/background/records.js`; [`write`] is the same in Rust, for tests.
//!
//! It reads only this layout: an unknown tag, a text that runs past the end, invalid
//! UTF-8 or a field given twice is refused with the byte offset of its record.

use crate::{Listing, Marketplace, Variant};

pub const TITLE: u8 = 1;
pub const DESCRIPTION: u8 = 2;
pub const KEYWORDS: u8 = 3;
pub const BRAND: u8 = 4;
pub const CATEGORY: u8 = 5;
pub const PRICE: u8 = 6;
pub const COST: u8 = 7;
pub const ID: u8 = 8;
pub const CURRENCY: u8 = 9;
pub const MARKET: u8 = 10;
pub const MARKETPLACE: u8 = 11;
pub const BULLET: u8 = 12;
pub const OTHER_NAME: u8 = 13;
pub const OTHER_TEXT: u8 = 14;
pub const VARIANT_LABEL: u8 = 15;
pub const VARIANT_PRICE: u8 = 16;
pub const VARIANT_COST: u8 = 17;

/// Why records were refused, and the byte offset of the record.
#[derive(Debug, PartialEq, Eq)]
pub struct Refused {
    what: &'static str,
    at: usize,
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} at byte {}", self.what, self.at)
    }
}

/// Reads `bytes` into `out`, replacing all of it. No records are the empty listing. On
/// an error `out` holds part of the records; the next read replaces it.
pub fn read(bytes: &[u8], out: &mut Listing) -> Result<(), Refused> {
    out.clear_singles();
    // How many bullets, pairs and variants were read: the rest are dropped at the end
    // (kept until then, with their capacity, to be refilled).
    let (mut bullets, mut other, mut variants) = (0, 0, 0);
    let mut seen = 0u16;
    let mut i = 0;
    while i < bytes.len() {
        let at = i;
        let refuse = |what| Refused { what, at };
        let Some(head) = bytes.get(i..i + 5) else {
            return Err(refuse("a record cut short"));
        };
        let tag = head[0];
        let len = u32::from_le_bytes([head[1], head[2], head[3], head[4]]) as usize;
        let end = (i + 5)
            .checked_add(len)
            .filter(|&e| e <= bytes.len())
            .ok_or_else(|| refuse("a record's text runs past the end"))?;
        let text = std::str::from_utf8(&bytes[i + 5..end])
            .map_err(|_| refuse("a record's text is not UTF-8"))?;
        i = end;
        if (TITLE..=MARKETPLACE).contains(&tag) {
            let bit = 1 << tag;
            if seen & bit != 0 {
                return Err(refuse("a listing field given twice"));
            }
            seen |= bit;
        }
        let fill = |s: &mut String| {
            s.clear();
            s.push_str(text);
        };
        match tag {
            TITLE => fill(&mut out.title),
            DESCRIPTION => fill(&mut out.description),
            KEYWORDS => fill(&mut out.keywords),
            BRAND => fill(&mut out.brand),
            CATEGORY => fill(&mut out.category),
            PRICE => fill(&mut out.price),
            COST => fill(&mut out.cost),
            ID => out.id = Some(text.to_string()),
            CURRENCY => fill(out.currency.get_or_insert_with(String::new)),
            MARKET => out.market = Some(text.to_string()),
            MARKETPLACE => out.marketplace = Marketplace::parse(text),
            BULLET => fill(next(&mut out.bullets, &mut bullets)),
            OTHER_NAME => {
                let (name, value) = next(&mut out.other, &mut other);
                fill(name);
                value.clear();
            }
            OTHER_TEXT => match out.other.get_mut(..other).and_then(<[_]>::last_mut) {
                Some((_, value)) => fill(value),
                None => return Err(refuse("an `other` text before its name")),
            },
            VARIANT_LABEL => {
                let v = next(&mut out.variants, &mut variants);
                fill(&mut v.label);
                v.price.clear();
                v.cost.clear();
            }
            VARIANT_PRICE | VARIANT_COST => {
                let Some(v) = out.variants.get_mut(..variants).and_then(<[_]>::last_mut) else {
                    return Err(refuse("a variant's price or cost before its label"));
                };
                fill(if tag == VARIANT_PRICE {
                    &mut v.price
                } else {
                    &mut v.cost
                });
            }
            _ => return Err(refuse("an unknown record tag")),
        }
    }
    out.bullets.truncate(bullets);
    out.other.truncate(other);
    out.variants.truncate(variants);
    Ok(())
}

/// The element after the first `*n` of `list` (pushed when there is none), counted.
fn next<'l, T: Default>(list: &'l mut Vec<T>, n: &mut usize) -> &'l mut T {
    if list.len() == *n {
        list.push(T::default());
    }
    *n += 1;
    &mut list[*n - 1]
}

/// The records of `listing` (what `records.js` writes), for tests and benchmarks.
pub fn write(listing: &Listing) -> Vec<u8> {
    let mut out = Vec::new();
    let mut put = |tag: u8, text: &str| record(&mut out, tag, text);
    let l = listing;
    for (tag, text) in [
        (TITLE, &l.title),
        (DESCRIPTION, &l.description),
        (KEYWORDS, &l.keywords),
        (BRAND, &l.brand),
        (CATEGORY, &l.category),
        (PRICE, &l.price),
        (COST, &l.cost),
    ] {
        put(tag, text);
    }
    for (tag, text) in [(ID, &l.id), (CURRENCY, &l.currency), (MARKET, &l.market)] {
        if let Some(t) = text {
            put(tag, t);
        }
    }
    if let Some(m) = l.marketplace {
        put(MARKETPLACE, m.as_str());
    }
    l.bullets.iter().for_each(|b| put(BULLET, b));
    for (name, text) in &l.other {
        put(OTHER_NAME, name);
        put(OTHER_TEXT, text);
    }
    for Variant { label, price, cost } in &l.variants {
        put(VARIANT_LABEL, label);
        put(VARIANT_PRICE, price);
        put(VARIANT_COST, cost);
    }
    out
}

/// Appends one record to `out`.
pub(crate) fn record(out: &mut Vec<u8>, tag: u8, text: &str) {
    out.push(tag);
    out.extend_from_slice(&(text.len() as u32).to_le_bytes());
    out.extend_from_slice(text.as_bytes());
}

#[cfg(test)]
mod tests;
