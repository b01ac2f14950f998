//! Message templates: `{name}` placeholders filled from a list of values.
//!
//! An English article written before a placeholder ("a {brand} product") is made to
//! fit the value's first sound: "an Apple product", "an iPhone", "an MCM bag",
//! "a Uniqlo shirt". Values keep their own spelling (iPhone, eBay, LEGO).

/// "a" or "an" before `word`, by its first sound.
pub(crate) fn article(word: &str) -> &'static str {
    let w = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    let lower = w.to_lowercase();
    let first = lower.chars().next().unwrap_or('x');
    let letters: String = w.chars().take_while(|c| c.is_alphabetic()).collect();
    // An initialism is read letter by letter: "an MCM", "an LV", "a DKNY"; capitals
    // with vowels and four letters or more are read as a word ("a LEGO", "an IKEA").
    let n = letters.chars().count();
    let word_like = n >= 4 && letters.chars().any(|c| "AEIOU".contains(c));
    let initialism = n == 1 || (n >= 2 && letters.chars().all(char::is_uppercase) && !word_like);
    if initialism {
        return if "aefhilmnorsx".contains(first) {
            "an"
        } else {
            "a"
        };
    }
    // "Xbox" is read "ex-box".
    if first == 'x' && lower.chars().nth(1).is_some_and(|c| !"aeiouy".contains(c)) {
        return "an";
    }
    const CONSONANT_SOUND: [&str; 9] = [
        "uni", "use", "usa", "uti", "eu", "ewe", "one", "once", "ubi",
    ];
    const SILENT_H: [&str; 4] = ["hour", "honest", "honour", "heir"];
    if CONSONANT_SOUND.iter().any(|p| lower.starts_with(p)) {
        return "a";
    }
    if SILENT_H.iter().any(|p| lower.starts_with(p)) {
        return "an";
    }
    if "aeiou".contains(first) {
        "an"
    } else {
        "a"
    }
}

/// If `out` ends with the English article "a " or "an " (any case, after a word
/// boundary), rewrites it to fit `value`.
fn fit_article(out: &mut String, value: &str) {
    for written in ["an ", "a "] {
        let Some(at) = out.len().checked_sub(written.len()) else {
            continue;
        };
        if !out.is_char_boundary(at) || !out[at..].eq_ignore_ascii_case(written) {
            continue;
        }
        if out[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
        {
            return;
        }
        let capital = out[at..].starts_with('A');
        let mut fitted = article(value).to_string();
        if capital {
            fitted[..1].make_ascii_uppercase();
        }
        out.truncate(at);
        out.push_str(&fitted);
        out.push(' ');
        return;
    }
}

/// Replaces each `{name}` in `template` with its value; unknown names stay as written.
pub(crate) fn fill(template: &str, vars: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match vars.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => {
                        fit_article(&mut out, v);
                        out.push_str(v)
                    }
                    None => out.push_str(&rest[open..open + close + 2]),
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::{article, fill};

    #[test]
    fn fills_known_and_keeps_unknown() {
        let v = [
            ("brand", "Rolex".to_string()),
            ("price", "US$25.00".to_string()),
        ];
        assert_eq!(fill("{brand} at {price}", &v), "Rolex at US$25.00");
        assert_eq!(fill("{nope} {brand", &v), "{nope} {brand");
        assert_eq!(fill("品牌{brand}价格过低", &v), "品牌Rolex价格过低");
    }

    #[test]
    fn the_article_fits_the_value() {
        let f = |brand: &str| {
            fill(
                "“x” is a {brand} product. A {brand} fake",
                &[("brand", brand.to_string())],
            )
        };
        assert_eq!(f("Apple"), "“x” is an Apple product. An Apple fake");
        assert_eq!(f("Rolex"), "“x” is a Rolex product. A Rolex fake");
        for (word, want) in [
            ("iPhone", "an"),
            ("eBay", "an"),
            ("Xbox", "an"),
            ("MCM", "an"),
            ("LV", "an"),
            ("H&M", "an"),
            ("DKNY", "a"),
            ("LEGO", "a"),
            ("Uniqlo", "a"),
            ("Omega", "an"),
            ("Hermès", "a"),
            ("Under Armour", "an"),
            ("Samsung", "a"),
            ("Yeezy", "a"),
        ] {
            assert_eq!(article(word), want, "{word}");
        }
        // Not an article: a word ending in "a", or no article at all.
        assert_eq!(
            fill("Prada {brand}", &[("brand", "Apple".into())]),
            "Prada Apple"
        );
        assert_eq!(fill("{brand} is", &[("brand", "Apple".into())]), "Apple is");
    }
}
