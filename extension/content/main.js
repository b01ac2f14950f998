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
  let lastLinted = null;    // the listing (and settings generation) of the last answer
  let settingsGen = 0;

  const isOurs = (node) => Boolean(root && node && (node === root.host || root.host.contains(node)));

  function ensureRoot() {
    if (!root || !root.host.isConnected) {
      root = LG.overlay.create(document);
      root.again = () => watcher.layout();
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
    scan = collect();
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
    const signature = `${settingsGen}\u0000${marketplace}\u0000${JSON.stringify(scan.listing)}`;
    if (signature === lastLinted) return finish(rev);
    inFlight = true;
    let reply;
    try {
      reply = await api.runtime.sendMessage({
        type: 'lint', listing: scan.listing, marketplace, host, page: page(),
      });
    } catch (e) {
      reply = { ok: false, error: String(e && e.message || e) };
    } finally {
      inFlight = false;
    }
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
      lastLinted = signature;
      beforeSubmit = Boolean(reply.beforeSubmit);
      if (reply.packError && !warnedError) { console.warn('Listing Guard: a rule pack was refused:', reply.packError); warnedError = true; }
    }
    finish(rev);
  }

  function finish(rev) {
    if (!root || rev !== revision) return;
    drawn = LG.highlight.draw(root, findings, fieldFor);
    if (root.cardFor) LG.card.hide(root);
    LG.overlay.setState(root, 'idle', findings.length);
  }

  function relayout() {
    if (!root || !scan || !findings.length) return;
    drawn = LG.highlight.draw(root, findings, fieldFor);
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
    const edit = LG.shift.editOf(field.text, now.text);
    field.text = now.text;
    field.segments = now.segments;
    findings = LG.shift.apply(findings, (f) => fieldFor(f) === field, edit);
    drawn = LG.highlight.draw(root, findings, fieldFor);
  }

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

  function onCaret(e) {
    if (!e.isTrusted) return;
    if (!root || !drawn.length) return;
    const field = fieldOfEvent(e);
    if (!field || (field.kind !== 'input' && field.kind !== 'textarea')) return;
    const d = LG.card.atCaret(drawn, field.el, field.el.selectionStart);
    if (d) LG.card.show(root, d, cardContext);
    else if (root.cardFor && root.cardFor.field === field) LG.card.hide(root);
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
      if (hit) { if (root.cardFor !== hit) LG.card.show(root, hit, cardContext); return; }
      if (root.cardFor && !overCard(x, y)) LG.card.hide(root);
    });
  }

  function overCard(x, y) {
    const r = root.card.getBoundingClientRect();
    return x >= r.left - 6 && x <= r.right + 6 && y >= r.top - 12 && y <= r.bottom + 6;
  }

  const cardContext = {
    page,
    settingsOp: (op) => api.runtime.sendMessage({ type: 'settings-op', ...op }).catch(() => {}),
  };

  const watcher = LG.watch.createWatcher({
    onEdit: (kind, e) => { if (kind === 'input') followEdit(e); schedule(); },
    onLayout: relayout,
    onCaret,
    onPointer,
    onCompose,
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

  document.addEventListener('keydown', (e) => {
    if (!e.isTrusted) return;
    if (!root || root.card.hidden) return;
    if (e.key === 'Escape') { LG.card.hide(root); return; }
    if (e.altKey && e.shiftKey && (e.code === 'KeyG')) {
      const first = root.card.querySelector('button');
      if (first) { e.preventDefault(); first.focus(); }
    }
  }, true);

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
