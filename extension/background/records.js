// A listing written as the engine's records (crate/core/src/listing_records.rs), for
// `Linter.lintRecords`: each field a tag byte, its UTF-8 length (u32, little-endian)
// and its text, written into one buffer kept between calls. Cheaper per lint than
// `JSON.stringify` + `lintJson` (`./build.sh bench`: "setConfig + lintRecords").
//
// It writes what `lintJson` reads: strings for the text fields, a string or null for
// `id`, `currency`, `market` and `marketplace`, `bullets` as strings, `other` as
// [name, text] pairs, `variants` as {label, price, cost}; unknown keys are skipped. A
// value of another type is refused with a TypeError naming it, as `lintJson` refuses it.
// One difference: a lone surrogate (which JSON carries as an escape `lintJson` refuses)
// is written as U+FFFD, one UTF-16 unit as well, so the findings' offsets still match.
'use strict';
const LGRecords = (() => {
  // The tags, as in listing_records.rs.
  // (Without a prototype: a key such as `constructor` is no field.)
  const table = (o) => Object.assign(Object.create(null), o);
  const FIELD = table({ title: 1, description: 2, keywords: 3, brand: 4, category: 5, price: 6, cost: 7 });
  const MAYBE = table({ id: 8, currency: 9, market: 10, marketplace: 11 });
  const BULLET = 12, OTHER_NAME = 13, OTHER_TEXT = 14, VARIANT_LABEL = 15, VARIANT_PRICE = 16, VARIANT_COST = 17;

  const encoder = new TextEncoder();
  /** The largest buffer kept from one write to the next. */
  const KEEP = 1 << 20;
  let buf = new Uint8Array(4096);
  let at = 0;

  const refuse = (where) => { throw new TypeError(`listing: ${where}: expected a string`); };

  /** Appends one record; `text` must be a string. */
  function put(tag, text, where) {
    if (typeof text !== 'string') refuse(where);
    // At most 3 UTF-8 bytes per UTF-16 unit, and the 5 bytes of the head.
    const room = at + 5 + 3 * text.length;
    if (room > buf.length) {
      const bigger = new Uint8Array(Math.max(room, 2 * buf.length));
      bigger.set(buf.subarray(0, at));
      buf = bigger;
    }
    const start = at + 5;
    let p = start;
    const n = text.length;
    let i = 0;
    // ASCII by hand (most listing text); the rest through the encoder.
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c > 0x7f) break;
      buf[p++] = c;
    }
    if (i < n) p += encoder.encodeInto(i === 0 ? text : text.slice(i), buf.subarray(p)).written;
    const len = p - start;
    buf[at] = tag;
    buf[at + 1] = len & 0xff;
    buf[at + 2] = (len >>> 8) & 0xff;
    buf[at + 3] = (len >>> 16) & 0xff;
    buf[at + 4] = len >>> 24;
    at = p;
  }

  const list = (v, where) => {
    if (!Array.isArray(v)) throw new TypeError(`listing: ${where}: expected an array`);
    return v;
  };

  /**
   * The records of `listing`: a view of the kept buffer, valid until the next call
   * (`lintRecords` copies it in).
   */
  function write(listing) {
    at = 0;
    // A buffer grown for a pasted megabyte is not kept for the worker's life.
    if (buf.length > KEEP) buf = new Uint8Array(4096);
    if (listing == null) return buf.subarray(0, 0);
    if (typeof listing !== 'object' || Array.isArray(listing)) throw new TypeError('listing: expected an object');
    for (const key of Object.keys(listing)) {
      const v = listing[key];
      // As JSON.stringify: an undefined value is no key.
      if (v === undefined) continue;
      if (FIELD[key] !== undefined) put(FIELD[key], v, key);
      else if (MAYBE[key] !== undefined) { if (v !== null) put(MAYBE[key], v, key); }
      else if (key === 'bullets') list(v, key).forEach((b, i) => put(BULLET, b, `bullets[${i}]`));
      else if (key === 'other') {
        list(v, key).forEach((pair, i) => {
          if (!Array.isArray(pair) || pair.length !== 2) throw new TypeError(`listing: other[${i}]: expected a [name, text] pair`);
          put(OTHER_NAME, pair[0], `other[${i}][0]`);
          put(OTHER_TEXT, pair[1], `other[${i}][1]`);
        });
      } else if (key === 'variants') {
        list(v, key).forEach((x, i) => {
          if (x === null || typeof x !== 'object' || Array.isArray(x)) throw new TypeError(`listing: variants[${i}]: expected an object`);
          put(VARIANT_LABEL, x.label === undefined ? '' : x.label, `variants[${i}].label`);
          if (x.price !== undefined) put(VARIANT_PRICE, x.price, `variants[${i}].price`);
          if (x.cost !== undefined) put(VARIANT_COST, x.cost, `variants[${i}].cost`);
        });
      }
    }
    return buf.subarray(0, at);
  }

  return { write };
})();
if (typeof module !== 'undefined') module.exports = LGRecords;
