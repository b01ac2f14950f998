//! `listing-guard check`: reads a catalogue (JSON Lines, CSV, TSV or a spreadsheet),
//! lints its products on every core a chunk at a time, and writes findings as text, JSON
//! Lines or CSV, with a text summary and an HTML report on request.
//!
//! Memory stays bounded while streaming delimited text and JSON Lines: one chunk of
//! products is in memory (plus, for `--summary` and `--report`, a bounded view of each
//! SKU). Spreadsheets are read a sheet at a time.

use crate::catalogue::{self, Product};
use crate::columns::{self, Layout};
use crate::input::InputError;
use crate::report::{self, Totals};
use crate::table::{self, Kind, Record};
use crate::{output, utf16_len};
use listing_guard::{Engine, Finding, Lang, LintConfig, Severity};
use rayon::prelude::*;
use std::io::{IsTerminal, Read, Write};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// Products linted together; results are written in input order.
pub const CHUNK: usize = 1024;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Csv,
    None,
}

pub struct Options {
    pub input: String,
    pub kind: Option<Kind>,
    pub columns: Option<Layout>,
    pub config: LintConfig,
    pub format: Format,
    pub summary: bool,
    pub report: Option<String>,
    pub fail_on: Severity,
    pub lang: Lang,
    pub progress: bool,
}

/// What a run found.
pub struct Outcome {
    pub failed: bool,
    pub totals: Totals,
    pub layout: String,
}

