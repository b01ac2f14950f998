//! Reading rows of cells from the files sellers have: CSV and tab-separated text (streamed,
//! a bounded buffer at a time), xlsx/xlsm/ods sheets (`calamine`; a sheet is read whole, as
//! spreadsheet files are zip archives), and JSON Lines (one listing object per line).
//!
//! Errors name the line (and the column where there is one): a quote that never closes,
//! bytes that are not UTF-8, a row with more cells than the header.

use crate::input::InputError;
use std::io::{BufRead, BufReader, Read};

/// What kind of file the input is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Jsonl,
    Delimited(u8),
    Sheet,
}

impl Kind {
    /// By extension; `None` when the extension says nothing (then the content is sniffed).
    pub fn from_path(path: &str) -> Option<Kind> {
        let p = path.to_ascii_lowercase();
        let ext = p.rsplit_once('.').map(|(_, e)| e)?;
        Some(match ext {
            "jsonl" | "ndjson" | "json" => Kind::Jsonl,
            "csv" => Kind::Delimited(b','),
            "tsv" | "txt" | "tab" => Kind::Delimited(b'\t'),
            "xlsx" | "xlsm" | "xlsb" | "xls" | "ods" => Kind::Sheet,
            _ => return None,
        })
    }

    /// From the first bytes: `{` starts JSON Lines; else tabs or commas, whichever the
    /// first line has more of.
    pub fn sniff(head: &[u8]) -> Kind {
        let first = head
            .iter()
            .position(|&c| c == b'\n')
            .map_or(head, |n| &head[..n]);
        match head.iter().find(|c| !c.is_ascii_whitespace()) {
            Some(b'{') => Kind::Jsonl,
            _ => {
                let tabs = first.iter().filter(|&&c| c == b'\t').count();
                let commas = first.iter().filter(|&&c| c == b',').count();
                Kind::Delimited(if tabs > commas { b'\t' } else { b',' })
            }
        }
    }
}

/// One row: its 1-based line in the file (row number in a sheet) and its cells.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    pub line: usize,
    pub cells: Vec<String>,
}

pub type Rows = Box<dyn Iterator<Item = Result<Record, InputError>> + Send>;

fn err(line: usize, message: impl Into<String>) -> InputError {
    InputError {
        line,
        message: message.into(),
    }
}

/// Opens a delimited text stream. A UTF-16 file (Excel's "Unicode Text", which Amazon's
/// flat files are often saved as) is decoded first, whole.
pub fn delimited(mut reader: Box<dyn Read + Send>, delimiter: u8) -> Result<Rows, InputError> {
    let mut head = [0u8; 2];
    let mut got = 0;
    while got < 2 {
        match reader.read(&mut head[got..]) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) => return Err(err(1, e.to_string())),
        }
    }
    let prefix = head[..got].to_vec();
    let reader: Box<dyn Read + Send> = if prefix == [0xFF, 0xFE] || prefix == [0xFE, 0xFF] {
        let mut bytes = Vec::new();
        reader
            .read_to_end(&mut bytes)
            .map_err(|e| err(1, e.to_string()))?;
        let units: Vec<u16> = bytes
            .chunks_exact(2)
            .map(|c| {
                if prefix[0] == 0xFF {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            })
            .collect();
        let text = String::from_utf16(&units)
            .map_err(|_| err(1, "the file says UTF-16 but is not valid UTF-16"))?;
        Box::new(std::io::Cursor::new(text.into_bytes()))
    } else {
        Box::new(std::io::Cursor::new(prefix).chain(reader))
    };
    let watch = QuoteWatch::new(reader, delimiter);
    let csv = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .buffer_capacity(1 << 16)
        .from_reader(watch);
    Ok(Box::new(DelimitedRows {
        csv,
        record: csv::ByteRecord::new(),
        done: false,
        first: true,
    }))
}

struct DelimitedRows {
    csv: csv::Reader<QuoteWatch<Box<dyn Read + Send>>>,
    record: csv::ByteRecord,
    done: bool,
    first: bool,
}

