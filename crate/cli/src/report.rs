//! Totals over a run and what is made of them: the text summary (`--summary` and the
//! closing line on standard error) and the HTML report (`--report FILE.html`), one
//! self-contained file: inline CSS and JS, no network, no fonts, every catalogue text
//! HTML-escaped, a Content-Security-Policy that lets the page load nothing.
//!
//! Totals count everything; the report lists at most `MAX_SKUS` SKUs and `MAX_PER_SKU`
//! findings each, and says how many more there were.

use crate::catalogue::Product;
use crate::output::{excerpt, field_label, printable, Excerpt};
use listing_guard::{Finding, Lang, Severity};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::OnceLock;

pub const MAX_SKUS: usize = 20_000;
pub const MAX_PER_SKU: usize = 200;

#[derive(Deserialize)]
struct Label {
    en: String,
    zh: String,
}

/// A label in the chosen language, from `crate/cli/labels.toml`.
pub fn label(key: &str, lang: Lang) -> &'static str {
    static LABELS: OnceLock<BTreeMap<String, Label>> = OnceLock::new();
    let labels = LABELS.get_or_init(|| {
        toml::from_str(include_str!("../labels.toml")).expect("labels.toml parses")
    });
    match labels.get(key) {
        // The CLI's own labels are in Simplified Chinese only; zh-TW gets those.
        Some(l) if matches!(lang, Lang::Zh | Lang::ZhTw) => &l.zh,
        Some(l) => &l.en,
        None => panic!("no label `{key}` in labels.toml"),
    }
}

/// What a SKU's findings mean for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    Clean,
    Look,
    Removed,
}

impl Status {
    pub fn of(worst: Option<Severity>) -> Status {
        match worst {
            Some(Severity::Block) => Status::Removed,
            Some(Severity::Warn) => Status::Look,
            _ => Status::Clean,
        }
    }
    pub fn key(self) -> &'static str {
        match self {
            Status::Clean => "clean",
            Status::Look => "look",
            Status::Removed => "removed",
        }
    }
}

#[derive(Clone, Debug, Default)]
pub struct RuleTotal {
    pub findings: usize,
    pub skus: usize,
    pub worst: Option<Severity>,
}

#[derive(Clone, Debug)]
pub struct FindingView {
    pub rule: String,
    pub severity: Severity,
    pub field: String,
    pub excerpt: Option<Excerpt>,
    pub message: String,
    pub policy: (String, String),
    /// The rule's first fix as one line (empty when it offers none).
    pub fix: String,
    /// For a rule of one marketplace, that marketplace's name ("eBay").
    pub marketplace: Option<&'static str>,
}

#[derive(Clone, Debug)]
pub struct SkuView {
    pub name: String,
    pub title: String,
    pub status: Status,
    pub rows: usize,
    pub variants: usize,
    pub findings: usize,
    pub shown: Vec<FindingView>,
}

/// Totals of one run.
#[derive(Clone, Debug, Default)]
pub struct Totals {
    pub products: usize,
    pub rows: usize,
    /// Clean, needs a look, will be removed.
    pub status: [usize; 3],
    /// By severity: info, warn, block.
    pub severity: [usize; 3],
    pub rules: BTreeMap<String, RuleTotal>,
    pub fields: BTreeMap<String, usize>,
    pub skus: Vec<SkuView>,
    pub skus_left_out: usize,
    /// Whether per-SKU views are kept (the HTML report and `--summary` want them).
    pub keep: bool,
}

