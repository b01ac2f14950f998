// The background's listing records (background/records.js): the real engine
// (target/wasm-out, when built) finds in them exactly what it finds in the same listing
// as JSON text, and a value `lintJson` refuses is refused here too, by name.
import test from 'node:test';
import assert from 'node:assert/strict';
import { builtLinter, load } from './load.mjs';

const LGRecords = load('background/records.js');

const engine = builtLinter;

// Pieces sellers' text is made of, and some it should not be: CJK, Thai, emoji (two
// UTF-16 units), quotes and escapes, controls, a long run of ASCII.
const PIECES = ['Rolex ', 'replica', ' 高仿', '复刻', ' ราคาถูก', '🔥', 'é', '"', '\\', '\n', '\t', '\u0001', 'dupe', ' $9.99',
  ' email me at a@b.co', 'AAA grade ', '1:1 ', 'x'.repeat(300), '  '];
function rng(seed) { let s = seed; return (n) => { s = (s * 1103515245 + 12345) % 2147483648; return s % n; }; }
function randomListing(r) {
  const text = () => Array.from({ length: r(7) }, () => PIECES[r(PIECES.length)]).join('');
  const l = { title: text(), bullets: Array.from({ length: r(4) }, text), brand: r(2) ? 'Rolex' : text(), price: ['$12', '¥30', '9.99', text()][r(4)] };
  if (r(2)) l.description = text();
  if (r(3) === 0) l.keywords = text();
  if (r(3) === 0) l.category = ['Watches', '手表', text()][r(3)];
  if (r(3) === 0) l.currency = r(2) ? 'USD' : null;
  if (r(3) === 0) l.marketplace = ['amazon', 'shopee', 'nowhere'][r(3)];
  if (r(3) === 0) l.market = ['tw', 'us', null][r(3)];
  if (r(3) === 0) l.other = Array.from({ length: r(3) }, () => [text(), text()]);
  if (r(3) === 0) l.variants = Array.from({ length: r(3) }, () => ({ label: text(), price: ['$1', '$30', '$300'][r(3)], cost: r(2) ? '$0.5' : undefined }));
  if (r(4) === 0) l.unknown = { nested: [1, 'x'] };
  return l;
}

test('the engine finds the same in a listing\'s records as in its JSON text', (t) => {
  const linter = engine();
  if (!linter) return t.skip('target/wasm-out not built');
  linter.setConfig({ marketplace: 'amazon', lang: 'en' });
  const r = rng(7);
  let found = 0;
  for (let i = 0; i < 1500; i++) {
    const l = randomListing(r);
    const want = linter.lintJson(JSON.stringify(l));
    const got = linter.lintRecords(LGRecords.write(l));
    assert.deepEqual(got, want, JSON.stringify(l));
    found += got.length;
  }
  assert.ok(found > 500, `the random listings have findings (${found})`);
  // Long listings after the short ones (the kept buffer grows, past what it keeps), then a
  // short one again.
  for (const n of [20000, 150000]) {
    const big = { title: 'Rolex replica', description: '高仿 '.repeat(n) + 'replica' };
    assert.deepEqual(linter.lintRecords(LGRecords.write(big)), linter.lintJson(JSON.stringify(big)));
  }
  const big = { title: 'Rolex replica', bullets: ['高仿 '.repeat(20000)] };
  assert.deepEqual(linter.lintRecords(LGRecords.write(big)), linter.lintJson(JSON.stringify(big)));
  assert.deepEqual(linter.lintRecords(LGRecords.write({ title: 'Steel watch' })), []);
});

test('a lone surrogate is one replacement character: the offsets after it still match', (t) => {
  const linter = engine();
  if (!linter) return t.skip('target/wasm-out not built');
  linter.setConfig({ marketplace: 'amazon' });
  const title = 'ab\ud800 Rolex replica';
  const [f] = linter.lintRecords(LGRecords.write({ title })).filter((x) => x.rule === 'counterfeit.replica');
  assert.equal(title.slice(f.start_utf16, f.end_utf16).toLowerCase(), 'replica');
  assert.throws(() => linter.lintJson(JSON.stringify({ title })), /surrogate/);
});

test('values lintJson refuses are refused by name', () => {
  const bad = [
    [{ title: 5 }, /title: expected a string/],
    [{ title: null }, /title: expected a string/],
    [{ bullets: 'one' }, /bullets: expected an array/],
    [{ bullets: ['a', 2] }, /bullets\[1\]: expected a string/],
    [{ other: [['a']] }, /other\[0\]: expected a \[name, text\] pair/],
    [{ variants: [null] }, /variants\[0\]: expected an object/],
    [{ variants: [{ price: 3 }] }, /variants\[0\].price: expected a string/],
    [[], /expected an object/],
  ];
  for (const [listing, message] of bad) assert.throws(() => LGRecords.write(listing), message);
  // Keys JSON.stringify leaves out or the reader skips are no fields.
  assert.equal(LGRecords.write({ title: undefined, constructor: 'x', toString: 'y', currency: null }).length, 0);
  assert.equal(LGRecords.write(null).length, 0);
});
