// Applies a fix the seller clicked, through the editor's own input path, never by
// writing the DOM: the page's state, its submitted form and its undo stack follow.
//
//   input, textarea   focus, select the span, execCommand('insertText' | 'delete'):
//                     native undo, a real `input` event (React, Vue, Svelte, Angular
//                     follow). Refused (a browser without execCommand on fields): the
//                     native value setter and an `input` event with its inputType.
//   editors           a DOM Range selection over the match, then a cancelable
//                     `beforeinput` (insertReplacementText, with dataTransfer) for
//                     editors that apply edits themselves (Lexical, Slate); when nobody
//                     took it, execCommand('insertText' | 'delete') in the editor's own
//                     document (ProseMirror, Quill, TinyMCE, CKEditor, contenteditable
//                     see a native edit and update their models and history).
//
// It also selects a finding's words (Go to, keyboard navigation) and saves and restores
// where focus and the caret were. It does not apply anything on its own: every call
// comes from a trusted click or key press of the seller's.
'use strict';
(() => {
  const isText = (field) => field.kind === 'input' || field.kind === 'textarea';

  function focusField(field) {
    const doc = field.el.ownerDocument;
    const win = doc.defaultView;
    if (win && win !== window && win.frameElement) { try { win.frameElement.focus(); win.focus(); } catch (e) { /* cross-origin: not reached */ } }
    field.el.focus({ preventScroll: false });
  }

  /** A Range over UTF-16 offsets [start, end) of an editor's extracted text. */
  function editorRange(field, start, end) {
    const T = ListingGuard.text;
    const { segments } = T.extract(field.el);
    const a = T.locate(segments, start, false);
    const b = T.locate(segments, end, true);
    if (!a || !b) return null;
    const range = field.el.ownerDocument.createRange();
    try {
      range.setStart(a.node, Math.min(a.offset, a.node.length));
      range.setEnd(b.node, Math.min(b.offset, b.node.length));
    } catch (e) {
      return null;
    }
    return range;
  }

  /** Focuses the field and selects [start, end) of its text; scrolls it into view. */
  function select(field, start, end) {
    focusField(field);
    if (isText(field)) {
      field.el.setSelectionRange(start, end);
      return true;
    }
    const range = editorRange(field, start, end);
    if (!range) return false;
    const sel = field.el.ownerDocument.defaultView.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
    const node = range.startContainer.nodeType === 1 ? range.startContainer : range.startContainer.parentElement;
    if (node && node.scrollIntoView) node.scrollIntoView({ block: 'nearest' });
    return true;
  }

  /**
   * A DataTransfer holding `text` that the page's own scripts can read. In Firefox, data a
   * content script sets is marked with the extension's principal and the page's getData
   * answers '' for it (Lexical and Slate cancelled the event and inserted nothing), so
   * there the DataTransfer is made and filled on the page's side (wrappedJSObject, which
   * only Firefox's content scripts have): the page reads the replacement, and nothing but
   * that string crosses over. Chromium's content scripts share the page's principal.
   */
  function pageDataTransfer(doc, text) {
    const pageWin = doc.defaultView && doc.defaultView.wrappedJSObject;
    if (pageWin) {
      try {
        const dt = new pageWin.DataTransfer();
        dt.setData('text/plain', text);
        return dt;
      } catch (e) { /* the page's DataTransfer is not usable: the content script's below */ }
    }
    const dt = new DataTransfer();
    dt.setData('text/plain', text);
    return dt;
  }

  function fallbackValue(el, value, data) {
    const proto = el.localName === 'textarea' ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    const setter = Object.getOwnPropertyDescriptor(proto, 'value').set;
    setter.call(el, value);
    el.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertReplacementText', data }));
  }

  /**
   * Replaces [fix.start, fix.end) of the field's text with fix.replacement when the field
   * still holds `expected` there. Returns true when the field's text then is the fixed text.
   */
  function apply(field, fix, expected) {
    const el = field.el;
    const doc = el.ownerDocument;
    const before = ListingGuard.text.fieldText(field).text;
    if (expected !== undefined && before.slice(fix.start, fix.end) !== expected) return false;
    const want = before.slice(0, fix.start) + fix.replacement + before.slice(fix.end);
    if (!select(field, fix.start, fix.end)) return false;
    if (isText(field)) {
      let ok = false;
      try {
        ok = fix.replacement ? doc.execCommand('insertText', false, fix.replacement) : doc.execCommand('delete', false);
      } catch (e) {
        ok = false;
      }
      if (!ok || el.value !== want) {
        if (el.value === before) fallbackValue(el, want, fix.replacement || null);
      }
      const caret = fix.start + fix.replacement.length;
      if (el.value === want) el.setSelectionRange(caret, caret);
      return el.value === want;
    }
    // Editors that handle beforeinput themselves take it here and cancel it.
    let taken = false;
    try {
      const ev = new InputEvent('beforeinput', { bubbles: true, cancelable: true, composed: true,
        inputType: fix.replacement ? 'insertReplacementText' : 'deleteContentBackward',
        data: fix.replacement || null, dataTransfer: fix.replacement ? pageDataTransfer(doc, fix.replacement) : null });
      taken = !el.dispatchEvent(ev);
    } catch (e) {
      taken = false;
    }
    const now = () => ListingGuard.text.fieldText(field).text;
    // An editor that cancelled the beforeinput applies the edit to its own model and
    // renders it when it likes (Lexical after the event returns): typing it again here
    // would apply it twice, so its word is taken.
    if (taken) return true;
    if (now() === before) {
      try {
        if (fix.replacement) doc.execCommand('insertText', false, fix.replacement);
        else doc.execCommand('delete', false);
      } catch (e) { /* reported by the check below */ }
      // The native edit reports itself as typing (insertText with data); editors that
      // keep their own undo levels (TinyMCE) record a level only for a replacement, so
      // say what it was: one undo step for the fix, separate from the seller's typing.
      if (now() !== before) {
        try {
          el.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertReplacementText', data: fix.replacement || null }));
        } catch (e) { /* old engines: the edit stands, undo may merge it with typing */ }
      }
    }
    return now().replace(/\n+$/, '') === want.replace(/\n+$/, '');
  }

  /** Where focus and the caret are now, to come back to. */
  function saveFocus() {
    let doc = document;
    let active = doc.activeElement;
    for (;;) {
      if (active && active.shadowRoot && active.shadowRoot.activeElement) { active = active.shadowRoot.activeElement; continue; }
      if (active && active.localName === 'iframe') {
        let inner = null;
        try { inner = active.contentDocument; } catch (e) { inner = null; }
        if (inner && inner.activeElement) { doc = inner; active = inner.activeElement; continue; }
      }
      break;
    }
    if (!active || active === doc.body && !active.isContentEditable) return null;
    const saved = { el: active };
    if ('selectionStart' in active && typeof active.selectionStart === 'number') {
      saved.start = active.selectionStart;
      saved.end = active.selectionEnd;
    } else {
      const sel = active.ownerDocument.defaultView.getSelection();
      if (sel && sel.rangeCount) saved.range = sel.getRangeAt(0).cloneRange();
    }
    return saved;
  }

  function restoreFocus(saved) {
    if (!saved || !saved.el.isConnected) return false;
    const el = saved.el;
    focusField({ el });
    if (saved.start !== undefined) el.setSelectionRange(saved.start, saved.end);
    else if (saved.range) {
      const sel = el.ownerDocument.defaultView.getSelection();
      sel.removeAllRanges();
      sel.addRange(saved.range);
    }
    return true;
  }

  const applyApi = { apply, select, saveFocus, restoreFocus };
  if (typeof ListingGuard !== 'undefined') ListingGuard.apply = applyApi;
})();
