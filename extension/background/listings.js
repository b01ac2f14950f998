// The listing each page last sent, so the next pass may send only the parts that
// changed (content/delta.js). Kept in memory per tab, frame and page instance: a
// service worker that Chrome stopped has none, and the page is asked for the whole
// listing again (`resync`). A few pages at most are kept; a closed tab's go at once.
'use strict';
const LGListings = (() => {
  const MAX = 16;
  const kept = new Map(); // key → {gen, listing}
  let nextGen = 1;

  const keyOf = (sender, doc) => `${sender.tab ? sender.tab.id : "x"}:${sender.frameId || 0}:${String(doc).slice(0, 64)}`;

  /** prev with prev[start, end) replaced by text (content/delta.js `splice`); null if it does not fit. */
  function applySplice(prev, sp) {
    if (typeof prev !== 'string' || !Array.isArray(sp) || sp.length !== 3) return null;
    const [start, end, text] = sp;
    if (!Number.isInteger(start) || !Number.isInteger(end) || typeof text !== 'string' || start < 0 || end < start || end > prev.length) return null;
    return prev.slice(0, start) + text + prev.slice(end);
  }

  /**
   * The whole listing a lint message stands for: `msg.listing` when it carries one;
   * else the kept listing of generation `msg.base` with `msg.changed`, `msg.spliced`
   * (long text parts: the span that changed) and `msg.removed` applied. Null when the
   * base is not kept or a splice does not fit it (the caller asks for the whole listing).
   */
  function resolve(sender, msg) {
    if (msg.listing && typeof msg.listing === 'object') return msg.listing;
    const k = kept.get(keyOf(sender, msg.doc));
    if (!k || k.gen !== msg.base || !msg.changed || typeof msg.changed !== 'object') return null;
    const listing = { ...k.listing, ...msg.changed };
    const spliced = msg.spliced && typeof msg.spliced === 'object' ? msg.spliced : {};
    for (const part of Object.keys(spliced)) {
      const text = applySplice(k.listing[part], spliced[part]);
      if (text === null) return null;
      listing[part] = text;
    }
    for (const part of Array.isArray(msg.removed) ? msg.removed : []) delete listing[part];
    return listing;
  }

  /** Keeps `listing` as the page's latest; returns its generation. */
  function keep(sender, doc, listing) {
    const key = keyOf(sender, doc);
    kept.delete(key);
    const gen = nextGen++;
    kept.set(key, { gen, listing });
    while (kept.size > MAX) kept.delete(kept.keys().next().value);
    return gen;
  }

  function forgetTab(tabId) {
    for (const key of [...kept.keys()]) if (key.startsWith(`${tabId}:`)) kept.delete(key);
  }

  return { resolve, keep, forgetTab, size: () => kept.size };
})();
if (typeof module !== 'undefined') module.exports = LGListings;
