// The explanation card: opened by the seller's pointer on a highlight (hover or click)
// or by keyboard (see main.js), never merely because the caret entered a flagged word.
// It shows the fix first (original → result, *Apply*), then what is wrong, what the
// marketplace does about it, what to write instead, and the buttons that silence it.
// It is placed above or below the field being edited, whichever side has room, else
// beside it: never over the field. Everything in it is set with textContent (never
// HTML): messages and matched text come from the engine and the page. Its buttons act
// only on the seller's own (trusted) clicks.
'use strict';
(() => {
  const t = (key, subs) => ListingGuard.t(key, subs);
  const MARKETPLACES = ['amazon', 'aliexpress', 'ebay', 'etsy', 'lazada', 'shopee', 'shopify', 'tiktok', 'walmart', 'wish'];
  const MARKETPLACE_NAMES = { amazon: 'Amazon', aliexpress: 'AliExpress', ebay: 'eBay', etsy: 'Etsy', lazada: 'Lazada', shopee: 'Shopee', shopify: 'Shopify', tiktok: 'TikTok Shop', walmart: 'Walmart', wish: 'Wish' };
  const CONTEXT = 18; // characters of the field shown around a fix
  // Findings where declaring the brand ("X is my brand", "I sell genuine X") changes
  // the finding, as the engine says in `brand_use`: a brand rule, or resale wording
  // raised next to the brand. Never counterfeit wording ("replica", 高仿: `wording`) or
  // a price floor (`price`): no declaration excuses those.
  const DECLARABLE = ['named', 'resale'];

  /** Whether the card of `finding` offers the brand declarations. */
  const declarable = (finding) => Boolean(finding.brand) && DECLARABLE.includes(finding.brand_use);

  // The proof reminder of a resold brand is shown once per page: on the card of the
  // first finding about that brand that is opened (and on that finding's card again).
  const reminded = new Map(); // brand (lower case) → key of the finding that carried it
  const findingKey = (f) => `${f.rule}|${f.field}|${f.index}|${f.start_utf16}|${f.end_utf16}`;

  /** The reminder line for a finding about a brand the seller resells, or null. */
  function proofReminder(finding) {
    if (finding.brand_use !== 'resold' || !finding.brand) return null;
    const brand = finding.brand.toLowerCase();
    const key = findingKey(finding);
    if (reminded.has(brand) && reminded.get(brand) !== key) return null;
    reminded.set(brand, key);
    return finding.proof_note ? t('card_proof_note', [finding.brand, finding.proof_note]) : t('card_proof', [finding.brand]);
  }

  function el(doc, tag, cls, text) {
    const e = doc.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  /** "…before [old] after…" → "…before [new] after…", as two strings. */
  function preview(text, fix) {
    const from = Math.max(0, fix.start - CONTEXT);
    const to = Math.min(text.length, fix.end + CONTEXT);
    const pre = (from > 0 ? '…' : '') + text.slice(from, fix.start);
    const post = text.slice(fix.end, to) + (to < text.length ? '…' : '');
    return { pre, old: text.slice(fix.start, fix.end), now: fix.replacement, post };
  }

  function previewLine(doc, p) {
    const line = el(doc, 'div', 'preview');
    const side = (cls, middle) => {
      const s = el(doc, 'span', cls);
      s.append(p.pre);
      s.append(el(doc, cls === 'was' ? 'del' : 'ins', '', middle));
      s.append(p.post);
      return s;
    };
    line.append(side('was', p.old), el(doc, 'span', 'arrow', ' → '), side('now', p.now));
    return line;
  }

  /** The top-viewport rect of a field (inside iframes too). */
  function fieldRect(field) {
    const r = field.el.getBoundingClientRect();
    let x = 0, y = 0;
    for (let frame = field.frame; frame; ) {
      const q = frame.getBoundingClientRect();
      x += q.left + frame.clientLeft; y += q.top + frame.clientTop;
      const win = frame.ownerDocument.defaultView;
      frame = win && win.frameElement && win !== window ? win.frameElement : null;
    }
    if (field.frame && field.el === field.el.ownerDocument.body) {
      const q = field.frame.getBoundingClientRect();
      return { left: q.left, top: q.top, right: q.right, bottom: q.bottom };
    }
    return { left: r.left + x, top: r.top + y, right: r.right + x, bottom: r.bottom + y };
  }

  const overlap = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;

  /**
   * Where a card of size (w, h) goes for a field at `f` (viewport rect) in a viewport
   * of (vw, vh): below the field if it fits, else above, else beside (right, then left),
   * else below anyway. `anchorX` is the highlight's left edge. Viewport coordinates.
   * `avoid`: other rects it must not cover (the field that has focus, when it is not the
   * finding's own): the first side that fits and covers none of them is taken (beyond them
   * too: below the lowest, above the highest; in view if it can be, else past the edge);
   * with none such, `covers` is true (the caller closes the card rather than cover the field).
   */
  function place(f, w, h, vw, vh, anchorX, avoid = []) {
    const gap = 6;
    const x = Math.max(4, Math.min(anchorX, vw - w - 8));
    const top = Math.max(4, Math.min(f.top, vh - h - 4));
    const spots = [
      { left: x, top: f.bottom + gap, side: 'below', fits: f.bottom + gap + h <= vh },
      { left: x, top: f.top - gap - h, side: 'above', fits: f.top - gap - h >= 0 },
      { left: f.right + gap, top, side: 'right', fits: f.right + gap + w <= vw },
      { left: f.left - gap - w, top, side: 'left', fits: f.left - gap - w >= 0 },
    ];
    // Past the fields to avoid as well: below the lowest of them, above the highest.
    const low = Math.max(f.bottom, ...avoid.map((r) => r.bottom)), high = Math.min(f.top, ...avoid.map((r) => r.top));
    if (avoid.length) {
      spots.push({ left: x, top: low + gap, side: 'below', fits: low + gap + h <= vh },
        { left: x, top: high - gap - h, side: 'above', fits: high - gap - h >= 0 });
    }
    const clear = (s) => !avoid.some((a) => overlap({ left: s.left, top: s.top, right: s.left + w, bottom: s.top + h }, a));
    // Free of the fields and in view; else free of them though past the viewport's edge
    // (below the lowest: the page scrolls to it); covering is the last resort (`covers`).
    const best = spots.find((s) => s.fits && clear(s)) || spots.find((s) => s.side === 'below' && clear(s))
      || spots.find((s) => s.fits) || spots[0];
    return { left: best.left, top: best.top, side: best.side, covers: !clear(best) };
  }

  /** The element that has focus, through open shadow roots and same-origin frames. */
  function focusedElement() {
    let a = document.activeElement, frame = null;
    for (let i = 0; a && i < 20; i += 1) {
      if (a.shadowRoot && a.shadowRoot.activeElement) { a = a.shadowRoot.activeElement; continue; }
      if (a.localName === 'iframe') {
        let inner = null;
        try { inner = a.contentDocument && a.contentDocument.activeElement; } catch { inner = null; }
        if (inner && inner !== a.contentDocument.body) { frame = a; a = inner; continue; }
        if (inner) return { el: inner, frame: a };
      }
      break;
    }
    return a && a !== document.body ? { el: a, frame } : null;
  }

  const editable = (e) => e.localName === 'input' || e.localName === 'textarea' || e.isContentEditable;

  /** The rect of the focused field when it is not `own` (the card's own field), else null. */
  function otherFocusedRect(own) {
    const f = focusedElement();
    if (!f || f.el === own.el || f.el.localName === 'listing-guard-root' || !editable(f.el)) return null;
    if (own.el.contains && own.el.contains(f.el)) return null;
    return fieldRect({ el: f.el, frame: f.frame });
  }

  /** Fills the card for one drawn finding and places it beside its field. */
  function show(root, drawn, ctx) {
    const { finding, field } = drawn;
    const card = root.card;
    const doc = card.ownerDocument;
    const parts = [el(doc, 'div', `sev ${finding.severity}`, t(`severity_${finding.severity}`))];
    const button = (label, op, extra, cls) => {
      const b = el(doc, 'button', cls || '', label);
      b.type = 'button';
      b.dataset.op = op;
      if (extra && extra.fix !== undefined) b.dataset.fix = String(extra.fix);
      b.addEventListener('click', (ev) => {
        // Only the seller's own click: a page script's .click() or dispatched event is ignored.
        if (!ev.isTrusted) return;
        ev.preventDefault();
        ev.stopPropagation();
        if (op === 'apply-fix') { ctx.applyFix(drawn, extra.fix); return; }
        hide(root);
        ctx.settingsOp({ op, ...extra });
      });
      return b;
    };
    const text = field.text || '';
    (finding.fixes || []).forEach((fix, i) => {
      const row = el(doc, 'div', 'fix');
      row.append(previewLine(doc, preview(text, fix)));
      const go = button(t('action_apply'), 'apply-fix', { fix: i }, 'apply');
      go.setAttribute('aria-label', `${t('action_apply')}: ${fix.label}`);
      go.title = fix.label;
      row.append(go);
      parts.push(row);
    });
    parts.push(el(doc, 'div', 'msg', finding.message));
    // A rule of one marketplace (its title length, its characters) says which: "eBay rule".
    if (MARKETPLACE_NAMES[finding.marketplace]) {
      parts.push(el(doc, 'div', 'meta mkt', t('card_marketplace_rule', [MARKETPLACE_NAMES[finding.marketplace]])));
    }
    const mp = ctx.marketplace && ctx.marketplace();
    if (mp && MARKETPLACES.includes(mp) && finding.severity !== 'info') {
      parts.push(el(doc, 'div', 'consequence', t(`consequence_${mp}`)));
    }
    if (finding.instead) parts.push(el(doc, 'div', 'instead', `${t('card_instead')} ${finding.instead}`));
    const proof = proofReminder(finding);
    if (proof) parts.push(el(doc, 'div', 'proof', proof));
    parts.push(el(doc, 'div', 'meta', `${t('card_rule')} ${finding.rule} · “${finding.text}”`));
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
    actions.append(button(t('action_ignore'), 'ignore', { page: ctx.page(), rule: finding.rule, text: finding.text }));
    if (declarable(finding)) {
      actions.append(button(t('action_allow_brand', [finding.brand]), 'allow-brand', { brand: finding.brand }));
      actions.append(button(t('action_resell_brand', [finding.brand]), 'resell-brand', { brand: finding.brand }));
    }
    actions.append(button(t('action_disable_rule'), 'disable-rule', { rule: finding.rule }));
    parts.push(actions);
    card.replaceChildren(...parts);
    card.setAttribute('aria-label', t('card_label'));
    // Which finding it explains, as its .finding element says it: two findings of one rule
    // (two brand names in a title) have cards of their own, told apart by field and span.
    Object.assign(card.dataset, { rule: finding.rule, field: finding.field, index: String(finding.index),
      start: String(finding.start_utf16), end: String(finding.end_utf16) });
    const b = drawn.boxes[0];
    if (!b) return hide(root);
    card.style.visibility = 'hidden';
    card.hidden = false;
    const w = Math.min(card.offsetWidth || 300, 380);
    const h = card.offsetHeight || 160;
    const de = doc.documentElement;
    const other = otherFocusedRect(field);
    const spot = place(fieldRect(field), w, h, de.clientWidth, window.innerHeight, b.left - window.scrollX, other ? [other] : []);
    // Never over the field the seller is typing in: with no side free of it, no card.
    if (spot.covers) { card.style.visibility = ''; return hide(root); }
    card.style.left = `${spot.left + window.scrollX}px`;
    card.style.top = `${spot.top + window.scrollY}px`;
    card.dataset.side = spot.side;
    card.style.visibility = '';
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

  /**
   * Focus moved (the seller tabbed or clicked into another field, or the page moved it):
   * an open card that would now cover the focused field is placed again away from it, or
   * closed when there is no such place. Focus into the card or its own field keeps it.
   */
  function onFocusChange(root, ctx) {
    const d = root.cardFor;
    if (!d || root.card.hidden) return;
    const other = otherFocusedRect(d.field);
    if (!other) return;
    const r = root.card.getBoundingClientRect();
    if (overlap({ left: r.left, top: r.top, right: r.right, bottom: r.bottom }, other)) show(root, d, ctx);
  }

  const card = { show, hide, hitTest, place, preview, declarable, proofReminder, onFocusChange };
  if (typeof ListingGuard !== 'undefined') ListingGuard.card = card;
  if (typeof module !== 'undefined') module.exports = card;
})();
