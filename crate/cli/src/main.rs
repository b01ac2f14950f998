//! `listing-guard`: check listings in bulk against the rule packs, list and validate packs.
//! Exit status: 0 when nothing reaches `--fail-on`, 1 when something does, 2 on bad usage
//! or unreadable input.

mod eval;
mod packs;

use listing_guard::{Engine, Lang, LintConfig, Marketplace, Pack, Severity};
use listing_guard_cli::check::{Format, Options};
use listing_guard_cli::columns::Layout;
use listing_guard_cli::input;
use listing_guard_cli::table::Kind;
use std::process::ExitCode;

const USAGE: &str = "\
usage:
  listing-guard check [OPTIONS] INPUT     check a catalogue (see `listing-guard check --help`)
  listing-guard packs list [--pack FILE]... [--lang en|zh|zh-TW]
  listing-guard packs check FILE...
  listing-guard eval [--corpus CSV] [--risky JSONL] [--set DIR] [--only corpus,risky,set]
                     [--show N] [--pack FILE]... [--builtin]
  listing-guard --help | --version

Exit status: 0 when nothing reaches --fail-on, 1 when something does, 2 for bad usage or
unreadable input.";

const CHECK_USAGE: &str = "\
usage: listing-guard check [OPTIONS] INPUT

INPUT is a marketplace export or template (Amazon flat file, Shopify product CSV, eBay File
Exchange, Etsy, Shopee, Lazada, AliExpress, TikTok Shop, Walmart) as CSV, tab-separated
text or xlsx/xlsm/ods, or Listing Guard's own columns (id, title, bullets, description,
keywords, brand, category, price, cost, currency, marketplace, market), or JSON Lines (one
listing object per line). `-` reads standard input (not spreadsheets).

Input:
  --columns auto|FILE   which column means what: detected from the header row (auto,
                        the default) or a mapping file (TOML, or JSON by its .json name)
  --csv | --tsv | --jsonl   the file's format, when its extension does not say
