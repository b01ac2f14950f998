// Side-by-side speed and size figures, one run (issue 16): the engine native (release-native,
// opt-level 3), the same engine as the wasm the extension ships (loaded in Node through its
// no-modules glue), and a JavaScript Aho-Corasick (modern-ahocorasick, version locked in
// tests/package.json) over the same literals, on the same corpus titles. Prints figures and
// ratios; asserts nothing. Run by `./build.sh bench` after the wasm and the native bench
// binary are built.
//
// usage: node tests/bench/side-by-side.mjs [--native BIN] [--wasm DIR]... [--corpus CSV]
//   --wasm may be given several times (e.g. a "before" build): each is measured in this run.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import AhoCorasick from 'modern-ahocorasick';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const wasmDirs = args.flatMap((a, i) => (a === '--wasm' ? [args[i + 1]] : []));
if (!wasmDirs.length) wasmDirs.push(path.join(ROOT, 'target/wasm-out'));
const native = opt('--native', path.join(ROOT, 'target/release-native/listing-guard-bench'));
const corpusRel = 'shared/corpus/walmart-amazon/tableB_amazon.csv';
// The shared corpus sits beside the main checkout (../shared) or two levels up from a worktree.
const corpus = opt('--corpus', [path.resolve(ROOT, '..', corpusRel), path.resolve(ROOT, '../..', corpusRel)].find((p) => fs.existsSync(p)) ?? path.resolve(ROOT, '..', corpusRel));
// What the background writes for lintRecords (the extension's own script).
const LGRecords = createRequire(import.meta.url)(path.join(ROOT, 'extension/background/records.js'));
const now = () => performance.now();
const median = (v) => { const s = [...v].sort((a, b) => a - b); return s[s.length >> 1]; };
const f = (ms) => (ms >= 100 ? ms.toFixed(0) : ms >= 1 ? ms.toFixed(1) : ms.toFixed(3)) + ' ms';
const x = (a, b) => (b > 0 ? (a / b).toFixed(2) + '×' : 'n/a');

function timed(budgetMs, fn) {
  const runs = [];
  const start = now();
  while (runs.length < 3 || (now() - start < budgetMs && runs.length < 50)) {
    const t = now(); fn(); runs.push(now() - t);
  }
  return median(runs);
}

// Literals, listings and length-series texts, as the native engine sees them.
const big = { maxBuffer: 1 << 30, encoding: 'utf8' };
const data = JSON.parse(execFileSync(native, ['export', corpus], big));
const nat = JSON.parse(execFileSync(native, ['--json', corpus], big));
const bytes = nat.titles.bytes;
const config = { marketplace: 'amazon' };
const configKey = JSON.stringify(config);
const typical = {
  title: 'Insulated Stainless Steel Water Bottle 32 oz, Leak-Proof Lid, BPA-Free, for Sports and Travel',
  bullets: ['KEEPS COLD 24 HOURS: double-wall vacuum insulation keeps water cold all day'],
  description: 'This stainless steel water bottle keeps drinks cold for 24 hours. '.repeat(30),
  brand: 'Acme', category: 'Water bottles', price: '$24.99',
};

function loadGlue(dir) {
  const src = fs.readFileSync(path.join(dir, 'listing_guard_wasm.js'), 'utf8');
  return new Function(`${src}\nreturn wasm_bindgen;`)();
}

