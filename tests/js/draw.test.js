import test from 'node:test';
import assert from 'node:assert/strict';
import { load } from './load.mjs';

const { editOf, apply } = load('content/shift.js');
const { blocksOf, BLOCK } = load('content/mirror.js');
const { columns } = load('content/variants.js');
const { roleFromText } = load('content/roles.js');
const { assemble } = load('content/listing.js');

const F = (start, end, extra) => ({ rule: 'r', field: 'title', index: 0, start_utf16: start, end_utf16: end, ...extra });

test('editOf finds the one edited stretch', () => {
  assert.deepEqual(editOf('Replica watch', 'New Replica watch'), { at: 0, removed: 0, inserted: 4 });
  assert.deepEqual(editOf('a replica b', 'a replica'), { at: 9, removed: 2, inserted: 0 });
  assert.deepEqual(editOf('aaa', 'aaaa'), { at: 3, removed: 0, inserted: 1 });
  assert.deepEqual(editOf('one two three', 'one 2 three'), { at: 4, removed: 3, inserted: 1 });
  assert.deepEqual(editOf('same', 'same'), { at: 4, removed: 0, inserted: 0 });
});

test('findings after the edit move with the text, those it touches hide, others stay', () => {
  const inTitle = (f) => f.field === 'title';
  const fresh = () => [F(0, 3), F(4, 11), F(20, 25), F(2, 2, { field: 'price' }), F(4, 11, { field: 'bullets' })];
  let found = fresh();
  // "abc Replica ..." → insert 2 chars at 12: before it stays, after moves.
  let out = apply(found, inTitle, { at: 12, removed: 0, inserted: 2 });
  assert.deepEqual(out.map((f) => [f.field, f.start_utf16, f.end_utf16]),
    [['title', 0, 3], ['title', 4, 11], ['title', 22, 27], ['price', 2, 2], ['bullets', 4, 11]]);
  // An edit inside a finding hides it until the next lint.
  found = fresh();
  out = apply(found, inTitle, { at: 6, removed: 1, inserted: 0 });
  assert.deepEqual(out.map((f) => [f.field, f.start_utf16]), [['title', 0], ['title', 19], ['price', 2], ['bullets', 4]]);
  // Typing right before a word moves it; right after it leaves it.
  assert.equal(apply([F(4, 11)], inTitle, { at: 4, removed: 0, inserted: 1 })[0].start_utf16, 5);
  assert.equal(apply([F(4, 11)], inTitle, { at: 11, removed: 0, inserted: 1 })[0].start_utf16, 4);
});

test('mirror blocks end after a line break and cover the text exactly', () => {
  const line = 'x'.repeat(99) + '\n';
  const text = line.repeat(300) + 'tail without break';
  const blocks = blocksOf(text);
  assert.ok(blocks.length > 1);
  assert.equal(blocks.map((b) => b.text).join(''), text);
  for (const b of blocks.slice(0, -1)) {
    assert.ok(b.text.endsWith('\n'));
    assert.ok(b.text.length >= BLOCK);
    assert.equal(text.slice(b.start, b.start + b.text.length), b.text);
  }
  // One long paragraph cannot be cut.
  assert.equal(blocksOf('y'.repeat(BLOCK * 3)).length, 1);
  assert.deepEqual(blocksOf(''), [{ start: 0, text: '' }]);
});

test('variation table columns by header, English and Chinese', () => {
  assert.deepEqual(columns(['SKU', 'Colour', 'Price', 'Supply price', 'Stock'], roleFromText), { price: 2, cost: 3, label: 0 });
  assert.deepEqual(columns(['规格', '价格', '供货价', '库存'], roleFromText), { price: 1, cost: 2, label: 0 });
  assert.deepEqual(columns(['', '颜色', '尺码', '零售价', '成本'], roleFromText), { price: 3, cost: 4, label: 1 });
  assert.deepEqual(columns(['Variant', 'Cost'], roleFromText), { price: -1, cost: 1, label: 0 });
  assert.equal(roleFromText('Supply price'), 'cost');
});

