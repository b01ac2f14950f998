import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { execFileSync } from 'node:child_process';
import { ROOT } from './load.mjs';

// shared/locales.js as the build writes it (tools/locales.mjs), from the source _locales.
const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'lg-locales-'));
fs.cpSync(path.join(ROOT, 'extension', '_locales'), path.join(dist, '_locales'), { recursive: true });
fs.mkdirSync(path.join(dist, 'shared'));
execFileSync(process.execPath, [path.join(ROOT, 'tools', 'locales.mjs'), dist]);
const LOCALES = fs.readFileSync(path.join(dist, 'shared', 'locales.js'), 'utf8');
fs.rmSync(dist, { recursive: true, force: true });
const msg = (loc, key) => JSON.parse(fs.readFileSync(path.join(ROOT, 'extension/_locales', loc, 'messages.json'), 'utf8'))[key].message;

/** shared/ui.js (after locales.js) in a page whose getMessage answers with `answer`. */
function page(lang, answer) {
  const chrome = { i18n: { getMessage: answer, getUILanguage: () => lang }, runtime: { getURL: (p) => `ext://id/${p}` } };
  const ctx = vm.createContext({ chrome, document: {} });
  vm.runInContext(`${LOCALES}\n${fs.readFileSync(path.join(ROOT, 'extension/shared/ui.js'), 'utf8')}; globalThis.LGUI = LGUI;`, ctx);
  return ctx.LGUI.t;
}

test("getMessage answering '' for everything: strings come from the extension's own _locales (shared/locales.js)", () => {
  const empty = () => '';
  assert.equal(page('zh-TW', empty)('options_site_on', ['seller.shopee.tw']), msg('zh_TW', 'options_site_on').replace('$1', 'seller.shopee.tw'));
  assert.equal(page('zh-HK', empty)('popup_settings'), msg('zh_TW', 'popup_settings'));
  assert.equal(page('zh-CN', empty)('popup_settings'), msg('zh_CN', 'popup_settings'));
  assert.equal(page('de-DE', empty)('popup_settings'), msg('en', 'popup_settings'), 'a locale not shipped: English, the default');
  assert.equal(page('en-US', empty)('no_such_key'), 'no_such_key');
  // getMessage working: its answer stands.
  const ok = page('zh-CN', (k) => (k === 'extension_name' ? 'Listing Guard' : `msg:${k}`));
  assert.equal(ok('popup_settings'), 'msg:popup_settings');
});
