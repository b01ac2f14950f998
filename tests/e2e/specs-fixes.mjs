// End-to-end specs for fixes and the card: *Apply* on an input, a textarea, a
// React-controlled input and rich editors (contenteditable, Quill, ProseMirror, TinyMCE)
// changes the text, the page's own model and the submitted payload, and one Ctrl+Z
// brings the seller's text back; the card opens on the pointer or keyboard, not on the
// caret, sits beside the field (not over it), and Esc returns focus and caret.
import assert from 'node:assert/strict';
import { pageScript } from './page.mjs';
import { waitFor, waitFindings } from './specs.mjs';

const Q = (sel) => `document.querySelector(${JSON.stringify(sel)})`;
const frameBody = (sel) => `${Q(sel)}.contentDocument.body`;
const snapshot = (drv) => drv.eval(pageScript('LG.snapshot()'));
const trimEnd = (s) => String(s).replace(/\n+$/, '');

export const cardState = `(() => { const c = document.querySelector('listing-guard-root').shadowRoot.querySelector('.card');
  const r = c.getBoundingClientRect();
  return { hidden: c.hidden, rule: c.dataset.rule || null, side: c.dataset.side || null, text: c.textContent,
    field: c.dataset.field || null, start: Number(c.dataset.start), end: Number(c.dataset.end),
    rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
    focused: document.querySelector('listing-guard-root').shadowRoot.activeElement ? document.querySelector('listing-guard-root').shadowRoot.activeElement.dataset.op || 'other' : null,
    buttons: [...c.querySelectorAll('button')].map((b) => { const q = b.getBoundingClientRect();
    return { op: b.dataset.op, fix: b.dataset.fix, x: q.left + q.width / 2, y: q.top + q.height / 2 }; }) }; })()`;

const REPLICA = { text: 'Replica Rolex watch', rule: 'counterfeit.replica', fixed: 'Rolex watch' };
const CLEAN = { text: 'Antibacterial cutting board', rule: 'claims.pesticide', fixed: 'Easy to clean cutting board' };
const CONTACT = { text: 'Contact seller@example.com for more', rule: 'claims.contact-details',
  fixed: 'Contact message us through the platform for more' };

// el: the field typed into; model: the page's own view of its text (React state, editor API);
// submit: how to submit and where the field lands in the payload.
const CASES = [
  { name: 'input', page: 'basic.html', el: Q('#title'), field: 'title', ...REPLICA,
    model: null, submit: { button: 'button[type=submit]', key: 'item_name' } },
  { name: 'textarea', page: 'basic.html', el: Q('#bullet1'), field: 'bullets', ...CLEAN,
    model: null, submit: { button: 'button[type=submit]', key: 'bullet_point' } },
  { name: 'React input', page: 'centers/wish.html', el: Q('[name=name]'), field: 'title', ...REPLICA,
    model: `JSON.parse(document.body.dataset.state).name`,
    submit: { steps: [{ click: '#next', until: Q('[name=price]') }], button: 'button[type=submit]', key: 'name' } },
  { name: 'contenteditable', page: 'centers/generic.html', el: Q('.c9'), field: 'description', ...CONTACT,
    model: `document.querySelector('.c9').innerText`, submit: { button: 'button[type=submit]', key: 'f5' } },
  { name: 'Quill', page: 'centers/shopee.html', ready: 'Boolean(window.quill)', el: Q('.ql-editor'), field: 'description', ...CONTACT,
    // Quill merges edits less than a second apart into one undo step; a seller reading the
    // card pauses longer than that. cutoff() stands for the pause.
    pause: 'quill.history.cutoff()',
    model: `quill.getText()`, submit: { steps: [{ click: '#next', until: Q('[data-product-edit-field-unique-id=price] input') }], button: 'button[type=submit]', key: 'description' } },
  { name: 'ProseMirror', page: 'centers/tiktok.html', ready: 'Boolean(window.pmView)', el: Q('.ProseMirror'), field: 'description', ...CONTACT,
    model: `pmView.state.doc.textContent`, submit: { steps: [{ click: '#next', until: Q('[data-id="product.publish.price"] input') }], button: 'button[type=submit]', key: 'description' } },
  { name: 'TinyMCE', page: 'centers/shopify.html', ready: `document.body.dataset.editor === 'ready'`, el: frameBody('#product-description_ifr'), field: 'description', ...CONTACT,
    model: `tinymce.get('product-description').getContent({ format: 'text' })`,
    submit: { button: 'button[type=submit]', key: 'body_html', wrap: (t) => `<p>${t}</p>` } },
  // The real Lexical and Slate, bundled from tests/package.json by bundle.mjs at test time.
  { name: 'Lexical', page: 'centers/lexical.html', ready: `document.body.dataset.editor === 'ready'`, el: Q('.lex'), field: 'description', ...CONTACT,
    model: `lexicalText()`, submit: { button: 'button[type=submit]', key: 'description' } },
  { name: 'Slate', page: 'centers/slate.html', ready: `document.body.dataset.editor === 'ready'`, el: Q('[data-slate-editor]'), field: 'description', ...CONTACT,
    model: `slateText()`, submit: { button: 'button[type=submit]', key: 'description' } },
];

