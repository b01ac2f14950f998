// What of the listing changed since the background last answered: the parts (title,
// description, bullets, variants…) whose value differs, so a pass after a title edit
// does not copy a 1 MB description into the message again. The background keeps the
// listing it last linted for this page and merges the changed parts into it
// (background/listings.js); it still lints the whole listing, so findings are those of a
// full lint. It does not decide what to lint; it only shortens what is sent.
'use strict';
(() => {
  /** Deep equality of listing values: strings, numbers, arrays, plain objects. */
  function same(a, b) {
    if (a === b) return true;
    if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => same(x, b[i]));
    if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(b)) {
      const ka = Object.keys(a), kb = Object.keys(b);
      return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && same(a[k], b[k]));
    }
    return false;
  }

  // A text part at least this long is sent as the span that changed (a keystroke in a
  // 1 MB description sends a few characters, not the megabyte: structured cloning it
  // cost 20–50 ms of the page's frame).
  const SPLICE_MIN = 8192;
  // The edited stretch is shift.js's `editOf` (also what moves highlights between an edit
  // and its lint); it is looked up when called, as this file is loaded before shift.js.
  const editOf = (a, b) => ((typeof ListingGuard !== 'undefined' && ListingGuard.shift) || require('./shift.js')).editOf(a, b);

  /** `[start, end, text]`: `next` is `prev` with prev[start, end) replaced by `text`
   * (background/listings.js applies it). */
  function splice(prev, next) {
    const { at, removed, inserted } = editOf(prev, next);
    return [at, at + removed, next.slice(at, at + inserted)];
  }

  /**
   * {changed: {part: value}, spliced: {part: [start, end, text]}, removed: [part]} from
   * the listing `prev` to `next`. Long text parts go in `spliced`, every other changed
   * part whole in `changed`.
   */
  function diff(prev, next) {
    const changed = {};
    const spliced = {};
    const removed = [];
    for (const k of Object.keys(next)) {
      if (Object.hasOwn(prev, k) && same(prev[k], next[k])) continue;
      const a = prev[k], b = next[k];
      if (typeof a === 'string' && typeof b === 'string' && Math.max(a.length, b.length) >= SPLICE_MIN) spliced[k] = splice(a, b);
      else changed[k] = b;
    }
    for (const k of Object.keys(prev)) if (!Object.hasOwn(next, k)) removed.push(k);
    return { changed, spliced, removed };
  }

  const empty = (d) => !d.removed.length && !Object.keys(d.changed).length && !Object.keys(d.spliced).length;

  const delta = { same, diff, empty, splice };
  if (typeof ListingGuard !== 'undefined') ListingGuard.delta = delta;
  if (typeof module !== 'undefined') module.exports = delta;
})();
