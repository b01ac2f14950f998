// Cold start as a seller meets it (issue 16): the background stopped the way Chrome stops an
// idle service worker, then a keystroke. Prints the time from the last keystroke to the
// highlight drawn (debounce included) over several runs, and the background's own wake
// (wasm load, engine build). Figures, not assertions on time: it asserts only that the
// highlight comes.
import assert from 'node:assert/strict';
import { pageScript } from './page.mjs';
import { waitFindings, F } from './specs.mjs';

const RUNS = 10;
const pct = (v, p) => { const s = [...v].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const ms = (v) => (v == null ? 'n/a' : `${v.toFixed(0)} ms`);
const hasReplica = (s) => s.findings.some((f) => f.rule === 'counterfeit.replica' && f.field === 'title');

// In the page: the time of every keydown, and of the first mutation after which the
// replica highlight has a box and the root is idle.
const RECORD = `(() => {
  const root = document.querySelector('listing-guard-root');
  window.__lgKey = 0;
  window.__lgDrawn = 0;
  document.addEventListener('keydown', () => { window.__lgKey = performance.now(); }, true);
  const check = () => {
    if (window.__lgDrawn || root.dataset.state !== 'idle') return;
    if (root.shadowRoot.querySelector('.finding[data-rule="counterfeit.replica"] .box')) window.__lgDrawn = performance.now();
  };
  const obs = new MutationObserver(check);
  obs.observe(root, { attributes: true });
  obs.observe(root.shadowRoot, { attributes: true, childList: true, subtree: true });
  window.__lgStop = () => obs.disconnect();
  return true;
})()`;

export const speedSpecs = [
  {
    name: 'cold start: stopped background, keystroke to highlight (prints figures)',
    pages: ['basic.html'],
    async run(drv, { url }) {
      await drv.goto(url);
      await drv.eval(pageScript(`LG.focusEnd(${F.title})`));
      await drv.type('Steel watch');
      await waitFindings(drv, 'first pass', (s) => !hasReplica(s));
      const total = [];
      const wakes = [];
      for (let i = 0; i < RUNS; i++) {
        assert.equal(await drv.stopWorker(), 0, 'the background is stopped');
        await drv.eval(RECORD);
        await drv.type(' replica');
        await waitFindings(drv, `replica after the stop (run ${i + 1})`, hasReplica);
        const t = await drv.eval('(() => { window.__lgStop(); return { key: window.__lgKey, drawn: window.__lgDrawn }; })()');
        if (t.drawn > t.key) total.push(t.drawn - t.key);
        if (drv.evalWorker) wakes.push(await drv.evalWorker('LGEngine.timing()'));
        for (let k = 0; k < ' replica'.length; k++) await drv.press('Backspace');
        await waitFindings(drv, `replica gone (run ${i + 1})`, (s) => !hasReplica(s));
      }
      assert.ok(total.length > 0, 'some highlight was timed');
      const w = wakes.filter(Boolean);
      const part = (k) => (w.length ? `${ms(pct(w.map((x) => x[k]), 0.5))} (p95 ${ms(pct(w.map((x) => x[k]), 0.95))})` : 'n/a');
      console.log(`  ${drv.name} cold start over ${total.length} runs, keystroke to highlight (debounce 200 ms included): `
        + `p50 ${ms(pct(total, 0.5))}, p95 ${ms(pct(total, 0.95))}; background wake: wasm load ${part('wasm')}, engine ready ${part('engine')}`);
    },
  },
];