Checking:
  --pack FILE           a rule pack (repeatable); without it the built-in packs
  --builtin             the built-in packs as well as the --pack files
  --marketplace M       check as on marketplace M (else the layout's, else all rules)
  --allow-brand B       a brand the seller owns or may sell (repeatable)
  --resell-brand B[=NOTE]  a brand the seller resells genuine (reseller mode, repeatable):
                        its name is not flagged and resale wording (\"100% authentic\") is
                        not escalated; counterfeit wording still is. NOTE: where the proof is
                        kept
  --market CC           destination market when a row names none (us, de, tw, eu)
  --language L          the sellers' writing language (en zh id ms th vi tl es pt de fr it
                        ja ko); else each field's language is detected
  --lang en|zh|zh-TW          language of messages and labels
Output:
  --format text|json|csv   findings as readable text (default), JSON Lines or CSV
  --summary             text: SKUs needing attention and the rules with most findings
                        instead of every finding
  --report FILE.html    also write a self-contained HTML report
  --fail-on block|warn|info   exit 1 when a finding is this serious (default warn)
  --quiet               no progress bar and no closing line on standard error
  --jobs N              lint on N threads (default: every core)
  -h, --help            this help";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => ExitCode::from(code),
        Err(message) => {
            eprintln!("listing-guard: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<u8, String> {
    match args.first().map(String::as_str) {
        Some("check") => check(&args[1..]),
        Some("packs") if args[1..].iter().any(|a| a == "-h" || a == "--help") => {
            println!("usage:\n  listing-guard packs list [--pack FILE]... [--builtin] [--lang en|zh|zh-TW]\n  listing-guard packs check FILE...\n\n`list` prints each pack with its rules, languages, marketplaces and sources;\n`check` validates pack files and runs their examples (exit 1 if one fails).");
            Ok(0)
        }
        Some("packs") => match args.get(1).map(String::as_str) {
            Some("list") => packs::list(&args[2..]),
            Some("check") => packs::check(&args[2..]),
            _ => Err(format!("expected `packs list` or `packs check`\n\n{USAGE}")),
        },
        Some("eval") if args[1..].iter().any(|a| a == "-h" || a == "--help") => {
            println!("usage: listing-guard eval [--corpus CSV] [--risky JSONL] [--pack FILE]... [--builtin] [--lang en|zh|zh-TW]\n\nMeasures the packs: the share of genuine listings (CSV corpus) with block and warn\nfindings, and the share of risky listings (JSON Lines) caught. Prints figures; exit 0,\nor 2 for bad usage or unreadable input.");
            Ok(0)
        }
        Some("eval") => eval::run(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(0)
        }
        Some("-V" | "--version") => {
            println!("listing-guard {}", env!("CARGO_PKG_VERSION"));
            Ok(0)
        }
        Some(other) => Err(format!("unknown command `{other}`\n\n{USAGE}")),
        None => Err(USAGE.to_string()),
    }
}

/// Options shared by the commands that build an engine.
#[derive(Default)]
pub struct Common {
    pub packs: Vec<String>,
    pub builtin: bool,
    pub lang: Option<Lang>,
}

impl Common {
    /// Takes the option at `args[*i]` if it is one of ours.
    pub fn take(&mut self, args: &[String], i: &mut usize) -> Result<bool, String> {
        match args[*i].as_str() {
            "--pack" => self.packs.push(value(args, i)?),
            "--builtin" => self.builtin = true,
            "--lang" => {
                let v = value(args, i)?;
                self.lang = Some(
                    Lang::parse(&v)
                        .ok_or_else(|| format!("--lang: `{v}` is not en, zh or zh-TW"))?,
                );
            }
            _ => return Ok(false),
        }
        Ok(true)
    }

    pub fn engine(&self) -> Result<Engine, String> {
        let mut packs = Vec::new();
        if self.packs.is_empty() || self.builtin {
            packs = listing_guard::builtin_packs().map_err(|e| e.to_string())?;
        }
        for path in &self.packs {
            packs.push(load_pack(path)?);
        }
        Engine::new(packs).map_err(|e| e.to_string())
    }
}

pub fn load_pack(path: &str) -> Result<Pack, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    Pack::parse(&text).map_err(|e| format!("{path}: {e}"))
}

pub fn value(args: &[String], i: &mut usize) -> Result<String, String> {
    *i += 1;
    args.get(*i)
        .cloned()
        .ok_or_else(|| format!("{} needs a value", args[*i - 1]))
}

fn check(args: &[String]) -> Result<u8, String> {
    let mut common = Common::default();
    let mut config = LintConfig::default();
    let mut format = Format::Text;
    let mut kind = None;
    let mut columns = None;
    let mut summary = false;
    let mut report = None;
    let mut quiet = false;
    let mut jobs = None;
    let mut fail_on = Severity::Warn;
    let mut input = None;
    let mut i = 0;
    while i < args.len() {
        if common.take(args, &mut i)? {
            i += 1;
            continue;
        }
        match args[i].as_str() {
            "-h" | "--help" => {
                println!("{CHECK_USAGE}");
                return Ok(0);
            }
            "--marketplace" => {
                let v = value(args, &mut i)?;
                config.marketplace = Some(Marketplace::parse(&v).ok_or_else(|| {
                    format!(
                        "--marketplace: unknown `{v}` (known: {})",
                        input::marketplaces()
                    )
                })?);
            }
            "--allow-brand" => config.allow_brands.push(value(args, &mut i)?),
            "--resell-brand" => {
                let v = value(args, &mut i)?;
                let (brand, note) = v.split_once('=').unwrap_or((&v, ""));
                config.resell_brands.push(listing_guard::ResellBrand {
                    brand: brand.trim().to_string(),
                    note: note.trim().to_string(),
                });
            }
            "--market" => {
                let v = value(args, &mut i)?;
                config.market = Some(listing_guard::market_code(&v).ok_or_else(|| {
                    format!("--market: `{v}` is not a two-letter country code (us, de, tw) or eu")
                })?);
            }
            "--language" => {
                let v = value(args, &mut i)?;
                config.language = Some(listing_guard::Language::parse(&v).ok_or_else(|| {
                    format!("--language: unknown `{v}` (en zh id ms th vi tl es pt de fr it ja ko)")
                })?);
            }
            "--format" => {
                format = match value(args, &mut i)?.as_str() {
                    "json" => Format::Json,
                    "text" => Format::Text,
                    "csv" => Format::Csv,
                    v => return Err(format!("--format: `{v}` is not text, json or csv")),
                }
            }
            "--fail-on" => {
                let v = value(args, &mut i)?;
                fail_on = Severity::parse(&v)
                    .ok_or_else(|| format!("--fail-on: `{v}` is not block, warn or info"))?;
            }
            "--columns" => {
                let v = value(args, &mut i)?;
                columns = if v == "auto" {
                    None
                } else {
                    Some(Layout::load(&v)?)
                };
            }
            "--csv" => kind = Some(Kind::Delimited(b',')),
            "--tsv" => kind = Some(Kind::Delimited(b'\t')),
            "--jsonl" => kind = Some(Kind::Jsonl),
            "--summary" => summary = true,
            "--report" => report = Some(value(args, &mut i)?),
            "--quiet" | "-q" => quiet = true,
            "--jobs" | "-j" => {
                let v = value(args, &mut i)?;
                jobs = Some(
                    v.parse::<usize>()
                        .ok()
                        .filter(|&n| n > 0)
                        .ok_or_else(|| format!("--jobs: `{v}` is not a positive number"))?,
                );
            }
            s if s.starts_with('-') && s != "-" => {
                return Err(format!("unknown option `{s}`\n\n{CHECK_USAGE}"))
            }
            s => {
                if input.replace(s.to_string()).is_some() {
                    return Err("give one INPUT".into());
                }
            }
        }
        i += 1;
    }
    let input = input.ok_or_else(|| format!("check needs an INPUT\n\n{CHECK_USAGE}"))?;
    let lang = common.lang.unwrap_or_default();
    config.lang = lang;
    let engine = common.engine()?;
    let options = Options {
        input,
        kind,
        columns,
        config,
        format,
        summary,
        report,
        fail_on,
        lang,
        progress: !quiet,
    };
    let mut out = std::io::BufWriter::new(std::io::stdout());
    let mut run = || listing_guard_cli::check::run(&engine, &options, &mut out);
    let outcome = match jobs {
        Some(n) => rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()
            .map_err(|e| e.to_string())?
            .install(run)?,
        None => run()?,
    };
    if format == Format::Text && !quiet {
        eprintln!("{}", outcome.totals.line(lang));
    }
    Ok(u8::from(outcome.failed))
}
