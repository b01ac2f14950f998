// A pass that sends only the changed parts of the listing (content/delta.js) and the
// background's merge of them into the listing it kept (background/listings.js) stand for
// exactly the whole listing: the merged listing equals the page's, and the real engine
// (target/wasm-out, when built) finds the same as a full lint, step after step.
import test from 'node:test';
import assert from 'node:assert/strict';
import { builtLinter, load } from './load.mjs';

const delta = load('content/delta.js');
const LGListings = load('background/listings.js');

const engine = builtLinter;

// A seller's edits, one pass each: title typed, description typed into, a bullet added
// and removed, a variant row's price changed, the brand cleared, a part gone.
const long = 'soft leather strap with a steel case '.repeat(2000);
const steps = [
  { title: 'Steel watch', description: long, bullets: [], other: [], variants: [] },
  { title: 'Steel watch Rolex', description: long, bullets: [], other: [], variants: [] },
  { title: 'Steel watch Rolex', description: `replica ${long}`, bullets: [], other: [], variants: [] },
  { title: 'Steel watch Rolex', description: `replica ${long}`, bullets: ['a dupe of the classic'], other: [], variants: [] },
  { title: 'Steel watch Rolex', description: `replica ${long}`, bullets: ['a dupe of the classic'], other: [], variants: [], price: '590' },
  { title: 'Steel watch Rolex', description: `replica ${long}`, bullets: [], other: [['sku', 'cures arthritis']], variants: [{ label: 'S', price: '5', cost: '' }], price: '5900' },
  { title: 'Steel watch Rolex', description: `replica ${long}`, bullets: [], other: [['sku', 'cures arthritis']], variants: [{ label: 'S', price: '5', cost: '' }, { label: 'M', price: '4', cost: '' }], brand: 'Rolex', price: '5900' },
  { title: 'Steel watch Rolex', description: long, bullets: [], other: [], variants: [{ label: 'S', price: '5', cost: '' }], brand: '' },
  { title: '', description: long, bullets: [], other: [], variants: [] },
];

test('diff: only the parts that differ, and the parts gone', () => {
  assert.deepEqual(delta.diff({ title: 'a', description: long }, { title: 'b', description: long }), { changed: { title: 'b' }, spliced: {}, removed: [] });
  assert.deepEqual(delta.diff({ title: 'a', price: '1' }, { title: 'a' }), { changed: {}, spliced: {}, removed: ['price'] });
  assert.ok(delta.empty(delta.diff({ bullets: ['x'], variants: [{ label: '', price: '1', cost: '' }] }, { bullets: ['x'], variants: [{ label: '', price: '1', cost: '' }] })));
  assert.deepEqual(delta.diff({ variants: [{ label: '', price: '1', cost: '' }] }, { variants: [{ label: '', price: '2', cost: '' }] }).changed,
    { variants: [{ label: '', price: '2', cost: '' }] });
});

test('a long text part is sent as the span that changed, and merges back exactly', () => {
  const big = 'x'.repeat(20000);
  const cases = [
    [big, `abc${big}`], [big, `${big}abc`], [`${big}mid${big}`, `${big}MIDDLE${big}`],
    [`${big}mid${big}`, `${big}${big}`], [big, 'short now'], ['short', big], [`${big}aa`, `${big}a`],
    [`é${big}😀`, `é${big}😀😀`],
  ];
  const sender = { tab: { id: 11 }, frameId: 0 };
  for (const [a, b] of cases) {
    const d = delta.diff({ description: a }, { description: b });
    assert.deepEqual(Object.keys(d.changed), [], 'not sent whole');
    const [start, end, text] = d.spliced.description;
    assert.ok(text.length <= Math.abs(b.length - a.length) + 6, 'only the changed span');
    assert.equal(a.slice(0, start) + text + a.slice(end), b);
    const gen = LGListings.keep(sender, 'd', { description: a });
    assert.deepEqual(LGListings.resolve(sender, { doc: 'd', base: gen, changed: {}, spliced: d.spliced, removed: [] }), { description: b });
  }
  const gen = LGListings.keep(sender, 'd', { description: 'abc' });
  for (const bad of [[0, 9, 'x'], [2, 1, 'x'], [-1, 0, 'x'], [0, 0, 5], 'nope', [0, 0]]) {
    assert.equal(LGListings.resolve(sender, { doc: 'd', base: gen, changed: {}, spliced: { description: bad } }), null, `refused: ${JSON.stringify(bad)}`);
  }
  assert.equal(LGListings.resolve(sender, { doc: 'd', base: gen, changed: {}, spliced: { title: [0, 0, 'x'] } }), null, 'no text to splice into');
});

test('the background asks for the whole listing when it does not hold the base', () => {
  const sender = { tab: { id: 7 }, frameId: 0 };
  assert.equal(LGListings.resolve(sender, { doc: 'd', base: 123, changed: { title: 'x' } }), null);
  const gen = LGListings.keep(sender, 'd', { title: 'a', description: long });
  assert.equal(LGListings.resolve({ tab: { id: 8 }, frameId: 0 }, { doc: 'd', base: gen, changed: {} }), null, 'another tab');
  assert.equal(LGListings.resolve(sender, { doc: 'other', base: gen, changed: {} }), null, 'another page instance');
  assert.equal(LGListings.resolve(sender, { doc: 'd', base: gen - 1, changed: {} }), null, 'an older generation');
  LGListings.forgetTab(7);
  assert.equal(LGListings.resolve(sender, { doc: 'd', base: gen, changed: {} }), null, 'the tab closed');
});

test('changed parts merged into the kept listing equal the whole listing, and lint the same', () => {
  const linter = engine();
  const config = { lang: 'en', marketplace: 'amazon', packs: {}, rules: {}, severity: {}, allow_brands: [], resell_brands: [], ignore: [] };
  const sender = { tab: { id: 3 }, frameId: 0 };
  let acked = null;
  for (const [i, listing] of steps.entries()) {
    const msg = acked ? { doc: 'p', base: acked.gen, ...delta.diff(acked.listing, listing) } : { doc: 'p', listing };
    if (acked) assert.ok(!Object.hasOwn(msg.changed, 'description'), `step ${i}: the description is never sent whole again`);
    const merged = LGListings.resolve(sender, msg);
    assert.deepEqual(merged, listing, `step ${i}: merged listing`);
    acked = { gen: LGListings.keep(sender, 'p', merged), listing };
    if (linter) assert.deepEqual(linter.lint(merged, config), linter.lint(listing, config), `step ${i}: findings`);
  }
  if (!linter) console.log('# target/wasm-out not built: findings compared by listing only');
});
