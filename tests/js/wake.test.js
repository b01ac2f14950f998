// The background's wake marks: each phase keeps its first time; the marks are told once.
import test from 'node:test';
import assert from 'node:assert/strict';
import { load } from './load.mjs';

const LGWake = load('background/wake.js');

test('a mark keeps its first time, and the marks go out once per wake', () => {
  assert.ok(LGWake.now() >= performance.timeOrigin);
  LGWake.mark('engine-start', 10);
  LGWake.mark('engine-start', 20);
  const marks = LGWake.take();
  assert.equal(marks['engine-start'], 10);
  assert.equal(marks.start, performance.timeOrigin);
  assert.ok(marks.scripts >= marks.start && marks.reply >= marks.scripts);
  assert.equal(LGWake.take(), undefined, 'later answers carry no marks');
});
