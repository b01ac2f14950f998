// Layout specs (issue 13): highlights exactly on the words wherever the field is. Each
// fixture under fixtures/layouts/ is one layout seller centers have; every box drawn is
// compared (±3 px) with where the browser itself lays the words out, measured by the
// test on its own: a clone of the textarea built here (every computed style copied,
// placed beside the field so the same transforms and zoom apply, scrolled like it), a
// canvas for inputs, a DOM Range for editors. What the test expects to be hidden it
// computes from the fixture's own elements (the panel, the headers).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pageScript } from './page.mjs';
import { waitFor, waitFindings, inExtension } from './specs.mjs';
import { startTrace, frameBreakdown, scriptTasks } from './trace.mjs';

const HELP = String.raw`
const M = {
  // A selector, with ' >>> ' stepping into an open shadow root (or a same-origin iframe's document).
  q(sel) {
    return sel.split(' >>> ').reduce((node, part, i) => (i ? (node.localName === 'iframe' ? node.contentDocument : node.shadowRoot) : node).querySelector(part), document);
  },
  // Where a frame's viewport sits in the top one (0, 0 for the top document).
  offset(el) {
    let x = 0, y = 0, win = el.ownerDocument.defaultView;
    while (win !== window && win.frameElement) {
      const r = win.frameElement.getBoundingClientRect();
      x += r.left + win.frameElement.clientLeft; y += r.top + win.frameElement.clientTop;
      win = win.frameElement.ownerDocument.defaultView;
    }
    return { x, y };
  },
  // The frame elements an element is inside, innermost first.
  frames(el) {
    const out = [];
    for (let win = el.ownerDocument.defaultView; win !== window && win.frameElement; win = win.frameElement.ownerDocument.defaultView) out.push(win.frameElement);
    return out;
  },
  shift(rects, el) {
    const o = M.offset(el);
    return rects.map((q) => ({ ...q, left: q.left + o.x, top: q.top + o.y }));
  },
  // Line boxes of [start, end) of a field, in the top viewport, measured without the extension.
  // Editors: the word is looked up in the editor's own text (the extension counts a line
  // break between paragraphs, textContent does not).
  wordRects(el, start, end, word) {
    if (el.localName === 'textarea' || el.localName === 'input') return M.shift(M.cloneRects(el, start, end), el);
    if (word) { start = el.textContent.indexOf(word); end = start + word.length; }
    const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let pos = 0, a = null, b = null;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const len = n.nodeValue.length;
      if (!a && start <= pos + len) a = [n, start - pos];
      if (!b && end <= pos + len) b = [n, end - pos];
      pos += len;
    }
    const range = el.ownerDocument.createRange();
    range.setStart(...a); range.setEnd(...b);
    return M.shift([...range.getClientRects()].filter((q) => q.width > 0).map((q) => ({ left: q.left, top: q.top, width: q.width, height: q.height })), el);
  },
  cloneRects(el, start, end) {
    const cs = el.ownerDocument.defaultView.getComputedStyle(el);
    const c = el.ownerDocument.createElement('div');
    for (const p of cs) c.style.setProperty(p, cs.getPropertyValue(p));
    c.style.position = 'absolute';
    c.style.margin = '0';
    c.style.visibility = 'hidden';
    // Firefox computes a textarea's overflow as visible, yet scrolls it like auto.
    for (const k of ['overflowX', 'overflowY']) if (cs[k] === 'visible') c.style[k] = 'auto';
    if (el.localName === 'input') { c.style.whiteSpace = 'pre'; c.style.overflow = 'hidden'; }
    c.textContent = el.value + '\u200b';
    el.after(c);
    c.scrollTop = el.scrollTop;
    c.scrollLeft = el.scrollLeft;
    const cr = c.getBoundingClientRect(), fr = el.getBoundingClientRect();
    const range = el.ownerDocument.createRange();
    range.setStart(c.firstChild, start); range.setEnd(c.firstChild, end);
    const out = [...range.getClientRects()].filter((q) => q.width > 0)
      .map((q) => ({ left: q.left - cr.left + fr.left, top: q.top - cr.top + fr.top, width: q.width, height: q.height }));
    c.remove();
    return out;
  },
  // The inner (padding-box) area of an element as drawn.
  inner(el) {
    const o = M.offset(el);
    const r0 = el.getBoundingClientRect();
    const r = { left: r0.left + o.x, top: r0.top + o.y, width: r0.width, height: r0.height };
    const sx = el.offsetWidth ? r.width / el.offsetWidth : 1, sy = el.offsetHeight ? r.height / el.offsetHeight : 1;
    const left = r.left + el.clientLeft * sx, top = r.top + el.clientTop * sy;
    return { left, top, right: left + el.clientWidth * sx, bottom: top + el.clientHeight * sy };
  },
  // What of each rect is left inside every clip element and below every cover (headers).
  expected(fieldSel, start, end, clips, covers, word) {
    const el = M.q(fieldSel);
    const out = [];
    for (const q of M.wordRects(el, start, end, word)) {
      let l = q.left, t = q.top, r = q.left + q.width, b = q.top + q.height;
      const outer = [el, ...M.frames(el)];
      for (const c of [el, ...M.frames(el), ...clips.map((s) => M.q(s)).filter((c) => outer.some((x) => c.contains(x)))]) {
        const i = M.inner(c);
        l = Math.max(l, i.left); r = Math.min(r, i.right); t = Math.max(t, i.top); b = Math.min(b, i.bottom);
      }
      for (const s of covers) {
        const h = M.q(s).getBoundingClientRect();
        if (h.bottom > t && h.top <= t && h.left <= l && h.right >= r) t = Math.max(t, h.bottom);
      }
      if (r - l >= 1 && b - t >= 1) out.push({ left: l, top: t, width: r - l, height: b - t });
    }
    return out;
  },
};`;

