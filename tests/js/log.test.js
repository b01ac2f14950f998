// The record of checks exports CSV a spreadsheet reads safely: quoted where needed, and a
// cell that would start a formula is kept as text.
import test from 'node:test';
import assert from 'node:assert/strict';
import { load } from './load.mjs';

const LGLog = load('background/log.js');

test('CSV has a header, quotes commas and quotes, and defuses formulas', () => {
  const csv = LGLog.csv([
    { time: 't', page: 'p/1', event: 'fixed', rules: ['a.b', 'c.d'], text: 'x, "y"', replacement: '=HYPERLINK("evil")', note: '' },
  ]);
  const [head, row] = csv.split('\r\n');
  assert.equal(head, 'time,page,event,rules,text,replacement,note');
  assert.equal(row, 't,p/1,fixed,a.b c.d,"x, ""y""","\'=HYPERLINK(""evil"")",');
});
