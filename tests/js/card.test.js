// The card's brand declarations and the resold brand's proof reminder (content/card.js).
import test from 'node:test';
import assert from 'node:assert/strict';
import { load } from './load.mjs';

globalThis.ListingGuard = { t: (key, subs) => [key, ...(subs || [])].join(':') };
const { declarable, proofReminder } = load('content/card.js');

const F = (extra) => ({ rule: 'r.x', field: 'title', index: 0, start_utf16: 0, end_utf16: 4, ...extra });

test('the brand declarations are offered only where the engine says they change the finding', () => {
  assert.equal(declarable(F({ rule: 'brands.sportswear', brand: 'Nike', brand_use: 'named' })), true);
  assert.equal(declarable(F({ rule: 'counterfeit.authenticity-overclaim', brand: 'Nike', brand_use: 'resale' })), true);
  // Counterfeit wording next to the brand, a price floor, a resold brand's claim: never.
  assert.equal(declarable(F({ rule: 'counterfeit.replica', brand: 'Rolex', brand_use: 'wording' })), false);
  assert.equal(declarable(F({ rule: 'price.below-floor', brand: 'Rolex', brand_use: 'price' })), false);
  assert.equal(declarable(F({ rule: 'counterfeit.authenticity-overclaim', brand: 'Nike', brand_use: 'resold' })), false);
  assert.equal(declarable(F({ rule: 'counterfeit.replica' })), false);
  // A finding from an engine that does not say how it involves the brand: not offered.
  assert.equal(declarable(F({ rule: 'counterfeit.replica', brand: 'Rolex' })), false);
});

test('the proof reminder is shown once per page, on the first card about the brand', () => {
  const first = F({ rule: 'counterfeit.authenticity-overclaim', brand: 'Nike', brand_use: 'resold', proof_note: 'invoices in the blue folder' });
  const second = F({ ...first, field: 'description', start_utf16: 10, end_utf16: 24 });
  assert.equal(proofReminder(first), 'card_proof_note:Nike:invoices in the blue folder');
  assert.equal(proofReminder(second), null, 'another card about the same brand');
  assert.equal(proofReminder(first), 'card_proof_note:Nike:invoices in the blue folder', 'the same card opened again');
  // Another resold brand gets its own; without a note the reminder says what to keep.
  assert.equal(proofReminder(F({ brand: 'Rolex', brand_use: 'resold' })), 'card_proof:Rolex');
  assert.equal(proofReminder(F({ brand: 'Nike', brand_use: 'named' })), null);
});
