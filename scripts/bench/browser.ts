// The benchmark's browser: the e2e harness's headless Chromium plus precise memory figures and
// gc(), and a DevTools connection to the page's dedicated workers (the import runs in one), so
// heap, garbage collection and CPU profiles cover the worker as well as the page.
import { type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { launchBrowser, VIEWPORTS } from '../../test/e2e/harness';
import { BARE_INIT, serveBareECharts } from './bare';
import { cpuSince, type CpuTimes } from './stats';

export type { CpuTimes };

export async function launchBenchBrowser(): Promise<Browser> {
  // Unbucketed performance.memory, and gc() for steady-state figures.
  return launchBrowser(['--enable-precise-memory-info', '--js-flags=--expose-gc']);
}

/** Collects performance marks and main-thread long tasks from the first script on. */
export const INIT_SCRIPT = `(() => {
  const b = { marks: [], longTasks: [], clicks: [] };
  window.__bench = b;${BARE_INIT}
  new PerformanceObserver((l) => { for (const e of l.getEntries()) b.marks.push({ name: e.name, t: e.startTime }); })
    .observe({ type: 'mark', buffered: true });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) b.longTasks.push({ t: e.startTime, d: e.duration }); })
    .observe({ type: 'longtask', buffered: true });
  // When a button was pressed, so the time the bench takes to react is not counted as the app's.
  addEventListener('click', (e) => { b.clicks.push({ t: performance.now(), text: (e.target && e.target.textContent) || '' }); }, true);
  // One filter change, timed in the page: from just before the input's change event to the first
  // frame after every chart has finished (the 'dashboard:charts-finished' mark).
  b.spinMark = () => { const end = performance.now() + 1; while (performance.now() < end); };
  b.filterChange = (selector, value, markName) => new Promise((resolve, reject) => {
    const el = document.querySelector(selector);
    if (!el) return reject(new Error('no ' + selector));
    // While profiling (filters.ts --profile), a 1 ms spin just before the clock starts marks the
    // change in the profile, whose clock is not the page's.
    if (b.spinBeforeChange) b.spinMark();
    // While tracing (filters.ts --trace), a mark, so that the trace finds the change on its own
    // clock; otherwise nothing the app's figure would carry.
    const t0 = b.markChanges ? performance.mark('bench:change').startTime : performance.now();
    if (el instanceof HTMLSelectElement) el.value = value; else el.checked = true;
    el.dispatchEvent(new Event('change', { bubbles: true }));
    const deadline = t0 + 10000;
    const frame = () => {
      // The last chart to finish before this frame (each chart drawn in turn sets the mark).
      const done = performance.getEntriesByName(markName).filter((e) => e.startTime > t0).at(-1);
      if (done) resolve({ t0, ms: performance.now() - t0, chartsMs: done.startTime - t0 });
      else if (performance.now() > deadline) reject(new Error(selector + '=' + value + ': charts did not finish within 10 s'));
      else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
})();`;

export interface BenchWindow {
  marks: Array<{ name: string; t: number }>;
  longTasks: Array<{ t: number; d: number }>;
  clicks: Array<{ t: number; text: string }>;
}

export type LongTask = BenchWindow['longTasks'][number];

/** The long tasks that overlap (from, to), page clock. */
export function tasksIn(tasks: readonly LongTask[], from: number, to = Infinity): LongTask[] {
  return tasks.filter((l) => l.t + l.d > from && l.t < to);
}

/** The longest of the long tasks that overlap (from, to); 0 when none. */
export function longestIn(tasks: readonly LongTask[], from: number, to = Infinity): number {
  return Math.max(0, ...tasksIn(tasks, from, to).map((l) => l.d));
}

/**
 * A fresh context (empty storage) with the marks collector installed, the app's origin only (and
 * bare ECharts for the baseline, bare.ts, served on it).
 */
export async function newBenchContext(browser: Browser, origin: string): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: VIEWPORTS.desktop,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    serviceWorkers: 'block',
  });
  await context.addInitScript(INIT_SCRIPT);
  await context.route(
    (url) => url.origin !== origin && url.protocol !== 'data:' && url.protocol !== 'blob:',
    (r) => r.abort('blockedbyclient'),
  );
  await serveBareECharts(context, origin);
  return context;
}

