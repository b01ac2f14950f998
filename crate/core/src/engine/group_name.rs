//! A brand group's display name, kept as how it is spelled from the group's key where it
//! can be: about half the names (3,118 of 6,507 in the built-in packs) are their key in
//! lower case, title case or capitals. Such a name takes one byte in the binary form
//! (the names as text were 46 KB of it gzipped) and is spelled out only when a finding
//! names the brand, not for every group on every start of the engine. The other names
//! sit end to end in one text beside the groups (`Partial::group_names`), not in a
//! string each: reading the binary form allocated one for each of 3,400 groups.

use std::borrow::Cow;

#[derive(Clone, Debug, PartialEq)]
// Only the binary form spells names from keys; an engine compiled from TOML keeps text.
#[cfg_attr(not(feature = "binary"), allow(dead_code))]
pub(crate) enum GroupName {
    /// The key itself.
    Key,
    /// The key with each word's first letter in capitals.
    Title,
    /// The key in capitals.
    Upper,
    /// Where the name lies in the groups' names text (bytes, start and end).
    Text(u32, u32),
}

impl GroupName {
    /// `name` as spelled from `key` where one of the spellings gives it back exactly.
    /// Otherwise `name` is added to `names`, the groups' names text.
    #[cfg(feature = "binary")]
    pub(crate) fn of(name: &str, key: &str, names: &mut String) -> GroupName {
        [GroupName::Key, GroupName::Title, GroupName::Upper]
            .into_iter()
            .find(|n| n.spell(key, "") == name)
            .unwrap_or_else(|| GroupName::text(name, names))
    }

    /// `name` as it is written, added to `names`, the groups' names text.
    pub(crate) fn text(name: &str, names: &mut String) -> GroupName {
        let start = names.len();
        names.push_str(name);
        let at = |n: usize| u32::try_from(n).expect("brand names under 4 GB");
        GroupName::Text(at(start), at(names.len()))
    }

    /// The name, given the group's key and the groups' names text.
    pub(crate) fn spell<'a>(&self, key: &'a str, names: &'a str) -> Cow<'a, str> {
        match *self {
            GroupName::Key => Cow::Borrowed(key),
            GroupName::Upper => Cow::Owned(key.to_uppercase()),
            GroupName::Title => {
                let mut out = String::with_capacity(key.len());
                let mut start = true;
                for c in key.chars() {
                    if start {
                        out.extend(c.to_uppercase());
                    } else {
                        out.push(c);
                    }
                    start = c == ' ';
                }
                Cow::Owned(out)
            }
            GroupName::Text(start, end) => Cow::Borrowed(&names[start as usize..end as usize]),
        }
    }
}

#[cfg(all(test, feature = "binary"))]
mod tests {
    use super::*;

    #[test]
    fn names_spelled_from_keys_come_back() {
        for (name, key, want) in [
            ("rolex", "rolex", GroupName::Key),
            ("Louis Vuitton", "louis vuitton", GroupName::Title),
            ("IKEA", "ikea", GroupName::Upper),
            ("iPhone", "iphone", GroupName::Text(3, 9)),
        ] {
            let mut names = String::from("LV ");
            let n = GroupName::of(name, key, &mut names);
            assert_eq!(n, want);
            assert_eq!(n.spell(key, &names), name);
        }
    }
}
