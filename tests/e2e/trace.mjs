// A Chromium performance trace of one step of a spec (CDP Tracing), read down to what the
// page's longest animation frame spent its time on: the page renderer's main-thread
// events inside that frame by self time (layout, paint, editing, V8 execution, garbage
// collection), its top-level tasks, and every GC event of the frame on any thread of the
// renderer. For finding out what a long frame is, not for asserting anything: the specs
// print it when LG_TRACE=1 is set. Chromium only (drv.cdpSession).

const CATEGORIES = ['devtools.timeline', 'toplevel', 'blink.user_timing', 'v8.execute', 'disabled-by-default-v8.gc'];

/** Starts tracing the current tab; `stop()` ends it and resolves to the trace events. */
export async function startTrace(drv) {
  const cdp = await drv.cdpSession();
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' } });
  // A mark at a known performance.now() of the page: trace time = page time + offset.
  await drv.eval(`(performance.mark('lg-trace-zero'), true)`);
  return {
    async stop() {
      const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await done;
      await cdp.detach().catch(() => {});
      return events;
    },
  };
}

/** The page renderer's main thread: its spans (complete and begin/end events) and the page-time offset. */
function mainThread(events) {
  const zero = events.find((e) => e.name === 'lg-trace-zero' && e.cat && e.cat.includes('user_timing'));
  if (!zero) return { note: 'no lg-trace-zero mark in the trace' };
  const pid = zero.pid;
  const zeroPage = zero.args && zero.args.data && Number.isFinite(zero.args.data.startTime) ? zero.args.data.startTime : null;
  if (zeroPage === null) return { note: 'the mark carries no page time' };
  const threads = new Map(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid).map((e) => [e.tid, e.args.name]));
  const main = [...threads].find(([, n]) => n === 'CrRendererMain');
  if (!main) return { note: 'no CrRendererMain thread for the page' };
  const tid = main[0];
  const spans = [];
  const open = [];
  for (const e of events.filter((x) => x.pid === pid && x.tid === tid).sort((x, y) => x.ts - y.ts)) {
    if (e.ph === 'X' && e.dur !== undefined) spans.push({ name: nameOf(e), url: urlOf(e), ts: e.ts, end: e.ts + e.dur, cpu: e.tdur });
    else if (e.ph === 'B') open.push(e);
    else if (e.ph === 'E') { const s = open.pop(); if (s) spans.push({ name: nameOf(s), url: urlOf(s), ts: s.ts, end: e.ts }); }
  }
  spans.sort((x, y) => x.ts - y.ts || y.end - x.end);
  // Trace time (µs) = page time (ms) × 1000 + offset.
  return { pid, tid, threads, spans, offset: zero.ts - zeroPage * 1000 };
}

const ms = (us) => (us / 1000).toFixed(1);
const list = (m, n = 12) => [...m].sort((x, y) => y[1] - x[1]).filter(([, v]) => v >= 300).slice(0, n).map(([k, v]) => `${k} ${ms(v)}`).join(', ');

/** One task: its length, the first script it ran, and what it spent its own time on. */
function describeTask(t, spans, a) {
  const within = spans.filter((s) => s.ts >= t.ts && s.end <= t.end);
  const script = within.find((s) => s.name.startsWith('FunctionCall'));
  // Wall time, and the thread's own CPU time where the trace has it (the rest: waiting for a core).
  const cpu = t.cpu !== undefined ? `, cpu ${ms(t.cpu)}` : '';
  return `[task @${ms(t.ts - a)} ${ms(t.end - t.ts)} ms${cpu}${script ? ` (${script.name})` : ''}: ${list(selfTimes(within))}]`;
}

/**
 * What the page's main thread did in [start, start + duration) (page milliseconds, a
 * long-animation-frame entry's own): {busy, tasks, self, gc, note} as printable strings.
 */