function measureWasm(dir) {
  const file = path.join(dir, 'listing_guard_wasm_bg.wasm');
  const wasmBytes = fs.readFileSync(file);
  const r = { dir, raw: wasmBytes.length, gzip: zlib.gzipSync(wasmBytes, { level: 9 }).length };
  // Warm start: the engine built again in this process, where V8 reuses the module's code
  // (its in-process cache of compiled modules) already tiered up by earlier builds. Not
  // what a waking service worker pays: that is `cold` (coldStarts, below).
  const probe = loadGlue(dir);
  probe.initSync({ module: new WebAssembly.Module(wasmBytes) });
  const warm = [];
  for (let i = 0; i < 5; i++) {
    const t = now();
    new probe.Linter([]).free();
    warm.push(now() - t);
  }
  r.warmEngine = median(warm);
  if (probe.startPhases) {
    const runs = [];
    for (let i = 0; i < 5; i++) runs.push(probe.startPhases(() => now()));
    r.warmPhases = runs[0].map(([name], i) => [name, median(runs.map((p) => p[i][1]))]);
  }
  const wb = loadGlue(dir);
  wb.initSync({ module: new WebAssembly.Module(wasmBytes) });
  const linter = new wb.Linter([]);
  r.typical = timed(1000, () => linter.lint(typical, config));
  // The boundary: a lint call on an empty and on a one-word listing, in µs, through
  // lint(listing, config, key) and, where the build has it, setConfig + lintJson.
  const perCall = (fn) => { const n = 20000; for (let i = 0; i < n; i++) fn(); const t = now(); for (let i = 0; i < n; i++) fn(); return ((now() - t) / n) * 1000; };
  const word = { title: 'bottle' };
  r.call = { lintEmpty: perCall(() => linter.lint({}, config, configKey)), lintWord: perCall(() => linter.lint(word, config, configKey)) };
  if (linter.lintJson) {
    linter.setConfig(config);
    r.call.jsonEmpty = perCall(() => linter.lintJson(JSON.stringify({})));
    r.call.jsonWord = perCall(() => linter.lintJson(JSON.stringify(word)));
    if (linter.lintRecords) {
      r.call.recordsEmpty = perCall(() => linter.lintRecords(LGRecords.write({})));
      r.call.recordsWord = perCall(() => linter.lintRecords(LGRecords.write(word)));
    }
    const n = 20000;
    linter.benchEmptyLints(n);
    const t = now();
    linter.benchEmptyLints(n);
    r.call.inside = ((now() - t) / n) * 1000;
  }
  // The config as the background sends it: with packs switched on and off.
  const packs = Object.fromEntries(JSON.parse(JSON.stringify(linter.packs())).map((p) => [p.id, true]));
  r.typicalPacks = timed(1000, () => linter.lint(typical, { ...config, packs }));
  r.series = [];
  // A text kind whose lint took over 3 s once is not timed at longer lengths (the
  // quadratic build before issue 16 took minutes on 1M dense characters).
  const slow = new Set();
  for (const { chars, dense, text } of data.texts) {
    if (slow.has(dense)) { r.series.push({ chars, dense, ms: NaN, findings: NaN }); continue; }
    const listing = { title: 'Stainless steel water bottle', description: text };
    const t0 = now();
    const found = linter.lint(listing, config).length;
    const once = now() - t0;
    const ms = once > 1000 ? once : timed(600, () => linter.lint(listing, config));
    if (ms > 3000) slow.add(dense);
    r.series.push({ chars, dense, ms, findings: found });
  }
  return r;
}