async function openCardOn(drv, rule, field) {
  const s = await waitFindings(drv, `${rule} in ${field}`, (x) => x.findings.some((f) => f.rule === rule && f.field === field));
  const f = s.findings.find((x) => x.rule === rule && x.field === field);
  const box = f.boxes[0];
  // From elsewhere first: a pointer already resting there (a previous spec hovered the same
  // words) moves nowhere, and Firefox then sends no mousemove.
  await drv.mouseMove(1, 1);
  await drv.mouseMove(box.left + box.width / 2, box.top + box.height / 2);
  // The card of this finding (its span), not one of the same rule the pointer passed on its way.
  return waitFor(drv, `the card of ${rule}`, () => drv.eval(cardState), (c) => !c.hidden && c.rule === rule
    && c.field === field && c.start === f.start && c.end === f.end);
}

async function clickApply(drv, card, label) {
  const apply = card.buttons.find((b) => b.op === 'apply-fix' && b.fix === '0');
  assert.ok(apply, `${label}: the card offers a fix`);
  assert.equal(card.buttons[0].op, 'apply-fix', `${label}: the fix comes first`);
  await drv.mouseClick(apply.x, apply.y);
}

const textOf = (drv, c) => drv.eval(pageScript(`LG.text(${c.el})`)).then(trimEnd);
const modelOf = (drv, c) => (c.model ? drv.eval(c.model).then(trimEnd) : textOf(drv, c));

