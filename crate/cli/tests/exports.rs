//! `check` on marketplace exports as sellers have them (sample files in tests/data/, written
//! for this project in each marketplace's documented column layout): SKUs kept, the brand
//! column honoured as the seller's brand, HTML descriptions read as text with spans in the
//! markup, variant rows grouped, reports whose totals agree with the JSON output.

use listing_guard_cli::{catalogue, columns, table};
use serde_json::Value;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn data(name: &str) -> String {
    let p: PathBuf = [env!("CARGO_MANIFEST_DIR"), "tests", "data", name]
        .iter()
        .collect();
    p.to_string_lossy().into_owned()
}

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_listing-guard"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let _ = child.stdin.take().unwrap().write_all(stdin);
    child.wait_with_output().expect("wait")
}

fn findings(file: &str) -> Vec<Value> {
    let out = run(
        &["check", "--format", "json", "--fail-on", "info", file],
        b"",
    );
    assert!(
        out.status.code().unwrap() < 2,
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn of<'a>(all: &'a [Value], sku: &str) -> Vec<&'a Value> {
    all.iter().filter(|f| f["listing"] == sku).collect()
}

fn closing_line(file: &str) -> String {
    let out = run(&["check", file], b"");
    String::from_utf8(out.stderr).unwrap()
}

/// The markup a finding's span covers, checked against its UTF-16 span too.
fn source_span(field_text: &str, f: &Value) -> String {
    let (s, e) = (
        f["start"].as_u64().unwrap() as usize,
        f["end"].as_u64().unwrap() as usize,
    );
    let u16: Vec<u16> = field_text.encode_utf16().collect();
    let (s16, e16) = (
        f["start_utf16"].as_u64().unwrap() as usize,
        f["end_utf16"].as_u64().unwrap() as usize,
    );
    assert_eq!(
        String::from_utf16(&u16[s16..e16]).unwrap(),
        field_text[s..e],
        "utf-16 span of {f}"
    );
    field_text[s..e].to_string()
}

