//! Listing Guard's fuzzer on stable Rust (cargo-fuzz needs a nightly toolchain; this one
//! needs nothing but cargo). For each target it generates random and mutated inputs from
//! a seed corpus for a bounded time, catches panics and broken invariants, saves each
//! failing input under target/fuzz-crashes/, and prints executions, time and crashes.
//! Inputs slower than --slow-ms are saved too (a quadratic path shows up as a slow input).
//!
//! Usage: listing-guard-fuzz [--seconds N] [--seed S] [--target pack|lint|price|spans]...
//!        listing-guard-fuzz --replay TARGET FILE
//! Exit status 1 when any crash was found.

mod corpus;
mod mutate;
mod rng;
mod targets;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

struct Args {
    seconds: f64,
    seed: u64,
    targets: Vec<String>,
    slow_ms: u128,
    replay: Option<(String, PathBuf)>,
}

fn parse_args() -> Result<Args, String> {
    let mut a = Args {
        seconds: 60.0,
        seed: 0,
        targets: Vec::new(),
        slow_ms: 2000,
        replay: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--seconds" => {
                a.seconds = value("--seconds")?
                    .parse()
                    .map_err(|e| format!("--seconds: {e}"))?
            }
            "--seed" => {
                a.seed = value("--seed")?
                    .parse()
                    .map_err(|e| format!("--seed: {e}"))?
            }
            "--slow-ms" => {
                a.slow_ms = value("--slow-ms")?
                    .parse()
                    .map_err(|e| format!("--slow-ms: {e}"))?
            }
            "--target" => {
                let t = value("--target")?;
                if !targets::NAMES.contains(&t.as_str()) {
                    return Err(format!(
                        "unknown target {t}; targets: {}",
                        targets::NAMES.join(", ")
                    ));
                }
                a.targets.push(t);
            }
            "--replay" => {
                let t = value("--replay")?;
                let f = value("--replay")?;
                a.replay = Some((t, PathBuf::from(f)));
            }
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument {other}")),
        }
    }
    if a.targets.is_empty() {
        a.targets = targets::NAMES.iter().map(|s| s.to_string()).collect();
    }
    if a.seed == 0 {
        a.seed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(1);
    }
    Ok(a)
}

fn crash_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/fuzz-crashes")
}

fn save(target: &str, kind: &str, input: &str, why: &str) -> PathBuf {
    let dir = crash_dir();
    let _ = std::fs::create_dir_all(&dir);
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in input.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
    }
    let file = dir.join(format!("{target}-{kind}-{h:016x}.txt"));
    let _ = std::fs::write(&file, input);
    let _ = std::fs::write(file.with_extension("why"), why);
    file
}

/// Runs one input, turning a panic into an error message.
fn attempt(target: &str, st: &targets::State, input: &str) -> Result<bool, String> {
    match catch_unwind(AssertUnwindSafe(|| targets::run(target, st, input))) {
        Ok(r) => r,
        Err(p) => Err(format!(
            "panic: {}",
            p.downcast_ref::<String>()
                .cloned()
                .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default()
        )),
    }
}

fn replay(st: &targets::State, target: &str, file: &Path) -> i32 {
    let input = match std::fs::read_to_string(file) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{}: {e}", file.display());
            return 2;
        }
    };
    let t = Instant::now();
    match attempt(target, st, &input) {
        Ok(_) => {
            println!(
                "{target}: {} passes ({:.0} ms)",
                file.display(),
                t.elapsed().as_secs_f64() * 1e3
            );
            0
        }
        Err(e) => {
            println!("{target}: {} fails: {e}", file.display());
            1
        }
    }
}

fn main() {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("listing-guard-fuzz: {e}");
            }
            eprintln!("usage: listing-guard-fuzz [--seconds N] [--seed S] [--slow-ms MS] [--target pack|lint|price|spans]...\n       listing-guard-fuzz --replay TARGET FILE");
            std::process::exit(2);
        }
    };
    // Panics are expected and reported per input, not printed with a backtrace each.
    std::panic::set_hook(Box::new(|_| {}));
    let st = targets::State::new();
    if let Some((t, f)) = &args.replay {
        std::process::exit(replay(&st, t, f));
    }
    println!(
        "fuzz: seed {} · {:.0} s per target · corpus: {} packs, {} listings, {} prices, {} words",
        args.seed,
        args.seconds,
        st.corpus.packs.len(),
        st.corpus.listings.len(),
        st.corpus.prices.len(),
        st.corpus.words.len()
    );
    let mut total_crashes = 0;
    for (i, target) in args.targets.iter().enumerate() {
        let mut rng = rng::Rng::new(args.seed.wrapping_add(i as u64 * 7919));
        let budget = Duration::from_secs_f64(args.seconds);
        let start = Instant::now();
        let (mut execs, mut crashes, mut slow, mut accepted) = (0u64, 0u64, 0u64, 0u64);
        let mut slowest = (0u128, String::new());
        while start.elapsed() < budget {
            let input = targets::generate(target, &st, &mut rng);
            let t = Instant::now();
            let result = attempt(target, &st, &input);
            let ms = t.elapsed().as_millis();
            execs += 1;
            if let Ok(true) = result {
                accepted += 1;
            }
            if let Err(why) = result {
                crashes += 1;
                let file = save(target, "crash", &input, &why);
                if crashes <= 5 {
                    println!(
                        "  {target}: CRASH {why} (input saved to {})",
                        file.display()
                    );
                }
            } else if ms > args.slow_ms {
                slow += 1;
                let file = save(target, "slow", &input, &format!("{ms} ms"));
                if slow <= 3 {
                    println!(
                        "  {target}: slow input {ms} ms (saved to {})",
                        file.display()
                    );
                }
            }
            if ms > slowest.0 {
                slowest = (ms, input.chars().take(60).collect());
            }
        }
        let secs = start.elapsed().as_secs_f64();
        println!(
            "{target}: {execs} executions in {secs:.1} s ({:.0}/s), {:.0}% accepted, {crashes} crashes, {slow} slow (> {} ms), slowest {} ms",
            execs as f64 / secs,
            100.0 * accepted as f64 / execs.max(1) as f64,
            args.slow_ms,
            slowest.0
        );
        total_crashes += crashes;
    }
    std::process::exit(if total_crashes > 0 { 1 } else { 0 });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panics_and_broken_invariants_are_caught() {
        std::panic::set_hook(Box::new(|_| {}));
        let st = targets::State::new();
        let e = attempt("selftest-panic", &st, "abc").unwrap_err();
        assert!(e.contains("panic: selftest: 3"), "{e}");
        assert!(attempt("lint", &st, "not json")
            .unwrap_err()
            .contains("bad input"));
        let _ = std::panic::take_hook();
    }

    #[test]
    fn every_target_runs_its_seeds() {
        let st = targets::State::new();
        let mut rng = rng::Rng::new(7);
        for t in targets::NAMES {
            for _ in 0..20 {
                let input = targets::generate(t, &st, &mut rng);
                assert!(attempt(t, &st, &input).is_ok(), "{t}: {input:.200}");
            }
        }
    }
}
