// Cold start as a seller meets it (issue 16): the background stopped the way Chrome stops an
// idle service worker (Firefox: its event page suspended), then a keystroke. Prints, over
// several runs, the time from the last keystroke to the highlight drawn, the same after the
// debounce, and that time split into its phases: the page's own steps (test build:
// data-timing) set beside the background's (background/wake.js, carried once by the first
// answer after a wake, in absolute time). Figures, not assertions on time: it asserts only
// that the highlight comes.
import assert from 'node:assert/strict';
import { pageScript } from './page.mjs';
import { waitFindings, F } from './specs.mjs';

const RUNS = 10;
const pct = (v, p) => { const s = [...v].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const ms = (v) => (v == null || Number.isNaN(v) ? 'n/a' : `${v.toFixed(0)} ms`);
const hasReplica = (s) => s.findings.some((f) => f.rule === 'counterfeit.replica' && f.field === 'title');

// In the page: the time of every keydown, and of the first mutation after which the
// replica highlight has a box and the root is idle; the wake of the last run forgotten.
const RECORD = `(() => {
  const root = document.querySelector('listing-guard-root');
  delete root.dataset.wake;
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

// After a run: what the page and the background recorded, in the page's clock.
const READ = `(() => {
  window.__lgStop();
  const root = document.querySelector('listing-guard-root');
  return { key: window.__lgKey, drawn: window.__lgDrawn, origin: performance.timeOrigin,
    steps: JSON.parse(root.dataset.timing || '[]'), wake: root.dataset.wake ? JSON.parse(root.dataset.wake) : null };
})()`;

/** One run's phases (ms), from the page's steps after the keystroke and the background's marks. */
function phases({ key, drawn, origin, steps, wake }) {
  const after = steps.filter((s) => s.t >= Math.floor(key));
  const collect = after.find((s) => s.step === 'collect');
  const sends = after.filter((s) => s.step === 'send-whole' || s.step === 'send-change');
  const answers = after.filter((s) => s.step === 'answer');
  const draw = after.find((s) => s.step === 'draw');
  if (!collect || !sends.length || !answers.length) return null;
  const last = answers[answers.length - 1];
  const answered = last.t + last.ms;
  const out = {
    'keystroke to drawn': drawn - key,
    'after the debounce': drawn - collect.t,
    debounce: collect.t - key,
    'page: collect, diff': sends[0].t - collect.t,
    'round trips': answers.length,
    'page: draw': draw ? draw.ms : NaN,
    'draw to drawn seen': draw ? drawn - (draw.t + draw.ms) : NaN,
    'answer to draw': draw ? draw.t - answered : NaN,
  };
  if (!wake) return out;
  const at = (name) => (wake[name] === undefined ? NaN : wake[name] - origin);
  const send = sends[0].t;
  Object.assign(out, {
    'bg: worker start': at('start') - send,
    'bg: first script runs': at('scripts') - at('start'),
    'bg: scripts evaluated': at('scripts-done') - at('scripts'),
    'bg: wasm fetch, compile, instantiate': at('wasm-ready') - at('wasm-start'),
    'bg: settings read (from scripts done)': at('settings') - at('scripts-done'),
    'bg: first message in (from send)': at('message') - send,
    'bg: waits for wasm/settings': at('engine-start') - at('message'),
    'bg: send to engine build start': at('engine-start') - send,
    'bg: engine build': at('engine-ready') - at('engine-start'),
    'bg: lint': at('lint-end') - at('lint-start'),
    'bg: answer to page': answered - at('reply'),
  });
  return out;
}

export const speedSpecs = [
  {
    name: 'cold start: stopped background, keystroke to highlight (prints figures)',
    pages: ['basic.html'],
    async run(drv, { url }) {
      await drv.goto(url);
      await drv.eval(pageScript(`LG.focusEnd(${F.title})`));
      await drv.type('Steel watch');
      await waitFindings(drv, 'first pass', (s) => !hasReplica(s));
      const runs = [];
      for (let i = 0; i < RUNS; i++) {
        assert.equal(await drv.stopWorker(), 0, 'the background is stopped');
        await drv.eval(RECORD);
        await drv.type(' replica');
        await waitFindings(drv, `replica after the stop (run ${i + 1})`, hasReplica);
        const t = await drv.eval(READ);
        if (t.drawn > t.key) runs.push(phases(t));
        for (let k = 0; k < ' replica'.length; k++) await drv.press('Backspace');
        await waitFindings(drv, `replica gone (run ${i + 1})`, (s) => !hasReplica(s));
      }
      const timed = runs.filter(Boolean);
      assert.ok(timed.length > 0, 'some highlight was timed');
      // The page learns that the background stopped (its port closed) and sends the whole
      // listing at once: one round trip per wake, not a change answered by `resync`.
      const single = timed.filter((r) => r['round trips'] === 1).length;
      assert.ok(single * 2 > timed.length, `one round trip in ${single} of ${timed.length} wakes`);
      const woke = timed.filter((r) => 'bg: engine build' in r).length;
      console.log(`  ${drv.name} cold start over ${timed.length} runs (${woke} with the background's wake marks), p50 / p95:`);
      for (const k of Object.keys(timed.find((r) => 'bg: engine build' in r) || timed[0])) {
        const v = timed.map((r) => r[k]).filter((x) => x !== undefined && !Number.isNaN(x));
        if (k === 'round trips') console.log(`    ${k}: ${v.join(' ')}`);
        else console.log(`    ${k}: ${ms(pct(v, 0.5))} / ${ms(pct(v, 0.95))}`);
      }
      console.log(`    bg: engine build per run: ${timed.map((r) => ms(r['bg: engine build'])).join(' ')}`);
    },
  },
];
