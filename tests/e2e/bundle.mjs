// Bundles the editors the fixture pages load from npm (tests/package.json: Lexical, Slate
// with React) with esbuild, at test time and without network, into tests/e2e/.bundles/,
// which server.mjs serves at /bundles/. Not shipped; nothing of it is committed.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const BUNDLES = path.join(HERE, '.bundles');

export function bundleEditors() {
  const dir = path.join(HERE, 'fixtures', 'editors');
  fs.mkdirSync(BUNDLES, { recursive: true });
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.entry.mjs'))) {
    buildSync({ entryPoints: [path.join(dir, f)], bundle: true, format: 'iife', target: 'es2020', minify: false,
      outfile: path.join(BUNDLES, f.replace('.entry.mjs', '.js')), define: { 'process.env.NODE_ENV': '"production"' },
      nodePaths: [path.join(HERE, '..', 'node_modules')], logLevel: 'error' });
  }
}
