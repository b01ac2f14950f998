//! Values by marketplace: a rule's severities, limits and policies where a marketplace
//! has its own. A few entries at most, so a list in marketplace order rather than a
//! tree: looked up by a scan, and read from the engine's binary form (`rule_wire.rs`)
//! as one list, without a tree's insertion code to compile in a waking worker.
//!
//! What it does not do: anything a map does beyond what rules need (no removal, no
//! ranges).

use crate::listing::Marketplace;

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct PerMarketplace<V>(Vec<(Marketplace, V)>);

impl<V> Default for PerMarketplace<V> {
    fn default() -> Self {
        PerMarketplace(Vec::new())
    }
}

impl<V> PerMarketplace<V> {
    pub fn new() -> Self {
        PerMarketplace::default()
    }

    /// The entries, in marketplace order (`None` if they are not in strictly ascending
    /// order).
    #[cfg_attr(not(feature = "binary"), allow(dead_code))]
    pub fn from_sorted(entries: Vec<(Marketplace, V)>) -> Option<Self> {
        entries
            .windows(2)
            .all(|w| w[0].0 < w[1].0)
            .then_some(PerMarketplace(entries))
    }

    pub fn get(&self, m: &Marketplace) -> Option<&V> {
        self.0.iter().find(|(k, _)| k == m).map(|(_, v)| v)
    }

    /// Sets `m`'s value (replacing any it had).
    pub fn insert(&mut self, m: Marketplace, v: V) {
        match self.0.binary_search_by(|(k, _)| k.cmp(&m)) {
            Ok(i) => self.0[i].1 = v,
            Err(i) => self.0.insert(i, (m, v)),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The entries, in marketplace order.
    pub fn iter(&self) -> impl Iterator<Item = (&Marketplace, &V)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.0.iter().map(|(_, v)| v)
    }

    /// The entries as a list, in marketplace order.
    #[cfg_attr(not(feature = "binary"), allow(dead_code))]
    pub fn entries(&self) -> &[(Marketplace, V)] {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_marketplace_order_and_the_last_value() {
        let mut m = PerMarketplace::new();
        m.insert(Marketplace::Walmart, 1);
        m.insert(Marketplace::Amazon, 2);
        m.insert(Marketplace::Walmart, 3);
        assert_eq!(m.get(&Marketplace::Walmart), Some(&3));
        assert_eq!(m.get(&Marketplace::Etsy), None);
        let keys: Vec<_> = m.iter().map(|(k, _)| *k).collect();
        assert_eq!(keys, [Marketplace::Amazon, Marketplace::Walmart]);
        assert_eq!(m.values().copied().collect::<Vec<_>>(), [2, 3]);
        assert!(PerMarketplace::from_sorted(vec![
            (Marketplace::Etsy, 1),
            (Marketplace::Amazon, 2)
        ])
        .is_none());
        assert!(PerMarketplace::from_sorted(vec![
            (Marketplace::Amazon, 1),
            (Marketplace::Amazon, 2)
        ])
        .is_none());
    }
}
