// Word boxes for inputs and textareas, whose text has no DOM nodes to put a Range on: a
// hidden copy of the field (the mirror) in our own shadow root, laid out like the field's
// content box: the same width (clientWidth less padding, so the field's scrollbar and
// box-sizing are accounted for), font, spacing, tab size, white-space (wrap="off"),
// direction and writing mode. A Range over the mirror's text gives each word's boxes,
// which are mapped onto the field (its scroll, its scale) by the caller.
//
// Large texts: a textarea's mirror is built in blocks cut after line breaks, and only as
// far down as the field shows (its scroll position plus its height); blocks are kept
// between passes and only those whose text changed are replaced. A finding below what
// the field shows gets no boxes (it could not be seen) until the field scrolls there.
// At most BUDGET characters and SLICE_MS are newly laid out per pass (a field scrolled far down is
// reached over a few frames, its boxes appearing when their blocks are laid out; until
// then they are not drawn, never drawn wrong). One paragraph longer than a block
// cannot be cut and is laid out whole.
'use strict';
(() => {
  const COPY = ['fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'fontVariant', 'fontStretch', 'fontKerning',
    'fontFeatureSettings', 'fontVariationSettings', 'fontSizeAdjust', 'letterSpacing', 'wordSpacing', 'lineHeight',
    'textTransform', 'textIndent', 'tabSize', 'direction', 'unicodeBidi', 'writingMode', 'textOrientation',
    'textRendering', 'hyphens', 'lineBreak', 'overflowWrap', 'wordBreak', 'textAlign',
    'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft'];
  const BLOCK = 4096; // characters per mirror block, at least (cut after the next line break)
  const BUDGET = 65536; // characters newly laid out per pass; the rest on the next frames
  const SLICE_MS = 10; // and at most about this long (one more block may pass it)

  const px = (v) => parseFloat(v) || 0;

  /** Cuts text into blocks that end just after a line break: [{start, text}]. */
  function blocksOf(text) {
    const out = [];
    let start = 0;
    while (start < text.length) {
      let end = text.length;
      if (text.length - start > BLOCK) {
        const nl = text.indexOf('\n', start + BLOCK);
        if (nl >= 0) end = nl + 1;
      }
      out.push({ start, text: text.slice(start, end) });
      start = end;
    }
    if (!out.length) out.push({ start: 0, text: '' });
    return out;
  }

  /** Whether the field keeps each line on one line (inputs, wrap="off", white-space: pre/nowrap). */
  function noWrap(el, cs) {
    if (el.localName === 'input') return true;
    if ((el.getAttribute('wrap') || '').toLowerCase() === 'off') return true;
    if (cs.textWrapMode === 'nowrap') return true;
    return cs.whiteSpace === 'pre' || cs.whiteSpace === 'nowrap';
  }

  /**
   * The mirror of `field`, laid out for this pass. `state` is a WeakMap of per-field
   * mirrors kept by the caller; `host` is where mirror elements live (our shadow root).
   */
  function prepare(state, host, field) {
    const el = field.el;
    const doc = host.ownerDocument || host;
    const cs = el.ownerDocument.defaultView.getComputedStyle(el);
    let m = state.get(el);
    if (!m) {
      const box = doc.createElement('div');
      box.className = 'mirror';
      m = { box, blocks: [], tail: doc.createTextNode('\u200b') };
      state.set(el, m);
    }
    if (!m.box.isConnected) host.append(m.box);
    const s = m.box.style;
    for (const k of COPY) s[k] = cs[k];
    const vertical = /^vertical|^sideways/.test(cs.writingMode);
    const pb = ListingGuard.geometry.paddingBox(el);
    const contentW = Math.max(pb.w - px(cs.paddingLeft) - px(cs.paddingRight), 0);
    const contentH = Math.max(pb.h - px(cs.paddingTop) - px(cs.paddingBottom), 0);
    s.boxSizing = 'content-box';
    s.border = '0';
    s.whiteSpace = noWrap(el, cs) ? 'pre' : 'pre-wrap';
    const isInput = field.kind === 'input';
    if (vertical) { s.height = `${contentH}px`; s.width = 'auto'; } else { s.width = `${contentW}px`; s.height = 'auto'; }
    // Inputs centre their one line vertically; a div does not, so the line gets the content height.
    if (isInput) s.lineHeight = `${contentH}px`;
    const text = el.value;
    const want = isInput ? [{ start: 0, text }] : blocksOf(text);
    // Keep the blocks whose text is unchanged from the start; rebuild the rest lazily.
    let keep = 0;
    while (keep < m.blocks.length && keep < want.length && m.blocks[keep].text === want[keep].text
      && m.blocks[keep].start === want[keep].start) keep++;
    for (const b of m.blocks.slice(keep)) b.node.remove();
    if (m.tail.parentNode) m.tail.remove();
    m.blocks = m.blocks.slice(0, keep);
    m.pending = want.slice(keep);
    m.text = text;
    m.isInput = isInput;
    m.vertical = vertical;
    // Right-to-left columns (vertical-rl) start at the field's right padding edge: the
    // mirror, as wide as its columns, is mapped onto the field by its right edge.
    m.rl = vertical && /-rl$/.test(cs.writingMode);
    m.padW = pb.w;
    // How far into the mirror the field shows (unscaled CSS px from the padding edge).
    m.reach = vertical ? Math.abs(el.scrollLeft) + pb.w : el.scrollTop + pb.h;
    m.base = null;
    grow(m, doc);
    return m;
  }

  /**
   * Adds pending blocks until the mirror reaches as far as the field shows, within the
   * budget: BUDGET characters and SLICE_MS of this pass (measuring the extent lays out
   * the block just added, so the time includes the browser's layout of it).
   */
  function grow(m, doc) {
    let budget = BUDGET;
    const t0 = performance.now();
    m.short = false;
    while (m.pending.length && (m.isInput || !m.blocks.length || extent(m) < m.reach)) {
      if (!m.isInput && m.blocks.length && (budget <= 0 || performance.now() - t0 > SLICE_MS)) { m.short = true; break; }
      const b = m.pending.shift();
      budget -= b.text.length;
      const node = doc.createElement('div');
      node.textContent = b.text;
      if (m.tail.parentNode) m.tail.remove();
      m.box.append(node);
      m.blocks.push({ start: b.start, text: b.text, node });
    }
    // A trailing line break makes an empty last line in a textarea, not in a div: end the
    // text with a zero-width space so the mirror has that line too.
    if (!m.pending.length && !m.isInput && !m.tail.parentNode) m.blocks[m.blocks.length - 1].node.append(m.tail);
  }

  /** How far the built blocks reach (block direction), from the mirror's padding edge. */
  function extent(m) {
    const last = m.blocks[m.blocks.length - 1];
    if (!last) return 0;
    const box = m.box.getBoundingClientRect();
    const r = last.node.getBoundingClientRect();
    return m.vertical ? Math.abs(box.right - r.left) : r.bottom - box.top - px(m.box.style.paddingTop);
  }

  function locate(m, offset) {
    let lo = 0, hi = m.blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (m.blocks[mid].start <= offset) lo = mid; else hi = mid - 1;
    }
    const b = m.blocks[lo];
    const node = b.node.firstChild && b.node.firstChild.nodeType === 3 ? b.node.firstChild : null;
    return node ? { node, offset: Math.min(offset - b.start, node.length) } : null;
  }

  /**
   * Boxes of [start, end) in mirror coordinates: CSS px from the field's padding-box
   * origin, before its scroll. Empty when the text lies beyond what the field shows.
   */
  function rects(m, start, end) {
    const doc = m.box.ownerDocument;
    const built = m.blocks.length ? m.blocks[m.blocks.length - 1].start + m.blocks[m.blocks.length - 1].text.length : 0;
    if (start >= built && m.pending.length) return [];
    if (!m.base) m.base = m.box.getBoundingClientRect();
    const a = locate(m, start);
    const b = locate(m, Math.min(end, built));
    if (!a || !b) return [];
    const range = doc.createRange();
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
    const out = [];
    const left = m.rl ? m.base.right - m.padW : m.base.left;
    for (const q of range.getClientRects()) {
      if (q.width === 0 && end > start) continue;
      out.push({ left: q.left - left, top: q.top - m.base.top, width: q.width, height: q.height });
    }
    return out;
  }

  const mirror = { prepare, rects, blocksOf, BLOCK };
  if (typeof ListingGuard !== 'undefined') ListingGuard.mirror = mirror;
  if (typeof module !== 'undefined') module.exports = mirror;
})();
