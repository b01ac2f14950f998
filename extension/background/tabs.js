// Per-tab finding counts live in storage.session under `tab:<id>`. They are removed when
// the tab closes, and on start for tabs that no longer exist (closed while the
// background was stopped).
'use strict';
(() => {
  const api = globalThis.browser ?? globalThis.chrome;
  if (!api.tabs) return;
  api.tabs.onRemoved.addListener((tabId) => { api.storage.session.remove(`tab:${tabId}`).catch(() => {}); });

  async function prune() {
    const open = new Set((await api.tabs.query({})).map((t) => t.id));
    const all = await api.storage.session.get(null);
    const stale = Object.keys(all).filter((k) => k.startsWith('tab:') && !open.has(Number(k.slice(4))));
    if (stale.length) await api.storage.session.remove(stale);
  }
  prune().catch(() => {});
})();
