// A focused benchmark of the dashboard's filter changes, quicker to repeat than `npm run bench`:
// the 20,000 records and 1,000,000 indicator rows are imported once into a browser profile kept
// in /tmp, then each run opens a view with N agencies selected (every line drawn) and times filter
// changes exactly as scripts/bench/dashboard.ts does (input event → every chart finished → a frame).
//
//   node --import tsx scripts/bench/filters.ts [--dist DIR] [--view execution] [--agencies 50,200]
//        [--runs 30] [--profile] [--setup] [--no-indicators]
//
// --dist      the build to serve (default dist/); `npx vite build --minify false --outDir DIR` names
//             functions in the profile
// --profile   CPU profile of the first agency count's changes: self and total time per function,
//             over the whole run (/tmp/filterbench.cpuprofile) and while the changes were timed
//             (/tmp/filterbench-timed.cpuprofile)
// --trace     a trace of the first agency count's changes: the main thread's self time per event
//             (script, style, layout, paint) while the changes were timed, per change (the last
//             block's trace in /tmp/filterbench-trace.json)
// --setup     import the data again (a fresh profile)
// --metrics   main-thread task, script, layout and style time per change (DevTools metrics)
// --block     changes per page load (10); builds take turns block by block
// --top       keep the default top-N lines instead of pressing "show all"; --agencies 0 selects none (all)
// --reloads N  the overview reloaded N times per build first (builds in turns)
// --browser-profile DIR  the browser profile holding the imported data (default /tmp/filterbench-profile)
// Each change is followed by the same options drawn by bare ECharts (bare.ts): the ratio is printed.
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, DIST_DIR, VIEWPORTS } from '../../test/e2e/harness';
import { loadBareECharts, replayOnBare, serveBareECharts } from './bare';
import { CpuClock, INIT_SCRIPT, profileTree, selfTimes, sleep, type CpuProfile } from './browser';
import { appStartMarks, CHARTS_FINISHED, filterChanges, phaseText } from './dashboard';
import { agencyNames, DATA_DIR, ensureBenchData } from './generate';
import { appShareMs, traceWithinChanges, withinChanges, type TimedChange } from './profileWindows';
import { TRACE_CATEGORIES, type TraceEvent } from './traceSummary';
import { fmtMs, summarize } from './stats';

const argv = process.argv.slice(2);
const opt = (name: string, dflt: string): string => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1]! : dflt;
};
const flag = (name: string): boolean => argv.includes(`--${name}`);

// Several builds (comma-separated) are measured in turns, ten changes at a time, so that other
// load on the machine falls on all of them alike.
const DISTS = opt('dist', DIST_DIR)
  .split(',')
  .map((d) => path.resolve(d));
const VIEW = opt('view', 'execution');
const COUNTS = opt('agencies', '50,200').split(',').map(Number);
const RUNS = Number(opt('runs', '30'));
const PORT = 47_311;
const PROFILE_DIR = path.resolve(opt('browser-profile', '/tmp/filterbench-profile'));
const READY = path.join(PROFILE_DIR, 'bench-data-ready');
const BASE = '/app/';

const MIME: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.csv': 'text/csv',
};
// /app/ serves the first build, /app1/ the second, and so on: one origin, one database.
const baseOf = (i: number): string => (i === 0 ? BASE : `/app${i}/`);
const server = createServer((req, res) => {
  const p = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  const i = DISTS.findIndex((_, k) => p.startsWith(baseOf(k)));
  const dist = DISTS[i];
  const rel = dist === undefined ? null : p.slice(baseOf(i).length) || 'index.html';
  const file = rel === null || dist === undefined ? null : path.join(dist, rel);
  if (!file || !dist || !file.startsWith(dist) || !existsSync(file)) return void res.writeHead(404).end();
  res
    .writeHead(200, {
      'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
    })
    .end(readFileSync(file));
});
await new Promise<void>((r) => server.listen(PORT, '127.0.0.1', r));
const ORIGIN = `http://127.0.0.1:${PORT}`;
const APP = `${ORIGIN}${BASE}`;

if (flag('setup')) rmSync(PROFILE_DIR, { recursive: true, force: true });
mkdirSync(PROFILE_DIR, { recursive: true });
const context = await chromium.launchPersistentContext(PROFILE_DIR, {
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
  viewport: VIEWPORTS.desktop,
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
  serviceWorkers: 'block',
});
await context.addInitScript(INIT_SCRIPT);
await serveBareECharts(context, ORIGIN);
const page = context.pages()[0] ?? (await context.newPage());
page.on('pageerror', (e) => console.log(`page error: ${e.message}`));

async function marksOf(name: string): Promise<number> {
  return page.evaluate(
    (n) =>
      (window as unknown as { __bench: { marks: Array<{ name: string }> } }).__bench.marks.filter((m) => m.name === n)
        .length,
    name,
  );
}

