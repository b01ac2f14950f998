import test from 'node:test';
import assert from 'node:assert/strict';
import { load } from './load.mjs';

globalThis.chrome = { storage: { onChanged: { addListener() {} }, local: { get: async () => ({}), set: async () => {} } } };
const LGSettings = load('background/settings.js');

test('stored settings are merged over the defaults; wrong types are dropped', () => {
  const s = LGSettings.merge({ packs: { counterfeit: false }, allowBrands: 'Nike', sites: { 'a.com': false }, future: 1 });
  assert.deepEqual(s.packs, { counterfeit: false });
  assert.deepEqual(s.allowBrands, []);
  assert.deepEqual(s.sites, { 'a.com': false });
  assert.equal(s.schema, 1);
  assert.deepEqual(LGSettings.merge(undefined), LGSettings.defaults());
  assert.deepEqual(LGSettings.merge('garbage'), LGSettings.defaults());
});
