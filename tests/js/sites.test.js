import test from 'node:test';
import assert from 'node:assert/strict';
import { load } from './load.mjs';

const { marketplaceForHost, marketplaceFor } = load('content/sites.js');

test('seller-center hosts name their marketplace', () => {
  const cases = {
    'sellercentral.amazon.com': 'amazon', 'sellercentral.amazon.co.uk': 'amazon', 'sellercentral-europe.amazon.com': 'amazon',
    'csp.aliexpress.com': 'aliexpress', 'www.ebay.com': 'ebay', 'www.ebay.de': 'ebay', 'www.etsy.com': 'etsy',
    'sellercenter.lazada.com.my': 'lazada', 'seller.shopee.cn': 'shopee', 'admin.shopify.com': 'shopify',
    'my-store.myshopify.com': 'shopify', 'seller-us.tiktok.com': 'tiktok', 'seller.tiktokglobalshop.com': 'tiktok',
    'seller.walmart.com': 'walmart', 'merchant.wish.com': 'wish',
  };
  for (const [host, m] of Object.entries(cases)) assert.equal(marketplaceForHost(host), m, host);
});

test('other hosts, and look-alikes, are no marketplace', () => {
  for (const host of ['example.com', 'amazon.com.evil.example', 'notetsy.com', 'wish.com.example.org', '127.0.0.1']) {
    assert.equal(marketplaceForHost(host), null, host);
  }
});

test('only a test build lets a page name its marketplace', () => {
  const doc = { location: { hostname: '127.0.0.1' },
    querySelector: (sel) => (sel.includes('listing-guard-marketplace') ? { getAttribute: () => 'shopee' } : null) };
  assert.equal(marketplaceFor(doc, { test: true }), 'shopee');
  assert.equal(marketplaceFor(doc, { test: false }), null);
});