test('variant inputs become listing.variants rows; keys point back at each input', () => {
  const { listing, keys } = assemble([
    { role: 'title', text: 'Rolex watch' },
    { role: 'price', text: '$9,000', variant: 0, label: 'Black' },
    { role: 'cost', text: '$5,000', variant: 0, label: 'Black' },
    { role: 'price', text: '$25', variant: 2, label: 'Blue' },
    { role: 'price', text: '$8,000' },
  ]);
  assert.deepEqual(listing.variants, [{ label: 'Black', price: '$9,000', cost: '$5,000' },
    { label: '', price: '', cost: '' }, { label: 'Blue', price: '$25', cost: '' }]);
  assert.equal(listing.price, '$8,000');
  assert.deepEqual(keys, ['title:0', 'variant:0:price', 'variant:0:cost', 'variant:2:price', 'price:0']);
});

test('a box is cut to what a clip shows, and gone when under a pixel is left', () => {
  const { clip } = load('content/geometry.js');
  const box = { left: 10, top: 10, right: 110, bottom: 60 };
  assert.deepEqual(clip({ left: 0, top: 20, width: 50, height: 20 }, box), { left: 10, top: 20, width: 40, height: 20 });
  assert.deepEqual(clip({ left: 100, top: 50, width: 50, height: 20 }, box), { left: 100, top: 50, width: 10, height: 10 });
  assert.equal(clip({ left: 20, top: 59.5, width: 50, height: 20 }, box), null);
  assert.equal(clip({ left: 200, top: 20, width: 5, height: 5 }, box), null);
});

test('editOf over long texts (compared in slices) finds the same stretch as char by char', () => {
  const naive = (before, after) => {
    const max = Math.min(before.length, after.length);
    let a = 0;
    while (a < max && before[a] === after[a]) a++;
    let b = 0;
    while (b < max - a && before[before.length - 1 - b] === after[after.length - 1 - b]) b++;
    return { at: a, removed: before.length - a - b, inserted: after.length - a - b };
  };
  const base = 'soft leather strap, replica dial; 真皮表带 '.repeat(400);
  let seed = 7;
  const rnd = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  for (let i = 0; i < 200; i++) {
    const at = rnd(base.length + 1), del = rnd(30) * (rnd(3) === 0 ? 200 : 1);
    const ins = ['', 'x', 'New ', base.slice(0, rnd(5000)), 'a'.repeat(rnd(3000))][rnd(5)];
    const after = base.slice(0, at) + ins + base.slice(Math.min(base.length, at + del));
    assert.deepEqual(editOf(base, after), naive(base, after), `edit ${i} at ${at}`);
  }
  assert.deepEqual(editOf(base, base), naive(base, base));
});

test('card placement: never over the focused field; past it when nothing else is free', async () => {
  const { place } = (await import('./load.mjs')).load('content/card.js');
  const title = { left: 10, top: 10, right: 800, bottom: 40 };
  assert.deepEqual(place(title, 300, 100, 1000, 600, 10), { left: 10, top: 46, side: 'below', covers: false });
  // The brand box right under the title has focus: the card goes past it, not over it.
  const brand = { left: 10, top: 50, right: 800, bottom: 80 };
  const s = place(title, 300, 100, 820, 600, 10, [brand]);
  assert.equal(s.covers, false);
  assert.ok(s.top >= brand.bottom, JSON.stringify(s));
  // Beside, when there is room beside.
  assert.equal(place(title, 150, 100, 1000, 600, 10, [brand]).side, 'right');
  // Nothing free in view: below the lowest field, past the viewport's edge, still not over it.
  const low = place(title, 380, 300, 820, 400, 10, [{ left: 10, top: 200, right: 800, bottom: 390 }]);
  assert.deepEqual([low.side, low.top, low.covers], ['below', 396, false]);
});
