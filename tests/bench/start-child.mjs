// One engine start for start-instructions.sh, in a fresh Node process: instantiates the wasm
// of WASM_DIR and, by MODE, stops there (`none`), builds the engine (`engine`) or builds it
// and lints one typical listing (`first`).
//
// usage: node tests/bench/start-child.mjs WASM_DIR none|engine|first
import fs from 'node:fs';
import path from 'node:path';

const [dir, mode] = process.argv.slice(2);
const bytes = fs.readFileSync(path.join(dir, 'listing_guard_wasm_bg.wasm'));
const src = fs.readFileSync(path.join(dir, 'listing_guard_wasm.js'), 'utf8');
const wb = new Function(`${src}\nreturn wasm_bindgen;`)();
wb.initSync({ module: new WebAssembly.Module(bytes) });
if (mode !== 'none') {
  const linter = new wb.Linter([]);
  if (mode === 'first') {
    linter.setConfig({ marketplace: 'amazon' });
    linter.lintJson(JSON.stringify({
      title: 'Insulated Stainless Steel Water Bottle 32 oz, Leak-Proof Lid',
      description: 'This stainless steel water bottle keeps drinks cold for 24 hours. '.repeat(30),
      price: '$24.99',
    }));
  }
}
