// Keeps highlights on their words between an edit and its lint: from the field's text
// before and after an edit (one input event), the edited stretch is found (common
// prefix and suffix), findings after it move by the length change, and findings that
// overlap it are dropped until the next lint says what is there now. It never guesses
// what a new word is; it only moves or hides what was already found.
'use strict';
(() => {
  const CHUNK = 2048; // compared as whole slices first (native compares), then char by char

  /** The one stretch where two texts differ: {at, removed, inserted} (UTF-16 counts). */
  function editOf(before, after) {
    const max = Math.min(before.length, after.length);
    let a = 0;
    while (a + CHUNK <= max && before.slice(a, a + CHUNK) === after.slice(a, a + CHUNK)) a += CHUNK;
    while (a < max && before.charCodeAt(a) === after.charCodeAt(a)) a++;
    let b = 0;
    const bl = before.length, al = after.length;
    while (b + CHUNK <= max - a && before.slice(bl - b - CHUNK, bl - b) === after.slice(al - b - CHUNK, al - b)) b += CHUNK;
    while (b < max - a && before.charCodeAt(bl - 1 - b) === after.charCodeAt(al - 1 - b)) b++;
    return { at: a, removed: before.length - a - b, inserted: after.length - a - b };
  }

  /**
   * The findings after an edit: those of the edited field (`inField(f)`) that end before
   * the edit stay, those that start after it move by the length change (the finding
   * objects are updated in place), the rest are dropped; other fields' are unchanged.
   */
  function apply(findings, inField, edit) {
    if (!edit || (edit.removed === 0 && edit.inserted === 0)) return findings;
    const delta = edit.inserted - edit.removed;
    const out = [];
    for (const f of findings) {
      if (!inField(f) || f.end_utf16 <= edit.at) { out.push(f); continue; }
      if (f.start_utf16 >= edit.at + edit.removed && f.start_utf16 !== f.end_utf16) {
        // Moved in place: the drawing keeps its elements for findings it already drew.
        f.start_utf16 += delta;
        f.end_utf16 += delta;
        out.push(f);
      } else if (f.start_utf16 === f.end_utf16 || f.field === 'price' || f.field === 'cost') {
        out.push(f); // markers sit at the field, not on words
      }
    }
    return out;
  }

  const shift = { editOf, apply };
  if (typeof ListingGuard !== 'undefined') ListingGuard.shift = shift;
  if (typeof module !== 'undefined') module.exports = shift;
})();
