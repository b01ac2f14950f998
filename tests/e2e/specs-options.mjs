// The options page and popup driven as a seller would, each change checked on an open
// fixture listing page; then the UI in Chinese and in dark mode.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pageScript } from './page.mjs';
import { tabIdOf } from './specs.mjs';
import { waitFor, waitFindings, F } from './specs.mjs';

/**
 * The text of `#id` on an extension page, once it reads `want`. Strict: Chromium's getMessage
 * answering '' for every string of an extension page (seen in some sessions) is covered by
 * the pages reading their own `_locales` file then (shared/ui.js), so a key shown fails.
 */
async function expectLocalised(drv, id, want) {
  const read = () => drv.eval(`(() => { const e = document.getElementById(${JSON.stringify(id)}); return { text: e.textContent, key: e.dataset.i18n || null }; })()`);
  await waitFor(drv, `#${id} localised`, read, (u) => u.text === want, 5000);
  // Say when the fallback was needed, so the browser's behaviour stays visible.
  const why = await drv.eval(`(() => { const api = globalThis.browser ?? globalThis.chrome;
    return { empty: !api.i18n.getMessage('extension_name'), ui: api.i18n.getUILanguage(), nav: navigator.language,
      extUi: api.i18n.getMessage('@@ui_locale') }; })()`);
  if (why.empty) console.log(`# ${drv.name}: getMessage answered '' on this page (getUILanguage ${why.ui}, navigator.language ${why.nav}, @@ui_locale '${why.extUi}'); strings came from the extension's own _locales (shared/locales.js)`);
}

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const has = (s, rule) => s.findings.some((f) => f.rule === rule);

async function typeTitle(drv, text) {
  assert.equal(await drv.eval(pageScript(`LG.focusEnd(${F.title})`)), true);
  await drv.type(text);
}

async function openOptions(drv) {
  const tab = await drv.openTab(`${drv.extensionBase}options/options.html`);
  await waitFor(drv, 'options page ready', () => drv.eval(`document.body.dataset.ready || null`), Boolean);
  // Packs, rules and severities are under Advanced, as a seller opens it.
  await drv.click('#advanced > summary');
  await waitFor(drv, 'Advanced open', () => drv.eval(`document.getElementById('advanced').open`), Boolean);
  return tab;
}

/** Runs `action` on the options tab, then waits on the listing tab for `ok`. */
async function effect(drv, tabs, describe, action, ok) {
  await drv.useTab(tabs.options);
  await action();
  await drv.useTab(tabs.listing);
  return waitFindings(drv, describe, ok);
}

const visibleError = (drv, id) => drv.eval(`(() => { const e = document.getElementById('${id}'); return e.hidden ? null : e.textContent; })()`);

