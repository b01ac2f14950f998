// Turns a copy of a built extension into the test build: the content scripts also run on
// the local fixture server, and fixture pages may name their marketplace. The shipped
// build never matches local hosts. Usage: node test-manifest.mjs <dist/test-browser>
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node test-manifest.mjs <extension dir>');
  process.exit(2);
}
const file = path.join(dir, 'manifest.json');
const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
for (const cs of manifest.content_scripts) cs.matches.push('http://127.0.0.1/*', 'http://localhost/*');
manifest.name = 'Listing Guard (test build)';
fs.writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
fs.writeFileSync(path.join(dir, 'content', 'build-flags.js'),
  "// Test build: fixture pages may name their marketplace.\n'use strict';\nListingGuard.flags = { test: true };\n");
