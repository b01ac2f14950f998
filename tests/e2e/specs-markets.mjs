// The marketplaces the seller sells on (settings.marketplaces): picked on the welcome page,
// shown and editable in Settings > Sites, named in the popup; a seller center of another
// marketplace is off until the seller switches that site on; Check a listing starts with
// the first one picked.
import assert from 'node:assert/strict';
import { pageScript } from './page.mjs';
import { waitFor, tabIdOf, F } from './specs.mjs';

const snapshot = (drv) => drv.eval(pageScript('LG.snapshot()'));
const send = (msg) => `(globalThis.browser ?? globalThis.chrome).runtime.sendMessage(${JSON.stringify(msg)})`;

export const marketSpecs = [{
  name: 'marketplaces: picked on the welcome page; other marketplaces\' sites off until switched on; popup, settings and check page follow',
  pages: ['basic.html'],
  async run(drv, { url, base, shot }) {
    await drv.goto(url);
    const listing = await drv.currentTab();
    const pageHost = await drv.eval('location.hostname');
    const welcome = await drv.openTab(`${base}welcome/welcome.html`);
    await waitFor(drv, 'welcome ready', () => drv.eval('document.body.dataset.ready || null'), Boolean);
    // Start from no switch of the seller's own for this site (an earlier spec's popup
    // switched it off and on, and the seller's own switch wins over the marketplaces).
    await drv.eval(send({ type: 'settings-op', op: 'remove-site', host: pageHost }));
    await waitFor(drv, 'the marketplace picker', () => drv.eval(`document.querySelectorAll('#market-picker input[data-marketplace]').length`), (n) => n === 10);
    await drv.click('#market-picker input[data-marketplace="etsy"]');
    await waitFor(drv, 'etsy saved', () => drv.eval('document.body.dataset.marketsSaved ?? null'), (v) => v === 'etsy');
    assert.match(await drv.eval(`document.getElementById('markets-status').textContent`), /Etsy/);
    await shot('welcome-markets');
    await drv.closeTab(welcome);

    // basic.html is an Amazon page: off now, nothing of ours on it.
    await drv.useTab(listing);
    await drv.goto(url);
    assert.equal(await drv.eval(pageScript(`LG.focusEnd(${F.title})`)), true);
    await drv.type('Replica Rolex watch');
    await waitFor(drv, 'Amazon page off', () => snapshot(drv), (s) => !s.present);
    const popup = await drv.openTab(`${base}popup/popup.html?tab=${await tabIdOf(drv, listing)}`);
    const state = () => drv.eval(`({ ready: document.body.dataset.ready || null, on: document.getElementById('site').checked,
      off: document.getElementById('site-off').hidden ? null : document.getElementById('site-off').textContent,
      markets: document.getElementById('markets').textContent })`);
    const p = await waitFor(drv, 'popup says why', state, (x) => x.ready && x.off);
    assert.equal(p.on, false);
    assert.match(p.off, /Amazon/);
    assert.match(p.markets, /Etsy/);
    // The seller switches this site on anyway: it is checked again.
    await drv.click('#site');
    await drv.useTab(listing);
    await waitFor(drv, 'findings back', () => snapshot(drv), (s) => s.present && s.findings.some((f) => f.rule === 'counterfeit.replica'));

    // Check a listing starts with Etsy; Settings > Sites shows the pick.
    const check = await drv.openTab(`${base}check/check.html`);
    await waitFor(drv, 'check page marketplace', () => drv.eval('document.body.dataset.marketplaceReady ? document.getElementById("marketplace").value : null'), (v) => v === 'etsy');
    await drv.closeTab(check);
    const options = await drv.openTab(`${base}options/options.html`);
    await waitFor(drv, 'options ready', () => drv.eval('document.body.dataset.ready || null'), Boolean);
    const ticked = await drv.eval(`[...document.querySelectorAll('#market-picker input:checked')].map((i) => i.dataset.marketplace)`);
    assert.deepEqual(ticked, ['etsy']);
    // Unticked there: every site is on again (the explicit switch of the host is removed too).
    await drv.click('#market-picker input[data-marketplace="etsy"]');
    await waitFor(drv, 'no marketplace picked', () => drv.eval(`(async () => (await ${send({ type: 'packs' })}).settings.marketplaces.length)()`), (n) => n === 0);
    const host = await drv.eval(`(async () => Object.keys((await ${send({ type: 'packs' })}).settings.sites))()`);
    for (const h of host) await drv.eval(`${send({ type: 'settings-op', op: 'remove-site', host: '__H__' })}`.replace('__H__', h));
    await drv.closeTab(options);
    await drv.closeTab(popup);
    await drv.useTab(listing);
  },
}, {
  // A rule of one marketplace says so on its card: basic.html is an Amazon page, whose
  // titles may have 200 characters; a longer one gets Amazon's title-length finding.
  name: 'marketplaces: the card of a marketplace\'s own rule names the marketplace',
  pages: ['basic.html'],
  async run(drv, { url, shot }) {
    await drv.goto(url);
    assert.equal(await drv.eval(pageScript(`LG.focusEnd(${F.title})`)), true);
    await drv.paste('Stainless steel water bottle 1 litre, double wall vacuum insulated, keeps drinks cold for 24 hours and hot for 12 hours, '
      + 'leak proof lid with carry handle, wide mouth for ice cubes, for gym, office, school, hiking and travel, blue');
    const s = await waitFor(drv, 'the title-length finding', () => snapshot(drv),
      (x) => x.state === 'idle' && x.findings.some((f) => f.rule === 'listing-format.title-length' && f.boxes.length));
    const box = s.findings.find((f) => f.rule === 'listing-format.title-length').boxes[0];
    await drv.mouseMove(box.left + Math.min(box.width / 2, 20), box.top + box.height / 2);
    const card = await waitFor(drv, 'its card', () => drv.eval(`(() => {
      const c = document.querySelector('listing-guard-root').shadowRoot.querySelector('.card');
      const m = c.querySelector('.mkt');
      return { hidden: c.hidden, rule: c.dataset.rule || null, mkt: m ? m.textContent : null }; })()`),
      (c) => !c.hidden && c.rule === 'listing-format.title-length');
    assert.equal(card.mkt, 'Amazon rule');
    await shot('card-marketplace-rule');
  },
}];
