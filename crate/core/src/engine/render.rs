//! Message templates: `{name}` placeholders filled from a list of values.

/// Replaces each `{name}` in `template` with its value; unknown names stay as written.
pub(crate) fn fill(template: &str, vars: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match vars.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => out.push_str(v),
                    None => out.push_str(&rest[open..open + close + 2]),
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::fill;

    #[test]
    fn fills_known_and_keeps_unknown() {
        let v = [
            ("brand", "Rolex".to_string()),
            ("price", "US$25.00".to_string()),
        ];
        assert_eq!(fill("{brand} at {price}", &v), "Rolex at US$25.00");
        assert_eq!(fill("{nope} {brand", &v), "{nope} {brand");
        assert_eq!(fill("品牌{brand}价格过低", &v), "品牌Rolex价格过低");
    }
}
