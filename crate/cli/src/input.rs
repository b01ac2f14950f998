//! Reading listings: JSON Lines (one object per line) or CSV with a header. Keys and
//! columns are the listing model's field names; any other text key or column is an extra
//! text field that gets the text rules.

use listing_guard::{Listing, Marketplace, Variant};
use serde_json::{Map, Value};
use std::fmt;

/// One listing with where it came from (its 1-based line in the input).
#[derive(Debug)]
pub struct Row {
    pub line: usize,
    pub listing: Listing,
}

/// Why the input cannot be read: the line and the reason.
#[derive(Debug)]
pub struct InputError {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// Reads every listing; `csv` chooses CSV (else JSON Lines).
pub fn read(text: &str, csv: bool) -> Result<Vec<Row>, InputError> {
    if csv {
        read_csv(text)
    } else {
        read_jsonl(text)
    }
}

/// One JSON Lines line as a listing; errors carry the line.
pub fn parse_line(line_no: usize, line: &str) -> Result<Listing, InputError> {
    let err = |message: String| InputError {
        line: line_no,
        message,
    };
    let value: Value = serde_json::from_str(line).map_err(|e| err(format!("not JSON: {e}")))?;
    let Value::Object(map) = value else {
        return Err(err("expected one JSON object per line".into()));
    };
    from_map(&map).map_err(err)
}

fn read_jsonl(text: &str) -> Result<Vec<Row>, InputError> {
    let mut rows = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let err = |message: String| InputError {
            line: line_no,
            message,
        };
        let value: Value = serde_json::from_str(line).map_err(|e| err(format!("not JSON: {e}")))?;
        let Value::Object(map) = value else {
            return Err(err("expected one JSON object per line".into()));
        };
        rows.push(Row {
            line: line_no,
            listing: from_map(&map).map_err(err)?,
        });
    }
    Ok(rows)
}

fn read_csv(text: &str) -> Result<Vec<Row>, InputError> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| InputError {
            line: 1,
            message: format!("unreadable CSV header: {e}"),
        })?
        .clone();
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| InputError {
            line: e.position().map_or(0, |p| p.line() as usize),
            message: format!("unreadable CSV row: {e}"),
        })?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        let mut map = Map::new();
        for (name, value) in headers.iter().zip(record.iter()) {
            let name = name.trim().to_ascii_lowercase();
            if let Some(n) = bullet_column(&name) {
                let list = map
                    .entry("bullets")
                    .or_insert_with(|| Value::Array(Vec::new()));
                if let Value::Array(items) = list {
                    items.push(Value::from(format!("{n:04}\u{0}{value}")));
                }
            } else {
                map.insert(name, Value::from(value));
            }
        }
        // Bullet columns in their numbered order, then the numbers dropped.
        if let Some(Value::Array(items)) = map.get_mut("bullets") {
            let mut texts: Vec<String> = items
                .iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect();
            texts.sort();
            *items = texts
                .into_iter()
                .filter_map(|t| t.split_once('\u{0}').map(|(_, b)| b.to_owned()))
                .filter(|b| !b.is_empty())
                .map(Value::from)
                .collect();
        }
        let listing = from_map(&map).map_err(|message| InputError { line, message })?;
        rows.push(Row { line, listing });
    }
    Ok(rows)
}

/// `bullet1`, `bullet_2`, `bullet_point_3`, `bullet point 4` → the bullet's number.
fn bullet_column(name: &str) -> Option<u32> {
    let rest = name
        .strip_prefix("bullet_point")
        .or_else(|| name.strip_prefix("bullet point"))
        .or_else(|| name.strip_prefix("bullet"))?;
    rest.trim_start_matches(['_', ' ', '-']).parse().ok()
}

fn text(value: &Value, key: &str) -> Result<String, String> {
    match value {
        Value::String(s) => Ok(s.clone()),
        Value::Number(n) => Ok(n.to_string()),
        Value::Null => Ok(String::new()),
        _ => Err(format!("`{key}` must be a string")),
    }
}

