import test from 'node:test';
import assert from 'node:assert/strict';
import { load } from './load.mjs';

const S = load('background/settings-schema.js');
const { createStore } = load('background/settings-store.js');
globalThis.chrome = undefined;
const LGSettings = load('background/settings.js');

const quiet = () => {};

test('stored settings: each bad entry is left out on its own, the rest kept', () => {
  const warned = [];
  const s = S.readDoc({ schema: 3, packs: { counterfeit: false, claims: 'no' }, severity: { 'a.b': 'high', 'c.d': 'block' },
    brands: 'Nike', sites: { 'a.com': { enabled: false } }, future: 1, custom: [{ kind: 'term', value: 'x', severity: 'bogus' },
      { kind: 'term', value: 'y', severity: 'info' }] }, (w) => warned.push(w));
  assert.deepEqual(s.packs, { counterfeit: false });
  assert.deepEqual(s.severity, { 'c.d': 'block' });
  assert.deepEqual(s.brands, []);
  assert.deepEqual(s.sites, { 'a.com': { enabled: false, marketplace: null } });
  assert.deepEqual(s.custom, [{ kind: 'term', value: 'y', severity: 'info' }]);
  assert.equal(s.schema, S.SCHEMA);
  assert.ok(warned.some((w) => w.includes('settings.severity["a.b"]')), warned.join('\n'));
  assert.ok(warned.some((w) => w.includes('settings.packs["claims"]')));
  for (const v of [undefined, null, 'garbage', [1, 2]]) assert.deepEqual(S.readDoc(v, quiet), S.defaults());
  // A newer schema (after a downgrade) is not guessed at.
  assert.deepEqual(S.readDoc({ schema: 99, brands: [{ name: 'A' }] }, quiet), S.defaults());
});

test('settings of schema 1 (version 0.1.0) and 2 migrate without losing anything', () => {
  const v1 = { schema: 1, packs: { claims: false }, rules: { 'brands.luxury': false }, severity: { 'claims.medical': 'block' },
    allowBrands: ['Acme', 'Nike'], sites: { 'sellercentral.amazon.com': false, 'seller.shopee.cn': true },
    ignored: [{ page: 'x/y', rule: 'counterfeit.dupe', text: 'dupe' }], userPacks: ['[pack]\nid = "mine"'] };
  for (const strict of [false, true]) {
    const s = strict ? S.importDoc(v1) : S.readDoc(v1, quiet);
    assert.equal(s.schema, S.SCHEMA);
    assert.deepEqual(s.brands, [{ name: 'Acme', note: '' }, { name: 'Nike', note: '' }]);
    assert.equal(s.allowBrands, undefined);
    assert.deepEqual(s.sites, { 'sellercentral.amazon.com': { enabled: false, marketplace: null },
      'seller.shopee.cn': { enabled: true, marketplace: null } });
    assert.deepEqual(s.packs, v1.packs);
    assert.deepEqual(s.rules, v1.rules);
    assert.deepEqual(s.severity, v1.severity);
    assert.deepEqual(s.ignored, [{ key: S.ignoreKey('counterfeit.dupe', 'dupe', 'x/y'), page: 'x/y', rule: 'counterfeit.dupe', text: 'dupe' }]);
    assert.deepEqual(s.userPacks, v1.userPacks);
    assert.deepEqual(S.readDoc(s, quiet), s, 'migrating twice changes nothing');
  }
  // Stored settings without a schema number are the first version's.
  assert.deepEqual(S.readDoc({ allowBrands: ['Acme'] }, quiet).brands, [{ name: 'Acme', note: '' }]);
});

