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

  /** {changed: {part: value}, removed: [part]} from the listing `prev` to `next`. */
  function diff(prev, next) {
    const changed = {};
    const removed = [];
    for (const k of Object.keys(next)) if (!Object.hasOwn(prev, k) || !same(prev[k], next[k])) changed[k] = next[k];
    for (const k of Object.keys(prev)) if (!Object.hasOwn(next, k)) removed.push(k);
    return { changed, removed };
  }

  const empty = (d) => !d.removed.length && !Object.keys(d.changed).length;

  const delta = { same, diff, empty };
  if (typeof ListingGuard !== 'undefined') ListingGuard.delta = delta;
  if (typeof module !== 'undefined') module.exports = delta;
})();
