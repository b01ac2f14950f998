import test from 'node:test';
import assert from 'node:assert/strict';
import { load } from './load.mjs';

const { roleFromText } = load('content/roles.js');

test('English labels name their role', () => {
  const cases = {
    'Product title': 'title', 'Item name': 'title', 'Title *': 'title',
    'Brand': 'brand', 'Brand name': 'brand',
    'Your price': 'price', 'Sale price (USD)': 'price', 'Price': 'price',
    'Purchase price': 'cost', 'Cost per item': 'cost', 'Supplier price': 'cost',
    'Search terms': 'keywords', 'Generic keywords': 'keywords', 'Tags': 'keywords',
    'Key product features': 'bullets', 'Bullet point 3': 'bullets',
    'Product description': 'description', 'Item description': 'description',
    'Category': 'category', 'Product type': 'category',
  };
  for (const [label, role] of Object.entries(cases)) assert.equal(roleFromText(label), role, label);
});

test('Chinese labels name their role', () => {
  const cases = {
    '商品标题': 'title', '产品名称': 'title', '品牌': 'brand', '价格': 'price', '零售价': 'price',
    '成本': 'cost', '采购价': 'cost', '关键词': 'keywords', '五点描述': 'bullets', '商品详情': 'description',
    '产品描述': 'description', '类目': 'category',
  };
  for (const [label, role] of Object.entries(cases)) assert.equal(roleFromText(label), role, label);
});

test('names and ids with separators are read as words', () => {
  assert.equal(roleFromText('item_name'), 'title');
  assert.equal(roleFromText('generic-keywords'), 'keywords');
  assert.equal(roleFromText('bullet_point'), 'bullets');
});

test('labels of other things have no role', () => {
  for (const label of ['Quantity', 'SKU', 'Weight (kg)', '库存', '', '   ', null, 'Entitled', 'Priceless-looking']) {
    assert.equal(roleFromText(label), null, String(label));
  }
});
