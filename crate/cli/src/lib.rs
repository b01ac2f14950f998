//! The library behind `listing-guard`: reading marketplace exports (column layouts, CSV,
//! TSV, spreadsheets, JSON Lines), reading HTML descriptions as text, linting catalogues on
//! every core, and writing findings, summaries and reports. The binaries (`listing-guard`,
//! the benchmarks) are thin over it.

pub mod catalogue;
pub mod check;
pub mod columns;
pub mod html;
pub mod input;
pub mod output;
pub mod report;
pub mod table;

/// UTF-16 code units in `s`, as JavaScript strings count.
pub fn utf16_len(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}