// Throughput: native, each wasm and the peer take turns, pass by pass, so the machine's
// load (it varies by the minute on a shared machine) falls on all of them alike.
const peerAc = (() => { const t = now(); const ac = new AhoCorasick(data.literals); return { ac, build: now() - t }; })();
const peerTexts = data.listings.map((l) => [l.title, l.category, l.brand, l.price]);
function peerPass() {
  let hits = 0;
  const t0 = now();
  // The engine matches case-folded text: the peer is given the text lower-cased.
  for (const fields of peerTexts) for (const s of fields) hits += peerAc.ac.search(s.toLowerCase()).length;
  return { ms: now() - t0, hits };
}
const wasms = wasmDirs.map(measureWasm);
// Cold start: each sample in a fresh Node process (tests/bench/cold-child.mjs), so V8 has
// compiled nothing of the wasm yet: lazily compiled baseline (Liftoff) code, as on a
// service worker's wake without a code cache. The wasm builds take turns, sample by sample.
const COLD = 7;
const child = path.join(ROOT, 'tests/bench/cold-child.mjs');
const coldRuns = wasmDirs.map(() => ({ starts: [], phases: [] }));
for (let k = 0; k < COLD; k++) {
  wasmDirs.forEach((dir, i) => {
    coldRuns[i].starts.push(JSON.parse(execFileSync(process.execPath, [child, dir], big)));
    const p = JSON.parse(execFileSync(process.execPath, [child, dir, 'phases'], big));
    if (p.phases) coldRuns[i].phases.push(p.phases);
  });
}
wasms.forEach((w, i) => {
  const { starts, phases } = coldRuns[i];
  w.cold = Object.fromEntries(['compile', 'instantiate', 'engine', 'first', 'empty'].map((k) => [k, median(starts.map((s) => s[k]))]));
  w.coldP95 = Math.max(...starts.map((s) => s.engine));
  if (phases.length) w.phases = phases[0].map(([name], j) => [name, median(phases.map((p) => p[j][1]))]);
});
const linters = wasmDirs.map((dir) => {
  const wb = loadGlue(dir);
  wb.initSync({ module: new WebAssembly.Module(fs.readFileSync(path.join(dir, 'listing_guard_wasm_bg.wasm'))) });
  return new wb.Linter([]);
});
// The calls cheaper than lint(listing, config, key), after setConfig.
const CHEAP = [
  { method: 'lintJson', call: (linter, l) => linter.lintJson(JSON.stringify(l)) },
  { method: 'lintRecords', call: (linter, l) => linter.lintRecords(LGRecords.write(l)) },
];
const rounds = { native: [], peer: [], wasm: wasmDirs.map(() => []), ...Object.fromEntries(CHEAP.map((c) => [c.method, wasmDirs.map(() => [])])) };
wasms.forEach((w) => { w.cheap = {}; });
let peerHits = 0;
const nativeTitles = {};
for (let k = 0; k < 3; k++) {
  const n = JSON.parse(execFileSync(native, ['titles', corpus], big));
  rounds.native.push(n.ms);
  nativeTitles.findings = n.findings;
  linters.forEach((linter, i) => {
    const t = now();
    let found = 0;
    // With the config's key, as the background calls it (the config converted once).
    for (const l of data.listings) found += linter.lint(l, config, configKey).length;
    rounds.wasm[i].push(now() - t);
    wasms[i].findings = found;
    // The cheaper calls where the build has them: the config set once, each listing as
    // JSON text, then as records (background/records.js: what the background calls).
    if (linter.lintJson) linter.setConfig(config);
    for (const c of CHEAP) {
      if (!linter[c.method]) continue;
      const tc = now();
      let n = 0;
      for (const l of data.listings) n += c.call(linter, l).length;
      rounds[c.method][i].push(now() - tc);
      wasms[i].cheap[c.method] = { findings: n };
    }
  });
  const p = peerPass();
  rounds.peer.push(p.ms);
  peerHits = p.hits;
}
nat.titles.ms = median(rounds.native);
nat.titles.findings = nativeTitles.findings;
wasms.forEach((w, i) => {
  w.titles = median(rounds.wasm[i]);
  for (const [method, c] of Object.entries(w.cheap)) c.ms = median(rounds[method][i]);
});
const peer = { build: peerAc.build, titles: median(rounds.peer), hits: peerHits };
const mbs = (ms) => (bytes / 1e6 / (ms / 1e3)).toFixed(2) + ' MB/s';

console.log(`corpus: ${data.listings.length} listings of ${corpus} (${(bytes / 1e6).toFixed(2)} MB of text), ${data.literals.length} literals`);
console.log(`\n== throughput over the titles (median of 3 interleaved passes each; higher MB/s is faster)`);
console.log(`native (release-native, opt 3):  ${f(nat.titles.ms).padStart(10)}  ${mbs(nat.titles.ms)}  ${nat.titles.findings} findings`);
for (const w of wasms) console.log(`wasm ${path.relative(ROOT, w.dir)}:`.padEnd(33) + `${f(w.titles).padStart(10)}  ${mbs(w.titles)}  ${w.findings} findings; wasm/native time ${x(w.titles, nat.titles.ms)}, wasm speed ${x(peer.titles, w.titles)} the peer's`);
for (const { method } of CHEAP) {
  for (const w of wasms) {
    const c = w.cheap[method];
    if (c) console.log(`  same, setConfig + ${method}:`.padEnd(33) + `${f(c.ms).padStart(10)}  ${mbs(c.ms)}  ${c.findings} findings; wasm/native time ${x(c.ms, nat.titles.ms)}, wasm speed ${x(peer.titles, c.ms)} the peer's`);
  }
}
console.log(`modern-ahocorasick (JS peer):    ${f(peer.titles).padStart(10)}  ${mbs(peer.titles)}  ${peer.hits} raw hits (a matcher only: no normalisation, rules or spans); built in ${f(peer.build)}`);