/// A counting reader, for the progress bar.
struct Counted<R> {
    inner: R,
    read: Arc<AtomicU64>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

pub type ProductIter = Box<dyn Iterator<Item = Result<Product, InputError>> + Send>;

fn located(source: &str, e: InputError) -> String {
    format!("{source}: {e}")
}

/// Opens the input as products; returns them with the layout's name and the input size.
/// `read` counts the bytes read so far.
pub fn open(o: &Options, read: Arc<AtomicU64>) -> Result<(ProductIter, String, u64), String> {
    let src = &o.input;
    let (reader, size): (Box<dyn Read + Send>, u64) = if src == "-" {
        (Box::new(std::io::stdin()), 0)
    } else {
        let f = std::fs::File::open(src).map_err(|e| format!("{src}: {e}"))?;
        let size = f.metadata().map(|m| m.len()).unwrap_or(0);
        (Box::new(f), size)
    };
    let mut reader = std::io::BufReader::with_capacity(
        1 << 16,
        Counted {
            inner: reader,
            read,
        },
    );
    let kind = match o.kind.or_else(|| Kind::from_path(src)) {
        Some(k) => k,
        None => {
            use std::io::BufRead;
            let head = reader.fill_buf().map_err(|e| format!("{src}: {e}"))?;
            Kind::sniff(head)
        }
    };
    let layouts = columns::builtin();
    let rows: Box<dyn Iterator<Item = Result<Record, InputError>> + Send> = match kind {
        Kind::Jsonl => {
            let lines = table::json_lines(Box::new(reader));
            let products = lines.map(|r| {
                let (line, text) = r?;
                let listing = crate::input::parse_line(line, &text)?;
                Ok(catalogue::from_listing(line, listing))
            });
            return Ok((Box::new(products), "JSON Lines".into(), size));
        }
        Kind::Delimited(d) => table::delimited(Box::new(reader), d).map_err(|e| located(src, e))?,
        Kind::Sheet => {
            if src == "-" {
                return Err(
                    "a spreadsheet cannot be read from standard input; give its path".into(),
                );
            }
            // The sheet whose header fits a layout best (Amazon's "Template" sheet among
            // "Instructions", "Example", "Valid Values"…).
            let sheets = table::sheets(src)?;
            let mut best: Option<(usize, String, Vec<Record>)> = None;
            for (name, rows) in sheets {
                let head: Vec<Vec<String>> = rows
                    .iter()
                    .take(catalogue::HEADER_SEARCH)
                    .map(|r| r.cells.clone())
                    .collect();
                let score = match &o.columns {
                    Some(l) => head
                        .iter()
                        .filter_map(|c| l.map(c))
                        .map(|m| m.roles.len())
                        .max(),
                    None => columns::detect(&layouts, &head).map(|(_, _, m)| m.roles.len()),
                };
                if let Some(s) = score {
                    if best.as_ref().is_none_or(|(b, _, _)| s > *b) {
                        best = Some((s, name, rows));
                    }
                }
            }
            let Some((_, _, rows)) = best else {
                return Err(format!(
                    "{src}: no sheet has a header row with known columns; give --columns FILE"
                ));
            };
            Box::new(rows.into_iter().map(Ok))
        }
    };
    let products =
        catalogue::products(rows, &layouts, o.columns.as_ref()).map_err(|e| located(src, e))?;
    let name = format!(
        "{} ({})",
        products.layout().meta.name,
        products.layout().meta.id
    );
    Ok((Box::new(products), name, size))
}

/// Reads up to `CHUNK` products: them, the error that stopped reading, whether it stopped.
fn read_chunk(products: &mut ProductIter, input: &str) -> (Vec<Product>, Option<String>, bool) {
    let mut chunk = Vec::with_capacity(CHUNK);
    while chunk.len() < CHUNK {
        match products.next() {
            Some(Ok(p)) => chunk.push(p),
            Some(Err(e)) => return (chunk, Some(located(input, e)), true),
            None => return (chunk, None, true),
        }
    }
    (chunk, None, false)
}

/// Lints one product: its own brand allowed when the layout says so, spans of HTML fields
/// mapped back into the markup.
pub fn lint(engine: &Engine, base: &LintConfig, p: &Product) -> Vec<Finding> {
    let owned;
    let cfg = if (p.listing.marketplace.is_some() && base.marketplace.is_none())
        || p.own_brand.is_some()
    {
        let mut c = base.clone();
        if c.marketplace.is_none() {
            c.marketplace = p.listing.marketplace;
        }
        if let Some(b) = &p.own_brand {
            c.allow_brands.push(b.clone());
        }
        owned = c;
        &owned
    } else {
        base
    };
    let mut findings = engine.lint(&p.listing, cfg);
    if !p.html.is_empty() {
        for f in &mut findings {
            let html = p
                .html
                .iter()
                .find(|(field, _, _)| *field == f.field && f.variant.is_none());
            if let Some((_, src, map)) = html {
                let (s, e) = if f.span.is_empty() && f.span.start == 0 && f.span.end == 0 {
                    (0, 0)
                } else {
                    (
                        map.start(f.span.start),
                        map.end(f.span.end).max(map.start(f.span.start)),
                    )
                };
                f.span = listing_guard::Span::new(s, e);
                f.span_utf16 = listing_guard::Span::new(utf16_len(&src[..s]), utf16_len(&src[..e]));
            }
        }
    }
    findings
}

/// Runs `check`: findings to `out`, the closing line and progress to standard error.
pub fn run(engine: &Engine, o: &Options, out: &mut dyn Write) -> Result<Outcome, String> {
    let read = Arc::new(AtomicU64::new(0));
    let (mut products, layout, size) = open(o, read.clone())?;
    let bar = if o.progress && std::io::stderr().is_terminal() && size > 0 {
        let bar = indicatif::ProgressBar::new(size);
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} {bytes}/{total_bytes} {wide_bar} {msg} {eta}",
            )
            .expect("progress template"),
        );
        Some(bar)
    } else {
        None
    };
    let mut totals = Totals {
        keep: o.summary || o.report.is_some(),
        ..Totals::default()
    };
    let mut failed = false;
    let csv_writer = || csv::WriterBuilder::new().from_writer(Vec::new());
    let mut header = Vec::new();
    if o.format == Format::Csv {
        let mut w = csv_writer();
        w.write_record(output::CSV_HEADER)
            .map_err(|e| e.to_string())?;
        header = w.into_inner().map_err(|e| e.to_string())?;
    }
    let mut first_chunk = true;
    let mut broken_pipe = false;
    let lint_all = |chunk: &[Product]| -> Vec<Vec<Finding>> {
        chunk
            .par_iter()
            .map(|p| lint(engine, &o.config, p))
            .collect()
    };
    let (mut chunk, mut error, mut done) = read_chunk(&mut products, &o.input);
    loop {
        // The next chunk is read while this one is linted.
        let (next, results) = if done {
            ((Vec::new(), None, true), lint_all(&chunk))
        } else {
            rayon::join(|| read_chunk(&mut products, &o.input), || lint_all(&chunk))
        };
        let mut buf = if first_chunk {
            std::mem::take(&mut header)
        } else {
            Vec::new()
        };
        first_chunk = false;
        let mut csv_out = (o.format == Format::Csv).then(csv_writer);
        for (p, findings) in chunk.iter().zip(&results) {
            totals.add(p, findings);
            for f in findings {
                failed |= f.severity >= o.fail_on;
                match o.format {
                    Format::Json => {
                        buf.extend_from_slice(output::json_line(p, f).as_bytes());
                        buf.push(b'\n');
                    }
                    Format::Text if !o.summary => {
                        buf.extend_from_slice(output::text_block(&o.input, p, f).as_bytes())
                    }
                    Format::Csv => {
                        let w = csv_out.as_mut().expect("csv writer");
                        w.write_record(output::csv_row(p, f))
                            .map_err(|e| e.to_string())?;
                    }
                    _ => {}
                }
            }
        }
        if let Some(w) = csv_out {
            buf.extend(w.into_inner().map_err(|e| e.to_string())?);
        }
        if !broken_pipe {
            if let Err(e) = out.write_all(&buf) {
                if e.kind() == std::io::ErrorKind::BrokenPipe {
                    // A reader that stopped early (`| head`) is not an error of ours.
                    broken_pipe = true;
                } else {
                    return Err(format!("stdout: {e}"));
                }
            }
        }
        if let Some(bar) = &bar {
            bar.set_position(read.load(Ordering::Relaxed));
            bar.set_message(format!(
                "{} {}",
                totals.products,
                report::label("skus", o.lang)
            ));
        }
        if let Some(e) = error {
            if let Some(bar) = &bar {
                bar.finish_and_clear();
            }
            return Err(e);
        }
        if done {
            break;
        }
        (chunk, error, done) = next;
    }
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    if o.format == Format::Text && o.summary && !broken_pipe {
        let _ = out.write_all(totals.text_summary(o.lang).as_bytes());
    }
    match out.flush() {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => return Err(format!("stdout: {e}")),
        _ => {}
    }
    if let Some(path) = &o.report {
        let html = report::html(&totals, o.lang, &o.input, &layout);
        std::fs::write(path, html).map_err(|e| format!("{path}: {e}"))?;
    }
    Ok(Outcome {
        failed,
        totals,
        layout,
    })
}
