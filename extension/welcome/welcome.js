// The first-run page, opened once when the extension is installed (and from the popup):
// what the colours mean, the marketplaces the seller sells on, the seller's own and resold brands, a sample listing to try,
// and the promise that nothing leaves the browser. Changes go through the background.
'use strict';
(async () => {
  const { api, t, el, send } = LGUI;
  const $ = (sel) => document.querySelector(sel);
  LGUI.localize();
  for (const e of document.querySelectorAll('[data-i18n-label]')) {
    e.setAttribute('aria-label', t(e.dataset.i18nLabel));
    e.placeholder = t(e.dataset.i18nLabel);
  }
  const showError = (e) => { $('#error').textContent = String(e.message || e); $('#error').hidden = false; };
  $('#sample').value = t('welcome_sample');

  async function renderBrands() {
    const { settings } = await send({ type: 'packs' });
    const own = settings.brands.map((b) => el('li', { dataset: { brand: b.name } }, b.name, b.note ? ` — ${b.note}` : ''));
    const resold = settings.resellBrands.map((b) => el('li', { dataset: { resellBrand: b.name } },
      b.name, ` (${t('welcome_resold_tag')})`, b.note ? ` — ${b.note}` : ''));
    $('#brands').replaceChildren(...own, ...resold);
  }

  // Where the seller sells: stored as settings.marketplaces (sites of other marketplaces go off).
  async function renderMarketplaces() {
    const { settings } = await send({ type: 'packs' });
    const shown = (list) => { $('#markets-status').textContent = list.length ? t('markets_picked', [list.map(LGUI.marketplaceName).join(', ')]) : t('markets_all'); };
    $('#market-picker').replaceChildren(LGUI.marketplacePicker(settings.marketplaces, async (list) => {
      try {
        await send({ type: 'settings-op', op: 'set-marketplaces', marketplaces: list });
        shown(list);
        document.body.dataset.marketsSaved = list.join(',');
      } catch (err) { showError(err); }
    }));
    shown(settings.marketplaces);
  }

  $('#brand-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const brand = $('#brand').value.trim();
    if (!brand) return;
    try {
      // "my own brand" or "I resell it (genuine)": reseller mode keeps counterfeit wording blocking.
      const op = $('#brand-kind').value === 'resell' ? 'resell-brand' : 'allow-brand';
      await send({ type: 'settings-op', op, brand, note: $('#note').value.trim() });
      $('#brand').value = '';
      $('#note').value = '';
      await renderBrands();
    } catch (err) { showError(err); }
  });

  $('#check').addEventListener('click', async () => {
    try {
      const { findings } = await send({ type: 'lint', host: 'welcome', page: 'welcome', listing: { title: $('#sample').value } });
      $('#results').replaceChildren(...findings.map((f) => el('li', { class: f.severity, dataset: { rule: f.rule } },
        el('strong', {}, `${t(`severity_${f.severity}`)}: “${f.text}”`), ' ', f.message,
        ...(f.fixes || []).map((x) => el('div', { class: 'fix' }, `${t('popup_fix')}: ${x.label}`)))));
      document.body.dataset.checked = String(findings.length);
    } catch (err) { showError(err); }
  });

  $('#open-options').addEventListener('click', () => api.runtime.openOptionsPage());
  try { await renderBrands(); } catch (e) { showError(e); }
  try { await renderMarketplaces(); } catch (e) { showError(e); }
  document.body.dataset.ready = 'true';
})();
