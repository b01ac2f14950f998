// Where a field really is on screen: its scale (transform: scale(), CSS zoom on it or any
// ancestor), the part of it left visible by every clipping ancestor (overflow other than
// visible, through shadow hosts and same-origin frames), and whether something else
// (a sticky or fixed header, a modal) covers a point of it. Everything here only reads
// the page. Coordinates are the top document's viewport unless a name says otherwise.
'use strict';
(() => {
  const isOurs = (el) => Boolean(el && el.localName === 'listing-guard-root');

  /** The field's own document's offset in the top viewport (nested frames add up). */
  function frameOffset(el) {
    let x = 0, y = 0;
    let win = el.ownerDocument.defaultView;
    while (win && win !== win.top && win.frameElement) {
      const frame = win.frameElement;
      const r = frame.getBoundingClientRect();
      const s = scaleOf(frame);
      x += r.left + (frame.clientLeft + pad(frame, 'Left')) * s.x;
      y += r.top + (frame.clientTop + pad(frame, 'Top')) * s.y;
      win = frame.ownerDocument.defaultView;
    }
    return { x, y };
  }

  function pad(el, side) {
    return parseFloat(el.ownerDocument.defaultView.getComputedStyle(el)[`padding${side}`]) || 0;
  }

  /**
   * How many screen pixels one of the element's own CSS pixels takes, per axis: the
   * border box as drawn (getBoundingClientRect, after transforms and zoom) over its
   * layout size (offsetWidth/Height, before them). 1 when the element has no size.
   */
  function scaleOf(el) {
    const r = el.getBoundingClientRect();
    const w = el.offsetWidth, h = el.offsetHeight;
    const x = w > 0 && r.width > 0 ? r.width / w : 1;
    const y = h > 0 && r.height > 0 ? r.height / h : x;
    return { x, y: h > 0 ? y : x };
  }

  /** The parent in the flattened tree: slot, shadow host, or the frame of a document. */
  function parentOf(node) {
    if (node.assignedSlot) return node.assignedSlot;
    if (node.parentElement) return node.parentElement;
    const root = node.getRootNode ? node.getRootNode() : null;
    if (root && root.host) return root.host;
    return null;
  }

  /**
   * The padding box less scrollbars, in the element's own CSS px from its border-box
   * corner. Firefox reports an input's client area as its content box, so inputs (which
   * have no scrollbars) are measured from their borders instead.
   */
  function paddingBox(el) {
    if (el.localName === 'input') {
      const cs = el.ownerDocument.defaultView.getComputedStyle(el);
      const bl = parseFloat(cs.borderLeftWidth) || 0, bt = parseFloat(cs.borderTopWidth) || 0;
      return { x: bl, y: bt, w: el.offsetWidth - bl - (parseFloat(cs.borderRightWidth) || 0),
        h: el.offsetHeight - bt - (parseFloat(cs.borderBottomWidth) || 0) };
    }
    return { x: el.clientLeft, y: el.clientTop, w: el.clientWidth, h: el.clientHeight };
  }

  /** The element's padding box (its visible inner area, scrollbars excluded), in its own viewport. */
  function clientBox(el) {
    const r = el.getBoundingClientRect();
    const s = scaleOf(el);
    const p = paddingBox(el);
    const left = r.left + p.x * s.x;
    const top = r.top + p.y * s.y;
    return { left, top, right: left + p.w * s.x, bottom: top + p.h * s.y };
  }

  function intersect(a, b) {
    return { left: Math.max(a.left, b.left), top: Math.max(a.top, b.top),
      right: Math.min(a.right, b.right), bottom: Math.min(a.bottom, b.bottom) };
  }

  const CLIPS = /(hidden|scroll|auto|clip)/;

  /**
   * The part of `el`'s inner area that is not clipped away by it or by any ancestor,
   * in top-viewport coordinates; frames' viewports clip too, the top one does not
   * (page scroll moves our boxes with the page). Empty when nothing is left.
   */
  function visibleBox(el) {
    let box = el.ownerDocument.body === el && el.ownerDocument.defaultView !== el.ownerDocument.defaultView.top
      ? viewportBox(el.ownerDocument.defaultView) : clientBox(el);
    let node = el;
    for (let guard = 0; node && guard < 200; guard++) {
      const doc = node.ownerDocument;
      let up = parentOf(node);
      while (up && up.nodeType === 1) {
        const cs = doc.defaultView.getComputedStyle(up);
        if (up !== doc.documentElement && up !== doc.body && (CLIPS.test(cs.overflowX) || CLIPS.test(cs.overflowY))) {
          const c = clientBox(up);
          box = intersect(box, {
            left: CLIPS.test(cs.overflowX) ? c.left : -Infinity, right: CLIPS.test(cs.overflowX) ? c.right : Infinity,
            top: CLIPS.test(cs.overflowY) ? c.top : -Infinity, bottom: CLIPS.test(cs.overflowY) ? c.bottom : Infinity,
          });
        }
        if (cs.position === 'fixed') break; // a fixed element is clipped by no scrolling ancestor
        up = parentOf(up);
      }
      const win = doc.defaultView;
      const frame = win && win !== win.top ? win.frameElement : null;
      if (!frame) break;
      box = intersect(box, viewportBox(win));
      // Into the parent document's coordinates: the frame's content box origin.
      const fr = frame.getBoundingClientRect();
      const s = scaleOf(frame);
      const dx = fr.left + (frame.clientLeft + pad(frame, 'Left')) * s.x;
      const dy = fr.top + (frame.clientTop + pad(frame, 'Top')) * s.y;
      box = { left: box.left + dx, right: box.right + dx, top: box.top + dy, bottom: box.bottom + dy };
      node = frame;
    }
    return box;
  }

  function viewportBox(win) {
    const de = win.document.documentElement;
    return { left: 0, top: 0, right: de.clientWidth || win.innerWidth, bottom: de.clientHeight || win.innerHeight };
  }

  /** A rect {left, top, width, height} cut to a box; null when less than a pixel is left. */
  function clip(rect, box) {
    const left = Math.max(rect.left, box.left);
    const right = Math.min(rect.left + rect.width, box.right);
    const top = Math.max(rect.top, box.top);
    const bottom = Math.min(rect.top + rect.height, box.bottom);
    return right - left >= 1 && bottom - top >= 1 ? { left, top, width: right - left, height: bottom - top } : null;
  }

  /** The topmost page element at a point of `doc`'s viewport, into open shadow roots; ours is transparent. */
  function topAt(doc, x, y) {
    // One hit first (much cheaper over a large text than the whole list); the list only
    // where our own card is on top.
    let top = doc.elementFromPoint(x, y);
    if (top && isOurs(top)) top = (doc.elementsFromPoint(x, y) || []).find((e) => !isOurs(e)) || null;
    for (let depth = 0; top && top.shadowRoot && depth < 16; depth++) {
      const inner = (top.shadowRoot.elementsFromPoint(x, y) || []).find((e) => !isOurs(e));
      if (!inner || inner === top) break;
      top = inner;
    }
    return top;
  }

  /** Whether `hit` is the field or inside it (editors' own spans, a textarea's inner parts). */
  function within(field, hit) {
    for (let n = hit; n; n = parentOf(n)) if (n === field) return true;
    return false;
  }

  /**
   * What covers a point (top-viewport coordinates) of `el`: null when `el` itself is
   * topmost there (through every frame it sits in), else the covering element and the
   * document whose viewport its rect is in. Points outside a viewport are not tested.
   */
  function coverAt(el, x, y) {
    const chain = [];
    for (let n = el, win = el.ownerDocument.defaultView; ; ) {
      chain.push({ target: n, doc: n.ownerDocument });
      const frame = win !== win.top ? win.frameElement : null;
      if (!frame) break;
      n = frame;
      win = frame.ownerDocument.defaultView;
    }
    for (const { target, doc } of chain) {
      const off = frameOffset(target);
      const lx = x - off.x, ly = y - off.y;
      const vp = viewportBox(doc.defaultView);
      if (lx < 0 || ly < 0 || lx >= vp.right || ly >= vp.bottom) continue;
      const hit = topAt(doc, lx, ly);
      if (hit && !within(target, hit)) return { el: hit, off };
    }
    return null;
  }

  /**
   * A box (top-viewport rect) less whatever covers it: a cover across its top or bottom
   * edge cuts it there, one over its middle hides it. Returns the rect left, or null.
   */
  function uncovered(el, rect) {
    let r = rect;
    for (let round = 0; r && round < 3; round++) {
      const cx = r.left + r.width / 2;
      const probes = [r.top + Math.min(2, r.height / 4), r.top + r.height / 2, r.top + r.height - Math.min(2, r.height / 4)];
      const covers = probes.map((py) => coverAt(el, cx, py));
      if (!covers.some(Boolean)) return r;
      if (covers[1]) {
        const c = covers[1];
        const cr = c.el.getBoundingClientRect();
        const top = cr.top + c.off.y, bottom = cr.bottom + c.off.y;
        if (top <= r.top && bottom < r.top + r.height) r = clip(r, { left: -Infinity, right: Infinity, top: bottom, bottom: Infinity });
        else if (bottom >= r.top + r.height && top > r.top) r = clip(r, { left: -Infinity, right: Infinity, top: -Infinity, bottom: top });
        else return null;
        continue;
      }
      const c = covers[0] || covers[2];
      const cr = c.el.getBoundingClientRect();
      const top = cr.top + c.off.y, bottom = cr.bottom + c.off.y;
      r = covers[0] ? clip(r, { left: -Infinity, right: Infinity, top: bottom, bottom: Infinity })
        : clip(r, { left: -Infinity, right: Infinity, top: -Infinity, bottom: top });
    }
    return r;
  }

  const geometry = { frameOffset, scaleOf, paddingBox, clientBox, visibleBox, clip, topAt, coverAt, uncovered, parentOf };
  if (typeof ListingGuard !== 'undefined') ListingGuard.geometry = geometry;
  if (typeof module !== 'undefined') module.exports = geometry;
})();