impl Totals {
    pub fn add(&mut self, p: &Product, findings: &[Finding]) {
        self.products += 1;
        self.rows += p.rows;
        let worst = findings.iter().map(|f| f.severity).max();
        let status = Status::of(worst);
        self.status[status as usize] += 1;
        let mut seen: Vec<&str> = Vec::new();
        for f in findings {
            self.severity[f.severity as usize] += 1;
            let r = self.rules.entry(f.rule.clone()).or_default();
            r.findings += 1;
            r.worst = r.worst.max(Some(f.severity));
            if !seen.contains(&f.rule.as_str()) {
                seen.push(&f.rule);
                r.skus += 1;
            }
            *self
                .fields
                .entry(f.field.role.as_str().to_string())
                .or_default() += 1;
        }
        if !self.keep {
            return;
        }
        if self.skus.len() >= MAX_SKUS {
            self.skus_left_out += 1;
            return;
        }
        let title: String = printable(&p.listing.title).chars().take(120).collect();
        self.skus.push(SkuView {
            name: printable(&p.name()),
            title,
            status,
            rows: p.rows,
            variants: p.variants.len(),
            findings: findings.len(),
            shown: findings
                .iter()
                .take(MAX_PER_SKU)
                .map(|f| FindingView {
                    rule: f.rule.clone(),
                    severity: f.severity,
                    field: match f.variant {
                        Some(_) => format!(
                            "{} ({})",
                            field_label(f),
                            printable(&p.variant_name(f.variant))
                        ),
                        None => field_label(f),
                    },
                    excerpt: excerpt(p.source_text(f.field, f.variant), f.span.start, f.span.end),
                    message: printable(&f.message),
                    policy: (printable(&f.policy.name), f.policy.url.clone()),
                    fix: crate::output::fix_line(f),
                    marketplace: f.marketplace.map(|m| m.display_name()),
                })
                .collect(),
        });
    }

    /// Rules by findings, most first.
    pub fn worst_rules(&self) -> Vec<(&String, &RuleTotal)> {
        let mut v: Vec<_> = self.rules.iter().collect();
        v.sort_by(|a, b| b.1.findings.cmp(&a.1.findings).then(a.0.cmp(b.0)));
        v
    }

    /// The closing line: SKUs by status, findings by severity.
    pub fn line(&self, lang: Lang) -> String {
        let l = |k| label(k, lang);
        format!(
            "{} {} ({} {}): {} {}, {} {}, {} {}; {} {}: {} {}, {} {}, {} {}",
            self.products,
            l("skus"),
            self.rows,
            l("rows"),
            self.status[Status::Removed as usize],
            l("removed"),
            self.status[Status::Look as usize],
            l("look"),
            self.status[Status::Clean as usize],
            l("clean"),
            self.severity.iter().sum::<usize>(),
            l("findings"),
            self.severity[Severity::Block as usize],
            l("block"),
            self.severity[Severity::Warn as usize],
            l("warn"),
            self.severity[Severity::Info as usize],
            l("info"),
        )
    }

    /// `--summary`: the SKUs needing attention (worst first) and the noisiest rules.
    pub fn text_summary(&self, lang: Lang) -> String {
        let l = |k| label(k, lang);
        let mut out = String::new();
        let mut attention: Vec<&SkuView> = self
            .skus
            .iter()
            .filter(|s| s.status != Status::Clean)
            .collect();
        attention.sort_by(|a, b| b.status.cmp(&a.status).then(b.findings.cmp(&a.findings)));
        let _ = writeln!(out, "{} ({}):", l("attention"), attention.len());
        for s in attention.iter().take(50) {
            let mut rules: Vec<&str> = Vec::new();
            for f in &s.shown {
                if !rules.contains(&f.rule.as_str()) {
                    rules.push(&f.rule);
                }
            }
            rules.truncate(4);
            let _ = writeln!(
                out,
                "  {:<8} {}  {} {}  {}",
                l(s.status.key()),
                s.name,
                s.findings,
                l("findings"),
                rules.join(", ")
            );
        }
        if attention.len() > 50 {
            let _ = writeln!(out, "  … {} {}", attention.len() - 50, l("truncated"));
        }
        let _ = writeln!(out, "{}:", l("worst_rules"));
        for (rule, t) in self.worst_rules().into_iter().take(10) {
            let _ = writeln!(
                out,
                "  {:>6} {}  {:>5} {}  {}",
                t.findings,
                l("findings"),
                t.skus,
                l("sku_count"),
                rule
            );
        }
        if self.rules.is_empty() {
            let _ = writeln!(out, "  {}", l("none"));
        }
        out
    }
}

/// Escapes text for HTML element content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn sev_label(s: Severity, lang: Lang) -> &'static str {
    label(s.as_str(), lang)
}

