//! The listing a seller fills in: text fields by role, price and cost as typed,
//! the marketplace and the destination market.

use serde::{Deserialize, Serialize};
use std::fmt;

/// What a field is for. Rules name the roles they apply to; a field of a role the
/// engine does not know is [`FieldRole::Other`] and gets the rules for text fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FieldRole {
    /// The product title (Amazon "Item Name", AliExpress 商品标题).
    Title,
    /// One bullet point ("key product features"); a listing has several.
    Bullets,
    /// The long description, as plain text.
    Description,
    /// Search terms, tags or keywords.
    Keywords,
    /// The brand the seller declares for the product.
    Brand,
    /// The category or product type as the seller typed or picked it.
    Category,
    /// The selling price, as typed.
    Price,
    /// The purchase or supplier cost, as typed.
    Cost,
    /// Any other text field (an unknown label on a form, "material", "model").
    Other,
}

impl FieldRole {
    /// Every role, in the order findings are reported.
    pub const ALL: [FieldRole; 9] = [
        FieldRole::Title,
        FieldRole::Bullets,
        FieldRole::Description,
        FieldRole::Keywords,
        FieldRole::Brand,
        FieldRole::Category,
        FieldRole::Price,
        FieldRole::Cost,
        FieldRole::Other,
    ];

    /// The roles that carry free text and get term, brand and pattern rules by default.
    pub const TEXT: [FieldRole; 5] = [
        FieldRole::Title,
        FieldRole::Bullets,
        FieldRole::Description,
        FieldRole::Keywords,
        FieldRole::Other,
    ];

    /// The lower-case name used in pack files, JSON and the DOM (`data-field`).
    pub fn as_str(self) -> &'static str {
        match self {
            FieldRole::Title => "title",
            FieldRole::Bullets => "bullets",
            FieldRole::Description => "description",
            FieldRole::Keywords => "keywords",
            FieldRole::Brand => "brand",
            FieldRole::Category => "category",
            FieldRole::Price => "price",
            FieldRole::Cost => "cost",
            FieldRole::Other => "other",
        }
    }

    /// Parses a role name; accepts `bullet` for `bullets` and `tags`/`search_terms` for keywords.
    pub fn parse(name: &str) -> Option<FieldRole> {
        Some(match name.trim().to_ascii_lowercase().as_str() {
            "title" => FieldRole::Title,
            "bullets" | "bullet" | "bullet_points" => FieldRole::Bullets,
            "description" => FieldRole::Description,
            "keywords" | "tags" | "search_terms" => FieldRole::Keywords,
            "brand" => FieldRole::Brand,
            "category" => FieldRole::Category,
            "price" => FieldRole::Price,
            "cost" => FieldRole::Cost,
            "other" => FieldRole::Other,
            _ => return None,
        })
    }
}

impl fmt::Display for FieldRole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The marketplaces Listing Guard knows. Rules can be scoped to some of them and can
/// carry a different severity on each.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Marketplace {
    Amazon,
    AliExpress,
    Ebay,
    Etsy,
    Lazada,
    Shopee,
    Shopify,
    Tiktok,
    Walmart,
    Wish,
}

impl Marketplace {
    pub const ALL: [Marketplace; 10] = [
        Marketplace::Amazon,
        Marketplace::AliExpress,
        Marketplace::Ebay,
        Marketplace::Etsy,
        Marketplace::Lazada,
        Marketplace::Shopee,
        Marketplace::Shopify,
        Marketplace::Tiktok,
        Marketplace::Walmart,
        Marketplace::Wish,
    ];

    /// The lower-case name used in pack files and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Marketplace::Amazon => "amazon",
            Marketplace::AliExpress => "aliexpress",
            Marketplace::Ebay => "ebay",
            Marketplace::Etsy => "etsy",
            Marketplace::Lazada => "lazada",
            Marketplace::Shopee => "shopee",
            Marketplace::Shopify => "shopify",
            Marketplace::Tiktok => "tiktok",
            Marketplace::Walmart => "walmart",
            Marketplace::Wish => "wish",
        }
    }

    /// The name as the marketplace writes it ("eBay", "TikTok Shop"), for messages.
    pub fn display_name(self) -> &'static str {
        match self {
            Marketplace::Amazon => "Amazon",
            Marketplace::AliExpress => "AliExpress",
            Marketplace::Ebay => "eBay",
            Marketplace::Etsy => "Etsy",
            Marketplace::Lazada => "Lazada",
            Marketplace::Shopee => "Shopee",
            Marketplace::Shopify => "Shopify",
            Marketplace::Tiktok => "TikTok Shop",
            Marketplace::Walmart => "Walmart",
            Marketplace::Wish => "Wish",
        }
    }

    /// Parses a marketplace name, case-insensitively (`tiktok-shop` and `tiktokshop` too).
    pub fn parse(name: &str) -> Option<Marketplace> {
        let n = name
            .trim()
            .to_ascii_lowercase()
            .replace(['-', '_', ' '], "");
        Marketplace::ALL
            .into_iter()
            .find(|m| m.as_str() == n)
            .or(match n.as_str() {
                "tiktokshop" => Some(Marketplace::Tiktok),
                "ae" => Some(Marketplace::AliExpress),
                _ => None,
            })
    }
}

