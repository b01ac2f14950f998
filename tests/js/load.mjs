// Loads the extension's classic scripts (which also export themselves for Node).
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
export const load = (rel) => require(path.join(ROOT, 'extension', rel));