export const fixSpecs = [
  ...CASES.map((c) => ({
    name: `fixes: Apply on ${c.name} changes text, model and payload; one Ctrl+Z restores`,
    pages: [c.page],
    async run(drv, { url, shot }) {
      await drv.goto(url);
      if (c.ready) await waitFor(drv, `${c.name} ready`, () => drv.eval(c.ready), Boolean, 15_000);
      assert.equal(await drv.eval(pageScript(`LG.focusEnd(${c.el})`)), true, `${c.name}: focus`);
      await drv.type(c.text);
      const card = await openCardOn(drv, c.rule, c.field);
      assert.match(card.text, /→/, `${c.name}: the card shows original → result`);
      await shot(`fix-card-${c.name.replace(/\W+/g, '-').toLowerCase()}`);
      // A page script pressing Apply does nothing: only the seller's own click applies a fix.
      await drv.eval(`(() => { const b = document.querySelector('listing-guard-root').shadowRoot.querySelector('[data-op="apply-fix"]');
        b.click(); b.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true })); })()`);
      assert.equal(await textOf(drv, c), c.text, `${c.name}: an untrusted click applied the fix`);
      if (c.pause) await drv.eval(c.pause);
      await clickApply(drv, card, c.name);
      await waitFor(drv, `${c.name}: fixed text`, () => textOf(drv, c), (t) => t === c.fixed);
      await waitFor(drv, `${c.name}: the page's model follows`, () => modelOf(drv, c), (t) => t === c.fixed);
      await waitFindings(drv, `${c.name}: the finding gone`, (s) => !s.findings.some((f) => f.rule === c.rule && f.field === c.field));
      // One Ctrl+Z brings the seller's text back, in the field and in the page's model.
      await drv.undo();
      await waitFor(drv, `${c.name}: undone`, () => textOf(drv, c), (t) => t === c.text);
      await waitFor(drv, `${c.name}: the model undone`, () => modelOf(drv, c), (t) => t === c.text);
      // Apply again, then submit: the payload carries the fixed text.
      const again = await openCardOn(drv, c.rule, c.field);
      await clickApply(drv, again, c.name);
      await waitFor(drv, `${c.name}: fixed again`, () => modelOf(drv, c), (t) => t === c.fixed);
      for (const st of c.submit.steps || []) {
        await drv.click(st.click);
        await waitFor(drv, `${st.click} reveals the next step`, () => drv.eval(`Boolean(${st.until})`), Boolean);
      }
      await drv.click(c.submit.button);
      const sent = JSON.parse(await waitFor(drv, `${c.name}: submitted`, () => drv.eval('document.body.dataset.submitted || null'), Boolean));
      const want = c.submit.wrap ? c.submit.wrap(c.fixed) : c.fixed;
      assert.equal(trimEnd(sent[c.submit.key]), want, `${c.name}: the payload carries the fix`);
    },
  })),
  {
    name: 'card: not opened by the caret; placed beside the field; keyboard next/previous, Enter, Esc restores focus and caret; Alt+Shift+A applies',
    pages: ['basic.html'],
    async run(drv, { url, shot }) {
      await drv.goto(url);
      assert.equal(await drv.eval(pageScript(`LG.focusEnd(${Q('#title')})`)), true);
      await drv.type('Strap replica, antibacterial');
      await waitFindings(drv, 'two findings', (s) => s.findings.some((f) => f.rule === 'counterfeit.replica')
        && s.findings.some((f) => f.rule === 'claims.pesticide'));
      // The caret walks into "Replica" (Home, then right): no card.
      await drv.press('Home');
      for (let i = 0; i < 8; i += 1) await drv.press('ArrowRight');
      await waitFindings(drv, 'idle after caret moves', () => true);
      assert.equal((await drv.eval(cardState)).hidden, true, 'the caret inside a finding opened the card');
      const caret = await drv.eval(`[${Q('#title')}.selectionStart, ${Q('#title')}.selectionEnd]`);
      // Alt+Shift+J: the first finding's words are selected and its card opens.
      await drv.chord(['Alt', 'Shift'], 'J');
      let card = await waitFor(drv, 'card by keyboard', () => drv.eval(cardState), (c) => !c.hidden);
      const first = card.rule;
      const sel = await drv.eval(`[${Q('#title')}.selectionStart, ${Q('#title')}.selectionEnd]`);
      assert.equal(first, 'counterfeit.replica', 'the first finding in reading order');
      assert.deepEqual(sel, [6, 13], 'its words are selected');
      // The card does not cover the field being edited.
      const field = await drv.eval(`(() => { const r = ${Q('#title')}.getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom }; })()`);
      const overlaps = !(card.rect.bottom <= field.top + 0.5 || card.rect.top >= field.bottom - 0.5
        || card.rect.right <= field.left + 0.5 || card.rect.left >= field.right - 0.5);
      assert.equal(overlaps, false, `the card ${JSON.stringify(card.rect)} covers the field ${JSON.stringify(field)}`);
      await shot('card-keyboard');
      // Next, then previous.
      await drv.chord(['Alt', 'Shift'], 'J');
      card = await waitFor(drv, 'next finding', () => drv.eval(cardState), (c) => !c.hidden && c.rule !== first);
      await drv.chord(['Alt', 'Shift'], 'K');
      card = await waitFor(drv, 'previous finding', () => drv.eval(cardState), (c) => !c.hidden && c.rule === first);
      // Enter moves focus into the card; Esc closes it and puts focus and caret back.
      await drv.press('Enter');
      await waitFor(drv, 'focus in the card', () => drv.eval(cardState), (c) => c.focused === 'apply-fix');
      await drv.press('Escape');
      await waitFor(drv, 'card closed', () => drv.eval(cardState), (c) => c.hidden);
      const back = await drv.eval(`[document.activeElement === ${Q('#title')}, ${Q('#title')}.selectionStart, ${Q('#title')}.selectionEnd]`);
      assert.deepEqual(back, [true, ...caret], 'Esc returns focus and the caret to where they were');
      assert.equal(await drv.eval(`${Q('#title')}.value`), 'Strap replica, antibacterial', 'navigation changed nothing');
      // Alt+Shift+A with the caret in a finding applies its first fix.
      await drv.chord(['Alt', 'Shift'], 'A');
      await waitFor(drv, 'applied by keyboard', () => drv.eval(`${Q('#title')}.value`), (v) => v === 'Strap, antibacterial');
    },
  },
  {
    name: 'card: never covers the focused field, nor the field the seller moves to (re-placed or closed on focus change)',
    pages: ['basic.html'],
    async run(drv, { url, shot }) {
      await drv.goto(url);
      const rectOf = (sel) => drv.eval(`(() => { const r = ${Q(sel)}.getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom }; })()`);
      const covers = (c, f) => !c.hidden && !(c.rect.bottom <= f.top + 0.5 || c.rect.top >= f.bottom - 0.5
        || c.rect.right <= f.left + 0.5 || c.rect.left >= f.right - 0.5);
      assert.equal(await drv.eval(pageScript(`LG.focusEnd(${Q('#title')})`)), true);
      await drv.type('Replica Rolex watch');
      let card = await openCardOn(drv, 'counterfeit.replica', 'title');
      const title = await rectOf('#title');
      const brand = await rectOf('#brand');
      assert.equal(covers(card, title), false, `the card ${JSON.stringify(card.rect)} covers the field being edited`);
      const coveredNext = covers(card, brand);
      // Tab to the next field (the brand box right under the title): the card moves off it or closes.
      await drv.press('Tab');
      await waitFor(drv, 'focus in the brand field', () => drv.eval(`document.activeElement === ${Q('#brand')}`), Boolean);
      card = await waitFor(drv, 'the card off the brand field', () => drv.eval(cardState), (c) => !covers(c, brand));
      assert.equal(covers(card, title), false, 'nor over its own field');
      // With the caret in the brand field, hovering the title's highlight again opens a card
      // that is placed off the focused field (or none at all).
      await drv.mouseMove(2, 2);
      await waitFor(drv, 'card closed by moving away', () => drv.eval(cardState), (c) => c.hidden);
      const s = await snapshot(drv);
      const box = s.findings.find((f) => f.rule === 'counterfeit.replica').boxes[0];
      await drv.mouseMove(box.left + box.width / 2, box.top + box.height / 2);
      card = await waitFor(drv, 'the card again', () => drv.eval(cardState), (c) => !c.hidden);
      assert.equal(covers(card, brand), false, `the card ${JSON.stringify(card.rect)} covers the focused field ${JSON.stringify(brand)}`);
      assert.equal(covers(card, title), false, 'the card covers its own field');
      assert.equal(await drv.eval(`document.activeElement === ${Q('#brand')}`), true, 'focus stayed where the seller put it');
      console.log(`    card at first over the next field: ${coveredNext}; after focus moved: side ${card.side}`);
      await shot('card-focus');
    },
  },
];