const inPage = (body) => pageScript(`(() => { ${HELP}; return (${body}); })()`);
const snapshot = (drv) => drv.eval(pageScript('LG.snapshot()'));
// Resolves in the page once three more frames have been drawn (what came before is measured).
const FRAMES = 'new Promise((done) => { let n = 3; const f = () => (--n ? requestAnimationFrame(f) : setTimeout(() => done(true))); requestAnimationFrame(f); })';

/** Every box of the finding equals the independently measured visible part of its words (±3 px). */
async function assertGeometry(drv, s, w, label) {
  const f = s.findings.find((x) => x.rule === w.rule && x.field === w.field && (w.index === undefined || x.index === w.index)
    && (w.start === undefined || x.start === w.start));
  assert.ok(f, `${label}: ${w.rule} in ${w.field} not found among ${JSON.stringify(s.findings.map((x) => [x.rule, x.field, x.start]))}`);
  const want = await drv.eval(inPage(`M.expected(${JSON.stringify(w.el)}, ${f.start}, ${f.end}, ${JSON.stringify(w.clips || [])}, ${JSON.stringify(w.covers || [])}, ${JSON.stringify(w.word || null)})`));
  const msg = `${label} ${w.rule}@${w.el}: drawn ${JSON.stringify(f.boxes.map(round))} vs measured ${JSON.stringify(want.map(round))}`;
  assert.equal(f.boxes.length, want.length, msg);
  // An input centres its line: its vertical place is checked against the field's inner box.
  const input = await drv.eval(inPage(`M.q(${JSON.stringify(w.el)}).localName === 'input'`));
  const inner = input ? await drv.eval(inPage(`M.inner(M.q(${JSON.stringify(w.el)}))`)) : null;
  f.boxes.forEach((b, i) => {
    const e = want[i];
    for (const k of input ? ['left', 'width'] : ['left', 'top', 'width', 'height']) {
      assert.ok(Math.abs(b[k] - e[k]) <= 3, `${msg} (${k} of box ${i})`);
    }
    if (input) assert.ok(b.top >= inner.top - 3 && b.top + b.height <= inner.bottom + 3, `${msg} (inside the input ${JSON.stringify(inner)})`);
  });
  if (w.lines) assert.ok(want.length >= w.lines, `${label}: expected the finding on ${w.lines}+ lines, measured ${want.length}`);
  return f;
}
const round = (b) => Object.fromEntries(Object.entries(b).map(([k, v]) => [k, Math.round(v)]));

