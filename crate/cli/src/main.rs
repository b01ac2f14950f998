//! `listing-guard`: check listings in bulk against the rule packs, list and validate packs.
//! Exit status: 0 when nothing reaches `--fail-on`, 1 when something does, 2 on bad usage
//! or unreadable input.

mod eval;
mod input;
mod output;
mod packs;

use listing_guard::{Engine, Lang, LintConfig, Marketplace, Pack, Severity};
use std::io::Write;
use std::process::ExitCode;

const USAGE: &str = "\
usage:
  listing-guard check [--pack FILE]... [--builtin] [--marketplace M] [--allow-brand B]...
                      [--resell-brand B[=NOTE]]... [--market CC] [--language L]
                      [--lang en|zh] [--format text|json] [--fail-on block|warn|info]
                      [--csv] INPUT
  listing-guard packs list [--pack FILE]... [--lang en|zh]
  listing-guard packs check FILE...
  listing-guard eval [--corpus CSV] [--risky JSONL] [--set DIR] [--only corpus,risky,set]
                     [--show N] [--pack FILE]... [--builtin]

INPUT is JSON Lines (one listing object per line) or CSV with a header (chosen by the
.csv extension or --csv); `-` reads standard input. Keys: id, title, bullets, description,
keywords, brand, category, price, cost, currency, marketplace, market; other keys are
checked as extra text fields. --market is the destination market (a row's own `market`
wins); --language the sellers' writing language (else each field is detected);
--resell-brand a brand the seller resells genuine (reseller mode: its name is not flagged,
resale wording such as \"100% authentic\" is not escalated, counterfeit wording still is),
with an optional note of where the proof is kept after `=`. Without --pack the built-in packs are used; with --pack only
the given packs, plus the built-in ones if --builtin is given.";

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
        Some("packs") => match args.get(1).map(String::as_str) {
            Some("list") => packs::list(&args[2..]),
            Some("check") => packs::check(&args[2..]),
            _ => Err(format!("expected `packs list` or `packs check`\n\n{USAGE}")),
        },
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
                self.lang =
                    Some(Lang::parse(&v).ok_or_else(|| format!("--lang: `{v}` is not en or zh"))?);
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
    let mut json = false;
    let mut csv = false;
    let mut fail_on = Severity::Warn;
    let mut input = None;
    let mut i = 0;
    while i < args.len() {
        if common.take(args, &mut i)? {
            i += 1;
            continue;
        }
        match args[i].as_str() {
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
            "--format" => match value(args, &mut i)?.as_str() {
                "json" => json = true,
                "text" => json = false,
                v => return Err(format!("--format: `{v}` is not text or json")),
            },
            "--fail-on" => {
                let v = value(args, &mut i)?;
                fail_on = Severity::parse(&v)
                    .ok_or_else(|| format!("--fail-on: `{v}` is not block, warn or info"))?;
            }
            "--csv" => csv = true,
            s if s.starts_with("--") => return Err(format!("unknown option `{s}`\n\n{USAGE}")),
            s => {
                if input.replace(s.to_string()).is_some() {
                    return Err("give one INPUT".into());
                }
            }
        }
        i += 1;
    }
    let input = input.ok_or_else(|| format!("check needs an INPUT\n\n{USAGE}"))?;
    if let Some(lang) = common.lang {
        config.lang = lang;
    }
    let text = if input == "-" {
        std::io::read_to_string(std::io::stdin()).map_err(|e| format!("stdin: {e}"))?
    } else {
        std::fs::read_to_string(&input).map_err(|e| format!("{input}: {e}"))?
    };
    let csv = csv || input.to_ascii_lowercase().ends_with(".csv");
    let rows = input::read(&text, csv).map_err(|e| format!("{input}: {e}"))?;
    let engine = common.engine()?;
    let mut failed = false;
    let mut counts = [0usize; 3];
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for row in &rows {
        let mut cfg = config.clone();
        if row.listing.marketplace.is_some() {
            cfg.marketplace = row.listing.marketplace;
        }
        let name = output::listing_name(&row.listing, row.line);
        for f in engine.lint(&row.listing, &cfg) {
            failed |= f.severity >= fail_on;
            counts[f.severity as usize] += 1;
            let written = if json {
                writeln!(out, "{}", output::json_line(&name, &f))
            } else {
                write!(
                    out,
                    "{}",
                    output::text_block(&input, &name, &row.listing, &f)
                )
            };
            if let Err(e) = written {
                // A reader that stopped early (`| head`) is not an error of ours.
                return if e.kind() == std::io::ErrorKind::BrokenPipe {
                    Ok(u8::from(failed))
                } else {
                    Err(format!("stdout: {e}"))
                };
            }
        }
    }
    match out.flush() {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => return Err(format!("stdout: {e}")),
        _ => {}
    }
    if !json {
        eprintln!(
            "{} listings: {} block, {} warn, {} info",
            rows.len(),
            counts[Severity::Block as usize],
            counts[Severity::Warn as usize],
            counts[Severity::Info as usize]
        );
    }
    Ok(u8::from(failed))
}
