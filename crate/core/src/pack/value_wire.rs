//! The packs' small value types in the engine's binary form (`engine/binary.rs`,
//! `engine/wire.rs`): languages, marketplaces, field roles and severities as their
//! place in their type's list of values, policies, currencies (their code), texts,
//! sources, words, the packs' metadata, the merged cues and the rules' fixes.
//!
//! What it does not do: write a pack's rule list with its metadata ([`PackInfo`]'s
//! `rules` is left out and read back empty: the engine derives the catalogue's rule
//! entries from its rules, `Compiled::catalogue`).

use super::cues::Cues;
use super::fix::Fix;
use super::words::Word;
use super::{PackInfo, Source, Text};
use crate::currency::Currency;
use crate::engine::wire::{In, Out, Wire};
use crate::finding::{Policy, Severity};
use crate::language::{LangSet, Language};
use crate::listing::{FieldRole, Marketplace};

/// Every severity, in the order the binary form numbers them.
const SEVERITIES: [Severity; 3] = [Severity::Info, Severity::Warn, Severity::Block];

impl Wire for Language {
    fn write(&self, out: &mut Out) {
        out.one_of(&Language::ALL, self);
    }
    fn read(r: &mut In<'_>) -> Self {
        r.one_of(&Language::ALL, "an unknown language")
    }
}

impl Wire for LangSet {
    fn write(&self, out: &mut Out) {
        self.bits().write(out);
    }
    fn read(r: &mut In<'_>) -> Self {
        LangSet::from_bits(u16::read(r))
    }
}

impl Wire for Marketplace {
    fn write(&self, out: &mut Out) {
        out.one_of(&Marketplace::ALL, self);
    }
    fn read(r: &mut In<'_>) -> Self {
        r.one_of(&Marketplace::ALL, "an unknown marketplace")
    }
}

impl Wire for FieldRole {
    fn write(&self, out: &mut Out) {
        out.one_of(&FieldRole::ALL, self);
    }
    fn read(r: &mut In<'_>) -> Self {
        r.one_of(&FieldRole::ALL, "an unknown field role")
    }
}

impl Wire for Severity {
    fn write(&self, out: &mut Out) {
        out.one_of(&SEVERITIES, self);
    }
    fn read(r: &mut In<'_>) -> Self {
        r.one_of(&SEVERITIES, "an unknown severity")
    }
}

impl Wire for Policy {
    fn write(&self, out: &mut Out) {
        out.text(&self.name);
        out.text(&self.url);
    }
    fn read(r: &mut In<'_>) -> Self {
        Policy {
            name: String::read(r),
            url: String::read(r),
        }
    }
}

impl Wire for Currency {
    fn write(&self, out: &mut Out) {
        out.text(self.code());
    }
    fn read(r: &mut In<'_>) -> Self {
        match Currency::from_code(r.text()) {
            Some(c) => c,
            None => {
                r.fail::<()>("an unknown currency");
                Currency("USD")
            }
        }
    }
}

impl Wire for Text {
    fn write(&self, out: &mut Out) {
        out.text(&self.en);
        out.text(&self.zh);
    }
    fn read(r: &mut In<'_>) -> Self {
        Text {
            en: String::read(r),
            zh: String::read(r),
        }
    }
}

impl Wire for Source {
    fn write(&self, out: &mut Out) {
        for t in [&self.name, &self.url, &self.license, &self.retrieved] {
            out.text(t);
        }
    }
    fn read(r: &mut In<'_>) -> Self {
        Source {
            name: String::read(r),
            url: String::read(r),
            license: String::read(r),
            retrieved: String::read(r),
        }
    }
}

impl Wire for Word {
    fn write(&self, out: &mut Out) {
        out.text(&self.text);
        self.langs.write(out);
    }
    fn read(r: &mut In<'_>) -> Self {
        Word {
            text: String::read(r),
            langs: LangSet::read(r),
        }
    }
}

/// A pack's metadata without its rule list (read back empty).
impl Wire for PackInfo {
    fn write(&self, out: &mut Out) {
        out.text(&self.id);
        self.name.write(out);
        self.description.write(out);
        out.text(&self.version);
        self.languages.write(out);
        self.marketplaces.write(out);
        self.default_enabled.write(out);
        self.rule_count.write(out);
        self.sources.write(out);
    }
    fn read(r: &mut In<'_>) -> Self {
        PackInfo {
            id: String::read(r),
            name: Text::read(r),
            description: Text::read(r),
            version: String::read(r),
            languages: Wire::read(r),
            marketplaces: Wire::read(r),
            default_enabled: bool::read(r),
            rule_count: usize::read(r),
            sources: Wire::read(r),
            rules: Vec::new(),
        }
    }
}

impl Wire for Cues {
    fn write(&self, out: &mut Out) {
        self.compatible_before.write(out);
        self.compatible_after.write(out);
        self.compatible_gap.write(out);
        self.near_brand_window.write(out);
        self.list_joiners.write(out);
        self.language_hints.write(out);
    }
    fn read(r: &mut In<'_>) -> Self {
        Cues {
            compatible_before: Wire::read(r),
            compatible_after: Wire::read(r),
            compatible_gap: Wire::read(r),
            near_brand_window: Wire::read(r),
            list_joiners: Wire::read(r),
            language_hints: Wire::read(r),
        }
    }
}

impl Wire for Fix {
    fn write(&self, out: &mut Out) {
        self.with.write(out);
        self.also.write(out);
        self.label.write(out);
    }
    fn read(r: &mut In<'_>) -> Self {
        Fix {
            with: Wire::read(r),
            also: Wire::read(r),
            label: Wire::read(r),
        }
    }
}
