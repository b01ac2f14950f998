//! What the engine reports: which rule fired, where, how serious, and what to tell the seller.

use crate::listing::{FieldRef, Marketplace};
use serde::{Deserialize, Serialize};
use std::fmt;

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; no action needed (cost above price, a brand named for compatibility).
    Info,
    /// Needs approval, authorisation or a second look.
    Warn,
    /// Prohibited, or a near-certain violation.
    Block,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warn => "warn",
            Severity::Block => "block",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        match s.trim().to_ascii_lowercase().as_str() {
            "info" => Some(Severity::Info),
            "warn" | "warning" => Some(Severity::Warn),
            "block" | "error" => Some(Severity::Block),
            _ => None,
        }
    }

    /// One level lower; `None` below `info`.
    pub fn lower(self) -> Option<Severity> {
        match self {
            Severity::Block => Some(Severity::Warn),
            Severity::Warn => Some(Severity::Info),
            Severity::Info => None,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A half-open range `[start, end)` of offsets into a field's text.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
    pub fn is_empty(&self) -> bool {
        self.start >= self.end
    }
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// The policy a rule encodes: a name to show and the page it comes from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Policy {
    pub name: String,
    #[serde(default)]
    pub url: String,
}

/// A one-click edit a finding offers: replace `span` of the field's original text with
/// `replacement` (empty: delete). Computed by the engine from the rule's `fixes`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FixEdit {
    /// What the button says, in the language asked for ("Remove “replica”").
    pub label: String,
    pub replacement: String,
    /// Byte offsets into the field's text; may be wider than the finding's span (the
    /// separator a removal takes with it).
    pub span: Span,
    /// The same range in UTF-16 code units.
    pub span_utf16: Span,
}

/// How a finding involves its `brand`, so a front end offers a declaration ("X is my
/// brand", "I sell genuine X") only where the declaration changes the finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BrandUse {
    /// A `brand` rule: the brand is named, or sold as the listing's own brand without a
    /// declared authorisation. Declaring the brand (own or resold) stops it.
    Named,
    /// Wording normal for genuine resale (`resale_wording`) raised next to the brand.
    /// Declaring the brand stops the escalation.
    Resale,
    /// Resale wording next to a brand the seller declared they resell: kept at the
    /// rule's own severity; the finding carries the declaration's proof note.
    Resold,
    /// Counterfeit wording next to the brand ("replica", 高仿). No declaration excuses
    /// it: a reseller who writes "replica" is still offering a replica.
    Wording,
    /// A price floor of the brand (or one that could not be checked). Declaring the
    /// brand does not change it.
    Price,
}

/// One warning about one place in a listing.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    /// The rule that fired, addressed `pack.rule`.
    pub rule: String,
    /// The pack the rule belongs to.
    pub pack: String,
    pub severity: Severity,
    /// The field the finding is about.
    pub field: FieldRef,
    /// For a price or cost finding about a row of the variation table, that row's index
    /// in [`crate::Listing::variants`]; `None` (not serialised) otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub variant: Option<usize>,
    /// Byte offsets into the field's text (UTF-8). Empty for a field-level finding
    /// such as a price below its floor, which covers the whole field instead.
    pub span: Span,
    /// The same range in UTF-16 code units, as JavaScript strings count.
    pub span_utf16: Span,
    /// The text of the field inside `span`.
    pub text: String,
    /// What the seller should know, in the language asked for.
    pub message: String,
    /// Where the rule comes from.
    pub policy: Policy,
    /// The brand the finding is about, if any (display name).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub brand: Option<String>,
    /// How the finding involves `brand` (set whenever `brand` is).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub brand_use: Option<BrandUse>,
    /// For [`BrandUse::Resold`]: the note the seller gave for the resold brand (where the
    /// invoice or letter of authorisation is kept); empty when they gave none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub proof_note: Option<String>,
    /// For a rule of one marketplace (its title length, its forbidden characters), the
    /// marketplace the finding is for; `None` (not serialised) for rules that hold
    /// everywhere.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marketplace: Option<Marketplace>,
    /// Edits the seller may apply, best first; empty when the rule offers none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fixes: Vec<FixEdit>,
    /// What to write instead, one line, when the rule says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instead: Option<String>,
}
