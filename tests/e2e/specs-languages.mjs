// The seller's own language, in the real extension: listings typed as sellers in Indonesia,
// Thailand, Vietnam and Taiwan write them, on the seller center of their marketplace, get
// the findings of their language's rules, and the card cites that marketplace's own policy
// page (never another marketplace's).
import assert from 'node:assert/strict';
import { pageScript } from './page.mjs';
import { waitFor, waitFindings } from './specs.mjs';

const Q = (sel) => `document.querySelector(${JSON.stringify(sel)})`;
const cardState = `(() => { const c = document.querySelector('listing-guard-root').shadowRoot.querySelector('.card');
  const a = c.querySelector('.meta a');
  return { hidden: c.hidden, rule: c.dataset.rule || null, start: Number(c.dataset.start), end: Number(c.dataset.end),
    text: c.textContent, policy: a ? a.href : null }; })()`;

// One title per language; `want` are rules that must fire on it (a mercury cream and a
// whitening promise; a Thai replica spelt with spaces; Vietnamese teencode for a fake; a
// Traditional-Chinese factory-grade copy); `card` is the finding whose card is opened.
const CASES = [
  { lang: 'id', title: 'Krim pemutih wajah ada merkuri, putih dalam 3 hari',
    want: ['restricted-cosmetics.mercury-in-cream', 'claims-outcomes.results-in-days'],
    card: 'restricted-cosmetics.mercury-in-cream', policy: /^https:\/\/lazadahkpsc\.zendesk\.com\// },
  { lang: 'vi', title: 'Túi xách nữ hàg fake loại 1 giống auth 99%', want: ['counterfeit.spelling-variants'] },
  { lang: 'zh-Hant', title: '精品包 高彷 A 貨 原單 品質', want: ['counterfeit.spelling-variants'] },
];

export const languageSpecs = [{
  name: 'languages: Indonesian, Vietnamese and Traditional-Chinese titles on a Lazada form get their language\'s rules; the card cites Lazada\'s own page',
  pages: ['centers/lazada.html'],
  async run(drv, { url, shot }) {
    for (const c of CASES) {
      await drv.goto(url);
      assert.equal(await drv.eval(pageScript(`LG.focusEnd(${Q('[name=name]')})`)), true);
      await drv.paste(c.title);
      const s = await waitFindings(drv, `${c.lang}: ${c.want.join(', ')}`, (x) => c.want.every((r) => x.findings.some((f) => f.rule === r && f.boxes.length)));
      if (!c.card) continue;
      const f = s.findings.find((x) => x.rule === c.card && x.boxes.length);
      const box = f.boxes[0];
      await drv.mouseMove(1, 1); // from elsewhere: a resting pointer sends no mousemove
      await drv.mouseMove(box.left + Math.min(box.width / 2, 20), box.top + box.height / 2);
      const card = await waitFor(drv, `the card of ${c.card}`, () => drv.eval(cardState),
        (x) => !x.hidden && x.rule === c.card && x.start === f.start && x.end === f.end);
      assert.match(card.policy || '', c.policy, `${c.lang}: the card cites Lazada's page, not ${card.policy}`);
      await shot(`card-lazada-${c.lang}`);
    }
  },
}];
