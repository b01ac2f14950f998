// Assembles one Listing from every field on the page by role, and remembers which
// element each (role, index) came from so findings can be drawn back onto it.
'use strict';
(() => {
  /**
   * fields: [{role, text, name, variant?, label?}] in document order →
   * {listing, keys: [`${role}:${index}` | `variant:${variant}:${role}`]}. A price or cost
   * input of a variation table (variants.js) goes into `listing.variants[variant]`.
   */
  function assemble(fields) {
    const listing = { bullets: [], other: [], variants: [] };
    const keys = [];
    for (const f of fields) {
      let key;
      if (f.variant !== undefined && f.variant !== null && (f.role === 'price' || f.role === 'cost')) {
        for (let i = listing.variants.length; i <= f.variant; i++) listing.variants.push({ label: '', price: '', cost: '' });
        const v = listing.variants[f.variant];
        v[f.role] = f.text;
        if (f.label) v.label = f.label;
        key = `variant:${f.variant}:${f.role}`;
      } else if (f.role === 'bullets') {
        key = `bullets:${listing.bullets.length}`;
        listing.bullets.push(f.text);
      } else if (f.role === 'other' || listing[f.role] !== undefined) {
        // A second field of a single role is checked as an extra text field.
        key = `other:${listing.other.length}`;
        listing.other.push([f.name || f.role, f.text]);
      } else {
        key = `${f.role}:0`;
        listing[f.role] = f.text;
      }
      keys.push(key);
    }
    return { listing, keys };
  }

  const listingApi = { assemble };
  if (typeof ListingGuard !== 'undefined') ListingGuard.listing = listingApi;
  if (typeof module !== 'undefined') module.exports = listingApi;
})();