console.log(`\n== cold start, in parts (medians)`);
console.log(`native: packs parse ${f(nat.cold.parse)}, engine compile ${f(nat.cold.compile)}, first lint ${f(nat.cold.first_lint)}; engine from the build's binary form (what the wasm does) ${f(nat.cold.from_binary)}`);
for (const w of wasms) {
  const c = w.cold;
  console.log(`wasm ${path.relative(ROOT, w.dir)}, cold (a fresh process per sample, median of ${COLD}): compile ${f(c.compile)}, instantiate ${f(c.instantiate)}, engine ready (new Linter([])) ${f(c.engine)} (slowest ${f(w.coldP95)}) = ${x(c.engine, nat.cold.from_binary)} native from binary, first lint ${f(c.first)}, an empty lint after it ${f(c.empty)}; total ${f(c.compile + c.instantiate + c.engine + c.first)}`);
  if (w.phases) console.log(`  cold engine ready in parts: ${w.phases.map(([n, ms]) => `${n} ${f(ms)}`).join(', ')}`);
  console.log(`  warm (built again in one process, V8 reusing its optimised code): engine ready ${f(w.warmEngine)}` + (w.warmPhases ? `; in parts: ${w.warmPhases.map(([n, ms]) => `${n} ${f(ms)}`).join(', ')}` : ''));
}

console.log(`\n== one lint call from JS, µs per call (the boundary and an empty or one-word lint; native empty lint ${nat.empty_us !== undefined ? nat.empty_us.toFixed(2) + ' µs' : 'n/a'})`);
const us = (v) => (v === undefined ? 'n/a' : v.toFixed(2) + ' µs');
for (const w of wasms) console.log(`wasm ${path.relative(ROOT, w.dir)}: lint(listing, config, key) empty ${us(w.call.lintEmpty)}, one word ${us(w.call.lintWord)}; setConfig + lintJson(JSON.stringify(listing)) empty ${us(w.call.jsonEmpty)}, one word ${us(w.call.jsonWord)}; setConfig + lintRecords(LGRecords.write(listing)) empty ${us(w.call.recordsEmpty)}, one word ${us(w.call.recordsWord)}; an empty lint inside the wasm (no boundary) ${us(w.call.inside)}`);

console.log(`\n== one typical listing (title, bullet, 2k description)`);
console.log(`native ${f(nat.typical_ms)}`);
for (const w of wasms) console.log(`wasm ${path.relative(ROOT, w.dir)}: ${f(w.typical)}; with every pack named in the config ${f(w.typicalPacks)}`);

console.log(`\n== lint time against text length (one description field; analysed up to 200,000 characters)`);
const head = ['chars', 'kind', 'native', ...wasms.map((w) => path.relative(ROOT, w.dir))];
console.log(head.map((h) => h.padStart(14)).join(''));
for (const [i, s] of nat.series.entries()) {
  const row = [String(s.chars), (s.dense ? 'dense ' : 'clean ') + s.findings, f(s.ms), ...wasms.map((w) => (Number.isNaN(w.series[i].ms) ? 'not timed' : f(w.series[i].ms)))];
  console.log(row.map((c) => c.padStart(14)).join(''));
}
const ratio = (series, a, b, dense) => {
  const get = (n) => series.find((s) => s.chars === n && s.dense === dense)?.ms;
  return x(get(a), get(b));
};
for (const dense of [false, true]) {
  const kind = dense ? 'dense' : 'clean';
  console.log(`${kind}: 100k/10k native ${ratio(nat.series, 100000, 10000, dense)}, 200k/100k ${ratio(nat.series, 200000, 100000, dense)}, 1M/100k ${ratio(nat.series, 1000000, 100000, dense)}` +
    wasms.map((w) => `; ${path.relative(ROOT, w.dir)} 100k/10k ${ratio(w.series, 100000, 10000, dense)}, 1M/100k ${ratio(w.series, 1000000, 100000, dense)}`).join(''));
}

console.log(`\n== sizes`);
for (const w of wasms) console.log(`wasm ${path.relative(ROOT, w.dir)}: ${(w.raw / 1024).toFixed(0)} KB raw, ${(w.gzip / 1024).toFixed(0)} KB gzipped`);
for (const b of ['chrome', 'firefox']) {
  const zip = path.join(ROOT, `dist/listing-guard-${b}.zip`);
  if (fs.existsSync(zip)) console.log(`dist/listing-guard-${b}.zip: ${(fs.statSync(zip).size / 1024).toFixed(0)} KB`);
}
