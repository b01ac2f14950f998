//! Whose policy a rule cites: the marketplace a policy page belongs to, read from its
//! address (or, for a page about a marketplace kept elsewhere, the name's first word), and the
//! neutral citation shown instead when the seller is on another marketplace. A card never cites
//! another marketplace's page: a seller on Shopee is not bound by Lazada's rules and should not
//! be sent to them. This does not judge whether the rule applies there (the rule's own
//! `marketplaces` and severities do).

use crate::listing::Marketplace;
use crate::Policy;

/// Address fragments and name prefixes of each marketplace's own pages.
const OWNERS: &[(Marketplace, &[&str], &[&str])] = &[
    (Marketplace::Amazon, &["amazon.", "amazon-"], &["amazon"]),
    (
        Marketplace::AliExpress,
        &["aliexpress.", "alibaba.com", "alibabagroup."],
        &["aliexpress", "alibaba"],
    ),
    (Marketplace::Ebay, &["ebay."], &["ebay"]),
    (Marketplace::Etsy, &["etsy."], &["etsy"]),
    (Marketplace::Lazada, &["lazada"], &["lazada"]),
    (Marketplace::Shopee, &["shopee."], &["shopee"]),
    (Marketplace::Shopify, &["shopify."], &["shopify"]),
    (
        Marketplace::Tiktok,
        &["tiktok", "tokopedia."],
        &["tiktok", "tokopedia"],
    ),
    (Marketplace::Walmart, &["walmart."], &["walmart"]),
    (Marketplace::Wish, &["wish.com"], &["wish"]),
];

/// The marketplace whose page `policy` is, if any (a law or a regulator's page has none).
pub(crate) fn owner(policy: &Policy) -> Option<Marketplace> {
    let url = policy.url.to_ascii_lowercase();
    let host = url
        .split("://")
        .nth(1)
        .unwrap_or(&url)
        .split('/')
        .next()
        .unwrap_or("");
    let first = policy
        .name
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    OWNERS.iter().find_map(|(m, hosts, names)| {
        let by_host = !host.is_empty() && hosts.iter().any(|h| host.contains(h));
        let by_name = names.contains(&first.as_str());
        (by_host || by_name).then_some(*m)
    })
}

/// What to cite on a marketplace with no page of its own for the rule: the kind of policy,
/// without the other marketplace's name or link ("Marketplace policy (general): laser products
/// policy").
pub(crate) fn neutral(policy: &Policy) -> Policy {
    let rest = match owner(policy) {
        Some(_) => {
            let name = policy.name.trim();
            let cut = name
                .find(|c: char| !c.is_alphanumeric() && c != '.')
                .unwrap_or(name.len());
            let tail = name[cut..].trim_start_matches(|c: char| !c.is_alphanumeric());
            // "Alibaba.com pharmaceutical …", "Tokopedia / TikTok Shop …": drop a second owner too.
            let tail = tail
                .strip_prefix("TikTok Shop")
                .unwrap_or(tail)
                .trim_start_matches(|c: char| !c.is_alphanumeric());
            if tail.is_empty() {
                "rules".to_string()
            } else {
                tail.to_string()
            }
        }
        None => policy.name.clone(),
    };
    Policy {
        name: format!("Marketplace policy (general): {rest}"),
        url: String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(name: &str, url: &str) -> Policy {
        Policy {
            name: name.into(),
            url: url.into(),
        }
    }

    #[test]
    fn owners_from_address_or_name() {
        let lazada = p(
            "Lazada zero-tolerance policy: external links and contact information",
            "https://lazadahkpsc.zendesk.com/hc/en-us/articles/207044433",
        );
        assert_eq!(owner(&lazada), Some(Marketplace::Lazada));
        let amazon_elsewhere = p(
            "Amazon laser products policy",
            "https://global.lianlianpay.com/channel/7-19404.html",
        );
        assert_eq!(owner(&amazon_elsewhere), Some(Marketplace::Amazon));
        let ebay = p(
            "eBay prohibited and restricted items: drugs",
            "https://www.ebay.com/help/policies/x",
        );
        assert_eq!(owner(&ebay), Some(Marketplace::Ebay));
        let law = p(
            "Advertising Law of the PRC, article 9",
            "http://www.npc.gov.cn/npc/c2/c30834/201905/t20190521_297577.html",
        );
        assert_eq!(owner(&law), None);
        let fda = p(
            "U.S. FDA: skin products containing mercury",
            "https://www.fda.gov/consumers/x",
        );
        assert_eq!(owner(&fda), None);
    }

    #[test]
    fn neutral_names_the_kind_without_a_link_or_marketplace() {
        let n = neutral(&p(
            "Lazada zero-tolerance policy: external links and contact information",
            "https://lazadahkpsc.zendesk.com/x",
        ));
        assert_eq!(n.name, "Marketplace policy (general): zero-tolerance policy: external links and contact information");
        assert!(n.url.is_empty());
        let n = neutral(&p(
            "Tokopedia / TikTok Shop fake order control guidelines",
            "https://seller-id.tokopedia.com/x",
        ));
        assert_eq!(
            n.name,
            "Marketplace policy (general): fake order control guidelines"
        );
        let n = neutral(&p(
            "Alibaba.com pharmaceutical products prohibition",
            "https://rule.alibaba.com/x",
        ));
        assert_eq!(
            n.name,
            "Marketplace policy (general): pharmaceutical products prohibition"
        );
    }
}
