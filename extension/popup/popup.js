// The toolbar popup: the active tab's counts and findings (grouped by field, worst
// first, each with Go to and, where the rule offers one, Fix), a legend of the
// colours and the site switch. Rule packs are switched in the settings page. Findings
// come from the tab's content script (tabs.sendMessage; the content script answers only
// extension pages); settings changes go through the background. ?tab=<id> names the tab
// explicitly (used when opened as a page).
'use strict';
(async () => {
  const { api, t, el, send } = LGUI;
  const $ = (sel) => document.querySelector(sel);
  LGUI.localize();
  const showError = (e) => { $('#error').textContent = String(e.message || e); $('#error').hidden = false; };
  const RANK = { block: 0, warn: 1, info: 2 };
  const FIELDS = ['title', 'bullets', 'description', 'keywords', 'brand', 'category', 'price', 'cost', 'other'];

  $('#open-options').addEventListener('click', () => { api.runtime.openOptionsPage(); window.close(); });
  $('#open-check').addEventListener('click', () => { api.tabs.create({ url: api.runtime.getURL('check/check.html') }); window.close(); });
  $('#open-welcome').addEventListener('click', () => { api.tabs.create({ url: api.runtime.getURL('welcome/welcome.html') }); window.close(); });
  const param = new URLSearchParams(location.search).get('tab');
  let tabId = param !== null ? Number(param) : null;
  if (tabId === null) {
    const [tab] = await api.tabs.query({ active: true, currentWindow: true });
    tabId = tab ? tab.id : -1;
  }

  async function refreshTab() {
    const info = await send({ type: 'tab', tabId });
    $('#host').textContent = info.host || t('popup_no_listing');
    for (const k of ['block', 'warn', 'info']) $(`[data-count="${k}"]`).textContent = String(info.counts[k]);
    const site = $('#site');
    site.checked = info.siteEnabled;
    site.disabled = !info.host;
    // Off because the site's marketplace is not one the seller picked (the switch turns it on here).
    $('#site-off').hidden = info.off !== 'marketplace';
    $('#site-off').textContent = info.off === 'marketplace' ? t('popup_off_marketplace', [LGUI.marketplaceName(info.marketplace)]) : '';
    $('#markets').textContent = info.marketplaces && info.marketplaces.length
      ? t('markets_picked', [info.marketplaces.map(LGUI.marketplaceName).join(', ')]) : '';
    site.onchange = () => send({ type: 'settings-op', op: 'toggle-site', host: info.host, on: site.checked }).catch(showError);
  }

  const ask = (msg) => (tabId >= 0 ? api.tabs.sendMessage(tabId, msg) : Promise.resolve(null));

  /** Groups findings by field (in field order), each group and its findings worst first. */
  function grouped(findings) {
    const groups = new Map();
    for (const f of findings) {
      const k = `${f.field}:${f.index}`;
      if (!groups.has(k)) groups.set(k, { field: f.field, index: f.index, name: f.name, items: [] });
      groups.get(k).items.push(f);
    }
    const worst = (g) => Math.min(...g.items.map((f) => RANK[f.severity]));
    for (const g of groups.values()) g.items.sort((a, b) => RANK[a.severity] - RANK[b.severity]);
    return [...groups.values()].sort((a, b) => worst(a) - worst(b) || FIELDS.indexOf(a.field) - FIELDS.indexOf(b.field) || a.index - b.index);
  }

  async function renderFindings() {
    let reply = null;
    try { reply = await ask({ type: 'lg-findings' }); } catch (e) { reply = null; }
    const list = $('#findings');
    const findings = (reply && reply.ok && reply.findings) || [];
    list.replaceChildren(...grouped(findings).map((g) => {
      const label = t(`field_${g.field}`) + (g.field === 'bullets' || g.field === 'other' ? ` ${g.index + 1}` : '');
      return el('section', { class: 'group', dataset: { field: g.field, index: String(g.index) } },
        el('h3', {}, label),
        el('ul', {}, ...g.items.map((f) => el('li', { class: `item ${f.severity}`, dataset: { key: f.key, rule: f.rule, severity: f.severity } },
          el('div', { class: 'what' }, el('span', { class: 'dot', 'aria-hidden': 'true' }),
            el('strong', {}, `“${f.text}”`), ' ', el('span', { class: 'why' }, f.message)),
          el('div', { class: 'do' },
            el('button', { type: 'button', dataset: { op: 'goto' }, onclick: (e) => act(e, { type: 'lg-goto', key: f.key }) }, t('popup_goto')),
            f.fixes.length ? el('button', { type: 'button', class: 'fix', title: f.fixes[0].label, dataset: { op: 'fix' },
              onclick: (e) => act(e, { type: 'lg-fix', key: f.key, fix: 0 }) }, t('popup_fix')) : null)))));
    }));
    $('#none').hidden = findings.length > 0;
  }

  async function act(e, msg) {
    if (!e.isTrusted) return;
    try {
      const r = await ask(msg);
      if (!r || !r.ok) throw new Error(t('popup_gone'));
      if (msg.type === 'lg-goto' && param === null) window.close();
    } catch (err) {
      showError(err);
    }
  }

  try {
    await refreshTab();
    await renderFindings();
  } catch (e) {
    showError(e);
  }
  document.body.dataset.ready = 'true';
  // Counts and findings change while the popup is open (the seller types in the tab behind it).
  api.storage.onChanged.addListener((changes, area) => {
    if (area === 'session' || (area === 'local' && changes.settings)) {
      refreshTab().then(renderFindings).catch(showError);
    }
  });
})();
