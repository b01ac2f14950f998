// Global changes asked for from a listing page (a card's "X is my brand", "Turn off this
// rule") are not applied there: the background keeps the request and opens
// confirm/confirm.html, the extension's own page, where the seller says yes or no. A page
// cannot reach that page's DOM or send its messages, so a page script can at most open
// one confirmation (and only after a trusted click in the card, see content/card.js).
// One request is pending at a time; a newer one replaces it. Kept in storage.session,
// so a service-worker restart in between loses nothing.
'use strict';
const LGConfirm = (() => {
  const api = globalThis.browser ?? globalThis.chrome;
  const KEY = 'confirm';

  async function ask(op, sender) {
    const id = (crypto.randomUUID && crypto.randomUUID()) || String(Math.random()).slice(2);
    await api.storage.session.set({ [KEY]: { id, op, host: (() => { try { return new URL(sender.url).host; } catch { return ''; } })() } });
    const url = api.runtime.getURL(`confirm/confirm.html?id=${encodeURIComponent(id)}`);
    const opts = { url };
    if (sender.tab && sender.tab.windowId !== undefined) opts.windowId = sender.tab.windowId;
    if (sender.tab && sender.tab.index !== undefined) opts.index = sender.tab.index + 1;
    await api.tabs.create(opts);
    return { confirm: true };
  }

  async function pending(id) {
    const p = (await api.storage.session.get(KEY))[KEY];
    return p && p.id === id ? { op: p.op, host: p.host } : null;
  }

  /** The pending request with this id, removed (each is answered once). */
  async function take(id) {
    const p = (await api.storage.session.get(KEY))[KEY];
    if (!p || p.id !== id) return null;
    await api.storage.session.remove(KEY);
    return p.op;
  }

  return { ask, pending, take };
})();
if (typeof module !== 'undefined') module.exports = LGConfirm;