impl Iterator for DelimitedRows {
    type Item = Result<Record, InputError>;
    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        match self.csv.read_byte_record(&mut self.record) {
            Ok(true) => {
                let line = self.record.position().map_or(0, |p| p.line() as usize);
                let mut cells = Vec::with_capacity(self.record.len());
                for (c, field) in self.record.iter().enumerate() {
                    let field = if self.first && c == 0 {
                        field.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(field)
                    } else {
                        field
                    };
                    match std::str::from_utf8(field) {
                        Ok(s) => cells.push(s.to_string()),
                        Err(e) => {
                            self.done = true;
                            let before = &field[..e.valid_up_to()];
                            let line = line + before.iter().filter(|&&b| b == b'\n').count();
                            return Some(Err(err(
                                line,
                                format!(
                                    "column {}: bytes that are not UTF-8 (byte {} of the cell); save the file as UTF-8",
                                    c + 1,
                                    e.valid_up_to() + 1
                                ),
                            )));
                        }
                    }
                }
                self.first = false;
                Some(Ok(Record { line, cells }))
            }
            Ok(false) => {
                self.done = true;
                let w = self.csv.get_ref();
                if w.state == Q::Quoted {
                    let (line, col) = w.open_at;
                    return Some(Err(err(
                        line,
                        format!(
                            "column {col}: a quote opens here and never closes (unterminated quoted field)"
                        ),
                    )));
                }
                None
            }
            Err(e) => {
                self.done = true;
                let line = e.position().map_or(0, |p| p.line() as usize);
                Some(Err(err(line, format!("unreadable row: {e}"))))
            }
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Q {
    FieldStart,
    Unquoted,
    Quoted,
    QuoteInQuoted,
}

/// Follows the bytes the CSV reader reads, to tell at the end whether a quoted field was
/// left open (the `csv` crate ends such a field at the end of the file without a word).
struct QuoteWatch<R> {
    inner: R,
    delimiter: u8,
    state: Q,
    line: usize,
    col: usize,
    open_at: (usize, usize),
}

impl<R> QuoteWatch<R> {
    fn new(inner: R, delimiter: u8) -> Self {
        QuoteWatch {
            inner,
            delimiter,
            state: Q::FieldStart,
            line: 1,
            col: 1,
            open_at: (0, 0),
        }
    }
}

impl<R: Read> Read for QuoteWatch<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        for &b in &buf[..n] {
            let d = self.delimiter;
            self.state = match (self.state, b) {
                (Q::Quoted, b'"') => Q::QuoteInQuoted,
                (Q::Quoted, _) => Q::Quoted,
                (Q::FieldStart, b'"') => {
                    self.open_at = (self.line, self.col);
                    Q::Quoted
                }
                (Q::QuoteInQuoted, b'"') => Q::Quoted,
                (_, b) if b == d => {
                    self.col += 1;
                    Q::FieldStart
                }
                (_, b'\n') => {
                    self.col = 1;
                    Q::FieldStart
                }
                _ => Q::Unquoted,
            };
            if b == b'\n' {
                self.line += 1;
            }
        }
        Ok(n)
    }
}

/// Reads every sheet of a spreadsheet: `(sheet name, rows)`, rows as text.
pub fn sheets(path: &str) -> Result<Vec<(String, Vec<Record>)>, String> {
    use calamine::{open_workbook_auto, Data, Reader};
    let mut book = open_workbook_auto(path).map_err(|e| format!("{path}: {e}"))?;
    let names = book.sheet_names().to_vec();
    let mut out = Vec::new();
    for name in names {
        let range = book
            .worksheet_range(&name)
            .map_err(|e| format!("{path}: sheet `{name}`: {e}"))?;
        let (top, _) = range.start().unwrap_or((0, 0));
        let rows = range
            .rows()
            .enumerate()
            .map(|(r, cells)| Record {
                line: top as usize + r + 1,
                cells: cells
                    .iter()
                    .map(|c| match c {
                        Data::Empty => String::new(),
                        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => {
                            format!("{}", *f as i64)
                        }
                        other => other.to_string(),
                    })
                    .collect(),
            })
            .collect();
        out.push((name, rows));
    }
    Ok(out)
}

