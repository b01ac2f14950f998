// What the extension's pages (popup, options) share: messages to the background, UI
// strings, element building (text only, never HTML); status and error lines of the options page.
'use strict';
const LGUI = (() => {
  const api = globalThis.browser ?? globalThis.chrome;
  /**
   * Chromium sometimes answers '' to getMessage for every string of an extension page (seen
   * in headless sessions; content scripts and Firefox unaffected). Then the strings come from
   * `shared/locales.js` (`LGLocales`, the extension's own _locales written as a script by the
   * build, tools/locales.mjs), for the browser's language as Chrome picks it, else English.
   */
  let table = null;
  function ownMessages() {
    if (table) return table;
    const all = typeof LGLocales !== 'undefined' ? LGLocales : {};
    const ui = (api.i18n.getUILanguage() || 'en').replace('-', '_');
    const zhTw = /^zh_(TW|HK|MO|Hant)/i.test(ui);
    const tried = ['en', ui.startsWith('zh') ? (zhTw ? 'zh_TW' : 'zh_CN') : null, ui.split('_')[0], ui].filter(Boolean);
    table = Object.assign({}, ...tried.map((loc) => all[loc] || {}));
    return table;
  }
  /** A message as getMessage would give it ($1…$9 substituted, $$ a dollar sign). */
  function fromTable(key, subs) {
    const m = ownMessages()[key];
    if (!m) return '';
    const list = subs === undefined ? [] : [].concat(subs);
    return m.replace(/\$(\$|[1-9])/g, (_, d) => (d === '$' ? '$' : String(list[Number(d) - 1] ?? '')));
  }
  const broken = () => !api.i18n.getMessage('extension_name');
  const t = (key, subs) => api.i18n.getMessage(key, subs) || (broken() ? fromTable(key, subs) : '') || key;
  const zh = (api.i18n.getUILanguage() || '').toLowerCase().startsWith('zh');

  async function send(msg) {
    const r = await api.runtime.sendMessage(msg);
    if (!r || !r.ok) throw new Error(r ? r.error : 'no answer from the background');
    return r;
  }

  /** el('li', {class: 'x', dataset: {...}, onclick}, child, 'text', ...) */
  function el(tag, props, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (k === 'dataset') Object.assign(e.dataset, v);
      else if (k === 'class') e.className = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else if (k in e) e[k] = v;
      else e.setAttribute(k, v);
    }
    for (const c of children) if (c !== null && c !== undefined) e.append(c);
    return e;
  }

  function status(text, where) {
    document.getElementById(where || 'status').textContent = text;
    document.getElementById(where === 'io-status' ? 'io-error' : 'error').hidden = true;
  }

  function error(e, where) {
    const box = document.getElementById(where || 'error');
    box.textContent = String((e && e.message) || e);
    box.hidden = false;
  }

  /** Fills every [data-i18n] element with its string and sets the page language. */
  function localize() {
    document.documentElement.lang = api.i18n.getUILanguage() || (zh ? 'zh-CN' : 'en');
    for (const e of document.querySelectorAll('[data-i18n]')) e.textContent = t(e.dataset.i18n);
  }

  /** The marketplaces a seller can pick, and their names (the same in every language). */
  const MARKETPLACES = ['amazon', 'aliexpress', 'ebay', 'etsy', 'lazada', 'shopee', 'shopify', 'tiktok', 'walmart', 'wish'];
  const MARKETPLACE_NAMES = { amazon: 'Amazon', aliexpress: 'AliExpress', ebay: 'eBay', etsy: 'Etsy', lazada: 'Lazada',
    shopee: 'Shopee', shopify: 'Shopify', tiktok: 'TikTok Shop', walmart: 'Walmart', wish: 'Wish' };
  const marketplaceName = (m) => MARKETPLACE_NAMES[m] || m;

  /** A box of checkboxes, one per marketplace (`input[data-marketplace]`), ticked for `picked`;
   * `onchange(list)` gets the ticked ones in order. */
  function marketplacePicker(picked, onchange) {
    const inputs = MARKETPLACES.map((m) => el('input', { type: 'checkbox', checked: picked.includes(m), dataset: { marketplace: m } }));
    const changed = () => onchange(inputs.filter((i) => i.checked).map((i) => i.dataset.marketplace));
    return el('div', { class: 'marketplaces', role: 'group' }, ...inputs.map((i) => {
      i.addEventListener('change', changed);
      return el('label', {}, i, ` ${marketplaceName(i.dataset.marketplace)}`);
    }));
  }

  // Traditional Chinese browsers (Taiwan, Hong Kong, zh-Hant) get a pack text's Taiwan form.
  const tw = /^zh[-_](tw|hk|mo|hant)/i.test(api.i18n.getUILanguage() || '');
  const pick = (text) => (text ? (tw && text.zh_tw) || (zh && text.zh) || text.en || '' : '');

  return { api, t, zh, send, el, status, error, pick, localize, MARKETPLACES, marketplaceName, marketplacePicker };
})();