const CSS: &str = include_str!("report.css");
const JS: &str = include_str!("report.js");

/// The HTML report.
pub fn html(t: &Totals, lang: Lang, source: &str, layout: &str) -> String {
    let l = |k| label(k, lang);
    let mut h = String::with_capacity(64 * 1024);
    let total: usize = t.severity.iter().sum();
    let _ = write!(
        h,
        "<!doctype html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\
         <meta name=\"viewport\" content=\"width=device-width\"><title>{title}</title><style>{CSS}</style></head><body>\n",
        lang = match lang { Lang::Zh => "zh-CN", Lang::ZhTw => "zh-TW", Lang::En => "en" },
        title = esc(l("title")),
    );
    let _ = write!(
        h,
        "<header><h1>{}</h1><p class=\"meta\">{}: <code>{}</code> · {}: {}</p></header>",
        esc(l("title")),
        esc(l("source")),
        esc(source),
        esc(l("layout")),
        esc(layout)
    );
    // Cards.
    let _ = write!(
        h,
        "<section class=\"cards\" id=\"totals\" data-products=\"{}\" data-findings=\"{}\">",
        t.products, total
    );
    let card = |h: &mut String, cls: &str, n: usize, what: &str| {
        let _ = write!(
            h,
            "<div class=\"card {cls}\" data-total=\"{cls}\"><b>{n}</b><span>{}</span></div>",
            esc(what)
        );
    };
    card(&mut h, "checked", t.products, l("checked"));
    card(
        &mut h,
        "removed",
        t.status[Status::Removed as usize],
        l("removed"),
    );
    card(&mut h, "look", t.status[Status::Look as usize], l("look"));
    card(
        &mut h,
        "clean",
        t.status[Status::Clean as usize],
        l("clean"),
    );
    let _ = write!(
        h,
        "<div class=\"card findings\" data-total=\"findings\"><b>{total}</b><span>{} · <i class=\"sev block\">{}</i> {} · <i class=\"sev warn\">{}</i> {} · <i class=\"sev info\">{}</i> {}</span></div></section>",
        esc(l("findings")),
        esc(l("block")),
        t.severity[Severity::Block as usize],
        esc(l("warn")),
        t.severity[Severity::Warn as usize],
        esc(l("info")),
        t.severity[Severity::Info as usize],
    );
    let _ = write!(h, "<p class=\"help\">{}</p>", esc(l("status_help")));
    // Chart and per-rule table.
    let rules = t.worst_rules();
    let _ = write!(
        h,
        "<section class=\"grid\"><div><h2>{}</h2>",
        esc(l("by_rule"))
    );
    h.push_str(&chart(&rules));
    let _ = write!(
        h,
        "<table class=\"totals\" id=\"rule-totals\"><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        esc(l("rule")),
        esc(l("count")),
        esc(l("sku_count"))
    );
    for (rule, rt) in &rules {
        let sev = rt.worst.unwrap_or(Severity::Info);
        let _ = write!(
            h,
            "<tr data-rule-total=\"{r}\" data-count=\"{n}\"><td><i class=\"sev {s}\">{sl}</i> <code>{r}</code></td><td class=\"n\">{n}</td><td class=\"n\">{k}</td></tr>",
            r = esc(rule),
            n = rt.findings,
            k = rt.skus,
            s = sev.as_str(),
            sl = esc(sev_label(sev, lang)),
        );
    }
    if rules.is_empty() {
        let _ = write!(h, "<tr><td colspan=\"3\">{}</td></tr>", esc(l("none")));
    }
    let _ = write!(
        h,
        "</tbody></table></div><div><h2>{}</h2>",
        esc(l("by_field"))
    );
    let _ = write!(
        h,
        "<table class=\"totals\" id=\"field-totals\"><thead><tr><th>{}</th><th>{}</th></tr></thead><tbody>",
        esc(l("field")),
        esc(l("count"))
    );
    for (field, n) in &t.fields {
        let _ = write!(
            h,
            "<tr data-field-total=\"{f}\" data-count=\"{n}\"><td><code>{f}</code></td><td class=\"n\">{n}</td></tr>",
            f = esc(field)
        );
    }
    if t.fields.is_empty() {
        let _ = write!(h, "<tr><td colspan=\"2\">{}</td></tr>", esc(l("none")));
    }
    h.push_str("</tbody></table></div></section>\n");
    // Filters.
    let _ = write!(
        h,
        "<section class=\"filters\" aria-label=\"{}\"><b>{}</b>",
        esc(l("filter")),
        esc(l("filter"))
    );
    let select = |h: &mut String, id: &str, name: &str, options: Vec<(String, String)>| {
        let _ = write!(
            h,
            "<label>{} <select id=\"{id}\"><option value=\"\">{}</option>",
            esc(name),
            esc(label("all", lang))
        );
        for (v, text) in options {
            let _ = write!(h, "<option value=\"{}\">{}</option>", esc(&v), esc(&text));
        }
        h.push_str("</select></label>");
    };
    select(
        &mut h,
        "f-severity",
        l("severity"),
        [Severity::Block, Severity::Warn, Severity::Info]
            .iter()
            .map(|s| (s.as_str().to_string(), sev_label(*s, lang).to_string()))
            .collect(),
    );
    select(
        &mut h,
        "f-rule",
        l("rule"),
        t.rules.keys().map(|r| (r.clone(), r.clone())).collect(),
    );
    select(
        &mut h,
        "f-field",
        l("field"),
        t.fields.keys().map(|f| (f.clone(), f.clone())).collect(),
    );
    let _ = write!(
        h,
        "<label>{} <input id=\"f-text\" type=\"search\"></label><output id=\"f-count\"></output> <span class=\"muted\">{}</span></section>",
        esc(l("search_sku")),
        esc(l("shown"))
    );
    // Summary per SKU.
    let _ = write!(
        h,
        "<h2>{}</h2><table class=\"skus\" id=\"sku-table\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        esc(l("summary_per_sku")),
        esc(l("sku")),
        esc(l("status")),
        esc(l("count")),
        esc(l("product_title"))
    );
    // Worst first, then in the file's order.
    let mut order: Vec<usize> = (0..t.skus.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(t.skus[i].status));
    for &i in &order {
        let s = &t.skus[i];
        let rules: Vec<&str> = s.shown.iter().map(|f| f.rule.as_str()).collect();
        let sevs: Vec<&str> = s.shown.iter().map(|f| f.severity.as_str()).collect();
        let fields: Vec<&str> = s
            .shown
            .iter()
            .map(|f| f.field.split('[').next().unwrap_or(""))
            .collect();
        let _ = write!(
            h,
            "<tr class=\"sku-row\" data-status=\"{st}\" data-rules=\" {r} \" data-severities=\" {sv} \" data-fields=\" {fl} \"><td>{link}</td><td><span class=\"status {st}\">{stl}</span></td><td class=\"n\">{n}</td><td>{title}{var}</td></tr>",
            st = s.status.key(),
            r = esc(&rules.join(" ")),
            sv = esc(&sevs.join(" ")),
            fl = esc(&fields.join(" ")),
            link = if s.findings > 0 {
                format!("<a href=\"#sku-{i}\"><code>{}</code></a>", esc(&s.name))
            } else {
                format!("<code>{}</code>", esc(&s.name))
            },
            stl = esc(l(s.status.key())),
            n = s.findings,
            title = esc(&s.title),
            var = if s.variants > 1 {
                format!(" <span class=\"muted\">· {} {}</span>", s.variants, esc(l("variants")))
            } else {
                String::new()
            },
        );
    }
    h.push_str("</tbody></table>\n");
    if t.skus_left_out > 0 {
        let _ = write!(
            h,
            "<p class=\"muted\">… {} {}</p>",
            t.skus_left_out,
            esc(l("truncated"))
        );
    }
    // Findings by SKU.
    let _ = write!(h, "<h2>{}</h2><div id=\"details\">", esc(l("details")));
    for &i in order.iter().filter(|&&i| t.skus[i].findings > 0) {
        let s = &t.skus[i];
        let _ = write!(
            h,
            "<section class=\"sku\" id=\"sku-{i}\" data-status=\"{st}\"><h3><code>{name}</code> <span class=\"status {st}\">{stl}</span> <span class=\"t\">{title}</span></h3>",
            st = s.status.key(),
            name = esc(&s.name),
            stl = esc(l(s.status.key())),
            title = esc(&s.title),
        );
        for f in &s.shown {
            let quote = match &f.excerpt {
                Some(x) => format!(
                    "<blockquote>{}<mark class=\"{}\">{}</mark>{}</blockquote>",
                    esc(&x.before),
                    f.severity.as_str(),
                    esc(&x.matched),
                    esc(&x.after)
                ),
                None => String::new(),
            };
            let policy = if f.policy.0.is_empty() {
                String::new()
            } else if f.policy.1.starts_with("https://") {
                format!(
                    "<p class=\"policy\">{}: <a href=\"{}\" rel=\"noopener noreferrer\" target=\"_blank\">{}</a></p>",
                    esc(l("policy")),
                    esc(&f.policy.1),
                    esc(&f.policy.0)
                )
            } else {
                format!(
                    "<p class=\"policy\">{}: {}</p>",
                    esc(l("policy")),
                    esc(&f.policy.0)
                )
            };
            let _ = write!(
                h,
                "<div class=\"finding {s}\" data-severity=\"{s}\" data-rule=\"{r}\" data-field=\"{fd}\"><p class=\"head\"><i class=\"sev {s}\">{sl}</i> <code>{r}</code> · {fl}{on}</p>{quote}<p class=\"msg\">{m}</p><p class=\"fix\">{fixl}: {fixv}</p>{policy}</div>",
                s = f.severity.as_str(),
                sl = esc(sev_label(f.severity, lang)),
                r = esc(&f.rule),
                fd = esc(f.field.split('[').next().unwrap_or("")),
                fl = esc(&f.field),
                on = match f.marketplace {
                    Some(m) => format!(
                        " · <span class=\"mkt\">{}</span>",
                        esc(&l("marketplace_rule").replace("{marketplace}", m))
                    ),
                    None => String::new(),
                },
                m = esc(&f.message),
                fixl = esc(l("fix")),
                fixv = if f.fix.is_empty() {
                    format!("<span class=\"muted\">{}</span>", esc(l("no_fix")))
                } else {
                    esc(&f.fix)
                },
            );
        }
        if s.findings > s.shown.len() {
            let _ = write!(
                h,
                "<p class=\"muted\">… {} {}</p>",
                s.findings - s.shown.len(),
                esc(l("truncated"))
            );
        }
        h.push_str("</section>\n");
    }
    let _ = write!(h, "</div><script>{JS}</script></body></html>");
    h
}

