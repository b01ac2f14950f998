//! Errors a person can act on: a pack that cannot be used says which pack, which rule,
//! which key and where.

use std::fmt;

/// Why a rule pack was refused. It names the pack, the rule, the key and the position
/// (line and column in the pack file) as far as they are known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackError {
    inner: Box<Inner>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Inner {
    kind: PackErrorKind,
    pack: Option<String>,
    rule: Option<String>,
    key: Option<String>,
    line: Option<usize>,
    column: Option<usize>,
    message: String,
}

/// What went wrong, broadly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum PackErrorKind {
    /// The file is not valid TOML or does not have the pack shape.
    Syntax,
    /// A value is out of range or inconsistent (unknown severity, empty terms...).
    Invalid,
    /// A regular expression does not compile or is too large.
    Pattern,
    /// The pack exceeds a size limit.
    Limit,
    /// Two packs share an id, or a rule refers to something no pack defines.
    Conflict,
}

impl PackError {
    pub(crate) fn new(kind: PackErrorKind, message: impl Into<String>) -> PackError {
        PackError {
            inner: Box::new(Inner {
                kind,
                pack: None,
                rule: None,
                key: None,
                line: None,
                column: None,
                message: message.into(),
            }),
        }
    }

    pub(crate) fn pack(mut self, pack: &str) -> PackError {
        if self.inner.pack.is_none() && !pack.is_empty() {
            self.inner.pack = Some(pack.to_string());
        }
        self
    }

    pub(crate) fn rule(mut self, rule: &str) -> PackError {
        if self.inner.rule.is_none() && !rule.is_empty() {
            self.inner.rule = Some(rule.to_string());
        }
        self
    }

    pub(crate) fn key(mut self, key: impl Into<String>) -> PackError {
        if self.inner.key.is_none() {
            self.inner.key = Some(key.into());
        }
        self
    }

    /// Puts `prefix` before the key (`brands[3]` + `aliases[1]`), or sets it.
    pub(crate) fn key_prefix(mut self, prefix: impl std::fmt::Display) -> PackError {
        self.inner.key = Some(match self.inner.key.take() {
            Some(k) => format!("{prefix}.{k}"),
            None => prefix.to_string(),
        });
        self
    }

    /// Sets the position from a byte offset into `source`, if not set already.
    pub(crate) fn at(mut self, source: &str, offset: usize) -> PackError {
        if self.inner.line.is_none() {
            let (line, column) = line_column(source, offset);
            self.inner.line = Some(line);
            self.inner.column = Some(column);
        }
        self
    }

    /// The broad kind of error.
    pub fn kind(&self) -> PackErrorKind {
        self.inner.kind
    }
    /// The pack's id, when the file got far enough to name it.
    pub fn pack_id(&self) -> Option<&str> {
        self.inner.pack.as_deref()
    }
    /// The rule's id within its pack.
    pub fn rule_id(&self) -> Option<&str> {
        self.inner.rule.as_deref()
    }
    /// The key within the rule (`patterns[2]`, `severity`).
    pub fn key_name(&self) -> Option<&str> {
        self.inner.key.as_deref()
    }
    /// 1-based line and column in the pack file.
    pub fn position(&self) -> Option<(usize, usize)> {
        Some((self.inner.line?, self.inner.column.unwrap_or(1)))
    }
    /// The plain explanation, without the location.
    pub fn message(&self) -> &str {
        &self.inner.message
    }
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        if let Some(p) = &self.inner.pack {
            parts.push(format!("pack `{p}`"));
        }
        if let Some(r) = &self.inner.rule {
            parts.push(format!("rule `{r}`"));
        }
        if let Some(k) = &self.inner.key {
            parts.push(format!("key `{k}`"));
        }
        if let (Some(l), Some(c)) = (self.inner.line, self.inner.column) {
            parts.push(format!("line {l}, column {c}"));
        }
        if parts.is_empty() {
            write!(f, "{}", self.inner.message)
        } else {
            write!(f, "{}: {}", parts.join(", "), self.inner.message)
        }
    }
}

impl std::error::Error for PackError {}

/// 1-based line and column (in characters) of a byte offset.
pub(crate) fn line_column(source: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(source.len());
    let mut cut = offset;
    while !source.is_char_boundary(cut) {
        cut -= 1;
    }
    let before = &source[..cut];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}
