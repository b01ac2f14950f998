//! Rows of an export become products: the header row found and mapped by a layout, cells
//! put into the listing's fields, HTML read as text, and the rows of one product (Shopify
//! variants, Amazon parent and children, Shopee variations, eBay variation rows) grouped
//! into one listing with its variants.
//!
//! Grouping is of consecutive rows, as the exports write them, so a catalogue streams with
//! one product in memory: rows with the same group key (Shopify `Handle`, Amazon
//! `parent_sku` or the parent's own `item_sku`, Shopee `Variation Integration No.`), eBay
//! rows whose `Relationship` is `Variation`, TikTok rows with the same product name.
//! The first non-empty value of each text field is the product's; a child row's own
//! different title is checked too, as an extra field named after its SKU.

use crate::columns::{fold, Layout, Mapping};
use crate::html::{self, TextMap};
use crate::input::InputError;
use crate::table::Record;
use listing_guard::{FieldRef, FieldRole, Listing, Marketplace, Variant};

/// One variant row of a product.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct VariantRow {
    pub line: usize,
    pub sku: String,
    /// The option values (`Red / L`).
    pub label: String,
    pub price: String,
    pub cost: String,
}

/// One product, ready to lint.
#[derive(Clone, Debug, Default)]
pub struct Product {
    /// The line of its first row.
    pub line: usize,
    pub rows: usize,
    /// The SKU it is reported by: the first SKU of its rows, else its group key.
    pub sku: Option<String>,
    /// The text the engine reads (HTML read as text).
    pub listing: Listing,
    /// Fields read from HTML: the markup as written and the offset map.
    pub html: Vec<(FieldRef, String, TextMap)>,
    pub variants: Vec<VariantRow>,
    /// The brand column, when the layout takes it as the seller's own brand.
    pub own_brand: Option<String>,
    key: Option<String>,
}

impl Product {
    /// The field's text as the seller wrote it (the markup for HTML fields), or a
    /// variant's price or cost.
    pub fn source_text(&self, field: FieldRef, variant: Option<usize>) -> &str {
        if variant.is_some() {
            return self.listing.text_of(field, variant).unwrap_or("");
        }
        self.html
            .iter()
            .find(|(f, _, _)| *f == field)
            .map(|(_, s, _)| s.as_str())
            .or_else(|| self.listing.field(field))
            .unwrap_or("")
    }

    /// How a variant is named in reports: its SKU, else its label, else its index.
    pub fn variant_name(&self, variant: Option<usize>) -> String {
        let Some(i) = variant else {
            return String::new();
        };
        match self.variants.get(i) {
            Some(v) if !v.sku.is_empty() => v.sku.clone(),
            Some(v) if !v.label.is_empty() => v.label.clone(),
            _ => i.to_string(),
        }
    }

    /// Puts the variant rows into the listing: several priced rows become its variation
    /// table (each price checked on its own), one row's price is the listing's price.
    fn finish(mut self) -> Product {
        let priced: Vec<&VariantRow> = self
            .variants
            .iter()
            .filter(|v| !v.price.is_empty() || !v.cost.is_empty())
            .collect();
        if priced.len() > 1 {
            self.variants
                .retain(|v| !v.price.is_empty() || !v.cost.is_empty());
            self.listing.variants = self
                .variants
                .iter()
                .map(|v| Variant {
                    label: v.label.clone(),
                    price: v.price.clone(),
                    cost: v.cost.clone(),
                })
                .collect();
            self.listing.price.clear();
            self.listing.cost.clear();
        }
        self
    }

    pub fn name(&self) -> String {
        match &self.sku {
            Some(s) => s.clone(),
            None => format!("line {}", self.line),
        }
    }
}

/// Reads products from the rows of one table.
pub struct Products<I> {
    rows: I,
    layout: Layout,
    mapping: Mapping,
    header_line: usize,
    pending: Option<Product>,
    after_header: usize,
    failed: bool,
}

/// The rows after the header: the ones read while looking for it, then the rest.
pub type After<I> = std::iter::Chain<std::vec::IntoIter<Result<Record, InputError>>, I>;

/// How many rows at the top are searched for the header row.
pub const HEADER_SEARCH: usize = 12;