export const optionSpecs = [
  {
    name: 'options page: packs, rules, own brands, custom rules, imports and export take effect on the open listing',
    pages: ['basic.html'],
    async run(drv, { url, shot }) {
      await drv.goto(url);
      const tabs = { listing: await drv.currentTab() };
      await typeTitle(drv, 'Replica Rolex watch zorblax flibber');
      await waitFindings(drv, 'starting findings', (s) => has(s, 'counterfeit.replica') && has(s, 'brands.watches'));
      tabs.options = await openOptions(drv);
      await shot('options');

      // Every control has an accessible name (label, aria-label or text).
      const unnamed = await drv.eval(`[...document.querySelectorAll('input, select, textarea, button')]
        .filter((e) => !((e.labels && e.labels.length) || e.getAttribute('aria-label') || e.textContent.trim()))
        .map((e) => e.outerHTML.slice(0, 80))`);
      assert.deepEqual(unnamed, [], 'controls without an accessible name');
      // A pack off with the mouse, on again with the keyboard alone.
      await effect(drv, tabs, 'counterfeit off', () => drv.click('input[data-pack="counterfeit"]'),
        (s) => !has(s, 'counterfeit.replica') && has(s, 'brands.watches'));
      await effect(drv, tabs, 'counterfeit on by keyboard', async () => {
        await drv.eval(`document.querySelector('input[data-pack="counterfeit"]').focus()`);
        await drv.type(' ');
      }, (s) => has(s, 'counterfeit.replica'));
      // A rule off and on.
      await effect(drv, tabs, 'brands.watches off', () => drv.click('input[data-rule="brands.watches"]'),
        (s) => !has(s, 'brands.watches') && has(s, 'counterfeit.replica'));
      await effect(drv, tabs, 'brands.watches on', () => drv.click('input[data-rule="brands.watches"]'), (s) => has(s, 'brands.watches'));
      // A severity override.
      await effect(drv, tabs, 'replica as info', async () => {
        await drv.eval(`(() => { const s = document.querySelector('select[data-severity-for="counterfeit.replica"]');
          s.value = 'info'; s.dispatchEvent(new Event('change')); })()`);
      }, (s) => s.findings.some((f) => f.rule === 'counterfeit.replica' && f.severity === 'info'));
      await effect(drv, tabs, 'reset to defaults', () => drv.click('#reset'),
        (s) => s.findings.some((f) => f.rule === 'counterfeit.replica' && f.severity === 'block'));

      // An own brand, with a note; then removed.
      await effect(drv, tabs, 'Rolex as own brand', async () => {
        await drv.click('#brand-name');
        await drv.type('Rolex');
        await drv.click('#brand-note');
        await drv.type('Authorised dealer invoice 2026-114');
        await drv.click('#brand-add');
      }, (s) => !has(s, 'brands.watches'));
      await drv.useTab(tabs.options);
      await waitFor(drv, 'brand listed', () => drv.eval(`document.querySelector('[data-brand="Rolex"]')?.textContent || null`),
        (t) => t && t.includes('Authorised dealer invoice'));
      await effect(drv, tabs, 'Rolex removed', () => drv.click('[data-brand="Rolex"] button'), (s) => has(s, 'brands.watches'));

      // A custom term, found on the listing and in the try-it box; a bad pattern refused.
      await effect(drv, tabs, 'custom term', async () => {
        await drv.click('#custom-value');
        await drv.type('zorblax');
        await drv.click('#custom-add');
      }, (s) => s.findings.some((f) => f.rule === 'custom.term-1' && f.field === 'title' && f.start === 20 && f.end === 27));
      await drv.useTab(tabs.options);
      await drv.click('#try-text');
      await drv.type('New zorblax bottle');
      await waitFor(drv, 'try-it result', () => drv.eval(`document.querySelector('#try-result [data-rule="custom.term-1"]') ? 1 : 0`), Boolean);
      await drv.eval(`(() => { const k = document.getElementById('custom-kind'); k.value = 'pattern'; k.dispatchEvent(new Event('change')); })()`);
      await drv.click('#custom-value');
      await drv.type('(unclosed');
      await drv.click('#custom-add');
      const refusal = await waitFor(drv, 'bad pattern refused', () => visibleError(drv, 'custom-error'), Boolean);
      assert.match(refusal, /custom/);
      assert.match(refusal, /pattern-2/);
      assert.match(refusal, /line \d+/);
      assert.equal(await drv.eval(`document.querySelectorAll('#custom li').length`), 1, 'the refused rule is not stored');

      // A good pack imported from disk; a broken one refused with pack, rule and position.
      await effect(drv, tabs, 'imported pack', () => drv.setFile('#import-pack', path.join(FIXTURES, 'packs/good-pack.toml')),
        (s) => has(s, 'my-words.rejected') && has(s, 'custom.term-1'));
      await drv.useTab(tabs.options);
      await drv.setFile('#import-pack', path.join(FIXTURES, 'packs/broken-pack.toml'));
      const broken = await waitFor(drv, 'broken pack refused', () => visibleError(drv, 'io-error'), Boolean);
      assert.match(broken, /broken-pack\.toml/);
      assert.match(broken, /broken-words/);
      assert.match(broken, /bad-pattern/);
      assert.match(broken, /line \d+, column \d+/);
      await shot('options-import-error');
      await drv.useTab(tabs.listing);
      await typeTitle(drv, ' wobbler');
      await waitFindings(drv, 'nothing lost after the refusal', (s) => has(s, 'my-words.rejected') && has(s, 'custom.term-1')
        && !s.findings.some((f) => f.rule.startsWith('broken-words.')));

      // Export, change things, import the export: all is back.
      await drv.useTab(tabs.options);
      const exported = JSON.parse(await drv.download('#export'));
      assert.equal(exported.format, 'listing-guard-settings');
      assert.equal(exported.settings.custom[0].value, 'zorblax');
      await effect(drv, tabs, 'custom term removed', () => drv.click('#custom li button'), (s) => !has(s, 'custom.term-1'));
      await effect(drv, tabs, 'imported pack removed', () => drv.click('[data-remove-pack="my-words"]'), (s) => !has(s, 'my-words.rejected'));
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lg-export-'));
      process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
      const file = path.join(dir, 'settings.json');
      fs.writeFileSync(file, JSON.stringify(exported));
      await effect(drv, tabs, 'settings re-imported', () => drv.setFile('#import-settings', file),
        (s) => has(s, 'custom.term-1') && has(s, 'my-words.rejected'));
      // A file that is not a settings export is refused and changes nothing.
      await drv.useTab(tabs.options);
      fs.writeFileSync(file, JSON.stringify({ hello: 'world' }));
      await drv.setFile('#import-settings', file);
      assert.match(await waitFor(drv, 'bad settings refused', () => visibleError(drv, 'io-error'), Boolean), /not a Listing Guard settings file/);
      assert.equal(await drv.eval(`document.querySelectorAll('#custom li').length`), 1);
      await drv.closeTab(tabs.options);
      await drv.useTab(tabs.listing);
    },
  },
  {
    name: 'before submit: a listing with block findings asks first; go back or submit anyway',
    pages: ['basic.html'],
    async run(drv, { url, shot }) {
      await drv.goto(url);
      const tabs = { listing: await drv.currentTab() };
      tabs.options = await openOptions(drv);
      await drv.click('#before-submit');
      await waitFor(drv, 'saved', () => drv.eval(`document.getElementById('status').textContent`), Boolean);
      await drv.closeTab(tabs.options);
      await drv.useTab(tabs.listing);
      await typeTitle(drv, 'Replica Rolex watch');
      await waitFindings(drv, 'replica', (s) => s.findings.some((f) => f.severity === 'block'));
      const prompt = () => drv.eval(`(() => { const p = document.querySelector('listing-guard-root').shadowRoot.querySelector('.prompt');
        if (!p) return null; const b = (op) => { const r = p.querySelector('[data-op="' + op + '"]').getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 }; };
        return { text: p.textContent, back: b('go-back'), anyway: b('submit-anyway') }; })()`);
      await drv.click('button[type=submit]');
      let p = await waitFor(drv, 'the prompt', prompt, Boolean);
      assert.match(p.text, /Replica/);
      assert.equal(await drv.eval(`document.body.dataset.submitted || null`), null, 'the submit is held');
      await shot('before-submit');
      await drv.mouseClick(p.back.x, p.back.y);
      await waitFor(drv, 'focus back in the title', () => drv.eval(`document.activeElement && document.activeElement.id`), (id) => id === 'title');
      assert.equal(await prompt(), null);
      await drv.click('button[type=submit]');
      p = await waitFor(drv, 'the prompt again', prompt, Boolean);
      await drv.mouseClick(p.anyway.x, p.anyway.y);
      const sent = await waitFor(drv, 'submitted', () => drv.eval(`document.body.dataset.submitted || null`), Boolean);
      assert.equal(JSON.parse(sent).item_name, 'Replica Rolex watch', 'the page submitted exactly what was typed');
      tabs.options = await openOptions(drv);
      await drv.click('#before-submit');
      await drv.closeTab(tabs.options);
      await drv.useTab(tabs.listing);
    },
  },
];

