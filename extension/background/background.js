// Answers the content scripts, the popup and the options page. Holds nothing that
// matters across a service-worker restart: settings live in storage.local, per-tab counts
// in storage.session, and the engine is rebuilt on demand.
'use strict';
(() => {
  const api = globalThis.browser ?? globalThis.chrome;
  /** The engine's message language: `zh-TW` for a Traditional Chinese browser (Taiwan, Hong
   * Kong, zh-Hant: the packs' Chinese through the core's Taiwan table), `zh`, else `en`. */
  const lang = () => {
    const ui = (api.i18n.getUILanguage() || 'en').toLowerCase().replace('_', '-');
    if (/^zh-(tw|hk|mo|hant)/.test(ui)) return 'zh-TW';
    return ui.startsWith('zh') ? 'zh' : 'en';
  };
  const SEVERITIES = ['block', 'warn', 'info'];
  const EXPORT_FORMAT = 'listing-guard-settings';

  /** The destination market (`tw`, `id`, `de`) a seller-center host sells to, from the
   * engine's own table (`market_from_host` in the core); null when the host does not say. */
  function marketOf(host) {
    try {
      return (host && typeof wasm_bindgen !== 'undefined' && wasm_bindgen.marketFromHost)
        ? (wasm_bindgen.marketFromHost(String(host)) || null) : null;
    } catch {
      return null;
    }
  }

  function configFor(settings, marketplace, page, market) {
    return {
      lang: lang(),
      marketplace: marketplace || null,
      // Prices without a currency take the market's; rules scoped to markets apply there.
      market: market || null,
      packs: settings.packs,
      rules: settings.rules,
      severity: settings.severity,
      allow_brands: settings.brands.map((b) => b.name),
      resell_brands: (settings.resellBrands || []).map((b) => ({ brand: b.name, note: b.note })),
      ignore: [],
    };
  }

  /** Ignores are applied here, after the engine merged overlapping findings, so ignoring a
   * merged finding hides it whole (and its parts, which are no longer separate). */
  function withoutIgnored(settings, findings, page) {
    const keys = new Set(settings.ignored.filter((i) => i.page === page).map((i) => i.key));
    if (!keys.size) return findings;
    return findings.filter((f) => !keys.has(LGSettings.ignoreKey(f.rule, f.text, page)));
  }

  /** Where a message came from: an extension page (popup, options, confirm) or a tab's content script. */
  const EXT_ORIGIN = api.runtime.getURL('');
  const fromExtensionPage = (sender) => typeof sender.url === 'string' && sender.url.startsWith(EXT_ORIGIN);
  /** The URL of a content script's document (the top document: main.js runs only there). */
  function urlOf(sender) {
    try {
      return new URL(sender.url || (sender.tab && sender.tab.url) || '');
    } catch {
      return null;
    }
  }
  /** The page key of a content script's tab: host and path, from the sender, not the message. */
  const pageOf = (sender) => { const u = urlOf(sender); return u ? `${u.host}${u.pathname}` : ''; };
  const hostOf = (sender) => { const u = urlOf(sender); return u ? u.hostname : ''; };

  const siteOf = (settings, host) => settings.sites[host] || { enabled: true, marketplace: null };

  /** Counts and badges are kept after the answer (the seller waits on the answer, not on
   * them), one at a time in order; whoever reads or clears them waits for this queue. */
  let counting = Promise.resolve();
  const queueCounts = (job) => { counting = counting.then(job).catch(() => {}); return counting; };

  async function recordCounts(sender, host, findings, marketplace = null) {
    const tabId = sender.tab && sender.tab.id;
    if (tabId === undefined || tabId < 0) return;
    const counts = { block: 0, warn: 0, info: 0 };
    for (const f of findings) counts[f.severity] += 1;
    const key = `tab:${tabId}`;
    const stored = (await api.storage.session.get(key))[key] || { host, frames: {} };
    const before = stored.frames[sender.frameId || 0];
    if (stored.host === host && stored.marketplace === marketplace && before
      && ['block', 'warn', 'info'].every((k) => before[k] === counts[k])) return;
    stored.host = host;
    stored.marketplace = marketplace;
    stored.frames[sender.frameId || 0] = counts;
    await api.storage.session.set({ [key]: stored });
    const total = sum(stored.frames);
    const text = total.block + total.warn ? String(total.block + total.warn) : '';
    await api.action.setBadgeText({ tabId, text });
    await api.action.setBadgeBackgroundColor({ tabId, color: total.block ? '#c62828' : '#b26a00' });
  }

  function sum(frames) {
    const t = { block: 0, warn: 0, info: 0 };
    for (const c of Object.values(frames)) for (const k of Object.keys(t)) t[k] += c[k] || 0;
    return t;
  }

  /** A site turned off shows no counts: clear what its tabs recorded. */
  async function clearHost(host) {
    const all = await api.storage.session.get(null);
    for (const [key, stored] of Object.entries(all)) {
      if (!key.startsWith('tab:') || !stored || stored.host !== host) continue;
      const tabId = Number(key.slice(4));
      await api.storage.session.set({ [key]: { host, frames: {} } });
      await api.action.setBadgeText({ tabId, text: '' }).catch(() => {});
    }
  }

  /**
   * Builds an engine from these extra packs to prove they work together; throws the
   * engine's error (which names the pack, rule and position) otherwise. Nothing is stored.
   */
  async function validate(extra, examplesOf) {
    await LGEngine.init();
    const linter = new wasm_bindgen.Linter(extra);
    try {
      for (const id of examplesOf || []) {
        const failures = linter.checkExamples(id);
        if (failures.length) throw new Error(`pack \`${id}\`: ${failures.length} example(s) fail: ${failures.slice(0, 3).join('; ')}`);
      }
    } finally {
      linter.free();
    }
  }

  function packId(source) {
    return wasm_bindgen.checkPack(source).id;
  }

  /** The settings operations; each returns the settings to store (or throws). */
  const OPS = {
    ignore: (s, m) => { s.ignored = LGSettings.addIgnore(s.ignored, LGSettings.ignoreEntry(String(m.rule).slice(0, 120), String(m.text), String(m.page))); },
    'remove-ignored': (s, m) => { s.ignored.splice(Number(m.index), 1); },
    'clear-ignored': (s) => { s.ignored = []; },
    'allow-brand': (s, m) => {
      const name = String(m.brand || '').trim();
      if (!name) throw new Error('empty brand');
      const known = s.brands.find((b) => b.name.toLowerCase() === name.toLowerCase());
      if (known) known.note = m.note !== undefined ? String(m.note) : known.note;
      else s.brands.push({ name, note: String(m.note || '') });
    },
    'remove-brand': (s, m) => { s.brands = s.brands.filter((b) => b.name !== m.brand); },
    // Reseller mode: brands resold genuine, each with where the proof is kept.
    'resell-brand': (s, m) => {
      const name = String(m.brand || '').trim();
      if (!name) throw new Error('empty brand');
      const known = s.resellBrands.find((b) => b.name.toLowerCase() === name.toLowerCase());
      if (known) known.note = m.note !== undefined ? String(m.note) : known.note;
      else s.resellBrands.push({ name, note: String(m.note || '') });
    },
    'remove-resell-brand': (s, m) => { s.resellBrands = s.resellBrands.filter((b) => b.name !== m.brand); },
    'disable-rule': (s, m) => { s.rules[String(m.rule)] = false; },
    'set-rule': (s, m) => { s.rules[String(m.rule)] = Boolean(m.on); },
    'toggle-pack': (s, m) => { s.packs[String(m.pack)] = Boolean(m.on); },
    'set-severity': (s, m) => {
      if (m.severity === null || m.severity === '') delete s.severity[String(m.rule)];
      else if (SEVERITIES.includes(m.severity)) s.severity[String(m.rule)] = m.severity;
      else throw new Error(`unknown severity ${m.severity}`);
    },
    'toggle-site': (s, m) => { s.sites[String(m.host)] = { ...siteOf(s, m.host), enabled: Boolean(m.on) }; },
    'set-site': (s, m) => {
      s.sites[String(m.host)] = { enabled: m.enabled !== false, marketplace: m.marketplace ? String(m.marketplace) : null };
    },
    'remove-site': (s, m) => { delete s.sites[String(m.host)]; },
    'set-marketplaces': (s, m) => { s.marketplaces = LGSettings.check({ marketplaces: m.marketplaces }, { strict: true }).marketplaces; },
    reset: (s) => { s.packs = {}; s.rules = {}; s.severity = {}; },
    'before-submit': (s, m) => { s.beforeSubmit = Boolean(m.on); },
    'set-custom': async (s, m) => {
      const custom = LGSettings.check({ custom: m.custom }, { strict: true }).custom;
      await validate(LGSettings.extraPacks({ ...s, custom }));
      s.custom = custom;
    },
    'import-pack': async (s, m) => {
      const source = String(m.source || '');
      await LGEngine.init();
      const id = packId(source);
      const others = s.userPacks.filter((p) => { try { return packId(p) !== id; } catch { return false; } });
      const userPacks = [...others, source];
      await validate(LGSettings.extraPacks({ ...s, userPacks }), [id]);
      s.userPacks = userPacks;
    },
    'remove-pack': async (s, m) => {
      await LGEngine.init();
      s.userPacks = s.userPacks.filter((p) => { try { return packId(p) !== m.pack; } catch { return true; } });
    },
    'import-settings': async (s, m) => {
      const data = m.data;
      if (!data || typeof data !== 'object' || data.format !== EXPORT_FORMAT || !Object.hasOwn(data, 'settings')) {
        throw new Error('not a Listing Guard settings file');
      }
      // Every value checked; the first wrong one refuses the whole file, naming its key.
      const next = LGSettings.importDoc(data.settings);
      await validate(LGSettings.extraPacks(next));
      return next;
    },
  };

  const handlers = {
    async lint(msg, sender) {
      LGWake.mark('message');
      // A page may send only what changed since its last pass (content/delta.js).
      const listing = LGListings.resolve(sender, msg);
      if (!listing) { LGWake.mark('resync'); return { resync: true }; }
      const doc = typeof msg.doc === 'string' && !fromExtensionPage(sender) ? msg.doc.slice(0, 64) : null;
      const gen = doc ? LGListings.keep(sender, doc, listing) : undefined;
      const settings = await LGSettings.get();
      const page = fromExtensionPage(sender) ? String(msg.page || '') : pageOf(sender);
      const host = fromExtensionPage(sender) ? msg.host : hostOf(sender);
      // The extension's own pages (check, welcome) always check; a seller center is off when
      // the seller switched it off, or when its marketplace is not one the seller picked.
      const pageMarketplace = msg.marketplace ? String(msg.marketplace) : null;
      const site = fromExtensionPage(sender) ? siteOf(settings, host) : LGSettings.siteState(settings, host, pageMarketplace);
      if (!site.enabled) {
        await queueCounts(() => recordCounts(sender, host, [], pageMarketplace));
        return { findings: [], disabled: true, gen, off: site.off || 'site' };
      }
      const linter = await LGEngine.get(LGSettings.extraPacks(settings));
      const config = configFor(settings, site.marketplace || msg.marketplace, page, marketOf(host));
      LGWake.mark('lint-start');
      const findings = withoutIgnored(settings, lintWith(linter, listing, config), page);
      LGWake.mark('lint-end');
      queueCounts(() => recordCounts(sender, host, findings, pageMarketplace));
      if (!fromExtensionPage(sender)) LGLog.add({ event: 'checked', page, rules: findings.map((f) => f.rule) }).catch(() => {});
      // `wake`: what this background's start cost, on the first answer after it (wake.js).
      return { findings, gen, disabled: false, packError: LGEngine.error(), beforeSubmit: settings.beforeSubmit, wake: LGWake.take() };
    },
    async packs() {
      const settings = await LGSettings.get();
      const linter = await LGEngine.get(LGSettings.extraPacks(settings));
      // The ids of imported packs as the engine parsed them (not guessed from the text).
      const imported = [];
      for (const src of settings.userPacks) { try { imported.push(packId(src)); } catch { /* refused: reported as packError */ } }
      return { packs: linter.packs(), settings, imported, packError: LGEngine.error(), lang: lang() };
    },
    async tab(msg) {
      await counting;
      const key = `tab:${msg.tabId}`;
      const stored = (await api.storage.session.get(key))[key];
      const settings = await LGSettings.get();
      const host = stored ? stored.host : null;
      const marketplace = stored ? stored.marketplace || null : null;
      const state = host ? LGSettings.siteState(settings, host, marketplace) : { enabled: true, off: null };
      return {
        host,
        counts: stored && state.enabled ? sum(stored.frames) : { block: 0, warn: 0, info: 0 },
        siteEnabled: state.enabled,
        off: state.off,
        marketplace,
        marketplaces: settings.marketplaces,
      };
    },
    async 'settings-op'(msg, sender) {
      if (!Object.hasOwn(OPS, msg.op)) throw new Error(`unknown settings operation ${msg.op}`);
      if (!fromExtensionPage(sender)) {
        // From a listing page: only what concerns that page is applied; a global change
        // (own brand, rule off) waits for the seller's yes in the extension's own page.
        if (msg.op === 'ignore') {
          await LGSettings.update((s) => OPS.ignore(s, { rule: msg.rule, text: msg.text, page: pageOf(sender) }));
          await LGLog.add({ event: 'ignored', page: pageOf(sender), rules: [msg.rule], text: msg.text }).catch(() => {});
          return {};
        }
        if (TAB_CONFIRMS.includes(msg.op)) return LGConfirm.ask(confirmOp(msg), sender);
        throw new Error(`${msg.op} is not available from a page`);
      }
      // Validation happens before anything is stored: a refused change leaves all as it was.
      await LGSettings.update(async (s) => (await OPS[msg.op](s, msg)) || s);
      if (msg.op === 'toggle-site' && !msg.on) await queueCounts(() => clearHost(String(msg.host)));
      return {};
    },
    async export() {
      const settings = await LGSettings.get();
      return { data: { format: EXPORT_FORMAT, version: api.runtime.getManifest().version, exported: new Date().toISOString(), settings } };
    },
    async try(msg) {
      const settings = await LGSettings.get();
      const custom = LGSettings.check({ custom: msg.custom || [] }, { strict: false }).custom;
      await LGEngine.init();
      const linter = new wasm_bindgen.Linter(LGSettings.extraPacks({ ...settings, custom }));
      try {
        const findings = linter.lint({ title: String(msg.text || '') }, { lang: lang(), packs: { ...settings.packs, custom: true } });
        return { findings };
      } finally {
        linter.free();
      }
    },
  };

  // The record of checks: a tab reports what the seller fixed or submitted anyway; the
  // settings page reads, switches, exports and clears it.
  handlers.log = async (msg, sender) => {
    if (!['fixed', 'submitted-anyway'].includes(msg.event)) throw new Error(`${msg.event} is not reported by a page`);
    return { recorded: await LGLog.add({ event: msg.event, page: pageOf(sender), rules: msg.rules, text: msg.text, replacement: msg.replacement }) };
  };
  handlers['log-get'] = async (msg) => {
    const doc = await LGLog.read();
    return { on: doc.on, count: doc.entries.length, entries: msg.entries ? doc.entries : undefined, csv: msg.csv ? LGLog.csv(doc.entries) : undefined };
  };
  handlers['log-set'] = async (msg) => { await LGLog.setOn(msg.on === true); return {}; };
  handlers['log-clear'] = async () => { await LGLog.clear(); return {}; };

  /** Global changes a card may ask for; each is confirmed in confirm.html first. */
  const TAB_CONFIRMS = ['allow-brand', 'resell-brand', 'disable-rule'];
  const BRAND_OPS = ['allow-brand', 'resell-brand'];
  /** What is kept of a page's request: the op and its brand or rule, nothing else (a
   * note comes only from the confirm page, typed by the seller). */
  const confirmOp = (m) => (BRAND_OPS.includes(m.op) ? { op: m.op, brand: String(m.brand || '').slice(0, 100) } : { op: m.op, rule: String(m.rule || '').slice(0, 120) });

  handlers.pending = async (msg) => ({ pending: await LGConfirm.pending(String(msg.id || '')) });
  handlers.confirm = async (msg) => {
    const op = await LGConfirm.take(String(msg.id || ''));
    if (!op) throw new Error('this request is no longer pending');
    // The confirm page may add the proof note of a brand (typed there, by the seller).
    const note = BRAND_OPS.includes(op.op) && typeof msg.note === 'string' ? msg.note.slice(0, 300) : undefined;
    const apply = note !== undefined && note.trim() ? { ...op, note: note.trim() } : op;
    if (msg.accept === true) await LGSettings.update(async (s) => (await OPS[apply.op](s, apply)) || s);
    return { applied: msg.accept === true };
  };

  /** What a content script (sender: a tab's page) may send; everything else is for extension pages. */
  const TAB_MESSAGES = ['lint', 'settings-op', 'log'];

  /** The shapes each message must have before it is acted on. */
  function valid(msg) {
    if (!msg || typeof msg !== 'object' || !Object.hasOwn(handlers, msg.type)) return false;
    if (msg.type === 'lint') {
      const whole = typeof msg.listing === 'object' && msg.listing !== null;
      const change = Number.isInteger(msg.base) && typeof msg.changed === 'object' && msg.changed !== null;
      return (whole || change) && typeof msg.host === 'string';
    }
    if (msg.type === 'tab') return Number.isInteger(msg.tabId);
    if (msg.type === 'settings-op') return typeof msg.op === 'string';
    if (msg.type === 'log') return typeof msg.event === 'string';
    return true;
  }

  if (api.tabs && api.tabs.onRemoved) api.tabs.onRemoved.addListener((tabId) => LGListings.forgetTab(tabId));

  // First run: the welcome page (what the colours mean, own brands, a sample listing).
  api.runtime.onInstalled.addListener((details) => {
    if (details.reason === 'install') api.tabs.create({ url: api.runtime.getURL('welcome/welcome.html') }).catch(() => {});
  });

  // A page holds a port open to learn when this background stops (the port closes, and the
  // listings kept in memory go with it): its next pass sends the whole listing at once
  // instead of a change answered by `resync`. Nothing is sent over it; it keeps nothing
  // alive (an open port does not delay an idle stop).
  if (api.runtime.onConnect) {
    api.runtime.onConnect.addListener((port) => {
      if (port.name !== 'lg-page' || !port.sender || port.sender.id !== api.runtime.id) { port.disconnect(); return; }
      // A page connects when the seller starts typing and no background is known to be
      // running (main.js): build the engine and run one throwaway lint now, while the
      // page's debounce runs, so the lint that follows finds the engine built and its
      // code compiled (Chromium compiles wasm functions on their first call).
      warm().catch(() => {});
    });
  }

  /** The configuration each engine was last given, as JSON. */
  const configOf = new WeakMap();
  /**
   * Lints `listing` with `config`: the engine converts a configuration when it changes, not
   * on every keystroke, and reads the listing as records (records.js), which costs less
   * than JSON text or converting the object field by field (`./build.sh bench`).
   */
  function lintWith(linter, listing, config) {
    const key = JSON.stringify(config);
    if (configOf.get(linter) !== key) {
      linter.setConfig(config);
      configOf.set(linter, key);
    }
    return linter.lintRecords(LGRecords.write(listing));
  }

  let warmed = null;
  /** Builds the engine and lints a short sample once per background lifetime. */
  function warm() {
    if (!warmed) {
      warmed = (async () => {
        const settings = await LGSettings.get();
        const linter = await LGEngine.get(LGSettings.extraPacks(settings));
        const config = configFor(settings, null, '', null);
        lintWith(linter, { title: 'Warm-up 100% original', price: '9.99' }, config);
        LGWake.mark('warm');
      })();
    }
    return warmed;
  }

  api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
    if (sender.id !== api.runtime.id || !valid(msg)) return false;
    if (!fromExtensionPage(sender) && !TAB_MESSAGES.includes(msg.type)) return false;
    handlers[msg.type](msg, sender)
      .then((r) => sendResponse({ ok: true, ...r }))
      .catch((e) => sendResponse({ ok: false, error: String((e && e.message) || e) }));
    return true;
  });

  // Before any message is read, the settings are read while the wasm compiles (engine.js
  // started it): the first lint finds both ready or on their way. The engine itself is
  // built by the first message that needs it.
  LGSettings.get().then(() => LGWake.mark('settings'), () => {});
  LGWake.mark('scripts-done');
})();
