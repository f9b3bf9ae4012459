// `npm run bench`: the product measured where it runs, in headless Chromium on the production
// build (the npm script builds first), at a size far beyond the built-in dataset. See the README's
// "Benchmark" section for what is measured and the latest figures.
//
//   npm run bench [-- --quick] [-- --profile] [-- --no-lower]
//
// --quick    fewer runs (2 per import file, 2 reloads, 10 filter changes) while working on speed
// --profile  also saves CPU profiles of the first import of each file and of one reload (worker and
//            page) to bench-results/profiles/, and prints where the time went
// --no-lower skips the PapaParse / uDSV / DuckDB-WASM lower bounds
// --bureau   only the test bureau (150 agencies × 6 years): reload, filter changes, warnings, compare
// --imports  only the imports and their lower bounds (no reload, filter changes or bureau)
// --only=S   with --imports: only the import files whose name contains S (e.g. --only=1k)
// --against DIR  the bureau scenarios on another build as well (e.g. main's: `git worktree add` it
//            and `npx vite build --outDir DIR` there), the builds taking turns block by block;
//            prints both and the ratios (--rounds N blocks each, 3 by default)
// --report   only the 40-page report read and extracted in the worker (scripts/bench/reportBench.ts)
// BENCH_DIST=dir serves another build, e.g. `npx vite build --minify false --outDir /tmp/dist-plain`
// so that CPU profiles name the functions.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DIST_DIR, startServer } from '../test/e2e/harness';
import { importFile, openDataPage, type ImportRun } from './bench/appImport';
import { runFormsBench } from './bench/forms';
import {
  CpuClock,
  launchBenchBrowser,
  newBenchContext,
  openPageSession,
  WorkerSessions,
  type TargetSession,
} from './bench/browser';
import { bureauBench, type BureauBench } from './bench/bureauBench';
import { bareSummary, filterRuns, reloadRuns, steadyMainHeapMb } from './bench/dashboard';
import { agencyNames, DATA_DIR, DEFAULT_SEED, ensureBenchData, ROOT_DIR, type GeneratedFile } from './bench/generate';
import { buildLowerBounds, runLowerBounds, startLowerServer } from './bench/lowerBounds';
import {
  machineInfo,
  markdown,
  printable,
  summarizeImports,
  targets,
  type BenchResult,
  type ImportSet,
} from './bench/report';
import { fmtMs, summarize } from './bench/stats';
import { printProfiles } from './bench/profileSummary';
import { loadavg } from 'node:os';
import { reportBench, runReportBenchAlone } from './bench/reportBench';

const argv = process.argv.slice(2);
const args = new Set(argv);
const valueOf = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const against = valueOf('against');
const quick = args.has('--quick');
const profile = args.has('--profile');
const bureauOnly = args.has('--bureau') || against !== undefined;
const importsOnly = args.has('--imports');
const only = [...args].find((a) => a.startsWith('--only='))?.slice('--only='.length) ?? '';
const withLower = !args.has('--no-lower') && !bureauOnly;
const RUNS = quick ? 2 : 5;
const FILTER_CHANGES = quick ? 10 : 30;
const RESULTS_DIR = path.join(ROOT_DIR, 'bench-results');

const started = performance.now();
/** The machine's load averages (1, 5, 15 minutes) at the start and now: shared machines vary. */
const loadAtStart = loadavg();
function loadAverages(): { start: number[]; end: number[] } {
  const r = (xs: number[]) => xs.map((x) => Math.round(x * 100) / 100);
  return { start: r(loadAtStart), end: r(loadavg()) };
}
const log = (line: string): void => {
  const s = ((performance.now() - started) / 1000).toFixed(0).padStart(4);
  process.stdout.write(`[${s} s] ${line}\n`);
};

/** The commit measured; '+' when the source had uncommitted changes. */
function gitCommit(): string {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT_DIR, encoding: 'utf8' }).trim();
    const dirty = execFileSync(
      'git',
      ['status', '--porcelain', '--untracked-files=no', '--', 'src', 'index.html', 'package.json'],
      { cwd: ROOT_DIR, encoding: 'utf8' },
    ).trim();
    return dirty === '' ? sha : `${sha}+`;
  } catch {
    return 'unknown';
  }
}

if (args.has('--report')) {
  await runReportBenchAlone(quick ? 2 : 5);
  process.exit(0);
}

// The generated files are only for the import and 1,000,000-row scenarios: a bureau-only run skips
// generating them (the bureau's own files are written per session, scripts/bench/bureau.ts).
const generated = bureauOnly ? null : ensureBenchData({ log });
const seed = generated?.seed ?? DEFAULT_SEED;
const fileOf = (f: GeneratedFile): string => path.join(DATA_DIR, f.file);

