// Draws each finding over its words. Inputs and textareas: a hidden mirror in our own
// shadow root (mirror.js) gives the word boxes. Editors: a Range over the editor's own
// text nodes. Every box is then cut to what the field and its clipping ancestors show
// and to what nothing else covers (geometry.js). The page's DOM is only read, never
// changed. Price and cost findings get a marker.
'use strict';
(() => {
  const G = () => ListingGuard.geometry;

  /**
   * What every finding of a field shares in one pass, measured once: its rect, scale,
   * padding box, its frame's offset and the part of it left visible.
   */
  function geoOf(root, field) {
    let g = root.geo.get(field.el);
    if (!g) {
      const el = field.el;
      const geo = G();
      g = { rect: el.getBoundingClientRect(), scale: geo.scaleOf(el), pb: geo.paddingBox(el), off: geo.frameOffset(el),
        scrollLeft: el.scrollLeft, scrollTop: el.scrollTop, visible: null };
      root.geo.set(el, g);
    }
    return g;
  }

  /**
   * Boxes of [start, end) in an input or textarea, in its own viewport: the mirror's
   * boxes less the field's scroll, scaled as the field is drawn (transform, zoom).
   */
  function mirrorRects(root, field, start, end) {
    const el = field.el;
    if (!root.mirrors) root.mirrors = new WeakMap();
    if (!root.prepared.has(el)) root.prepared.set(el, ListingGuard.mirror.prepare(root.mirrors, root.mirrorHost, field));
    const m = root.prepared.get(el);
    if (m.short) root.incomplete = true;
    const rects = ListingGuard.mirror.rects(m, start, end);
    if (!rects.length) return rects;
    const { rect: r, scale: s, pb, scrollLeft, scrollTop } = geoOf(root, field);
    const ox = r.left + pb.x * s.x, oy = r.top + pb.y * s.y;
    return rects.map((q) => ({
      left: ox + (q.left - scrollLeft) * s.x, top: oy + (q.top - scrollTop) * s.y,
      width: q.width * s.x, height: q.height * s.y,
    }));
  }

  function editorRects(field, segments, start, end) {
    const T = ListingGuard.text;
    const a = T.locate(segments, start, false);
    const b = T.locate(segments, end, true);
    if (!a || !b) return [];
    const range = field.el.ownerDocument.createRange();
    try {
      range.setStart(a.node, Math.min(a.offset, a.node.length));
      range.setEnd(b.node, Math.min(b.offset, b.node.length));
    } catch (e) {
      return [];
    }
    return Array.from(range.getClientRects(), (q) => ({ left: q.left, top: q.top, width: q.width, height: q.height }))
      .filter((q) => q.width > 0 || end === start);
  }

  /** The marker of a price or cost finding: a dot inside the field's right end. */
  function markerRect(root, field) {
    const r = geoOf(root, field).rect;
    return { left: r.right - 14, top: r.top + r.height / 2 - 5, width: 10, height: 10 };
  }

  /**
   * Boxes of one finding in page coordinates of the top document: cut to what the field
   * and every clipping ancestor show, less what covers them (a sticky header, a modal).
   */
  function boxesFor(root, field, finding) {
    if (!root.geo) { root.geo = new Map(); root.prepared = new Map(); }
    const marker = finding.field === 'price' || finding.field === 'cost' || finding.start_utf16 === finding.end_utf16;
    const raw = marker ? [markerRect(root, field)]
      : field.segments ? editorRects(field, field.segments, finding.start_utf16, finding.end_utf16)
        : mirrorRects(root, field, finding.start_utf16, finding.end_utf16);
    const boxes = [];
    if (!raw.length) return { marker, boxes };
    const geo = G();
    const g = geoOf(root, field);
    if (!g.visible) g.visible = geo.visibleBox(field.el);
    const sx = window.scrollX, sy = window.scrollY;
    for (const q of raw) {
      let b = geo.clip({ left: q.left + g.off.x, top: q.top + g.off.y, width: q.width, height: q.height }, g.visible);
      // A marker (a 10 px dot) is shown whole or not at all: one probe at its centre
      // (each probe is a hit test, costly over a field with a large text).
      if (b && marker) b = geo.coverAt(field.el, b.left + b.width / 2, b.top + b.height / 2) ? null : b;
      else if (b) b = geo.uncovered(field.el, b);
      if (b) boxes.push({ left: b.left + sx, top: b.top + sy, width: b.width, height: b.height });
    }
    return { marker, boxes };
  }

  const BOXES = new WeakMap(); // wrap → the boxes it shows, as a string, to skip unchanged ones

  function setBoxes(doc, wrap, boxes) {
    const key = boxes.map((b) => `${b.left},${b.top},${b.width},${b.height}`).join(';');
    if (BOXES.get(wrap) === key) return;
    BOXES.set(wrap, key);
    const frag = doc.createDocumentFragment();
    for (const b of boxes) {
      const d = doc.createElement('div');
      d.className = 'box';
      Object.assign(d.style, { left: `${b.left}px`, top: `${b.top}px`, width: `${b.width}px`, height: `${b.height}px` });
      frag.append(d);
    }
    wrap.replaceChildren(frag);
  }

  function describe(wrap, f, marker) {
    const cls = `finding ${f.severity}${marker ? ' marker' : ''}`;
    if (wrap.className !== cls) wrap.className = cls;
    const data = { rule: f.rule, severity: f.severity, field: f.field, index: String(f.index),
      start: String(f.start_utf16), end: String(f.end_utf16) };
    if (f.variant !== undefined && f.variant !== null) data.variant = String(f.variant);
    else if (wrap.dataset.variant !== undefined) delete wrap.dataset.variant;
    for (const [k, v] of Object.entries(data)) if (wrap.dataset[k] !== v) wrap.dataset[k] = v;
  }

  const keyOf = (f) => `${f.rule}|${f.field}|${f.index}|${f.variant}|${f.start_utf16}|${f.end_utf16}|${f.severity}`;

  /**
   * Replaces what is drawn with these findings; returns [{finding, boxes}] drawn. The
   * .finding elements of findings drawn last time (same rule, field and span: a scroll,
   * a resize, the next lint of an unchanged text, an edit that moved them) are kept and
   * only updated, so a pass with a thousand findings does not rebuild a thousand elements.
   * Every box is measured first and the layer written after: a write between two reads
   * would make the browser lay out and hit-test the page again for the next one.
   */
  function draw(root, findings, fieldFor) {
    const doc = root.layer.ownerDocument;
    // Fields may have changed size, text or scroll since the last pass.
    root.prepared = new Map();
    root.geo = new Map();
    root.incomplete = false;
    const before = root.wraps || new Map();
    const byFinding = root.wrapOf || new WeakMap();
    const used = new Set();
    const plan = [];
    // Reads: which element draws each finding, and its boxes.
    for (const f of findings) {
      const field = fieldFor(f);
      if (!field || !field.el.isConnected) continue;
      const key = keyOf(f);
      // The element that drew this very finding (moved by an edit), else one that drew an equal one.
      let wrap = byFinding.get(f);
      if (wrap && used.has(wrap)) wrap = null;
      const pool = before.get(key);
      while (!wrap && pool && pool.length) {
        const w = pool.shift();
        if (!used.has(w)) wrap = w;
      }
      if (!wrap) wrap = doc.createElement('div');
      used.add(wrap);
      plan.push({ f, field, key, wrap, ...boxesFor(root, field, f) });
    }
    root.prepared = new Map();
    root.geo = new Map();
    // Writes: the layer, in one go.
    const after = new Map();
    const drawn = [];
    for (const { f, field, key, wrap, marker, boxes } of plan) {
      describe(wrap, f, marker);
      setBoxes(doc, wrap, boxes);
      byFinding.set(f, wrap);
      if (!after.has(key)) after.set(key, []);
      after.get(key).push(wrap);
      drawn.push({ finding: f, field, boxes });
    }
    const list = plan.map((p) => p.wrap);
    const kids = root.layer.children;
    const inOrder = kids.length === list.length && list.every((w, i) => kids[i] === w);
    if (!inOrder) root.layer.replaceChildren(...list);
    root.wraps = after;
    root.wrapOf = byFinding;
    // A mirror not yet laid out as far as its field shows: go on (main.js: after the next paint).
    if (root.incomplete && root.again) root.again();
    return drawn;
  }

  /**
   * Right after an edit in `field` at offset `at`, before anything is measured: the boxes
   * of its findings that end after `at` (moved by the edit, or touched by it) are taken
   * away until the next draw, so none sits on a word it no longer marks. It only writes
   * (no layout is read), so it adds nothing to the frame of the edit. Returns `drawn`
   * with those findings' boxes emptied (hit tests of the card see what is shown).
   */
  function hideAfter(root, drawn, field, at) {
    const doc = root.layer.ownerDocument;
    const byFinding = root.wrapOf || new WeakMap();
    return drawn.map((d) => {
      if (d.field !== field || d.finding.end_utf16 <= at || !d.boxes.length) return d;
      const wrap = byFinding.get(d.finding);
      // Markers sit at the field's end, not on words: an edit does not move them.
      if (!wrap || wrap.classList.contains('marker')) return d;
      setBoxes(doc, wrap, []);
      describe(wrap, d.finding, false);
      return { ...d, boxes: [] };
    });
  }

  // Above this many characters, a field's edit is followed after the edit's frame is painted.
  const LARGE = 65536;

  const highlight = { draw, boxesFor, hideAfter, LARGE };
  if (typeof ListingGuard !== 'undefined') ListingGuard.highlight = highlight;
})();
