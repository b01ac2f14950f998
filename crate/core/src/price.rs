//! Parses prices as sellers type them, in any common locale and currency:
//! `US $1,299.00`, `1.299,00 €`, `¥99`, `99元`, `RM 59.90`, `Rp 150.000`, `₹1,49,999`,
//! `15,5`, `$10 - $20`.
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
//! The currency comes from an ISO code or a symbol in the text; `$` alone is the
//! default currency when that is a dollar currency, else US dollars; `¥` alone is
//! Chinese yuan unless the default is yen. A range (`$10 - $20`, `10~20`) gives its
//! lowest number: the lowest price a buyer can pay is what a floor checks.
//!
//! What it does not do: guess a locale from the browser, handle negative prices (an
//! error), or read numbers written in words (`十块` is an error).

use crate::currency::Currency;
use unicode_normalization::UnicodeNormalization;

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
    PriceError {
        message: format!("cannot read {:?} as a price: {why}", text.trim()),
    }
}

/// Currency markers, longest first within overlapping ones. `$`, `¥` and `kr` are
/// resolved against the default currency.
const MARKERS: &[(&str, &str)] = &[
    ("us $", "USD"),
    ("us$", "USD"),
    ("cn¥", "CNY"),
    ("jp¥", "JPY"),
    ("hk$", "HKD"),
    ("nt$", "TWD"),
    ("sg$", "SGD"),
    ("au$", "AUD"),
    ("ca$", "CAD"),
    ("nz$", "NZD"),
    ("mx$", "MXN"),
    ("s$", "SGD"),
    ("a$", "AUD"),
    ("c$", "CAD"),
    ("r$", "BRL"),
    ("rmb", "CNY"),
    ("元", "CNY"),
    ("块", "CNY"),
    ("圆", "CNY"),
    ("円", "JPY"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("₹", "INR"),
    ("₱", "PHP"),
    ("฿", "THB"),
    ("₫", "VND"),
    ("₩", "KRW"),
    ("₽", "RUB"),
    ("₺", "TRY"),
    ("₪", "ILS"),
    ("₦", "NGN"),
    ("৳", "BDT"),
    ("zł", "PLN"),
    ("kč", "CZK"),
    ("rp", "IDR"),
    ("rm", "MYR"),
    ("rs", "INR"),
    ("$", "$"),
    ("¥", "¥"),
    ("kr", "kr"),
];

/// Words that may surround a price and mean nothing for its amount.
const NOISE: &[&str] = &[
    "起", "from", "each", "only", "dollars", "dollar", "/pc", "/件", "per", "pc", "pcs",
];

/// Parses a typed price. `default_currency` applies when the text names none.
pub fn parse_price(text: &str, default_currency: Option<Currency>) -> Result<Money, PriceError> {
    let folded: String = text.nfkc().collect::<String>().to_lowercase();
    if folded.trim().is_empty() {
        return Err(PriceError {
            message: "empty price".into(),
        });
    }
    let (currency, rest) = take_currency(&folded, default_currency);
    let numbers = numbers(&rest).map_err(|why| error(text, why))?;
    let currency = currency.or(default_currency);
    let decimals = currency.map_or(2, Currency::decimals);
    let mut lowest: Option<f64> = None;
    for n in &numbers {
        let v = number_value(n, decimals)
            .ok_or_else(|| error(text, "the digits are grouped in a way no locale writes"))?;
        lowest = Some(lowest.map_or(v, |l: f64| l.min(v)));
    }
    let amount = lowest.ok_or_else(|| error(text, "no number found"))?;
    Ok(Money { amount, currency })
}

/// Finds the currency marker, and returns the text with every marker and noise word
/// blanked out.
fn take_currency(text: &str, default: Option<Currency>) -> (Option<Currency>, String) {
    let mut rest = text.to_string();
    let mut found: Option<Currency> = None;
    // ISO codes as whole alphabetic runs (`usd`, `eur12` → `eur`).
    let runs: Vec<(usize, usize)> = alpha_runs(&rest);
    for (s, e) in runs.into_iter().rev() {
        if let Some(c) = Currency::from_code(&rest[s..e]) {
            found = found.or(Some(c));
            rest.replace_range(s..e, &" ".repeat(e - s));
        }
    }
    for (marker, code) in MARKERS {
        while let Some(at) = find_marker(&rest, marker) {
            let c = match *code {
                "$" => Some(default.filter(|d| d.is_dollar()).unwrap_or(Currency("USD"))),
                "¥" => Some(
                    default
                        .filter(|d| d.code() == "JPY")
                        .unwrap_or(Currency("CNY")),
                ),
                "kr" => Some(
                    default
                        .filter(|d| matches!(d.code(), "SEK" | "NOK" | "DKK"))
                        .unwrap_or(Currency("SEK")),
                ),
                code => Currency::from_code(code),
            };
            found = found.or(c);
            rest.replace_range(at..at + marker.len(), &" ".repeat(marker.len()));
        }
    }
    for word in NOISE {
        while let Some(at) = rest.find(word) {
            rest.replace_range(at..at + word.len(), &" ".repeat(word.len()));
        }
    }
    (found, rest)
}

fn alpha_runs(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        match (c.is_ascii_alphabetic(), start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                out.push((st, i));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// A marker made of letters must not sit inside a longer word (`rs` in `hours`).
fn find_marker(s: &str, marker: &str) -> Option<usize> {
    let letters = marker.chars().all(|c| c.is_ascii_alphabetic());
    let mut from = 0;
    while let Some(i) = s[from..].find(marker).map(|i| i + from) {
        let before = s[..i]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_alphabetic());
        let after = s[i + marker.len()..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic());
        if !letters || (!before && !after) {
            return Some(i);
        }
        from = i + marker.len();
    }
    None
}

/// Splits what is left into number tokens; anything else but spaces and range marks is
/// an error.
fn numbers(rest: &str) -> Result<Vec<String>, &'static str> {
    let chars: Vec<char> = rest.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let mut seen_number = false;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            let mut tok = String::new();
            while i < chars.len() {
                let c = chars[i];
                if c.is_ascii_digit()
                    || ((c == '.' || c == ',' || c == '\'')
                        && chars.get(i + 1).is_some_and(char::is_ascii_digit))
                {
                    tok.push(c);
                    i += 1;
                } else if c.is_whitespace()
                    && chars
                        .get(i + 1..i + 4)
                        .is_some_and(|g| g.iter().all(char::is_ascii_digit))
                    && !chars.get(i + 4).is_some_and(char::is_ascii_digit)
                    && tok.chars().rev().take_while(char::is_ascii_digit).count() <= 3
                {
                    tok.push(' ');
                    i += 1;
                } else {
                    break;
                }
            }
            if chars.get(i).is_some_and(|c| c.is_alphabetic()) {
                return Err("letters are mixed into the number");
            }
            out.push(tok);
            seen_number = true;
        } else if c == '-'
            && !seen_number
            && chars[i + 1..]
                .iter()
                .find(|c| !c.is_whitespace())
                .is_some_and(char::is_ascii_digit)
        {
            return Err("a price cannot be negative");
        } else if c.is_whitespace()
            || matches!(
                c,
                '-' | '~' | '–' | '—' | '至' | '/' | ':' | '.' | ',' | '+' | '='
            )
        {
            i += 1;
        } else if c.is_alphabetic()
            && rest[rest.char_indices().nth(i).map_or(0, |(b, _)| b)..].starts_with("to")
        {
            i += 2;
        } else {
            return Err(if c.is_alphabetic() {
                "it has words that are not a currency"
            } else {
                "it has characters that are not part of a price"
            });
        }
    }
    if out.is_empty() {
        return Err("no number found");
    }
    Ok(out)
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
mod tests {
    use super::*;

