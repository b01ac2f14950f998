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
  // How long this background's wake took: loading the wasm, building the engine (ms).
  const timing = { wasm: null, engine: null };

  const mark = (name) => { if (typeof LGWake !== 'undefined') LGWake.mark(name); };

  /** The packaged wasm, fetched and compiled while it is read (streaming), as a module.
   * Chromium keeps the optimised code of an extension's streamed wasm for the next wake. */
  function compile(url) {
    mark('wasm-start');
    return fetch(url).then((res) => {
      mark('wasm-fetched');
      const streams = typeof WebAssembly.compileStreaming === 'function' && res.headers.get('Content-Type') === 'application/wasm';
      return streams ? WebAssembly.compileStreaming(res) : res.arrayBuffer().then((b) => WebAssembly.compile(b));
    }).then((m) => { mark('wasm-compiled'); return m; });
  }

  /** Loads the wasm once per background lifetime. Called at the top level of the
   * background (background.js), so the wasm compiles while the first message is on its way. */
  function init() {
    if (!ready) {
      const t = performance.now();
      ready = wasm_bindgen({ module_or_path: compile(api.runtime.getURL('wasm/listing_guard_wasm_bg.wasm')) })
        .then((r) => { mark('wasm-ready'); timing.wasm = performance.now() - t; return r; });
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
    const t = performance.now();
    mark('engine-start');
    try {
      linter = new wasm_bindgen.Linter(userPacks);
      lastError = null;
    } catch (e) {
      lastError = String(e && e.message || e);
      linter = buildWithout(userPacks);
    }
    builtFrom = key;
    timing.engine ??= performance.now() - t;
    mark('engine-ready');
    return linter;
  }

  return { get, init, error: () => lastError, timing: () => ({ ...timing }) };
})();
if (typeof module !== 'undefined') module.exports = LGEngine;
