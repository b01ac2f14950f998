// What V8 recompiles with its optimising compiler (TurboFan) while the wasm engine starts,
// and while it starts and lints one typical listing: a function whose loops run long in
// baseline code is recompiled on threads beside the main one (its tier-up). On a 2-core
// machine that compiling takes CPU from the start itself (a diagnosis run with
// `--js-flags=--liftoff-only`, which no extension can set, halved Chromium's engine
// build), so the figure to watch is how much code is recompiled, not only how long the
// start's own code runs. A figure, not a test: the functions recompiled are the same from
// run to run, their compile times are not.
//
// Each run is a fresh Node process (`start-child.mjs`) with `--trace-wasm-compilation-times`.
// A wasm built without `--remove-name-section` gives function names; the shipped one
// gives their numbers.
//
// usage: node tests/bench/tier-up.mjs [--runs N] [--top N] WASM_DIR...   (default target/wasm-out)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  if (i < 0) return dflt;
  const [, v] = args.splice(i, 2);
  return Number(v);
};
const runs = opt('--runs', 5);
const top = opt('--top', 8);
const dirs = args.length ? args : [path.join(here, '..', '..', 'target', 'wasm-out')];

/** Function names from the module's name section, by function index (empty without one). */
function names(bytes) {
  const out = new Map();
  const [sec] = WebAssembly.Module.customSections(new WebAssembly.Module(bytes), 'name');
  if (!sec) return out;
  const u = new Uint8Array(sec);
  let p = 0;
  const leb = () => {
    let r = 0, s = 0, x;
    do { x = u[p++]; r |= (x & 0x7f) << s; s += 7; } while (x & 0x80);
    return r >>> 0;
  };
  while (p < u.length) {
    const id = u[p++];
    const end = leb() + p;
    if (id === 1) {
      for (let n = leb(); n > 0; n--) {
        const idx = leb();
        const len = leb();
        out.set(idx, new TextDecoder().decode(u.subarray(p, p + len)).replace(/::h[0-9a-f]{16}$/, ''));
        p += len;
      }
    }
    p = end;
  }
  return out;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

for (const dir of dirs) {
  const named = names(fs.readFileSync(path.join(dir, 'listing_guard_wasm_bg.wasm')));
  for (const mode of ['engine', 'first']) {
    const perRun = [];
    const byFn = new Map();
    for (let r = 0; r < runs; r++) {
      const out = execFileSync(process.execPath,
        ['--trace-wasm-compilation-times', path.join(here, 'start-child.mjs'), dir, mode],
        { encoding: 'utf8', maxBuffer: 64 << 20 });
      const run = { fns: 0, body: 0, ms: 0 };
      for (const line of out.split('\n')) {
        const m = line.match(/#(\d+) using TurboFan, took (\d+) ms.*bodysize (\d+)/);
        if (!m) continue;
        const [idx, ms, body] = [Number(m[1]), Number(m[2]), Number(m[3])];
        run.fns++; run.body += body; run.ms += ms;
        const f = byFn.get(idx) ?? { ms: 0, body, runs: 0 };
        f.ms += ms; f.runs++;
        byFn.set(idx, f);
      }
      perRun.push(run);
    }
    const what = mode === 'engine' ? 'engine start' : 'engine start and first lint';
    console.log(`${dir}: ${what}: TurboFan recompiled ${median(perRun.map((r) => r.fns))} functions,` +
      ` ${(median(perRun.map((r) => r.body)) / 1024).toFixed(1)} KB of wasm body,` +
      ` ${median(perRun.map((r) => r.ms))} ms of compile (median of ${runs} runs)`);
    for (const [idx, f] of [...byFn].sort((a, b) => b[1].ms - a[1].ms || b[1].body - a[1].body).slice(0, top)) {
      console.log(`  ${(f.ms / runs).toFixed(1).padStart(6)} ms ${String(f.body).padStart(6)} B  ${f.runs}/${runs}  ${(named.get(idx) ?? `function #${idx}`).slice(0, 110)}`);
    }
  }
}