impl fmt::Display for Marketplace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One listing as the seller typed it. Every field is optional; price and cost are the
/// strings the seller typed (`"US $1,299.00"`, `"1.299,00 €"`), parsed by the engine.
///
/// Deserialises from the JSON the CLI reads and the extension sends: the keys are the
/// role names, `bullets` is a list, and `other` maps extra field names to their text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Listing {
    /// An identifier the caller chooses (SKU, row id); echoed in CLI output.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub title: String,
    pub bullets: Vec<String>,
    pub description: String,
    pub keywords: String,
    pub brand: String,
    pub category: String,
    pub price: String,
    pub cost: String,
    /// The currency the form prices in, when the price text does not say (`"USD"`, `"CNY"`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// Where the listing is made; rules scoped to other marketplaces do not apply.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marketplace: Option<Marketplace>,
    /// The destination market: an ISO country code (`"us"`, `"DE"`, `"tw"`, any case)
    /// or `"eu"`; rules limited to other markets do not apply, and a rule may take
    /// another severity here. Anything else matches no market-limited rule.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub market: Option<String>,
    /// Other text fields by name ("material", "model_name"); they get the text rules.
    pub other: Vec<(String, String)>,
    /// The rows of a variation table (one SKU each: a size, a colour), each with its own
    /// price and cost as typed. Every variant's price and cost get the same price checks
    /// as the listing's own (floor of the listing's brand and product type, cost above
    /// price, unreadable); findings about them carry the variant's index. A label is not
    /// checked as text.
    pub variants: Vec<Variant>,
}

/// One row of a variation table: `{ "label": "42 / Black", "price": "$120", "cost": "$40" }`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Variant {
    /// What the seller calls the variant (size, colour); shown, never matched.
    pub label: String,
    /// The variant's price, as typed.
    pub price: String,
    /// The variant's cost, as typed.
    pub cost: String,
}

/// A reference to one field of a listing: its role and, for bullets and other fields,
/// its position.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct FieldRef {
    pub role: FieldRole,
    /// The bullet's (or other field's) position; 0 for single fields.
    pub index: usize,
}

impl Listing {
    /// Empties every field but the lists, keeping the strings' capacity: what the
    /// listing readers (`listing_json`, `listing_records`) do before refilling one.
    pub(crate) fn clear_singles(&mut self) {
        for s in [
            &mut self.title,
            &mut self.description,
            &mut self.keywords,
            &mut self.brand,
            &mut self.category,
            &mut self.price,
            &mut self.cost,
        ] {
            s.clear();
        }
        self.id = None;
        self.currency = None;
        self.market = None;
        self.marketplace = None;
    }

    /// Every non-empty field with its reference and text, in a fixed order.
    pub fn fields(&self) -> impl Iterator<Item = (FieldRef, &str)> {
        fn single(role: FieldRole, text: &str) -> (FieldRef, &str) {
            (FieldRef { role, index: 0 }, text)
        }
        [
            single(FieldRole::Title, &self.title),
            single(FieldRole::Brand, &self.brand),
            single(FieldRole::Category, &self.category),
        ]
        .into_iter()
        .chain(self.bullets.iter().enumerate().map(|(index, t)| {
            (
                FieldRef {
                    role: FieldRole::Bullets,
                    index,
                },
                t.as_str(),
            )
        }))
        .chain([
            single(FieldRole::Description, &self.description),
            single(FieldRole::Keywords, &self.keywords),
            single(FieldRole::Price, &self.price),
            single(FieldRole::Cost, &self.cost),
        ])
        .chain(self.other.iter().enumerate().map(|(index, (_, t))| {
            (
                FieldRef {
                    role: FieldRole::Other,
                    index,
                },
                t.as_str(),
            )
        }))
        // Not blank: only the start is scanned (`trim` would scan the end as well).
        .filter(|(_, t)| !t.trim_start().is_empty())
    }

    /// The text a finding is about: a field, or a variant's price or cost.
    pub fn text_of(&self, field: FieldRef, variant: Option<usize>) -> Option<&str> {
        match variant {
            None => self.field(field),
            Some(i) => {
                let v = self.variants.get(i)?;
                match field.role {
                    FieldRole::Price => Some(&v.price),
                    FieldRole::Cost => Some(&v.cost),
                    _ => None,
                }
            }
        }
    }

    /// The text of one field, if the listing has it.
    pub fn field(&self, field: FieldRef) -> Option<&str> {
        match field.role {
            FieldRole::Title => Some(&self.title),
            FieldRole::Bullets => self.bullets.get(field.index).map(String::as_str),
            FieldRole::Description => Some(&self.description),
            FieldRole::Keywords => Some(&self.keywords),
            FieldRole::Brand => Some(&self.brand),
            FieldRole::Category => Some(&self.category),
            FieldRole::Price => Some(&self.price),
            FieldRole::Cost => Some(&self.cost),
            FieldRole::Other => self.other.get(field.index).map(|(_, t)| t.as_str()),
        }
    }
}
