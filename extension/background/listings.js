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

  /**
   * The whole listing a lint message stands for: `msg.listing` when it carries one;
   * else the kept listing of generation `msg.base` with `msg.changed` and `msg.removed`
   * applied. Null when the base is not kept (the caller asks for the whole listing).
   */
  function resolve(sender, msg) {
    if (msg.listing && typeof msg.listing === 'object') return msg.listing;
    const k = kept.get(keyOf(sender, msg.doc));
    if (!k || k.gen !== msg.base || !msg.changed || typeof msg.changed !== 'object') return null;
    const listing = { ...k.listing, ...msg.changed };
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
