// The settings document: its shape, limits, validation and migrations. Pure (no browser
// API), so Node tests load it as is. Two ways to check a document:
//  - strict (an import, or the result of a settings operation): the first bad value
//    throws an error naming its key; nothing is stored.
//  - lenient (what storage holds, on read): each bad entry is dropped or repaired on its
//    own with a console warning, and the rest is kept, so one bad value never stops linting.
// What it does not do: parse packs (the background's engine does) or touch storage.
'use strict';
const LGSchema = (() => {
  const SCHEMA = 5;
  const SEVERITIES = ['block', 'warn', 'info'];
  const MARKETPLACES = ['amazon', 'aliexpress', 'ebay', 'etsy', 'lazada', 'shopee', 'shopify', 'tiktok', 'walmart', 'wish'];
  /** Sizes a document may have; the ignored list drops its oldest beyond `ignored`. */
  const LIMITS = {
    mapEntries: 5000, id: 120, brands: 2000, brandName: 100, note: 300, sites: 1000, host: 253,
    ignored: 500, ignoreText: 80, page: 300, custom: 500, customValue: 200, userPacks: 50, packSource: 2_000_000,
  };

  const defaults = () => ({
    schema: SCHEMA,
    packs: {},          // pack id -> on/off (absent: the pack's default)
    rules: {},          // `pack.rule` -> on/off
    severity: {},       // `pack.rule` -> block|warn|info
    brands: [],         // the seller's own and authorised brands: [{name, note}]
    resellBrands: [],   // brands the seller resells genuine (reseller mode): [{name, note: where the proof is kept}]
    sites: {},          // host -> {enabled, marketplace}
    marketplaces: [],   // the marketplaces the seller sells on (empty: not said; every site is on)
    ignored: [],        // [{key, page, rule, text}], oldest first; text shortened for display
    custom: [],         // the seller's own rules: [{kind: term|pattern, value, severity}]
    userPacks: [],      // imported pack files (TOML texts; stored under keys of their own)
    beforeSubmit: false,
  });

  const show = (v) => { const s = JSON.stringify(v); return s === undefined ? String(v) : s.length > 60 ? `${s.slice(0, 57)}…` : s; };
  const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
  const keyPath = (base, k) => `${base}[${JSON.stringify(k)}]`;

  /** A short stable hash (two 32-bit FNV-1a lanes) as 16 hex digits. */
  function hash(text) {
    let a = 0x811c9dc5, b = 0x01000193 ^ 0x5bd1e995;
    for (let i = 0; i < text.length; i += 1) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
    }
    return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
  }

  /** The text an ignore compares: `Nike` and `NIKE  ` are the same finding. */
  const ignoreText = (text) => String(text).normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  /** The key of an ignored finding: its rule, its text and the page it was on. */
  const ignoreKey = (rule, text, page) => hash(`${rule}\u0000${ignoreText(text)}\u0000${page}`);

  /** A bounded ignore entry for a finding the seller ignored. */
  function ignoreEntry(rule, text, page) {
    return { key: ignoreKey(rule, text, page), page: String(page).slice(0, LIMITS.page), rule: String(rule),
      text: String(text).slice(0, LIMITS.ignoreText) };
  }

  /** Adds an ignore (de-duplicated by key), keeping at most LIMITS.ignored, oldest dropped. */
  function addIgnore(list, entry) {
    const out = list.filter((i) => i.key !== entry.key);
    out.push(entry);
    return out.slice(Math.max(0, out.length - LIMITS.ignored));
  }

  // Checkers: each takes (value, path, bad) and returns the clean value, or calls
  // bad(path, why), which throws (strict) or warns and returns undefined (lenient);
  // an entry whose checker returned undefined is dropped.
  const str = (max, { empty = false, trim = false } = {}) => (v, p, bad) => {
    if (typeof v !== 'string') return bad(p, `${show(v)} is not text`);
    const s = trim ? v.trim() : v;
    if (!empty && !s) return bad(p, 'is empty');
    if (s.length > max) return bad(p, `is ${s.length} characters long; at most ${max} are allowed`);
    return s;
  };
  const bool = (v, p, bad) => (typeof v === 'boolean' ? v : bad(p, `${show(v)} is not true or false`));
  const oneOf = (list) => (v, p, bad) => (list.includes(v) ? v : bad(p, `${show(v)} is not one of ${list.join(', ')}`));

  function map(valueCheck) {
    return (v, p, bad) => {
      if (!isObj(v)) return bad(p, `${show(v)} is not a table of names to values`);
      const keys = Object.keys(v);
      if (keys.length > LIMITS.mapEntries) return bad(p, `has ${keys.length} entries; at most ${LIMITS.mapEntries} are allowed`);
      const out = {};
      for (const k of keys) {
        const kp = keyPath(p, k);
        if (!k || k.length > LIMITS.id) { bad(kp, 'is not a valid name'); continue; }
        const c = valueCheck(v[k], kp, bad);
        if (c !== undefined) out[k] = c;
      }
      return out;
    };
  }

  function list(max, entryCheck, { dropOldest = false } = {}) {
    return (v, p, bad) => {
      if (!Array.isArray(v)) return bad(p, `${show(v)} is not a list`);
      let items = v;
      if (items.length > max) {
        if (!dropOldest) return bad(p, `has ${items.length} entries; at most ${max} are allowed`);
        items = items.slice(items.length - max);
      }
      const out = [];
      items.forEach((e, i) => { const c = entryCheck(e, `${p}[${i}]`, bad); if (c !== undefined) out.push(c); });
      return out;
    };
  }

  /** An object with exactly these fields (missing optional ones get their default). */
  function record(fields, optional = {}) {
    return (v, p, bad) => {
      if (!isObj(v)) return bad(p, `${show(v)} is not an entry`);
      for (const k of Object.keys(v)) if (!Object.hasOwn(fields, k)) return bad(`${p}.${k}`, 'is not a known field');
      const out = {};
      for (const [k, check] of Object.entries(fields)) {
        if (v[k] === undefined && Object.hasOwn(optional, k)) { out[k] = optional[k]; continue; }
        const c = check(v[k], `${p}.${k}`, bad);
        if (c === undefined) return undefined;
        out[k] = c;
      }
      return out;
    };
  }

  const marketplace = (v, p, bad) => (v === null || v === '' ? null : oneOf(MARKETPLACES)(v, p, bad));
  const brand = record({ name: str(LIMITS.brandName, { trim: true }), note: str(LIMITS.note, { empty: true }) }, { note: '' });
  const ignoreFields = { key: str(32), page: str(LIMITS.page, { empty: true }), rule: str(LIMITS.id), text: (v, p, bad) => (typeof v === 'string' ? v : bad(p, `${show(v)} is not text`)) };
  const ignored = (v, p, bad) => {
    const r = record(ignoreFields, { key: null })(v, p, bad);
    if (!r) return r;
    const e = ignoreEntry(r.rule, r.text, r.page);
    if (r.key && /^[0-9a-f]{16}$/.test(r.key)) e.key = r.key;
    return e;
  };

  const FIELDS = {
    packs: map(bool),
    rules: map(bool),
    severity: map(oneOf(SEVERITIES)),
    brands: list(LIMITS.brands, brand),
    resellBrands: list(LIMITS.brands, brand),
    sites: map(record({ enabled: bool, marketplace }, { enabled: true, marketplace: null })),
    // Each known marketplace at most once, in the order of MARKETPLACES (duplicates folded).
    marketplaces: (v, p, bad) => {
      const l = list(MARKETPLACES.length * 2, oneOf(MARKETPLACES))(v, p, bad);
      return l && MARKETPLACES.filter((m) => l.includes(m));
    },
    ignored: list(LIMITS.ignored, ignored, { dropOldest: true }),
    custom: list(LIMITS.custom, record({ kind: oneOf(['term', 'pattern']), value: str(LIMITS.customValue, { trim: true }),
      severity: oneOf(SEVERITIES) }, { severity: 'warn' })),
    userPacks: list(LIMITS.userPacks, str(LIMITS.packSource)),
    beforeSubmit: bool,
  };

  /** Checks a document of the current schema; see the file comment for the two modes. */
  function check(doc, { strict, warn = console.warn, prefix = 'settings' } = {}) {
    const bad = strict
      ? (p, why) => { throw new Error(`${p}: ${why}`); }
      : (p, why) => { warn(`Listing Guard: stored setting ${p} ${why}; it is left out.`); return undefined; };
    const out = defaults();
    if (!isObj(doc)) { bad(prefix, 'is not a settings document'); return out; }
    for (const k of Object.keys(doc)) {
      if (k !== 'schema' && !Object.hasOwn(FIELDS, k)) bad(`${prefix}.${k}`, 'is not a Listing Guard setting');
    }
    for (const [k, checkField] of Object.entries(FIELDS)) {
      if (doc[k] === undefined) continue;
      const c = checkField(doc[k], `${prefix}.${k}`, bad);
      if (c !== undefined) out[k] = c;
    }
    // The same brand twice is one brand (the first note kept).
    const seen = new Set();
    out.brands = out.brands.filter((b) => { const k = b.name.toLowerCase(); if (seen.has(k)) return false; seen.add(k); return true; });
    const resold = new Set();
    out.resellBrands = out.resellBrands.filter((b) => { const k = b.name.toLowerCase(); if (resold.has(k)) return false; resold.add(k); return true; });
    return out;
  }

  /** Each step takes a document of one schema to the next (structure only; check() validates). */
  const MIGRATIONS = {
    // 1 -> 2: allowBrands (names) became brands ({name, note}); sites[host] = false
    // became sites[host] = {enabled: false}.
    1: (s, bad) => {
      const out = { ...s, schema: 2 };
      if (s.allowBrands !== undefined) {
        if (!Array.isArray(s.allowBrands)) bad('settings.allowBrands', 'is not a list of brand names');
        out.brands = (Array.isArray(s.allowBrands) ? s.allowBrands : [])
          .filter((b, i) => (typeof b === 'string' ? true : bad(`settings.allowBrands[${i}]`, `${show(b)} is not text`)))
          .map((name) => ({ name, note: '' }));
      }
      delete out.allowBrands;
      if (isObj(s.sites)) {
        out.sites = {};
        for (const [host, v] of Object.entries(s.sites)) out.sites[host] = typeof v === 'boolean' ? { enabled: v, marketplace: null } : v;
      }
      return out;
    },
    // 2 -> 3: ignored findings carry a short key and a shortened text.
    2: (s) => ({ ...s, schema: 3 }),
    // 3 -> 4: reseller mode (resellBrands, empty when absent).
    3: (s) => ({ ...s, schema: 4 }),
    // 4 -> 5: the marketplaces the seller sells on (empty when absent: every site stays on).
    4: (s) => ({ ...s, schema: 5 }),
  };

  /** The schema number of a document, or an error saying why it is not one we can read. */
  function schemaOf(doc, { required }) {
    const v = doc.schema;
    if (v === undefined) {
      if (required) throw new Error('settings.schema: missing; this is not a Listing Guard settings file');
      return 1;
    }
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) throw new Error(`settings.schema: ${show(v)} is not a schema number`);
    if (v > SCHEMA) {
      throw new Error(`These settings come from a newer version of Listing Guard (schema ${v}); this version reads schema ${SCHEMA} and older. Update the extension, then import again.`);
    }
    return v;
  }

  function migrateWith(doc, opts) {
    let s = doc;
    for (let v = schemaOf(doc, opts); v < SCHEMA; v += 1) s = MIGRATIONS[v](s, opts.bad);
    const out = check({ ...s, schema: undefined }, opts);
    return out;
  }

  /** An imported document: every value must be right, or this throws naming the key. */
  function importDoc(doc) {
    if (!isObj(doc)) throw new Error(`settings: ${show(doc)} is not a settings document`);
    return migrateWith(doc, { required: true, strict: true, bad: (p, why) => { throw new Error(`${p}: ${why}`); } });
  }

  /** What storage holds, of any schema we know: never throws; bad entries are left out. */
  function readDoc(doc, warn = console.warn) {
    if (doc === undefined || doc === null) return defaults();
    try {
      return migrateWith(isObj(doc) ? doc : {}, { required: false, strict: false, warn,
        bad: (p, why) => { warn(`Listing Guard: stored setting ${p} ${why}; it is left out.`); } });
    } catch (e) {
      // A schema we cannot read (a newer version's, then a downgrade): defaults, and say so.
      warn(`Listing Guard: stored settings not read (${e.message}); using the defaults.`);
      return defaults();
    }
  }

  /** Whether Listing Guard runs on a site, and why not: the seller's own switch for the host
   * wins; else a site whose marketplace is not one the seller picked is off. */
  function siteState(settings, host, marketplace) {
    const own = settings.sites[host];
    const m = (own && own.marketplace) || marketplace || null;
    if (own) return { enabled: own.enabled, marketplace: own.marketplace, off: own.enabled ? null : 'site' };
    const picked = settings.marketplaces || [];
    if (picked.length && m && !picked.includes(m)) return { enabled: false, marketplace: null, off: 'marketplace' };
    return { enabled: true, marketplace: null, off: null };
  }

  return { SCHEMA, SEVERITIES, MARKETPLACES, LIMITS, defaults, check, importDoc, readDoc, hash, ignoreKey, ignoreEntry, addIgnore, siteState };
})();
if (typeof module !== 'undefined') module.exports = LGSchema;
