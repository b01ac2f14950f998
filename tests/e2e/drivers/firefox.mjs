// Headless Firefox ESR driven by selenium-webdriver and geckodriver, with the test build
// installed as a temporary add-on under a fixed internal UUID (so its pages have a known URL).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Builder, By, Key } from 'selenium-webdriver';
import firefox from 'selenium-webdriver/firefox.js';
import command from 'selenium-webdriver/lib/command.js';

const KEYS = { Escape: Key.ESCAPE, Enter: Key.ENTER, Tab: Key.TAB, Home: Key.HOME, End: Key.END, ArrowRight: Key.ARROW_RIGHT, ArrowLeft: Key.ARROW_LEFT };
const ADDON_ID = 'listing-guard@listing-guard.dev';
const UUID = '5b4c1f0e-7d1a-4c57-9a57-1e57c0de0001';

export async function launchFirefox({ extDir, proxyPort, lang = 'en-US', dark = false, logDir }) {
  const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'lg-firefox-dl-'));
  const options = new firefox.Options()
    .setBinary(process.env.FIREFOX || '/usr/bin/firefox-esr')
    .addArguments('-headless', '--width=900', '--height=860')
    .setPreference('extensions.webextensions.uuids', JSON.stringify({ [ADDON_ID]: UUID }))
    .setPreference('intl.locale.requested', lang)
    .setPreference('layout.css.prefers-color-scheme.content-override', dark ? 0 : 1)
    .setPreference('browser.download.folderList', 2)
    .setPreference('browser.download.dir', downloads)
    .setPreference('browser.download.useDownloadDir', true)
    .setPreference('browser.download.always_ask_before_handling_new_types', false)
    .setPreference('browser.helperApps.neverAsk.saveToDisk', 'application/json,text/csv')
    .setPreference('intl.accept_languages', lang)
    // Every request goes through the fixture server, which records it.
    .setPreference('network.proxy.type', 1)
    .setPreference('network.proxy.http', '127.0.0.1')
    .setPreference('network.proxy.http_port', proxyPort)
    .setPreference('network.proxy.ssl', '127.0.0.1')
    .setPreference('network.proxy.ssl_port', proxyPort)
    .setPreference('network.proxy.no_proxies_on', '')
    .setPreference('network.proxy.allow_hijacking_localhost', true)
    // Firefox's own background services, which are not the extension's requests.
    .setPreference('network.captive-portal-service.enabled', false)
    .setPreference('network.connectivity-service.enabled', false)
    .setPreference('app.normandy.enabled', false)
    .setPreference('browser.safebrowsing.update.enabled', false)
    .setPreference('services.settings.server', 'http://127.0.0.1:9/remote-settings')
    .setPreference('dom.push.enabled', false)
    .setPreference('network.dns.disablePrefetch', true)
    .setPreference('network.prefetch-next', false)
    .setPreference('devtools.console.stdout.content', true);
  const gecko = process.env.GECKODRIVER || 'geckodriver';
  const log = path.join(logDir || os.tmpdir(), 'geckodriver.log');
  const service = new firefox.ServiceBuilder(gecko).addArguments('--allow-system-access').setStdio(['ignore', fs.openSync(log, 'w'), fs.openSync(log, 'a')]);
  const wd = await new Builder().forBrowser('firefox').setFirefoxOptions(options).setFirefoxService(service).build();
  // Installed from the unpacked directory (geckodriver's `path`), not as a zip: with the zip that
  // selenium builds, some Firefox 140.10 sessions could not load any content script
  // ("Unable to load script: moz-extension://…"), while the directory loads everywhere.
  await wd.execute(new command.Command('install addon').setParameter('path', path.resolve(extDir)).setParameter('temporary', true));
  const extensionBase = `moz-extension://${UUID}/`;

  const driver = {
    name: 'firefox',
    extensionBase,
    logs: [],
    async goto(url) { await wd.get(url); },
    async eval(expr) { return wd.executeScript(`return ${expr};`); },
    async type(text) { await wd.actions().sendKeys(text).perform(); },
    async paste(text) {
      // What a paste or an IME commit does: one insertText edit, one input event.
      await wd.executeScript(`const d = (function deep(doc) { const a = doc.activeElement;
        return a && a.localName === 'iframe' ? deep(a.contentDocument) : doc; })(document);
        d.execCommand('insertText', false, arguments[0]);`, text);
    },
    async press(key) { await wd.actions().sendKeys(KEYS[key] || key).perform(); },
    /** One Ctrl+Z, as the seller presses it. */
    async undo() { await wd.actions().keyDown(Key.CONTROL).sendKeys('z').keyUp(Key.CONTROL).perform(); },
    /** A shortcut: modifiers (Alt, Shift) and a key. */
    async chord(mods, key) {
      let a = wd.actions();
      for (const m of mods) a = a.keyDown(Key[m.toUpperCase()]);
      a = a.sendKeys(KEYS[key] || key.toLowerCase());
      for (const m of [...mods].reverse()) a = a.keyUp(Key[m.toUpperCase()]);
      await a.perform();
    },
    async click(selector) { await wd.findElement(By.css(selector)).click(); },
    async setFile(selector, file) { await wd.findElement(By.css(selector)).sendKeys(file); },
    /** Clicks something that downloads a file; returns the file's text once it is complete. */
    async download(selector) {
      const before = new Set(fs.readdirSync(downloads));
      await wd.findElement(By.css(selector)).click();
      let file = null;
      await wd.wait(async () => {
        const names = fs.readdirSync(downloads).filter((n) => !before.has(n));
        file = names.find((n) => !n.endsWith('.part') && !names.includes(`${n}.part`));
        return Boolean(file) && fs.statSync(path.join(downloads, file)).size > 0;
      }, 10000);
      return fs.readFileSync(path.join(downloads, file), 'utf8');
    },
    async mouseMove(x, y) { await wd.actions().move({ x: Math.round(x), y: Math.round(y), origin: 'viewport' }).perform(); },
    async mouseClick(x, y) { await wd.actions().move({ x: Math.round(x), y: Math.round(y), origin: 'viewport' }).click().perform(); },
    async screenshot(file) { fs.writeFileSync(file, await wd.takeScreenshot(), 'base64'); },
    async openTab(url) {
      if (!url.startsWith('moz-extension:')) {
        await wd.switchTo().newWindow('tab');
        await wd.get(url);
        return wd.getWindowHandle();
      }
      // WebDriver may not navigate to extension pages; the browser's own UI may open one.
      const before = await wd.getAllWindowHandles();
      await wd.setContext(firefox.Context.CHROME);
      try {
        await wd.executeScript(`gBrowser.selectedTab = gBrowser.addTab(arguments[0],
          { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() });`, url);
      } finally {
        await wd.setContext(firefox.Context.CONTENT);
      }
      // A new tab is about:blank, already "complete", before it reaches the page: wait for
      // the page itself (a script run in between sees no body, or answers null). Compared
      // without query and hash, which a page may rewrite. Every new tab is looked at, not
      // only the first, in case the extension opens one of its own meanwhile; on a timeout
      // (a full run once timed out here, cause unknown) the error says what the new tabs held.
      const want = url.split(/[?#]/)[0];
      let handle = null;
      let seen = [];
      try {
        await wd.wait(async () => {
          seen = [];
          for (const h of (await wd.getAllWindowHandles()).filter((x) => !before.includes(x))) {
            await wd.switchTo().window(h);
            // A tab on its way may answer null, or not at all.
            const r = await wd.executeScript('return [location.href, document.readyState]').catch(() => null);
            if (!Array.isArray(r)) { seen.push('(no answer)'); continue; }
            const [href, state] = r;
            seen.push(`${href} (${state})`);
            if (href.startsWith(want) && state === 'complete') { handle = h; return true; }
          }
          return false;
        }, 10000);
      } catch (e) {
        throw new Error(`openTab ${url}: no new tab reached it in 10 s; new tabs seen: ${seen.join(', ') || 'none'} (${e.message})`);
      }
      return handle;
    },
    async useTab(tab) { await wd.switchTo().window(tab); },
    currentTab() { return wd.getWindowHandle(); },
    /** An open tab whose address contains `part` (one the browser or extension opened), or null. */
    async findTab(part) {
      const here = await wd.getWindowHandle();
      let found = null;
      for (const h of await wd.getAllWindowHandles()) {
        await wd.switchTo().window(h);
        if ((await wd.getCurrentUrl()).includes(part)) { found = h; break; }
      }
      await wd.switchTo().window(here);
      return found;
    },
    async closeTab(tab) { await wd.switchTo().window(tab); await wd.close(); },
    async reset() {
      const handles = await wd.getAllWindowHandles();
      await wd.switchTo().window(handles[0]);
    },
    /** Suspends the extension's event page the way Firefox does when it idles. */
    async stopWorker() {
      await wd.setContext(firefox.Context.CHROME);
      try {
        const state = await wd.executeScript(`
          const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
          const ext = ExtensionParent.GlobalManager.getExtension(arguments[0]);
          return ext.terminateBackground().then(() => ext.backgroundState);`, ADDON_ID);
        return state === 'stopped' ? 0 : 1;
      } finally {
        await wd.setContext(firefox.Context.CONTENT);
      }
    },
    wd,
    async close() { await wd.quit(); fs.rmSync(downloads, { recursive: true, force: true }); },
  };
  return driver;
}
