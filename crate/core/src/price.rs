//! Parses prices as sellers type them, in the formats and currencies of the markets
//! Listing Guard covers: `US $1,299.00`, `1.299,00 €`, `¥99`, `99元`, `RM 59.90`,
//! `Rp 1.250.000`, `Rp1,2jt`, `150rb`, `1.250.000đ`, `2tr5`, `299 บาท`, `P1,299`,
//! `NT$990`, `MOP$ 99`, `3万5`, `5百万円`, `R$ 1.299,90`, `2 mil`, `1,5 Mio. €`,
//! `₹1,49,999`, `15,5`, `$10 - $20`.
//!
//! Separators, after full-width characters are folded:
//! - Spaces (including no-break and thin spaces) and `'` between digit groups are
//!   thousands separators.
//! - With both `,` and `.`, the one that comes last is the decimal separator, unless
//!   exactly three digits follow it and the currency has no minor units
//!   (`Rp 1.500.000`).
//! - A separator used more than once separates thousands (`1,234,567`, `1.234.567`,
//!   Indian `1,49,999`).
//! - A separator used once is a decimal point when one or two digits follow (`15,5`,
//!   `12.50`) and a thousands separator when three follow (`1,299`). So `$1.299` is
//!   read as 1,299 dollars; `0.500` (a zero before it) is read as a half.
//!
//! Suffixes multiply the number before them: thousands `k`, `rb`/`ribu` (Indonesian,
//! Malay), `nghìn`/`ngàn` (Vietnamese), `mil`/`mila` (Spanish, Portuguese, Italian),
//! `千`; ten thousands `万`/`萬`; millions `jt`/`juta`, `tr`/`triệu`, `Mio.`/`mln`,
//! `百万`; `千万`, `亿`/`億`. Digits written right after a suffix are its decimals (the
//! compact form: `1k5` = 1,500, `1jt2` = 1,200,000, `2tr5` = 2,500,000, `3万5` = 35,000);
//! a smaller suffix after a larger one adds (`3万5千` = 35,000, `1jt 200rb`).
//!
//! The currency comes from an ISO code, a symbol or a local word in the text (`đ`,
//! `VNĐ`, `บาท`, `Rp`, `RM`, `P` before the digits, `円`, `港元` …). `$` alone is the
//! default currency when that is a dollar currency, else US dollars; `¥` alone is
//! Chinese yuan unless the default is yen; `元` alone is yuan unless the default is
//! New Taiwan, Hong Kong or Macau dollars. The default is the caller's: the listing's
//! currency, else its market's. A range (`$10 - $20`, `10~20`, `1-2jt`) gives its
//! lowest number: the lowest price a buyer can pay is what a floor checks.
//!
//! Cost: one pass over at most [`MAX_PRICE_CHARS`] characters; a longer field is not a
//! price and is refused unread.
//!
//! What it does not do: guess a locale from the browser, handle negative prices (an
//! error), or read numbers written in words (`十块` is an error).

mod words;

use crate::currency::Currency;
use crate::normalize::nf::{is_combining_mark, nfkc};
use words::{is_cjk, is_punct, lookup, Word, LONGEST_CJK};

/// Longer price fields are refused as unreadable without being parsed: no price a
/// seller types is this long, and a bound keeps hostile input cheap.
pub const MAX_PRICE_CHARS: usize = 64;

/// An amount of money as parsed from a price field.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Money {
    pub amount: f64,
    /// The currency the text names, or the default given to [`parse_price`].
    pub currency: Option<Currency>,
}

/// Why a price could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PriceError {
    pub(crate) message: String,
}

impl std::fmt::Display for PriceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for PriceError {}

fn error(text: &str, why: &str) -> PriceError {
    let t = text.trim();
    let shown = match t.char_indices().nth(MAX_PRICE_CHARS) {
        Some((at, _)) => format!("{:?}…", &t[..at]),
        None => format!("{t:?}"),
    };
    PriceError {
        message: format!("cannot read {shown} as a price: {why}"),
    }
}

/// Parses a typed price. `default_currency` applies when the text names none.
pub fn parse_price(text: &str, default_currency: Option<Currency>) -> Result<Money, PriceError> {
    parse_counted(text, default_currency, &mut 0)
}

