// Which marketplace a seller-center host belongs to. In test builds only, a fixture
// page may name its marketplace with <meta name="listing-guard-marketplace">.
'use strict';
(() => {
  const HOSTS = [
    [/(^|\.)(sellercentral|sellercentral-europe|sellercentral-japan|vendorcentral)\.amazon\./, 'amazon'],
    [/(^|\.)aliexpress\.(com|ru)$/, 'aliexpress'],
    [/(^|\.)ebay\./, 'ebay'],
    [/(^|\.)etsy\.com$/, 'etsy'],
    [/(^|\.)(lazada|lazada-seller)\./, 'lazada'],
    [/(^|\.)shopee\./, 'shopee'],
    [/(^|\.)(shopify|myshopify)\.com$/, 'shopify'],
    [/(^|\.)(tiktok|tiktokglobalshop|tiktokshopglobalselling)\.com$/, 'tiktok'],
    [/(^|\.)walmart\.com$/, 'walmart'],
    [/(^|\.)wish\.com$/, 'wish'],
  ];

  function marketplaceForHost(host) {
    const found = HOSTS.find(([re]) => re.test(host));
    return found ? found[1] : null;
  }

  function marketplaceFor(doc, flags) {
    // The extension's own "check a listing" page names the marketplace the seller chose.
    if (/^(chrome|moz)-extension:$/.test(doc.location.protocol) && doc.documentElement.dataset.marketplace) {
      return doc.documentElement.dataset.marketplace;
    }
    if (flags && flags.test) {
      const meta = doc.querySelector('meta[name="listing-guard-marketplace"]');
      if (meta) return meta.getAttribute('content');
    }
    return marketplaceForHost(doc.location.hostname);
  }

  const sites = { marketplaceFor, marketplaceForHost };
  if (typeof ListingGuard !== 'undefined') ListingGuard.sites = sites;
  if (typeof module !== 'undefined') module.exports = sites;
})();
