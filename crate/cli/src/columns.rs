//! Column layouts: which header names of a marketplace's export or template mean which
//! listing field. The layouts are data files (`crate/cli/columns/*.toml`, compiled in), one
//! per marketplace, each saying where its names come from; `--columns FILE` reads one more
//! in the same format (TOML, or JSON with the same keys).
//!
//! A layout names, per role, the header names that carry it (any language the template
//! comes in). Names are compared after folding: lower case, a leading `*` (required-field
//! mark) dropped, runs of white space made one space. A name ending in `*` matches every
//! header that starts with the rest (`item_name[*` matches Amazon's
//! `item_name[marketplace_id=ATVPDKIKX0DER]#1.value`).
//!
//! What it does not do: guess a column from its contents, or read several sheets into one
//! catalogue.

use serde::Deserialize;
use std::collections::BTreeMap;

const BUILTIN: &[(&str, &str)] = &[
    ("amazon", include_str!("../columns/amazon.toml")),
    ("shopify", include_str!("../columns/shopify.toml")),
    ("ebay", include_str!("../columns/ebay.toml")),
    ("etsy", include_str!("../columns/etsy.toml")),
    ("shopee", include_str!("../columns/shopee.toml")),
    ("lazada", include_str!("../columns/lazada.toml")),
    ("aliexpress", include_str!("../columns/aliexpress.toml")),
    ("tiktok", include_str!("../columns/tiktok.toml")),
    ("walmart", include_str!("../columns/walmart.toml")),
    // Last: it loses every tie.
    ("generic", include_str!("../columns/generic.toml")),
];