/// [`parse_price`], counting the characters and tokens it visits into `steps` (tests
/// use the count to show the cost is linear).
pub(crate) fn parse_counted(
    text: &str,
    default: Option<Currency>,
    steps: &mut usize,
) -> Result<Money, PriceError> {
    let trimmed = text.trim();
    if let Some(amount) = plain_amount(trimmed) {
        *steps += trimmed.len();
        return Ok(Money {
            amount,
            currency: default,
        });
    }
    if trimmed.is_empty() {
        return Err(PriceError {
            message: "empty price".into(),
        });
    }
    if trimmed.chars().nth(MAX_PRICE_CHARS).is_some() {
        return Err(error(
            text,
            &format!("it is longer than {MAX_PRICE_CHARS} characters, which no price is"),
        ));
    }
    let folded: String = nfkc(trimmed).to_lowercase();
    let items = lex(&folded, steps).map_err(|why| error(text, why))?;
    read(&items, default, steps).map_err(|why| error(text, why))
}

/// The amount of a price typed as plain digits with at most two decimals after a dot
/// (`12`, `12.5`, `1299.00`): what most price boxes hold, read without folding or
/// lexing. Reads exactly what the full reader does with such text (a test checks).
fn plain_amount(t: &str) -> Option<f64> {
    let (int, frac) = t.split_once('.').unwrap_or((t, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let plain = (1..=9).contains(&int.len())
        && digits(int)
        && (t.len() == int.len() || (1..=2).contains(&frac.len()) && digits(frac));
    plain.then(|| t.parse().ok()).flatten()
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    /// Digits with `.` `,` `'` or single spaces between groups.
    Num(String),
    /// A run of letters, one Chinese/Japanese word, or a currency symbol.
    Word(String),
    /// Punctuation between numbers (`-`, `~`, `/`) or after a word (`Mio.`).
    Punct,
}

struct Item {
    tok: Tok,
    /// No white space between this token and the one before.
    glued: bool,
}

/// Splits the folded text into numbers, words and punctuation in one pass.
fn lex(s: &str, steps: &mut usize) -> Result<Vec<Item>, &'static str> {
    let chars: Vec<char> = s.chars().collect();
    let n = chars.len();
    let digit = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    let mut out: Vec<Item> = Vec::new();
    let mut space = true;
    let mut i = 0;
    while i < n {
        *steps += 1;
        let c = chars[i];
        if c.is_whitespace() {
            space = true;
            i += 1;
            continue;
        }
        let glued = !space;
        space = false;
        if c.is_ascii_digit() {
            let mut tok = String::new();
            // Digits since the last separator, for space-grouped thousands.
            let mut run = 0;
            while i < n {
                *steps += 1;
                let c = chars[i];
                if c.is_ascii_digit() {
                    tok.push(c);
                    run += 1;
                    i += 1;
                } else if matches!(c, '.' | ',' | '\'') && digit(i + 1) {
                    tok.push(c);
                    run = 0;
                    i += 1;
                } else if c.is_whitespace()
                    && run <= 3
                    && digit(i + 1)
                    && digit(i + 2)
                    && digit(i + 3)
                    && !digit(i + 4)
                {
                    tok.push(' ');
                    run = 0;
                    i += 1;
                } else {
                    break;
                }
            }
            out.push(Item {
                tok: Tok::Num(tok),
                glued,
            });
        } else if is_cjk(c) {
            let start = i;
            while i < n && is_cjk(chars[i]) {
                i += 1;
            }
            // Longest known word first; an unknown character stands alone.
            let mut j = start;
            while j < i {
                let mut len = LONGEST_CJK.min(i - j);
                let word = loop {
                    *steps += 1;
                    let w: String = chars[j..j + len].iter().collect();
                    if len == 1 || lookup(&w).is_some() {
                        break w;
                    }
                    len -= 1;
                };
                out.push(Item {
                    tok: Tok::Word(word),
                    glued: glued || j > start,
                });
                j += len;
            }
        } else if c.is_alphabetic() {
            let mut w = String::new();
            while i < n
                && !is_cjk(chars[i])
                && (chars[i].is_alphabetic() || is_combining_mark(chars[i]))
            {
                *steps += 1;
                w.push(chars[i]);
                i += 1;
            }
            out.push(Item {
                tok: Tok::Word(w),
                glued,
            });
        } else if lookup(c.encode_utf8(&mut [0; 4])).is_some() {
            out.push(Item {
                tok: Tok::Word(c.to_string()),
                glued,
            });
            i += 1;
        } else if is_punct(c) {
            if c == '-' && !out.iter().any(|t| matches!(t.tok, Tok::Num(_))) && {
                // `-5`, `- $5`: a minus before the first number.
                let next = chars[i + 1..].iter().position(|c| !c.is_whitespace());
                next.is_some_and(|k| digit(i + 1 + k))
            } {
                return Err("a price cannot be negative");
            }
            out.push(Item {
                tok: Tok::Punct,
                glued,
            });
            i += 1;
        } else {
            return Err("it has characters that are not part of a price");
        }
    }
    Ok(out)
}

/// What each token means, then the amounts and the currency.
fn read(
    items: &[Item],
    default: Option<Currency>,
    steps: &mut usize,
) -> Result<Money, &'static str> {
    let word = |i: usize| match items.get(i).map(|t| &t.tok) {
        Some(Tok::Word(w)) => Some(w.as_str()),
        _ => None,
    };
    let is_num = |i: usize| matches!(items.get(i).map(|t| &t.tok), Some(Tok::Num(_)));
    let mut specific: Option<Currency> = None;
    let mut ambiguous: Option<&str> = None;
    // The multiplier of each word token that is one.
    let mut mult: Vec<Option<f64>> = vec![None; items.len()];
    let mut i = 0;
    while i < items.len() {
        *steps += 1;
        let Some(w) = word(i) else {
            i += 1;
            continue;
        };
        let kind = lookup(w);
        if let Some(Word::Prefix(code, sign)) = kind {
            if word(i + 1).is_some_and(|s| s.starts_with(sign) && s.chars().count() == 1) {
                specific = specific.or(Currency::from_code(code));
                i += 2;
                continue;
            }
        }
        if w.len() == 3 && w.bytes().all(|b| b.is_ascii_lowercase()) {
            if let Some(c) = Currency::from_code(w) {
                specific = specific.or(Some(c));
                i += 1;
                continue;
            }
        }
        match kind {
            Some(Word::Currency(code)) => specific = specific.or(Currency::from_code(code)),
            Some(Word::Ambiguous(a)) => ambiguous = ambiguous.or(Some(a)),
            Some(Word::BeforeNumber(code)) if is_num(i + 1) => {
                specific = specific.or(Currency::from_code(code));
            }
            Some(Word::Multiplier(m)) if i > 0 && is_num(i - 1) => mult[i] = Some(m),
            Some(Word::Noise | Word::Range) => {}
            _ if i > 0 && is_num(i - 1) && items[i].glued => {
                return Err("letters are mixed into the number")
            }
            _ => return Err("it has words that are not a currency"),
        }
        i += 1;
    }
    let currency = specific.or_else(|| ambiguous.map(|a| resolve(a, default)));
    let decimals = currency.or(default).map_or(2, Currency::decimals);

    // (value, base number, multiplier) of each amount.
    let mut amounts: Vec<(f64, f64, Option<f64>)> = Vec::new();
    let mut i = 0;
    while i < items.len() {
        *steps += 1;
        let Tok::Num(tok) = &items[i].tok else {
            i += 1;
            continue;
        };
        let base = number_value(tok, decimals)
            .ok_or("the digits are grouped in a way no locale writes")?;
        let Some(m) = mult.get(i + 1).copied().flatten() else {
            amounts.push((base, base, None));
            i += 1;
            continue;
        };
        let compact = match items.get(i + 2) {
            Some(Item {
                tok: Tok::Num(d),
                glued: true,
            }) if mult.get(i + 3).copied().flatten().is_none()
                && tok.bytes().all(|b| b.is_ascii_digit())
                && d.bytes().all(|b| b.is_ascii_digit()) =>
            {
                format!("{tok}.{d}").parse::<f64>().ok()
            }
            _ => None,
        };
        let mut value;
        if let Some(v) = compact {
            value = v * m;
            i += 3;
        } else {
            value = base * m;
            i += 2;
            // A smaller suffix after a larger one adds: `3万5千`, `1jt 200rb`.
            let mut last = m;
            while let (Some(Tok::Num(t)), Some(m2)) = (
                items.get(i).map(|t| &t.tok),
                mult.get(i + 1).copied().flatten(),
            ) {
                *steps += 1;
                if m2 >= last {
                    break;
                }
                let Some(v) = number_value(t, decimals) else {
                    break;
                };
                value += v * m2;
                last = m2;
                i += 2;
            }
        }
        amounts.push((value, base, Some(m)));
    }
    if amounts.is_empty() {
        return Err("no number found");
    }
    // `1-2jt`: a bare number before a suffixed one in a range takes its suffix.
    let mut later: Option<(f64, f64)> = None;
    for a in amounts.iter_mut().rev() {
        *steps += 1;
        match (a.2, later) {
            (Some(m), _) => later = Some((a.1, m)),
            (None, Some((base, m))) if a.1 < base => a.0 *= m,
            _ => {}
        }
    }
    let amount = amounts.iter().map(|a| a.0).fold(f64::INFINITY, f64::min);
    if !amount.is_finite() {
        return Err("the number is too large");
    }
    Ok(Money {
        amount,
        currency: currency.or(default),
    })
}