/** The first-run page: opened by the extension on install, not by the tests. */
export const welcomeSpecs = [{
  name: 'welcome: opened on install; colours, own brands, a sample listing checked with fixes',
  pages: ['basic.html'],
  async run(drv, { url, shot }) {
    await drv.goto(url);
    const back = await drv.currentTab();
    const tab = await waitFor(drv, 'the welcome tab', () => drv.findTab('welcome/welcome.html'), Boolean);
    await drv.useTab(tab);
    await waitFor(drv, 'welcome ready', () => drv.eval('document.body.dataset.ready || null'), Boolean);
    assert.equal(await drv.eval(`document.querySelectorAll('.legend li').length`), 3, 'the colours explained');
    await drv.click('#check');
    const results = await waitFor(drv, 'sample checked', () => drv.eval(`[...document.querySelectorAll('#results li')].map((l) => ({ rule: l.dataset.rule, text: l.textContent }))`), (r) => r.length > 0);
    assert.ok(results.some((r) => r.rule === 'counterfeit.replica' && /Remove|删除|刪除/.test(r.text)) || results.some((r) => r.rule === 'counterfeit.replica'), JSON.stringify(results));
    await drv.click('#brand');
    await drv.type('Acme Tools');
    await drv.click('#brand-add');
    await waitFor(drv, 'brand added', () => drv.eval(`[...document.querySelectorAll('#brands li')].map((l) => l.dataset.brand)`), (b) => b.includes('Acme Tools'));
    await shot('welcome');
    await drv.eval(`(globalThis.browser ?? globalThis.chrome).runtime.sendMessage({ type: 'settings-op', op: 'remove-brand', brand: 'Acme Tools' })`);
    await drv.closeTab(tab);
    await drv.useTab(back);
  },
}];

