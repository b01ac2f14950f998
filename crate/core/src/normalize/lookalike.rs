//! Letters that stand for Latin letters but that compatibility folding (NFKC) and the
//! confusables skeleton of the lower-case letter miss. Each is seen before lower-casing,
//! since Greek capital `Ν` looks like `N` while its lower case `ν` looks like `v`.
//!
//! - Table `data/lookalikes.txt`: Latin small capitals (`ɴɪᴋᴇ`), capital Greek letters
//!   (`ΝΙΚΕ`), Cherokee capitals and small letters (`ᏒᎾᏞᎬ`).
//! - Alphabet blocks, by position: parenthesised letters (`⒩`, `🄝`), negative circled
//!   (`🅝`) and negative squared (`🅽`) capitals. Regional indicators (`🇳`) are read as
//!   letters by the caller, only in a run of three or more (a pair is a flag).
//!
//! Known limit: Greek written in capitals folds to Latin letters, Greek in lower case
//! does not, so a Greek word matches only in the case the pack writes it.

use std::sync::OnceLock;

const TABLE: &str = include_str!("../../data/lookalikes.txt");

fn table() -> &'static [(char, char)] {
    static T: OnceLock<Vec<(char, char)>> = OnceLock::new();
    T.get_or_init(|| {
        let mut v: Vec<(char, char)> = TABLE
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let mut f = l.split('\t');
                let c = f.next()?.chars().next()?;
                let latin = f.next()?.chars().next()?;
                Some((c, latin))
            })
            .collect();
        v.sort_unstable();
        v
    })
}

/// The lower-case Latin letter `c` stands for, if it is one of the letters above.
pub(crate) fn latin(c: char) -> Option<char> {
    let n = c as u32;
    let block = |base: u32| char::from_u32(u32::from(b'a') + n - base);
    match n {
        0x249C..=0x24B5 => block(0x249C), // ⒜ parenthesized small letters
        0x1F110..=0x1F129 => block(0x1F110), // 🄐 parenthesized capitals
        0x1F150..=0x1F169 => block(0x1F150), // 🅐 negative circled capitals
        0x1F170..=0x1F189 => block(0x1F170), // 🅰 negative squared capitals
        _ if n < 0x100 => None,
        _ => {
            let t = table();
            t.binary_search_by(|&(k, _)| k.cmp(&c)).ok().map(|i| t[i].1)
        }
    }
}

/// The letter a regional indicator symbol (`🇦`–`🇿`) stands for.
pub(crate) fn regional_letter(c: char) -> Option<char> {
    let n = c as u32;
    (0x1F1E6..=0x1F1FF)
        .contains(&n)
        .then(|| char::from_u32(u32::from(b'a') + n - 0x1F1E6))
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_parses_and_covers_the_classes() {
        assert!(table().len() > 90);
        for (c, want) in [
            ('ɴ', 'n'),
            ('Ν', 'n'),
            ('Ꮢ', 'r'),
            ('ꮢ', 'r'),
            ('🅽', 'n'),
            ('🅝', 'n'),
            ('⒩', 'n'),
        ] {
            assert_eq!(latin(c), Some(want), "{c}");
        }
        assert_eq!(latin('ν'), None);
        assert_eq!(regional_letter('🇳'), Some('n'));
    }
}
