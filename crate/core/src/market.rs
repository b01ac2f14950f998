//! Destination markets: where the buyer is, as an ISO 3166 country code (`us`, `de`,
//! `id`, `tw`), for rules about items legal in one country and banned in another.
//!
//! A listing names its market (`Listing::market`, the seller's destination setting);
//! else the caller passes the market of the site it is on (`LintConfig::market`, from
//! [`market_from_host`]: `seller.shopee.tw` → `tw`). Rules list markets as country
//! codes or `eu` (every member state).

/// The EU member states, for rules that say `eu`.
const EU: [&str; 27] = [
    "at", "be", "bg", "cy", "cz", "de", "dk", "ee", "es", "fi", "fr", "gr", "hr", "hu", "ie", "it",
    "lt", "lu", "lv", "mt", "nl", "pl", "pt", "ro", "se", "si", "sk",
];

/// A market code as rules and listings write it, lower case (`UK` → `gb`); `None` for
/// anything but two ASCII letters or `eu`.
pub fn market_code(code: &str) -> Option<String> {
    let c = code.trim().to_ascii_lowercase();
    let c = match c.as_str() {
        "uk" => "gb".to_string(),
        _ => c,
    };
    (c.len() == 2 && c.bytes().all(|b| b.is_ascii_lowercase())).then_some(c)
}

/// Whether a listing's market (a country code, or `eu` itself) is covered by a
/// rule's market (a country code or `eu`).
pub(crate) fn covers(rule_market: &str, listing_market: &str) -> bool {
    rule_market == listing_market || (rule_market == "eu" && EU.contains(&listing_market))
}

/// The market a marketplace site sells to, from its host's country domain:
/// `seller.shopee.tw` → `tw`, `sellercentral.amazon.co.uk` → `gb`, `shopee.com.my` →
/// `my`; `None` for a generic domain (`.com`), which says nothing about the buyer.
pub fn market_from_host(host: &str) -> Option<String> {
    let host = host.trim().trim_end_matches('.').to_ascii_lowercase();
    let tld = host.rsplit('.').next()?;
    if tld.len() != 2 || host == tld {
        return None;
    }
    // Country domains sold as generic ones.
    if matches!(tld, "io" | "ai" | "co" | "me" | "tv" | "cc" | "ws" | "fm") {
        return None;
    }
    market_code(tld)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_map_to_markets() {
        let cases = [
            ("seller.shopee.tw", Some("tw")),
            ("sellercentral.amazon.de", Some("de")),
            ("sellercentral.amazon.co.uk", Some("gb")),
            ("seller.shopee.com.my", Some("my")),
            ("sellercenter.lazada.co.id", Some("id")),
            ("www.ebay.com", None),
            ("seller.tiktok.io", None),
            ("localhost", None),
        ];
        for (host, want) in cases {
            assert_eq!(market_from_host(host).as_deref(), want, "{host}");
        }
    }

    #[test]
    fn eu_covers_its_members() {
        assert!(covers("eu", "de"));
        assert!(covers("eu", "eu"));
        assert!(!covers("eu", "gb"));
        assert!(covers("au", "au"));
        assert!(!covers("de", "eu"));
        assert_eq!(market_code(" UK "), Some("gb".into()));
        assert_eq!(market_code("usa"), None);
    }
}
