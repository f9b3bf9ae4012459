// Imports a file through the app's real upload path: setInputFiles on the data page's file input,
// wait for the preview, press commit, wait for the commit; read the app's performance marks
// (import:file-chosen, import:parsed, import:committed), main-thread long tasks, and the JS heap
// of the page and the import worker (with its parse worker).
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import {
  benchState,
  HeapSampler,
  selfTimes,
  sleep,
  startProfile,
  steadyHeap,
  stopProfile,
  tasksIn,
  type TargetSession,
  type WorkerSessions,
} from './browser';

export const MARK_CHOSEN = 'import:file-chosen';
export const MARK_PARSED = 'import:parsed';
export const MARK_COMMITTED = 'import:committed';
/** The import worker's script, as the build names it (assets/import.worker-HASH.js). */
const WORKER_URL_PART = 'import.worker';
/** The import worker's parse worker (assets/parse.worker-HASH.js), started by its warm-up; its heap counts as the worker's. */
const PARSE_WORKER_URL_PART = 'parse.worker';

export interface ImportRun {
  file: string;
  rows: number;
  bytes: number;
  /** File chosen → parsed and validated (the preview's data reached the page). */
  parseMs: number;
  /** File chosen → the preview on screen: its table in the page and the frame after it. */
  previewMs: number;
  /** Commit pressed → committed. */
  commitMs: number;
  /** parseMs + commitMs: file chosen → committed, less the time the bench took to press commit. */
  totalMs: number;
  /** Longest main-thread task from file chosen to committed, and where it fell. */
  longestTaskMs: number;
  longestTaskPhase: string;
  /** After committed, until the main thread is quiet: the dashboard's data reloading. */
  afterCommit: { longestTaskMs: number; busyMs: number; settledMs: number };
  heap: {
    peakMainMb: number;
    peakWorkerMb: number;
    peakTotalMb: number;
    peakBackingMb: number;
    steadyMainMb: number;
    steadyWorkerMb: number;
    samples: number;
  };
  profile?: {
    worker: Array<{ fn: string; ms: number; share: number }>;
    main: Array<{ fn: string; ms: number; share: number }>;
  };
}

const mbOf = (b: number | undefined): number => Math.round(((b ?? 0) / 1e6) * 10) / 10;

function countMarks(marks: ReadonlyArray<{ name: string }>, name: string): number {
  return marks.filter((m) => m.name === name).length;
}

async function waitForMark(page: Page, name: string, atLeast: number, timeoutMs: number): Promise<void> {
  await page.waitForFunction(
    ({ name, atLeast }) => {
      const b = (window as unknown as { __bench: { marks: Array<{ name: string }> } }).__bench;
      if (document.querySelector('[data-testid=import-failure]')) return true;
      return b.marks.filter((m) => m.name === name).length >= atLeast;
    },
    { name, atLeast },
    { timeout: timeoutMs, polling: 20 },
  );
  const failure = await page
    .locator('[data-testid=import-failure]')
    .first()
    .textContent({ timeout: 10 })
    .catch(() => null);
  if (failure) throw new Error(`import failed: ${failure.trim()}`);
}

/** Waits until no long task has run for `quietMs`; returns the time (page clock) it became quiet. */
export async function waitQuiet(page: Page, since: number, quietMs: number, timeoutMs: number): Promise<number> {
  const start = Date.now();
  for (;;) {
    const { now, lastEnd } = await page.evaluate(() => {
      const b = (window as unknown as { __bench: { longTasks: Array<{ t: number; d: number }> } }).__bench;
      const last = b.longTasks.at(-1);
      return { now: performance.now(), lastEnd: last ? last.t + last.d : 0 };
    });
    const quietSince = Math.max(since, lastEnd);
    if (now - quietSince >= quietMs) return quietSince;
    if (Date.now() - start > timeoutMs) return quietSince;
    await sleep(100);
  }
}

export interface ImportOptions {
  file: string;
  rows: number;
  bytes: number;
  main: TargetSession;
  workers: WorkerSessions;
  /** Save CPU profiles of the worker and the page here and summarise them. */
  profileDir?: string;
  timeoutMs?: number;
}