test('an import with one wrong value is refused, naming the key', () => {
  const ok = { schema: 3, severity: { 'counterfeit.replica': 'warn' } };
  assert.deepEqual(S.importDoc(ok).severity, ok.severity);
  const refused = [
    [{ schema: 3, severity: { 'counterfeit.replica': 'high' } }, /settings\.severity\["counterfeit\.replica"\]: "high" is not one of block, warn, info/],
    [{ schema: 3, packs: { counterfeit: 'no' } }, /settings\.packs\["counterfeit"\]: "no" is not true or false/],
    [{ schema: 3, brands: [{ name: 'A' }, { name: 7 }] }, /settings\.brands\[1\]\.name: 7 is not text/],
    [{ schema: 3, brands: [{ name: 'x'.repeat(101) }] }, /settings\.brands\[0\]\.name: is 101 characters long/],
    [{ schema: 3, custom: [{ kind: 'eval', value: 'y' }] }, /settings\.custom\[0\]\.kind/],
    [{ schema: 3, beforeSubmit: 'yes' }, /settings\.beforeSubmit/],
    [{ schema: 3, sites: { 'a.com': { enabled: 'no' } } }, /settings\.sites\["a\.com"\]\.enabled/],
    [{ schema: 3, userPacks: [1] }, /settings\.userPacks\[0\]/],
    [{ schema: 3, whatever: 1 }, /settings\.whatever: is not a Listing Guard setting/],
    [{ schema: 3, brands: Array.from({ length: 2001 }, (_, i) => ({ name: `b${i}` })) }, /settings\.brands: has 2001 entries; at most 2000/],
    [{ schema: 6 }, /newer version of Listing Guard \(schema 6\)/],
    [{ schema: '2', allowBrands: ['Acme'] }, /settings\.schema: "2" is not a schema number/],
    [{ schema: 1, allowBrands: 'Acme' }, /settings\.allowBrands: is not a list/],
    [{}, /settings\.schema: missing/],
    [null, /settings: null is not a settings document/],
    [[], /settings: \[\] is not a settings document/],
  ];
  for (const [doc, re] of refused) assert.throws(() => S.importDoc(doc), re, JSON.stringify(doc).slice(0, 80));
});

test('ignores: short key, de-duplicated, capped with the oldest dropped, text shortened', () => {
  let list = [];
  const big = 'x'.repeat(200_000);
  list = S.addIgnore(list, S.ignoreEntry('a.b', big, 'host/p'));
  assert.equal(list[0].text.length, S.LIMITS.ignoreText);
  assert.match(list[0].key, /^[0-9a-f]{16}$/);
  list = S.addIgnore(list, S.ignoreEntry('a.b', big, 'host/p'));
  assert.equal(list.length, 1, 'the same finding once');
  assert.equal(S.ignoreKey('r', 'NIKE  shoes', 'p'), S.ignoreKey('r', 'nike shoes', 'p'));
  assert.notEqual(S.ignoreKey('r', 'nike', 'p'), S.ignoreKey('r', 'nike', 'q'));
  for (let i = 0; i < 600; i += 1) list = S.addIgnore(list, S.ignoreEntry('a.b', `t${i}`, 'host/p'));
  assert.equal(list.length, S.LIMITS.ignored);
  assert.equal(list[list.length - 1].text, 't599');
  assert.equal(list[0].text, 't100');
  assert.ok(JSON.stringify(list).length < 100_000);
});

/** A storage.local stand-in; `failNext` makes the next set reject, `delay` makes calls async. */
function fakeStorage(initial = {}) {
  const data = structuredClone(initial);
  const tick = () => new Promise((r) => setTimeout(r, Math.random() * 3));
  const st = {
    data, failNext: null, sets: 0,
    async get(keys) { await tick(); if (keys === null) return structuredClone(data); const out = {}; for (const k of [].concat(keys)) if (k in data) out[k] = structuredClone(data[k]); return out; },
    async set(items) {
      await tick(); st.sets += 1;
      if (st.failNext) { const e = st.failNext; st.failNext = null; throw e; }
      Object.assign(data, structuredClone(items));
      // Browsers tell other pages (storage.onChanged) before set() resolves here.
      if (st.onChanged) st.onChanged(items);
      await tick();
    },
    async remove(keys) { await tick(); for (const k of [].concat(keys)) delete data[k]; },
  };
  return st;
}