/// JSON Lines: one object per line; the line is kept for errors. Non-UTF-8 bytes are an
/// error naming their line.
pub fn json_lines(
    reader: Box<dyn Read + Send>,
) -> impl Iterator<Item = Result<(usize, String), InputError>> + Send {
    let mut lines = BufReader::with_capacity(1 << 16, reader).split(b'\n');
    let mut n = 0;
    let mut done = false;
    std::iter::from_fn(move || loop {
        if done {
            return None;
        }
        n += 1;
        let bytes = match lines.next()? {
            Ok(b) => b,
            Err(e) => {
                done = true;
                return Some(Err(err(n, e.to_string())));
            }
        };
        let bytes = if n == 1 {
            bytes
                .strip_prefix(b"\xEF\xBB\xBF")
                .map(<[u8]>::to_vec)
                .unwrap_or(bytes)
        } else {
            bytes
        };
        match String::from_utf8(bytes) {
            Ok(s) if s.trim().is_empty() => continue,
            Ok(s) => return Some(Ok((n, s))),
            Err(e) => {
                done = true;
                return Some(Err(err(
                    n,
                    format!(
                        "bytes that are not UTF-8 (byte {} of the line); save the file as UTF-8",
                        e.utf8_error().valid_up_to() + 1
                    ),
                )));
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &[u8], d: u8) -> Vec<Result<Record, InputError>> {
        delimited(Box::new(std::io::Cursor::new(text.to_vec())), d)
            .unwrap()
            .collect()
    }

    #[test]
    fn an_unterminated_quote_is_an_error_with_line_and_column() {
        let r = rows(b"title,price\nok,1\n\"Replica, new,2\nnext,3\n", b',');
        let e = r.last().unwrap().as_ref().unwrap_err();
        assert_eq!(e.line, 3, "{e}");
        assert!(
            e.message.contains("column 1") && e.message.contains("never closes"),
            "{e}"
        );
        // Closed quotes, doubled quotes and a bare inch mark are fine.
        let r = rows(b"title,price\n\"a \"\"b\"\", c\",1\n12\" ruler,2\n", b',');
        assert!(r.iter().all(Result::is_ok));
        assert_eq!(r[1].as_ref().unwrap().cells[0], "a \"b\", c");
    }

    #[test]
    fn invalid_utf8_names_line_and_column() {
        let r = rows(b"title\tbrand\nok\tAcme\nbad\t\xff\xfe\n", b'\t');
        let e = r.last().unwrap().as_ref().unwrap_err();
        assert_eq!(e.line, 3);
        assert!(
            e.message.contains("column 2") && e.message.contains("UTF-8"),
            "{e}"
        );
        let j: Vec<_> = json_lines(Box::new(std::io::Cursor::new(
            b"{}\n\n{\"t\":\"\xc3\"}\n".to_vec(),
        )))
        .collect();
        assert_eq!(j.last().unwrap().as_ref().unwrap_err().line, 3);
    }

    #[test]
    fn utf16_text_files_and_byte_order_marks() {
        let text = "item_sku\titem_name\nA1\tBottle 水壶\n";
        let mut bytes = vec![0xFF, 0xFE];
        for u in text.encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        let r = rows(&bytes, b'\t');
        assert_eq!(r[1].as_ref().unwrap().cells, ["A1", "Bottle 水壶"]);
        let r = rows(b"\xEF\xBB\xBFid,title\n", b',');
        assert_eq!(r[0].as_ref().unwrap().cells[0], "id");
    }

    #[test]
    fn kinds_by_extension_and_content() {
        assert_eq!(
            Kind::from_path("Flat.File.txt"),
            Some(Kind::Delimited(b'\t'))
        );
        assert_eq!(Kind::from_path("x.XLSX"), Some(Kind::Sheet));
        assert_eq!(Kind::from_path("-"), None);
        assert_eq!(Kind::sniff(b" {\"a\":1}"), Kind::Jsonl);
        assert_eq!(Kind::sniff(b"a\tb,c\td\n"), Kind::Delimited(b'\t'));
    }
}