/** One import on a page already showing the data page. */
export async function importFile(page: Page, opts: ImportOptions): Promise<ImportRun> {
  const timeout = opts.timeoutMs ?? 180_000;
  const before = await benchState(page);
  const nChosen = countMarks(before.marks, MARK_CHOSEN);
  const nParsed = countMarks(before.marks, MARK_PARSED);
  const nCommitted = countMarks(before.marks, MARK_COMMITTED);

  // The worker exists once a file has been imported in this page; attach before the clock starts.
  let worker =
    (await opts.workers.find(WORKER_URL_PART)).length > 0 ? await opts.workers.waitFor(WORKER_URL_PART, 0) : null;
  if (worker) await steadyHeap(worker);
  await steadyHeap(opts.main);
  const parseWorker =
    (await opts.workers.find(PARSE_WORKER_URL_PART)).length > 0
      ? await opts.workers.waitFor(PARSE_WORKER_URL_PART, 0)
      : null;
  if (parseWorker) await steadyHeap(parseWorker);
  const sampler = new HeapSampler(opts.main);
  sampler.worker = worker;
  sampler.parseWorker = parseWorker;
  // Without a worker yet (the page's first import), the page alone is profiled.
  const profiledWorker = opts.profileDir ? worker : null;
  if (opts.profileDir) {
    if (profiledWorker) await startProfile(profiledWorker);
    await startProfile(opts.main);
  }

  await watchPreview(page);
  await page.setInputFiles('[data-testid=file-input]', opts.file);
  if (!worker) {
    worker = await opts.workers.waitFor(WORKER_URL_PART, 5000);
    sampler.worker = worker;
  }
  await waitForMark(page, MARK_PARSED, nParsed + 1, timeout);
  const commit = page.locator('[data-testid=commit]');
  if (!(await commit.isEnabled())) {
    const summary = await page
      .locator('.preview-bar')
      .first()
      .textContent()
      .catch(() => '');
    throw new Error(`${path.basename(opts.file)} cannot be committed: ${summary?.replace(/\s+/g, ' ').trim()}`);
  }
  await commit.click();
  await waitForMark(page, MARK_COMMITTED, nCommitted + 1, timeout);

  let profile: ImportRun['profile'];
  if (opts.profileDir && worker) {
    const [wp, mp] = await Promise.all([stopProfile(worker), stopProfile(opts.main)]);
    mkdirSync(opts.profileDir, { recursive: true });
    const base = path.basename(opts.file, '.csv');
    writeFileSync(path.join(opts.profileDir, `${base}-worker.cpuprofile`), JSON.stringify(wp));
    writeFileSync(path.join(opts.profileDir, `${base}-main.cpuprofile`), JSON.stringify(mp));
    profile = { worker: selfTimes(wp), main: selfTimes(mp) };
  }

  const s1 = await benchState(page);
  const chosenAt = s1.marks.filter((m) => m.name === MARK_CHOSEN)[nChosen]!.t;
  const parsedAt = s1.marks.filter((m) => m.name === MARK_PARSED)[nParsed]!.t;
  const committedAt = s1.marks.filter((m) => m.name === MARK_COMMITTED)[nCommitted]!.t;
  const shownAt = await page.evaluate(() => (window as unknown as PreviewWindow).__previewShown);
  const clickAt = s1.clicks.filter((c) => c.t >= parsedAt).at(0)?.t ?? parsedAt;
  const settledAt = await waitQuiet(page, committedAt, 1000, 60_000);
  await sampler.stop();
  const s2 = await benchState(page);
  const during = tasksIn(s2.longTasks, chosenAt, committedAt);
  const after = tasksIn(s2.longTasks, committedAt);
  const [steadyMain, steadyWorker, steadyParse] = await Promise.all([
    steadyHeap(opts.main),
    steadyHeap(worker),
    steadyHeap(parseWorker),
  ]);
  return {
    file: path.basename(opts.file),
    rows: opts.rows,
    bytes: opts.bytes,
    parseMs: parsedAt - chosenAt,
    previewMs: shownAt - chosenAt,
    commitMs: committedAt - clickAt,
    totalMs: parsedAt - chosenAt + (committedAt - clickAt),
    longestTaskMs: Math.max(0, ...during.map((l) => l.d)),
    longestTaskPhase: phaseOf(during, { chosenAt, parsedAt, clickAt, committedAt }),
    afterCommit: {
      longestTaskMs: Math.max(0, ...after.map((l) => l.d)),
      busyMs: after.reduce((n, l) => n + l.d, 0),
      settledMs: Math.max(0, settledAt - committedAt),
    },
    heap: {
      peakMainMb: mbOf(sampler.peakMain),
      peakWorkerMb: mbOf(sampler.peakWorker),
      peakTotalMb: mbOf(sampler.peakTotal),
      peakBackingMb: mbOf(sampler.peakBacking),
      steadyMainMb: mbOf(steadyMain?.usedSize),
      steadyWorkerMb: mbOf((steadyWorker?.usedSize ?? 0) + (steadyParse?.usedSize ?? 0)),
      samples: sampler.samples,
    },
    ...(profile ? { profile } : {}),
  };
}

type PreviewWindow = { __previewShown: Promise<number> };

/**
 * In the page: resolves with the time of the first frame after the preview section appears (a
 * MutationObserver sees it when Vue inserts it; the frame after that is when it is on screen).
 */
async function watchPreview(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as PreviewWindow).__previewShown = new Promise<number>((resolve) => {
      const observer = new MutationObserver(() => {
        if (!document.querySelector('[data-testid=preview]')) return;
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0));
      });
      observer.observe(document.body, { childList: true, subtree: true });
    });
  });
}

/** Where the longest task began: while parsing, showing the preview, or committing. */
function phaseOf(
  tasks: ReadonlyArray<{ t: number; d: number }>,
  at: { chosenAt: number; parsedAt: number; clickAt: number; committedAt: number },
): string {
  const longest = tasks.reduce<{ t: number; d: number } | null>((m, l) => (m === null || l.d > m.d ? l : m), null);
  if (!longest) return '';
  const rel = (x: number) => `${Math.round(longest.t - x)} ms`;
  if (longest.t < at.parsedAt) return `parsing, ${rel(at.chosenAt)} after file chosen`;
  if (longest.t < at.clickAt) return `preview, ${rel(at.parsedAt)} after parsed`;
  return `committing, ${rel(at.clickAt)} after commit pressed`;
}

/** Opens the data page and waits until the app has loaded its built-in dataset. */
export async function openDataPage(page: Page, appUrl: string): Promise<void> {
  await page.goto(`${appUrl}#/data`, { waitUntil: 'load' });
  await page.locator('[data-testid=file-input]').waitFor({ state: 'attached', timeout: 30_000 });
  await waitQuiet(page, 0, 500, 20_000);
}
