// End-to-end specs, written once and run in both browsers. Each waits on the DOM contract
// (data-state, data-findings, the .finding elements), never on sleeps.
import assert from 'node:assert/strict';
import { pageScript } from './page.mjs';

const TIMEOUT = 10_000;

/** Polls a condition on page state until it holds; fails with the last state seen. */
export async function waitFor(drv, describe, read, ok, timeout = TIMEOUT) {
  const until = Date.now() + timeout;
  let last;
  for (;;) {
    last = await read();
    if (ok(last)) return last;
    if (Date.now() > until) throw new Error(`timed out waiting for ${describe}; last state: ${JSON.stringify(last).slice(0, 1500)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const snapshot = (drv) => drv.eval(pageScript('LG.snapshot()'));
const idle = (s) => s.present && s.state === 'idle';
const has = (s, rule, field, start, end) => s.findings.some((f) => f.rule === rule && f.field === field
  && (start === undefined || (f.start === start && f.end === end)));
const find = (s, rule, field) => s.findings.find((f) => f.rule === rule && f.field === field);

/** Waits for an idle pass whose findings satisfy `ok`. */
export function waitFindings(drv, describe, ok, timeout) {
  return waitFor(drv, describe, () => snapshot(drv), (s) => idle(s) && ok(s), timeout);
}

// The fields of fixtures/basic.html, as expressions evaluated in the page.
export const F = {
  title: `document.querySelector('#title')`,
  brand: `document.querySelector('#brand')`,
  price: `document.querySelector('#price')`,
  bullet: `document.querySelector('#bullet1')`,
  features: `document.querySelector('#features')`,
  keywords: `document.querySelector('#keywords').shadowRoot.querySelector('textarea')`,
  frame: `document.querySelector('#desc-frame').contentDocument.body`,
  extra: `document.querySelector('#extra')`,
};

async function focus(drv, expr) {
  assert.equal(await drv.eval(pageScript(`LG.focusEnd(${expr})`)), true, `could not focus ${expr}`);
}

/** The highlight of a finding sits over the words it names (within a few pixels). */
async function assertAligned(drv, expr, finding, label) {
  const want = await drv.eval(pageScript(`LG.expectedRect(${expr}, ${finding.start}, ${finding.end})`));
  assert.ok(finding.boxes.length >= 1, `${label}: no box drawn`);
  const box = finding.boxes[0];
  const msg = `${label}: box ${JSON.stringify(box)} vs text at ${JSON.stringify(want)}`;
  assert.ok(Math.abs(box.left - want.left) <= 3, msg);
  assert.ok(Math.abs(box.width - want.width) <= 4, msg);
  assert.ok(box.top >= want.top - 3 && box.top + box.height <= want.bottom + 3, msg);
}

// What a seller types, field by field, and what must be found there (UTF-16 offsets).
const TYPED = [
  { key: 'title', paste: '🔥新款 ', type: 'Replica Rolex watch', rule: 'counterfeit.replica', field: 'title', start: 5, end: 12 },
  { key: 'brand', type: 'Acme' },
  { key: 'price', type: '$25', rule: 'price.below-floor', field: 'price', marker: true },
  { key: 'bullet', type: 'Soft strap, a great dupe for summer', rule: 'counterfeit.dupe', field: 'bullets', start: 20, end: 24 },
  { key: 'features', paste: '防水 高仿 手表', rule: 'counterfeit.replica', field: 'bullets', start: 3, end: 5 },
  { key: 'keywords', type: 'nike running shoes', rule: 'brands.sportswear', field: 'keywords', start: 0, end: 4 },
  { key: 'frame', type: 'Contact seller@example.com for more', rule: 'claims.contact-details', field: 'description', start: 8, end: 26 },
];

export const specs = [
  {
    name: 'highlights land on the right words in every kind of field, typed text untouched',
    pages: ['basic.html', 'strict/basic.html'],
    async run(drv, { url, strict, shot }) {
      await drv.goto(url);
      const inline = await drv.eval(`document.documentElement.dataset.inline || null`);
      assert.equal(inline, strict ? null : 'ran', 'the strict page must really block inline scripts');
      for (const t of TYPED) {
        await focus(drv, F[t.key]);
        if (t.paste) await drv.paste(t.paste);
        if (t.type) await drv.type(t.type);
        if (!t.rule) continue;
        const s = await waitFindings(drv, `${t.rule} in ${t.key}`, (s) => has(s, t.rule, t.field, t.start, t.end));
        const f = s.findings.find((x) => x.rule === t.rule && x.field === t.field && (t.marker || x.start === t.start));
        if (t.marker) assert.ok(f.marker && f.boxes.length === 1, `${t.key}: a marker`);
        else await assertAligned(drv, F[t.key], f, `${drv.name} ${url} ${t.key}`);
      }
      // A field added after load is found and checked.
      await drv.click('#add-field');
      await focus(drv, F.extra);
      await drv.type('This cures arthritis');
      const s = await waitFindings(drv, 'claims.medical in the added field', (s) => has(s, 'claims.medical', 'other', 5, 10));
      await assertAligned(drv, F.extra, find(s, 'claims.medical', 'other'), 'added field');
      assert.equal(s.roots, 1, 'one listing-guard-root');
      assert.equal(s.count, s.findings.length, 'data-findings is the number of highlights');
      // What the seller typed is exactly what the fields hold and what the form submits.
      const values = await drv.eval(pageScript(`Object.fromEntries(Object.entries({${Object.entries(F)
        .map(([k, e]) => `${k}: ${e}`).join(', ')}}).map(([k, el]) => [k, LG.text(el)]))`));
      for (const t of TYPED) assert.equal(values[t.key], (t.paste || '') + (t.type || ''), `${t.key} value untouched`);
      assert.equal(values.extra, 'This cures arthritis');
      const pageHtml = await drv.eval(`document.querySelector('#features').innerHTML + document.querySelector('#desc-frame').contentDocument.body.innerHTML`);
      assert.ok(!/listing-guard|lg-/i.test(pageHtml), 'nothing of ours inside the editors');
      await drv.click('button[type=submit]');
      const sent = JSON.parse(await drv.eval(`document.body.dataset.submitted`));
      assert.deepEqual(sent, { item_name: values.title, brand_name: 'Acme', price: '$25',
        bullet_point: values.bullet, extra_details: 'This cures arthritis' });
      await shot(strict ? 'basic-strict' : 'basic');
    },
  },
  {
    name: 'popup: counts, findings by field worst first, Go to selects the words, Fix applies; a pack turned off in settings leaves the tab at once; site switch',
    pages: ['basic.html'],
    async run(drv, { url, base, shot }) {
      await drv.goto(url);
      const tab = await drv.currentTab();
      await focus(drv, F.title);
      await drv.type('Replica Rolex watch');
      await focus(drv, F.bullet);
      await drv.type('Antibacterial cutting board');
      let s = await waitFindings(drv, 'replica in title', (s) => has(s, 'counterfeit.replica', 'title') && has(s, 'brands.watches', 'title')
        && has(s, 'claims.pesticide', 'bullets'));
      const blocks = s.findings.filter((f) => f.severity === 'block').length;
      const popup = await drv.openTab(`${base}popup/popup.html?tab=${await tabIdOf(drv, tab)}`);
      const read = () => drv.eval(`({ ready: document.body.dataset.ready || null,
        block: document.querySelector('[data-count=block]').textContent,
        packs: document.querySelectorAll('input[data-pack]').length,
        groups: [...document.querySelectorAll('#findings .group')].map((g) => ({ field: g.dataset.field,
          items: [...g.querySelectorAll('.item')].map((i) => ({ rule: i.dataset.rule, severity: i.dataset.severity,
            ops: [...i.querySelectorAll('button')].map((b) => b.dataset.op) })) })),
        legend: document.querySelectorAll('.legend li').length })`);
      const p = await waitFor(drv, 'popup ready', read, (c) => c.ready && c.groups.length >= 2);
      assert.equal(Number(p.block), blocks, 'popup block count matches the tab');
      assert.equal(p.packs, 0, 'pack switches live in the settings page, not the popup');
      assert.equal(p.legend, 3, 'a legend of the three colours');
      assert.equal(p.groups[0].field, 'title', 'the field with the worst finding comes first');
      assert.equal(p.groups[0].items[0].severity, 'block', 'worst first within a field');
      const replica = p.groups[0].items.find((i) => i.rule === 'counterfeit.replica');
      assert.deepEqual(replica.ops, ['goto', 'fix'], 'Go to and Fix');
      // The toolbar badge shows the block and warn findings of the tab.
      const warns = s.findings.filter((f) => f.severity === 'warn').length;
      const badge = await drv.eval(`(async () => { const api = globalThis.browser ?? globalThis.chrome;
        return api.action.getBadgeText({ tabId: Number(new URLSearchParams(location.search).get('tab')) }); })()`);
      assert.equal(badge, String(blocks + warns), 'badge = block + warn findings');
      await shot('popup');
      // Go to: the tab's title field has the words selected.
      await drv.click('#findings .group[data-field="title"] .item[data-rule="counterfeit.replica"] button[data-op="goto"]');
      await drv.useTab(tab);
      const sel = await drv.eval(`[${F.title}.selectionStart, ${F.title}.selectionEnd]`);
      assert.deepEqual(sel, [0, 7], 'Go to selects “Replica”');
      // Fix from the popup: the bullet's claim is replaced.
      await drv.useTab(popup);
      await drv.click('#findings .group[data-field="bullets"] .item[data-rule="claims.pesticide"] button[data-op="fix"]');
      await drv.useTab(tab);
      await waitFor(drv, 'fixed from the popup', () => drv.eval(`${F.bullet}.value`), (v) => v === 'Easy to clean cutting board');
      await drv.closeTab(popup);
      // A pack switched off in the settings page leaves the open tab at once.
      const options = await drv.openTab(`${base}options/options.html`);
      await waitFor(drv, 'pack switches', () => drv.eval(`document.querySelectorAll('input[data-pack]').length`), (n) => n > 0);
      await drv.click('#advanced > summary');
      await drv.click('input[data-pack="counterfeit"]');
      await drv.useTab(tab);
      s = await waitFindings(drv, 'counterfeit findings gone', (s) => !s.findings.some((f) => f.rule.startsWith('counterfeit.'))
        && has(s, 'brands.watches', 'title'));
      await drv.useTab(options);
      await drv.click('input[data-pack="counterfeit"]');
      await drv.closeTab(options);
      await drv.useTab(tab);
      await waitFindings(drv, 'counterfeit findings back', (s) => has(s, 'counterfeit.replica', 'title'));
      // Site off: nothing of ours is left on the page; on again: back.
      const popup2 = await drv.openTab(`${base}popup/popup.html?tab=${await tabIdOf(drv, tab)}`);
      await waitFor(drv, 'popup ready', read, (c) => c.ready);
      await drv.click('#site');
      await drv.useTab(tab);
      await waitFor(drv, 'root removed', () => snapshot(drv), (s) => !s.present);
      await drv.useTab(popup2);
      await drv.click('#site');
      await drv.useTab(tab);
      await waitFindings(drv, 'findings back with the site on', (s) => has(s, 'counterfeit.replica', 'title'));
      await drv.closeTab(popup2);
      await drv.useTab(tab);
    },
  },
  {
    name: 'the background stopped and woken still lints',
    pages: ['basic.html'],
    async run(drv, { url }) {
      await drv.goto(url);
      await focus(drv, F.title);
      await drv.type('Rolex watch');
      await waitFindings(drv, 'rolex', (s) => has(s, 'brands.watches', 'title'));
      const left = await drv.stopWorker();
      assert.equal(left, 0, 'the background (service worker or event page) is stopped');
      await drv.type(' 1:1');
      await waitFindings(drv, '1:1 after the restart', (s) => has(s, 'counterfeit.mirror-quality', 'title'));
    },
  },
  {
    name: 'hover shows the card; "Ignore here" removes that finding only',
    pages: ['basic.html'],
    async run(drv, { url, shot }) {
      await drv.goto(url);
      await focus(drv, F.title);
      await drv.type('Replica Rolex watch');
      let s = await waitFindings(drv, 'replica in title', (s) => has(s, 'counterfeit.replica', 'title'));
      const box = find(s, 'counterfeit.replica', 'title').boxes[0];
      await drv.mouseMove(box.left + box.width / 2, box.top + box.height / 2);
      const card = await waitFor(drv, 'the card', () => drv.eval(`(() => { const c = document.querySelector('listing-guard-root')
        .shadowRoot.querySelector('.card'); const r = c.getBoundingClientRect();
        return { hidden: c.hidden, rule: c.dataset.rule || null, text: c.textContent,
          buttons: [...c.querySelectorAll('button')].map((b) => { const q = b.getBoundingClientRect();
            return { op: b.dataset.op, x: q.left + q.width / 2, y: q.top + q.height / 2 }; }) }; })()`),
      (c) => !c.hidden && c.rule === 'counterfeit.replica');
      assert.match(card.text, /Replica/);
      await shot('card');
      const ignore = card.buttons.find((b) => b.op === 'ignore');
      await drv.mouseClick(ignore.x, ignore.y);
      s = await waitFindings(drv, 'the ignored finding gone', (s) => !has(s, 'counterfeit.replica', 'title') && has(s, 'brands.watches', 'title'));
      // The options page lists what was ignored; clearing the list brings the finding back.
      const listing = await drv.currentTab();
      const options = await drv.openTab(`${drv.extensionBase}options/options.html`);
      const listed = await waitFor(drv, 'the ignored list', () => drv.eval(`document.getElementById('ignored').textContent`),
        (t) => t.includes('counterfeit.replica'));
      assert.match(listed, /Replica/);
      await drv.click('#ignored-clear');
      await drv.closeTab(options);
      await drv.useTab(listing);
      await waitFindings(drv, 'the finding back after clearing', (s) => has(s, 'counterfeit.replica', 'title'));
    },
  },
];

/** Runs `expr` (may be async; `api` is the extension API) in an extension page, then comes back. */
export async function inExtension(drv, expr) {
  const back = await drv.currentTab();
  const tab = await drv.openTab(`${drv.extensionBase}popup/popup.html?tab=-1`);
  try {
    return await drv.eval(`(async () => { const api = globalThis.browser ?? globalThis.chrome; return (${expr}); })()`);
  } finally {
    await drv.closeTab(tab);
    await drv.useTab(back);
  }
}

/** Focuses the title field at its end and types `text` as the seller would. */
export async function typeTitle(drv, text) {
  assert.equal(await drv.eval(pageScript(`LG.focusEnd(${F.title})`)), true);
  await drv.type(text);
}

/** The browser's id of a tab, read from what the background recorded for it. */
export async function tabIdOf(drv, tab) {
  const probe = await drv.openTab(`${drv.extensionBase}popup/popup.html?tab=-1`);
  const ids = await drv.eval(`(async () => { const api = globalThis.browser ?? globalThis.chrome;
    const all = await api.storage.session.get(null);
    return Object.entries(all).filter(([k, v]) => k.startsWith('tab:') && v.host === '127.0.0.1').map(([k]) => Number(k.slice(4))); })()`);
  await drv.closeTab(probe);
  await drv.useTab(tab);
  assert.equal(ids.length >= 1, true, 'the background recorded the fixture tab');
  return Math.max(...ids);
}
