import test from 'node:test';
import assert from 'node:assert/strict';
import { load } from './load.mjs';

const { extract, locate } = load('content/text.js');

// Minimal DOM-shaped nodes: what extract() reads.
const t = (v) => ({ nodeType: 3, nodeValue: v, childNodes: [] });
const e = (name, ...kids) => ({ nodeType: 1, localName: name, childNodes: kids });

test('editor text keeps line breaks between blocks and at <br>', () => {
  const root = e('div', e('p', t('First '), e('b', t('bold'))), e('p', t('Second')), t('tail'), e('br'), t('end'));
  const { text, segments } = extract(root);
  assert.equal(text, 'First bold\nSecond\ntail\nend');
  assert.equal(segments.length, 5);
  assert.deepEqual(segments.map((s) => [s.start, s.end]), [[0, 6], [6, 10], [11, 17], [18, 22], [23, 26]]);
});

test('scripts, styles and templates are not text', () => {
  const { text } = extract(e('div', t('a'), e('script', t('x()')), e('style', t('p{}')), e('template', t('t')), t('b')));
  assert.equal(text, 'ab');
});

test('UTF-16 offsets map back to the node and offset, emoji and CJK included', () => {
  const a = t('🔥新款 ');
  const b = t('Replica Rolex');
  const { text, segments } = extract(e('div', a, e('span', b)));
  assert.equal(text.indexOf('Replica'), 5);
  assert.deepEqual(locate(segments, 5, false), { node: b, offset: 0 });
  assert.deepEqual(locate(segments, 12, true), { node: b, offset: 7 });
  assert.deepEqual(locate(segments, 2, false), { node: a, offset: 2 });
  // An end offset at a node boundary stays in the earlier node.
  assert.deepEqual(locate(segments, 5, true), { node: a, offset: 5 });
  assert.equal(locate(segments, 99, true), null);
});
