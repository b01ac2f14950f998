// Code the tests run inside the fixture page (as a string: both drivers evaluate strings,
// and neither is subject to the page's CSP). It reads the DOM contract of
// <listing-guard-root> and measures where words really are, independently of the
// extension: canvas text metrics for inputs and textareas, DOM Ranges for editors.

const HELPERS = String.raw`
const LG = {
  snapshot() {
    const host = document.querySelector('listing-guard-root');
    if (!host) return { present: false, state: null, count: 0, findings: [] };
    const findings = [...host.shadowRoot.querySelectorAll('.finding')].map((f) => ({
      rule: f.dataset.rule, severity: f.dataset.severity, field: f.dataset.field, index: Number(f.dataset.index),
      start: Number(f.dataset.start), end: Number(f.dataset.end), marker: f.classList.contains('marker'),
      boxes: [...f.querySelectorAll('.box')].map((b) => { const r = b.getBoundingClientRect();
        return { left: r.left, top: r.top, width: r.width, height: r.height }; }),
    }));
    return { present: true, state: host.dataset.state, count: Number(host.dataset.findings), findings,
      roots: document.querySelectorAll('listing-guard-root').length };
  },
  frameOffset(el) {
    let x = 0, y = 0, win = el.ownerDocument.defaultView;
    while (win !== window && win.frameElement) {
      const r = win.frameElement.getBoundingClientRect();
      x += r.left + win.frameElement.clientLeft; y += r.top + win.frameElement.clientTop;
      win = win.frameElement.ownerDocument.defaultView;
    }
    return { x, y };
  },
  // Where the text [start, end) of a field is drawn, in the top viewport.
  expectedRect(el, start, end) {
    const off = LG.frameOffset(el);
    if (el.localName === 'input' || el.localName === 'textarea') {
      const cs = getComputedStyle(el);
      const ctx = document.createElement('canvas').getContext('2d');
      ctx.font = cs.font;
      const line = el.value.slice(0, start).split('\n').pop();
      const r = el.getBoundingClientRect();
      const left = r.left + parseFloat(cs.borderLeftWidth) + parseFloat(cs.paddingLeft) + ctx.measureText(line).width - el.scrollLeft;
      const width = ctx.measureText(el.value.slice(start, end)).width;
      return { left: left + off.x, width, top: r.top + off.y, bottom: r.bottom + off.y };
    }
    const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let pos = 0, range = el.ownerDocument.createRange(), a = null, b = null;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const len = n.nodeValue.length;
      if (!a && start <= pos + len) a = [n, start - pos];
      if (!b && end <= pos + len) b = [n, end - pos];
      pos += len;
    }
    range.setStart(...a); range.setEnd(...b);
    const q = range.getClientRects()[0];
    return { left: q.left + off.x, width: q.width, top: q.top + off.y, bottom: q.bottom + off.y };
  },
  text(el) {
    return el.localName === 'input' || el.localName === 'textarea' ? el.value : el.textContent;
  },
  focusEnd(el) {
    const win = el.ownerDocument.defaultView;
    if (win !== window) { win.frameElement.focus(); win.focus(); }
    el.focus();
    if (el.localName === 'input' || el.localName === 'textarea') {
      el.setSelectionRange(el.value.length, el.value.length);
    } else {
      const sel = win.getSelection();
      // Where a click at the end of the editor puts the caret: inside its last paragraph,
      // before the placeholder <br> of an empty one.
      const range = el.ownerDocument.createRange();
      const blocks = el.querySelectorAll('p, div, li');
      const last = blocks.length ? blocks[blocks.length - 1] : el;
      if (last.childNodes.length === 1 && last.firstChild.nodeName === 'BR') range.setStart(last, 0);
      else { range.selectNodeContents(last); range.collapse(false); }
      sel.removeAllRanges(); sel.addRange(range);
    }
    const active = (function deep(d) { let a = d.activeElement; while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement; return a; })(el.ownerDocument);
    return active === el;
  },
};`;

/** An expression that defines the helpers and evaluates `body` (an expression) with them. */
export function pageScript(body) {
  return `(() => {${HELPERS}\nreturn (${body});})()`;
}
