// The background's engine host: a refused pack does not take the other packs with it.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ROOT } from './load.mjs';

const require = createRequire(import.meta.url);

globalThis.chrome = { runtime: { getURL: (p) => `chrome-extension://x/${p}` } };
const built = [];
globalThis.wasm_bindgen = Object.assign(async () => ({}), {
  Linter: class {
    constructor(packs) {
      if (packs.some((p) => p.includes('BAD'))) throw new Error('pack `mine`, rule `bad`: refused');
      this.packs = packs;
      built.push(packs);
    }
    free() {}
  },
});
const LGEngine = require(path.join(ROOT, 'extension/background/engine.js'));

test('one refused pack is dropped, the others are kept, and the error is reported', async () => {
  const linter = await LGEngine.get(['good-a', 'BAD', 'good-b']);
  assert.deepEqual(linter.packs, ['good-a', 'good-b']);
  assert.match(LGEngine.error(), /rule `bad`/);
  const again = await LGEngine.get(['good-a', 'good-b']);
  assert.deepEqual(again.packs, ['good-a', 'good-b']);
  assert.equal(LGEngine.error(), null);
});