if (withLower) {
  log('building the lower-bounds page');
  await buildLowerBounds();
}
const appServer = await startServer(process.env['BENCH_DIST'] ?? DIST_DIR, '/app/');
const lowerServer = withLower ? await startLowerServer() : null;
const browser = await launchBenchBrowser();
const workers = await WorkerSessions.create(browser);

async function freshDataPage(b: Browser): Promise<{ page: Page; main: TargetSession; close(): Promise<void> }> {
  const context = await newBenchContext(b, appServer.origin);
  const page = await context.newPage();
  page.on('pageerror', (e) => log(`  page error: ${e.message}`));
  await openDataPage(page, appServer.url);
  return { page, main: await openPageSession(page), close: () => context.close() };
}

function describe(r: ImportRun): string {
  return `${fmtMs(r.totalMs)} (parse ${fmtMs(r.parseMs)}, commit ${fmtMs(r.commitMs)}), long task ${fmtMs(r.longestTaskMs)}${r.longestTaskPhase ? ` (${r.longestTaskPhase})` : ''}, heap peak ${r.heap.peakTotalMb} MB (page ${r.heap.peakMainMb} + worker ${r.heap.peakWorkerMb}), steady ${r.heap.steadyMainMb}+${r.heap.steadyWorkerMb} MB; after commit: longest task ${fmtMs(r.afterCommit.longestTaskMs)}, busy ${fmtMs(r.afterCommit.busyMs)}`;
}

