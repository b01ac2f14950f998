// Puts the pieces together: scan the page for fields, assemble one listing, ask the
// background to lint it, draw the findings. One lint in flight at a time; an edit made
// while one is in flight marks the answer stale, and it is dropped for a fresh pass.
'use strict';
(() => {
  const LG = ListingGuard;
  const api = LG.api;
  if (window.top !== window) return;
  // XML and SVG documents have no listing form (and no HTML to draw in).
  if (!document.documentElement || document.documentElement.namespaceURI !== 'http://www.w3.org/1999/xhtml') return;

  const DEBOUNCE_MS = 200;
  const MAX_WAIT_MS = 1000;   // a page that keeps editing is still checked once a second
  const host = location.hostname;
  const page = () => `${location.host}${location.pathname}`;

  let root = null;
  let scan = null;          // {fields: [{el, kind, frame, role, segments}], byKey: Map}
  let drawn = [];
  let findings = [];
  let revision = 0;         // bumped by every edit
  let inFlight = false;
  let timer = 0;
  let timerPending = false;
  let enabled = true;
  let warnedError = false;
  let beforeSubmit = false;
  let composing = false;    // an IME composition is open: no lint until it ends
  let firstEdit = 0;        // when the pending timer's first edit was seen
  let lastLinted = null;    // the generation of the listing whose findings are drawn
  let lastContext = null;   // and the settings generation and marketplace it was linted with
  let acked = null;         // {gen, listing, lost}: the listing the background last kept for this page
  // This document's own key with the background (a reload or another tab is another page).
  const doc = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  let settingsGen = 0;
  let applying = false;     // a fix of the seller's is being applied
  let nav = null;           // keyboard navigation: {index, origin} while it lasts

  // Test builds only: how long each step of a pass took on the page's thread, on the
  // root's data-timing ({t, step, ms}, performance.now() of the page), for the speed specs.
  const probe = LG.flags && LG.flags.test ? [] : null;
  function timed(step, fn) {
    if (!probe) return fn();
    const t = performance.now();
    try {
      return fn();
    } finally {
      probe.push({ t: Math.round(t), step, ms: Math.round((performance.now() - t) * 10) / 10 });
      if (probe.length > 300) probe.splice(0, 150);
      if (root) root.host.dataset.timing = JSON.stringify(probe.slice(-60));
    }
  }

  const isOurs = (node) => Boolean(root && node && (node === root.host || root.host.contains(node)));

  function ensureRoot() {
    if (!root || !root.host.isConnected) {
      root = LG.overlay.create(document);
      // A mirror not laid out as far as its field shows goes on after the next paint.
      root.again = () => drawLate();
      drawn = [];
    }
    return root;
  }

  function removeRoot() {
    if (root) root.host.remove();
    root = null;
    drawn = [];
  }

  function collect() {
    const { fields, roots } = LG.fields.findFields(document, root && root.host);
    const adapter = LG.adapters ? LG.adapters.forHost(host) : null;
    const table = LG.variants.scan(roots, LG.roles.roleFromText);
    const prepared = [];
    for (const f of fields) {
      const row = table.get(f.el);
      if (row) {
        const { text, segments } = LG.text.fieldText(f);
        prepared.push({ ...f, role: row.role, variant: row.variant, label: row.label, text, segments, name: row.role });
        continue;
      }
      const role = LG.roles.roleOf(f.el, adapter);
      const { text, segments } = LG.text.fieldText(f);
      const name = f.el.getAttribute('name') || f.el.id || (f.el.getRootNode().host || {}).id || role;
      prepared.push({ ...f, role, text, segments, name });
    }
    const { listing, keys } = LG.listing.assemble(prepared);
    const byKey = new Map();
    keys.forEach((k, i) => byKey.set(k, prepared[i]));
    watcher.track(roots, prepared);
    return { fields: prepared, byKey, listing };
  }

  function fieldFor(finding) {
    if (!scan) return null;
    if (finding.variant !== undefined && finding.variant !== null) return scan.byKey.get(`variant:${finding.variant}:${finding.field}`) || null;
    const idx = finding.field === 'other' || finding.field === 'bullets' ? finding.index : 0;
    return scan.byKey.get(`${finding.field}:${idx}`) || null;
  }

  function schedule() {
    revision += 1;
    if (!enabled) return;
    // The seller is typing and no background is known to run: connecting wakes it, and it
    // warms the engine while the debounce runs (background.js, `warm`).
    if (!port) watchBackground();
    if (root) LG.overlay.setState(root, composing ? 'composing' : 'busy');
    const now = Date.now();
    if (!timerPending) firstEdit = now;
    clearTimeout(timer);
    timerPending = true;
    timer = setTimeout(() => { timerPending = false; run(); }, LG.busy.delay(now, firstEdit, DEBOUNCE_MS, MAX_WAIT_MS));
  }

  async function run() {
    if (inFlight || !enabled || composing) return;
    const rev = revision;
    scan = timed('collect', collect);
    const hasText = scan.fields.some((f) => f.text.trim());
    if (!scan.fields.length) {
      if (root) { LG.highlight.draw(root, [], fieldFor); LG.overlay.setState(root, 'idle', 0); }
      drawn = [];
      return;
    }
    ensureRoot();
    LG.overlay.setState(root, 'busy');
    if (!hasText) {
      findings = [];
      return finish(rev);
    }
    // Nothing changed since the last answer (a relayout, a page re-render): draw it again.
    const marketplace = LG.sites.marketplaceFor(document, LG.flags);
    const context = `${settingsGen}\u0000${marketplace}`;
    let change = acked ? timed('diff', () => LG.delta.diff(acked.listing, scan.listing)) : null;
    if (change && lastLinted === acked.gen && lastContext === context && LG.delta.empty(change)) return finish(rev);
    if (acked && acked.lost) change = null;
    inFlight = true;
    let reply;
    try {
      reply = await lint(change, marketplace);
      // The background no longer has the listing this change is against (a service
      // worker restarted): the whole listing, once.
      if (reply && reply.ok && reply.resync) { acked = null; change = null; reply = await lint(null, marketplace); }
    } catch (e) {
      reply = { ok: false, error: String(e && e.message || e) };
    } finally {
      inFlight = false;
    }
    if (reply && reply.ok && Number.isInteger(reply.gen)) acked = { gen: reply.gen, listing: scan.listing };
    // The seller typed meanwhile: this answer is stale. A pending timer will lint again.
    if (rev !== revision) return timerPending ? undefined : run();
    if (!reply || !reply.ok) {
      if (!warnedError) console.warn('Listing Guard:', reply && reply.error);
      warnedError = true;
      findings = [];
      lastLinted = null;
    } else if (reply.disabled) {
      return disable();
    } else {
      findings = reply.findings;
      lastLinted = reply.gen;
      lastContext = context;
      beforeSubmit = Boolean(reply.beforeSubmit);
      if (reply.packError && !warnedError) { console.warn('Listing Guard: a rule pack was refused:', reply.packError); warnedError = true; }
    }
    finish(rev);
  }

  // The background's life, seen from here: a port to it closes when the background stops
  // (Chrome stops an idle service worker, Firefox suspends its event page), and the listing
  // it kept for this page is gone with it. The next pass then sends the whole listing at
  // once, not a change the background could only answer with `resync` (a second round
  // trip on every wake). Nothing is sent over the port, and it keeps nothing alive.
  let port = null;
  function watchBackground() {
    if (port) return;
    try {
      port = api.runtime.connect({ name: 'lg-page' });
    } catch {
      port = null;
      return;
    }
    // Still compared against (a pass that changed nothing sends nothing, and does not
    // wake the background), but never sent as a change again.
    port.onDisconnect.addListener(() => {
      port = null;
      if (acked) acked = { ...acked, lost: true };
    });
  }

  /** One lint message: only the parts changed since `acked` when there is one (delta.js). */
  function lint(change, marketplace) {
    watchBackground();
    const base = { type: 'lint', doc, marketplace, host, page: page() };
    const msg = change ? { ...base, base: acked.gen, changed: change.changed, spliced: change.spliced, removed: change.removed } : { ...base, listing: scan.listing };
    const sent = timed(change ? 'send-change' : 'send-whole', () => api.runtime.sendMessage(msg));
    if (!probe) return sent;
    const t = performance.now();
    return sent.then((r) => {
      // The background's own phases of the wake this answer paid for (background/wake.js).
      if (r && r.wake && root) root.host.dataset.wake = JSON.stringify(r.wake);
      return r;
    }).finally(() => probe.push({ t: Math.round(t), step: 'answer', ms: Math.round(performance.now() - t) }));
  }

  function finish(rev) {
    if (!root || rev !== revision) return;
    // The seller is typing or scrolling in a large field: drawn when that pauses (drawLate).
    if (performance.now() < quietAt) { idleAfterLate = rev; return drawLate(); }
    drawn = timed('draw', () => LG.highlight.draw(root, findings, fieldFor));
    keepCard();
    LG.overlay.setState(root, 'idle', findings.length);
  }

  function relayout() {
    if (!root || !scan || !findings.length) return;
    drawn = timed('relayout', () => LG.highlight.draw(root, findings, fieldFor));
    keepCard();
  }

  const sameFinding = (a, b) => a.rule === b.rule && a.field === b.field && a.index === b.index
    && a.start_utf16 === b.start_utf16 && a.end_utf16 === b.end_utf16 && a.text === b.text;

  /** After a redraw: the open card follows its finding, or closes when it is gone. */
  function keepCard() {
    if (!root.cardFor) return;
    const same = drawn.find((d) => sameFinding(d.finding, root.cardFor.finding) && d.boxes.length);
    if (!same) { LG.card.hide(root); nav = null; return; }
    root.cardFor = same;
    if (nav && nav.drawn) nav.drawn = same;
  }

  /**
   * An edit in a field whose findings are drawn: they move with the text (or hide where
   * the edit touched them) at once, instead of waiting for the next lint.
   */
  function followEdit(e) {
    if (!root || !findings.length || !e) return;
    const field = fieldOfEvent(e);
    if (!field) return;
    const now = LG.text.fieldText(field);
    const edit = timed('follow-edit', () => LG.shift.editOf(field.text, now.text));
    field.text = now.text;
    field.segments = now.segments;
    findings = LG.shift.apply(findings, (f) => fieldFor(f) === field, edit);
    // Measured in the next frame, all at once (several key presses in one frame draw once).
    // A large text's own edit already takes the browser a long frame: its boxes after the
    // edit are taken away now and measured once the seller pauses (drawLate), never in a
    // frame that also has a key press.
    if (now.text.length > LG.highlight.LARGE) {
      if (edit) drawn = LG.highlight.hideAfter(root, drawn, field, edit.at);
      quietAt = performance.now() + QUIET_MS;
      return drawLate();
    }
    if (followQueued) return;
    followQueued = true;
    requestAnimationFrame(() => {
      followQueued = false;
      if (root && scan) drawn = timed('follow-draw', () => LG.highlight.draw(root, findings, fieldFor));
    });
  }
  let followQueued = false;

  /**
   * A scroll or resize, on the next frame: boxes redrawn where the words now are. Those
   * of a large field are hidden instead (a write, nothing measured in that frame, whose
   * layout and painting of the large text are the browser's own cost) and drawn again
   * once it is painted: while such a field keeps scrolling, its boxes are hidden.
   */
  function onLayout() {
    if (!root || !scan || !findings.length) return;
    const large = scan.fields.filter((f) => (f.text || '').length > LG.highlight.LARGE);
    if (!large.length) return relayout();
    for (const f of large) drawn = LG.highlight.hideAfter(root, drawn, f, -1);
    quietAt = performance.now() + QUIET_MS;
    drawLate();
  }

  // How long a large field must go without an edit or a scroll before its boxes are
  // measured again. Each key press in a 1 MB textarea costs the browser itself 20–50 ms
  // (its editing, layout and selection); a draw (5–25 ms: mirror layout, hit tests) in the
  // frame of one made it long. Drawing at a pause keeps every such frame the browser's own.
  const QUIET_MS = 300;
  let quietAt = 0;          // performance.now() before which no large field is measured
  let idleAfterLate = null; // the revision finish() deferred: the late draw marks it idle

  /**
   * Draws once the next frame is painted (layout clean, so measuring costs no layout of
   * its own), and not before `quietAt`: while a large field is being typed in or scrolled,
   * its boxes after the edit stay hidden (hideAfter) and nothing is measured.
   */
  function drawLate() {
    if (lateQueued) return;
    lateQueued = true;
    const go = () => {
      const wait = quietAt - performance.now();
      if (wait > 0) { setTimeout(go, wait); return; }
      LG.watch.afterPaint(() => {
        if (performance.now() < quietAt) { go(); return; } // edited again meanwhile
        lateQueued = false;
        if (!root || !scan) return;
        drawn = timed('late-draw', () => LG.highlight.draw(root, findings, fieldFor));
        keepCard();
        if (idleAfterLate !== null && idleAfterLate === revision && !inFlight && !timerPending) LG.overlay.setState(root, 'idle', findings.length);
        idleAfterLate = null;
      });
    };
    go();
  }
  let lateQueued = false;

  function onCompose(phase) {
    composing = phase === 'start';
    if (root) LG.overlay.setState(root, composing ? 'composing' : 'busy');
    if (!composing) schedule();
  }

  function disable() {
    enabled = false;
    clearTimeout(timer);
    removeRoot();
  }

  function fieldOfEvent(e) {
    const path = e.composedPath ? e.composedPath() : [e.target];
    const target = path[0];
    if (!scan || !target) return null;
    return scan.fields.find((f) => f.el === target || (f.kind === 'editable' && f.el.contains && f.el.contains(target))) || null;
  }

  // The card opens on the seller's pointer (hover or click on a highlight) or keyboard,
  // never merely because the caret entered a flagged word; a click on a highlight opens it.
  function onCaret(e) {
    // Focus moving to another field re-places (or closes) a card that would cover it,
    // whoever moved it: closing or moving our card is safe on any event.
    if (e.type === 'focusin' && root && root.cardFor) LG.card.onFocusChange(root, cardContext);
    if (!e.isTrusted) return;
    if (e.type === 'mouseup' && root && drawn.length) onPointer(e, e.target && e.target.ownerDocument || document);
  }

  let pointerQueued = null;
  function onPointer(e, doc) {
    if (!e.isTrusted) return;
    if (!root || !drawn.length) return;
    if (pointerQueued) { pointerQueued = e; return; }
    pointerQueued = e;
    requestAnimationFrame(() => {
      const ev = pointerQueued;
      pointerQueued = null;
      let x = ev.clientX, y = ev.clientY;
      const frame = doc.defaultView && doc.defaultView.frameElement;
      if (frame && doc !== document) {
        const r = frame.getBoundingClientRect();
        x += r.left + frame.clientLeft;
        y += r.top + frame.clientTop;
      }
      const px = x + window.scrollX, py = y + window.scrollY;
      const hit = LG.card.hitTest(drawn, px, py);
      if (hit) { if (!root.cardFor || root.cardFor.finding !== hit.finding) LG.card.show(root, hit, cardContext); return; }
      // A card opened by keyboard stays until Esc; one opened by the pointer goes when the
      // pointer leaves the highlight, the card and the way between them.
      if (root.cardFor && !nav && !overCard(x, y)) LG.card.hide(root);
    });
  }

  function overCard(x, y) {
    const r = root.card.getBoundingClientRect();
    let { left, right, top, bottom } = r;
    const b = root.cardFor && root.cardFor.boxes[0];
    if (b) {
      const bl = b.left - window.scrollX, bt = b.top - window.scrollY;
      left = Math.min(left, bl); right = Math.max(right, bl + b.width);
      top = Math.min(top, bt); bottom = Math.max(bottom, bt + b.height);
    }
    return x >= left - 6 && x <= right + 6 && y >= top - 6 && y <= bottom + 6;
  }

  /** Applies fix `i` of a drawn finding (a trusted click or key press of the seller's). */
  function applyFix(d, i) {
    const fix = d.finding.fixes && d.finding.fixes[i];
    if (!fix || !d.field.el.isConnected) return false;
    LG.card.hide(root);
    nav = null;
    applying = true;
    let ok = false;
    try {
      ok = LG.apply.apply(d.field, fix, d.field.text.slice(fix.start, fix.end));
    } finally {
      applying = false;
    }
    if (!ok) console.warn('Listing Guard: the fix could not be applied; the text changed since it was checked.');
    else api.runtime.sendMessage({ type: 'log', event: 'fixed', rules: [d.finding.rule], text: d.finding.text, replacement: fix.replacement }).catch(() => {});
    schedule();
    return ok;
  }

  const cardContext = {
    page,
    marketplace: () => LG.sites.marketplaceFor(document, LG.flags),
    applyFix,
    settingsOp: (op) => api.runtime.sendMessage({ type: 'settings-op', ...op }).catch(() => {}),
  };

  /** Drawn findings in reading order: field by field, then by position. */
  function ordered() {
    const pos = new Map(scan ? scan.fields.map((f, i) => [f, i]) : []);
    return drawn.filter((d) => d.boxes.length).slice().sort((a, b) => (pos.get(a.field) - pos.get(b.field))
      || (a.finding.start_utf16 - b.finding.start_utf16));
  }

  function selectFinding(d) {
    const f = d.finding;
    const whole = f.start_utf16 === f.end_utf16;
    const end = whole ? (d.field.text || '').length : f.end_utf16;
    LG.apply.select(d.field, whole ? 0 : f.start_utf16, end);
  }

  function step(dir) {
    const list = ordered();
    if (!list.length) return;
    if (!nav) nav = { index: dir > 0 ? -1 : list.length, origin: LG.apply.saveFocus() };
    nav.index = (nav.index + dir + list.length) % list.length;
    const d = list[nav.index];
    nav.drawn = d;
    selectFinding(d);
    relayout();
    const again = drawn.find((x) => x.finding === d.finding) || d;
    LG.card.show(root, again, cardContext);
  }

  function focusCard() {
    const first = root.card.querySelector('button');
    if (!first) return false;
    if (!nav) nav = { index: -1, origin: LG.apply.saveFocus() };
    first.focus();
    return true;
  }

  /** The finding the caret or selection is in, in the focused field. */
  function atCaret() {
    const saved = LG.apply.saveFocus();
    if (!saved) return null;
    return drawn.find((d) => d.field.el === saved.el && saved.start !== undefined
      && saved.start >= d.finding.start_utf16 && saved.start <= d.finding.end_utf16 && d.finding.start_utf16 !== d.finding.end_utf16) || null;
  }

  // Alt+Shift+J / K: next / previous finding (its words selected, its card opened);
  // Enter right after: focus into the card (Enter again presses its first button);
  // Alt+Shift+A: apply the first fix of the open card or of the finding at the caret;
  // Alt+Shift+G: focus into the open card; Esc: close, focus and caret back where they were.
  function onKey(e) {
    if (!e.isTrusted || !root || !enabled) return;
    const open = !root.card.hidden;
    const combo = e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey;
    const take = () => { e.preventDefault(); e.stopPropagation(); };
    if (combo && (e.code === 'KeyJ' || e.code === 'KeyK')) { take(); step(e.code === 'KeyJ' ? 1 : -1); return; }
    if (combo && e.code === 'KeyA') {
      const d = (open && root.cardFor) || atCaret();
      if (d && d.finding.fixes && d.finding.fixes.length) { take(); applyFix(d, 0); }
      return;
    }
    if (combo && e.code === 'KeyG' && open) { take(); focusCard(); return; }
    if (e.key === 'Escape' && open) {
      take();
      LG.card.hide(root);
      const inCard = root.shadow.activeElement;
      if (nav && nav.origin) LG.apply.restoreFocus(nav.origin);
      else if (inCard) inCard.blur();
      nav = null;
      return;
    }
    if (e.key === 'Enter' && open && nav && nav.drawn && root.cardFor && !root.shadow.activeElement) {
      take();
      focusCard();
      return;
    }
    // Any other key while navigating ends navigation (the seller types on).
    if (nav && !root.shadow.activeElement && !['Shift', 'Alt', 'Control', 'Meta'].includes(e.key)) nav = null;
  }

  const watcher = LG.watch.createWatcher({
    // Typing closes the card (it stays out of the way); other edits keep it on its finding.
    // Drawn findings move with the text at once (followEdit), before the next lint.
    onEdit: (kind, e) => {
      if (kind === 'input' && root && root.cardFor && !applying && !(root.shadow.activeElement)) { LG.card.hide(root); nav = null; }
      if (kind === 'input') followEdit(e);
      schedule();
    },
    onLayout,
    onCaret,
    onPointer,
    onCompose,
    onKey,
    isOurs,
    isRelevant: (r) => LG.busy.relevant(r, scan ? scan.fields : []),
  });

  LG.submit.watchSubmits(document, () => ({
    on: beforeSubmit && enabled,
    root,
    blocks: drawn.filter((d) => d.finding.severity === 'block'),
  }), (d) => {
    d.field.el.focus();
    if (d.field.kind !== 'editable') d.field.el.setSelectionRange(d.finding.start_utf16, d.finding.end_utf16);
  });

  // The popup lists this tab's findings and can go to one or fix it. Only the
  // extension's own pages may ask (never a page, never another tab's content script).
  const keyOf = (f) => `${f.rule}|${f.field}|${f.index}|${f.start_utf16}|${f.end_utf16}`;
  api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
    if (!msg || typeof msg.type !== 'string' || !msg.type.startsWith('lg-')) return false;
    const ours = api.runtime.getURL('');
    if (sender.id !== api.runtime.id || typeof sender.url !== 'string' || !sender.url.startsWith(ours)) return false;
    if (msg.type === 'lg-findings') {
      sendResponse({ ok: true, findings: ordered().map((d) => ({ key: keyOf(d.finding), rule: d.finding.rule,
        severity: d.finding.severity, field: d.finding.field, index: d.finding.index, name: d.field.name || '',
        text: d.finding.text, message: d.finding.message, fixes: (d.finding.fixes || []).map((x) => ({ label: x.label })) })) });
      return false;
    }
    const d = drawn.find((x) => keyOf(x.finding) === msg.key);
    if (!d) { sendResponse({ ok: false, error: 'gone' }); return false; }
    if (msg.type === 'lg-goto') {
      const origin = LG.apply.saveFocus();
      selectFinding(d);
      const el = d.field.frame || d.field.el;
      if (el.scrollIntoView) el.scrollIntoView({ block: 'center' });
      relayout();
      const again = drawn.find((x) => keyOf(x.finding) === msg.key) || d;
      LG.card.show(root, again, cardContext);
      nav = { index: -1, drawn: again, origin };
      sendResponse({ ok: true });
    } else if (msg.type === 'lg-fix' && Number.isInteger(msg.fix)) {
      sendResponse({ ok: applyFix(d, msg.fix) });
    } else {
      sendResponse({ ok: false, error: 'unknown' });
    }
    return false;
  });

  /** Whether the seller left Listing Guard on for this site (settings of any schema). */
  function siteOn(s) {
    const site = s && s.sites && s.sites[host];
    return !(site === false || (site && site.enabled === false));
  }

  api.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !changes.settings) return;
    const on = siteOn(changes.settings.newValue);
    if (!on) return disable();
    settingsGen += 1;
    if (!enabled) { enabled = true; warnedError = false; }
    schedule();
  });

  api.storage.local.get('settings').then((got) => {
    if (!siteOn(got.settings)) { enabled = false; return; }
    schedule();
  }, () => schedule());
})();