/// The roles a column can have. Text roles become the listing's fields; the others steer
/// how rows are read and grouped.
pub const ROLES: &[&str] = &[
    "sku",
    "group",
    "title",
    "brand",
    "description",
    "bullets",
    "keywords",
    "category",
    "price",
    "compare_at",
    "cost",
    "currency",
    "marketplace",
    "market",
    "variant",
    "parent_flag",
    "relationship",
    "action",
    "other",
];

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LayoutFile {
    pub layout: LayoutMeta,
    pub columns: BTreeMap<String, Vec<String>>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LayoutMeta {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub marketplace: Option<String>,
    /// The brand column is the seller's own brand (allowed for that row's listing).
    #[serde(default)]
    pub own_brand: bool,
    /// Roles whose text is HTML, read as text.
    #[serde(default)]
    pub html: Vec<String>,
    /// Rows right under the header whose first non-empty cell is one of these (folded)
    /// are instructions, not listings.
    #[serde(default)]
    pub skip_values: Vec<String>,
    /// `check`: columns not named are checked as extra text fields; `ignore` (default).
    #[serde(default)]
    pub unmapped: Option<String>,
    /// Consecutive rows with the same title are one product (TikTok Shop).
    #[serde(default)]
    pub group_by_title: bool,
}

/// A layout ready to match headers.
#[derive(Clone, Debug)]
pub struct Layout {
    pub meta: LayoutMeta,
    /// Role → folded names (prefix names keep their trailing `*`).
    pub names: Vec<(String, Vec<String>)>,
}

/// Which column has which role, once a header row is matched.
#[derive(Clone, Debug, Default)]
pub struct Mapping {
    /// Role → column indexes, in the layout's order of names (bullets: numbered order).
    pub roles: BTreeMap<String, Vec<usize>>,
    /// Columns no role claimed, with their header text.
    pub unmapped: Vec<(usize, String)>,
    pub headers: Vec<String>,
}

impl Mapping {
    pub fn first(&self, role: &str) -> Option<usize> {
        self.roles.get(role).and_then(|c| c.first().copied())
    }
    pub fn all(&self, role: &str) -> &[usize] {
        self.roles.get(role).map_or(&[], Vec::as_slice)
    }
}

/// Folds a header name for comparison.
pub fn fold(name: &str) -> String {
    let t = name.trim().trim_start_matches('\u{feff}');
    let t = t.trim_start_matches('*').trim();
    t.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn matches(pattern: &str, header: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(prefix) if !prefix.is_empty() => header.starts_with(prefix),
        _ => pattern == header,
    }
}

impl Layout {
    pub fn parse(text: &str, json: bool, source: &str) -> Result<Layout, String> {
        let file: LayoutFile = if json {
            serde_json::from_str(text).map_err(|e| format!("{source}: {e}"))?
        } else {
            toml::from_str(text).map_err(|e| format!("{source}: {e}"))?
        };
        for role in file.columns.keys().chain(file.layout.html.iter()) {
            if !ROLES.contains(&role.as_str()) {
                return Err(format!(
                    "{source}: unknown column role `{role}` (known: {})",
                    ROLES.join(", ")
                ));
            }
        }
        if let Some(u) = &file.layout.unmapped {
            if u != "check" && u != "ignore" {
                return Err(format!(
                    "{source}: layout.unmapped is `check` or `ignore`, not `{u}`"
                ));
            }
        }
        if let Some(m) = &file.layout.marketplace {
            if listing_guard::Marketplace::parse(m).is_none() {
                return Err(format!("{source}: unknown marketplace `{m}`"));
            }
        }
        let mut meta = file.layout;
        meta.skip_values = meta.skip_values.iter().map(|v| fold(v)).collect();
        Ok(Layout {
            meta,
            names: file
                .columns
                .into_iter()
                .map(|(role, names)| (role, names.iter().map(|n| fold(n)).collect()))
                .collect(),
        })
    }

    /// Reads a mapping file: `.json` as JSON, anything else as TOML.
    pub fn load(path: &str) -> Result<Layout, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
        Layout::parse(&text, path.to_ascii_lowercase().ends_with(".json"), path)
    }

    /// Maps a header row; `None` when fewer than two roles (or no text role) are found.
    pub fn map(&self, headers: &[String]) -> Option<Mapping> {
        let folded: Vec<String> = headers.iter().map(|h| fold(h)).collect();
        let mut taken = vec![false; headers.len()];
        let mut roles: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        // Exact names first, then prefixes, so `title` is not taken by `title*`.
        for pass in 0..2 {
            for (role, names) in &self.names {
                for name in names {
                    if (pass == 0) == name.ends_with('*') {
                        continue;
                    }
                    for (i, h) in folded.iter().enumerate() {
                        if !taken[i] && !h.is_empty() && matches(name, h) {
                            let single = !matches!(role.as_str(), "bullets" | "variant" | "other");
                            if single && roles.contains_key(role) {
                                continue;
                            }
                            taken[i] = true;
                            roles.entry(role.clone()).or_default().push(i);
                        }
                    }
                }
            }
        }
        if let Some(b) = roles.get_mut("bullets") {
            // Numbered bullet columns in their numbers' order.
            b.sort_by_key(|&i| (trailing_number(&folded[i]), i));
        }
        let text_roles = ["title", "description", "bullets"];
        // One text column is enough for Listing Guard's own columns; a marketplace layout
        // wants two roles, so a stray `Title` does not claim a sheet.
        if !text_roles.iter().any(|r| roles.contains_key(*r))
            || (roles.len() < 2 && !self.checks_unmapped())
        {
            return None;
        }
        let unmapped = (0..headers.len())
            .filter(|&i| !taken[i] && !folded[i].is_empty())
            .map(|i| (i, headers[i].trim().to_string()))
            .collect();
        Some(Mapping {
            roles,
            unmapped,
            headers: headers.to_vec(),
        })
    }

    pub fn html(&self, role: &str) -> bool {
        self.meta.html.iter().any(|r| r == role)
    }
    pub fn checks_unmapped(&self) -> bool {
        self.meta.unmapped.as_deref() == Some("check")
    }
}

fn trailing_number(name: &str) -> u32 {
    let digits: String = name
        .chars()
        .rev()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    digits.parse().unwrap_or(0)
}

/// Every built-in layout, in detection order.
pub fn builtin() -> Vec<Layout> {
    BUILTIN
        .iter()
        .map(|(id, text)| Layout::parse(text, false, &format!("columns/{id}.toml")))
        .collect::<Result<_, _>>()
        .expect("built-in column layouts parse")
}