/** Retries an assertion until it holds (the overlay follows scrolling on the next frame). */
async function eventually(fn, timeout = 5000) {
  const until = Date.now() + timeout;
  for (;;) {
    try { return await fn(); } catch (e) { if (Date.now() > until) throw e; }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * LG_TRACE=1 (Chromium): a performance trace of a step; report() prints what the longest
 * animation frame since the last frames_reset() (or the one given) spent its time on (trace.mjs).
 */
async function traced(drv) {
  const t = process.env.LG_TRACE && drv.cdpSession ? await startTrace(drv) : null;
  return {
    async report(label, worst) {
      if (!t) return;
      await drv.eval(FRAMES);
      const m = worst === undefined ? await drv.eval('window.frames_read()') : { worst };
      const events = await t.stop();
      // LG_TRACE=dir: the whole trace is also kept there (chrome://tracing and Perfetto open it).
      if (process.env.LG_TRACE !== '1') {
        fs.mkdirSync(process.env.LG_TRACE, { recursive: true });
        fs.writeFileSync(path.join(process.env.LG_TRACE, `${label.replace(/[^a-z0-9]+/gi, '-')}-${Date.now()}.json`), JSON.stringify({ traceEvents: events }));
      }
      console.log(`# trace, ${label}: the extension's tasks of 5 ms or more: ${scriptTasks(events, drv.extensionBase)}`);
      if (!m.worst) { console.log(`# trace, ${label}: no long animation frame`); return; }
      const b = frameBreakdown(events, m.worst.start, m.worst.duration);
      console.log(`# trace, ${label}: longest frame ${m.worst.duration} ms (render ${m.worst.render}, style and layout ${m.worst.styleAndLayout}, `
        + `scripts ${JSON.stringify(m.worst.scripts)}); ${b.note || `${b.busy}; tasks: ${b.tasks}; self time: ${b.self}; GC: ${b.gc}; other threads' tasks in it (wall ms): ${b.others}`}`);
    },
  };
}

const idleWith = (drv, what, rules) => waitFindings(drv, what, (s) => rules.every((r) => s.findings.some((f) => f.rule === r)));

export const layoutSpecs = [
  {
    name: 'layout: wrapped content-box and border-box textareas, spacing, tabs, wrap=off',
    pages: ['layouts/wrap.html'],
    async run(drv, { url, shot }) {
      await drv.goto(url);
      const s = await idleWith(drv, 'wrap findings', ['counterfeit.replica', 'counterfeit.dupe', 'claims.medical']);
      const title = s.findings.find((f) => f.field === 'title' && f.rule === 'counterfeit.replica');
      assert.ok(title, 'replica in the title');
      const lines = await drv.eval(inPage(`M.cloneRects(document.querySelector('#title'), 0, document.querySelector('#title').value.length).length`));
      assert.ok(lines >= 3, `the title wraps over 3+ lines (${lines})`);
      await assertGeometry(drv, s, { rule: 'counterfeit.replica', field: 'title', el: '#title' }, 'content-box');
      await assertGeometry(drv, s, { rule: 'counterfeit.dupe', field: 'bullets', el: '#bullet' }, 'border-box, spacing, tabs');
      await assertGeometry(drv, s, { rule: 'claims.medical', field: 'description', el: '#nowrap' }, 'wrap=off visible');
      const far = s.findings.find((f) => f.field === 'description' && f.rule === 'counterfeit.replica');
      assert.ok(far, 'replica beyond the visible width is found');
      assert.equal(far.boxes.length, 0, 'and not drawn while scrolled out of view');
      // Scrolled to it, it is drawn where the text is.
      await drv.eval(`(document.querySelector('#nowrap').scrollLeft = 10000, true)`);
      const s2 = await waitFor(drv, 'box after horizontal scroll', () => snapshot(drv),
        (x) => x.findings.some((f) => f.field === 'description' && f.rule === 'counterfeit.replica' && f.boxes.length));
      await assertGeometry(drv, s2, { rule: 'counterfeit.replica', field: 'description', el: '#nowrap' }, 'wrap=off scrolled');
      await shot('layout-wrap');
    },
  },

  {
    name: 'layout: a scroll panel with a sticky header, one in a shadow root, page scroll under a fixed header',
    pages: ['layouts/panel.html'],
    async run(drv, { url, shot }) {
      await drv.goto(url);
      await idleWith(drv, 'panel findings', ['counterfeit.replica', 'claims.medical', 'counterfeit.dupe']);
      const W = { clips: ['#panel'], covers: ['#panel header', '#top'] };
      // The title scrolls out of the panel; the description's first lines go under the sticky header.
      await drv.eval(`(document.querySelector('#panel').scrollTop = 180, true)`);
      await eventually(async () => {
        const s = await snapshot(drv);
        const t = s.findings.find((f) => f.field === 'title' && f.rule === 'counterfeit.replica');
        assert.equal(t.boxes.length, 0, 'title scrolled out of the panel: no box');
        await assertGeometry(drv, s, { ...W, rule: 'claims.medical', field: 'description', el: '#desc' }, 'under the sticky header');
        await assertGeometry(drv, s, { ...W, rule: 'counterfeit.replica', field: 'description', el: '#desc' }, 'in the panel');
        const cures = s.findings.find((f) => f.rule === 'claims.medical');
        const header = await drv.eval(`document.querySelector('#panel header').getBoundingClientRect().bottom`);
        assert.ok(cures.boxes.every((b) => b.top >= header - 1), 'nothing drawn over the sticky header');
      });
      await shot('layout-panel');
      // In the shadow root's scrolling panel: the textarea's first line half scrolled out.
      const SP = { clips: ['#sp >>> .scroller'], covers: ['#top'], rule: 'counterfeit.dupe', field: 'bullets', index: 0, el: '#sp >>> textarea' };
      await eventually(async () => assertGeometry(drv, await snapshot(drv), SP, 'shadow panel'));
      await drv.eval(inPage(`(() => { const sc = M.q('#sp >>> .scroller'), ta = M.q('#sp >>> textarea');
        sc.scrollTop = ta.getBoundingClientRect().top - sc.getBoundingClientRect().top - sc.clientTop + 12; return true; })()`));
      await eventually(async () => {
        const f = await assertGeometry(drv, await snapshot(drv), SP, 'shadow panel scrolled');
        const top = await drv.eval(inPage(`M.inner(M.q('#sp >>> .scroller')).top`));
        assert.ok(f.boxes.length === 1 && Math.abs(f.boxes[0].top - top) <= 1, `cut at the panel's top (${top}): ${JSON.stringify(f.boxes)}`);
      });
      // The page scrolls: the bullet goes under the fixed header.
      await drv.eval(`(window.scrollTo(0, document.querySelector('#bullet').getBoundingClientRect().top + scrollY - 20), true)`);
      await eventually(async () => {
        const s = await snapshot(drv);
        const d = s.findings.find((f) => f.field === 'bullets' && f.rule === 'counterfeit.dupe' && f.index === 1);
        assert.equal(d.boxes.length, 0, `bullet under the fixed header: no box (${JSON.stringify(d.boxes)})`);
        await assertGeometry(drv, s, { ...W, rule: 'counterfeit.dupe', field: 'bullets', index: 1, el: '#bullet' }, 'under the fixed header');
      });
      await shot('layout-fixed-header');
      await drv.eval(`(window.scrollTo(0, document.querySelector('#bullet').getBoundingClientRect().top + scrollY - 200), true)`);
      await eventually(async () => {
        const s = await snapshot(drv);
        await assertGeometry(drv, s, { ...W, rule: 'counterfeit.dupe', field: 'bullets', index: 1, el: '#bullet' }, 'page scrolled');
        assert.equal(s.findings.find((f) => f.rule === 'counterfeit.dupe' && f.field === 'bullets' && f.index === 1).boxes.length, 1);
      });
    },
  },
  {
    name: 'layout: the listing form in a same-origin iframe inside a scroll panel under a sticky header',
    pages: ['layouts/frame-panel.html'],
    async run(drv, { url, shot }) {
      await drv.goto(url);
      await idleWith(drv, 'frame findings', ['counterfeit.replica', 'claims.medical', 'counterfeit.dupe']);
      const W = { clips: ['#panel'], covers: ['#panel header', '#top'] };
      const D = (rule) => ({ ...W, rule, field: 'description', el: '#form >>> #desc' });
      await eventually(async () => {
        const s = await snapshot(drv);
        await assertGeometry(drv, s, { ...W, rule: 'counterfeit.replica', field: 'title', el: '#form >>> #title' }, 'frame, title');
        await assertGeometry(drv, s, D('claims.medical'), 'frame, description');
      });
      // The panel scrolls: the title goes out of it, the description's first lines under its sticky header.
      await drv.eval(inPage(`(() => { const p = M.q('#panel'), d = M.q('#form >>> #desc');
        p.scrollTop = M.inner(d).top - M.inner(p).top + 4; return true; })()`));
      await eventually(async () => {
        const s = await snapshot(drv);
        const t = s.findings.find((f) => f.field === 'title' && f.rule === 'counterfeit.replica');
        assert.equal(t.boxes.length, 0, `title scrolled out of the panel: no box (${JSON.stringify(t.boxes)})`);
        const cures = await assertGeometry(drv, s, D('claims.medical'), 'frame, under the sticky header');
        assert.equal(cures.boxes.length, 0, `the second line is under the sticky header: no box (${JSON.stringify(cures.boxes)})`);
        const replica = await assertGeometry(drv, s, D('counterfeit.replica'), 'frame, in the panel');
        assert.equal(replica.boxes.length, 1, 'the eighth line shows in the panel');
        const header = await drv.eval(`document.querySelector('#panel header').getBoundingClientRect().bottom`);
        assert.ok(s.findings.every((f) => f.boxes.every((b) => b.top >= header - 1)), 'nothing drawn over the sticky header');
      });
      await shot('layout-frame-panel');
      // The page scrolls: the line with "dupe" goes under the fixed header, its box with it.
      const dupe = (await snapshot(drv)).findings.find((f) => f.rule === 'counterfeit.dupe' && f.field === 'description');
      assert.equal(dupe.boxes.length, 1, 'dupe drawn before the page scrolls');
      await drv.eval(`(window.scrollBy(0, ${Math.round(dupe.boxes[0].top - 30)}), true)`);
      await eventually(async () => {
        const s = await snapshot(drv);
        for (const rule of ['counterfeit.replica', 'counterfeit.dupe']) await assertGeometry(drv, s, D(rule), `frame, page scrolled (${rule})`);
        const d = s.findings.find((f) => f.rule === 'counterfeit.dupe' && f.field === 'description');
        assert.equal(d.boxes.length, 0, `dupe under the fixed header: no box (${JSON.stringify(d.boxes)})`);
        assert.equal(s.findings.find((f) => f.rule === 'counterfeit.replica' && f.field === 'description').boxes.length, 1, 'replica still shown');
        const top = await drv.eval(`document.querySelector('#top').getBoundingClientRect().bottom`);
        // A box wholly above the viewport cannot be seen (covers are only probed inside it).
        const over = s.findings.filter((f) => f.boxes.some((b) => b.top < top - 1 && b.top + b.height > 1));
        assert.equal(over.length, 0, `nothing drawn over the fixed header (bottom ${top}): ${JSON.stringify(over)}`);
      });
      await shot('layout-frame-panel-page-scrolled');
    },
  },
  {
    name: 'layout: vertical writing (writing-mode: vertical-rl), a textarea and an editor',
    pages: ['layouts/vertical.html'],
    async run(drv, { url, shot }) {
      await drv.goto(url);
      const s = await waitFindings(drv, 'vertical findings', (x) => ['title', 'description'].every((field) => x.findings.some((f) => f.rule === 'counterfeit.replica' && f.field === field)));
      // The title runs over 2+ columns and its finding is in a later one (right to left).
      const cols = await drv.eval(inPage(`M.cloneRects(M.q('#title'), 0, M.q('#title').value.length).length`));
      assert.ok(cols >= 2, `the title wraps over 2+ columns (${cols})`);
      const t = await assertGeometry(drv, s, { rule: 'counterfeit.replica', field: 'title', el: '#title' }, 'vertical textarea');
      const first = await drv.eval(inPage(`M.cloneRects(M.q('#title'), 0, 1)[0]`));
      assert.ok(t.boxes[0].left < first.left - 5, `the finding is in a later column, left of the first (${t.boxes[0].left} < ${first.left})`);
      assert.ok(t.boxes.every((b) => b.height > b.width), `a vertical box is taller than wide: ${JSON.stringify(t.boxes)}`);
      const d = await assertGeometry(drv, s, { rule: 'counterfeit.replica', field: 'description', el: '#desc', word: '高仿' }, 'vertical editor');
      assert.ok(d.boxes.every((b) => b.height > b.width), `a vertical box is taller than wide: ${JSON.stringify(d.boxes)}`);
      // A vertical-rl textarea with more columns than it shows, scrolled to its last (leftmost) ones.
      const KW = { rule: 'counterfeit.replica', field: 'keywords', el: '#kw' };
      let k = (await snapshot(drv)).findings.find((f) => f.field === 'keywords' && f.rule === KW.rule);
      assert.ok(k, `a finding in the keywords: ${JSON.stringify((await snapshot(drv)).findings.map((f) => [f.rule, f.field]))}`);
      assert.equal(k.boxes.length, 0, `beyond the columns the field shows: no box (${JSON.stringify(k.boxes)})`);
      await drv.eval(`(document.querySelector('#kw').scrollLeft = -10000, true)`);
      assert.ok(await drv.eval(`document.querySelector('#kw').scrollLeft`) < -20, 'the keywords field scrolled');
      await eventually(async () => {
        const x = await snapshot(drv);
        k = await assertGeometry(drv, x, KW, 'vertical textarea scrolled');
        assert.ok(k.boxes.length >= 1, 'drawn once scrolled to');
      });
      await shot('layout-vertical');
    },
  },
  {
    name: 'layout: transform scale() and CSS zoom containers',
    pages: ['layouts/scale.html'],
    async run(drv, { url, shot }) {
      await drv.goto(url);
      const s = await idleWith(drv, 'scale findings', ['counterfeit.replica', 'counterfeit.dupe', 'claims.medical', 'brands.sportswear']);
      await assertGeometry(drv, s, { rule: 'counterfeit.replica', field: 'title', el: '#title' }, 'scaled textarea');
      await assertGeometry(drv, s, { rule: 'counterfeit.dupe', field: 'bullets', el: '#bullet', word: 'dupe' }, 'scaled editor');
      await assertGeometry(drv, s, { rule: 'claims.medical', field: 'description', el: '#desc' }, 'zoomed textarea');
      await assertGeometry(drv, s, { rule: 'brands.sportswear', field: 'keywords', el: '#kw' }, 'zoomed input');
      await shot('layout-scale');
    },
  },
  {
    name: 'layout: RTL page, the overlay does not widen it',
    pages: ['layouts/rtl.html'],
    async run(drv, { url, shot }) {
      await drv.goto(url);
      const s = await idleWith(drv, 'rtl findings', ['counterfeit.replica', 'claims.medical', 'counterfeit.dupe']);
      await assertGeometry(drv, s, { rule: 'counterfeit.replica', field: 'title', el: '#title' }, 'rtl input');
      await assertGeometry(drv, s, { rule: 'claims.medical', field: 'description', el: '#desc' }, 'rtl textarea');
      await assertGeometry(drv, s, { rule: 'counterfeit.dupe', field: 'description', el: '#desc' }, 'rtl textarea, last line');
      const widths = await drv.eval(`({ before: Number(document.documentElement.dataset.scrollWidth),
        after: document.scrollingElement.scrollWidth, client: document.scrollingElement.clientWidth })`);
      assert.equal(widths.after, widths.before, `scrollWidth unchanged: ${JSON.stringify(widths)}`);
      await shot('layout-rtl');
    },
  },

  {
    name: 'layout: a CKEditor-5-style editor takes the label of the textarea it replaced; boxes follow typing; IME',
    pages: ['layouts/ckeditor.html'],
    async run(drv, { url, shot }) {
      await drv.goto(url);
      const ED = '.ck-editor__editable';
      let s = await idleWith(drv, 'editor findings', ['claims.medical', 'counterfeit.dupe']);
      const cures = s.findings.find((f) => f.rule === 'claims.medical');
      assert.equal(cures.field, 'description', 'the editor is read as the description (label of the hidden textarea)');
      await assertGeometry(drv, s, { rule: 'claims.medical', field: 'description', el: ED, word: 'cures' }, 'editor');
      await assertGeometry(drv, s, { rule: 'counterfeit.dupe', field: 'description', el: ED, word: 'dupe' }, 'editor, 2nd paragraph');

      // IME: nothing is linted while a composition is open; the pass runs when it is committed.
      assert.equal(await drv.eval(`(document.querySelector('#title').focus(), document.activeElement.id)`), 'title');
      await drv.type('Soft strap ');
      await waitFindings(drv, 'idle after typing', () => true);
      if (drv.cdp) {
        await drv.cdp('Input.imeSetComposition', { text: 'replica', selectionStart: 7, selectionEnd: 7 });
      } else {
        await drv.eval(`(document.querySelector('#title').dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true, data: '' })), true)`);
        await drv.paste('replica');
      }
      await waitFor(drv, 'composing state', () => snapshot(drv), (x) => x.state === 'composing');
      assert.equal(await drv.eval(`document.querySelector('#title').value`), 'Soft strap replica');
      // Three debounce periods with the composition open: still composing, nothing linted.
      const until = Date.now() + 700;
      while (Date.now() < until) {
        const x = await snapshot(drv);
        assert.equal(x.state, 'composing', 'no pass while composing');
        assert.ok(!x.findings.some((f) => f.field === 'title'), 'the half-typed composition is not highlighted');
      }
      if (drv.cdp) await drv.cdp('Input.insertText', { text: 'replica' });
      else await drv.eval(`(document.querySelector('#title').dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: 'replica' })), true)`);
      s = await waitFindings(drv, 'replica after compositionend', (x) => x.findings.some((f) => f.field === 'title' && f.rule === 'counterfeit.replica'));
      assert.equal(await drv.eval(`document.querySelector('#title').value`), 'Soft strap replica');
      await assertGeometry(drv, s, { rule: 'counterfeit.replica', field: 'title', el: '#title' }, 'after IME');

      // Typing before the highlight: between the edit and its lint the box moves with the word (or is gone).
      await drv.eval(`(document.querySelector('#title').setSelectionRange(0, 0), true)`);
      let between = 0;
      for (const ch of 'New ') {
        await drv.type(ch);
        const value = await drv.eval(`document.querySelector('#title').value`);
        // The boxes follow the edit in the next frame: wait for them there (or for the lint).
        const x = await waitFor(drv, 'the box after the key press', () => snapshot(drv), (y) => y.state === 'idle'
          || y.findings.some((g) => g.field === 'title' && g.rule === 'counterfeit.replica' && g.boxes.length && g.start === value.indexOf('replica')));
        const f = x.findings.find((g) => g.field === 'title' && g.rule === 'counterfeit.replica');
        if (!f || !f.boxes.length) continue;
        assert.equal(value.slice(f.start, f.end), 'replica', `offsets follow the text (${x.state})`);
        if (x.state === 'busy') between += 1;
        await assertGeometry(drv, x, { rule: 'counterfeit.replica', field: 'title', el: '#title' }, `typing before the word (${x.state})`);
      }
      assert.ok(between >= 1, 'a box was checked between an edit and its lint');
      await shot('layout-ckeditor');
    },
  },

  {
    name: 'layout: a 200-row variation table, a low price in row 180 marked at its input',
    pages: ['layouts/variants.html'],
    async run(drv, { url, shot }) {
      const markers = () => drv.eval(`[...document.querySelector('listing-guard-root').shadowRoot.querySelectorAll('.finding[data-variant]')]
        .map((f) => ({ rule: f.dataset.rule, field: f.dataset.field, variant: Number(f.dataset.variant),
          boxes: [...f.querySelectorAll('.box')].map((b) => b.getBoundingClientRect().toJSON()) }))`);
      await drv.goto(url);
      await waitFindings(drv, 'floor finding for a variant', (x) => x.findings.some((f) => f.rule === 'price.below-floor'));
      let m = await markers();
      const low = m.filter((f) => f.rule === 'price.below-floor');
      assert.deepEqual(low.map((f) => [f.field, f.variant]).sort(), [['cost', 200], ['price', 179]],
        `only row 180's price and the grid's cost are below the floor: ${JSON.stringify(m.map((f) => [f.rule, f.field, f.variant]))}`);
      const at = async (sel) => {
        await drv.eval(`(document.querySelector(${JSON.stringify(sel)}).scrollIntoView({ block: 'center' }), true)`);
        return drv.eval(`document.querySelector(${JSON.stringify(sel)}).getBoundingClientRect().toJSON()`);
      };
      for (const [sel, field, variant] of [['#skus tbody tr:nth-child(180) td:nth-child(2) input', 'price', 179],
        ['#grid [role=row]:nth-child(2) [role=gridcell]:nth-child(3) input', 'cost', 200]]) {
        const r = await at(sel);
        await waitFor(drv, `marker on ${sel}`, async () => (await markers()).find((f) => f.variant === variant && f.field === field),
          (f) => f && f.boxes.length === 1 && f.boxes[0].left >= r.left && f.boxes[0].right <= r.right + 1
            && f.boxes[0].top >= r.top && f.boxes[0].bottom <= r.bottom + 1);
        await shot(`layout-variants-${field}`);
      }
      m = await markers();
      assert.ok(m.every((f) => f.rule !== 'price.below-floor' || [179, 200].includes(f.variant)));
    },
  },

  {
    name: 'layout: a 1 MB description, longest frame measured',
    pages: ['layouts/large.html'],
    async run(drv, { url, shot }) {
      await drv.goto(url);
      const chars = Number(await drv.eval('document.documentElement.dataset.chars'));
      assert.ok(chars >= 1024 * 1024, `a 1 MB description (${chars} chars)`);
      const inDesc = (x) => x.findings.filter((f) => f.field === 'description' && f.rule === 'counterfeit.replica');
      // The engine reads the first 200,000 characters of a field (issue 17: bounded cost)
      // and says so with an engine.truncated finding; findings stop there.
      const enough = (x) => inDesc(x).length >= 20;
      const truncated = (x) => x.findings.some((f) => f.field === 'description' && f.rule === 'engine.truncated');
      let s = await waitFindings(drv, 'findings in the 1 MB description', (x) => enough(x) && truncated(x), 30000);
      const figures = [];
      const read = async (what) => {
        const m = await drv.eval('window.frames_read()');
        // The content script's own steps since the reset (test build: the root's data-timing).
        const steps = await drv.eval(`(() => { const since = window.frames_read().since;
          const all = JSON.parse(document.querySelector('listing-guard-root').dataset.timing || '[]').filter((x) => x.t >= since);
          const out = {}; for (const x of all) out[x.step] = Math.max(out[x.step] || 0, x.ms);
          out['(the browser relaying out the edited textarea, forced by the page)'] = Math.round(window.edit_layout.max);
          window.edit_layout = { max: 0, since: performance.now() };
          return out; })()`);
        figures.push(`${what}: longest animation frame ${m.loafSupported ? `${m.loaf.toFixed(0)} ms` : 'n/a'}, `
          + `longest task ${m.longtaskSupported ? `${m.longtask.toFixed(0)} ms` : 'n/a'}, longest rAF gap ${m.gap.toFixed(0)} ms`
          + (m.worst ? `; longest frame spent: ${JSON.stringify(m.worst)}` : '') + `; content script's longest step of each kind (ms): ${JSON.stringify(steps)}`);
      };
      // The first pass sends the whole listing; later ones only what changed (delta.js).
      const first = await drv.eval(`JSON.parse(document.querySelector('listing-guard-root').dataset.timing || '[]')`);
      figures.push(`first pass (the whole listing sent): ${JSON.stringify(first.filter((x) => x.step !== 'relayout').slice(0, 8))}`);
      // Focusing it: the browser scrolls the field to its caret (at the end) and back to the start.
      await drv.eval(`(window.frames_reset(), document.querySelector('#desc').focus(), document.querySelector('#desc').setSelectionRange(0, 0), true)`);
      await drv.eval(FRAMES);
      await read('focusing it, the caret put at its start');
      // Typing at the start of the description: every later finding moves; then the lint.
      await drv.eval(`(window.frames_reset(), window.edit_layout = { max: 0, since: performance.now() }, true)`);
      // LG_PROFILE=1: a CPU profile of the typing (Chromium, CDP), its top functions by self time printed.
      const profile = process.env.LG_PROFILE && drv.cdpSession ? await drv.cdpSession() : null;
      if (profile) { await profile.send('Profiler.enable'); await profile.send('Profiler.setSamplingInterval', { interval: 200 }); await profile.send('Profiler.start'); }
      // LG_ALLOC=1: what the page's scripts allocate while typing (sampled, Chromium), top sites printed.
      const alloc = process.env.LG_ALLOC && drv.cdpSession ? await drv.cdpSession() : null;
      if (alloc) await alloc.send('HeapProfiler.startSampling', { samplingInterval: 8192, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
      const trace = await traced(drv);
      await drv.type('New ');
      // The typing's own frames first, measured as with the extension off below (no polling
      // of the page by this test in them: its snapshots are tasks of the page too), then
      // the frames until the lint is drawn.
      await drv.eval(FRAMES);
      const typing = await drv.eval('window.frames_read()');
      await read('typing 4 characters at its start (the frames of the key presses, as with the extension off)');
      await drv.eval('(window.frames_reset(), true)');
      s = await waitFindings(drv, 'lint after typing', (x) => enough(x)
        && inDesc(x).every((f) => f.start >= 4), 30000);
      await trace.report(`${drv.name} 1 MB description, typing, the extension on`, typing.worst);
      if (alloc) {
        const { profile: p } = await alloc.send('HeapProfiler.stopSampling');
        await alloc.detach();
        const sites = new Map();
        const walk = (n) => {
          const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
          sites.set(k, (sites.get(k) || 0) + n.selfSize);
          for (const c of n.children) walk(c);
        };
        walk(p.head);
        console.log(`# allocations while typing (sampled, KB by site): ${[...sites].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `${k} ${(v / 1024).toFixed(0)}`).join('; ')}`);
      }
      if (profile) {
        const { profile: p } = await profile.send('Profiler.stop');
        await profile.detach();
        const self = new Map();
        const dt = new Map();
        p.samples.forEach((id, i) => dt.set(id, (dt.get(id) || 0) + (p.timeDeltas[i] || 0)));
        for (const n of p.nodes) {
          const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
          self.set(k, (self.get(k) || 0) + (dt.get(n.id) || 0) / 1000);
        }
        console.log(`# profile of typing (self ms): ${[...self].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, v]) => `${k} ${v.toFixed(0)}`).join('; ')}`);
      }
      await read('after typing them, until the lint is drawn (the test polling the page meanwhile)');
      // A pass over the whole listing without touching the description: an edit in the title.
      await drv.eval(`(document.querySelector('#title').focus(), document.querySelector('#title').setSelectionRange(99, 99), true)`);
      await drv.eval('(window.frames_reset(), true)');
      await drv.type(' x');
      s = await waitFindings(drv, 'lint after the title edit', (x) => enough(x)
        && x.findings.some((f) => f.field === 'title') === false && inDesc(x).every((f) => f.start >= 4), 30000);
      await read('a pass over the listing after a title edit (reads, sends and draws the 1 MB description)');
      // Scrolled to a finding in the middle (where the test's own clone puts it): the mirror
      // is laid out there over a few frames, and boxes appear.
      const found = inDesc(s);
      const mid = found[Math.floor(found.length / 2)];
      const y = await drv.eval(inPage(`(() => { const el = document.querySelector('#desc'); el.scrollTop = 0;
        return M.cloneRects(el, ${mid.start}, ${mid.end})[0].top - el.getBoundingClientRect().top - 100; })()`));
      await drv.eval(`(window.frames_reset(), document.querySelector('#desc').scrollTop = ${y}, true)`);
      s = await waitFor(drv, 'boxes in the middle', () => snapshot(drv), (x) => inDesc(x).some((f) => f.boxes.length), 30000);
      await read('scrolling to the middle, until its boxes are drawn');
      await eventually(async () => {
        s = await snapshot(drv);
        const shown = inDesc(s).filter((f) => f.boxes.length);
        assert.ok(shown.length >= 1 && shown.length <= 12, `only what the field shows is drawn (${shown.length})`);
        for (const f of shown) {
          await assertGeometry(drv, s, { rule: 'counterfeit.replica', field: 'description', el: '#desc', start: f.start }, '1 MB, middle');
        }
      });
      await waitFindings(drv, 'idle at the end', () => true, 30000);
      for (const f of figures) console.log(`# ${drv.name} 1 MB description (${inDesc(s).length} findings): ${f}`);
      await shot('layout-large');
      // The passes after the first sent only what changed (delta.js): their findings are
      // those of a full lint of the same texts (a fresh page with them, its first pass).
      const keys = (x) => x.findings.map((f) => `${f.rule}|${f.field}|${f.index}|${f.start}|${f.end}|${f.severity}`).sort();
      const byDelta = keys(await snapshot(drv));
      const now = await drv.eval(`[document.querySelector('#title').value, document.querySelector('#desc').value.slice(0, 8)]`);
      assert.deepEqual(now, ['Steel watch x', 'New 1. s'], 'the texts the fresh page recreates');
      await drv.goto(`${url}?edited`);
      assert.equal(await drv.eval(`document.querySelector('#desc').value.slice(0, 8)`), 'New 1. s', 'a fresh page with the edited texts');
      const whole = await waitFindings(drv, 'the same texts linted whole', (x) => enough(x) && truncated(x), 30000);
      assert.deepEqual(keys(whole), byDelta, 'findings after changed-parts passes equal a whole lint');
      // The browser's own editing of the 1 MB textarea, the extension off for the site:
      // the same 4 characters at its start, side by side with the figure above.
      const site = (on) => inExtension(drv, `api.runtime.sendMessage({ type: 'settings-op', op: 'toggle-site', host: ${JSON.stringify(new URL(url).hostname)}, on: ${on} })`);
      await site(false);
      try {
        await drv.goto(url);
        await waitFor(drv, 'no overlay with the site off', () => drv.eval(`!document.querySelector('listing-guard-root')`), Boolean);
        const off = async (what) => {
          await drv.eval(FRAMES);
          const m = await drv.eval('window.frames_read()');
          console.log(`# ${drv.name} 1 MB description, the extension off for the site (the browser alone): ${what}: `
            + `longest animation frame ${m.loafSupported ? `${m.loaf.toFixed(0)} ms` : 'n/a'}, `
            + `longest task ${m.longtaskSupported ? `${m.longtask.toFixed(0)} ms` : 'n/a'}, longest rAF gap ${m.gap.toFixed(0)} ms`
            + (m.worst ? `; longest frame spent: ${JSON.stringify(m.worst)}` : ''));
        };
        await drv.eval(`(window.frames_reset(), document.querySelector('#desc').focus(), document.querySelector('#desc').setSelectionRange(0, 0), true)`);
        await off('focusing it, the caret put at its start');
        await drv.eval('(window.frames_reset(), true)');
        const trace2 = await traced(drv);
        await drv.type('New ');
        await trace2.report(`${drv.name} 1 MB description, typing, the extension off for the site`);
        assert.equal(await drv.eval(`document.querySelector('#desc').value.slice(0, 8)`), 'New 1. s');
        await off('typing 4 characters at its start');
        assert.equal(await drv.eval(`!document.querySelector('listing-guard-root')`), true, 'the extension stayed off');
      } finally {
        await site(true);
      }
    },
  },
];
