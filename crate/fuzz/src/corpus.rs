//! Seeds: the shipped packs, the test fixtures' packs, the golden listings and typical
//! price strings. Mutations start from these, so most inputs are near-valid.

use std::path::PathBuf;

pub struct Corpus {
    pub packs: Vec<String>,
    pub listings: Vec<serde_json::Map<String, serde_json::Value>>,
    pub prices: Vec<String>,
    /// Quoted strings of the shipped packs: terms, brands, patterns (risky words).
    pub words: Vec<String>,
}

const PRICES: &[&str] = &[
    "$25",
    "US $1,299.00",
    "1.299,00 €",
    "¥99",
    "￥1,280",
    "£12.50",
    "12,50 zł",
    "R$ 1.234,56",
    "₹1,23,456.78",
    "CHF 1'234.50",
    "1 234,56 €",
    "99.99",
    "0.01",
    "$0",
    "-5",
    "1e9",
    "USD 10",
    "10 USD",
    "HK$88",
    "NT$1,500",
    "RM 39.90",
    "₫250.000",
    "Rp 150.000",
    "S$ 12",
    "A$12.00",
    "C$ 5",
    "12.345.678,90",
    "$1,2,3",
    "..5",
    "$",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

impl Corpus {
    pub fn load() -> Corpus {
        let mut packs: Vec<String> = listing_guard::builtin_sources()
            .iter()
            .map(|(_, s)| s.to_string())
            .collect();
        if let Ok(dir) = std::fs::read_dir(root().join("tests/e2e/fixtures/packs")) {
            for e in dir.flatten() {
                if let Ok(s) = std::fs::read_to_string(e.path()) {
                    packs.push(s);
                }
            }
        }
        let mut listings = Vec::new();
        if let Ok(s) = std::fs::read_to_string(root().join("tests/golden/listings.jsonl")) {
            for line in s.lines() {
                if let Ok(serde_json::Value::Object(m)) = serde_json::from_str(line) {
                    listings.push(m);
                }
            }
        }
        if listings.is_empty() {
            let mut m = serde_json::Map::new();
            m.insert("title".into(), "Replica Rolex watch".into());
            listings.push(m);
        }
        let mut prices: Vec<String> = PRICES.iter().map(|s| s.to_string()).collect();
        for l in &listings {
            for k in ["price", "cost"] {
                if let Some(serde_json::Value::String(p)) = l.get(k) {
                    prices.push(p.clone());
                }
            }
        }
        let mut words = Vec::new();
        for p in &packs {
            for (i, piece) in p.split('"').enumerate() {
                if i % 2 == 1
                    && !piece.is_empty()
                    && piece.chars().count() <= 40
                    && !piece.contains('\n')
                {
                    words.push(piece.to_string());
                }
            }
        }
        words.sort();
        words.dedup();
        Corpus {
            packs,
            listings,
            prices,
            words,
        }
    }
}
