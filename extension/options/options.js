// The options page: renders every section from the background's answer and re-renders
// whenever the settings change (here, in the popup, or from a card on a listing page).
'use strict';
(async () => {
  const { api, t, send, status, error } = LGUI;
  const $ = (id) => document.getElementById(id);
  LGUI.localize();
  $('site-marketplace').replaceWith(Object.assign(LGLists.marketplaceSelect('', null), { id: 'site-marketplace' }));

  let settings = null;

  async function change(op, done) {
    try {
      await send({ type: 'settings-op', ...op });
      status(done || t('options_saved'));
    } catch (e) {
      error(e);
      throw e;
    }
  }

  /** The marketplaces the seller sells on; built once, then only its ticks follow the settings. */
  function renderMarketplaces(picked) {
    const box = $('market-picker');
    if (!box.firstChild) {
      box.append(LGUI.marketplacePicker(picked, (list) => change({ op: 'set-marketplaces', marketplaces: list }).catch(() => {})));
    }
    for (const i of box.querySelectorAll('input[data-marketplace]')) i.checked = picked.includes(i.dataset.marketplace);
  }

  async function render() {
    const r = await send({ type: 'packs' });
    settings = r.settings;
    // The background names the imported packs' ids as its parser read them.
    const imported = new Set(r.imported || []);
    const packs = r.packs.map((p) => ({ ...p, imported: imported.has(p.id) }));
    LGGroups.render($('groups'), packs, settings, (op) => change(op));
    LGCatalog.render($('catalog'), packs, settings, (op) => change(op).catch(() => {}));
    LGCatalog.filter($('catalog'), $('search').value);
    LGLists.brands($('brands'), settings, (op) => change(op).catch(() => {}));
    LGLists.resold($('resell-brands'), settings, (op) => change(op).catch(() => {}));
    LGLists.custom($('custom'), settings, (op) => change(op).catch(() => {}));
    LGLists.sites($('sites'), settings, (op) => change(op).catch(() => {}));
    LGLists.ignored($('ignored'), settings, (op) => change(op).catch(() => {}));
    renderMarketplaces(settings.marketplaces);
    $('before-submit').checked = settings.beforeSubmit;
    if (r.packError) error(t('options_pack_refused', [r.packError]));
    document.body.dataset.ready = 'true';
  }

  $('search').addEventListener('input', () => LGCatalog.filter($('catalog'), $('search').value));
  $('reset').addEventListener('click', () => change({ op: 'reset' }, t('options_reset_done')).catch(() => {}));
  $('brand-form').addEventListener('submit', (e) => {
    e.preventDefault();
    change({ op: 'allow-brand', brand: $('brand-name').value, note: $('brand-note').value })
      .then(() => { $('brand-name').value = ''; $('brand-note').value = ''; }, () => {});
  });
  $('resell-form').addEventListener('submit', (e) => {
    e.preventDefault();
    change({ op: 'resell-brand', brand: $('resell-name').value, note: $('resell-note').value.trim() })
      .then(() => { $('resell-name').value = ''; $('resell-note').value = ''; }, () => {});
  });
  $('custom-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const rule = { kind: $('custom-kind').value, value: $('custom-value').value, severity: $('custom-severity').value };
    $('custom-error').hidden = true;
    send({ type: 'settings-op', op: 'set-custom', custom: [...settings.custom, rule] })
      .then(() => { $('custom-value').value = ''; status(t('options_saved')); tryIt(); }, (err) => error(err, 'custom-error'));
  });
  let tryTimer = 0;
  async function tryIt() {
    const text = $('try-text').value;
    if (!text.trim()) { $('try-result').replaceChildren(); return; }
    try {
      const { findings } = await send({ type: 'try', text, custom: settings.custom });
      LGLists.tryResult($('try-result'), findings);
    } catch (e) {
      error(e, 'custom-error');
    }
  }
  $('try-text').addEventListener('input', () => { clearTimeout(tryTimer); tryTimer = setTimeout(tryIt, 150); });
  $('site-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const host = $('site-host').value.trim().toLowerCase();
    change({ op: 'set-site', host, enabled: true, marketplace: $('site-marketplace').value }).then(() => { $('site-host').value = ''; }, () => {});
  });
  $('before-submit').addEventListener('change', (e) => change({ op: 'before-submit', on: e.target.checked }).catch(() => {}));
  $('ignored-clear').addEventListener('click', () => change({ op: 'clear-ignored' }).catch(() => {}));
  $('export').addEventListener('click', () => LGIO.exportFile().then(() => status(t('options_exported'), 'io-status'), (e) => error(e, 'io-error')));
  $('import-settings').addEventListener('change', async (e) => {
    const file = await LGIO.readFile(e.target);
    if (file) LGIO.importSettings(file).then(() => status(t('options_imported', [file.name]), 'io-status'), (err) => error(err, 'io-error'));
  });
  $('import-pack').addEventListener('change', async (e) => {
    const file = await LGIO.readFile(e.target);
    if (file) LGIO.importPack(file).then(() => status(t('options_imported', [file.name]), 'io-status'), (err) => error(err, 'io-error'));
  });

  api.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes.settings) render().catch(error);
  });
  try {
    await render();
  } catch (e) {
    error(e);
  }
})();
