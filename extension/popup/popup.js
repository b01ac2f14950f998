// The toolbar popup: counts on the active tab, the site switch, a toggle per pack.
// Every change goes through the background, which stores it; open tabs re-lint on the
// storage change. ?tab=<id> names the tab explicitly (used when opened as a page).
'use strict';
(async () => {
  const { api, t, zh, send } = LGUI;
  const $ = (sel) => document.querySelector(sel);
  LGUI.localize();
  const showError = (e) => { $('#error').textContent = String(e.message || e); $('#error').hidden = false; };

  $('#open-options').addEventListener('click', () => { api.runtime.openOptionsPage(); window.close(); });
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
    site.onchange = () => send({ type: 'settings-op', op: 'toggle-site', host: info.host, on: site.checked }).catch(showError);
    document.body.dataset.ready = 'true';
  }

  async function renderPacks() {
    const { packs, settings } = await send({ type: 'packs' });
    const list = $('#packs');
    list.replaceChildren();
    for (const p of packs) {
      const li = document.createElement('li');
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.dataset.pack = p.id;
      box.checked = settings.packs[p.id] ?? p.default_enabled;
      box.addEventListener('change', () => send({ type: 'settings-op', op: 'toggle-pack', pack: p.id, on: box.checked }).catch(showError));
      const text = document.createElement('span');
      const name = document.createElement('span');
      name.textContent = (zh ? p.name.zh : p.name.en) || p.id;
      const count = document.createElement('div');
      count.className = 'count';
      count.textContent = t('popup_rule_count', [String(p.rule_count)]);
      text.append(name, count);
      label.append(box, text);
      li.append(label);
      list.append(li);
    }
  }

  try {
    await Promise.all([refreshTab(), renderPacks()]);
  } catch (e) {
    showError(e);
  }
  // Counts change while the popup is open (the seller types in the tab behind it).
  api.storage.onChanged.addListener((changes, area) => {
    if (area === 'session' || (area === 'local' && changes.settings)) refreshTab().catch(showError);
  });
})();