    fn cur(code: &str) -> Currency {
        Currency::from_code(code).unwrap()
    }

    #[test]
    fn parse_table() {
        // (input, default currency, amount, currency)
        let cases: &[(&str, Option<&str>, f64, Option<&str>)] = &[
            ("US $1,299.00", None, 1299.0, Some("USD")),
            ("$1,299", None, 1299.0, Some("USD")),
            ("$12.5", None, 12.5, Some("USD")),
            ("$12", Some("SGD"), 12.0, Some("SGD")),
            ("$12", Some("EUR"), 12.0, Some("USD")),
            ("1.299,00 €", None, 1299.0, Some("EUR")),
            ("1 299,00 €", None, 1299.0, Some("EUR")),
            ("1\u{a0}299,00\u{a0}€", None, 1299.0, Some("EUR")),
            ("1\u{202f}299,00 €", None, 1299.0, Some("EUR")),
            ("€15", None, 15.0, Some("EUR")),
            ("15,5", None, 15.5, None),
            ("15,5", Some("EUR"), 15.5, Some("EUR")),
            ("¥99", None, 99.0, Some("CNY")),
            ("¥99", Some("JPY"), 99.0, Some("JPY")),
            ("99元", None, 99.0, Some("CNY")),
            ("99 元", None, 99.0, Some("CNY")),
            ("RMB 99", None, 99.0, Some("CNY")),
            ("CN¥99", None, 99.0, Some("CNY")),
            ("JP¥1,000", None, 1000.0, Some("JPY")),
            ("1,000円", None, 1000.0, Some("JPY")),
            ("RM 59.90", None, 59.9, Some("MYR")),
            ("Rp 150.000", None, 150000.0, Some("IDR")),
            ("Rp150.000,00", None, 150000.0, Some("IDR")),
            ("Rp 1.500.000", None, 1500000.0, Some("IDR")),
            ("₹1,49,999", None, 149999.0, Some("INR")),
            ("₱1,299.00", None, 1299.0, Some("PHP")),
            ("฿299", None, 299.0, Some("THB")),
            ("299.000₫", None, 299000.0, Some("VND")),
            ("299 ₫", None, 299.0, Some("VND")),
            ("S$12", None, 12.0, Some("SGD")),
            ("HK$99", None, 99.0, Some("HKD")),
            ("NT$990", None, 990.0, Some("TWD")),
            ("A$20", None, 20.0, Some("AUD")),
            ("AU$20", None, 20.0, Some("AUD")),
            ("C$20", None, 20.0, Some("CAD")),
            ("CA$20", None, 20.0, Some("CAD")),
            ("NZ$20", None, 20.0, Some("NZD")),
            ("R$ 59,90", None, 59.9, Some("BRL")),
            ("MX$199", None, 199.0, Some("MXN")),
            ("£9.99", None, 9.99, Some("GBP")),
            ("₩12,000", None, 12000.0, Some("KRW")),
            ("₽1.299,00", None, 1299.0, Some("RUB")),
            ("1.299,00 ₽", None, 1299.0, Some("RUB")),
            ("CHF 12.50", None, 12.5, Some("CHF")),
            ("12.50 USD", None, 12.5, Some("USD")),
            ("USD 12.50", None, 12.5, Some("USD")),
            ("usd12", None, 12.0, Some("USD")),
            ("12 dollars", None, 12.0, None),
            ("$10 - $20", None, 10.0, Some("USD")),
            ("10~20", None, 10.0, None),
            ("20-10", None, 10.0, None),
            ("$15 to $25", None, 15.0, Some("USD")),
            ("￥１２９", None, 129.0, Some("CNY")),
            ("¥1,299.00起", None, 1299.0, Some("CNY")),
            ("  120  ", Some("USD"), 120.0, Some("USD")),
            ("0", None, 0.0, None),
            ("0.500", None, 0.5, None),
            ("$1.299", None, 1299.0, Some("USD")),
            ("1'299.50 CHF", None, 1299.5, Some("CHF")),
            ("99 kr", Some("NOK"), 99.0, Some("NOK")),
            ("99 kr", None, 99.0, Some("SEK")),
            ("1,234,567.89", None, 1234567.89, None),
        ];
        let mut failures = Vec::new();
        for (input, default, amount, code) in cases {
            let got = parse_price(input, default.map(cur));
            match got {
                Ok(m)
                    if (m.amount - amount).abs() < 1e-9
                        && m.currency.map(|c| c.code()) == *code => {}
                other => failures.push(format!(
                    "{input:?} ({default:?}): got {other:?}, want {amount} {code:?}"
                )),
            }
        }
        assert!(
            failures.is_empty(),
            "{} failures:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn error_table() {
        let cases: &[(&str, &str)] = &[
            ("", "empty price"),
            ("   ", "empty price"),
            ("call me", "call me"),
            ("十块", "words"),
            ("12abc34", "letters"),
            ("$$", "no number"),
            ("-5", "negative"),
            ("1,2,3", "grouped"),
        ];
        let mut failures = Vec::new();
        for (input, says) in cases {
            match parse_price(input, None) {
                Err(e) if e.to_string().contains(says) => {}
                other => failures.push(format!(
                    "{input:?}: got {other:?}, want an error saying {says:?}"
                )),
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn never_panics() {
        let alphabet: Vec<char> = "0123456789.,' -~$¥€元rpRMusdk起\u{a0}x١".chars().collect();
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..5000 {
            let mut s = String::new();
            for _ in 0..(seed % 12) {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                s.push(alphabet[(seed >> 33) as usize % alphabet.len()]);
            }
            if let Ok(m) = parse_price(&s, None) {
                assert!(m.amount.is_finite() && m.amount >= 0.0, "{s:?}");
            }
        }
    }

    #[test]
    fn formatting() {
        assert_eq!(format_money(1299.0, cur("USD")), "US$1,299.00");
        assert_eq!(format_money(99.0, cur("CNY")), "CN¥99.00");
        assert_eq!(format_money(150000.0, cur("IDR")), "Rp150,000");
        assert_eq!(format_money(1000.0, cur("JPY")), "¥1,000");
        assert_eq!(format_money(15.0, cur("EUR")), "€15.00");
    }
}
