// The wasm engine, built once per background lifetime (a service worker that Chrome
// stopped rebuilds it on the next message; its wasm starts compiling as the worker
// starts). Rebuilt only when the seller's own packs change; if one is refused, the
// built-in packs and every other pack still answer.
'use strict';
const LGEngine = (() => {
  const api = globalThis.browser ?? globalThis.chrome;
  let ready = null;
  let linter = null;
  let builtFrom = null;
  let lastError = null;
  const mark = (name) => { if (typeof LGWake !== 'undefined') LGWake.mark(name); };

  /** Loads the wasm once per background lifetime: fetched from the package and compiled
   * while it is read (the glue streams it), then instantiated. Started as soon as this
   * script runs (below), so it compiles while the other scripts are evaluated and the
   * first message is on its way. */
  function init() {
    if (!ready) {
      mark('wasm-start');
      ready = wasm_bindgen({ module_or_path: api.runtime.getURL('wasm/listing_guard_wasm_bg.wasm') })
        .then((r) => { mark('wasm-ready'); return r; });
    }
    return ready;
  }

  let builtRef = null;

  /** The packs refused together: keep every one that still compiles beside the others
   * kept (so one stored pack the engine now refuses, such as an old custom pattern with
   * capitals, does not switch off the seller's other packs and rules). */
  function buildWithout(userPacks) {
    const kept = [];
    for (const p of userPacks) {
      try {
        new wasm_bindgen.Linter([...kept, p]).free();
        kept.push(p);
      } catch { /* refused: the error named it */ }
    }
    try {
      return new wasm_bindgen.Linter(kept);
    } catch {
      return new wasm_bindgen.Linter([]);
    }
  }

  /** `userPacks` is compared by identity first: settings memoise it, so the lint path
   * (every pass while the seller types) does not serialise imported packs each time. */
  async function get(userPacks) {
    await init();
    if (linter && userPacks === builtRef) return linter;
    const key = JSON.stringify(userPacks);
    builtRef = userPacks;
    if (linter && builtFrom === key) return linter;
    mark('engine-start');
    try {
      linter = new wasm_bindgen.Linter(userPacks);
      lastError = null;
    } catch (e) {
      lastError = String(e && e.message || e);
      linter = buildWithout(userPacks);
    }
    builtFrom = key;
    mark('engine-ready');
    return linter;
  }

  return { get, init, error: () => lastError };
})();
if (typeof module !== 'undefined') module.exports = LGEngine;
else LGEngine.init().catch(() => {});