export function frameBreakdown(events, start, duration) {
  const m = mainThread(events);
  if (m.note) return m;
  const a = start * 1000 + m.offset, b = (start + duration) * 1000 + m.offset;
  const inside = m.spans.filter((s) => s.end > a && s.ts < b).map((s) => ({ ...s, ts: Math.max(s.ts, a), end: Math.min(s.end, b) }));
  const top = topLevel(inside);
  const busy = top.reduce((n, s) => n + s.end - s.ts, 0);
  const gc = events.filter((e) => e.pid === m.pid && /(^|[^a-z])GC|Scavenge|MarkCompact|Sweep/.test(e.name) && e.ph === 'X'
    && e.ts < b && e.ts + (e.dur || 0) > a && (e.dur || 0) >= 500 && !/^V8\.GC_MC_(BACKGROUND|INCREMENTAL_)/.test(e.name))
    .map((e) => `${m.threads.get(e.tid) || e.tid}:${e.name} ${ms(e.dur)}`);
  // Other threads of the browser (any process) busy in the frame: competing for the cores.
  const names = new Map(events.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args.name]));
  const others = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur || (e.pid === m.pid && e.tid === m.tid) || e.ts >= b || e.ts + e.dur <= a || !/RunTask|ThreadControllerImpl/.test(e.name)) continue;
    const k = `${e.pid === m.pid ? 'page' : `pid ${e.pid}`} ${names.get(`${e.pid}:${e.tid}`) || e.tid}`;
    others.set(k, (others.get(k) || 0) + Math.min(e.ts + e.dur, b) - Math.max(e.ts, a));
  }
  return {
    others: list(others, 6) || 'none',
    busy: `main thread busy ${ms(busy)} of ${duration.toFixed(0)} ms, on a core ${ms(top.reduce((n, s) => n + (s.cpu || 0), 0))} ms (top-level tasks: ${top.length})`,
    tasks: top.filter((t) => t.end - t.ts >= 2000).map((t) => describeTask(t, inside, a)).join(' ') || 'none ≥ 2 ms',
    self: list(selfTimes(inside)),
    gc: gc.join('; ') || 'none ≥ 0.5 ms',
  };
}

/** The top-level tasks of the whole trace of `minMs` or more that ran a script whose address contains `part`. */
export function scriptTasks(events, part, minMs = 5) {
  const m = mainThread(events);
  if (m.note) return m.note;
  const a = m.offset;
  return topLevel(m.spans).filter((t) => t.end - t.ts >= minMs * 1000
    && m.spans.some((s) => s.ts >= t.ts && s.end <= t.end && s.url && s.url.includes(part)))
    .map((t) => describeTask(t, m.spans, a).replace('@', '@page ')).join(' ') || `none ≥ ${minMs} ms`;
}

/** Self time by event name: each span's time less that of the spans nested in it (sorted by start). */
function selfTimes(sorted) {
  const self = new Map();
  const stack = [];
  const close = (upTo) => {
    while (stack.length && stack[stack.length - 1].end <= upTo) {
      const s = stack.pop();
      self.set(s.name, (self.get(s.name) || 0) + (s.end - s.ts - s.child));
    }
  };
  for (const s of sorted) {
    close(s.ts);
    const parent = stack[stack.length - 1];
    if (parent) parent.child += Math.min(s.end, parent.end) - s.ts;
    stack.push({ ...s, child: 0 });
  }
  close(Infinity);
  return self;
}

const urlOf = (e) => (e.args && e.args.data && e.args.data.url) || '';
const nameOf = (e) => {
  const d = e.args && (e.args.data || e.args.src_func && e.args);
  if (e.name === 'FunctionCall' && d && d.functionName) return `FunctionCall ${d.functionName} ${(d.url || '').split('/').pop()}`;
  if ((e.name === 'EventDispatch') && d && d.type) return `EventDispatch ${d.type}`;
  if (e.name === 'ThreadControllerImpl::RunTask' && e.args && e.args.src_func) return `RunTask ${e.args.src_file ? e.args.src_file.split('/').pop() : ''}:${e.args.src_func}`;
  return e.name;
};

/** The outermost spans (not nested in another). */
function topLevel(sorted) {
  const out = [];
  let end = -Infinity;
  for (const s of sorted) if (s.ts >= end) { out.push(s); end = s.end; }
  return out;
}
