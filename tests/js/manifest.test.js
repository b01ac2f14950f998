// Each browser's manifest (tools/manifest.mjs) carries only its own keys, and Chrome's
// service worker loads the same scripts, in the same order, as Firefox's event page.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './load.mjs';

function manifestFor(browser) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lg-manifest-'));
  try {
    const out = path.join(dir, 'manifest.json');
    execFileSync(process.execPath, [path.join(ROOT, 'tools/manifest.mjs'), browser, out]);
    return JSON.parse(fs.readFileSync(out, 'utf8'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('Chrome: a service worker and a minimum version; Firefox: event-page scripts and gecko settings', () => {
  const chrome = manifestFor('chrome');
  const firefox = manifestFor('firefox');
  assert.deepEqual(Object.keys(chrome.background), ['service_worker']);
  assert.equal(chrome.minimum_chrome_version, '103');
  assert.equal(chrome.browser_specific_settings, undefined);
  assert.deepEqual(Object.keys(firefox.background), ['scripts']);
  assert.ok(firefox.browser_specific_settings.gecko.id);
  assert.equal(firefox.minimum_chrome_version, undefined);
  assert.deepEqual(chrome.content_scripts, firefox.content_scripts);
  const sw = fs.readFileSync(path.join(ROOT, 'extension', chrome.background.service_worker), 'utf8');
  const imported = [...sw.matchAll(/'\/([^']+)'/g)].map((m) => m[1]);
  assert.deepEqual(imported, firefox.background.scripts, 'sw.js and background.scripts load the same files');
  for (const f of [...firefox.background.scripts.filter((s) => !s.startsWith('wasm/')), ...chrome.content_scripts[0].js]) {
    assert.ok(fs.existsSync(path.join(ROOT, 'extension', f)), f);
  }
});
