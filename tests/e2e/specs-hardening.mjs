// The page cannot steer or starve Listing Guard, hostile settings are refused, nothing is
// lost (issue 17). Each spec drives the extension as a seller would and, where the issue
// shows an attack, does what a page script can do, then checks storage from an extension page.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pageScript } from './page.mjs';
import { waitFor, waitFindings, F, inExtension, typeTitle } from './specs.mjs';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const has = (s, rule) => s.findings.some((f) => f.rule === rule);
// The files a spec hands to a file input: one folder for the run, removed when it ends.
let tmpDir = null;
const tmpFile = (name, text) => {
  if (!tmpDir) {
    tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lg-hard-'));
    process.on('exit', () => fs.rmSync(tmpDir, { recursive: true, force: true }));
  }
  const f = path.join(fs.mkdtempSync(path.join(tmpDir, 'f-')), name);
  fs.writeFileSync(f, text);
  return f;
};

const stored = (drv) => inExtension(drv, `Promise.all([api.storage.local.get(null), api.storage.session.get(null)]).then(([local, session]) => ({ local, session }))`);
const op = (o) => `api.runtime.sendMessage(${JSON.stringify({ type: 'settings-op', ...o })})`;

const cardState = `(() => { const c = document.querySelector('listing-guard-root').shadowRoot.querySelector('.card');
  return { hidden: c.hidden, rule: c.dataset.rule || null, buttons: [...c.querySelectorAll('button')].map((b) => { const q = b.getBoundingClientRect();
    return { op: b.dataset.op, x: q.left + q.width / 2, y: q.top + q.height / 2 }; }) }; })()`;