async function importOne(file: string): Promise<void> {
  const parsed = await marksOf('import:parsed');
  const committed = await marksOf('import:committed');
  const t0 = Date.now();
  await page.setInputFiles('[data-testid=file-input]', file);
  await page.waitForFunction(
    (n) =>
      (window as unknown as { __bench: { marks: Array<{ name: string }> } }).__bench.marks.filter(
        (m) => m.name === 'import:parsed',
      ).length > n,
    parsed,
    { timeout: 300_000, polling: 100 },
  );
  await page.locator('[data-testid=commit]').click();
  await page.waitForFunction(
    (n) =>
      (window as unknown as { __bench: { marks: Array<{ name: string }> } }).__bench.marks.filter(
        (m) => m.name === 'import:committed',
      ).length > n,
    committed,
    { timeout: 300_000, polling: 100 },
  );
  console.log(`imported ${path.basename(file)} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

if (!existsSync(READY)) {
  const manifest = ensureBenchData({ log: (l) => console.log(l) });
  await page.goto(`${APP}#/data`, { waitUntil: 'load' });
  await page.locator('[data-testid=file-input]').waitFor({ state: 'attached', timeout: 60_000 });
  await sleep(2000);
  await importOne(path.join(DATA_DIR, manifest.records.file));
  if (!flag('no-indicators')) await importOne(path.join(DATA_DIR, manifest.indicators1m.file));
  writeFileSync(READY, new Date().toISOString());
}

/** Waits until charts have finished and the page has been quiet (no further mark) for quietMs. */
async function settle(since: number, quietMs: number): Promise<void> {
  const start = Date.now();
  for (;;) {
    const { now, last } = await page.evaluate(
      ({ name, since }) => {
        const m = performance.getEntriesByName(name).filter((e) => e.startTime > since);
        return { now: performance.now(), last: m.at(-1)?.startTime ?? null };
      },
      { name: CHARTS_FINISHED, since },
    );
    if (last !== null && now - last >= quietMs) return;
    if (Date.now() - start > 120_000) throw new Error('charts did not settle');
    await sleep(50);
  }
}

const profiles: CpuProfile[] = [];
/** The same blocks' profiles, cut down to the timed changes (profileWindows.ts). */
const windowed: CpuProfile[] = [];
let windowedChanges = 0;

/** Profiles of several blocks as one: their nodes side by side, their samples one after another. */
function mergeProfiles(list: CpuProfile[]): CpuProfile {
  const out: CpuProfile = {
    nodes: [],
    samples: [],
    timeDeltas: [],
    startTime: list[0]?.startTime ?? 0,
    endTime: list.at(-1)?.endTime ?? 0,
  };
  let offset = 0;
  for (const p of list) {
    let max = 0;
    for (const n of p.nodes) {
      out.nodes.push({
        ...n,
        id: n.id + offset,
        ...(n.children ? { children: n.children.map((c) => c + offset) } : {}),
      });
      max = Math.max(max, n.id);
    }
    out.samples!.push(...(p.samples ?? []).map((x) => x + offset));
    out.timeDeltas!.push(...(p.timeDeltas ?? []));
    offset += max + 1;
  }
  return out;
}

/** Total (inclusive) time per function: each sample counts once for every function on its stack. */
function totalTimes(profile: CpuProfile, top: number): Array<{ fn: string; ms: number }> {
  const { byId, parent } = profileTree(profile);
  const totals = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const seen = new Set<string>();
    for (let id: number | undefined = samples[i]; id !== undefined; id = parent.get(id)) {
      const f = byId.get(id)!.callFrame;
      const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      totals.set(key, (totals.get(key) ?? 0) + (deltas[i] ?? 0));
    }
  }
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([fn, us]) => ({ fn, ms: Math.round(us / 100) / 10 }));
}

console.log(
  `load average ${(await import('node:os'))
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
const names = agencyNames();

/** Opens the view with n agencies and the filter state the earlier changes left. */
async function openView(
  app: string,
  n: number,
  before: ReadonlyArray<{ selector: string; value: string }>,
): Promise<string> {
  let from = '';
  let scope = 'all';
  for (const c of before) {
    if (c.selector === '#filter-from') from = c.value;
    else scope = c.value;
  }
  const query = [
    ...names.slice(0, n).map((a) => `agencies=${encodeURIComponent(a)}`),
    ...(from ? [`from=${from}`] : []),
    ...(scope !== 'all' ? [`scope=${scope}`] : []),
  ].join('&');
  await page.goto(`${app}#/${VIEW}?${query}`, { waitUntil: 'load' });
  await settle(0, 800);
  const toggle = page.locator('.top-agencies button.tool');
  if (!flag('top') && (await toggle.count()) > 0 && (await toggle.first().getAttribute('aria-pressed')) !== 'true') {
    const t0 = await page.evaluate(() => performance.now());
    await toggle.first().click();
    await settle(t0, 500);
  }
  return (
    (await page
      .locator('.top-agencies .muted')
      .first()
      .textContent()
      .catch(() => '')) ?? ''
  ).trim();
}

