// Answers the content scripts and the popup. Holds nothing that matters across a
// service-worker restart: settings live in storage.local, per-tab counts in
// storage.session, and the engine is rebuilt on demand.
'use strict';
(() => {
  const api = globalThis.browser ?? globalThis.chrome;
  const lang = () => (api.i18n.getUILanguage() || 'en').toLowerCase().startsWith('zh') ? 'zh' : 'en';

  function configFor(settings, marketplace, page) {
    return {
      lang: lang(),
      marketplace: marketplace || null,
      packs: settings.packs,
      rules: settings.rules,
      severity: settings.severity,
      allow_brands: settings.allowBrands,
      ignore: settings.ignored.filter((i) => i.page === page).map(({ rule, text }) => ({ rule, text })),
    };
  }

  async function recordCounts(sender, host, findings) {
    const tabId = sender.tab && sender.tab.id;
    if (tabId === undefined || tabId < 0) return;
    const counts = { block: 0, warn: 0, info: 0 };
    for (const f of findings) counts[f.severity] += 1;
    const key = `tab:${tabId}`;
    const stored = (await api.storage.session.get(key))[key] || { host, frames: {} };
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

  const handlers = {
    async lint(msg, sender) {
      const settings = await LGSettings.get();
      if (settings.sites[msg.host] === false) {
        await recordCounts(sender, msg.host, []);
        return { findings: [], disabled: true };
      }
      const linter = await LGEngine.get(settings.userPacks);
      const findings = linter.lint(msg.listing, configFor(settings, msg.marketplace, msg.page));
      await recordCounts(sender, msg.host, findings);
      return { findings, disabled: false, packError: LGEngine.error() };
    },
    async packs() {
      const settings = await LGSettings.get();
      const linter = await LGEngine.get(settings.userPacks);
      return { packs: linter.packs(), settings };
    },
    async tab(msg) {
      const key = `tab:${msg.tabId}`;
      const stored = (await api.storage.session.get(key))[key];
      const settings = await LGSettings.get();
      const host = stored ? stored.host : null;
      const siteEnabled = host ? settings.sites[host] !== false : true;
      return {
        host,
        counts: stored && siteEnabled ? sum(stored.frames) : { block: 0, warn: 0, info: 0 },
        siteEnabled,
      };
    },
    async 'settings-op'(msg) {
      await LGSettings.update((s) => {
        if (msg.op === 'ignore') s.ignored.push({ page: String(msg.page), rule: String(msg.rule), text: String(msg.text) });
        else if (msg.op === 'allow-brand' && !s.allowBrands.includes(msg.brand)) s.allowBrands.push(String(msg.brand));
        else if (msg.op === 'disable-rule') s.rules[String(msg.rule)] = false;
        else if (msg.op === 'toggle-pack') s.packs[String(msg.pack)] = Boolean(msg.on);
        else if (msg.op === 'toggle-site') s.sites[String(msg.host)] = Boolean(msg.on);
        else throw new Error(`unknown settings operation ${msg.op}`);
        return s;
      });
      if (msg.op === 'toggle-site' && !msg.on) await clearHost(String(msg.host));
      return {};
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
      .catch((e) => sendResponse({ ok: false, error: String(e && e.message || e) }));
    return true;
  });
})();