let result: BenchResult | null = null;
try {
  log(`Chromium ${browser.version()}; data seed ${seed}`);
  const manifest = generated;
  const lower =
    withLower && manifest
      ? await runLowerBounds(
          browser,
          lowerServer!,
          [
            { file: manifest.indicators100k.file, runs: RUNS },
            { file: manifest.indicators1m.file, runs: RUNS },
            { file: manifest.indicators1mQuoted.file, runs: quick ? 1 : 2 },
          ].filter((f) => !importsOnly || f.file.includes(only)),
          log,
        )
      : null;

  // Each import starts from an empty database (a fresh context) holding the built-in dataset and
  // then the 20,000 records the indicator rows refer to, imported the same way.
  const sets: ImportSet[] = [];
  const records: ImportRun[] = [];
  let kept: Awaited<ReturnType<typeof freshDataPage>> | null = null;
  // The 1,000-row file is what analysts upload every day: it is chosen in a page opened anew
  // (reloaded after the records were imported), so it meets the worker as a first upload does.
  const plan: Array<{ f: GeneratedFile; runs: number; freshPage?: boolean }> = !manifest
    ? []
    : [
        { f: manifest.indicators1k, runs: RUNS, freshPage: true },
        { f: manifest.indicators100k, runs: RUNS },
        { f: manifest.indicators1m, runs: RUNS },
        { f: manifest.indicators1mQuoted, runs: quick ? 1 : 2 },
      ].filter((p) => !importsOnly || p.f.file.includes(only));
  for (const { f, runs, freshPage } of plan) {
    if (!manifest) break; // (the plan is empty then)
    const set: ImportSet = { file: f.file, rows: f.rows, bytes: f.bytes, runs: [] };
    for (let i = 0; i < runs; i++) {
      const s = await freshDataPage(browser);
      const rec = await importFile(s.page, {
        file: fileOf(manifest.records),
        rows: manifest.records.rows,
        bytes: manifest.records.bytes,
        main: s.main,
        workers,
      });
      records.push(rec);
      if (freshPage) {
        await s.page.reload({ waitUntil: 'load' });
        await openDataPage(s.page, appServer.url);
      }
      const doProfile = profile && i === 0;
      const run = await importFile(s.page, {
        file: fileOf(f),
        rows: f.rows,
        bytes: f.bytes,
        main: s.main,
        workers,
        ...(doProfile ? { profileDir: path.join(RESULTS_DIR, 'profiles') } : {}),
      });
      log(`  import ${f.file} #${i + 1}: ${describe(run)}`);
      if (run.profile) {
        log('  worker CPU, self time:');
        for (const p of run.profile.worker.slice(0, 20))
          log(`    ${String(p.ms).padStart(8)} ms ${String(p.share).padStart(5)} %  ${p.fn}`);
        log('  page CPU, self time:');
        for (const p of run.profile.main.slice(0, 8))
          log(`    ${String(p.ms).padStart(8)} ms ${String(p.share).padStart(5)} %  ${p.fn}`);
      }
      set.runs.push(run);
      // The last 1M import stays open: its database is the one the dashboard is measured on.
      if (f === manifest.indicators1m && i === runs - 1) kept = s;
      else await s.close();
    }
    sets.push(set);
  }
  log(
    `  records file (setup of each run): ${fmtMs(summarize(records.map((r) => r.totalMs)).median)} median over ${records.length}`,
  );

  let reload: BenchResult['reload'] = null;
  const filters: BenchResult['filters'] = [];
  if (kept && importsOnly) await kept.close();
  else if (kept) {
    const { page, main } = kept;
    await page.goto(`${appServer.url}#/overview`, { waitUntil: 'load' });
    const runs = await reloadRuns(
      page,
      quick ? 2 : RUNS,
      log,
      profile ? { session: main, dir: path.join(RESULTS_DIR, 'profiles') } : undefined,
    );
    const steadyHeapMb = await steadyMainHeapMb(main);
    reload = {
      runs,
      fromAppStart: summarize(runs.map((r) => r.fromAppStartMs)),
      fromNavigation: summarize(runs.map((r) => r.fromNavigationMs)),
      steadyHeapMb,
    };
    const names = agencyNames();
    const cpu = await CpuClock.open(page);
    for (const n of [50, 200]) {
      const series = await filterRuns(
        page,
        appServer.url,
        names.slice(0, n),
        FILTER_CHANGES,
        'execution',
        undefined,
        cpu,
      );
      const ms = summarize(series.runs.map((r) => r.ms));
      const bare = bareSummary(series.runs);
      log(
        `  filter changes with ${n} agencies (${series.series} series): median ${fmtMs(ms.median)}, p95 ${fmtMs(ms.p95)}; bare ECharts ${bare ? `${fmtMs(bare.notMerge.median)} (notMerge) / ${fmtMs(bare.replay.median)} (the app's calls), ÷ ${bare.ratio.toFixed(2)}×` : '—'}`,
      );
      filters.push({
        agencies: n,
        series: series.series,
        ms,
        chartsMs: summarize(series.runs.map((r) => r.chartsMs)),
        longestTaskMs: Math.max(0, ...series.runs.map((r) => r.longestTaskMs)),
        bare,
        runs: series.runs,
      });
    }
    await kept.close();
  }

  let bureaus: BureauBench[] = [];
  if (!importsOnly) {
    log('test bureau (150 agencies × 6 years)');
    const rounds = against ? Number(valueOf('rounds') ?? 3) : 1;
    bureaus = await bureauBench(browser, {
      runs: against ? 2 : quick ? 3 : RUNS,
      changes: against ? 10 : FILTER_CHANGES,
      rounds,
      log,
      dists: [path.resolve(process.env['BENCH_DIST'] ?? DIST_DIR), ...(against ? [path.resolve(against)] : [])],
      ...(profile ? { profileDir: path.join(RESULTS_DIR, 'profiles') } : {}),
    });
  }

  // Workbooks and forms (scripts/bench/forms.ts): results in bench-results/forms.json. A bureau-only
  // run (`--bureau`, `--against`) leaves them out: they measure other pages and take minutes.
  if (!bureauOnly && !importsOnly) {
    await runFormsBench({ browser, appServer, workers, runs: quick ? 1 : 3, resultsDir: RESULTS_DIR, log });
    log('report (40 pages, .pdf and .docx): bench-results/report.json');
    await reportBench(browser, appServer.url, log, quick ? 2 : RUNS);
  }
  const bureau = bureaus[0];

  const imports = Object.fromEntries(sets.map((s) => [s.file, summarizeImports(s, lower)]));
  if (manifest && records.length > 0)
    imports[manifest.records.file] = summarizeImports(
      { file: manifest.records.file, rows: manifest.records.rows, bytes: manifest.records.bytes, runs: records },
      lower,
    );
  const partial: Omit<BenchResult, 'targets'> = {
    date: new Date().toISOString(),
    commit: gitCommit(),
    seed,
    machine: machineInfo(browser.version()),
    durationS: Math.round((performance.now() - started) / 1000),
    lower,
    imports,
    reload,
    filters,
    ...(bureau === undefined ? {} : { bureau }),
    ...(bureaus.length > 1 ? { against: bureaus.slice(1) } : {}),
    load: loadAverages(),
  };
  result = { ...partial, targets: targets(partial) };
} finally {
  await browser.close();
  await appServer.close();
  await lowerServer?.close();
}

if (result) {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const name = against ? 'against' : bureauOnly ? 'bureau' : importsOnly ? 'imports' : quick ? 'quick' : 'latest';
  const out = path.join(RESULTS_DIR, `${name}.json`);
  writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
  writeFileSync(out.replace(/\.json$/, '.md'), markdown(result));
  process.stdout.write('\n' + printable(result) + '\n\n');
  log(`wrote ${path.relative(ROOT_DIR, out)}`);
}
if (profile)
  printProfiles(path.join(RESULTS_DIR, 'profiles'), path.resolve(process.env['BENCH_DIST'] ?? DIST_DIR), log);
