// The fixture server for end-to-end tests. Serves tests/e2e/fixtures/ at / and again at
// /strict/ with a strict Content-Security-Policy. It is also the browsers' proxy, so every
// request either browser makes, to any host, is recorded: the tests assert that nothing but
// the fixture pages they opened was ever asked for.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleEditors, BUNDLES } from './bundle.mjs';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
// The real editors and frameworks the seller-center fixtures load (tests/package.json),
// served read-only at /node_modules/.
const MODULES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'node_modules');
const STRICT_CSP = "default-src 'self'; script-src 'self'";
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml',
  '.mjs': 'text/javascript; charset=utf-8', '.xml': 'application/xml', '.woff': 'font/woff', '.woff2': 'font/woff2' };

export async function startServer() {
  // Lexical and Slate are bundled from node_modules first (served at /bundles/).
  bundleEditors();
  const requests = [];
  const server = http.createServer((req, res) => {
    let url;
    try {
      url = new URL(req.url, `http://${req.headers.host || '127.0.0.1'}`);
    } catch {
      url = null;
    }
    const local = url && (url.hostname === '127.0.0.1' || url.hostname === 'localhost') && Number(url.port) === port;
    requests.push({ method: req.method, url: url ? url.href : req.url, local, proxied: /^[a-z]+:\/\//i.test(req.url) });
    if (!local) {
      res.writeHead(502).end();
      return;
    }
    let p = decodeURIComponent(url.pathname);
    const strict = p.startsWith('/strict/');
    if (strict) p = p.slice('/strict'.length);
    if (p.endsWith('/')) p += 'index.html';
    const modules = p.startsWith('/node_modules/');
    const bundles = p.startsWith('/bundles/');
    const base = modules ? MODULES : bundles ? BUNDLES : FIXTURES;
    const file = path.join(base, path.normalize(modules ? p.slice('/node_modules'.length) : bundles ? p.slice('/bundles'.length) : p));
    if (modules && req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { 'content-type': 'text/plain' }).end('read-only');
      return;
    }
    if (!file.startsWith(base + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const headers = { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' };
    if (strict) headers['content-security-policy'] = STRICT_CSP;
    res.writeHead(200, headers);
    fs.createReadStream(file).pipe(res);
  });
  // CONNECT (https through the proxy) is recorded and refused.
  server.on('connect', (req, socket) => {
    requests.push({ method: 'CONNECT', url: req.url, local: false, proxied: true });
    // A browser that resets the refused tunnel must not crash the run (ECONNRESET).
    socket.on('error', () => {});
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = server.address().port;
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}