/// `$`, `¥`, `kr` and `元` read against the default currency.
fn resolve(sign: &str, default: Option<Currency>) -> Currency {
    let d = |ok: &[&str]| default.filter(|d| ok.contains(&d.code()));
    match sign {
        "$" => default.filter(|d| d.is_dollar()).unwrap_or(Currency("USD")),
        "¥" => d(&["JPY"]).unwrap_or(Currency("CNY")),
        "kr" => d(&["SEK", "NOK", "DKK"]).unwrap_or(Currency("SEK")),
        _ => d(&["TWD", "HKD", "MOP"]).unwrap_or(Currency("CNY")),
    }
}

/// The value of one number token (digits with `.` `,` `'` or spaces between groups).
fn number_value(tok: &str, decimals: u8) -> Option<f64> {
    let tok: String = tok.chars().filter(|c| *c != ' ' && *c != '\'').collect();
    let dots = tok.matches('.').count();
    let commas = tok.matches(',').count();
    let digits_after = |sep: char| tok.rsplit(sep).next().map_or(0, str::len);
    let (int_part, frac) = match (dots, commas) {
        (0, 0) => (tok.clone(), String::new()),
        (1.., 1..) => {
            let last = if tok.rfind('.') > tok.rfind(',') {
                '.'
            } else {
                ','
            };
            if digits_after(last) == 3 && decimals == 0 {
                (tok.replace([',', '.'], ""), String::new())
            } else {
                let (i, f) = tok.rsplit_once(last)?;
                check_groups(&i.replace([',', '.'], "|"))?;
                (i.replace([',', '.'], ""), f.to_string())
            }
        }
        (n, 0) | (0, n) => {
            let sep = if dots > 0 { '.' } else { ',' };
            if n > 1 {
                check_groups(&tok.replace(sep, "|"))?;
                (tok.replace(sep, ""), String::new())
            } else {
                let (i, f) = tok.split_once(sep)?;
                if f.len() == 3 && i != "0" {
                    (format!("{i}{f}"), String::new())
                } else {
                    (i.to_string(), f.to_string())
                }
            }
        }
    };
    let value: f64 = if frac.is_empty() {
        int_part.parse().ok()?
    } else {
        format!("{int_part}.{frac}").parse().ok()?
    };
    value.is_finite().then_some(value)
}

/// Thousands groups after the first hold two (Indian) or three digits.
fn check_groups(grouped: &str) -> Option<()> {
    let mut parts = grouped.split('|');
    let first = parts.next()?;
    (!first.is_empty() && parts.all(|g| g.len() == 2 || g.len() == 3)).then_some(())
}

/// Formats an amount for messages: the currency's prefix, thousands separated by
/// commas, and the currency's usual decimals (`US$1,299.00`, `CN¥99.00`, `Rp150,000`).
pub fn format_money(amount: f64, currency: Currency) -> String {
    let decimals = currency.decimals() as usize;
    let fixed = format!("{:.*}", decimals, amount.abs());
    let (int, frac) = fixed.split_once('.').unwrap_or((&fixed, ""));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if amount < 0.0 { "-" } else { "" };
    if frac.is_empty() {
        format!("{sign}{}{grouped}", currency.prefix())
    } else {
        format!("{sign}{}{grouped}.{frac}", currency.prefix())
    }
}

#[cfg(test)]
mod tests;
