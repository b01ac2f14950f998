//! Currencies and the shipped, dated table of exchange rates used to compare a price
//! with a floor given in another currency.
//!
//! The rates are approximate and rounded: they serve plausibility checks (is this
//! Rolex priced at a twentieth of what a genuine one costs?), never money handling. The
//! table carries its date and is refreshed with each release; price floors sit far
//! enough below real prices that a few percent of drift does not matter.

/// An ISO 4217 currency known to the rate table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Currency(pub(crate) &'static str);

/// The date of the shipped rate table.
pub const RATES_DATE: &str = "2026-11-01";

/// Where the rates come from.
pub const RATES_SOURCE: &str = "rounded from the European Central Bank euro foreign exchange \
reference rates (free reuse with attribution) and, for currencies the ECB does not publish, \
central-bank reference rates; approximate, for plausibility checks only";

/// `(code, units per US dollar, minor-unit decimals, display prefix)`.
const TABLE: &[(&str, f64, u8, &str)] = &[
    ("USD", 1.0, 2, "US$"),
    ("EUR", 0.92, 2, "€"),
    ("GBP", 0.78, 2, "£"),
    ("CNY", 7.2, 2, "CN¥"),
    ("JPY", 150.0, 0, "¥"),
    ("HKD", 7.8, 2, "HK$"),
    ("TWD", 32.0, 0, "NT$"),
    ("KRW", 1380.0, 0, "₩"),
    ("SGD", 1.34, 2, "S$"),
    ("MYR", 4.4, 2, "RM"),
    ("IDR", 16000.0, 0, "Rp"),
    ("THB", 34.0, 2, "฿"),
    ("PHP", 57.0, 2, "₱"),
    ("VND", 25000.0, 0, "₫"),
    ("INR", 84.0, 2, "₹"),
    ("AUD", 1.52, 2, "A$"),
    ("CAD", 1.38, 2, "C$"),
    ("NZD", 1.68, 2, "NZ$"),
    ("MXN", 18.5, 2, "MX$"),
    ("BRL", 5.5, 2, "R$"),
    ("CHF", 0.88, 2, "CHF "),
    ("SEK", 10.5, 2, "SEK "),
    ("NOK", 10.8, 2, "NOK "),
    ("DKK", 6.9, 2, "DKK "),
    ("PLN", 4.0, 2, "zł "),
    ("CZK", 23.0, 2, "CZK "),
    ("HUF", 370.0, 0, "HUF "),
    ("TRY", 38.0, 2, "₺"),
    ("AED", 3.6725, 2, "AED "),
    ("SAR", 3.75, 2, "SAR "),
    ("ILS", 3.7, 2, "₪"),
    ("ZAR", 18.0, 2, "R "),
    ("RUB", 90.0, 2, "₽"),
    ("CLP", 930.0, 0, "CLP "),
    ("COP", 4100.0, 0, "COP "),
    ("PEN", 3.75, 2, "S/ "),
    ("ARS", 1000.0, 2, "ARS "),
    ("NGN", 1550.0, 2, "₦"),
    ("EGP", 49.0, 2, "EGP "),
    ("PKR", 280.0, 2, "PKR "),
    ("BDT", 120.0, 2, "৳"),
    ("MOP", 8.0, 2, "MOP$"),
];

