// Answers the content scripts, the popup and the options page. Holds nothing that
// matters across a service-worker restart: settings live in storage.local, per-tab counts
// in storage.session, and the engine is rebuilt on demand.
'use strict';
(() => {
  const api = globalThis.browser ?? globalThis.chrome;
  const lang = () => ((api.i18n.getUILanguage() || 'en').toLowerCase().startsWith('zh') ? 'zh' : 'en');
  const SEVERITIES = ['block', 'warn', 'info'];
  const EXPORT_FORMAT = 'listing-guard-settings';

  function configFor(settings, marketplace, page) {
    return {
      lang: lang(),
      marketplace: marketplace || null,
      packs: settings.packs,
      rules: settings.rules,
      severity: settings.severity,
      allow_brands: settings.brands.map((b) => b.name),
      ignore: settings.ignored.filter((i) => i.page === page).map(({ rule, text }) => ({ rule, text })),
    };
  }

  const siteOf = (settings, host) => settings.sites[host] || { enabled: true, marketplace: null };

  async function recordCounts(sender, host, findings) {
    const tabId = sender.tab && sender.tab.id;
    if (tabId === undefined || tabId < 0) return;
    const counts = { block: 0, warn: 0, info: 0 };
    for (const f of findings) counts[f.severity] += 1;
    const key = `tab:${tabId}`;
    const stored = (await api.storage.session.get(key))[key] || { host, frames: {} };
    const before = stored.frames[sender.frameId || 0];
    if (stored.host === host && before && ['block', 'warn', 'info'].every((k) => before[k] === counts[k])) return;
    stored.host = host;
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
    ignore: (s, m) => { s.ignored.push({ page: String(m.page), rule: String(m.rule), text: String(m.text) }); },
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
    reset: (s) => { s.packs = {}; s.rules = {}; s.severity = {}; },
    'before-submit': (s, m) => { s.beforeSubmit = Boolean(m.on); },
    'set-custom': async (s, m) => {
      const custom = LGSettings.merge({ custom: m.custom }).custom;
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
      if (!data || data.format !== EXPORT_FORMAT || typeof data.settings !== 'object') {
        throw new Error('not a Listing Guard settings file');
      }
      const next = LGSettings.migrate(data.settings);
      await validate(LGSettings.extraPacks(next));
      return next;
    },
  };

  const handlers = {
    async lint(msg, sender) {
      const settings = await LGSettings.get();
      const site = siteOf(settings, msg.host);
      if (!site.enabled) {
        await recordCounts(sender, msg.host, []);
        return { findings: [], disabled: true };
      }
      const linter = await LGEngine.get(LGSettings.extraPacks(settings));
      const config = configFor(settings, site.marketplace || msg.marketplace, msg.page);
      // Keyed by its JSON: the engine converts a configuration once, not on every keystroke.
      const findings = linter.lint(msg.listing, config, JSON.stringify(config));
      await recordCounts(sender, msg.host, findings);
      return { findings, disabled: false, packError: LGEngine.error(), beforeSubmit: settings.beforeSubmit };
    },
    async packs() {
      const settings = await LGSettings.get();
      const linter = await LGEngine.get(LGSettings.extraPacks(settings));
      return { packs: linter.packs(), settings, packError: LGEngine.error(), lang: lang() };
    },
    async tab(msg) {
      const key = `tab:${msg.tabId}`;
      const stored = (await api.storage.session.get(key))[key];
      const settings = await LGSettings.get();
      const host = stored ? stored.host : null;
      const siteEnabled = host ? siteOf(settings, host).enabled : true;
      return {
        host,
        counts: stored && siteEnabled ? sum(stored.frames) : { block: 0, warn: 0, info: 0 },
        siteEnabled,
      };
    },
    async 'settings-op'(msg) {
      if (!Object.hasOwn(OPS, msg.op)) throw new Error(`unknown settings operation ${msg.op}`);
      // Validation happens before anything is stored: a refused change leaves all as it was.
      await LGSettings.update(async (s) => (await OPS[msg.op](s, msg)) || s);
      if (msg.op === 'toggle-site' && !msg.on) await clearHost(String(msg.host));
      return {};
    },
    async export() {
      const settings = await LGSettings.get();
      return { data: { format: EXPORT_FORMAT, version: api.runtime.getManifest().version, exported: new Date().toISOString(), settings } };
    },
    async try(msg) {
      const settings = await LGSettings.get();
      const custom = LGSettings.merge({ custom: msg.custom || [] }).custom;
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

  /** The shapes each message must have before it is acted on. */
  function valid(msg) {
    if (!msg || typeof msg !== 'object' || !Object.hasOwn(handlers, msg.type)) return false;
    if (msg.type === 'lint') return typeof msg.listing === 'object' && typeof msg.host === 'string';
    if (msg.type === 'tab') return Number.isInteger(msg.tabId);
    if (msg.type === 'settings-op') return typeof msg.op === 'string';
    return true;
  }

  api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
    if (sender.id !== api.runtime.id || !valid(msg)) return false;
    handlers[msg.type](msg, sender)
      .then((r) => sendResponse({ ok: true, ...r }))
      .catch((e) => sendResponse({ ok: false, error: String((e && e.message) || e) }));
    return true;
  });
})();
