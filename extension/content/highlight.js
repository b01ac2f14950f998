// Draws each finding over its words. Inputs and textareas: a hidden mirror in our own
// shadow root (mirror.js) gives the word boxes. Editors: a Range over the editor's own
// text nodes. Every box is then cut to what the field and its clipping ancestors show
// and to what nothing else covers (geometry.js). The page's DOM is only read, never
// changed. Price and cost findings get a marker.
'use strict';
(() => {
  const G = () => ListingGuard.geometry;

  /**
   * Boxes of [start, end) in an input or textarea, in its own viewport: the mirror's
   * boxes less the field's scroll, scaled as the field is drawn (transform, zoom).
   */
  function mirrorRects(root, field, start, end) {
    const el = field.el;
    if (!root.mirrors) root.mirrors = new WeakMap();
    if (!root.prepared.has(el)) root.prepared.set(el, ListingGuard.mirror.prepare(root.mirrors, root.mirrorHost, field));
    const m = root.prepared.get(el);
    const r = el.getBoundingClientRect();
    const s = G().scaleOf(el);
    const pb = G().paddingBox(el);
    const ox = r.left + pb.x * s.x, oy = r.top + pb.y * s.y;
    return ListingGuard.mirror.rects(m, start, end).map((q) => ({
      left: ox + (q.left - el.scrollLeft) * s.x, top: oy + (q.top - el.scrollTop) * s.y,
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
  function markerRect(field) {
    const r = field.el.getBoundingClientRect();
    return { left: r.right - 14, top: r.top + r.height / 2 - 5, width: 10, height: 10 };
  }

  /**
   * Boxes of one finding in page coordinates of the top document: cut to what the field
   * and every clipping ancestor show, less what covers them (a sticky header, a modal).
   */
  function boxesFor(root, field, finding) {
    const geo = G();
    const off = geo.frameOffset(field.el);
    const sx = window.scrollX, sy = window.scrollY;
    const toTop = (q) => ({ left: q.left + off.x, top: q.top + off.y, width: q.width, height: q.height });
    const toPage = (q) => ({ left: q.left + sx, top: q.top + sy, width: q.width, height: q.height });
    const marker = finding.field === 'price' || finding.field === 'cost' || finding.start_utf16 === finding.end_utf16;
    const raw = marker ? [markerRect(field)]
      : field.segments ? editorRects(field, field.segments, finding.start_utf16, finding.end_utf16)
        : mirrorRects(root, field, finding.start_utf16, finding.end_utf16);
    const visible = geo.visibleBox(field.el);
    const boxes = [];
    for (const q of raw) {
      let b = geo.clip(toTop(q), visible);
      if (b) b = geo.uncovered(field.el, b);
      if (b) boxes.push(toPage(b));
    }
    return { marker, boxes };
  }

  /** Replaces what is drawn with these findings; returns [{finding, boxes}] drawn. */
  function draw(root, findings, fieldFor) {
    const doc = root.layer.ownerDocument;
    root.prepared = new Map(); // fields may have changed size, text or scroll since the last pass
    const drawn = [];
    const frag = doc.createDocumentFragment();
    for (const f of findings) {
      const field = fieldFor(f);
      if (!field || !field.el.isConnected) continue;
      const { marker, boxes } = boxesFor(root, field, f);
      const wrap = doc.createElement('div');
      wrap.className = `finding ${f.severity}${marker ? ' marker' : ''}`;
      Object.assign(wrap.dataset, { rule: f.rule, severity: f.severity, field: f.field, index: String(f.index),
        start: String(f.start_utf16), end: String(f.end_utf16) });
      if (f.variant !== undefined && f.variant !== null) wrap.dataset.variant = String(f.variant);
      for (const b of boxes) {
        const d = doc.createElement('div');
        d.className = 'box';
        Object.assign(d.style, { left: `${b.left}px`, top: `${b.top}px`, width: `${b.width}px`, height: `${b.height}px` });
        wrap.append(d);
      }
      frag.append(wrap);
      drawn.push({ finding: f, field, boxes });
    }
    root.layer.replaceChildren(frag);
    root.prepared = new Map();
    return drawn;
  }

  const highlight = { draw, boxesFor };
  if (typeof ListingGuard !== 'undefined') ListingGuard.highlight = highlight;
})();
