//! The languages a listing is written in: codes for language-tagged word lists, and a
//! detector that tells, per field, which language the text is in when it can be told.
//!
//! Detection is `whatlang` (MIT, pure Rust, builds for wasm32) restricted to the
//! languages packs can tag, with a confidence floor measured on short listing titles
//! (`tests/language.rs`). Short or mixed text is "not confident", and then every tagged
//! word may fire: a tag only keeps a word from firing on text confidently in another
//! language (the false friend). whatlang has no Malay: Indonesian-or-Malay text reads
//! as both, narrowed by the `language_hints` words of the packs' `[cues]`.
//!
//! It does not detect dialects, scripts inside a language, or more than one language
//! per field.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A language a word list can be tagged with. `zh` covers Simplified and Traditional.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    En,
    Zh,
    Id,
    Ms,
    Th,
    Vi,
    Tl,
    Es,
    Pt,
    De,
    Fr,
    It,
    Ja,
    Ko,
}

impl Language {
    pub const ALL: [Language; 14] = [
        Language::En,
        Language::Zh,
        Language::Id,
        Language::Ms,
        Language::Th,
        Language::Vi,
        Language::Tl,
        Language::Es,
        Language::Pt,
        Language::De,
        Language::Fr,
        Language::It,
        Language::Ja,
        Language::Ko,
    ];

    /// The code used in pack files (`en`, `zh`, `id` ...).
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Zh => "zh",
            Language::Id => "id",
            Language::Ms => "ms",
            Language::Th => "th",
            Language::Vi => "vi",
            Language::Tl => "tl",
            Language::Es => "es",
            Language::Pt => "pt",
            Language::De => "de",
            Language::Fr => "fr",
            Language::It => "it",
            Language::Ja => "ja",
            Language::Ko => "ko",
        }
    }

    /// Parses a code, and browser tags such as `zh-TW`, `pt_BR` or `fil` (Filipino).
    pub fn parse(tag: &str) -> Option<Language> {
        let t = tag.trim().to_ascii_lowercase();
        let base = t.split(['-', '_']).next().unwrap_or_default();
        let base = match base {
            "fil" => "tl",
            "in" => "id",
            other => other,
        };
        Language::ALL.into_iter().find(|l| l.code() == base)
    }

    fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A set of languages. As a word's tag, the empty set means "every language" (`any`);
/// as a field's detected language, it means "not confident".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct LangSet(u16);

impl LangSet {
    /// Every language / not known.
    pub const ANY: LangSet = LangSet(0);

    /// The set's bits (one per [`Language::ALL`] entry), for the engine's binary form.
    #[cfg(feature = "binary")]
    pub(crate) fn bits(self) -> u16 {
        self.0
    }

    /// The set of [`LangSet::bits`] `bits`.
    #[cfg(feature = "binary")]
    pub(crate) fn from_bits(bits: u16) -> LangSet {
        LangSet(bits)
    }

    pub fn one(l: Language) -> LangSet {
        LangSet(l.bit())
    }

    pub fn with(self, l: Language) -> LangSet {
        LangSet(self.0 | l.bit())
    }

    pub fn is_any(self) -> bool {
        self.0 == 0
    }

    pub fn contains(self, l: Language) -> bool {
        self.0 & l.bit() != 0
    }

    /// A tag merged with another tag of the same word: `any` wins.
    pub fn merge(self, other: LangSet) -> LangSet {
        if self.is_any() || other.is_any() {
            LangSet::ANY
        } else {
            LangSet(self.0 | other.0)
        }
    }

    /// Whether a word tagged `self` may fire on a field whose language is `field`:
    /// always for `any`, always when the field's language is not known, else when
    /// they share a language.
    pub fn fires_on(self, field: LangSet) -> bool {
        self.is_any() || field.is_any() || self.0 & field.0 != 0
    }

    pub fn languages(self) -> impl Iterator<Item = Language> {
        Language::ALL.into_iter().filter(move |l| self.contains(*l))
    }
}

/// How much of a field the detector reads: enough for a verdict, bounded in cost.
const DETECT_BYTES: usize = 600;

/// whatlang's confidence (0–1) below which a verdict is "not confident". Measured on
/// `tests/data/lang-titles.tsv`: at 0.7 no title is confidently misread.
const MIN_CONFIDENCE: f64 = 0.7;

