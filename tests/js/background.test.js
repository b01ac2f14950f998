// The background's message gate with a fake browser API: what a listing page's content
// script may ask for, and what only the extension's own pages may do.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ROOT } from './load.mjs';

const require = createRequire(import.meta.url);
const EXT = 'chrome-extension://abc/';

function area() {
  const data = {};
  return {
    data,
    async get(k) { if (k === null) return structuredClone(data); const o = {}; for (const x of [].concat(k)) if (x in data) o[x] = structuredClone(data[x]); return o; },
    async set(items) { Object.assign(data, structuredClone(items)); },
    async remove(k) { for (const x of [].concat(k)) delete data[x]; },
  };
}

const local = area();
const session = area();
const created = [];
let listener = null;
const removedListeners = [];
globalThis.chrome = {
  runtime: { id: 'abc', getURL: (p) => EXT + p, onMessage: { addListener: (f) => { listener = f; } }, onInstalled: { addListener() {} }, getManifest: () => ({ version: '0' }) },
  i18n: { getUILanguage: () => 'en' },
  storage: { local, session, onChanged: { addListener() {} } },
  tabs: { create: async (o) => { created.push(o); }, query: async () => [{ id: 1 }], onRemoved: { addListener: (f) => removedListeners.push(f) } },
  action: { setBadgeText: async () => {}, setBadgeBackgroundColor: async () => {} },
};
const configs = [];
globalThis.wasm_bindgen = { checkPack: () => ({ id: 'x' }), marketFromHost: (h) => (h.endsWith('.tw') ? 'tw' : undefined) };
// One engine, as LGEngine keeps one while the packs stay the same: the lint path sets its
// configuration when it changes (setConfig) and lints records (lintRecords); `configs` holds
// the configuration each lint ran with.
const found = () => [{ rule: 'counterfeit.replica', text: 'Replica', severity: 'block' }];
let setConfigs = 0;
const linter = (() => {
  let current = null;
  return {
    lint: (l, c) => { configs.push(c); return found(); },
    setConfig: (c) => { current = c; setConfigs += 1; },
    lintRecords: (records) => { assert.ok(records instanceof Uint8Array); configs.push(current); return found(); },
    packs: () => [],
  };
})();
globalThis.LGEngine = { init: async () => {}, error: () => null, get: async () => linter };
for (const f of ['wake.js', 'settings-schema.js', 'settings-store.js', 'settings.js', 'listings.js', 'records.js', 'confirm.js', 'tabs.js', 'log.js', 'background.js']) {
  const exported = require(path.join(ROOT, 'extension/background', f));
  if (f === 'wake.js') globalThis.LGWake = exported;
  if (f === 'settings-schema.js') globalThis.LGSchema = exported;
  if (f === 'settings-store.js') globalThis.LGStore = exported;
  if (f === 'settings.js') globalThis.LGSettings = exported;
  if (f === 'confirm.js') globalThis.LGConfirm = exported;
  if (f === 'log.js') globalThis.LGLog = exported;
  if (f === 'listings.js') globalThis.LGListings = exported;
  if (f === 'records.js') globalThis.LGRecords = exported;
}

const page = { id: 'abc', url: 'https://sellercentral.amazon.com/abis/listing', tab: { id: 1, windowId: 1, index: 0 } };
const ext = { id: 'abc', url: `${EXT}options/options.html`, tab: { id: 2 } };

function send(msg, sender) {
  return new Promise((resolve) => {
    const async = listener(msg, sender, resolve);
    if (!async) resolve(undefined);
  });
}

test('a page may lint and ignore (on its own page only); global changes wait for a confirmation', async () => {
  assert.equal((await send({ type: 'lint', listing: { title: 'Replica' }, host: 'x' }, page)).ok, true);
  let r = await send({ type: 'settings-op', op: 'ignore', rule: 'counterfeit.replica', text: 'Replica', page: 'evil.example/elsewhere' }, page);
  assert.equal(r.ok, true);
  assert.equal(local.data.settings.ignored[0].page, 'sellercentral.amazon.com/abis/listing', 'the page key comes from the sender');
  r = await send({ type: 'lint', listing: { title: 'Replica' }, host: 'x' }, page);
  assert.deepEqual(r.findings, [], 'the ignore applies after the engine');
  r = await send({ type: 'settings-op', op: 'allow-brand', brand: 'Rolex' }, page);
  assert.equal(r.confirm, true);
  assert.deepEqual(local.data.settings.brands, [], 'not applied from a page');
  assert.equal(created.length, 1);
  assert.match(created[0].url, /^chrome-extension:\/\/abc\/confirm\/confirm\.html\?id=/);
  for (const op of ['set-rule', 'toggle-pack', 'import-settings', 'clear-ignored', 'reset', 'set-custom', 'remove-brand']) {
    r = await send({ type: 'settings-op', op, rule: 'a.b', on: false }, page);
    assert.equal(r.ok, false, op);
    assert.match(r.error, /not available from a page/);
  }
  for (const type of ['packs', 'export', 'tab', 'try', 'confirm', 'pending']) {
    assert.equal(await send({ type, tabId: 1, id: 'x' }, page), undefined, `${type} answered a page`);
  }
  // The extension's confirm page answers with the request's id; a wrong id does nothing.
  const id = new URL(created[0].url).searchParams.get('id');
  assert.equal((await send({ type: 'confirm', id: 'nope', accept: true }, ext)).ok, false);
  assert.equal((await send({ type: 'pending', id }, ext)).pending.op.brand, 'Rolex');
  assert.equal((await send({ type: 'confirm', id, accept: true }, ext)).applied, true);
  assert.deepEqual(local.data.settings.brands, [{ name: 'Rolex', note: '' }]);
  assert.equal((await send({ type: 'confirm', id, accept: true }, ext)).ok, false, 'answered once');
  // Extension pages may change anything.
  assert.equal((await send({ type: 'settings-op', op: 'set-rule', rule: 'a.b', on: false }, ext)).ok, true);
  assert.deepEqual(local.data.settings.rules, { 'a.b': false });
});

