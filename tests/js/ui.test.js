import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { ROOT } from './load.mjs';

/** shared/ui.js in a page whose getMessage answers `answer` and whose own files are read from disk. */
function page(lang, answer) {
  const read = [];
  class XMLHttpRequest {
    open(method, url, sync) { assert.equal(sync, false); this.url = url; }
    send() {
      read.push(this.url);
      const file = path.join(ROOT, 'extension', this.url.replace('ext://id/', ''));
      if (fs.existsSync(file)) { this.status = 200; this.responseText = fs.readFileSync(file, 'utf8'); } else { this.status = 404; this.responseText = ''; }
    }
  }
  const chrome = { i18n: { getMessage: answer, getUILanguage: () => lang }, runtime: { getURL: (p) => `ext://id/${p}` } };
  const ctx = vm.createContext({ chrome, XMLHttpRequest, document: {} });
  vm.runInContext(`${fs.readFileSync(path.join(ROOT, 'extension/shared/ui.js'), 'utf8')}; globalThis.LGUI = LGUI;`, ctx);
  return { t: ctx.LGUI.t, read };
}

test("getMessage answering '' for everything: strings come from the extension's own _locales file", () => {
  const tw = page('zh-TW', () => '');
  assert.equal(tw.t('options_site_on', ['seller.shopee.tw']), JSON.parse(fs.readFileSync(path.join(ROOT, 'extension/_locales/zh_TW/messages.json'))).options_site_on.message.replace('$1', 'seller.shopee.tw'));
  assert.ok(tw.read.every((u) => u.startsWith('ext://id/_locales/')), 'only the extension\'s own files are read');
  assert.equal(page('zh-CN', () => '').t('popup_settings'), JSON.parse(fs.readFileSync(path.join(ROOT, 'extension/_locales/zh_CN/messages.json'))).popup_settings.message);
  assert.equal(page('de-DE', () => '').t('popup_settings'), 'Settings', 'a locale not shipped: the default, English');
  assert.equal(page('en-US', () => '').t('no_such_key'), 'no_such_key');
  // getMessage working: nothing is read.
  const ok = page('en-US', (k) => (k === 'extension_name' ? 'Listing Guard' : `msg:${k}`));
  assert.equal(ok.t('popup_settings'), 'msg:popup_settings');
  assert.deepEqual(ok.read, []);
});
