// Settings in storage.local under one key, merged over defaults, cached until they change.
'use strict';
const LGSettings = (() => {
  const api = globalThis.browser ?? globalThis.chrome;
  const KEY = 'settings';
  const SCHEMA = 1;
  const defaults = () => ({
    schema: SCHEMA, packs: {}, rules: {}, severity: {}, allowBrands: [], sites: {}, ignored: [], userPacks: [],
  });
  let cache = null;

  /** Fills in what a stored object lacks; unknown keys are kept for newer versions. */
  function merge(stored) {
    const out = defaults();
    if (stored && typeof stored === 'object') {
      for (const k of Object.keys(out)) {
        if (stored[k] !== undefined && typeof stored[k] === typeof out[k]) out[k] = stored[k];
      }
    }
    out.schema = SCHEMA;
    return out;
  }

  async function get() {
    if (!cache) cache = merge((await api.storage.local.get(KEY))[KEY]);
    return cache;
  }

  async function update(change) {
    const next = change(structuredClone(await get()));
    cache = next;
    await api.storage.local.set({ [KEY]: next });
    return next;
  }

  api.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes[KEY]) cache = merge(changes[KEY].newValue);
  });

  return { get, update, merge, defaults };
})();
if (typeof module !== 'undefined') module.exports = LGSettings;
