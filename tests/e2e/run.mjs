// Runs every end-to-end spec in headless Chromium and Firefox ESR against the test build
// (dist/test-chrome, dist/test-firefox). Prints one line per spec and page, saves
// screenshots to tests/e2e/out/, and ends with "N passed, M failed".
// Usage: node tests/e2e/run.mjs [chromium|firefox] [name filter]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './server.mjs';
import { specs, waitFor } from './specs.mjs';
import { optionSpecs, uiSpecs } from './specs-options.mjs';
import { centerSpecs } from './specs-centers.mjs';
import { layoutSpecs } from './specs-layout.mjs';
import { hardeningSpecs } from './specs-hardening.mjs';
import { fixSpecs, welcomeSpecs, checkSpecs, logSpecs, groupSpecs } from './specs-fixes.mjs';
import { speedSpecs } from './specs-speed.mjs';
import { resellSpecs } from './specs-resell.mjs';
import { marketSpecs } from './specs-markets.mjs';
import { languageSpecs } from './specs-languages.mjs';
import { launchChromium } from './drivers/chromium.mjs';
import { launchFirefox } from './drivers/firefox.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const OUT = path.join(HERE, 'out');
fs.mkdirSync(OUT, { recursive: true });
const [onlyBrowser, filter] = process.argv.slice(2);

const BROWSERS = [
  { name: 'chromium', launch: launchChromium, ext: path.join(ROOT, process.env.LG_TEST_DIST || 'dist', 'test-chrome') },
  { name: 'firefox', launch: launchFirefox, ext: path.join(ROOT, process.env.LG_TEST_DIST || 'dist', 'test-firefox') },
];

// Each session is one browser start: the main one, then the UI in Chinese and in dark mode.
const SESSIONS = [
  { lang: 'en-US', dark: false, specs: [...welcomeSpecs, ...specs, ...centerSpecs, ...layoutSpecs, ...fixSpecs, ...checkSpecs, ...logSpecs, ...groupSpecs, ...optionSpecs, ...marketSpecs, ...languageSpecs, ...resellSpecs,
    ...hardeningSpecs, ...speedSpecs, ...uiSpecs({ lang: 'en-US', dark: false })] },
  { lang: 'zh-CN', dark: false },
  { lang: 'en-US', dark: true },
  { lang: 'zh-CN', dark: true },
  { lang: 'zh-TW', dark: false },
  { lang: 'zh-TW', dark: true },
].map((s) => ({ ...s, specs: s.specs || uiSpecs(s) }));

let passed = 0;
let failed = 0;
const server = await startServer();
for (const b of BROWSERS) {
  if (onlyBrowser && onlyBrowser !== b.name) continue;
  for (const session of SESSIONS) {
  const selected = session.specs.filter((spec) => !filter || spec.name.includes(filter));
  if (!selected.length) continue;
  let drv;
  try {
    drv = await b.launch({ extDir: b.ext, proxyPort: server.port, logDir: OUT, lang: session.lang, dark: session.dark });
  } catch (e) {
    console.log(`not ok ${b.name}: could not start: ${e.stack || e}`);
    failed += 1;
    continue;
  }
  // The extension opens its welcome page on install. Unless this run checks that page, close
  // it so the tests drive the tab in front (Firefox brings the new tab to the front).
  if (!selected.some((spec) => spec.name.startsWith('welcome:'))) {
    const welcome = await waitFor(drv, 'the welcome tab', () => drv.findTab('welcome/welcome.html'), Boolean, 5000).catch(() => null);
    const main = await drv.currentTab();
    if (welcome) { await drv.closeTab(welcome); await drv.useTab(main); }
  }
  const before = server.requests.length;
  for (const spec of selected) {
    if (spec.only && !spec.only(drv)) { console.log(`skip ${b.name}: ${spec.name} (not available in this browser)`); continue; }
    for (const p of spec.pages) {
      const label = `${b.name} ${p}: ${spec.name}`;
      const ctx = { url: `${server.origin}/${p}`, strict: p.startsWith('strict/'), base: drv.extensionBase,
        shot: (name) => drv.screenshot(path.join(OUT, `${b.name}-${name}.png`)) };
      try {
        await spec.run(drv, ctx);
        console.log(`ok ${label}`);
        passed += 1;
      } catch (e) {
        console.log(`not ok ${label}\n  ${String(e.stack || e).split('\n').slice(0, 6).join('\n  ')}`);
        await drv.screenshot(path.join(OUT, `${b.name}-failed-${passed + failed}.png`)).catch(() => {});
        failed += 1;
        await drv.reset().catch(() => {});
      }
    }
  }
  // No network request leaves the extension: the browser asked the network for nothing
  // but the fixture pages the tests opened (every request went through the recording proxy).
  // The browsers' own services (updates, time, settings) also use the proxy. In Chromium,
  // playwright's per-context request log (pages, extension pages, the extension's service
  // worker) tells which requests came from a page or the extension: a proxied host that
  // none of them asked for is the browser process's own. Firefox has no such log, so its
  // known service hosts are named instead.
  const fromContext = drv.requests || [];
  const hostOf = (u) => u.replace(/^[a-z]+:\/\//i, '').split(/[/?#]/)[0].replace(/:\d+$/, '');
  const contextHosts = new Set(fromContext.map(hostOf));
  const FIREFOX_OWN = /^(firefox\.settings\.services\.mozilla\.com|content-signature-2\.cdn\.mozilla\.net)$/;
  const browserOwn = (r) => (drv.requests ? !contextHosts.has(hostOf(r.url)) : FIREFOX_OWN.test(hostOf(r.url)));
  const foreign = server.requests.slice(before).filter((r) => !r.local && !browserOwn(r));
  const leaked = fromContext.filter((u) => !u.startsWith(server.origin) && !u.startsWith(drv.extensionBase));
  if (leaked.length) {
    console.log(`not ok ${b.name}: pages or the extension asked for ${leaked.join(', ')}`);
    failed += 1;
  }
  const own = [...new Set(server.requests.slice(before).filter((r) => !r.local && browserOwn(r)).map((r) => hostOf(r.url)))];
  if (own.length) console.log(`# ${b.name}: the browser's own services used the proxy (no page or extension asked for them): ${own.join(', ')}`);
  if (foreign.length) {
    console.log(`not ok ${b.name}: requests left the browser: ${foreign.map((r) => `${r.method} ${r.url}`).join(', ')}`);
    failed += 1;
  } else {
    console.log(`ok ${b.name}: no request other than the fixture pages (${server.requests.length - before} local requests)`);
    passed += 1;
  }
  if (drv.logs.length) fs.writeFileSync(path.join(OUT, `${b.name}-console.log`), drv.logs.join('\n'));
  await drv.close().catch(() => {});
  }
}
await server.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
