import test from 'node:test';
import assert from 'node:assert/strict';
import { load } from './load.mjs';

const busy = load('content/busy.js');

/** A minimal element: a tag, children, an optional shadow root. */
function el(localName, children = [], extra = {}) {
  const e = { nodeType: 1, localName, children, shadowRoot: null, ...extra };
  const all = () => children.flatMap((c) => (c.nodeType === 1 ? [c, ...c.getElementsByTagName('*')] : []));
  e.getElementsByTagName = () => all();
  e.matches = (sel) => sel.split(',').map((s) => s.trim()).some((s) => s === localName || (s === '[contenteditable]' && e.editable));
  e.querySelector = (sel) => all().find((c) => c.matches(sel)) || null;
  e.contains = (n) => n === e || all().includes(n) || children.includes(n);
  return e;
}
const text = (value) => ({ nodeType: 3, nodeValue: value });

test('changes outside fields that add no field are not edits (a clock, a spinner)', () => {
  const title = el('input');
  const clockText = text('12:00');
  const clock = el('span', [clockText]);
  const fields = [{ el: title }];
  assert.equal(busy.relevant({ type: 'characterData', target: clockText, addedNodes: [], removedNodes: [] }, fields), false);
  assert.equal(busy.relevant({ type: 'childList', target: clock, addedNodes: [el('i')], removedNodes: [el('i')] }, fields), false);
});

test('changes inside a field, and nodes that bring or take a field, are edits', () => {
  const t = text('Replica');
  const editor = el('div', [t], { editable: true });
  const fields = [{ el: editor }];
  assert.equal(busy.relevant({ type: 'characterData', target: t, addedNodes: [], removedNodes: [] }, fields), true);
  const form = el('div', [el('label'), el('div', [el('textarea')])]);
  assert.equal(busy.relevant({ type: 'childList', target: el('body'), addedNodes: [form], removedNodes: [] }, []), true);
  assert.equal(busy.relevant({ type: 'childList', target: el('body'), addedNodes: [], removedNodes: [editor] }, fields), true);
  // A component may carry its fields in a shadow root.
  assert.equal(busy.relevant({ type: 'childList', target: el('body'), addedNodes: [el('div', [el('kat-input')])], removedNodes: [] }, []), true);
  assert.equal(busy.relevant({ type: 'childList', target: el('body'), addedNodes: [el('iframe')], removedNodes: [] }, []), true);
});

test('the wait is the debounce, but never more than the maximum since the first edit', () => {
  assert.equal(busy.delay(1000, 1000, 200, 1000), 200);
  assert.equal(busy.delay(1900, 1000, 200, 1000), 100);
  assert.equal(busy.delay(2500, 1000, 200, 1000), 0);
  // Edits every 120 ms for 5 s: passes still happen at least once a second.
  let first = 0, due = 0, passes = 0, pending = false;
  for (let now = 0; now < 5000; now += 120) {
    if (pending && now >= due) { passes += 1; pending = false; }
    if (!pending) first = now;
    pending = true;
    due = now + busy.delay(now, first, 200, 1000);
  }
  assert.ok(passes >= 4, `${passes} passes in 5 s`);
});