/** The "check a listing" page: the same highlights, cards and fixes on pasted text. */
export const checkSpecs = [{
  name: 'check page: a pasted listing is checked field by field, fixed, and the fixed text copied',
  pages: ['basic.html'],
  async run(drv, { shot }) {
    const back = await drv.currentTab();
    const tab = await drv.openTab(`${drv.extensionBase}check/check.html?marketplace=ebay`);
    await waitFor(drv, 'check page fields', () => drv.eval(`Boolean(document.querySelector('#title'))`), Boolean);
    assert.equal(await drv.eval(pageScript(`LG.focusEnd(${Q('#title')})`)), true);
    await drv.paste('Replica Rolex watch');
    assert.equal(await drv.eval(pageScript(`LG.focusEnd(${Q('#description')})`)), true);
    await drv.paste('Antibacterial strap. Contact seller@example.com');
    const s = await waitFindings(drv, 'findings on the check page', (x) => x.findings.some((f) => f.rule === 'counterfeit.replica' && f.field === 'title')
      && x.findings.some((f) => f.rule === 'claims.contact-details' && f.field === 'description'));
    assert.ok(s.findings.some((f) => f.rule === 'brands.watches'), 'the brand found too');
    const card = await openCardOn(drv, 'counterfeit.replica', 'title');
    assert.match(card.text, /On eBay/, 'the chosen marketplace is the card\'s');
    await shot('check-card');
    await clickApply(drv, card, 'check page');
    await waitFor(drv, 'title fixed', () => drv.eval(`${Q('#title')}.value`), (v) => v === 'Rolex watch');
    await drv.click('#copy');
    const copied = await waitFor(drv, 'copied text', () => drv.eval(`document.body.dataset.copied ? ${Q('#fixed-text')}.value : null`), Boolean);
    assert.match(copied, /: Rolex watch\n/, copied);
    assert.match(copied, /seller@example\.com/, 'unfixed text stays as written');
    await shot('check');
    await drv.closeTab(tab);
    await drv.useTab(back);
  },
}];

/** The record of checks: off by default; when on, checks, fixes and ignores are kept and exported. */
export const logSpecs = [{
  name: 'log: off by default; records checked, fixed and ignored; exports CSV and JSON; clears',
  pages: ['basic.html'],
  async run(drv, { url, base }) {
    await drv.goto(url);
    const listing = await drv.currentTab();
    let options = await drv.openTab(`${base}options/options.html#log-h`);
    await waitFor(drv, 'log section', () => drv.eval('document.body.dataset.logReady || null'), Boolean);
    assert.equal(await drv.eval(`document.getElementById('log-on').checked`), false, 'off by default');
    await drv.click('#log-on');
    await waitFor(drv, 'log on', () => drv.eval(`(globalThis.browser ?? globalThis.chrome).storage.local.get('checkLog').then((g) => Boolean(g.checkLog && g.checkLog.on))`), Boolean);
    await drv.closeTab(options);
    await drv.useTab(listing);
    assert.equal(await drv.eval(pageScript(`LG.focusEnd(${Q('#title')})`)), true);
    await drv.type('Replica Rolex watch');
    const card = await openCardOn(drv, 'counterfeit.replica', 'title');
    await clickApply(drv, card, 'log');
    await waitFor(drv, 'fixed', () => drv.eval(`${Q('#title')}.value`), (v) => v === 'Rolex watch');
    const ignore = await openCardOn(drv, 'brands.watches', 'title');
    const b = ignore.buttons.find((x) => x.op === 'ignore');
    await drv.mouseClick(b.x, b.y);
    await waitFindings(drv, 'ignored', (s) => !s.findings.some((f) => f.rule === 'brands.watches'));
    options = await drv.openTab(`${base}options/options.html#log-h`);
    await waitFor(drv, 'entries', () => drv.eval(`Number(document.getElementById('log-count').dataset.count)`), (n) => n >= 3);
    const csv = await drv.download('#log-csv');
    assert.match(csv.split('\r\n')[0], /^time,page,event,rules,text,replacement,note$/);
    for (const ev of ['checked', 'fixed', 'ignored']) assert.match(csv, new RegExp(`,${ev},`), `${ev} recorded: ${csv}`);
    assert.match(csv, /,fixed,counterfeit\.replica,Replica,,/);
    const json = JSON.parse(await drv.download('#log-json'));
    assert.equal(json.format, 'listing-guard-checks');
    assert.ok(json.entries.some((e) => e.event === 'ignored' && e.rules[0] === 'brands.watches' && e.page.includes('/basic.html')));
    await drv.click('#log-clear');
    await waitFor(drv, 'cleared', () => drv.eval(`Number(document.getElementById('log-count').dataset.count)`), (n) => n === 0);
    await drv.click('#log-on');
    await drv.click('#ignored-clear');
    await drv.closeTab(options);
    await drv.useTab(listing);
  },
}];

