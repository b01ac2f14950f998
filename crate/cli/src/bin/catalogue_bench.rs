//! `listing-guard-catalogue-bench`: prints how fast `check` reads and lints a large
//! marketplace export, on one core and on every core. A benchmark, not a test: it asserts
//! nothing and is run by `./build.sh bench`.
//!
//! usage: listing-guard-catalogue-bench [ROWS]   (default 200000)
//!
//! The catalogue is generated: an Amazon flat file (tab-separated, the three template header
//! rows) where products have a parent row and two or three children, titles, five bullets,
//! an HTML description, keywords and prices; one product in eight carries risky wording.
//! Figures: rows and products per second, MB/s, and the process's peak resident memory.

use listing_guard::{Engine, Lang, LintConfig, Severity};
use listing_guard_cli::check::{self, Format, Options};
use std::io::Write;
use std::time::Instant;

const WORDS: &[&str] = &[
    "stainless",
    "steel",
    "bottle",
    "insulated",
    "outdoor",
    "travel",
    "lightweight",
    "durable",
    "kitchen",
    "cotton",
    "organic",
    "premium",
    "compact",
    "portable",
    "wireless",
    "ceramic",
];
const RISKY: &[&str] = &[
    "replica Rolex",
    "1:1 quality",
    "Gucci inspired",
    "cures anxiety",
    "高仿 手表",
    "dupe of Nike",
];

fn words(seed: &mut u64, n: usize) -> String {
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        *seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        out.push(WORDS[(*seed >> 33) as usize % WORDS.len()]);
    }
    out.join(" ")
}

fn generate(path: &std::path::Path, rows: usize) -> usize {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).expect("create"));
    writeln!(
        f,
        "TemplateType=fptcustom\tVersion=2023.0316\tTemplateSignature=QkVOQ0g="
    )
    .unwrap();
    writeln!(f, "Product Type\tSeller SKU\tBrand Name\tProduct Name\tStandard Price\tParentage\tParent SKU\tSize\tProduct Description\tKey Product Features\tKey Product Features\tKey Product Features\tKey Product Features\tKey Product Features\tSearch Terms").unwrap();
    writeln!(f, "feed_product_type\titem_sku\tbrand_name\titem_name\tstandard_price\tparent_child\tparent_sku\tsize_name\tproduct_description\tbullet_point1\tbullet_point2\tbullet_point3\tbullet_point4\tbullet_point5\tgeneric_keywords").unwrap();
    let mut seed = 7u64;
    let (mut written, mut product) = (0, 0);
    while written < rows {
        product += 1;
        let risky = if product % 8 == 0 {
            RISKY[product / 8 % RISKY.len()]
        } else {
            ""
        };
        let title = format!("Acme {} {risky}", words(&mut seed, 8));
        let bullets: Vec<String> = (0..5).map(|_| words(&mut seed, 12)).collect();
        let desc = format!(
            "<p>{} <b>{}</b> &amp; {}.</p><ul><li>{}</li></ul>",
            words(&mut seed, 30),
            words(&mut seed, 3),
            words(&mut seed, 20),
            words(&mut seed, 10)
        );
        let keywords = words(&mut seed, 10);
        let parent = format!("P{product}");
        writeln!(
            f,
            "home\t{parent}\tAcme\t{title}\t\tparent\t\t\t{desc}\t{}\t{keywords}",
            bullets.join("\t")
        )
        .unwrap();
        written += 1;
        for c in 0..(2 + product % 2) {
            writeln!(f, "home\t{parent}-{c}\tAcme\t{title}\t{}.99\tchild\t{parent}\t{c}\t{desc}\t{}\t{keywords}", 10 + c * 5, bullets.join("\t")).unwrap();
            written += 1;
        }
    }
    f.flush().unwrap();
    product
}

fn options(path: &std::path::Path) -> Options {
    Options {
        input: path.to_string_lossy().into_owned(),
        kind: None,
        columns: None,
        config: LintConfig::default(),
        format: Format::None,
        summary: false,
        report: None,
        fail_on: Severity::Block,
        lang: Lang::En,
        progress: false,
    }
}

fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() {
    let rows: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(200_000);
    let dir = std::env::temp_dir().join(format!("lg-catalogue-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("flat-file.txt");
    let t = Instant::now();
    let products = generate(&path, rows);
    let bytes = std::fs::metadata(&path).unwrap().len();
    println!(
        "catalogue: {rows} rows ({products} products, parent + 2–3 children each), {:.1} MB, generated in {:.1} s",
        bytes as f64 / 1e6,
        t.elapsed().as_secs_f64()
    );
    let engine = Engine::builtin().expect("built-in packs");
    let no_packs = Engine::new(Vec::new()).expect("an engine without packs");
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut threads = vec![1];
    if cores > 1 {
        threads.push(cores);
    }
    {
        let options = options(&path);
        let t = Instant::now();
        let (products, _, _) = check::open(&options, Default::default()).expect("opens");
        let mut n = 0;
        for p in products {
            p.expect("reads");
            n += 1;
        }
        let s = t.elapsed().as_secs_f64();
        println!(
            "reading and grouping only: {:.0} rows/s, {:.0} products/s, {:.1} MB/s ({s:.2} s; {n} products)",
            rows as f64 / s,
            n as f64 / s,
            bytes as f64 / 1e6 / s
        );
    }
    let runs: Vec<(usize, &Engine, &str)> =
        std::iter::once((1, &no_packs, "lint without packs (every field normalised)"))
            .chain(threads.iter().map(|&n| (n, &engine, "check")))
            .collect();
    for (n, engine, what) in runs {
        let options = options(&path);
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()
            .unwrap();
        let t = Instant::now();
        let outcome = pool
            .install(|| check::run(engine, &options, &mut std::io::sink()))
            .expect("check runs");
        let s = t.elapsed().as_secs_f64();
        let found: usize = outcome.totals.severity.iter().sum();
        println!(
            "{what}, {n} thread{}: {:.0} rows/s, {:.0} products/s, {:.1} MB/s ({:.2} s; {} products, {found} findings)",
            if n == 1 { "" } else { "s" },
            rows as f64 / s,
            outcome.totals.products as f64 / s,
            bytes as f64 / 1e6 / s,
            s,
            outcome.totals.products,
        );
    }
    if let Some(mb) = peak_rss_mb() {
        println!(
            "peak resident memory: {mb:.0} MB (the file is {:.0} MB)",
            bytes as f64 / 1e6
        );
    }
    std::fs::remove_dir_all(dir).ok();
}
