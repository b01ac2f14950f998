// Finds the fields a seller types into: inputs, textareas and contenteditable editors,
// also inside open shadow roots (Amazon's KAT components) and same-origin iframes
// (rich-text editors). Closed shadow roots and cross-origin frames are out of reach.
'use strict';
(() => {
  const TEXT_INPUTS = new Set(['', 'text', 'search', 'number', 'tel', 'url']);

  function isField(el) {
    if (el.localName === 'textarea') return !el.disabled && !el.readOnly;
    if (el.localName === 'input') return TEXT_INPUTS.has((el.getAttribute('type') || '').toLowerCase()) && !el.disabled && !el.readOnly;
    if (!el.isContentEditable) return false;
    const role = el.getAttribute('role');
    if (role === 'combobox' || role === 'searchbox') return false;
    const parent = el.parentElement;
    return !(parent && parent.isContentEditable);
  }

  function visible(el) {
    return el.getClientRects().length > 0 && el.ownerDocument.defaultView.getComputedStyle(el).visibility !== 'hidden';
  }

  /**
   * Every field under `doc`, in document order, with what is needed to draw over it:
   * the frame it sits in (null for the top document).
   */
  function findFields(doc, skip) {
    const out = [];
    const roots = [];
    walk(doc, null, out, roots, skip);
    return { fields: out, roots };
  }

  function walk(root, frame, out, roots, skip) {
    roots.push(root);
    const doc = root.ownerDocument || root;
    if (root === doc && doc.body && doc.body.isContentEditable && frame) {
      out.push({ el: doc.body, kind: 'editable', frame });
      return;
    }
    for (const el of root.querySelectorAll('*')) {
      if (el === skip) continue;
      if (el.shadowRoot) walk(el.shadowRoot, frame, out, roots, skip);
      if (el.localName === 'iframe') {
        let inner = null;
        try { inner = el.contentDocument; } catch (e) { inner = null; }
        if (inner && inner.documentElement) walk(inner, el, out, roots, skip);
        continue;
      }
      if (isField(el) && visible(el)) {
        out.push({ el, kind: el.localName === 'input' || el.localName === 'textarea' ? el.localName : 'editable', frame });
      }
    }
  }

  const fields = { findFields, isField };
  if (typeof ListingGuard !== 'undefined') ListingGuard.fields = fields;
  if (typeof module !== 'undefined') module.exports = fields;
})();
