// Headless Debian Chromium driven by playwright-core, with the test build loaded unpacked.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export async function launchChromium({ extDir, proxyPort, lang = 'en-US', dark = false }) {
  // Lets playwright report the service worker's own requests too.
  process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lg-chromium-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    locale: lang,
    colorScheme: dark ? 'dark' : 'light',
    // Chromium on Linux takes its UI language (and so the extension's) from LANGUAGE.
    env: { ...process.env, LANGUAGE: lang.replace('-', '_') },
    viewport: { width: 900, height: 760 },
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-quic', '--disable-default-apps',
      '--disable-client-side-phishing-detection', '--disable-domain-reliability', '--no-pings',
      '--disable-features=AutofillServerCommunication,OptimizationHints,Translate,MediaRouter,DialMediaRouteProvider,SigninInterceptBubble,InterestFeedContentSuggestions,NetworkTimeServiceQuerying',
      `--lang=${lang}`,
      // Every request goes through the fixture server, which records it.
      `--proxy-server=http://127.0.0.1:${proxyPort}`, '--proxy-bypass-list=<-loopback>',
      `--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`,
      // For a diagnosis only, never in the suite: extra flags, such as
      // LG_CHROMIUM_ARGS=--js-flags=--liftoff-only (README, issue 16's ninth round).
      ...(process.env.LG_CHROMIUM_ARGS ? process.env.LG_CHROMIUM_ARGS.split(' ') : [])],
  });
  // Every request made by any page, extension page or worker of this browser.
  const requests = [];
  ctx.on('request', (r) => requests.push(r.url()));
  let [worker] = ctx.serviceWorkers();
  if (!worker) worker = await ctx.waitForEvent('serviceworker');
  const extensionBase = new URL('/', worker.url()).href;
  let page = ctx.pages()[0] || await ctx.newPage();
  const logs = [];
  const watch = (p) => p.on('console', (m) => logs.push(`[${m.type()}] ${m.text()}`));
  watch(page);

  const driver = {
    name: 'chromium',
    extensionBase,
    logs,
    requests,
    async goto(url) { await page.goto(url); },
    async eval(expr) { return page.evaluate(expr); },
    async type(text) { await page.keyboard.type(text); },
    async paste(text) { await page.keyboard.insertText(text); },
    async press(key) { await page.keyboard.press(key); },
    /** One Ctrl+Z, as the seller presses it. */
    async undo() { await page.keyboard.press('Control+z'); },
    /** A shortcut: modifiers (Alt, Shift) and a key. */
    async chord(mods, key) { await page.keyboard.press([...mods, key].join('+')); },
    async click(selector) { await page.click(selector); },
    async setFile(selector, file) { await page.setInputFiles(selector, file); },
    /** Clicks something that downloads a file; returns the file's text. */
    async download(selector) {
      const [d] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
      return fs.readFileSync(await d.path(), 'utf8');
    },
    async mouseMove(x, y) { await page.mouse.move(x, y); },
    async mouseClick(x, y) { await page.mouse.click(x, y); },
    async screenshot(file) { await page.screenshot({ path: file }); },
    async openTab(url) { const p = await ctx.newPage(); watch(p); page = p; await p.goto(url); return p; },
    async useTab(tab) { page = tab; await page.bringToFront(); },
    currentTab() { return page; },
    /** An open tab whose address contains `part` (one the browser or extension opened), or null. */
    async findTab(part) { return ctx.pages().find((p) => !p.isClosed() && p.url().includes(part)) || null; },
    async closeTab(tab) { await tab.close(); },
    /** After a failed spec: make sure there is a live tab to go on with. */
    async reset() {
      if (page.isClosed()) page = ctx.pages().find((p) => !p.isClosed()) || await ctx.newPage();
      await page.bringToFront();
    },
    /** Stops the extension's service worker the way Chrome does when it idles. */
    async stopWorker() {
      const cdp = await ctx.newCDPSession(page);
      const versions = new Map();
      let changed = () => {};
      cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
        for (const v of e.versions) if (v.scriptURL.startsWith(extensionBase)) versions.set(v.versionId, v.runningStatus);
        changed();
      });
      const until = (ok) => new Promise((resolve) => { changed = () => { if (ok()) resolve(); }; changed(); });
      await cdp.send('ServiceWorker.enable');
      await until(() => [...versions.values()].includes('running'));
      for (const [versionId, status] of versions) {
        if (status === 'running') await cdp.send('ServiceWorker.stopWorker', { versionId });
      }
      await until(() => [...versions.values()].every((s) => s === 'stopped'));
      await cdp.detach().catch(() => {});
      return [...versions.values()].filter((s) => s !== 'stopped').length;
    },
    /** Evaluates `expr` in the extension's running service worker (null when none runs). */
    async evalWorker(expr) {
      const w = ctx.serviceWorkers().find((x) => x.url().startsWith(extensionBase));
      return w ? w.evaluate(expr) : null;
    },
    /** Sends one DevTools protocol command to the current tab (IME input, for one). */
    async cdp(method, params) {
      const session = await ctx.newCDPSession(page);
      try { return await session.send(method, params); } finally { await session.detach().catch(() => {}); }
    },
    /** A DevTools protocol session kept open (a profile across several steps); detach it when done. */
    async cdpSession() { return ctx.newCDPSession(page); },
    async close() { await ctx.close(); fs.rmSync(profile, { recursive: true, force: true }); },
  };
  return driver;
}
