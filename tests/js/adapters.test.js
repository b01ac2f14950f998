import test from 'node:test';
import assert from 'node:assert/strict';
import { load } from './load.mjs';

const { forMarketplace, TABLES } = load('content/adapters.js');
const { roleOf } = load('content/roles.js');

// Minimal stand-ins for DOM elements: attributes, a parent chain, a root node (a shadow
// root has a host), and a document whose window may sit in an iframe.
function doc(frameElement = null) {
  const d = { defaultView: { frameElement }, designMode: 'off', body: null };
  return d;
}
function el(tag, attrs = {}, { parent = null, root = null, ownerDocument = null } = {}) {
  const e = {
    localName: tag, attrs, parentElement: parent,
    ownerDocument: ownerDocument || (parent && parent.ownerDocument) || doc(),
    getAttribute: (a) => (a in attrs ? attrs[a] : null),
    getRootNode: () => root || (parent ? parent.getRootNode() : { host: null }),
    closest(sel) {
      const a = sel.slice(1, -1);
      for (let n = e; n; n = n.parentElement) if (n.getAttribute(a) !== null) return n;
      return null;
    },
  };
  return e;
}

test('Amazon: names of KAT hosts give the role of the control in their shadow root', () => {
  const amazon = forMarketplace('amazon');
  const inShadow = (name, tag = 'kat-textarea') => {
    const host = el(tag, { name, label: 'whatever' });
    return el('textarea', { id: 'katal-id-0' }, { root: { host } });
  };
  assert.equal(amazon(inShadow('item_name-0-value')), 'title');
  assert.equal(amazon(inShadow('item_name')), 'title');
  assert.equal(amazon(inShadow('bullet_point-3-value')), 'bullets');
  assert.equal(amazon(inShadow('generic_keyword-0-value', 'kat-input')), 'keywords');
  assert.equal(amazon(inShadow('generic_keywords')), 'keywords');
  assert.equal(amazon(inShadow('product_description-0-value')), 'description');
  assert.equal(amazon(inShadow('rtip_product_description-0-value')), 'description');
  assert.equal(amazon(inShadow('brand_name')), 'brand');
  assert.equal(amazon(inShadow('brand-0-value', 'kat-input')), 'brand');
  assert.equal(amazon(inShadow('standard_price')), 'price');
  assert.equal(amazon(inShadow('purchasable_offer-0-our_price-0-schedule-0-value_with_tax', 'kat-input')), 'price');
  assert.equal(amazon(inShadow('list_price-0-value', 'kat-input')), 'other');
  assert.equal(amazon(inShadow('contribution_sku-0-value', 'kat-input')), null, 'unknown names fall through to labels');
});

test('iframe editors: the iframe and the body data-id speak for the body (Shopify TinyMCE, eBay)', () => {
  const frame = el('iframe', { id: 'product-description_ifr', title: 'Rich Text Area' });
  const d = doc(frame);
  const body = el('body', { id: 'tinymce', 'data-id': 'product-description' }, { ownerDocument: d });
  d.body = body;
  assert.equal(forMarketplace('shopify')(body), 'description');
  const frame2 = el('iframe', { id: 'se-rte-frame__summary' });
  const d2 = doc(frame2);
  const body2 = el('body', {}, { ownerDocument: d2 });
  d2.body = body2;
  assert.equal(forMarketplace('ebay')(body2), 'description');
});

test('eBay: the condition description is not the description; Shopify cost per item is cost', () => {
  assert.equal(forMarketplace('ebay')(el('textarea', { name: 'itemConditionDescription' })), 'other');
  assert.equal(forMarketplace('ebay')(el('input', { name: 'title' })), 'title');
  assert.equal(forMarketplace('shopify')(el('input', { name: 'unitCost' })), 'cost');
  assert.equal(forMarketplace('shopify')(el('input', { name: 'compareAtPrice' })), 'other');
});

test('wrapper data attributes: Shopee field ids and TikTok data-id on an ancestor', () => {
  const wrap = el('div', { 'data-product-edit-field-unique-id': 'description' });
  const mid = el('div', { class: 'ql-container' }, { parent: wrap });
  const editor = el('div', { class: 'ql-editor' }, { parent: mid });
  assert.equal(forMarketplace('shopee')(editor), 'description');
  const tw = el('div', { 'data-id': 'product.publish.product_name' });
  assert.equal(forMarketplace('tiktok')(el('input', {}, { parent: el('div', { id: 'preview-product-title' }, { parent: tw }) })), 'title');
  assert.equal(forMarketplace('tiktok')(el('input', {}, { parent: el('div', { 'data-id': 'product.publish.price' }) })), 'price');
});

test('no adapter for unknown marketplaces; every table names only known roles', () => {
  assert.equal(forMarketplace('nowhere'), null);
  assert.equal(forMarketplace(null), null);
  const ROLES = new Set(['title', 'bullets', 'description', 'keywords', 'brand', 'category', 'price', 'cost', 'other']);
  for (const [m, table] of Object.entries(TABLES)) {
    for (const [attr, pattern, role] of table) {
      assert.ok(ROLES.has(role), `${m}: ${role}`);
      assert.ok(typeof attr === 'string' && (typeof pattern === 'string' || pattern instanceof RegExp), `${m}: ${attr}`);
    }
  }
  for (const m of ['amazon', 'aliexpress', 'ebay', 'etsy', 'lazada', 'shopee', 'shopify', 'tiktok', 'walmart', 'wish']) {
    assert.ok(TABLES[m], `a table for ${m}`);
  }
});

test('roleOf: the adapter answers first, labels remain the fallback', () => {
  // An element with a label-like placeholder only: the generic path.
  const plain = { ...el('input', { placeholder: 'Product title' }), id: '', getRootNode: () => ({ host: null }),
    closest: () => null, previousElementSibling: null, parentElement: null };
  assert.equal(roleOf(plain, forMarketplace('etsy')), 'title');
  assert.equal(roleOf(plain, null), 'title');
  const named = { ...plain, getAttribute: (a) => ({ name: 'unitCost', placeholder: 'Price' })[a] ?? null };
  assert.equal(roleOf(named, forMarketplace('shopify')), 'cost');
  assert.equal(roleOf(named, null), 'price');
});
