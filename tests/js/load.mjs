// Loads the extension's classic scripts (which also export themselves for Node).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
export const load = (rel) => require(path.join(ROOT, 'extension', rel));

/** The real engine over the built-in packs (target/wasm-out), or null when it is not built. */
export function builtLinter() {
  const dir = path.join(ROOT, 'target/wasm-out');
  if (!fs.existsSync(path.join(dir, 'listing_guard_wasm_bg.wasm'))) return null;
  const src = fs.readFileSync(path.join(dir, 'listing_guard_wasm.js'), 'utf8');
  const wb = new Function(`${src}\nreturn wasm_bindgen;`)();
  wb.initSync({ module: new WebAssembly.Module(fs.readFileSync(path.join(dir, 'listing_guard_wasm_bg.wasm'))) });
  return new wb.Linter([]);
}