export async function benchState(page: Page): Promise<BenchWindow> {
  return page.evaluate(() => (window as unknown as { __bench: BenchWindow }).__bench);
}

interface HeapUsage {
  usedSize: number;
  totalSize: number;
  backingStorageSize?: number;
}

/** A DevTools session with one target (the page, or one of its workers). */
export interface TargetSession {
  send<T = unknown>(method: string, params?: Record<string, unknown>): Promise<T>;
  on(event: string, handler: (params: Record<string, unknown>) => void): void;
}

function pageSession(cdp: CDPSession): TargetSession {
  return {
    send: <T>(method: string, params?: Record<string, unknown>) =>
      cdp.send(method as never, params as never) as Promise<T>,
    on: (event, handler) => cdp.on(event as never, handler as never),
  };
}

/**
 * Sessions with dedicated workers through the browser's own DevTools session. Workers answer
 * Runtime.getHeapUsage even in the middle of a long task (the inspector interrupts V8), so the
 * heap can be sampled while the worker parses.
 */
export class WorkerSessions {
  private seq = 0;
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  private readonly listeners = new Map<string, Array<(p: Record<string, unknown>) => void>>();
  private readonly attached = new Map<string, string>();

  private constructor(private readonly browserCdp: CDPSession) {
    browserCdp.on('Target.receivedMessageFromTarget', (ev: { sessionId: string; message: string }) => {
      const msg = JSON.parse(ev.message) as {
        id?: number;
        result?: unknown;
        error?: { message: string };
        method?: string;
        params?: Record<string, unknown>;
      };
      if (msg.id !== undefined) {
        const p = this.pending.get(msg.id);
        if (!p) return;
        this.pending.delete(msg.id);
        if (msg.error) p.reject(new Error(msg.error.message));
        else p.resolve(msg.result);
      } else if (msg.method) {
        for (const h of this.listeners.get(`${ev.sessionId} ${msg.method}`) ?? []) h(msg.params ?? {});
      }
    });
  }

  static async create(browser: Browser): Promise<WorkerSessions> {
    return new WorkerSessions(await browser.newBrowserCDPSession());
  }

  /** Worker targets whose URL contains `urlPart`. */
  async find(urlPart: string): Promise<Array<{ targetId: string; url: string }>> {
    const { targetInfos } = (await this.browserCdp.send('Target.getTargets')) as {
      targetInfos: Array<{ targetId: string; type: string; url: string }>;
    };
    return targetInfos.filter((t) => t.type === 'worker' && t.url.includes(urlPart));
  }

  async attach(targetId: string): Promise<TargetSession> {
    let sessionId = this.attached.get(targetId);
    if (!sessionId) {
      ({ sessionId } = (await this.browserCdp.send('Target.attachToTarget', { targetId, flatten: false })) as {
        sessionId: string;
      });
      this.attached.set(targetId, sessionId);
    }
    const sid = sessionId;
    return {
      send: <T>(method: string, params: Record<string, unknown> = {}) =>
        new Promise<T>((resolve, reject) => {
          const id = ++this.seq;
          this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
          this.browserCdp
            .send('Target.sendMessageToTarget', { sessionId: sid, message: JSON.stringify({ id, method, params }) })
            .catch(reject);
        }),
      on: (event, handler) => {
        const k = `${sid} ${event}`;
        this.listeners.set(k, [...(this.listeners.get(k) ?? []), handler]);
      },
    };
  }

  /** Waits up to `timeoutMs` for a worker whose URL contains `urlPart` and attaches to the newest. */
  async waitFor(urlPart: string, timeoutMs: number): Promise<TargetSession | null> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const found = await this.find(urlPart);
      const last = found.at(-1);
      if (last) return this.attach(last.targetId);
      if (Date.now() > until) return null;
      await sleep(20);
    }
  }
}

/**
 * The page's main-thread CPU time (DevTools' Performance metrics in thread time). On a machine
 * shared with other work, wall time includes the time the page waited for a core; CPU time does
 * not, so builds compared by it differ by their work, not by the load at the moment.
 */
export class CpuClock {
  private constructor(private readonly session: TargetSession) {}

