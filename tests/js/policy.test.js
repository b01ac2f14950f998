// What a browser-store reviewer checks, checked on every build: the fewest permissions,
// no remote code, no network APIs, no eval, no page text inserted as HTML, every UI
// string present in both languages.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './load.mjs';

const EXT = path.join(ROOT, 'extension');
const manifest = JSON.parse(fs.readFileSync(path.join(EXT, 'manifest.json'), 'utf8'));
const files = (dir) => fs.readdirSync(dir, { withFileTypes: true })
  .flatMap((d) => (d.isDirectory() ? files(path.join(dir, d.name)) : [path.join(dir, d.name)]));
const sources = files(EXT).filter((f) => /\.(js|html)$/.test(f));

test('the manifest asks for storage only and exposes nothing to pages', () => {
  assert.deepEqual(manifest.permissions, ['storage']);
  assert.equal(manifest.host_permissions, undefined);
  assert.equal(manifest.optional_permissions, undefined);
  assert.equal(manifest.web_accessible_resources, undefined);
  assert.equal(manifest.content_security_policy.extension_pages, "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'");
  for (const cs of manifest.content_scripts) {
    assert.equal(cs.all_frames, false);
    for (const m of cs.matches) assert.match(m, /^https:\/\/[^/]+\//, `${m}: https seller-center hosts only`);
    for (const js of cs.js) assert.ok(fs.existsSync(path.join(EXT, js)), js);
  }
  for (const s of manifest.background.scripts.filter((s) => !s.startsWith('wasm/'))) assert.ok(fs.existsSync(path.join(EXT, s)), s);
});

test('no network, no eval, no HTML from strings in the extension code', () => {
  const banned = [/\bfetch\s*\(/, /XMLHttpRequest/, /\bWebSocket\b/, /\bEventSource\b/, /sendBeacon/, /\beval\s*\(/,
    /new\s+Function\b/, /\.innerHTML\b/, /\.outerHTML\b/, /insertAdjacentHTML/, /document\.write/, /setTimeout\(\s*['"`]/,
    /importScripts\(\s*['"]https?:/, /<script[^>]+src=["']https?:/];
  for (const f of sources) {
    const text = fs.readFileSync(f, 'utf8');
    for (const re of banned) assert.doesNotMatch(text, re, `${path.relative(ROOT, f)} uses ${re}`);
  }
});

test('every UI string exists in English, Simplified and Traditional Chinese', () => {
  const en = JSON.parse(fs.readFileSync(path.join(EXT, '_locales/en/messages.json'), 'utf8'));
  const zh = JSON.parse(fs.readFileSync(path.join(EXT, '_locales/zh_CN/messages.json'), 'utf8'));
  const tw = JSON.parse(fs.readFileSync(path.join(EXT, '_locales/zh_TW/messages.json'), 'utf8'));
  assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
  assert.deepEqual(Object.keys(tw).sort(), Object.keys(en).sort());
  // Traditional Chinese as written in Taiwan, not Simplified characters left over.
  const simplified = /[设档讯户卖单击页显删网络简体应标签帐]/;
  for (const [k, v] of Object.entries(tw)) assert.doesNotMatch(v.message, simplified, `zh_TW ${k}: ${v.message}`);
  const used = new Set();
  for (const f of [...sources, path.join(EXT, 'manifest.json')]) {
    const text = fs.readFileSync(f, 'utf8');
    for (const m of text.matchAll(/__MSG_(\w+)__|data-i18n="(\w+)"|\bt\('(\w+)'/g)) used.add(m[1] || m[2] || m[3]);
  }
  for (const key of used) assert.ok(en[key], `missing message ${key}`);
});
