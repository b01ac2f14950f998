// Draws each finding over its words. Inputs and textareas: a hidden mirror in our own
// shadow root copies the field's text and typography, and a Range over the mirror's
// text gives the word boxes. Editors: a Range over the editor's own text nodes. The
// page's DOM is only read, never changed. Price and cost findings get a marker.
'use strict';
(() => {
  const COPY = ['fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'fontVariant', 'fontStretch',
    'letterSpacing', 'wordSpacing', 'lineHeight', 'textTransform', 'textIndent', 'tabSize', 'direction',
    'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft', 'borderTopWidth', 'borderRightWidth',
    'borderBottomWidth', 'borderLeftWidth', 'boxSizing', 'overflowWrap', 'wordBreak', 'textAlign'];

  /** Offset of a field's document within the top document (iframes nest). */
  function frameOffset(field) {
    let x = 0, y = 0;
    for (let frame = field.frame; frame; ) {
      const r = frame.getBoundingClientRect();
      x += r.left + frame.clientLeft;
      y += r.top + frame.clientTop;
      const win = frame.ownerDocument.defaultView;
      frame = win && win.frameElement && win !== window ? win.frameElement : null;
    }
    return { x, y };
  }

  /**
   * Lays the hidden mirror out as `field` (typography, size, text). Done once per field
   * per drawing pass: every finding of the field reads its boxes off the same layout.
   */
  function prepareMirror(root, field) {
    if (root.prepared && root.prepared.el === field.el) return root.prepared;
    const el = field.el;
    const cs = el.ownerDocument.defaultView.getComputedStyle(el);
    const r = el.getBoundingClientRect();
    const m = root.mirror || (root.mirror = root.layer.ownerDocument.createElement('div'));
    m.className = 'mirror';
    if (!m.isConnected) root.shadow.append(m);
    for (const k of COPY) m.style[k] = cs[k];
    m.style.width = `${r.width}px`;
    m.style.height = `${r.height}px`;
    m.style.borderStyle = 'solid';
    m.style.borderColor = 'transparent';
    const isInput = field.kind === 'input';
    m.style.whiteSpace = isInput ? 'pre' : 'pre-wrap';
    if (isInput) {
      // Inputs centre one line vertically; a div does not, so give the line the content height.
      const content = r.height - parseFloat(cs.paddingTop) - parseFloat(cs.paddingBottom)
        - parseFloat(cs.borderTopWidth) - parseFloat(cs.borderBottomWidth);
      m.style.lineHeight = `${Math.max(content, 0)}px`;
    }
    m.textContent = el.value + (isInput ? '' : '\u200b');
    root.prepared = { el, r, text: m.firstChild, len: el.value.length, base: m.getBoundingClientRect() };
    return root.prepared;
  }

  function mirrorRects(root, field, start, end) {
    const { el, r, text, len, base } = prepareMirror(root, field);
    const range = text.ownerDocument.createRange();
    range.setStart(text, Math.min(start, len));
    range.setEnd(text, Math.min(end, len));
    const out = [];
    for (const b of range.getClientRects()) {
      out.push({ left: b.left - base.left + r.left - el.scrollLeft, top: b.top - base.top + r.top - el.scrollTop,
        width: b.width, height: b.height });
    }
    return out;
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
    return Array.from(range.getClientRects(), (q) => ({ left: q.left, top: q.top, width: q.width, height: q.height }));
  }

  /** The visible content box of a field, in its own document's viewport coordinates. */
  function clipBox(field) {
    const el = field.el;
    const r = el.getBoundingClientRect();
    if (field.kind === 'editable' && el === el.ownerDocument.body) {
      const w = el.ownerDocument.defaultView;
      return { left: 0, top: 0, right: w.innerWidth, bottom: w.innerHeight };
    }
    return { left: r.left + el.clientLeft, top: r.top + el.clientTop,
      right: r.left + el.clientLeft + el.clientWidth, bottom: r.top + el.clientTop + el.clientHeight };
  }

  function clip(rect, box) {
    const left = Math.max(rect.left, box.left);
    const right = Math.min(rect.left + rect.width, box.right);
    const top = Math.max(rect.top, box.top);
    const bottom = Math.min(rect.top + rect.height, box.bottom);
    return right - left >= 1 && bottom - top >= 1 ? { left, top, width: right - left, height: bottom - top } : null;
  }

  /** Boxes of one finding in page coordinates of the top document. */
  function boxesFor(root, field, finding) {
    const off = frameOffset(field);
    const sx = window.scrollX, sy = window.scrollY;
    const toPage = (q) => ({ left: q.left + off.x + sx, top: q.top + off.y + sy, width: q.width, height: q.height });
    if (finding.field === 'price' || finding.field === 'cost' || finding.start_utf16 === finding.end_utf16) {
      const r = field.el.getBoundingClientRect();
      return { marker: true, boxes: [toPage({ left: r.right - 14, top: r.top + r.height / 2 - 5, width: 10, height: 10 })] };
    }
    const raw = field.segments
      ? editorRects(field, field.segments, finding.start_utf16, finding.end_utf16)
      : mirrorRects(root, field, finding.start_utf16, finding.end_utf16);
    const box = clipBox(field);
    return { marker: false, boxes: raw.map((q) => clip(q, box)).filter(Boolean).map(toPage) };
  }

  /** Replaces what is drawn with these findings; returns [{finding, boxes}] drawn. */
  function draw(root, findings, fieldFor) {
    const doc = root.layer.ownerDocument;
    root.prepared = null; // fields may have changed size, text or scroll since the last pass
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
    root.prepared = null;
    return drawn;
  }

  const highlight = { draw, boxesFor };
  if (typeof ListingGuard !== 'undefined') ListingGuard.highlight = highlight;
})();
