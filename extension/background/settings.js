// Settings in storage.local under one key, versioned: what an older version stored is
// migrated on read, so settings survive an extension update. Cached until they change.
'use strict';
const LGSettings = (() => {
  const api = globalThis.browser ?? globalThis.chrome;
  const KEY = 'settings';
  const SCHEMA = 2;
  const defaults = () => ({
    schema: SCHEMA,
    packs: {},          // pack id -> on/off (absent: the pack's default)
    rules: {},          // `pack.rule` -> on/off
    severity: {},       // `pack.rule` -> block|warn|info
    brands: [],         // the seller's own and authorised brands: [{name, note}]
    sites: {},          // host -> {enabled, marketplace}
    ignored: [],        // [{page, rule, text}]
    custom: [],         // the seller's own rules: [{kind: term|pattern, value, severity}]
    userPacks: [],      // imported pack files (TOML texts)
    beforeSubmit: false,
  });

  /** Each step takes the settings of one schema to the next. */
  const MIGRATIONS = {
    // 1 -> 2: allowBrands (names) became brands ({name, note}); sites[host] = false
    // became sites[host] = {enabled: false}.
    1: (s) => {
      const out = { ...s, schema: 2 };
      out.brands = Array.isArray(s.allowBrands) ? s.allowBrands.filter((b) => typeof b === 'string').map((name) => ({ name, note: '' })) : [];
      delete out.allowBrands;
      out.sites = {};
      for (const [host, v] of Object.entries(s.sites && typeof s.sites === 'object' ? s.sites : {})) {
        out.sites[host] = typeof v === 'boolean' ? { enabled: v, marketplace: null } : v;
      }
      return out;
    },
  };

  function migrate(stored) {
    if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return defaults();
    let s = stored;
    let version = Number.isInteger(s.schema) ? s.schema : 1;
    while (version < SCHEMA && MIGRATIONS[version]) {
      s = MIGRATIONS[version](s);
      version += 1;
    }
    return merge(s);
  }

  /** Fills in what a stored object lacks and drops values of the wrong type. */
  function merge(stored) {
    const out = defaults();
    for (const k of Object.keys(out)) {
      const v = stored[k];
      if (v === undefined || k === 'schema') continue;
      if (Array.isArray(out[k]) ? Array.isArray(v) : (typeof v === typeof out[k] && !Array.isArray(v) && v !== null)) out[k] = v;
    }
    out.brands = out.brands.filter((b) => b && typeof b.name === 'string' && b.name.trim())
      .map((b) => ({ name: b.name.trim(), note: typeof b.note === 'string' ? b.note : '' }));
    out.custom = out.custom.filter((c) => c && (c.kind === 'term' || c.kind === 'pattern') && typeof c.value === 'string' && c.value.trim())
      .map((c) => ({ kind: c.kind, value: c.value, severity: ['block', 'warn', 'info'].includes(c.severity) ? c.severity : 'warn' }));
    out.userPacks = out.userPacks.filter((p) => typeof p === 'string');
    out.ignored = out.ignored.filter((i) => i && typeof i.rule === 'string' && typeof i.text === 'string');
    for (const [host, v] of Object.entries(out.sites)) {
      if (!v || typeof v !== 'object') delete out.sites[host];
      else out.sites[host] = { enabled: v.enabled !== false, marketplace: typeof v.marketplace === 'string' && v.marketplace ? v.marketplace : null };
    }
    return out;
  }

  /** The seller's custom rules as one pack file the engine compiles like any other. */
  function customPack(custom) {
    if (!custom.length) return null;
    const q = (s) => JSON.stringify(String(s));
    const lines = [
      '[pack]', 'id = "custom"', 'version = "1"', 'name = { en = "My rules", zh = "我的规则" }',
      'description = { en = "Terms and patterns you added.", zh = "你添加的词语和模式。" }',
      'languages = ["en", "zh"]', 'marketplaces = ["all"]', '',
    ];
    custom.forEach((c, i) => {
      lines.push('[[rule]]', `id = "${c.kind}-${i + 1}"`, `kind = "${c.kind}"`,
        c.kind === 'term' ? `terms = [${q(c.value)}]` : `patterns = [${q(c.value)}]`,
        `severity = ${q(c.severity)}`,
        'message = { en = "“{match}” is on your own list of words to avoid.", zh = "“{match}”在你自己的禁用词列表中。" }',
        'policy = { name = "Your own rule" }', '');
    });
    return lines.join('\n');
  }

  const extraMemo = new WeakMap();

  /** Every extra pack the engine is built with: imported packs, then custom rules. The
   * same settings object gives the same array (the engine compares it by identity). */
  function extraPacks(s) {
    let out = extraMemo.get(s);
    if (!out) {
      const custom = customPack(s.custom);
      out = custom ? [...s.userPacks, custom] : [...s.userPacks];
      extraMemo.set(s, out);
    }
    return out;
  }

  let cache = null;

  async function get() {
    if (!cache) cache = migrate((await api.storage.local.get(KEY))[KEY]);
    return cache;
  }

  async function update(change) {
    const next = merge(await change(structuredClone(await get())));
    cache = next;
    await api.storage.local.set({ [KEY]: next });
    return next;
  }

  if (api && api.storage) {
    api.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && changes[KEY]) cache = migrate(changes[KEY].newValue);
    });
  }

  return { get, update, merge, migrate, defaults, customPack, extraPacks, SCHEMA };
})();
if (typeof module !== 'undefined') module.exports = LGSettings;