test('updates are serialised: 20 concurrent switches from two pages are all stored', async () => {
  const storage = fakeStorage();
  const store = createStore({ storage, schema: S, warn: quiet });
  const page = (prefix) => Array.from({ length: 10 }, (_, i) => store.update((s) => { s.rules[`${prefix}.r${i}`] = false; }));
  const results = await Promise.all([...page('a'), ...page('b')]);
  assert.equal(results.length, 20);
  assert.equal(Object.keys(storage.data.settings.rules).length, 20);
  // A custom-rule save racing an own-brand add keeps both.
  await Promise.all([store.update(async (s) => { await new Promise((r) => setTimeout(r, 5)); s.custom = [{ kind: 'term', value: 'zz', severity: 'warn' }]; }),
    store.update((s) => { s.brands.push({ name: 'Acme', note: '' }); })]);
  const fresh = createStore({ storage, schema: S, warn: quiet });
  const s = await fresh.get();
  assert.deepEqual(s.brands, [{ name: 'Acme', note: '' }]);
  assert.equal(s.custom.length, 1);
  assert.equal(Object.keys(s.rules).length, 20);
});

test('a page told of a write (onChanged) and asking at once gets the new settings', async () => {
  const storage = fakeStorage();
  const store = createStore({ storage, schema: S, warn: quiet });
  await store.get();
  let seen = null;
  storage.onChanged = () => { seen = store.get(); };
  await store.update((s) => { s.rules['a.b'] = false; });
  assert.deepEqual((await seen).rules, { 'a.b': false });
});

test('a failed or refused write keeps the old settings live and stored', async () => {
  const storage = fakeStorage();
  const store = createStore({ storage, schema: S, warn: quiet });
  await store.update((s) => { s.brands.push({ name: 'Acme', note: '' }); });
  storage.failNext = new Error('QUOTA_BYTES quota exceeded');
  await assert.rejects(store.update((s) => { s.userPacks.push('[pack]\nid = "big"'); s.brands = []; }), /quota/);
  assert.deepEqual((await store.get()).brands, [{ name: 'Acme', note: '' }], 'the cache kept the old state');
  assert.deepEqual((await store.get()).userPacks, []);
  // A value the schema refuses is not stored either, and later changes still work.
  await assert.rejects(store.update((s) => { s.severity.x = 'high'; }), /settings\.severity\["x"\]/);
  await store.update((s) => { s.rules.y = false; });
  assert.deepEqual(storage.data.settings.rules, { y: false });
  assert.deepEqual(storage.data.settings.brands, [{ name: 'Acme', note: '' }]);
});

test('sizes are checked before writing; packs are stored under their own keys', async () => {
  const storage = fakeStorage();
  const store = createStore({ storage, schema: S, warn: quiet, quota: 1024 * 1024 });
  await store.update((s) => { s.userPacks = ['[pack]\nid = "a"', '[pack]\nid = "b"']; });
  const keys = Object.keys(storage.data).filter((k) => k.startsWith('pack:'));
  assert.equal(keys.length, 2);
  assert.deepEqual(storage.data.settings.packKeys, keys);
  assert.equal(storage.data.settings.userPacks, undefined);
  const sets = storage.sets;
  await assert.rejects(store.update((s) => { s.userPacks.push('x'.repeat(900_000)); }), /would take 0\.9 MB; the browser keeps at most 0\.8 MB/);
  assert.equal(storage.sets, sets, 'nothing written');
  await store.update((s) => { s.userPacks = ['[pack]\nid = "b"']; });
  assert.equal(Object.keys(storage.data).filter((k) => k.startsWith('pack:')).length, 1, 'the unused pack removed');
  const again = createStore({ storage, schema: S, warn: quiet });
  assert.deepEqual((await again.get()).userPacks, ['[pack]\nid = "b"']);
  // Schema 2 kept packs inline: read as they are.
  const old = createStore({ storage: fakeStorage({ settings: { schema: 2, userPacks: ['P'] } }), schema: S, warn: quiet });
  assert.deepEqual((await old.get()).userPacks, ['P']);
});

