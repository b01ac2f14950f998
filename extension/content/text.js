// The text of a field as the engine sees it, and a map from its UTF-16 offsets back to
// DOM text nodes so a contenteditable highlight is a Range over the real nodes.
'use strict';
(() => {
  const BLOCKS = new Set(['p', 'div', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote',
    'pre', 'tr', 'table', 'section', 'article', 'header', 'footer', 'figure', 'dd', 'dt']);

  /**
   * Walks a node tree of the minimal shape {nodeType, nodeValue, localName, childNodes}
   * (real DOM nodes qualify) and returns {text, segments: [{node, start, end}]}.
   */
  function extract(root) {
    let text = '';
    const segments = [];
    const newline = () => { if (text && !text.endsWith('\n')) text += '\n'; };
    (function visit(node) {
      for (const child of node.childNodes) {
        if (child.nodeType === 3) {
          const v = child.nodeValue;
          segments.push({ node: child, start: text.length, end: text.length + v.length });
          text += v;
        } else if (child.nodeType === 1) {
          const name = child.localName;
          if (name === 'br') { text += '\n'; continue; }
          if (name === 'script' || name === 'style' || name === 'template') continue;
          const block = BLOCKS.has(name);
          if (block) newline();
          visit(child);
          if (block) newline();
        }
      }
    })(root);
    return { text, segments };
  }

  /** The (node, offset) of a UTF-16 offset of the extracted text. */
  function locate(segments, offset, preferEnd) {
    for (const s of segments) {
      if (offset < s.end || (offset === s.end && (preferEnd || s === segments[segments.length - 1]))) {
        if (offset >= s.start) return { node: s.node, offset: offset - s.start };
      }
      if (offset < s.start) return { node: s.node, offset: 0 };
    }
    return null;
  }

  function fieldText(field) {
    if (field.kind === 'input' || field.kind === 'textarea') return { text: field.el.value, segments: null };
    return extract(field.el);
  }

  const textApi = { extract, locate, fieldText };
  if (typeof ListingGuard !== 'undefined') ListingGuard.text = textApi;
  if (typeof module !== 'undefined') module.exports = textApi;
})();