/// A horizontal bar chart of findings per rule (the 15 with most), inline SVG.
fn chart(rules: &[(&String, &RuleTotal)]) -> String {
    let top: Vec<_> = rules.iter().take(15).collect();
    let max = top
        .iter()
        .map(|(_, t)| t.findings)
        .max()
        .unwrap_or(1)
        .max(1);
    let (row, label_w, bar_w) = (22, 250, 300);
    let height = top.len() * row + 4;
    let mut s = format!(
        "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 {w} {height}\" width=\"{w}\" height=\"{height}\" xmlns=\"http://www.w3.org/2000/svg\">",
        w = label_w + bar_w + 60
    );
    for (i, (rule, t)) in top.iter().enumerate() {
        let y = i * row + 2;
        let w = (t.findings * bar_w).div_ceil(max);
        let sev = t.worst.unwrap_or(Severity::Info).as_str();
        let _ = write!(
            s,
            "<text x=\"{lx}\" y=\"{ty}\" text-anchor=\"end\">{r}</text><rect class=\"{sev}\" x=\"{bx}\" y=\"{y}\" width=\"{w}\" height=\"{bh}\" rx=\"3\"><title>{r}: {n}</title></rect><text x=\"{nx}\" y=\"{ty}\">{n}</text>",
            lx = label_w - 8,
            ty = y + 15,
            r = esc(rule),
            bx = label_w,
            bh = row - 6,
            n = t.findings,
            nx = label_w + w + 6,
        );
    }
    s.push_str("</svg>");
    s
}
