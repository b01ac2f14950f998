// The explanation card: shown when the pointer rests on a highlight or the caret sits
// inside one. Everything in it is set with textContent (never HTML): messages and
// matched text come from the engine and the page. Its buttons change settings through
// the background; the page then re-lints on the storage change.
'use strict';
(() => {
  const t = (key, subs) => ListingGuard.t(key, subs);

  function el(doc, tag, cls, text) {
    const e = doc.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  /** Fills the card for one drawn finding and places it under its first box. */
  function show(root, drawn, ctx) {
    const { finding } = drawn;
    const card = root.card;
    const doc = card.ownerDocument;
    const sev = el(doc, 'div', `sev ${finding.severity}`, t(`severity_${finding.severity}`));
    const msg = el(doc, 'div', 'msg', finding.message);
    const meta = el(doc, 'div', 'meta', `${t('card_rule')} ${finding.rule} · “${finding.text}”`);
    const parts = [sev, msg, meta];
    if (finding.policy && finding.policy.name) {
      const src = el(doc, 'div', 'meta', `${t('card_source')} `);
      if (/^https:\/\//.test(finding.policy.url || '')) {
        const a = el(doc, 'a', '', finding.policy.name);
        a.href = finding.policy.url;
        a.target = '_blank';
        a.rel = 'noopener noreferrer';
        src.append(a);
      } else {
        src.append(finding.policy.name);
      }
      parts.push(src);
    }
    const actions = el(doc, 'div', 'actions');
    const button = (label, op, extra) => {
      const b = el(doc, 'button', '', label);
      b.type = 'button';
      b.dataset.op = op;
      b.addEventListener('click', (ev) => {
        // Only the seller's own click: a page script's .click() or dispatched event is ignored.
        if (!ev.isTrusted) return;
        ev.preventDefault();
        ev.stopPropagation();
        hide(root);
        ctx.settingsOp({ op, ...extra });
      });
      actions.append(b);
    };
    button(t('action_ignore'), 'ignore', { page: ctx.page(), rule: finding.rule, text: finding.text });
    if (finding.brand) button(t('action_allow_brand', [finding.brand]), 'allow-brand', { brand: finding.brand });
    button(t('action_disable_rule'), 'disable-rule', { rule: finding.rule });
    parts.push(actions);
    card.replaceChildren(...parts);
    card.setAttribute('aria-label', t('card_label'));
    card.dataset.rule = finding.rule;
    const b = drawn.boxes[0];
    if (!b) return hide(root);
    card.hidden = false;
    const vw = doc.documentElement.clientWidth + window.scrollX;
    const width = Math.min(card.offsetWidth || 300, 360);
    card.style.left = `${Math.max(window.scrollX + 4, Math.min(b.left, vw - width - 8))}px`;
    card.style.top = `${b.top + b.height + 4}px`;
    root.cardFor = drawn;
  }

  function hide(root) {
    if (!root.card.hidden) root.card.hidden = true;
    root.cardFor = null;
  }

  /** The drawn finding whose boxes contain the page point (x, y), innermost first. */
  function hitTest(drawnList, x, y) {
    let best = null;
    for (const d of drawnList) {
      for (const b of d.boxes) {
        if (x >= b.left && x <= b.left + b.width && y >= b.top - 2 && y <= b.top + b.height + 2) {
          if (!best || b.width < best.w) best = { d, w: b.width };
        }
      }
    }
    return best && best.d;
  }

  /** The drawn finding of this field whose span holds the caret, if any. */
  function atCaret(drawnList, el, caret) {
    return drawnList.find((d) => d.field.el === el && caret >= d.finding.start_utf16 && caret <= d.finding.end_utf16
      && d.finding.start_utf16 !== d.finding.end_utf16) || null;
  }

  const card = { show, hide, hitTest, atCaret };
  if (typeof ListingGuard !== 'undefined') ListingGuard.card = card;
  if (typeof module !== 'undefined') module.exports = card;
})();
