// What the page's main thread did in a Chromium trace (Playwright's browser.startTracing):
// self time per trace event (script, style, layout, paint, garbage collection, parsing) between
// two moments, and the tasks longer than a few milliseconds with what filled them. A CPU profile
// says which functions ran; the trace says how much of the rest was the browser's own work
// (style recalculation, layout, paint) that the script caused.
export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown>;
}

export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'blink.user_timing',
  'loading',
];

/** The renderer main thread with the most events (the page's; other tabs' threads have fewer). */
function mainThread(events: readonly TraceEvent[]): { pid: number; tid: number } | null {
  const names = events.filter((e) => e.ph === 'M' && e.name === 'thread_name');
  const counts = new Map<string, number>();
  for (const e of events) if (e.ph === 'X') counts.set(`${e.pid}:${e.tid}`, (counts.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
  let best: { pid: number; tid: number; n: number } | null = null;
  for (const m of names) {
    if ((m.args as { name?: string } | undefined)?.name !== 'CrRendererMain') continue;
    const n = counts.get(`${m.pid}:${m.tid}`) ?? 0;
    if (!best || n > best.n) best = { pid: m.pid, tid: m.tid, n };
  }
  return best;
}

export interface TraceSummary {
  /** Self time per event name on the main thread in the window, ms. */
  selfMs: Array<{ name: string; ms: number }>;
  /** Tasks over `longMs`: start (ms after `from`), duration and their largest parts. */
  tasks: Array<{ at: number; ms: number; parts: string }>;
  /** User timing marks in the window (ms after `from`). */
  marks: Array<{ name: string; at: number }>;
  spanMs: number;
}

/**
 * `from`/`to`: names of user timing marks (the first `from`, the last `to` after it) or trace
 * timestamps in µs; the whole trace by default.
 */
export function summarizeTrace(
  events: readonly TraceEvent[],
  opts: { from?: string | number; to?: string | number; longMs?: number } = {},
): TraceSummary {
  const main = mainThread(events);
  if (!main) return { selfMs: [], tasks: [], marks: [], spanMs: 0 };
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid);
  const marksAll = events
    .filter((e) => e.cat.includes('blink.user_timing') && (e.ph === 'R' || e.ph === 'I' || e.ph === 'n'))
    .sort((a, b) => a.ts - b.ts);
  const complete = onMain
    .filter((e) => e.ph === 'X' && typeof e.dur === 'number')
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const t0All = complete[0]?.ts ?? 0;
  const tEndAll = Math.max(0, ...complete.map((e) => e.ts + e.dur!));
  const at = (v: string | number | undefined, dflt: number, after = -Infinity, last = false): number => {
    if (v === undefined) return dflt;
    if (typeof v === 'number') return v;
    const ms = marksAll.filter((m) => m.name === v && m.ts >= after);
    const m = last ? ms.at(-1) : ms[0];
    return m ? m.ts : dflt;
  };
  const from = at(opts.from, t0All);
  const to = at(opts.to, tEndAll, from, true);
  const long = (opts.longMs ?? 8) * 1000;
  // Self time: each event's duration less that of the events nested in it.
  const self = new Map<string, number>();
  const stack: Array<{ e: TraceEvent; end: number; child: number; parts: Map<string, number> | null }> = [];
  const tasks: TraceSummary['tasks'] = [];
  const close = (upTo: number): void => {
    while (stack.length > 0 && stack.at(-1)!.end <= upTo) {
      const top = stack.pop()!;
      const s = Math.max(0, top.e.dur! - top.child);
      const inWin = top.e.ts >= from && top.e.ts <= to;
      if (inWin) self.set(top.e.name, (self.get(top.e.name) ?? 0) + s);
      // The self time goes to the enclosing task's parts too.
      const task = stack.find((x) => x.parts !== null) ?? (top.parts ? top : null);
      if (task?.parts && task !== top) task.parts.set(top.e.name, (task.parts.get(top.e.name) ?? 0) + s);
      if (top.parts) {
        top.parts.set(`${top.e.name} (self)`, (top.parts.get(`${top.e.name} (self)`) ?? 0) + s);
        if (inWin && top.e.dur! >= long) {
          const parts = [...top.parts.entries()]
            .sort((a, b) => b[1] - a[1])
            .slice(0, 5)
            .map(([n, us]) => `${n} ${(us / 1000).toFixed(1)}`)
            .join(', ');
          tasks.push({ at: (top.e.ts - from) / 1000, ms: top.e.dur! / 1000, parts });
        }
      }
    }
  };
  for (const e of complete) {
    close(e.ts);
    const parent = stack.at(-1);
    if (parent) parent.child += e.dur!;
    stack.push({ e, end: e.ts + e.dur!, child: 0, parts: stack.length === 0 ? new Map() : null });
  }
  close(Infinity);
  return {
    selfMs: [...self.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([name, us]) => ({ name, ms: Math.round(us / 100) / 10 })),
    tasks,
    marks: marksAll
      .filter((m) => m.ts >= from && m.ts <= to)
      .map((m) => ({ name: m.name, at: Math.round((m.ts - from) / 100) / 10 })),
    spanMs: Math.round((to - from) / 100) / 10,
  };
}

export function printTrace(s: TraceSummary, log: (l: string) => void, label: string, top = 16): void {
  log(`  ${label}: ${s.spanMs} ms`);
  log(
    `    main thread, self time: ${s.selfMs
      .slice(0, top)
      .map((x) => `${x.name} ${x.ms}`)
      .join(', ')}`,
  );
  for (const t of s.tasks) log(`    task at ${t.at.toFixed(1)} ms: ${t.ms.toFixed(1)} ms (${t.parts})`);
}
