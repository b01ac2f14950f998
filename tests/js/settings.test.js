import test from 'node:test';
import assert from 'node:assert/strict';
import { load } from './load.mjs';

globalThis.chrome = { storage: { onChanged: { addListener() {} }, local: { get: async () => ({}), set: async () => {} } } };
const LGSettings = load('background/settings.js');

test('stored settings are merged over the defaults; wrong types are dropped', () => {
  const s = LGSettings.merge({ schema: 2, packs: { counterfeit: false }, brands: 'Nike', sites: { 'a.com': { enabled: false } }, future: 1 });
  assert.deepEqual(s.packs, { counterfeit: false });
  assert.deepEqual(s.brands, []);
  assert.deepEqual(s.sites, { 'a.com': { enabled: false, marketplace: null } });
  assert.equal(s.schema, LGSettings.SCHEMA);
  assert.deepEqual(LGSettings.migrate(undefined), LGSettings.defaults());
  assert.deepEqual(LGSettings.migrate('garbage'), LGSettings.defaults());
  assert.deepEqual(LGSettings.migrate([1, 2]), LGSettings.defaults());
});

test('settings of schema 1 (version 0.1.0) migrate without losing anything', () => {
  const v1 = { schema: 1, packs: { claims: false }, rules: { 'brands.luxury': false }, severity: { 'claims.medical': 'block' },
    allowBrands: ['Acme', 'Nike'], sites: { 'sellercentral.amazon.com': false, 'seller.shopee.cn': true },
    ignored: [{ page: 'x/y', rule: 'counterfeit.dupe', text: 'dupe' }], userPacks: ['[pack]\nid = "mine"'] };
  const s = LGSettings.migrate(v1);
  assert.equal(s.schema, 2);
  assert.deepEqual(s.brands, [{ name: 'Acme', note: '' }, { name: 'Nike', note: '' }]);
  assert.equal(s.allowBrands, undefined);
  assert.deepEqual(s.sites, { 'sellercentral.amazon.com': { enabled: false, marketplace: null },
    'seller.shopee.cn': { enabled: true, marketplace: null } });
  assert.deepEqual(s.packs, v1.packs);
  assert.deepEqual(s.rules, v1.rules);
  assert.deepEqual(s.severity, v1.severity);
  assert.deepEqual(s.ignored, v1.ignored);
  assert.deepEqual(s.userPacks, v1.userPacks);
  // Settings without a schema number are the first version's.
  assert.deepEqual(LGSettings.migrate({ allowBrands: ['Acme'] }).brands, [{ name: 'Acme', note: '' }]);
  // Migrating twice changes nothing.
  assert.deepEqual(LGSettings.migrate(s), s);
});

test('custom rules become one pack whose strings are escaped', () => {
  assert.equal(LGSettings.customPack([]), null);
  const src = LGSettings.customPack([{ kind: 'term', value: 'say "hi"\\ 高仿', severity: 'block' }, { kind: 'pattern', value: '\\bfoo\\d+', severity: 'warn' }]);
  assert.match(src, /id = "custom"/);
  assert.match(src, /terms = \["say \\"hi\\"\\\\ 高仿"\]/);
  assert.match(src, /patterns = \["\\\\bfoo\\\\d\+"\]/);
  assert.match(src, /id = "term-1"[\s\S]*id = "pattern-2"/);
  const s = LGSettings.merge({ custom: [{ kind: 'term', value: 'x', severity: 'bogus' }, { kind: 'eval', value: 'y' }] });
  assert.deepEqual(s.custom, [{ kind: 'term', value: 'x', severity: 'warn' }]);
  assert.deepEqual(LGSettings.extraPacks({ userPacks: ['A'], custom: [] }), ['A']);
});
