// One truly cold engine start, for side-by-side.mjs: run in a fresh Node process per sample,
// so V8 has compiled nothing of this wasm yet (no tiered-up code, no in-process module cache:
// a second `new WebAssembly.Module` of the same bytes in one process reuses the first one's
// code, already optimised by earlier samples). Prints one JSON line of milliseconds:
// compile, instantiate, engine (new Linter([])), first lint, an empty lint after it, and,
// with `phases`, the engine's start in its parts (startPhases) instead of new Linter([]).
//
// usage: node tests/bench/cold-child.mjs WASM_DIR [phases]
import fs from 'node:fs';
import path from 'node:path';

const [dir, mode] = process.argv.slice(2);
const now = () => performance.now();
const bytes = fs.readFileSync(path.join(dir, 'listing_guard_wasm_bg.wasm'));
const src = fs.readFileSync(path.join(dir, 'listing_guard_wasm.js'), 'utf8');
const wb = new Function(`${src}\nreturn wasm_bindgen;`)();
const typical = {
  title: 'Insulated Stainless Steel Water Bottle 32 oz, Leak-Proof Lid, BPA-Free, for Sports and Travel',
  bullets: ['KEEPS COLD 24 HOURS: double-wall vacuum insulation keeps water cold all day'],
  description: 'This stainless steel water bottle keeps drinks cold for 24 hours. '.repeat(30),
  brand: 'Acme', category: 'Water bottles', price: '$24.99',
};
const config = { marketplace: 'amazon' };
const out = {};
let t = now();
const module = new WebAssembly.Module(bytes);
out.compile = now() - t;
t = now();
wb.initSync({ module });
out.instantiate = now() - t;
if (mode === 'phases') {
  out.phases = wb.startPhases(now);
} else {
  t = now();
  const linter = new wb.Linter([]);
  out.engine = now() - t;
  t = now();
  linter.lint(typical, config);
  out.first = now() - t;
  t = now();
  linter.lint({}, config);
  out.empty = now() - t;
}
process.stdout.write(JSON.stringify(out) + '\n');
