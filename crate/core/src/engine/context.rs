//! Context that changes what a mention means, read from the packs' cues, and the
//! language of each field, which decides whether a language-tagged word fires.
//!
//! eBay's and Amazon's guidance lets an accessory or part name another company's
//! product after "compatible with", "for" or "fits"; it does not make a fashion brand
//! legitimate ("for Gucci lovers" is still brand misuse). Brand rules opt in with
//! `compatible = true`. The phrases themselves are pack data (`[cues]`, base set in
//! `data/cues.toml`).

use super::compile::{Compiled, Owner};
use super::lint::Analysis;
use crate::language::{detect, LangSet, Language};
use crate::matcher::LitId;

impl Analysis<'_> {
    /// What literal `lit` stands for in this field, among the owners `want` picks:
    /// those whose language tag fires on the field's language. The field's language
    /// is detected only when a tagged owner that is wanted asks.
    pub fn owners<'s>(
        &'s self,
        c: &'s Compiled,
        lit: LitId,
        want: impl Fn(&Owner) -> bool + 's,
    ) -> impl Iterator<Item = Owner> + 's {
        c.owners
            .of(lit)
            .iter()
            .filter(move |(o, langs)| {
                want(o) && (langs.is_any() || langs.fires_on(self.language(c)))
            })
            .map(|(o, _)| *o)
    }

    /// Whether literal `lit` stands for `owner` in this field.
    pub fn owned_by(&self, c: &Compiled, lit: LitId, owner: Owner) -> bool {
        self.owners(c, lit, move |o| *o == owner).next().is_some()
    }

    /// The field's language: the seller's declared one, else detected (once), with
    /// Indonesian-or-Malay narrowed by the cues' language hints.
    pub fn language(&self, c: &Compiled) -> LangSet {
        *self.lang.get_or_init(|| {
            if let Some(l) = self.declared {
                return LangSet::one(l);
            }
            let found = detect(self.text);
            if found.contains(Language::Id) && found.contains(Language::Ms) {
                let hinted = |want: Language| {
                    self.hits.iter().any(|h| {
                        c.owners
                            .of(h.lit)
                            .iter()
                            .any(|(o, _)| *o == Owner::Hint(want))
                    })
                };
                match (hinted(Language::Id), hinted(Language::Ms)) {
                    (true, false) => return LangSet::one(Language::Id),
                    (false, true) => return LangSet::one(Language::Ms),
                    _ => {}
                }
            }
            found
        })
    }
}