fn products(file: &str) -> Vec<catalogue::Product> {
    let kind = table::Kind::from_path(file).unwrap();
    let table::Kind::Delimited(d) = kind else {
        panic!("{file}")
    };
    let rows = table::delimited(Box::new(std::fs::File::open(file).unwrap()), d).unwrap();
    catalogue::products(rows, &columns::builtin(), None)
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

const AMAZON_DESC: &str = "Mirror quality &amp; AAA grade.<br>Ships from Shenzhen.";

#[test]
fn amazon_flat_file_tsv() {
    let file = data("amazon_flat_file.txt");
    let all = findings(&file);
    // The genuine Nike parent with its two children: one SKU, no brand warnings.
    assert!(of(&all, "NK-PEG40").is_empty(), "{all:?}");
    assert!(of(&all, "NK-PEG40-BLK-10").is_empty());
    assert!(of(&all, "AC-BOTTLE-1").is_empty());
    let risky = of(&all, "GW-001");
    assert!(risky.iter().any(|f| f["rule"] == "counterfeit.replica"));
    let aaa = risky
        .iter()
        .find(|f| f["text"] == "AAA grade")
        .expect("AAA grade");
    assert_eq!(aaa["field"], "description");
    assert_eq!(source_span(AMAZON_DESC, aaa), "AAA grade");
    assert!(
        closing_line(&file)
            .starts_with("3 SKUs (5 rows): 1 will be removed, 0 needs a look, 2 clean"),
        "{}",
        closing_line(&file)
    );
    // Parent and children are one product with the children's prices as variants.
    let p = products(&file);
    assert_eq!(p.len(), 3);
    assert_eq!(p[0].sku.as_deref(), Some("NK-PEG40"));
    assert_eq!(p[0].rows, 3);
    let prices: Vec<_> = p[0]
        .variants
        .iter()
        .map(|v| (v.sku.as_str(), v.label.as_str(), v.price.as_str()))
        .collect();
    assert_eq!(
        prices,
        [
            ("NK-PEG40-BLK-10", "10 / Black", "129.99"),
            ("NK-PEG40-WHT-11", "11 / White", "134.99")
        ]
    );
    assert_eq!(
        (p[0].listing.price.as_str(), p[0].listing.variants.len()),
        ("", 2)
    );
    assert_eq!(p[1].listing.price, "25.00");
    assert_eq!(p[0].listing.bullets.len(), 5);
    assert_eq!(p[0].own_brand.as_deref(), Some("Nike"));
    // The description's HTML is read as text.
    assert_eq!(
        p[0].listing.description,
        "Responsive Nike React foam.\nBreathable mesh upper."
    );
}

#[test]
fn amazon_flat_file_xlsx_reads_like_the_tsv() {
    let tsv = data("amazon_flat_file.txt");
    let dir = std::env::temp_dir().join(format!("lg-xlsx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let xlsx = dir.join("flat-file.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    // Amazon's workbooks have sheets before the template; the template sheet is found.
    book.add_worksheet()
        .set_name("Instructions")
        .unwrap()
        .write_string(0, 0, "How to fill in this template")
        .unwrap();
    let sheet = book.add_worksheet().set_name("Template").unwrap();
    for (r, line) in std::fs::read_to_string(&tsv).unwrap().lines().enumerate() {
        for (c, cell) in line.split('\t').enumerate() {
            if cell.is_empty() {
                continue;
            }
            match cell.parse::<f64>() {
                Ok(n) if r > 2 && c == 4 => sheet.write_number(r as u32, c as u16, n).unwrap(),
                _ => sheet.write_string(r as u32, c as u16, cell).unwrap(),
            };
        }
    }
    book.save(&xlsx).unwrap();
    let mut from_xlsx = findings(xlsx.to_str().unwrap());
    let mut from_tsv = findings(&tsv);
    // The price cell is a number in the sheet: 25.00 reads as "25".
    for f in from_xlsx.iter_mut().chain(from_tsv.iter_mut()) {
        if f["field"] == "price" {
            f.as_object_mut()
                .unwrap()
                .retain(|k, _| k == "rule" || k == "listing");
        }
    }
    assert_eq!(from_xlsx, from_tsv);
    assert!(!from_xlsx.is_empty());
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn shopify_export() {
    let file = data("shopify_products.csv");
    let all = findings(&file);
    // Vendor is the seller's brand: a genuine Adidas product gets no brand warning.
    assert!(of(&all, "AD-SAMBA-42").is_empty(), "{all:?}");
    assert!(of(&all, "ACME-TR-8").is_empty());
    let belt = of(&all, "BH-BELT-1");
    let body = std::fs::read_to_string(&file).unwrap();
    let body = body
        .lines()
        .find(|l| l.starts_with("designer-belt"))
        .unwrap()
        .split('"')
        .nth(1)
        .unwrap()
        .to_string();
    let replica = belt
        .iter()
        .find(|f| f["rule"] == "counterfeit.replica")
        .unwrap();
    assert_eq!(replica["text"], "replica");
    // "repl" and "ica" are in two elements: the span covers both in the markup.
    assert_eq!(source_span(&body, replica), "repl</em><em>ica");
    let gucci = belt
        .iter()
        .find(|f| f["text"] == "Gucci" && f["field"] == "description")
        .unwrap();
    assert_eq!(source_span(&body, gucci), "Gucci");
    // Variants are rows with the same Handle.
    let p = products(&file);
    assert_eq!(p.len(), 3);
    assert_eq!(p[0].variants.len(), 3);
    assert_eq!(p[0].variants[2].price, "94.00");
    assert_eq!(p[0].listing.keywords, "running, trail");
    assert!(closing_line(&file).starts_with("3 SKUs (5 rows)"));
}

#[test]
fn ebay_file_exchange() {
    let file = data("ebay_file_exchange.csv");
    let all = findings(&file);
    let tee = of(&all, "EB-TEE");
    let dupe = tee
        .iter()
        .find(|f| f["rule"] == "counterfeit.dupe")
        .unwrap();
    assert_eq!(
        source_span("<p>Soft cotton tee. Dupe of the Nike classic.</p>", dupe),
        "Dupe"
    );
    // Genuine LEGO: no brand finding about LEGO itself.
    assert!(of(&all, "EB-LEGO-42115")
        .iter()
        .all(|f| f["brand"] != "LEGO"));
    let p = products(&file);
    assert_eq!(p.len(), 2);
    let labels: Vec<_> = p[1].variants.iter().map(|v| v.label.as_str()).collect();
    assert_eq!(labels, ["Size=S", "Size=M", "Size=L"]);
    assert_eq!(p[1].variants[2].price, "13.50");
    assert_eq!(p[1].listing.variants.len(), 3);
    assert_eq!(p[1].listing.price, "");
}

#[test]
fn etsy_listings() {
    let file = data("etsy_listings.csv");
    let all = findings(&file);
    assert!(of(&all, "ET-MUG-1").is_empty());
    assert!(of(&all, "ET-EAR-2")
        .iter()
        .any(|f| f["rule"] == "counterfeit.dupe"));
    let p = products(&file);
    assert_eq!(p[0].listing.currency.as_deref(), Some("USD"));
    assert_eq!(
        p[0].listing.other,
        [
            ("MATERIALS".to_string(), "stoneware".to_string()),
            ("VARIATION 1 VALUES".to_string(), "Blue, White".to_string())
        ]
    );
}

#[test]
fn shopee_and_lazada_mass_upload() {
    let shopee = data("shopee_mass_upload.csv");
    let all = findings(&shopee);
    assert!(of(&all, "XM-BUDS5-BLK").is_empty(), "{all:?}");
    assert!(of(&all, "AP-COPY-1").iter().any(|f| f["text"] == "高仿"));
    let p = products(&shopee);
    // The "Mandatory" row under the header is not a product.
    assert_eq!(p.len(), 2);
    assert_eq!(p[0].variants.len(), 2);
    assert_eq!(p[0].variants[1].price, "409");
    // Traditional Chinese headers of the TW seller centre.
    let tw = data("shopee_tw.csv");
    assert!(findings(&tw).is_empty());
    let p = products(&tw);
    assert_eq!(
        (p.len(), p[0].listing.title.as_str(), p[0].variants.len()),
        (1, "小米 Redmi Buds 5 無線耳機", 2)
    );
    let lazada = data("lazada_products.csv");
    let all = findings(&lazada);
    assert!(of(&all, "SS-BUDS2-GRY").is_empty(), "{all:?}");
    let cures = of(&all, "KD-TAB-1");
    assert_eq!(cures.len(), 1);
    assert_eq!(cures[0]["field"], "bullets");
    assert_eq!(
        source_span("<ul><li>Cures boredom</li></ul>", cures[0]),
        "Cures"
    );
    assert_eq!(products(&lazada)[0].listing.bullets, ["Hi-Fi sound\nANC\n"]);
}

#[test]
fn aliexpress_upload_with_chinese_headers() {
    let file = data("aliexpress_upload.csv");
    let all = findings(&file);
    assert!(of(&all, "AK-65W-BLK").is_empty(), "{all:?}");
    let copy = of(&all, "WT-COPY-1");
    let one = copy.iter().find(|f| f["text"] == "1:1").unwrap();
    assert_eq!(source_span("<p>原单 <b>1:1</b> 复刻</p>", one), "1:1");
    let p = products(&file);
    assert_eq!((p.len(), p[0].listing.variants.len()), (2, 2));
    assert_eq!(p[0].listing.variants[1].price, "35.99");
}

#[test]
fn html_report_totals_equal_the_json_output() {
    let file = data("shopify_demo.csv");
    let all = findings(&file);
    let dir = std::env::temp_dir().join(format!("lg-report-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for lang in ["en", "zh"] {
        let report = dir.join(format!("report-{lang}.html"));
        let out = run(
            &[
                "check",
                "--quiet",
                "--lang",
                lang,
                "--format",
                "json",
                "--report",
                report.to_str().unwrap(),
                &file,
            ],
            b"",
        );
        assert_eq!(out.status.code(), Some(1));
        let html = std::fs::read_to_string(&report).unwrap();
        let attr = |marker: &str| -> BTreeMap<String, usize> {
            html.split(marker)
                .skip(1)
                .map(|rest| {
                    let name = rest.split('"').next().unwrap().to_string();
                    let count = rest
                        .split("data-count=\"")
                        .nth(1)
                        .unwrap()
                        .split('"')
                        .next()
                        .unwrap();
                    (name, count.parse().unwrap())
                })
                .collect()
        };
        let mut by_rule = BTreeMap::new();
        let mut by_field = BTreeMap::new();
        for f in &all {
            *by_rule
                .entry(f["rule"].as_str().unwrap().to_string())
                .or_insert(0) += 1;
            *by_field
                .entry(f["field"].as_str().unwrap().to_string())
                .or_insert(0) += 1;
        }
        assert_eq!(attr("data-rule-total=\""), by_rule);
        assert_eq!(attr("data-field-total=\""), by_field);
        assert!(html.contains(&format!("data-findings=\"{}\"", all.len())));
        let skus: std::collections::BTreeSet<_> =
            all.iter().map(|f| f["listing"].as_str().unwrap()).collect();
        assert_eq!(html.matches("<section class=\"sku\"").count(), skus.len());
        assert!(html.contains("data-products=\"9\""));
        // Self-contained, escaped: no external resource, the catalogue's markup shown as text.
        assert!(
            !html.contains("src=\"http") && !html.contains("<link") && !html.contains("@import")
        );
        assert!(
            html.contains("&lt;em&gt;<mark class=\"block\">replica</mark>&lt;/em&gt;"),
            "escaped excerpt"
        );
        assert!(!html.contains("<em>replica"));
        if lang == "zh" {
            assert!(html.contains("会被下架") && html.contains("仿制品"));
        }
    }
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn csv_format_has_one_row_per_finding() {
    let file = data("shopify_demo.csv");
    let n = findings(&file).len();
    let out = run(&["check", "--format", "csv", &file], b"");
    let mut r = csv::Reader::from_reader(out.stdout.as_slice());
    assert_eq!(
        r.headers().unwrap().iter().collect::<Vec<_>>(),
        [
            "sku",
            "field",
            "variant",
            "rule",
            "severity",
            "text",
            "message",
            "fix",
            "marketplace"
        ]
    );
    let rows: Vec<_> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), n);
    assert!(rows
        .iter()
        .any(|r| &r[0] == "BH-BELT-1" && &r[3] == "counterfeit.replica"));
}

#[test]
fn summary_counts_skus_not_findings() {
    let file = data("shopify_demo.csv");
    let out = run(&["check", "--summary", &file], b"");
    let text = String::from_utf8(out.stdout).unwrap();
    let all = findings(&file);
    // The SKU statuses follow from the JSON findings: worst severity per SKU.
    let mut worst: BTreeMap<String, &str> = BTreeMap::new();
    for f in &all {
        let w = worst.entry(f["listing"].to_string()).or_insert("info");
        let s = f["severity"].as_str().unwrap();
        if s == "block" || (s == "warn" && *w == "info") {
            *w = s;
        }
    }
    let removed = worst.values().filter(|s| **s == "block").count();
    let look = worst.values().filter(|s| **s == "warn").count();
    assert!(
        text.starts_with(&format!("SKUs needing attention ({}):", removed + look)),
        "{text}"
    );
    assert!(text.contains("BH-BELT-1") && text.contains("Rules with the most findings:"));
    assert!(
        !text.contains("policy:"),
        "no finding blocks with --summary"
    );
    let err = String::from_utf8(out.stderr).unwrap();
    let line = format!(
        "9 SKUs (13 rows): {removed} will be removed, {look} needs a look, {} clean; {} findings",
        9 - removed - look,
        all.len()
    );
    assert!(err.starts_with(&line), "{err} != {line}");
    let zh = run(&["check", "--summary", "--lang", "zh", &file], b"");
    assert!(String::from_utf8(zh.stdout)
        .unwrap()
        .starts_with(&format!("需要处理的 SKU ({}):", removed + look)));
}

#[test]
fn a_mapping_file_names_the_columns() {
    let dir = std::env::temp_dir().join(format!("lg-map-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let map = dir.join("mine.toml");
    std::fs::write(
        &map,
        "[layout]\nid = \"mine\"\nname = \"My ERP export\"\nmarketplace = \"ebay\"\nown_brand = true\nhtml = [\"description\"]\n\n[columns]\nsku = [\"Artikelnummer\"]\ntitle = [\"Bezeichnung\"]\nbrand = [\"Marke\"]\ndescription = [\"Beschreibung\"]\nprice = [\"Preis\"]\n",
    )
    .unwrap();
    let csv = dir.join("erp.csv");
    std::fs::write(
        &csv,
        "Artikelnummer,Bezeichnung,Marke,Beschreibung,Preis\nA-1,Nike Air Max 90,Nike,<p>Nike <b>Air</b> Max</p>,\"129,00 €\"\nA-2,Replica Rolex,NoName,<p>1:1 copy</p>,\"20,00 €\"\n",
    )
    .unwrap();
    let out = run(
        &[
            "check",
            "--format",
            "json",
            "--columns",
            map.to_str().unwrap(),
            csv.to_str().unwrap(),
        ],
        b"",
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        !text.contains("\"A-1\"") && text.contains("\"A-2\""),
        "{text}"
    );
    // Without the mapping these columns are unknown: a clear error, exit 2.
    let out = run(&["check", csv.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("--columns FILE"));
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn malformed_files_are_refused_with_line_and_column() {
    let out = run(
        &["check", "--csv", "-"],
        b"title,price\nok,1\n\"Replica, new,2\nnext,3\n",
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("line 3: column 1: a quote opens here and never closes"),
        "{err}"
    );
    let out = run(
        &["check", "--csv", "-"],
        b"title,brand\nok,Acme\nbad,\xff\n",
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("line 3: column 2: bytes that are not UTF-8"),
        "{err}"
    );
    let out = run(
        &["check", "-"],
        b"{\"title\":\"ok\"}\n{\"title\":\"\xc3(\"}\n",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("line 2: bytes that are not UTF-8"));
    let out = run(&["check", "--csv", "-"], b"title,price\na,1,extra\n");
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("line 2: 3 cells, but the header (line 1) has 2 columns"));
}

#[test]
fn help_and_version() {
    for args in [
        &["--help"][..],
        &["-h"],
        &["check", "--help"],
        &["check", "-h"],
        &["packs", "--help"],
        &["packs", "check", "--help"],
        &["eval", "--help"],
        &["--version"],
    ] {
        let out = run(args, b"");
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(!out.stdout.is_empty());
    }
    let out = run(&["check", "--help"], b"");
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .contains("--report FILE.html"));
}

#[test]
fn terminal_escapes_are_not_printed_and_huge_lines_are_excerpted() {
    let listing = "{\"id\":\"E\\u001b[2J\",\"title\":\"\\u001b]0;pwned\\u0007Replica watch\\r\"}\n";
    let out = run(&["check", "-"], listing.as_bytes());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{7}') && !text.contains('\r'),
        "{text:?}"
    );
    assert!(
        text.contains("\\u{1b}]0;pwned\\u{7}Replica watch\\u{d}"),
        "{text}"
    );
    // A 1 MB one-line description with 2,000 findings prints a bounded excerpt per finding.
    let mut desc = String::new();
    while desc.len() < 1_000_000 {
        if desc.len() % 500 == 0 && desc.matches("replica").count() < 2000 {
            desc.push_str("replica ");
        }
        desc.push_str("plain words ");
    }
    let line = format!("{{\"id\":\"big\",\"description\":\"{desc}\"}}\n");
    let out = run(&["check", "--quiet", "-"], line.as_bytes());
    let n = String::from_utf8_lossy(&out.stdout)
        .matches("counterfeit.replica")
        .count();
    assert!(n > 0);
    assert!(
        out.stdout.len() < n * 1_000,
        "{} bytes for {n} findings",
        out.stdout.len()
    );
}

#[test]
fn variant_prices_are_checked_row_by_row() {
    let dir = std::env::temp_dir().join(format!("lg-var-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("variants.csv");
    std::fs::write(
        &file,
        "Handle,Title,Vendor,Option1 Value,Variant SKU,Variant Price,Cost per item\nrlx,Rolex Submariner watch,Rolex,Black,RLX-1,9500,\nrlx,,,Blue,RLX-2,95,\nrlx,,,Green,RLX-3,9800,9900\n",
    )
    .unwrap();
    let all = findings(file.to_str().unwrap());
    let floor = all
        .iter()
        .find(|f| f["rule"] == "price.below-floor")
        .expect("floor");
    assert_eq!(
        (
            floor["listing"].as_str(),
            floor["variant"].as_u64(),
            floor["text"].as_str()
        ),
        (Some("RLX-1"), Some(1), Some("95"))
    );
    let out = run(&["check", "--format", "csv", file.to_str().unwrap()], b"");
    let mut r = csv::Reader::from_reader(out.stdout.as_slice());
    let row = r
        .records()
        .map(Result::unwrap)
        .find(|r| &r[3] == "price.below-floor")
        .unwrap();
    assert_eq!((&row[0], &row[1], &row[2]), ("RLX-1", "price", "RLX-2"));
    std::fs::remove_dir_all(dir).ok();
}

/// The report's filters in a real browser: headless Chromium loads the file with a filter
/// in its address and the DOM after load is read back. Skipped where Chromium is missing.
#[test]
fn report_filters_in_chromium() {
    let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .into_iter()
        .find(|p| std::path::Path::new(p).exists());
    let Some(chromium) = chromium else {
        eprintln!("chromium not installed: skipped");
        return;
    };
    let file = data("shopify_demo.csv");
    let all = findings(&file);
    let dir = std::env::temp_dir().join(format!("lg-filter-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let report = dir.join("report.html");
    run(
        &[
            "check",
            "--quiet",
            "--format",
            "json",
            "--report",
            report.to_str().unwrap(),
            &file,
        ],
        b"",
    );
    let dom = |hash: &str| -> String {
        let out = Command::new(chromium)
            .args(["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom"])
            .arg(format!("file://{}#{hash}", report.display()))
            .output()
            .expect("chromium");
        String::from_utf8(out.stdout).unwrap()
    };
    let visible = |dom: &str, class: &str| dom.matches(&format!("class=\"{class}\"")).count();
    let block = all.iter().filter(|f| f["severity"] == "block").count();
    let d = dom("severity=block");
    assert_eq!(visible(&d, "finding block"), block, "block findings stay");
    assert_eq!(
        visible(&d, "finding warn") + visible(&d, "finding info"),
        0,
        "others hidden"
    );
    let d = dom("rule=claims.medical");
    let skus: std::collections::BTreeSet<_> = all
        .iter()
        .filter(|f| f["rule"] == "claims.medical")
        .map(|f| f["listing"].to_string())
        .collect();
    assert_eq!(visible(&d, "sku-row"), skus.len());
    assert_eq!(d.matches("<section class=\"sku\"").count(), skus.len());
    std::fs::remove_dir_all(dir).ok();
}