/** In a browser started in Chinese (Simplified or Traditional) and/or dark: the UI speaks its language, screenshots taken. */
export function uiSpecs(session) {
  const lang = { 'zh-CN': 'zh', 'zh-TW': 'zh-tw' }[session.lang] || 'en';
  const tag = `${lang}-${session.dark ? 'dark' : 'light'}`;
  const say = (en, zh, tw) => ({ en, zh, 'zh-tw': tw })[lang];
  return [{
    name: `UI in ${tag}`,
    pages: ['basic.html'],
    async run(drv, { url, base, shot }) {
      await drv.goto(url);
      const listing = await drv.currentTab();
      await typeTitle(drv, 'Replica Rolex watch');
      const s = await waitFindings(drv, 'replica', (s) => has(s, 'counterfeit.replica'));
      const box = s.findings.find((f) => f.rule === 'counterfeit.replica').boxes[0];
      await drv.mouseMove(box.left + box.width / 2, box.top + box.height / 2);
      const card = await waitFor(drv, 'card', () => drv.eval(`(() => { const c = document.querySelector('listing-guard-root').shadowRoot.querySelector('.card');
        return c.hidden ? null : { text: c.textContent, bg: getComputedStyle(c).backgroundColor }; })()`), Boolean);
      assert.match(card.text, say(/imitation/, /仿制品/, /仿製品/), 'the card speaks the language of the engine messages');
      if (lang === 'zh-tw') assert.ok(!/仿制品|与品牌|平台都会/.test(card.text), `the rule's message is in Traditional Chinese: ${card.text}`);
      assert.ok(card.text.includes(say('Apply', '应用', '套用')), `the card's buttons speak ${lang}`);
      assert.ok(card.text.includes(say('On Amazon', '在亚马逊', '在亞馬遜')), 'the consequence line');
      await shot(`card-${tag}`);
      const options = await openOptions(drv);
      await expectLocalised(drv, 'packs-h', say('Rule packs', '规则包', '規則包'), tag);
      const ui = await drv.eval(`({ bg: getComputedStyle(document.body).backgroundColor })`);
      const dark = (rgb) => rgb.match(/\d+/g).slice(0, 3).reduce((a, b) => a + Number(b), 0) < 200;
      assert.equal(dark(ui.bg), session.dark, `options background ${ui.bg} follows the system theme`);
      await shot(`options-${tag}`);
      await drv.closeTab(options);
      await drv.useTab(listing);
      const popup = await drv.openTab(`${base}popup/popup.html?tab=${await tabIdOf(drv, listing)}`);
      await waitFor(drv, 'popup with findings', () => drv.eval(`document.body.dataset.ready && document.querySelectorAll('#findings .item').length`), Boolean);
      await expectLocalised(drv, 'legend-h', say('What the colours mean', '颜色的含义', '顏色代表什麼'), tag);
      await shot(`popup-${tag}`);
      await drv.closeTab(popup);
      // The first-run page and the check page, as a seller sees them in this language.
      const welcome = await drv.openTab(`${base}welcome/welcome.html`);
      await waitFor(drv, 'welcome ready', () => drv.eval('document.body.dataset.ready || null'), Boolean);
      await expectLocalised(drv, 'brands-h', say('Your own brands and brands you resell', '你自己的品牌和你转售的品牌', '你自己的品牌和你轉售的品牌'), tag);
      await drv.click('#check');
      await waitFor(drv, 'sample checked', () => drv.eval('document.body.dataset.checked || null'), Boolean);
      // Two marketplaces picked for the screenshot, then none again.
      for (const m of ['amazon', 'shopee']) await drv.click(`#market-picker input[data-marketplace="${m}"]`);
      await waitFor(drv, 'marketplaces saved', () => drv.eval('document.body.dataset.marketsSaved ?? null'), (v) => v === 'amazon,shopee');
      await expectLocalised(drv, 'markets-h', say('Where do you sell?', '你在哪些平台开店？', '你在哪些平台開店？'), tag);
      await shot(`welcome-${tag}`);
      await drv.eval(`(globalThis.browser ?? globalThis.chrome).runtime.sendMessage({ type: 'settings-op', op: 'set-marketplaces', marketplaces: [] })`);
      await drv.closeTab(welcome);
      const check = await drv.openTab(`${base}check/check.html?marketplace=amazon`);
      await waitFor(drv, 'check page', () => drv.eval(`Boolean(document.querySelector('#title'))`), Boolean);
      assert.equal(await drv.eval(pageScript(`LG.focusEnd(document.querySelector('#title'))`)), true);
      await drv.paste('Replica Rolex watch, antibacterial strap');
      assert.equal(await drv.eval(pageScript(`LG.focusEnd(document.querySelector('#description'))`)), true);
      await drv.paste('Stainless steel. Questions? Email seller@example.com');
      const c = await waitFindings(drv, 'check page findings', (x) => x.findings.some((f) => f.rule === 'counterfeit.replica'));
      const b = c.findings.find((f) => f.rule === 'counterfeit.replica').boxes[0];
      await drv.mouseMove(b.left + b.width / 2, b.top + b.height / 2);
      await waitFor(drv, 'card on the check page', () => drv.eval(`!document.querySelector('listing-guard-root').shadowRoot.querySelector('.card').hidden`), Boolean);
      await shot(`check-${tag}`);
      await drv.closeTab(check);
      await drv.useTab(listing);
    },
  }];
}