export const hardeningSpecs = [
  {
    name: 'hardening: a page script cannot open the card or press its buttons; global changes wait for a yes in the extension',
    pages: ['basic.html'],
    async run(drv, { url }) {
      await drv.goto(url);
      await typeTitle(drv, 'Replica Rolex watch');
      const s = await waitFindings(drv, 'replica', (x) => has(x, 'counterfeit.replica') && has(x, 'brands.watches'));
      const before = await stored(drv);
      // The brand's card: counterfeit wording's card offers no brand declaration (specs-resell.mjs).
      const box = s.findings.find((f) => f.rule === 'brands.watches').boxes[0];
      const cx = box.left + box.width / 2, cy = box.top + box.height / 2;
      // Synthetic pointer and caret events: the card stays hidden.
      const shown = await drv.eval(`(async () => {
        const t = document.querySelector('#title');
        t.setSelectionRange(2, 2);
        t.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
        document.dispatchEvent(new MouseEvent('mousemove', { clientX: ${cx}, clientY: ${cy}, bubbles: true }));
        for (let i = 0; i < 3; i += 1) await new Promise(requestAnimationFrame);
        return !document.querySelector('listing-guard-root').shadowRoot.querySelector('.card').hidden; })()`);
      assert.equal(shown, false, 'synthetic events opened the card');
      // The seller's own pointer opens it; the page then "clicks" every button.
      await drv.mouseMove(cx, cy);
      const card = await waitFor(drv, 'the card', () => drv.eval(cardState), (c) => !c.hidden && c.rule === 'brands.watches');
      assert.ok(card.buttons.some((b) => b.op === 'allow-brand'), 'the card offers "Rolex is my brand"');
      await drv.eval(`(() => { const c = document.querySelector('listing-guard-root').shadowRoot.querySelector('.card');
        for (const b of c.querySelectorAll('button')) { b.click(); b.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true })); } })()`);
      assert.equal((await drv.eval(cardState)).hidden, false, 'the buttons did not act on untrusted clicks');
      const after = await stored(drv);
      assert.deepEqual(after.local, before.local, 'storage changed by page clicks');
      assert.equal(after.session.confirm, undefined, 'a confirmation was asked for by page clicks');
      // A real click on "Rolex is my brand" changes nothing yet: it asks in the extension's own page.
      const allow = card.buttons.find((b) => b.op === 'allow-brand');
      await drv.mouseClick(allow.x, allow.y);
      const pending = await waitFor(drv, 'the pending confirmation', () => stored(drv), (x) => x.session.confirm);
      assert.deepEqual(pending.session.confirm.op, { op: 'allow-brand', brand: 'Rolex' });
      assert.deepEqual((pending.local.settings || {}).brands || [], [], 'stored before the seller said yes');
      const listing = await drv.currentTab();
      await drv.openTab(`${drv.extensionBase}confirm/confirm.html?id=${encodeURIComponent(pending.session.confirm.id)}`);
      await waitFor(drv, 'confirm page', () => drv.eval(`document.body.dataset.ready || null`), Boolean);
      assert.match(await drv.eval(`document.getElementById('question').textContent`), /Rolex/);
      await drv.click('#yes');
      await waitFor(drv, 'answered', () => drv.eval(`document.body.dataset.answered || null`), (a) => a === 'yes');
      await drv.closeTab(await drv.currentTab());
      await drv.useTab(listing);
      const done = await stored(drv);
      assert.deepEqual(done.local.settings.brands, [{ name: 'Rolex', note: '' }]);
      assert.equal(done.session.confirm, undefined, 'answered once');
      await inExtension(drv, op({ op: 'remove-brand', brand: 'Rolex' }));
    },
  },
  {
    name: 'hardening: a settings import with one bad value is refused naming the key; null, newer and string schemas refused',
    pages: ['basic.html'],
    async run(drv, { url }) {
      await drv.goto(url);
      const listing = await drv.currentTab();
      await inExtension(drv, op({ op: 'allow-brand', brand: 'Acme', note: 'mine' }));
      const before = (await stored(drv)).local;
      await drv.openTab(`${drv.extensionBase}options/options.html`);
      await waitFor(drv, 'options ready', () => drv.eval(`document.body.dataset.ready || null`), Boolean);
      const wrap = (settings) => JSON.stringify({ format: 'listing-guard-settings', version: '0.1.0', settings });
      const cases = [
        [{ schema: 3, severity: { 'counterfeit.replica': 'high' } }, /settings\.severity\["counterfeit\.replica"\]: "high" is not one of block, warn, info/],
        [{ schema: 3, packs: { counterfeit: 'no' } }, /settings\.packs\["counterfeit"\]/],
        [null, /settings: null is not a settings document/],
        [[], /settings: \[\] is not a settings document/],
        [{}, /settings\.schema: missing/],
        [{ schema: 9, brands: [] }, /newer version of Listing Guard/],
        [{ schema: '2', allowBrands: ['Acme'] }, /settings\.schema: "2" is not a schema number/],
      ];
      for (const [i, [settings, re]] of cases.entries()) {
        await drv.eval(`document.getElementById('io-error').hidden = true`);
        await drv.setFile('#import-settings', tmpFile(`bad-${i}.json`, wrap(settings)));
        const shown = await waitFor(drv, `refusal ${i}`, () => drv.eval(`(() => { const e = document.getElementById('io-error'); return e.hidden ? null : e.textContent; })()`), Boolean);
        assert.match(shown, re);
      }
      await drv.closeTab(await drv.currentTab());
      await drv.useTab(listing);
      assert.deepEqual((await stored(drv)).local, before, 'a refused import changed storage');
      await typeTitle(drv, 'Replica Rolex watch');
      await waitFindings(drv, 'still linting', (x) => has(x, 'counterfeit.replica'));
      await inExtension(drv, op({ op: 'remove-brand', brand: 'Acme' }));
    },
  },
  {
    name: 'hardening: one bad stored value never stops linting',
    pages: ['basic.html'],
    async run(drv, { url }) {
      await drv.goto(url);
      // What a buggy older version (or a hand-edited profile) might have stored.
      await inExtension(drv, `api.storage.local.set({ settings: { schema: 3, severity: { 'counterfeit.replica': 'high' }, packs: { claims: 'no' }, packKeys: [] } })`);
      assert.equal(await drv.stopWorker(), 0, 'the background restarted and reads storage again');
      await typeTitle(drv, 'Replica Rolex watch');
      await waitFindings(drv, 'findings with a bad stored value', (x) => has(x, 'counterfeit.replica') && has(x, 'brands.watches'));
      await inExtension(drv, op({ op: 'reset' }));
    },
  },
  {
    name: 'hardening: 20 concurrent rule switches from two extension pages are all stored',
    pages: ['basic.html'],
    async run(drv, { url }) {
      await drv.goto(url);
      const back = await drv.currentTab();
      const a = await drv.openTab(`${drv.extensionBase}popup/popup.html?tab=-1`);
      await waitFor(drv, 'popup a ready', () => drv.eval(`document.body.dataset.ready || null`), Boolean);
      const b = await drv.openTab(`${drv.extensionBase}popup/popup.html?tab=-1`);
      await waitFor(drv, 'popup b ready', () => drv.eval(`document.body.dataset.ready || null`), Boolean);
      // The switches are the first messages the background gets after it wakes.
      assert.equal(await drv.stopWorker(), 0);
      const fire = (prefix) => `(() => { const api = globalThis.browser ?? globalThis.chrome; window.__sent = Array.from({ length: 10 }, (_, i) =>
        api.runtime.sendMessage({ type: 'settings-op', op: 'set-rule', rule: '${prefix}.r' + i, on: false })); return true; })()`;
      await drv.useTab(a); await drv.eval(fire('page-a'));
      await drv.useTab(b); await drv.eval(fire('page-b'));
      for (const t of [a, b]) {
        await drv.useTab(t);
        const replies = await drv.eval(`Promise.all(window.__sent)`);
        assert.ok(replies.every((r) => r && r.ok), JSON.stringify(replies));
      }
      const rules = await drv.eval(`(globalThis.browser ?? globalThis.chrome).storage.local.get('settings').then((g) => g.settings.rules)`);
      assert.equal(Object.keys(rules).length, 20, JSON.stringify(rules));
      await drv.eval(`(globalThis.browser ?? globalThis.chrome).runtime.sendMessage({ type: 'settings-op', op: 'reset' })`);
      await drv.closeTab(a);
      await drv.closeTab(b);
      await drv.useTab(back);
    },
  },
  {
    name: 'hardening: settings too large for storage are refused before writing; ignores stay bounded',
    pages: ['basic.html'],
    async run(drv, { url }) {
      await drv.goto(url);
      const listing = await drv.currentTab();
      const before = (await stored(drv)).local;
      // Six valid packs of 1.9 MB each (a long comment): more than the 10 MiB storage allows.
      const good = fs.readFileSync(path.join(FIXTURES, 'packs/good-pack.toml'), 'utf8');
      const filler = `# ${'x'.repeat(1_900_000)}\n`;
      const packs = Array.from({ length: 6 }, (_, i) => filler + good.replace('id = "my-words"', `id = "big-${i}"`));
      const file = tmpFile('big.json', JSON.stringify({ format: 'listing-guard-settings', settings: { schema: 3, userPacks: packs } }));
      await drv.openTab(`${drv.extensionBase}options/options.html`);
      await waitFor(drv, 'options ready', () => drv.eval(`document.body.dataset.ready || null`), Boolean);
      await drv.setFile('#import-settings', file);
      const shown = await waitFor(drv, 'size refusal', () => drv.eval(`(() => { const e = document.getElementById('io-error'); return e.hidden ? null : e.textContent; })()`), Boolean, 60_000);
      assert.match(shown, /would take 1\d\.\d MB; the browser keeps at most 9\.\d MB/);
      await drv.closeTab(await drv.currentTab());
      await drv.useTab(listing);
      // 520 ignores, one of 200 KB: at most 500 kept, each text shortened.
      const after = await inExtension(drv, `(async () => {
        await api.runtime.sendMessage({ type: 'settings-op', op: 'ignore', rule: 'x.big', page: 'p', text: 'y'.repeat(200000) });
        for (let i = 0; i < 520; i += 1) await api.runtime.sendMessage({ type: 'settings-op', op: 'ignore', rule: 'x.r', page: 'p', text: 't' + i });
        const s = (await api.storage.local.get('settings')).settings;
        return { n: s.ignored.length, size: JSON.stringify(s).length, first: s.ignored[0].text, last: s.ignored[s.ignored.length - 1].text,
          big: s.ignored.some((i) => i.rule === 'x.big') };
      })()`);
      assert.deepEqual({ n: after.n, first: after.first, last: after.last, big: after.big }, { n: 500, first: 't20', last: 't519', big: false });
      assert.ok(after.size < 120_000, `ignores take ${after.size} bytes`);
      await inExtension(drv, op({ op: 'clear-ignored' }));
      assert.deepEqual((await stored(drv)).local.settings.packKeys, before.settings ? before.settings.packKeys : [], 'no pack stored');
    },
  },
  {
    name: 'hardening: a single-quoted pack gets its Remove button; "Ignore here" on a merged finding hides it',
    pages: ['basic.html'],
    async run(drv, { url }) {
      await drv.goto(url);
      const listing = await drv.currentTab();
      const options = await drv.openTab(`${drv.extensionBase}options/options.html`);
      await waitFor(drv, 'options ready', () => drv.eval(`document.body.dataset.ready || null`), Boolean);
      await drv.click('#advanced > summary'); // packs are under Advanced
      await drv.setFile('#import-pack', path.join(FIXTURES, 'packs/overlap-pack.toml'));
      await waitFor(drv, 'Remove button', () => drv.eval(`Boolean(document.querySelector('[data-remove-pack="overlap-words"]'))`), Boolean);
      await drv.useTab(listing);
      await typeTitle(drv, 'a flarp zonk blip');
      const s = await waitFindings(drv, 'the merged finding', (x) => x.findings.filter((f) => f.rule === 'overlap-words.flarp').length === 1);
      const f = s.findings.find((x) => x.rule === 'overlap-words.flarp');
      assert.deepEqual([f.start, f.end], [2, 17], 'one finding over both terms');
      await drv.mouseMove(f.boxes[0].left + f.boxes[0].width / 2, f.boxes[0].top + f.boxes[0].height / 2);
      const card = await waitFor(drv, 'the card', () => drv.eval(cardState), (c) => !c.hidden && c.rule === 'overlap-words.flarp');
      const ignore = card.buttons.find((b) => b.op === 'ignore');
      await drv.mouseClick(ignore.x, ignore.y);
      await waitFindings(drv, 'merged finding and its parts hidden', (x) => !has(x, 'overlap-words.flarp') && x.state === 'idle');
      // The options page follows the change (it asks as soon as storage says so).
      await drv.useTab(options);
      await drv.click('[data-remove-pack="overlap-words"]');
      await waitFor(drv, 'pack removed', () => drv.eval(`!document.querySelector('[data-remove-pack="overlap-words"]')`), Boolean);
      await inExtension(drv, op({ op: 'clear-ignored' }));
      await drv.closeTab(options);
      await drv.useTab(listing);
    },
  },
  {
    name: 'hardening: a page that defines listing-guard-root first does not break drawing',
    pages: ['hostile-element.html'],
    async run(drv, { url }) {
      await drv.goto(url);
      await typeTitle(drv, 'Replica Rolex watch');
      const s = await waitFindings(drv, 'findings drawn', (x) => has(x, 'counterfeit.replica'));
      assert.ok(s.findings.find((f) => f.rule === 'counterfeit.replica').boxes.length >= 1);
      assert.equal(s.roots, 1);
    },
  },
  {
    name: 'hardening: an XML document is left alone',
    pages: ['feed.xml'],
    async run(drv, { url }) {
      await drv.goto(url);
      // The content scripts ran (document_idle) and found nothing to do.
      const r = await drv.eval(`({ roots: document.getElementsByTagName('listing-guard-root').length, kids: document.documentElement.children.length })`);
      assert.deepEqual(r, { roots: 0, kids: 3 });
    },
  },
  {
    name: 'hardening: a closed tab\'s counts are removed',
    pages: ['basic.html'],
    async run(drv, { url }) {
      const keep = await drv.currentTab();
      const tab = await drv.openTab(url);
      await typeTitle(drv, 'Replica Rolex watch');
      await waitFindings(drv, 'replica', (x) => has(x, 'counterfeit.replica'));
      const keys = async () => Object.keys((await stored(drv)).session).filter((k) => k.startsWith('tab:'));
      const withTab = await keys();
      await drv.closeTab(tab);
      await drv.useTab(keep);
      const left = await waitFor(drv, 'counts pruned', keys, (k) => k.length < withTab.length);
      assert.ok(left.length < withTab.length);
    },
  },
  {
    name: 'hardening: a busy page (DOM changes every 100-150 ms) is still checked as the seller types',
    pages: ['busy.html'],
    async run(drv, { url }) {
      await drv.goto(url);
      await typeTitle(drv, 'Replica Rolex watch');
      await waitFindings(drv, 'first findings', (x) => has(x, 'counterfeit.replica'));
      await drv.type(', a great dupe');
      await waitFindings(drv, 'new text checked', (x) => has(x, 'counterfeit.dupe') && has(x, 'counterfeit.replica'));
    },
  },
];
