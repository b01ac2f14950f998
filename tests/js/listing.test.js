import test from 'node:test';
import assert from 'node:assert/strict';
import { load } from './load.mjs';

const { assemble } = load('content/listing.js');

test('fields become one listing by role; keys point back at each field', () => {
  const { listing, keys } = assemble([
    { role: 'title', text: 'T' }, { role: 'bullets', text: 'b1' }, { role: 'brand', text: 'Acme' },
    { role: 'bullets', text: 'b2' }, { role: 'other', text: 'x', name: 'material' },
    { role: 'title', text: 'second title', name: 'subtitle' }, { role: 'price', text: '$5' },
  ]);
  assert.deepEqual(listing, { title: 'T', bullets: ['b1', 'b2'], brand: 'Acme', price: '$5',
    other: [['material', 'x'], ['subtitle', 'second title']], variants: [] });
  assert.deepEqual(keys, ['title:0', 'bullets:0', 'brand:0', 'bullets:1', 'other:0', 'other:1', 'price:0']);
});
