// Writes the manifest of one browser's build from extension/manifest.json, which holds
// what both share plus each one's own keys. Chrome gets `background.service_worker` and
// `minimum_chrome_version`; Firefox gets `background.scripts` (an event page) and
// `browser_specific_settings`. Neither gets the other's keys, so `web-ext lint` and
// Chrome's manifest checks have nothing to warn about.
// Usage: node tools/manifest.mjs chrome|firefox <out/manifest.json>
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Chrome 103: the first with 'wasm-unsafe-eval' in an MV3 content security policy
// (storage.session needs 102, the rest of the code less).
const MINIMUM_CHROME = '103';

const [browser, out] = process.argv.slice(2);
if (!['chrome', 'firefox'].includes(browser) || !out) {
  console.error('usage: node tools/manifest.mjs chrome|firefox <out/manifest.json>');
  process.exit(2);
}
const m = JSON.parse(fs.readFileSync(path.join(ROOT, 'extension/manifest.json'), 'utf8'));
if (browser === 'chrome') {
  m.background = { service_worker: m.background.service_worker };
  delete m.browser_specific_settings;
  m.minimum_chrome_version = MINIMUM_CHROME;
} else {
  m.background = { scripts: m.background.scripts };
}
fs.writeFileSync(out, `${JSON.stringify(m, null, 2)}\n`);
