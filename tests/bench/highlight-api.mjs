// Prints what painting 1000 findings in an editor costs with overlay boxes (what
// highlight.js does) and with the CSS Custom Highlight API, in headless Chromium and
// Firefox ESR (page-world timings on tests/e2e/fixtures/layouts/highlight-bench.html).
// Usage: node tests/bench/highlight-api.mjs [chromium|firefox]   (after ./build.sh and the test build)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../e2e/server.mjs';
import { launchChromium } from '../e2e/drivers/chromium.mjs';
import { launchFirefox } from '../e2e/drivers/firefox.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const only = process.argv[2];
const server = await startServer();
for (const [name, launch, ext] of [['chromium', launchChromium, 'dist/test-chrome'], ['firefox', launchFirefox, 'dist/test-firefox']]) {
  if (only && only !== name) continue;
  const drv = await launch({ extDir: path.join(ROOT, ext), proxyPort: server.port, logDir: '/tmp' });
  await drv.goto(`${server.origin}/layouts/highlight-bench.html`);
  const runs = [];
  for (let i = 0; i < 5; i++) runs.push(await drv.eval('window.bench()'));
  const med = (k) => { const v = runs.map((r) => r[k]).filter((x) => x !== undefined).sort((a, b) => a - b); return v.length ? `${v[v.length >> 1].toFixed(1)} ms` : 'n/a'; };
  console.log(`${name}: Highlight API ${runs[0].supported ? 'available' : 'not available'}; median of 5, 1000 ranges:`);
  console.log(`  overlay: draw ${med('overlayDraw')}, redraw after a scroll ${med('overlayScroll')}`);
  console.log(`  CSS.highlights: set ${med('highlightSet')}, first two frames ${med('highlightFirstFrames')}, a scroll's two frames ${med('highlightScrollFrames')}`);
  console.log(`  a scroll's two frames with nothing painted: ${med('plainScrollFrames')}`);
  await drv.close();
}
await server.close();