test('custom rules become one pack whose strings are escaped', () => {
  assert.equal(LGSettings.customPack([]), null);
  const src = LGSettings.customPack([{ kind: 'term', value: 'say "hi"\\ 高仿', severity: 'block' }, { kind: 'pattern', value: '\\bfoo\\d+', severity: 'warn' }]);
  assert.match(src, /id = "custom"/);
  assert.match(src, /terms = \["say \\"hi\\"\\\\ 高仿"\]/);
  assert.match(src, /patterns = \["\\\\bfoo\\\\d\+"\]/);
  assert.match(src, /id = "term-1"[\s\S]*id = "pattern-2"/);
  assert.deepEqual(LGSettings.extraPacks({ userPacks: ['A'], custom: [] }), ['A']);
});

test('reseller mode: resellBrands are checked, de-duplicated, exported and imported; schema 3 documents read with none', () => {
  const s = S.importDoc({ schema: 4, resellBrands: [{ name: 'Nike', note: 'invoices in the shop drive' }, { name: 'NIKE' }, { name: 'Rolex' }] });
  assert.deepEqual(s.resellBrands, [{ name: 'Nike', note: 'invoices in the shop drive' }, { name: 'Rolex', note: '' }]);
  assert.deepEqual(S.importDoc(JSON.parse(JSON.stringify(s))).resellBrands, s.resellBrands);
  assert.deepEqual(S.importDoc({ schema: 3, brands: [] }).resellBrands, []);
  assert.throws(() => S.importDoc({ schema: 4, resellBrands: [{ name: 7 }] }), /settings\.resellBrands\[0\]\.name: 7 is not text/);
});

test('schema 4 -> 5: the marketplaces the seller sells on, empty when absent; checked on import', () => {
  const v4 = { schema: 4, brands: [{ name: 'Acme', note: '' }], sites: { 'a.com': { enabled: false, marketplace: null } } };
  for (const s of [S.importDoc(v4), S.readDoc(v4, quiet)]) {
    assert.equal(s.schema, 5);
    assert.deepEqual(s.marketplaces, []);
    assert.deepEqual(s.brands, v4.brands);
    assert.deepEqual(s.sites, v4.sites);
  }
  // Duplicates fold and the order is the known one; an unknown marketplace refuses the import.
  assert.deepEqual(S.importDoc({ schema: 5, marketplaces: ['etsy', 'amazon', 'etsy'] }).marketplaces, ['amazon', 'etsy']);
  assert.throws(() => S.importDoc({ schema: 5, marketplaces: ['amazon', 'temu'] }), /settings\.marketplaces\[1\]: "temu" is not one of amazon/);
  assert.throws(() => S.importDoc({ schema: 5, marketplaces: 'amazon' }), /settings\.marketplaces: "amazon" is not a list/);
  // Stored: the bad entry alone is left out.
  assert.deepEqual(S.readDoc({ schema: 5, marketplaces: ['shopee', 7] }, quiet).marketplaces, ['shopee']);
  const round = S.importDoc(JSON.parse(JSON.stringify(S.readDoc({ schema: 5, marketplaces: ['shopee', 'amazon'] }, quiet))));
  assert.deepEqual(round.marketplaces, ['amazon', 'shopee'], 'an export imports as it was');
});

test('sites of marketplaces the seller does not sell on are off, unless the seller switched the site itself', () => {
  const s = S.readDoc({ schema: 5, marketplaces: ['amazon'], sites: { 'www.ebay.com': { enabled: true, marketplace: null },
    'seller.shopee.tw': { enabled: false, marketplace: null } } }, quiet);
  assert.deepEqual(S.siteState(s, 'sellercentral.amazon.com', 'amazon'), { enabled: true, marketplace: null, off: null });
  assert.deepEqual(S.siteState(s, 'seller.etsy.com', 'etsy'), { enabled: false, marketplace: null, off: 'marketplace' });
  assert.equal(S.siteState(s, 'www.ebay.com', 'ebay').enabled, true, "the seller's own switch wins");
  assert.deepEqual(S.siteState(s, 'seller.shopee.tw', 'shopee').off, 'site');
  assert.equal(S.siteState(s, 'unknown.example', null).enabled, true, 'a site of no known marketplace stays on');
  assert.equal(S.siteState(S.defaults(), 'seller.etsy.com', 'etsy').enabled, true, 'nothing picked: every site on');
});