/// The language of `text`, or [`LangSet::ANY`] when it cannot be told with confidence.
/// Indonesian-or-Malay comes back as both (`id`, `ms`).
pub fn detect(text: &str) -> LangSet {
    let mut end = text.len().min(DETECT_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let detector = detector();
    let Some(info) = detector.detect(&text[..end]) else {
        return LangSet::ANY;
    };
    if info.confidence() < MIN_CONFIDENCE {
        return LangSet::ANY;
    }
    use whatlang::Lang as W;
    let one = |l| LangSet::one(l);
    match info.lang() {
        W::Eng => one(Language::En),
        W::Cmn => one(Language::Zh),
        W::Ind => one(Language::Id).with(Language::Ms),
        W::Tha => one(Language::Th),
        W::Vie => one(Language::Vi),
        W::Tgl => one(Language::Tl),
        W::Spa => one(Language::Es),
        W::Por => one(Language::Pt),
        W::Deu => one(Language::De),
        W::Fra => one(Language::Fr),
        W::Ita => one(Language::It),
        W::Jpn => one(Language::Ja),
        W::Kor => one(Language::Ko),
        _ => LangSet::ANY,
    }
}

/// The languages the detector tells apart: every [`Language`] but Malay, which whatlang
/// does not have. `whatlang` is the crate `whatlang-lite` (`crate/whatlang-lite`), which
/// holds trigram profiles for these languages only: one added here must be added there.
const DETECTED: [whatlang::Lang; 13] = {
    use whatlang::Lang as W;
    [
        W::Eng,
        W::Cmn,
        W::Ind,
        W::Tha,
        W::Vie,
        W::Tgl,
        W::Spa,
        W::Por,
        W::Deu,
        W::Fra,
        W::Ita,
        W::Jpn,
        W::Kor,
    ]
};

fn detector() -> &'static whatlang::Detector {
    static DETECTOR: std::sync::OnceLock<whatlang::Detector> = std::sync::OnceLock::new();
    DETECTOR.get_or_init(|| whatlang::Detector::with_allowlist(DETECTED.to_vec()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_parse() {
        assert_eq!(Language::parse("zh-TW"), Some(Language::Zh));
        assert_eq!(Language::parse("pt_BR"), Some(Language::Pt));
        assert_eq!(Language::parse("fil"), Some(Language::Tl));
        assert_eq!(Language::parse("xx"), None);
        for l in Language::ALL {
            assert_eq!(Language::parse(l.code()), Some(l));
        }
    }

    #[test]
    fn tags_fire_unless_the_field_is_confidently_another_language() {
        let en = LangSet::one(Language::En);
        let id = LangSet::one(Language::Id);
        assert!(LangSet::ANY.fires_on(id));
        assert!(en.fires_on(LangSet::ANY));
        assert!(en.fires_on(en));
        assert!(!en.fires_on(id));
        assert!(id.fires_on(LangSet::one(Language::Id).with(Language::Ms)));
        assert_eq!(en.merge(LangSet::ANY), LangSet::ANY);
    }

    #[test]
    fn short_text_is_not_confident() {
        assert_eq!(detect("kw"), LangSet::ANY);
        assert_eq!(detect(""), LangSet::ANY);
        assert!(detect("Tai nghe bluetooth không dây pin trâu chống nước").contains(Language::Vi));
    }

    /// The same verdict as the crates.io whatlang 0.16.4 with the same allowlist, on
    /// every title of `tests/data/lang-titles.tsv`, its prefixes, and other scripts.
    #[test]
    fn whatlang_lite_reads_as_whatlang() {
        let full = whatlang_full::Detector::with_allowlist(
            DETECTED
                .iter()
                .map(|l| whatlang_full::Lang::from_code(l.code()).unwrap())
                .collect(),
        );
        let lite = detector();
        let data = include_str!("../tests/data/lang-titles.tsv");
        let mut texts: Vec<String> = Vec::new();
        for line in data.lines().filter(|l| !l.starts_with('#')) {
            let text = line.split_once('\t').map_or(line, |(_, t)| t);
            let chars: Vec<char> = text.chars().collect();
            for n in (1..=chars.len()).step_by(3) {
                texts.push(chars[..n].iter().collect());
            }
            texts.push(text.to_string());
        }
        for other in [
            "Беспроводные наушники с зарядным чехлом",
            "سماعات لاسلكية مع علبة شحن",
            "אוזניות אלחוטיות עם מארז טעינה",
            "चार्जिंग केस के साथ वायरलेस ईयरबड्स",
            "Bezprzewodowe słuchawki douszne z etui ładującym",
            "Draadloze oordopjes met oplaadcase, 30 uur batterij",
            "Kablosuz kulaklık şarj kutulu",
            "ワイヤレスイヤホン 充電ケース付き",
            "무선 이어폰 충전 케이스",
            "หูฟังไร้สาย พร้อมเคสชาร์จ",
            "无线耳机 带充电盒",
            "",
            "12345 !!!",
        ] {
            texts.push(other.to_string());
        }
        for t in &texts {
            let a = full.detect(t).map(|i| {
                (
                    i.lang().code(),
                    i.script().name().to_string(),
                    i.confidence(),
                )
            });
            let b = lite.detect(t).map(|i| {
                (
                    i.lang().code(),
                    i.script().name().to_string(),
                    i.confidence(),
                )
            });
            assert_eq!(a, b, "{t:?}");
        }
        assert!(texts.len() > 1000, "{}", texts.len());
    }
}