/// Finds the header among the first rows; `layouts` are tried unless `forced` is given.
/// Returns the products iterator over the rest.
pub fn products<I>(
    mut rows: I,
    layouts: &[Layout],
    forced: Option<&Layout>,
) -> Result<Products<After<I>>, InputError>
where
    I: Iterator<Item = Result<Record, InputError>>,
{
    let mut head = Vec::new();
    for _ in 0..HEADER_SEARCH {
        match rows.next() {
            Some(Ok(r)) => head.push(r),
            Some(Err(e)) => return Err(e),
            None => break,
        }
    }
    let cells: Vec<Vec<String>> = head.iter().map(|r| r.cells.clone()).collect();
    let found = match forced {
        Some(l) => cells
            .iter()
            .enumerate()
            .filter_map(|(i, c)| l.map(c).map(|m| (i, l, m)))
            .max_by_key(|(i, _, m)| (m.roles.len(), *i)),
        None => crate::columns::detect(layouts, &cells),
    };
    let Some((at, layout, mapping)) = found else {
        let first = head.first().map_or(1, |r| r.line);
        let wanted = match forced {
            Some(l) => format!("the columns of `{}`", l.meta.id),
            None => "the columns of any known export (amazon, shopify, ebay, etsy, shopee, lazada, aliexpress, tiktok, walmart) or Listing Guard's own (id, title, description, …)".into(),
        };
        return Err(InputError {
            line: first,
            message: format!(
                "no header row with {wanted} in the first {HEADER_SEARCH} rows; give --columns FILE to name them"
            ),
        });
    };
    let layout = layout.clone();
    let header_line = head[at].line;
    let rest: Vec<_> = head.into_iter().skip(at + 1).map(Ok).collect();
    Ok(Products {
        rows: rest.into_iter().chain(rows),
        layout,
        mapping,
        header_line,
        pending: None,
        after_header: 0,
        failed: false,
    })
}

impl<I> Products<I> {
    pub fn layout(&self) -> &Layout {
        &self.layout
    }
    pub fn header_line(&self) -> usize {
        self.header_line
    }
}

fn cell(r: &Record, col: Option<usize>) -> &str {
    col.and_then(|c| r.cells.get(c)).map_or("", |s| s.trim())
}

impl<I: Iterator<Item = Result<Record, InputError>>> Products<I> {
    fn is_instruction(&mut self, r: &Record) -> bool {
        if self.after_header > HEADER_SEARCH {
            return false;
        }
        self.after_header += 1;
        let first = r.cells.iter().map(|c| fold(c)).find(|c| !c.is_empty());
        match first {
            None => true,
            Some(f) if self.layout.meta.skip_values.contains(&f) => true,
            // A second header row (labels under field names).
            _ => self
                .layout
                .map(&r.cells)
                .is_some_and(|m| m.roles.len() * 2 >= self.mapping.roles.len()),
        }
    }

    fn key(&self, r: &Record) -> Option<String> {
        let m = &self.mapping;
        if m.first("group").is_some() {
            let g = cell(r, m.first("group"));
            let k = if g.is_empty() {
                cell(r, m.first("sku"))
            } else {
                g
            };
            return Some(k.to_string()).filter(|k| !k.is_empty());
        }
        if self.layout.meta.group_by_title {
            return Some(cell(r, m.first("title")).to_string()).filter(|k| !k.is_empty());
        }
        None
    }

    /// Whether row `r` continues the pending product.
    fn continues(&self, r: &Record, key: &Option<String>) -> bool {
        let Some(p) = &self.pending else {
            return false;
        };
        let rel = fold(cell(r, self.mapping.first("relationship")));
        if rel == "variation" {
            return true;
        }
        key.is_some() && *key == p.key
    }

    fn start(&self, r: &Record, key: Option<String>) -> Product {
        let m = &self.mapping;
        let mut p = Product {
            line: r.line,
            key: key.clone(),
            ..Product::default()
        };
        if let Some(mk) = &self.layout.meta.marketplace {
            p.listing.marketplace = Marketplace::parse(mk);
        }
        let sku = cell(r, m.first("sku"));
        p.sku = Some(sku.to_string()).filter(|s| !s.is_empty()).or(key);
        p
    }

    fn text(&self, p: &mut Product, role: FieldRole, index: usize, value: &str) {
        let field = FieldRef { role, index };
        let html_role = match role {
            FieldRole::Description => "description",
            FieldRole::Bullets => "bullets",
            _ => "",
        };
        let text =
            if !html_role.is_empty() && self.layout.html(html_role) && html::looks_like_html(value)
            {
                let m = html::to_text(value);
                let t = m.text.clone();
                p.html.push((field, value.to_string(), m));
                t
            } else {
                value.to_string()
            };
        let l = &mut p.listing;
        match role {
            FieldRole::Title => l.title = text,
            FieldRole::Description => l.description = text,
            FieldRole::Keywords => l.keywords = text,
            FieldRole::Brand => l.brand = text,
            FieldRole::Category => l.category = text,
            FieldRole::Bullets => l.bullets.push(text),
            _ => {}
        }
    }