/// Finds the header row among the first rows and the layout that fits it best: the most
/// roles matched; on a tie the later row (Amazon's field-name row comes after its label
/// row) and then the earlier layout.
pub fn detect<'a>(
    layouts: &'a [Layout],
    rows: &[Vec<String>],
) -> Option<(usize, &'a Layout, Mapping)> {
    let mut best: Option<(usize, usize, &Layout, Mapping)> = None;
    for (r, row) in rows.iter().enumerate() {
        for layout in layouts {
            if let Some(m) = layout.map(row) {
                let score = m.roles.len();
                let better = match &best {
                    None => true,
                    Some((s, br, _, _)) => score > *s || (score == *s && r > *br),
                };
                if better {
                    best = Some((score, r, layout, m));
                }
            }
        }
    }
    best.map(|(_, r, l, m)| (r, l, m))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn every_builtin_layout_parses() {
        assert_eq!(builtin().len(), BUILTIN.len());
    }

    #[test]
    fn amazon_header_row_is_found_under_its_template_rows() {
        let layouts = builtin();
        let rows = vec![
            row(&[
                "TemplateType=fptcustom",
                "Version=2021.1014",
                "TemplateSignature=SE9NRQ==",
            ]),
            row(&[
                "Seller SKU",
                "Product Name",
                "Brand Name",
                "Key Product Features",
            ]),
            row(&[
                "item_sku",
                "item_name",
                "brand_name",
                "bullet_point2",
                "bullet_point1",
            ]),
            row(&["A-1", "Steel bottle", "Acme", "b", "a"]),
        ];
        let (r, layout, m) = detect(&layouts, &rows).unwrap();
        assert_eq!((r, layout.meta.id.as_str()), (2, "amazon"));
        assert_eq!(m.all("bullets"), [4, 3]);
    }

    #[test]
    fn ebay_action_header_and_required_marks() {
        let layouts = builtin();
        let rows = vec![row(&[
            "*Action(SiteID=US|Country=US|Currency=USD|Version=1193)",
            "CustomLabel",
            "*Category",
            "*Title",
            "*Description",
            "*StartPrice",
            "C:Brand",
        ])];
        let (_, layout, m) = detect(&layouts, &rows).unwrap();
        assert_eq!(layout.meta.id, "ebay");
        assert_eq!(m.first("action"), Some(0));
        assert_eq!(m.first("brand"), Some(6));
    }

    #[test]
    fn shopify_and_etsy_and_generic_are_told_apart() {
        let layouts = builtin();
        let shopify = row(&[
            "Handle",
            "Title",
            "Body (HTML)",
            "Vendor",
            "Tags",
            "Variant SKU",
            "Variant Price",
        ]);
        assert_eq!(detect(&layouts, &[shopify]).unwrap().1.meta.id, "shopify");
        let etsy = row(&[
            "TITLE",
            "DESCRIPTION",
            "PRICE",
            "CURRENCY_CODE",
            "QUANTITY",
            "TAGS",
            "MATERIALS",
            "SKU",
        ]);
        assert_eq!(detect(&layouts, &[etsy]).unwrap().1.meta.id, "etsy");
        let generic = row(&["id", "title", "brand", "price", "material"]);
        let (_, l, m) = detect(&layouts, &[generic]).unwrap();
        assert_eq!(l.meta.id, "generic");
        assert_eq!(m.unmapped, [(4, "material".to_string())]);
    }

    #[test]
    fn tiktok_and_walmart_templates() {
        let layouts = builtin();
        let tiktok = row(&[
            "Category",
            "Brand",
            "Product Name",
            "Product Description",
            "Main Product Image",
            "Variation 1",
            "Variation 2",
            "Retail Price (Local Currency)",
            "Quantity",
            "Seller SKU",
        ]);
        let (_, l, m) = detect(&layouts, &[tiktok]).unwrap();
        assert_eq!(l.meta.id, "tiktok");
        assert_eq!(m.all("variant"), [5, 6]);
        let walmart = row(&[
            "SKU",
            "Product ID Type",
            "Product ID",
            "Product Name",
            "Brand Name",
            "Selling Price",
            "Site Description",
            "Key Features 1",
            "Key Features 2",
            "Variant Group ID",
        ]);
        let (_, l, m) = detect(&layouts, &[walmart]).unwrap();
        assert_eq!(l.meta.id, "walmart");
        assert_eq!((m.first("group"), m.all("bullets").len()), (Some(9), 2));
        // A lone title column is Listing Guard's own layout.
        assert_eq!(
            detect(&layouts, &[row(&["title"])]).unwrap().1.meta.id,
            "generic"
        );
    }

    #[test]
    fn a_mapping_file_with_an_unknown_role_is_refused() {
        let e = Layout::parse(
            "[layout]\nid = \"x\"\nname = \"X\"\n[columns]\ntitel = [\"Name\"]\n",
            false,
            "mine.toml",
        )
        .unwrap_err();
        assert!(e.contains("mine.toml") && e.contains("`titel`"), "{e}");
        let ok = Layout::parse(
            r#"{"layout":{"id":"x","name":"X","own_brand":true},"columns":{"title":["Name"],"sku":["Code"]}}"#,
            true,
            "mine.json",
        )
        .unwrap();
        assert!(ok.map(&row(&["Code", "Name"])).is_some());
    }
}