test('counts of a closed tab are removed', async () => {
  await session.set({ 'tab:7': { host: 'h', frames: {} }, 'tab:1': { host: 'h', frames: {} } });
  removedListeners.forEach((f) => f(7));
  await new Promise((r) => setTimeout(r, 0));
  assert.deepEqual(Object.keys(session.data).filter((k) => k.startsWith('tab:')), ['tab:1']);
});

test('the destination market comes from the seller center\'s host', async () => {
  const tw = { id: 'abc', url: 'https://seller.shopee.tw/portal/product/new', tab: { id: 3, windowId: 1, index: 0 } };
  const r = await send({ type: 'lint', listing: { title: 'Replica', price: '590' }, host: 'seller.shopee.tw' }, tw);
  assert.ok(r.findings, JSON.stringify(r));
  assert.equal(configs.at(-1).market, 'tw');
  await send({ type: 'lint', listing: { title: 'Replica' }, host: 'x' }, page);
  assert.equal(configs.at(-1).market, null, 'amazon.com names no market here');
});

test('reseller mode: a card asks, the confirm page adds the proof note, the engine gets the brand', async () => {
  created.length = 0;
  // A page's note is not kept: only the confirm page, typed by the seller, gives one.
  let r = await send({ type: 'settings-op', op: 'resell-brand', brand: 'Nike', note: 'page text' }, page);
  assert.equal(r.confirm, true);
  assert.deepEqual(local.data.settings.resellBrands, [], 'not applied from a page');
  const id = new URL(created[0].url).searchParams.get('id');
  assert.deepEqual((await send({ type: 'pending', id }, ext)).pending.op, { op: 'resell-brand', brand: 'Nike' });
  assert.equal((await send({ type: 'confirm', id, accept: true, note: ' invoices in the blue folder ' }, ext)).applied, true);
  assert.deepEqual(local.data.settings.resellBrands, [{ name: 'Nike', note: 'invoices in the blue folder' }]);
  await send({ type: 'lint', listing: { title: 'Nike' }, host: 'x' }, page);
  assert.deepEqual(configs.at(-1).resell_brands, [{ brand: 'Nike', note: 'invoices in the blue folder' }]);
  // The options page adds and removes directly; the same name is one entry.
  assert.equal((await send({ type: 'settings-op', op: 'resell-brand', brand: 'nike', note: 'new note' }, ext)).ok, true);
  assert.equal((await send({ type: 'settings-op', op: 'resell-brand', brand: 'Rolex' }, ext)).ok, true);
  assert.deepEqual(local.data.settings.resellBrands, [{ name: 'Nike', note: 'new note' }, { name: 'Rolex', note: '' }]);
  assert.equal((await send({ type: 'settings-op', op: 'remove-resell-brand', brand: 'Rolex' }, page)).ok, false, 'not from a page');
  assert.equal((await send({ type: 'settings-op', op: 'remove-resell-brand', brand: 'Rolex' }, ext)).ok, true);
  assert.deepEqual(local.data.settings.resellBrands.map((b) => b.name), ['Nike']);
  // Export carries them.
  assert.deepEqual((await send({ type: 'export' }, ext)).data.settings.resellBrands, [{ name: 'Nike', note: 'new note' }]);
  assert.equal((await send({ type: 'settings-op', op: 'remove-resell-brand', brand: 'Nike' }, ext)).ok, true);
});

test('a page sends only what changed since its last answered pass; an unknown base asks for the whole listing', async () => {
  const sent = [];
  await send({ type: 'lint', listing: { title: 'warm' }, host: 'x' }, page);
  const [beforeAll, setBefore] = [configs.length, setConfigs];
  let r = await send({ type: 'lint', doc: 'p1', listing: { title: 'Replica', description: 'long text' }, host: 'x' }, page);
  assert.equal(r.ok, true);
  assert.ok(Number.isInteger(r.gen), 'the answer names the listing it kept');
  r = await send({ type: 'lint', doc: 'p1', base: r.gen, changed: { title: 'Replica watch' }, removed: [], host: 'x' }, page);
  assert.equal(r.ok, true);
  assert.equal(configs.length, beforeAll + 2, 'both linted');
  assert.equal(setConfigs, setBefore, 'the same configuration is not converted again');
  r = await send({ type: 'lint', doc: 'p1', base: r.gen + 100, changed: {}, removed: [], host: 'x' }, page);
  assert.deepEqual([r.ok, r.resync], [true, true]);
  r = await send({ type: 'lint', doc: 'p1', base: 'x', changed: {}, host: 'x' }, page);
  assert.equal(r, undefined, 'a malformed lint message is not answered');
  sent.push(r);
});