/// The currency of a destination market, by ISO 3166 country code (`"vn"`, `"DE"`) or
/// region (`"EU"`, `"UK"`): what a price with no currency marker is read in.
const MARKETS: &[(&str, &str)] = &[
    ("us", "USD"),
    ("vn", "VND"),
    ("id", "IDR"),
    ("th", "THB"),
    ("ph", "PHP"),
    ("my", "MYR"),
    ("sg", "SGD"),
    ("tw", "TWD"),
    ("hk", "HKD"),
    ("mo", "MOP"),
    ("cn", "CNY"),
    ("jp", "JPY"),
    ("kr", "KRW"),
    ("in", "INR"),
    ("br", "BRL"),
    ("mx", "MXN"),
    ("cl", "CLP"),
    ("co", "COP"),
    ("pe", "PEN"),
    ("ar", "ARS"),
    ("ca", "CAD"),
    ("au", "AUD"),
    ("nz", "NZD"),
    ("gb", "GBP"),
    ("uk", "GBP"),
    ("eu", "EUR"),
    ("de", "EUR"),
    ("fr", "EUR"),
    ("it", "EUR"),
    ("es", "EUR"),
    ("nl", "EUR"),
    ("be", "EUR"),
    ("at", "EUR"),
    ("ie", "EUR"),
    ("pt", "EUR"),
    ("fi", "EUR"),
    ("gr", "EUR"),
    ("ch", "CHF"),
    ("pl", "PLN"),
    ("se", "SEK"),
    ("no", "NOK"),
    ("dk", "DKK"),
    ("cz", "CZK"),
    ("hu", "HUF"),
    ("tr", "TRY"),
    ("ae", "AED"),
    ("sa", "SAR"),
    ("il", "ILS"),
    ("za", "ZAR"),
    ("ng", "NGN"),
    ("eg", "EGP"),
    ("pk", "PKR"),
    ("bd", "BDT"),
];

impl Currency {
    fn row(self) -> &'static (&'static str, f64, u8, &'static str) {
        TABLE
            .iter()
            .find(|r| r.0 == self.0)
            .expect("a Currency is always in the table")
    }

    /// Looks up an ISO code (`"usd"`, `"CNY"`); `None` for codes not in the table.
    pub fn from_code(code: &str) -> Option<Currency> {
        let code = code.trim();
        TABLE
            .iter()
            .find(|r| r.0.eq_ignore_ascii_case(code))
            .map(|r| Currency(r.0))
    }

    /// The currency of a destination market (`"vn"` → VND, `"DE"` → EUR); `None` for a
    /// market spanning several currencies (`"SEA"`) or one not in the table.
    pub fn for_market(market: &str) -> Option<Currency> {
        let m = market.trim();
        MARKETS
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(m))
            .and_then(|(_, code)| Currency::from_code(code))
    }

    /// Every currency of the table.
    pub fn all() -> impl Iterator<Item = Currency> {
        TABLE.iter().map(|r| Currency(r.0))
    }

    /// The ISO code.
    pub fn code(self) -> &'static str {
        self.0
    }

    /// How many units of this currency one US dollar buys, from the shipped table.
    pub fn per_usd(self) -> f64 {
        self.row().1
    }

    /// Digits after the decimal point in ordinary prices (0 for yen, won, rupiah, dong).
    pub fn decimals(self) -> u8 {
        self.row().2
    }

    /// The prefix used when showing an amount (`US$`, `CN¥`, `RM`).
    pub(crate) fn prefix(self) -> &'static str {
        self.row().3
    }

    /// Whether `$` alone may mean this currency.
    pub(crate) fn is_dollar(self) -> bool {
        matches!(
            self.0,
            "USD" | "SGD" | "AUD" | "CAD" | "HKD" | "TWD" | "NZD" | "MXN"
        )
    }
}

/// Converts `amount` of `from` into `to` through the shipped table.
pub fn convert(amount: f64, from: Currency, to: Currency) -> f64 {
    amount / from.per_usd() * to.per_usd()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sane_and_conversions_round_trip() {
        for c in Currency::all() {
            assert!(c.per_usd() > 0.0 && c.code().len() == 3);
            assert_eq!(Currency::from_code(&c.code().to_lowercase()), Some(c));
            for d in Currency::all() {
                let back = convert(convert(123.45, c, d), d, c);
                assert!((back - 123.45).abs() < 1e-9 * 123.45, "{c:?} {d:?}");
            }
        }
        assert_eq!(Currency::from_code("XYZ"), None);
        for (m, _) in MARKETS {
            assert!(Currency::for_market(m).is_some(), "{m}");
        }
        assert_eq!(Currency::for_market("VN").map(Currency::code), Some("VND"));
        assert_eq!(Currency::for_market("de").map(Currency::code), Some("EUR"));
        assert_eq!(Currency::for_market("SEA"), None);
        let usd = Currency::from_code("USD").unwrap();
        let cny = Currency::from_code("cny").unwrap();
        assert!((convert(100.0, usd, cny) - 720.0).abs() < 1e-9);
    }
}
