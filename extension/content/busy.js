// Keeps a busy page (a clock, a spinner, a badge changing every 100 ms) from starving the
// checks: only DOM changes that can change the listing count as edits (inside a field,
// or adding or removing a form control, an editor, a frame or a component that may hold
// one), and the wait before a pass has a maximum, so even a page that never stops editing
// its fields gets checked at least once a second. What it does not do: look at attributes
// (they are not observed) or decide whether an unchanged listing needs a new lint (main.js
// compares the listing with the last one linted).
'use strict';
(() => {
  const CONTROLS = 'input, textarea, select, [contenteditable], iframe';
  const MAX_SCAN = 2000;

  /** Whether a node being added or removed may add or remove a field. */
  function mayHoldField(node) {
    if (!node || node.nodeType !== 1) return false;
    if (node.matches(CONTROLS) || node.shadowRoot || node.localName.includes('-')) return true;
    if (node.querySelector(CONTROLS)) return true;
    // Components (custom elements, shadow roots) may carry fields of their own.
    const all = node.getElementsByTagName('*');
    for (let i = 0; i < all.length && i < MAX_SCAN; i += 1) if (all[i].shadowRoot || all[i].localName.includes('-')) return true;
    return all.length > MAX_SCAN;
  }

  function inField(node, fields) {
    for (const f of fields) if (f.el === node || (f.el.contains && f.el.contains(node))) return true;
    return false;
  }

  /** Whether one MutationRecord can change the listing, given the fields of the last scan. */
  function relevant(record, fields) {
    if (inField(record.target, fields)) return true;
    if (record.type !== 'childList') return false;
    for (const n of record.addedNodes) if (mayHoldField(n)) return true;
    for (const n of record.removedNodes) if (mayHoldField(n) || inField(n, fields)) return true;
    return false;
  }

  /** The delay before the next pass: the debounce, but never past maxWait since the first edit. */
  function delay(now, firstEdit, debounce, maxWait) {
    return Math.max(0, Math.min(debounce, firstEdit + maxWait - now));
  }

  const busy = { relevant, delay, mayHoldField };
  if (typeof ListingGuard !== 'undefined') ListingGuard.busy = busy;
  if (typeof module !== 'undefined') module.exports = busy;
})();
