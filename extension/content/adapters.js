// Site adapters: per seller center, what its own field names, ids and wrapper attributes
// say a field is for. They answer before the generic label reading of roles.js, which
// stays the fallback for anything not listed here (and for unknown markup).
//
// Each rule is [attribute, pattern, role]. `pattern` is an exact string or a RegExp;
// `role` is one of title, bullets, description, keywords, brand, category, price, cost,
// or "other" (a field that must NOT take the role its label suggests, e.g. eBay's
// condition description). Attributes are read from the field itself, from every shadow
// host it sits in (Amazon's kat-* elements) and, for an iframe editor's body, from the
// iframe element. `tag` is the element's tag name. Attributes starting with `data-` are
// also looked up on the nearest ancestor carrying them (Shopee's and TikTok's field
// wrappers).
'use strict';
(() => {
  const TABLES = {
    amazon: [
      ['name', /^(item_name|title)(-\d+-value)?$/, 'title'],
      ['name', /^bullet_point(-\d+-value)?$/, 'bullets'],
      ['name', /^generic_keywords?(-\d+-value)?$/, 'keywords'],
      ['name', /^(rtip_)?product_description(-\d+-value)?$/, 'description'],
      ['name', /^brand(_name)?(-\d+-value)?$/, 'brand'],
      ['name', /^item_type_keyword(-\d+-value)?$/, 'category'],
      ['name', /^(standard_price|purchasable_offer-\d+-our_price-.*)$/, 'price'],
      // List and sale prices sit beside "Your price": checked as extra fields, not as the price.
      ['name', /^(list_price(-\d+-value)?|purchasable_offer-\d+-discounted_price-.*)$/, 'other'],
    ],
    aliexpress: [
      ['name', /^(subject|title)$/, 'title'],
      ['name', /^(detail|description)$/, 'description'],
      ['name', /^brand$/, 'brand'],
      ['name', /^(retail_?price|price)$/, 'price'],
    ],
    ebay: [
      ['name', 'title', 'title'],
      ['name', 'price', 'price'],
      ['id', /^se-rte-frame__summary/, 'description'],
      ['data-id', /^(se-rte-frame__summary|summary-description)$/, 'description'],
      ['id', /^summary-description(_ifr)?$/, 'description'],
      // The trap: a 1000-character condition note also says "description".
      ['name', /^(itemConditionDescription|conditionDescription)$/, 'other'],
      ['name', 'customLabel', 'other'],
    ],
    etsy: [
      ['id', 'listing-title-input', 'title'],
      ['id', 'listing-description-textarea', 'description'],
      ['id', 'listing-tags-input', 'keywords'],
      ['id', 'listing-price-input', 'price'],
      ['id', /^listing-(quantity|sku)-input$/, 'other'],
    ],
    lazada: [
      ['name', /^(name|productName)$/, 'title'],
      ['name', 'brand', 'brand'],
      ['name', 'price', 'price'],
      ['name', /^(special_?price|specialPrice)$/, 'other'],
      ['name', 'description', 'description'],
      ['name', /^(highlights?|short_description)$/, 'bullets'],
    ],
    shopee: [
      ['data-product-edit-field-unique-id', 'name', 'title'],
      ['data-product-edit-field-unique-id', 'description', 'description'],
      ['data-product-edit-field-unique-id', 'price', 'price'],
      ['data-product-edit-field-unique-id', 'brandAndAttributes', 'brand'],
      ['data-product-edit-field-unique-id', 'category', 'category'],
      ['data-product-edit-field-unique-id', /^(stock|minpq|weight|parentSku|gtinCode)$/, 'other'],
    ],
    shopify: [
      ['name', 'title', 'title'],
      ['id', /^product-description(_ifr)?$/, 'description'],
      ['data-id', 'product-description', 'description'],
      ['name', 'price', 'price'],
      ['name', 'compareAtPrice', 'other'],
      ['name', 'unitCost', 'cost'],
      ['name', 'vendor', 'brand'],
      ['name', /^(productType|category)$/, 'category'],
      ['name', 'tags', 'keywords'],
      ['name', /^(sku|barcode|weight)$/, 'other'],
    ],
    tiktok: [
      ['data-id', 'product.publish.product_name', 'title'],
      ['data-id', 'product.publish.description', 'description'],
      ['data-id', 'product.publish.brand', 'brand'],
      ['data-id', 'product.publish.price', 'price'],
      ['data-id', /^product\.publish\.(package_weight|quantity|seller_sku)$/, 'other'],
    ],
    walmart: [
      ['data-automation-id', /^(productName|itemName)$/, 'title'],
      ['data-automation-id', /^keyFeatures?(-\d+)?$/, 'bullets'],
      ['data-automation-id', /^(siteDescription|shortDescription)$/, 'description'],
      ['data-automation-id', 'brand', 'brand'],
      ['data-automation-id', 'price', 'price'],
    ],
    wish: [
      ['name', 'name', 'title'],
      ['name', 'description', 'description'],
      ['name', 'tags', 'keywords'],
      ['name', 'brand', 'brand'],
      ['name', 'price', 'price'],
      ['name', /^(parent_?sku|sku|inventory|shipping)$/, 'other'],
    ],
  };

  /** The elements whose own attributes speak for `el`: it, its shadow hosts, its iframe. */
  function owners(el) {
    const out = [el];
    let node = el;
    for (let depth = 0; depth < 8; depth++) {
      const root = node.getRootNode ? node.getRootNode() : null;
      if (root && root.host) { node = root.host; out.push(node); continue; }
      const doc = node.ownerDocument;
      const frame = doc && doc.defaultView && doc.defaultView.frameElement;
      if (frame && (el === doc.body || doc.designMode === 'on') && !out.includes(frame)) { node = frame; out.push(frame); continue; }
      break;
    }
    return out;
  }

  function valuesOf(el, attr) {
    const out = [];
    for (const o of owners(el)) {
      if (attr === 'tag') { out.push(o.localName); continue; }
      let v = o.getAttribute ? o.getAttribute(attr) : null;
      if (v === null && attr.startsWith('data-') && o.parentElement && o.parentElement.closest) {
        const wrap = o.parentElement.closest(`[${attr}]`);
        v = wrap ? wrap.getAttribute(attr) : null;
      }
      if (v !== null && v !== '') out.push(v);
    }
    return out;
  }

  const matches = (pattern, value) => (pattern instanceof RegExp ? pattern.test(value) : pattern === value);

  /** The role the table gives `el`, or null (then the labels decide). */
  function roleByTable(table, el) {
    for (const [attr, pattern, role] of table) {
      if (valuesOf(el, attr).some((v) => matches(pattern, v))) return role;
    }
    return null;
  }

  /** The adapter of a marketplace: (el) => role | null; null when there is none. */
  function forMarketplace(marketplace) {
    const table = TABLES[marketplace];
    return table ? (el) => roleByTable(table, el) : null;
  }

  /** The adapter for the page's marketplace (a test page may name it), else by host. */
  function forHost(host) {
    const LG = typeof ListingGuard !== 'undefined' ? ListingGuard : null;
    let market = null;
    if (LG && LG.sites && typeof document !== 'undefined') market = LG.sites.marketplaceFor(document, LG.flags);
    else if (LG && LG.sites) market = LG.sites.marketplaceForHost(host);
    return forMarketplace(market);
  }

  const adapters = { forHost, forMarketplace, TABLES };
  if (typeof ListingGuard !== 'undefined') ListingGuard.adapters = adapters;
  if (typeof module !== 'undefined') module.exports = adapters;
})();
