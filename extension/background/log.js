// The record of checks (off by default): what was checked on which listing page, what
// was found, fixed, ignored or submitted anyway, kept on this machine as evidence for an
// appeal. Bounded (the oldest entries go first), exported as CSV or JSON from the
// settings page, cleared there. Stored under its own key, apart from the settings
// document; writes are serialised.
'use strict';
const LGLog = (() => {
  const api = globalThis.browser ?? globalThis.chrome;
  const KEY = 'checkLog';
  const MAX_ENTRIES = 1000;
  const EVENTS = ['checked', 'fixed', 'ignored', 'submitted-anyway'];
  let chain = Promise.resolve();
  const last = new Map(); // page → summary of its last "checked" entry (this session)
  // Whether the log is on, known after the first read: every lint asks, and reading the
  // whole log (up to MAX_ENTRIES) on each keystroke to learn it is off would be waste.
  // Only this background writes the key, so the flag follows every write here.
  let on = null;

  async function read() {
    const got = (await api.storage.local.get(KEY))[KEY];
    const ok = got && typeof got === 'object' && Array.isArray(got.entries);
    return ok ? { on: got.on === true, entries: got.entries } : { on: false, entries: [] };
  }

  function write(change) {
    chain = chain.then(async () => {
      const doc = await read();
      const next = change(doc) || doc;
      if (next.entries.length > MAX_ENTRIES) next.entries = next.entries.slice(-MAX_ENTRIES);
      await api.storage.local.set({ [KEY]: next });
      on = next.on;
    });
    return chain;
  }

  const clip = (s, n) => String(s === undefined || s === null ? '' : s).slice(0, n);

  /** One entry, its fields checked and bounded. */
  function entry(e) {
    if (!EVENTS.includes(e.event)) throw new Error(`unknown log event ${e.event}`);
    const rules = Array.isArray(e.rules) ? e.rules.slice(0, 50).map((r) => clip(r, 120)) : [];
    return { time: new Date().toISOString(), page: clip(e.page, 300), event: e.event, rules,
      text: clip(e.text, 300), replacement: clip(e.replacement, 300), note: clip(e.note, 300) };
  }

  /** Records an event when the log is on; nothing otherwise. */
  async function add(e) {
    if (on === null) on = (await read()).on;
    if (!on) return false;
    const item = entry(e);
    if (item.event === 'checked') {
      const summary = item.rules.slice().sort().join(' ');
      if (last.get(item.page) === summary) return false;
      last.set(item.page, summary);
    }
    await write((d) => { d.entries.push(item); });
    return true;
  }

  const setOn = (on) => write((d) => { d.on = Boolean(on); });
  const clear = () => { last.clear(); return write((d) => { d.entries = []; }); };

  const COLUMNS = ['time', 'page', 'event', 'rules', 'text', 'replacement', 'note'];
  /** CSV with a header; a cell that a spreadsheet would read as a formula is quoted as text. */
  function csv(entries) {
    const cell = (v) => {
      let s = Array.isArray(v) ? v.join(' ') : String(v);
      if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
      return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    };
    return `${[COLUMNS.join(','), ...entries.map((e) => COLUMNS.map((c) => cell(e[c] ?? '')).join(','))].join('\r\n')}\r\n`;
  }

  return { read, add, setOn, clear, csv, EVENTS, MAX_ENTRIES };
})();
if (typeof module !== 'undefined') module.exports = LGLog;