try {
  // --reloads N: the overview reloaded N times per build, the builds taking turns, before the changes.
  const RELOADS = Number(opt('reloads', '0'));
  if (RELOADS > 0) {
    const times = DISTS.map(() => [] as number[]);
    for (let round = 0; round < RELOADS; round++)
      for (const [di] of DISTS.entries()) {
        await page.goto(`${ORIGIN}${baseOf(di)}#/overview`, { waitUntil: 'load' });
        await settle(0, 800);
        await page.reload({ waitUntil: 'load' });
        await settle(0, 1000);
        const { last, marks } = await page.evaluate((n) => {
          const all = performance.getEntriesByName(n);
          return { last: all.at(-1)?.startTime ?? NaN, marks: all.length };
        }, CHARTS_FINISHED);
        const start = await appStartMarks(page);
        times[di]!.push(last - start.interactive);
        console.log(
          `${path.basename(DISTS[di]!)} reload: ${Math.round(last - start.interactive)} ms after app start (${marks} times all charts finished); ${phaseText(start.phases)}`,
        );
      }
    for (const [di, t] of times.entries()) {
      const s = summarize(t);
      console.log(`${path.basename(DISTS[di]!)} reload: median ${fmtMs(s.median)}, p95 ${fmtMs(s.p95)} (${s.n})`);
    }
  }
  const BLOCK = Number(opt('block', '10'));
  const all = filterChanges(RUNS);
  for (const [ci, n] of COUNTS.entries()) {
    const results = DISTS.map(() => ({
      ms: [] as number[],
      chartsMs: [] as number[],
      bare: [] as number[],
      cpu: [] as number[],
      bareCpu: [] as number[],
      lines: [] as string[],
      shown: '',
    }));
    const cdp = flag('profile') && ci === 0 ? await context.newCDPSession(page) : null;
    const tracer = flag('trace') && ci === 0 ? await context.newCDPSession(page) : null;
    const traced = new Map<string, number>();
    let tracedChanges = 0;
    for (let b = 0; b * BLOCK < RUNS; b++) {
      for (const [di] of DISTS.entries()) {
        const res = results[di]!;
        res.shown = await openView(ORIGIN + baseOf(di), n, all.slice(0, b * BLOCK));
        await loadBareECharts(page);
        const clock = await CpuClock.open(page);
        const perf = flag('metrics') ? await context.newCDPSession(page) : null;
        const metrics = async (): Promise<Record<string, number>> => {
          if (!perf) return {};
          const { metrics: list } = (await perf.send('Performance.getMetrics')) as unknown as {
            metrics: Array<{ name: string; value: number }>;
          };
          return Object.fromEntries(list.map((m) => [m.name, m.value]));
        };
        if (perf) await perf.send('Performance.enable');
        const m0 = await metrics();
        const timed: TimedChange[] = [];
        const events: TraceEvent[] = [];
        const collect = (e: { value: object[] }): void => void events.push(...(e.value as TraceEvent[]));
        if (tracer && di === 0) {
          await page.evaluate('window.__bench.markChanges = true');
          tracer.on('Tracing.dataCollected', collect);
          await tracer.send('Tracing.start', { categories: TRACE_CATEGORIES.join(','), transferMode: 'ReportEvents' });
        }
        if (cdp && di === 0) {
          await page.evaluate('window.__bench.spinBeforeChange = true');
          await cdp.send('Profiler.enable');
          await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
          await cdp.send('Profiler.start');
        }
        for (const c of all.slice(b * BLOCK, (b + 1) * BLOCK)) {
          const c0 = await clock.now();
          const r = await page.evaluate(
            ({ selector, value, name }) =>
              (
                window as unknown as {
                  __bench: {
                    filterChange(
                      s: string,
                      v: string,
                      n: string,
                    ): Promise<{ t0: number; ms: number; chartsMs: number }>;
                  };
                }
              ).__bench.filterChange(selector, value, name),
            { selector: c.selector, value: c.value, name: CHARTS_FINISHED },
          );
          if (flag('marks')) {
            const xs = await page.evaluate(
              (t0) =>
                performance
                  .getEntriesByType('mark')
                  .filter((m) => m.name.startsWith('x:') && m.startTime >= t0)
                  .map((m) => `${m.name}@${(m.startTime - t0).toFixed(1)}`),
              r.t0,
            );
            console.log(`  ${c.label} ${Math.round(r.ms)}: ${xs.join(' ')}`);
          }
          timed.push(r);
          await sleep(150);
          const c1 = await clock.now();
          const bare = await replayOnBare(page, r.t0, clock);
          res.ms.push(r.ms);
          res.chartsMs.push(r.chartsMs);
          res.cpu.push(CpuClock.since(c0, c1).thread);
          if (bare) {
            res.bare.push(Math.min(bare.notMerge, bare.replay));
            res.bareCpu.push(Math.min(bare.notMergeCpu ?? NaN, bare.replayCpu ?? NaN));
          }
          res.lines.push(
            `${c.label}:${Math.round(r.ms)}/${bare ? Math.round(Math.min(bare.notMerge, bare.replay)) : '-'}`,
          );
          await sleep(100);
        }
        if (perf) {
          const m1 = await metrics();
          const n = Math.min(BLOCK, all.length - b * BLOCK);
          const per = (k: string): string => ((((m1[k] ?? 0) - (m0[k] ?? 0)) * 1000) / n).toFixed(1);
          console.log(
            `  per change: task ${per('TaskDuration')} ms, script ${per('ScriptDuration')}, layout ${per('LayoutDuration')}, style ${per('RecalcStyleDuration')}`,
          );
          await perf.detach();
        }
        if (tracer && di === 0) {
          const complete = new Promise<void>((r) => tracer.once('Tracing.tracingComplete', () => r()));
          await tracer.send('Tracing.end');
          await complete;
          tracer.off('Tracing.dataCollected', collect);
          writeFileSync('/tmp/filterbench-trace.json', JSON.stringify({ traceEvents: events, changes: timed }));
          const cut = traceWithinChanges(events, timed);
          if (cut) {
            for (const [k, v] of cut) traced.set(k, (traced.get(k) ?? 0) + v);
            tracedChanges += timed.length;
          } else console.log("  (this block's trace does not mark every change: left out)");
        }
        if (cdp && di === 0) {
          const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
          profiles.push(profile);
          const cut = withinChanges(profile, timed);
          if (cut) {
            windowed.push(cut);
            windowedChanges += timed.length;
          } else
            console.log(
              "  (too few of this block's changes were found in its profile: left out of the timed-window tables)",
            );
        }
      }
    }
    for (const [di, res] of results.entries()) {
      const s = summarize(res.ms);
      const bare = summarize(res.bare);
      const cpu = summarize(res.cpu);
      const bareCpu = summarize(res.bareCpu);
      console.log(
        `${path.basename(DISTS[di]!)} ${VIEW}, ${n} agencies (${res.shown}): median ${fmtMs(s.median)}, p95 ${fmtMs(s.p95)}, max ${fmtMs(s.max)}; bare ECharts (the faster way) ${fmtMs(bare.median)} median: ÷ ${(s.median / bare.median).toFixed(2)}×; CPU ${fmtMs(cpu.median)} ÷ bare ${fmtMs(bareCpu.median)} = ${(cpu.median / bareCpu.median).toFixed(2)}×`,
      );
      console.log(`  ${res.lines.join(' ')}`);
    }
    if (tracedChanges > 0)
      console.log(
        `  while timed, main thread per change (${tracedChanges} changes): ${[...traced]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 16)
          .map(([k, v]) => `${k} ${(v / tracedChanges).toFixed(2)}`)
          .join(', ')}`,
      );
    if (profiles.length > 0) {
      const merged = mergeProfiles(profiles.splice(0));
      writeFileSync('/tmp/filterbench.cpuprofile', JSON.stringify(merged));
      console.log('  self time:');
      for (const f of selfTimes(merged, 30))
        console.log(`    ${String(f.ms).padStart(8)} ms ${String(f.share).padStart(5)} %  ${f.fn}`);
      console.log('  total time:');
      for (const f of totalTimes(merged, 45)) console.log(`    ${String(f.ms).padStart(8)} ms  ${f.fn}`);
    }
    if (windowed.length > 0) {
      // Only what ran while the changes were timed: the app's share of the ratio.
      const merged = mergeProfiles(windowed.splice(0));
      writeFileSync('/tmp/filterbench-timed.cpuprofile', JSON.stringify(merged));
      console.log(
        `  while timed, the app's own work (outside setOption): ${(appShareMs(merged) / windowedChanges).toFixed(2)} ms per change (${windowedChanges} changes)`,
      );
      windowedChanges = 0;
      console.log('  while timed, self time:');
      for (const f of selfTimes(merged, 30))
        console.log(`    ${String(f.ms).padStart(8)} ms ${String(f.share).padStart(5)} %  ${f.fn}`);
      console.log('  while timed, total time:');
      for (const f of totalTimes(merged, 45)) console.log(`    ${String(f.ms).padStart(8)} ms  ${f.fn}`);
    }
  }
} finally {
  await context.close();
  server.close();
}