pub fn from_map(map: &Map<String, Value>) -> Result<Listing, String> {
    let mut l = Listing::default();
    for (key, value) in map {
        match key.as_str() {
            "id" => l.id = Some(text(value, key)?).filter(|s| !s.is_empty()),
            "title" => l.title = text(value, key)?,
            "description" => l.description = text(value, key)?,
            "keywords" => l.keywords = text(value, key)?,
            "brand" => l.brand = text(value, key)?,
            "category" => l.category = text(value, key)?,
            "price" => l.price = text(value, key)?,
            "cost" => l.cost = text(value, key)?,
            "currency" => l.currency = Some(text(value, key)?).filter(|s| !s.is_empty()),
            "market" => l.market = Some(text(value, key)?).filter(|s| !s.is_empty()),
            "marketplace" => {
                let name = text(value, key)?;
                if !name.is_empty() {
                    l.marketplace = Some(Marketplace::parse(&name).ok_or_else(|| {
                        format!("unknown marketplace `{name}` (known: {})", marketplaces())
                    })?);
                }
            }
            "variants" => match value {
                Value::Array(items) => {
                    for (i, item) in items.iter().enumerate() {
                        let Value::Object(row) = item else {
                            return Err(format!("`variants[{i}]` must be an object"));
                        };
                        let mut v = Variant::default();
                        for (k, val) in row {
                            let key = format!("variants[{i}].{k}");
                            match k.as_str() {
                                "label" => v.label = text(val, &key)?,
                                "price" => v.price = text(val, &key)?,
                                "cost" => v.cost = text(val, &key)?,
                                _ => {
                                    return Err(format!(
                                        "unknown key `{key}` (a variant has label, price, cost)"
                                    ))
                                }
                            }
                        }
                        l.variants.push(v);
                    }
                }
                Value::Null => {}
                _ => return Err("`variants` must be a list of {label, price, cost}".into()),
            },
            "bullets" => match value {
                Value::Array(items) => {
                    for item in items {
                        l.bullets.push(text(item, "bullets[]")?);
                    }
                }
                Value::String(s) => l.bullets.extend(
                    s.split('\n')
                        .filter(|b| !b.trim().is_empty())
                        .map(str::to_owned),
                ),
                Value::Null => {}
                _ => return Err("`bullets` must be a list of strings".into()),
            },
            _ => {
                if let Value::String(s) = value {
                    if !s.is_empty() {
                        l.other.push((key.clone(), s.clone()));
                    }
                }
            }
        }
    }
    Ok(l)
}

pub fn marketplaces() -> String {
    Marketplace::ALL
        .iter()
        .map(|m| m.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jsonl_keys_become_fields_and_unknown_keys_other_fields() {
        let rows = read(
            "{\"id\":\"A1\",\"title\":\"T\",\"bullets\":[\"a\",\"b\"],\"price\":12.5,\"material\":\"cotton\"}\n\n{\"title\":\"U\"}\n",
            false,
        )
        .unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].listing.id.as_deref(), Some("A1"));
        assert_eq!(rows[0].listing.bullets, ["a", "b"]);
        assert_eq!(rows[0].listing.price, "12.5");
        assert_eq!(
            rows[0].listing.other,
            [("material".to_string(), "cotton".to_string())]
        );
        assert_eq!(rows[1].line, 3);
    }

    #[test]
    fn jsonl_variants_become_rows_of_the_variation_table() {
        let rows = read(
            "{\"title\":\"T\",\"variants\":[{\"label\":\"42\",\"price\":\"$120\"},{\"price\":99,\"cost\":\"$40\"}]}\n",
            false,
        )
        .unwrap();
        let v = &rows[0].listing.variants;
        assert_eq!(v.len(), 2);
        assert_eq!((v[0].label.as_str(), v[0].price.as_str()), ("42", "$120"));
        assert_eq!((v[1].price.as_str(), v[1].cost.as_str()), ("99", "$40"));
        let e = read("{\"variants\":[{\"size\":\"42\"}]}\n", false).unwrap_err();
        assert!(e.to_string().contains("variants[0].size"), "{e}");
        let e = read("{\"variants\":\"x\"}\n", false).unwrap_err();
        assert!(e.to_string().contains("`variants` must be a list"), "{e}");
    }

    #[test]
    fn jsonl_errors_name_the_line() {
        let e = read("{\"title\":\"ok\"}\n{oops\n", false).unwrap_err();
        assert_eq!(e.line, 2);
        let e = read("[1,2]\n", false).unwrap_err();
        assert!(e
            .to_string()
            .starts_with("line 1: expected one JSON object"));
        let e = read("{\"marketplace\":\"ebey\"}\n", false).unwrap_err();
        assert!(e.message.contains("unknown marketplace `ebey`"));
    }

    #[test]
    fn csv_columns_and_numbered_bullets() {
        let rows = read(
            "id,title,Bullet_Point_2,bullet_point_1,price\nX,\"Replica, new\",second,first,$5\n",
            true,
        )
        .unwrap();
        let l = &rows[0].listing;
        assert_eq!(l.title, "Replica, new");
        assert_eq!(l.bullets, ["first", "second"]);
        assert_eq!(rows[0].line, 2);
    }

    #[test]
    fn csv_ragged_rows_are_refused_with_their_line() {
        let e = read("title,price\na,1\nb\n", true).unwrap_err();
        assert_eq!(e.line, 3, "{e}");
    }
}