/** Settings for sellers: plain groups first, My brands and Brands I resell near the top, rules under Advanced. */
export const groupSpecs = [{
  name: 'settings: plain groups first with a sentence each; a group switch takes effect on the open tab; rules behind Advanced',
  pages: ['basic.html'],
  async run(drv, { url, base, shot }) {
    await drv.goto(url);
    const listing = await drv.currentTab();
    assert.equal(await drv.eval(pageScript(`LG.focusEnd(${Q('#title')})`)), true);
    await drv.type('Replica Rolex watch');
    await waitFindings(drv, 'replica', (s) => s.findings.some((f) => f.rule === 'counterfeit.replica'));
    const options = await drv.openTab(`${base}options/options.html`);
    await waitFor(drv, 'options ready', () => drv.eval('document.body.dataset.ready || null'), Boolean);
    const page = await drv.eval(`({ order: [...document.querySelectorAll('main > section h2')].map((h) => h.id),
      nav: [...document.querySelectorAll('header nav a')].map((a) => a.getAttribute('href').slice(1)),
      groups: [...document.querySelectorAll('input[data-group]')].map((g) => ({ id: g.dataset.group, on: g.checked,
        help: g.parentElement.querySelector('.meta').textContent })),
      advancedOpen: document.getElementById('advanced').open,
      ruleVisible: document.querySelector('input[data-rule]').checkVisibility() })`);
    // The two brand declarations sit together under the groups (README, Settings): My brands,
    // then Brands I resell; the rule packs come after them, behind Advanced.
    assert.deepEqual(page.order.slice(0, 4), ['groups-h', 'brands-h', 'resell-h', 'packs-h'],
      'groups, then My brands, then Brands I resell, then the packs');
    assert.deepEqual(page.nav, page.order, 'the section links follow the sections\' order');
    assert.deepEqual(page.groups.map((g) => g.id), ['fake', 'brands', 'health', 'contact', 'prices', 'restricted', 'title']);
    assert.ok(page.groups.every((g) => g.help.length > 20), 'each group has a sentence');
    assert.equal(page.advancedOpen, false, 'Advanced is closed');
    assert.equal(page.ruleVisible, false, 'rule ids are behind Advanced');
    await shot('options-groups');
    await drv.click('input[data-group="fake"]');
    await drv.useTab(listing);
    await waitFindings(drv, 'fake wording off', (s) => !s.findings.some((f) => f.rule.startsWith('counterfeit.')) && s.findings.some((f) => f.rule === 'brands.watches'));
    await drv.useTab(options);
    await drv.click('input[data-group="fake"]');
    await drv.useTab(listing);
    await waitFindings(drv, 'fake wording back', (s) => s.findings.some((f) => f.rule === 'counterfeit.replica'));
    await drv.useTab(options);
    await drv.click('#advanced > summary');
    await drv.click('#reset');
    await drv.closeTab(options);
    await drv.useTab(listing);
  },
}];
