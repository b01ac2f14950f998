// The seller's lists: own brands, brands resold genuine, custom rules (with the "try it" box), sites, ignored
// findings. Each change goes to the background, which validates before it stores.
'use strict';
const LGLists = (() => {
  const { t, el, pick } = LGUI;
  const MARKETPLACES = ['amazon', 'aliexpress', 'ebay', 'etsy', 'lazada', 'shopee', 'shopify', 'tiktok', 'walmart', 'wish'];

  function brands(root, settings, change) {
    root.replaceChildren(...settings.brands.map((b) => el('li', { dataset: { brand: b.name } },
      el('span', { class: 'grow' }, el('strong', {}, b.name), b.note ? ` · ${b.note}` : ''),
      el('button', { type: 'button', 'aria-label': t('options_remove_named', [b.name]),
        onclick: () => change({ op: 'remove-brand', brand: b.name }) }, t('options_remove')))));
  }

  /** Reseller mode: brands resold genuine, each with where the proof is kept. */
  function resold(root, settings, change) {
    root.replaceChildren(...settings.resellBrands.map((b) => el('li', { dataset: { resellBrand: b.name } },
      el('span', { class: 'grow' }, el('strong', {}, b.name), b.note ? ` · ${b.note}` : ''),
      el('button', { type: 'button', 'aria-label': t('options_remove_named', [b.name]),
        onclick: () => change({ op: 'remove-resell-brand', brand: b.name }) }, t('options_remove')))));
  }

  function custom(root, settings, change) {
    root.replaceChildren(...settings.custom.map((c, i) => el('li', { dataset: { custom: c.value } },
      el('span', { class: 'grow' }, el('code', {}, c.value), ` · ${t(c.kind === 'term' ? 'options_kind_term' : 'options_kind_pattern')} · `,
        el('span', { class: `sev-${c.severity}` }, t(`severity_${c.severity}`))),
      el('button', { type: 'button', 'aria-label': t('options_remove_named', [c.value]),
        onclick: () => change({ op: 'set-custom', custom: settings.custom.filter((_, j) => j !== i) }) }, t('options_remove')))));
  }

  function marketplaceSelect(value, onchange) {
    const s = el('select', { onchange, 'aria-label': t('options_site_marketplace') },
      el('option', { value: '' }, t('options_site_auto')), ...MARKETPLACES.map((m) => el('option', { value: m }, m)));
    s.value = value || '';
    return s;
  }

  function sites(root, settings, change) {
    root.replaceChildren(...Object.entries(settings.sites).map(([host, site]) => el('li', { dataset: { site: host } },
      el('input', { type: 'checkbox', checked: site.enabled, 'aria-label': t('options_site_on', [host]),
        onchange: (e) => change({ op: 'set-site', host, enabled: e.target.checked, marketplace: site.marketplace }) }),
      el('span', { class: 'grow' }, host),
      marketplaceSelect(site.marketplace, (e) => change({ op: 'set-site', host, enabled: site.enabled, marketplace: e.target.value })),
      el('button', { type: 'button', onclick: () => change({ op: 'remove-site', host }) }, t('options_remove')))));
  }

  function ignored(root, settings, change) {
    root.replaceChildren(...settings.ignored.map((i, index) => el('li', {},
      el('span', { class: 'grow' }, el('code', {}, i.rule), ` “${i.text}” · ${i.page}`),
      el('button', { type: 'button', onclick: () => change({ op: 'remove-ignored', index }) }, t('options_remove')))));
    if (!settings.ignored.length) root.append(el('li', { class: 'muted' }, t('options_none')));
  }

  function tryResult(root, findings) {
    root.replaceChildren(...findings.map((f) => el('li', { dataset: { rule: f.rule } },
      el('span', { class: `sev-${f.severity}` }, t(`severity_${f.severity}`)), ' ',
      el('code', {}, f.rule), ` “${f.text}” · ${f.message}`)));
    if (!findings.length) root.append(el('li', { class: 'muted' }, t('options_try_none')));
  }

  return { brands, resold, custom, sites, ignored, tryResult, marketplaceSelect, MARKETPLACES, pick };
})();
