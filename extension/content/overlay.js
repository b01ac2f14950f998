// <listing-guard-root>: one per document, holding every highlight in its own shadow
// root (closed when shipped, open in the test build) so page styles cannot reach in and ours cannot leak out. Its data-state
// (busy|idle) and data-findings attributes are the contract tests wait on.
'use strict';
(() => {
  const CSS = `
    :host { all: initial; position: absolute; top: 0; left: 0; width: 0; height: 0;
            z-index: 2147483646; pointer-events: none; }
    .finding { position: absolute; top: 0; left: 0; }
    .box { position: absolute; border-bottom: 2px solid; box-sizing: border-box; border-radius: 1px; }
    .block .box { border-color: #d32f2f; background: rgba(211, 47, 47, .14); }
    .warn .box { border-color: #e08600; background: rgba(240, 160, 0, .16); }
    .info .box { border-color: #1e6fd9; background: rgba(30, 111, 217, .10); border-bottom-style: dotted; }
    .marker .box { border: 0; border-radius: 50%; width: 10px; height: 10px; }
    .block.marker .box { background: #d32f2f; } .warn.marker .box { background: #e08600; }
    .info.marker .box { background: #1e6fd9; }
    .mirrors { position: fixed; left: 0; top: 0; width: 0; height: 0; overflow: hidden; contain: strict;
               visibility: hidden; pointer-events: none; }
    .mirror { position: absolute; left: 0; top: 0; margin: 0; border: 0; }
    .card { position: absolute; pointer-events: auto; max-width: 360px; min-width: 220px; padding: 10px 12px;
            font: 13px/1.45 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", sans-serif;
            color: #1d1d1f; background: #fff; border: 1px solid #c9c9cf; border-radius: 8px;
            box-shadow: 0 6px 24px rgba(0,0,0,.18); }
    .card[hidden] { display: none; }
    .card .sev { font-weight: 600; text-transform: uppercase; font-size: 11px; letter-spacing: .04em; }
    .card .sev.block { color: #c62828; } .card .sev.warn { color: #a15c00; } .card .sev.info { color: #1a5fb4; }
    .card .msg { margin: 4px 0 6px; }
    .card .fix { display: flex; align-items: center; gap: 8px; margin: 6px 0; padding: 6px 8px;
                 border-radius: 6px; background: #f0f6ee; }
    .card .preview { flex: 1; min-width: 0; overflow-wrap: anywhere; }
    .card .preview del { color: #b3261e; background: rgba(211, 47, 47, .12); }
    .card .preview ins { color: #1b6e2a; text-decoration: none; font-weight: 600; }
    .card .preview .arrow { color: #5f5f66; }
    .card button.apply { background: #1b6e2a; border-color: #1b6e2a; color: #fff; font-weight: 600; }
    .card .consequence { margin: 4px 0; font-weight: 600; }
    .card .instead { margin: 4px 0 6px; }
    .card .proof { margin: 4px 0 6px; padding: 4px 8px; border-left: 3px solid #1a5fb4; background: #eef3fb; }
    .card .meta { color: #5f5f66; font-size: 12px; }
    .card a { color: #1a5fb4; }
    .card .actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; }
    .card button { font: inherit; font-size: 12px; padding: 3px 8px; border-radius: 5px; cursor: pointer;
                   border: 1px solid #b9b9c0; background: #f5f5f7; color: inherit; }
    .card button:focus-visible { outline: 2px solid #1a5fb4; outline-offset: 1px; }
    @media (prefers-color-scheme: dark) {
      .card { color: #eee; background: #26262b; border-color: #4a4a52; }
      .card .meta { color: #aaa; } .card a { color: #8ab4f8; }
      .card button { background: #34343a; border-color: #55555d; }
      .card .fix { background: #1f2d22; }
      .card .proof { background: #1f2633; border-left-color: #8ab4f8; }
      .card .preview del { color: #ff8a80; } .card .preview ins { color: #8fd19e; }
      .card button.apply { background: #2e7d32; border-color: #2e7d32; color: #fff; }
    }`;

  /**
   * The host element and its shadow root. The element is made in an inert document (no
   * custom-element registry) and its shadow root attached there, so a page that defined
   * `listing-guard-root` as its own element cannot run its constructor first, take the
   * shadow root or disable it; once inserted, its class may upgrade the element, but the
   * shadow root is ours (an upgrade that calls attachShadow fails) and our content scripts
   * see the element through their own world, not the page's prototype. The shadow root is
   * closed in the shipped build (the page cannot read the seller's findings, own words or
   * brands from it) and open in the test build, whose harness reads the DOM contract.
   */
  function createHost(doc) {
    const inert = doc.implementation.createHTMLDocument('');
    const host = inert.createElement('listing-guard-root');
    const open = Boolean(ListingGuard.flags && ListingGuard.flags.test);
    const shadow = host.attachShadow({ mode: open ? 'open' : 'closed' });
    return { host: doc.adoptNode(host), shadow };
  }

  function create(doc) {
    const { host, shadow } = createHost(doc);
    doc.documentElement.append(host);
    try {
      const sheet = new (doc.defaultView.CSSStyleSheet)();
      sheet.replaceSync(CSS);
      shadow.adoptedStyleSheets = [sheet];
    } catch (e) {
      // Constructable sheets are not subject to the page's CSP; an old engine without
      // them gets a <style> element, which a strict style-src may block.
      const style = doc.createElement('style');
      style.textContent = CSS;
      shadow.append(style);
    }
    const layer = doc.createElement('div');
    const card = doc.createElement('div');
    card.className = 'card';
    card.hidden = true;
    card.setAttribute('role', 'dialog');
    card.setAttribute('aria-live', 'polite');
    // Mirrors of inputs and textareas (mirror.js): fixed in a box of no size that clips,
    // so however wide or long, they never add to the page's scrollable area (RTL pages).
    const mirrorHost = doc.createElement('div');
    mirrorHost.className = 'mirrors';
    shadow.append(mirrorHost, layer, card);
    host.dataset.state = 'busy';
    host.dataset.findings = '0';
    return { host, shadow, layer, card, mirrorHost };
  }

  function setState(root, state, count) {
    root.host.dataset.state = state;
    if (count !== undefined) root.host.dataset.findings = String(count);
  }

  const overlay = { create, setState };
  if (typeof ListingGuard !== 'undefined') ListingGuard.overlay = overlay;
})();
