// Notices when the listing may have changed (typing, pasting, fields added by a
// single-page app, an editor iframe loading) and when highlights must move (scroll,
// resize, a field growing). No polling: events at the document's capture phase (input
// events from open shadow roots are composed and arrive here too), MutationObservers on
// every document and open shadow root we reach, and a ResizeObserver on the fields.
'use strict';
(() => {
  function createWatcher({ onEdit, onLayout, onCaret, onPointer, onCompose, onKey = () => {}, isOurs, isRelevant = () => true }) {
    const observed = new WeakSet();
    const listened = new WeakSet();
    let layoutQueued = false;

    const layout = () => {
      if (layoutQueued) return;
      layoutQueued = true;
      requestAnimationFrame(() => { layoutQueued = false; onLayout(); });
    };

    const mutations = new MutationObserver((records) => {
      for (const r of records) {
        if (isOurs(r.target)) continue;
        if (r.type === 'childList' && [...r.addedNodes, ...r.removedNodes].every(isOurs)) continue;
        if (!isRelevant(r)) continue;
        onEdit('mutation');
        return;
      }
    });
    const sizes = new ResizeObserver(layout);
    const sized = new WeakSet();

    function listen(doc) {
      if (listened.has(doc)) return;
      listened.add(doc);
      const opts = { capture: true, passive: true };
      doc.addEventListener('input', (e) => onEdit('input', e), opts);
      doc.addEventListener('change', (e) => onEdit('change', e), opts);
      doc.addEventListener('keyup', (e) => onCaret(e), opts);
      doc.addEventListener('mouseup', (e) => onCaret(e), opts);
      // Not passive: a shortcut of ours is kept from the page.
      doc.addEventListener('keydown', (e) => onKey(e), { capture: true });
      doc.addEventListener('focusin', (e) => onCaret(e), opts);
      doc.addEventListener('scroll', layout, opts);
      // An IME composition is not linted until it is committed (compositionend).
      if (onCompose) {
        doc.addEventListener('compositionstart', (e) => onCompose('start', e), opts);
        doc.addEventListener('compositionend', (e) => onCompose('end', e), opts);
      }
      doc.addEventListener('load', (e) => { if (e.target && e.target.localName === 'iframe') onEdit('frame'); }, opts);
      doc.addEventListener('mousemove', (e) => onPointer(e, doc), opts);
      const win = doc.defaultView;
      if (win) win.addEventListener('resize', layout, { passive: true });
    }

    /** Starts watching what a scan reached: documents, shadow roots, fields. */
    function track(roots, fields) {
      for (const root of roots) {
        if (!observed.has(root)) {
          observed.add(root);
          mutations.observe(root, { childList: true, subtree: true, characterData: true });
        }
        const doc = root.ownerDocument || root;
        listen(doc);
        // Scroll events are not composed: a panel scrolling inside a shadow root is heard there.
        if (root !== doc && !listened.has(root)) {
          listened.add(root);
          root.addEventListener('scroll', layout, { capture: true, passive: true });
        }
      }
      for (const f of fields) {
        if (!sized.has(f.el)) { sized.add(f.el); sizes.observe(f.el); }
      }
    }

    function stop() {
      mutations.disconnect();
      sizes.disconnect();
    }

    return { track, stop, layout };
  }

  /**
   * Runs `fn` once the next frame has been painted (a task after its animation frame):
   * the page's layout is clean then, so what `fn` measures costs no layout of its own and
   * its time is not added to that frame.
   */
  function afterPaint(fn) {
    requestAnimationFrame(() => setTimeout(fn, 0));
  }

  const watch = { createWatcher, afterPaint };
  if (typeof ListingGuard !== 'undefined') ListingGuard.watch = watch;
})();
