// The one writer of the settings (it runs in the background only). Updates are queued:
// each reads the settings, changes a copy and writes it before the next one starts, so
// concurrent changes from several pages are all kept. The cache follows storage: it
// takes a new value only after storage.local.set resolved; a refused or failed write
// leaves the old settings live and answers with the error.
//
// Storage layout: key `settings` holds the document without the pack texts, with
// `packKeys` naming them; each imported pack is under `pack:<hash of its text>`.
// Settings of schema 2 and older kept the packs inline; they are read as they are.
'use strict';
const LGStore = (() => {
  /** storage.local allows 10 MiB per extension (without unlimitedStorage). */
  const QUOTA = 10 * 1024 * 1024;
  const MARGIN = 256 * 1024;
  const PACK_PREFIX = 'pack:';

  const bytes = (v) => new TextEncoder().encode(JSON.stringify(v)).length;
  const mb = (n) => `${(n / 1024 / 1024).toFixed(1)} MB`;

  /**
   * `storage` is a storage.local area ({get, set, remove}); `schema` the LGSchema module;
   * `warn` where repairs of stored values are reported.
   */
  function createStore({ storage, schema, warn = console.warn, quota = QUOTA }) {
    let cache = null;      // the settings document live now (never mutated)
    let loading = null;
    let packKeys = new Set();
    let queue = Promise.resolve();

    async function load() {
      const got = await storage.get(null);
      const raw = got.settings;
      let doc = raw;
      packKeys = new Set(Object.keys(got).filter((k) => k.startsWith(PACK_PREFIX)));
      if (raw && typeof raw === 'object' && Array.isArray(raw.packKeys)) {
        const { packKeys: keys, ...rest } = raw;
        const userPacks = [];
        for (const k of keys) {
          if (typeof got[k] === 'string') userPacks.push(got[k]);
          else warn(`Listing Guard: stored pack ${k} is missing; it is left out.`);
        }
        doc = { ...rest, userPacks };
      }
      return Object.freeze(schema.readDoc(doc, warn));
    }

    /** The live settings (read once, then from the cache), for use inside the queue. */
    function current() {
      if (cache) return Promise.resolve(cache);
      loading ??= load().then((doc) => { cache ??= doc; return cache; }).finally(() => { loading = null; });
      return loading;
    }

    /**
     * The settings once every queued update is done. Other pages hear of a write
     * (storage.onChanged) before the writer's set() resolves, and ask at once: they must
     * get the new value, not the cache of a moment before.
     */
    function get() {
      return queue.then(current);
    }

    /** What `doc` becomes in storage: the items to set and the pack keys no longer used. */
    function layout(doc) {
      const items = {};
      const keys = [];
      for (const src of doc.userPacks) {
        const k = PACK_PREFIX + schema.hash(src);
        if (!keys.includes(k)) { keys.push(k); items[k] = src; }
      }
      const { userPacks, ...rest } = doc;
      items.settings = { ...rest, packKeys: keys };
      const stale = [...packKeys].filter((k) => !keys.includes(k));
      return { items, stale, keys };
    }

    async function write(doc) {
      const { items, stale, keys } = layout(doc);
      let total = 0;
      for (const [k, v] of Object.entries(items)) total += k.length + bytes(v);
      if (total > quota - MARGIN) {
        throw new Error(`These settings would take ${mb(total)}; the browser keeps at most ${mb(quota - MARGIN)} for Listing Guard. Nothing was changed. Remove imported packs or ignored findings, then try again.`);
      }
      // Only packs not stored yet are written again; the document is written with them.
      const toSet = { settings: items.settings };
      for (const k of keys) if (!packKeys.has(k)) toSet[k] = items[k];
      await storage.set(toSet);
      for (const k of keys) packKeys.add(k);
      if (stale.length) {
        await storage.remove(stale).then(() => stale.forEach((k) => packKeys.delete(k)), (e) => warn(`Listing Guard: could not remove unused packs: ${e && e.message}`));
      }
    }

    /**
     * Queues `change(copy)` (sync or async; returns the new document or changes the copy),
     * checks the result strictly, writes it, then makes it live. Resolves with the new
     * settings; rejects with the error and leaves the old settings live.
     */
    function update(change) {
      const run = queue.then(async () => {
        const copy = structuredClone(await current());
        const changed = (await change(copy)) || copy;
        const next = Object.freeze(schema.check({ ...changed, schema: undefined }, { strict: true }));
        await write(next);
        cache = next;
        return next;
      });
      queue = run.catch(() => {});
      return run;
    }

    return { get, update, layout };
  }

  return { createStore, QUOTA, MARGIN };
})();
if (typeof module !== 'undefined') module.exports = LGStore;