    /// Adds row `r`'s cells to `p`: empty fields filled, a variant recorded.
    fn add(&self, p: &mut Product, r: &Record) -> Result<(), InputError> {
        let m = &self.mapping;
        if r.cells.len() > m.headers.len() {
            return Err(InputError {
                line: r.line,
                message: format!(
                    "{} cells, but the header (line {}) has {} columns",
                    r.cells.len(),
                    self.header_line,
                    m.headers.len()
                ),
            });
        }
        p.rows += 1;
        let first_row = p.rows == 1;
        let singles = [
            ("title", FieldRole::Title),
            ("description", FieldRole::Description),
            ("keywords", FieldRole::Keywords),
            ("brand", FieldRole::Brand),
            ("category", FieldRole::Category),
        ];
        for (role, field) in singles {
            let v = cell(r, m.first(role));
            if v.is_empty() {
                continue;
            }
            let current = p
                .listing
                .field(FieldRef {
                    role: field,
                    index: 0,
                })
                .unwrap_or("");
            if current.is_empty() {
                self.text(p, field, 0, v);
            } else if field == FieldRole::Title && v != current && !first_row {
                let sku = cell(r, m.first("sku"));
                let name = if sku.is_empty() {
                    format!("title (line {})", r.line)
                } else {
                    format!("title ({sku})")
                };
                p.listing.other.push((name, v.to_string()));
            }
        }
        if p.listing.bullets.is_empty() {
            for &c in m.all("bullets") {
                let v = cell(r, Some(c));
                if !v.is_empty() {
                    let n = p.listing.bullets.len();
                    self.text(p, FieldRole::Bullets, n, v);
                }
            }
        }
        if first_row {
            for &c in m.all("other") {
                let v = cell(r, Some(c));
                if !v.is_empty() {
                    p.listing
                        .other
                        .push((m.headers[c].trim().to_string(), v.to_string()));
                }
            }
            if self.layout.checks_unmapped() {
                for (c, name) in &m.unmapped {
                    let v = cell(r, Some(*c));
                    if !v.is_empty() {
                        p.listing
                            .other
                            .push((name.to_ascii_lowercase(), v.to_string()));
                    }
                }
            }
            for (role, slot) in [("currency", 0), ("market", 1)] {
                let v = cell(r, m.first(role));
                if !v.is_empty() {
                    let v = Some(v.to_string());
                    if slot == 0 {
                        p.listing.currency = v;
                    } else {
                        p.listing.market = v;
                    }
                }
            }
            let mk = cell(r, m.first("marketplace"));
            if !mk.is_empty() {
                p.listing.marketplace = Some(Marketplace::parse(mk).ok_or_else(|| InputError {
                    line: r.line,
                    message: format!(
                        "unknown marketplace `{mk}` (known: {})",
                        crate::input::marketplaces()
                    ),
                })?);
            }
        }
        if p.sku.is_none() {
            let s = cell(r, m.first("sku"));
            if !s.is_empty() {
                p.sku = Some(s.to_string());
            }
        }
        let price = cell(r, m.first("price"));
        let cost = cell(r, m.first("cost"));
        let label: Vec<&str> = m
            .all("variant")
            .iter()
            .map(|&c| cell(r, Some(c)))
            .filter(|v| !v.is_empty())
            .collect();
        let parent = fold(cell(r, m.first("parent_flag"))) == "parent";
        if !parent && (!price.is_empty() || !label.is_empty()) {
            p.variants.push(VariantRow {
                line: r.line,
                sku: cell(r, m.first("sku")).to_string(),
                label: label.join(" / "),
                price: price.to_string(),
                cost: cost.to_string(),
            });
        }
        // The first price is the product's until `finish` sees several.
        if p.listing.price.is_empty() && !price.is_empty() {
            p.listing.price = price.to_string();
        }
        if p.listing.cost.is_empty() && !cost.is_empty() {
            p.listing.cost = cost.to_string();
        }
        if self.layout.meta.own_brand && p.own_brand.is_none() && !p.listing.brand.trim().is_empty()
        {
            p.own_brand = Some(p.listing.brand.trim().to_string());
        }
        Ok(())
    }
}

impl<I: Iterator<Item = Result<Record, InputError>>> Iterator for Products<I> {
    type Item = Result<Product, InputError>;
    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        loop {
            let r = match self.rows.next() {
                None => return self.pending.take().map(|p| Ok(p.finish())),
                Some(Err(e)) => {
                    self.failed = true;
                    return Some(Err(e));
                }
                Some(Ok(r)) => r,
            };
            if r.cells.iter().all(|c| c.trim().is_empty()) || self.is_instruction(&r) {
                continue;
            }
            let key = self.key(&r);
            if self.continues(&r, &key) {
                let mut p = self.pending.take().expect("pending");
                let added = self.add(&mut p, &r);
                self.pending = Some(p);
                if let Err(e) = added {
                    self.failed = true;
                    return Some(Err(e));
                }
                continue;
            }
            let mut p = self.start(&r, key);
            if let Err(e) = self.add(&mut p, &r) {
                self.failed = true;
                return Some(Err(e));
            }
            if let Some(done) = self.pending.replace(p) {
                return Some(Ok(done.finish()));
            }
        }
    }
}

/// A product from one JSON Lines listing (no grouping, no HTML reading: the JSON is the
/// listing model's own).
pub fn from_listing(line: usize, listing: Listing) -> Product {
    Product {
        line,
        rows: 1,
        sku: listing.id.clone(),
        listing,
        ..Product::default()
    }
}