  static async open(page: Page): Promise<CpuClock> {
    const session = await openPageSession(page);
    await session.send('Performance.enable', { timeDomain: 'threadTicks' });
    return new CpuClock(session);
  }

  async now(): Promise<CpuTimes> {
    const { metrics } = await this.session.send<{ metrics: Array<{ name: string; value: number }> }>(
      'Performance.getMetrics',
    );
    const get = (name: string): number => (metrics.find((m) => m.name === name)?.value ?? NaN) * 1000;
    return {
      thread: get('ThreadTime'),
      script: get('ScriptDuration'),
      layout: get('LayoutDuration'),
      style: get('RecalcStyleDuration'),
    };
  }

  static since = cpuSince;
}

export async function openPageSession(page: Page): Promise<TargetSession> {
  return pageSession(await page.context().newCDPSession(page));
}

export async function heapOf(session: TargetSession | null): Promise<HeapUsage | null> {
  if (!session) return null;
  try {
    return await session.send<HeapUsage>('Runtime.getHeapUsage');
  } catch {
    return null; // the worker ended
  }
}

/** Full garbage collection (twice: the first pass frees what finalizers release), then the heap. */
export async function steadyHeap(session: TargetSession | null): Promise<HeapUsage | null> {
  if (!session) return null;
  try {
    await session.send('HeapProfiler.collectGarbage');
    await session.send('HeapProfiler.collectGarbage');
    return await session.send<HeapUsage>('Runtime.getHeapUsage');
  } catch {
    return null;
  }
}

/** Samples the page's and the worker's used JS heap every `everyMs` until stopped. */
export class HeapSampler {
  peakMain = 0;
  peakWorker = 0;
  peakTotal = 0;
  peakBacking = 0;
  samples = 0;
  private running = true;
  private readonly done: Promise<void>;
  worker: TargetSession | null = null;
  /** The import worker's own worker that parses half of a big file (parse.worker.ts): counted with it. */
  parseWorker: TargetSession | null = null;

  constructor(
    private readonly main: TargetSession,
    everyMs = 50,
  ) {
    this.done = (async () => {
      while (this.running) {
        const [m, w, p] = await Promise.all([heapOf(this.main), heapOf(this.worker), heapOf(this.parseWorker)]);
        const mu = m?.usedSize ?? 0;
        const wu = (w?.usedSize ?? 0) + (p?.usedSize ?? 0);
        this.peakMain = Math.max(this.peakMain, mu);
        this.peakWorker = Math.max(this.peakWorker, wu);
        this.peakTotal = Math.max(this.peakTotal, mu + wu);
        this.peakBacking = Math.max(
          this.peakBacking,
          (m?.backingStorageSize ?? 0) + (w?.backingStorageSize ?? 0) + (p?.backingStorageSize ?? 0),
        );
        this.samples++;
        await sleep(everyMs);
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.done;
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
  startTime: number;
  endTime: number;
}

/** A profile's nodes by id, and each node's parent (the profile lists children only). */
export function profileTree(profile: CpuProfile): { byId: Map<number, ProfileNode>; parent: Map<number, number> } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  return { byId, parent };
}

export async function startProfile(session: TargetSession): Promise<void> {
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 200 });
  await session.send('Profiler.start');
}

export async function stopProfile(session: TargetSession): Promise<CpuProfile> {
  const { profile } = await session.send<{ profile: CpuProfile }>('Profiler.stop');
  return profile;
}

/** Self time per function (name, file and position), largest first. */
export function selfTimes(profile: CpuProfile, top = 25): Array<{ fn: string; ms: number; share: number }> {
  const byNode = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) byNode.set(samples[i]!, (byNode.get(samples[i]!) ?? 0) + (deltas[i] ?? 0));
  const byFn = new Map<string, number>();
  let total = 0;
  for (const n of profile.nodes) {
    const us = byNode.get(n.id) ?? 0;
    total += us;
    const f = n.callFrame;
    const file = f.url.split('/').pop() ?? '';
    const key = `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    byFn.set(key, (byFn.get(key) ?? 0) + us);
  }
  return [...byFn.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([fn, us]) => ({
      fn,
      ms: Math.round(us / 100) / 10,
      share: Math.round((us / Math.max(1, total)) * 1000) / 10,
    }));
}
