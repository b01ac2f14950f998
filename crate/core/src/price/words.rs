//! The words and symbols a price may carry besides its digits: currency markers,
//! thousand and million suffixes, and words that mean nothing for the amount. All
//! lower case, after NFKC folding (`ＵＳＤ` → `usd`, `Ｄ` → `d`).

/// What a word (or symbol) in a price field means.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Word {
    /// A currency, by ISO code.
    Currency(&'static str),
    /// `$`, `¥`, `kr`, `元`: resolved against the default currency.
    Ambiguous(&'static str),
    /// Before `$` (`us$`, `hk$`, `nt$`, `r$`, `mop$`) or `¥` (`cn¥`, `jp¥`): that currency.
    Prefix(&'static str, char),
    /// `p`/`₱`-style letter that is a currency only right before a number (`P1,299`).
    BeforeNumber(&'static str),
    /// A thousand or million suffix after a number (`k`, `rb`, `jt`, `tr`, `万`).
    Multiplier(f64),
    /// "from", "each", `起`: nothing for the amount.
    Noise,
    /// "to", `至`: between the two ends of a range.
    Range,
}

/// Words, and the symbols that are not plain punctuation. ISO codes of the rate table
/// are recognised separately (`usd`, `eur`, `php`, `mop`).
pub(super) const WORDS: &[(&str, Word)] = &[
    // Dollars and yen with a country before the sign.
    ("us", Word::Prefix("USD", '$')),
    ("hk", Word::Prefix("HKD", '$')),
    ("nt", Word::Prefix("TWD", '$')),
    ("sg", Word::Prefix("SGD", '$')),
    ("s", Word::Prefix("SGD", '$')),
    ("au", Word::Prefix("AUD", '$')),
    ("a", Word::Prefix("AUD", '$')),
    ("ca", Word::Prefix("CAD", '$')),
    ("c", Word::Prefix("CAD", '$')),
    ("nz", Word::Prefix("NZD", '$')),
    ("mx", Word::Prefix("MXN", '$')),
    ("r", Word::Prefix("BRL", '$')),
    ("mop", Word::Prefix("MOP", '$')),
    ("cn", Word::Prefix("CNY", '¥')),
    ("jp", Word::Prefix("JPY", '¥')),
    // Symbols.
    ("$", Word::Ambiguous("$")),
    ("¥", Word::Ambiguous("¥")),
    ("€", Word::Currency("EUR")),
    ("£", Word::Currency("GBP")),
    ("₹", Word::Currency("INR")),
    ("₱", Word::Currency("PHP")),
    ("฿", Word::Currency("THB")),
    ("₫", Word::Currency("VND")),
    ("₩", Word::Currency("KRW")),
    ("₽", Word::Currency("RUB")),
    ("₺", Word::Currency("TRY")),
    ("₪", Word::Currency("ILS")),
    ("₦", Word::Currency("NGN")),
    ("৳", Word::Currency("BDT")),
    // Letters and words.
    ("rp", Word::Currency("IDR")),
    ("rupiah", Word::Currency("IDR")),
    ("rm", Word::Currency("MYR")),
    ("ringgit", Word::Currency("MYR")),
    ("rs", Word::Currency("INR")),
    ("rmb", Word::Currency("CNY")),
    ("yuan", Word::Currency("CNY")),
    ("yen", Word::Currency("JPY")),
    ("euro", Word::Currency("EUR")),
    ("euros", Word::Currency("EUR")),
    ("đ", Word::Currency("VND")),
    ("vnđ", Word::Currency("VND")),
    ("đồng", Word::Currency("VND")),
    ("dong", Word::Currency("VND")),
    ("บาท", Word::Currency("THB")),
    ("baht", Word::Currency("THB")),
    ("p", Word::BeforeNumber("PHP")),
    ("reais", Word::Currency("BRL")),
    ("zł", Word::Currency("PLN")),
    ("kč", Word::Currency("CZK")),
    ("kr", Word::Ambiguous("kr")),
    ("원", Word::Currency("KRW")),
    // Chinese and Japanese currency words.
    ("元", Word::Ambiguous("元")),
    ("圆", Word::Ambiguous("元")),
    ("圓", Word::Ambiguous("元")),
    ("块", Word::Currency("CNY")),
    ("塊", Word::Currency("CNY")),
    ("人民币", Word::Currency("CNY")),
    ("人民幣", Word::Currency("CNY")),
    ("港元", Word::Currency("HKD")),
    ("港币", Word::Currency("HKD")),
    ("港幣", Word::Currency("HKD")),
    ("台币", Word::Currency("TWD")),
    ("台幣", Word::Currency("TWD")),
    ("新台币", Word::Currency("TWD")),
    ("新台幣", Word::Currency("TWD")),
    ("澳门币", Word::Currency("MOP")),
    ("澳門幣", Word::Currency("MOP")),
    ("日元", Word::Currency("JPY")),
    ("日圓", Word::Currency("JPY")),
    ("円", Word::Currency("JPY")),
    ("美元", Word::Currency("USD")),
    ("美金", Word::Currency("USD")),
    // Thousand and million suffixes.
    ("k", Word::Multiplier(1e3)),
    ("rb", Word::Multiplier(1e3)),
    ("ribu", Word::Multiplier(1e3)),
    ("jt", Word::Multiplier(1e6)),
    ("juta", Word::Multiplier(1e6)),
    ("tr", Word::Multiplier(1e6)),
    ("triệu", Word::Multiplier(1e6)),
    ("trieu", Word::Multiplier(1e6)),
    ("nghìn", Word::Multiplier(1e3)),
    ("nghin", Word::Multiplier(1e3)),
    ("ngàn", Word::Multiplier(1e3)),
    ("ngan", Word::Multiplier(1e3)),
    ("mil", Word::Multiplier(1e3)),
    ("mila", Word::Multiplier(1e3)),
    ("mio", Word::Multiplier(1e6)),
    ("mln", Word::Multiplier(1e6)),
    ("千", Word::Multiplier(1e3)),
    ("万", Word::Multiplier(1e4)),
    ("萬", Word::Multiplier(1e4)),
    ("百万", Word::Multiplier(1e6)),
    ("百萬", Word::Multiplier(1e6)),
    ("千万", Word::Multiplier(1e7)),
    ("千萬", Word::Multiplier(1e7)),
    ("亿", Word::Multiplier(1e8)),
    ("億", Word::Multiplier(1e8)),
    // Words that mean nothing for the amount.
    ("from", Word::Noise),
    ("each", Word::Noise),
    ("only", Word::Noise),
    ("dollars", Word::Noise),
    ("dollar", Word::Noise),
    // Pesos of several countries: the market's currency says which.
    ("pesos", Word::Noise),
    ("peso", Word::Noise),
    ("per", Word::Noise),
    ("pc", Word::Noise),
    ("pcs", Word::Noise),
    ("desde", Word::Noise),
    ("ab", Word::Noise),
    ("dès", Word::Noise),
    ("mulai", Word::Noise),
    ("từ", Word::Noise),
    ("起", Word::Noise),
    ("件", Word::Noise),
    ("税込", Word::Noise),
    ("税抜", Word::Noise),
    // Range words.
    ("to", Word::Range),
    ("bis", Word::Range),
    ("hasta", Word::Range),
    ("até", Word::Range),
    ("hingga", Word::Range),
    ("sampai", Word::Range),
    ("đến", Word::Range),
    ("至", Word::Range),
];

/// The longest word of [`WORDS`] written in Chinese or Japanese characters, in chars.
pub(super) const LONGEST_CJK: usize = 3;

pub(super) fn lookup(word: &str) -> Option<Word> {
    WORDS.iter().find(|(w, _)| *w == word).map(|(_, k)| *k)
}

/// Characters that are price punctuation: separators between numbers and ranges.
pub(super) fn is_punct(c: char) -> bool {
    matches!(
        c,
        '-' | '~' | '–' | '—' | '/' | ':' | '.' | ',' | '+' | '=' | '(' | ')' | '*'
    )
}

/// Chinese and Japanese characters, whose words are not separated by spaces.
pub(super) fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xf900..=0xfaff)
}
