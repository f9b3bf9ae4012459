// Bench scenarios of workbooks and self-evaluation forms (issue: "Speed"), through the app's real
// upload path on the production build:
//   - 300 forms (.xlsx, one per file) dropped at once: file chosen → preview shown, ≤ 5 s;
//   - the 100,000 indicator rows of the main bench as an .xlsx, imported (records first, as the
//     CSV runs do) in ≤ 3× the time of the same rows as CSV.
// Results go to bench-results/forms.json (and .md), apart from the main bench's.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { knownRecordsOf, parseFile } from '../../src/domain/parseFile';
import { chunksToRows } from '../../src/domain/columns';
import { toXlsx } from '../../src/domain/workbook/write';
import { chaoyangOptions, nationalProjectForm } from '../fixtures/formLayouts';
import { writeSheets } from '../fixtures/sheetWriter';
import { importFile, openDataPage, waitQuiet, type ImportRun } from './appImport';
import {
  benchState,
  longestIn,
  newBenchContext,
  openPageSession,
  type TargetSession,
  type WorkerSessions,
} from './browser';
import { DATA_DIR, ensureBenchData } from './generate';
import { fmtMs, summarize, type Summary } from './stats';

export const FORMS_COUNT = 300;
export const FORMS_TARGET_MS = 5000;
export const XLSX_RATIO_TARGET = 3;

export interface FormsBenchResult {
  date: string;
  /** The machine's load average (1, 5, 15 min) at the end: other work on it slows every figure. */
  loadAverage: number[];
  forms: {
    files: number;
    bytes: number;
    previewMs: Summary;
    commitMs: Summary;
    /** Longest main-thread task, chosen → committed and after it (all runs). */
    longestTaskMs: number;
    afterCommitLongestTaskMs: number;
    target: number;
    met: boolean;
  };
  xlsx: {
    rows: number;
    xlsxBytes: number;
    csvBytes: number;
    xlsxMs: Summary;
    csvMs: Summary;
    /** Longest main-thread task of the .xlsx imports, chosen → committed and after it. */
    longestTaskMs: number;
    afterCommitLongestTaskMs: number;
    ratio: number;
    target: number;
    met: boolean;
  };
}

interface AppServer {
  url: string;
  origin: string;
}

export interface FormsBenchOptions {
  browser: Browser;
  appServer: AppServer;
  workers: WorkerSessions;
  runs: number;
  resultsDir: string;
  log(line: string): void;
}

/** 300 project forms of as many projects of ten agencies, one .xlsx each (written once, kept). */
function ensureForms(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < FORMS_COUNT; i++) {
    const file = path.join(dir, `form-${String(i + 1).padStart(3, '0')}.xlsx`);
    files.push(file);
    if (existsSync(file)) continue;
    const o = chaoyangOptions(true);
    const rows = nationalProjectForm({
      ...o,
      mergeLevels: true,
      agency: `北京市测试${(i % 10) + 1}区投资促进服务中心`,
      project: `${o.project ?? '项目'}（第 ${i + 1} 期）`,
    });
    writeFileSync(file, writeSheets([{ name: 'Sheet1', rows }]));
  }
  return files;
}

/** The main bench's 100k indicator CSV as an .xlsx of the same rows (read by the app's own reader). */
async function ensureXlsx(csvFile: string, recordsFile: string): Promise<string> {
  const out = csvFile.replace(/\.csv$/, '.xlsx');
  if (existsSync(out) && statSync(out).mtimeMs >= statSync(csvFile).mtimeMs) return out;
  const records = await parseFile(new Uint8Array(readFileSync(recordsFile)), path.basename(recordsFile));
  const parsed = await parseFile(new Uint8Array(readFileSync(csvFile)), path.basename(csvFile), {
    knownRecords: knownRecordsOf(records),
  });
  if (parsed.kind !== 'indicators' || parsed.errorCount > 0) throw new Error(`${csvFile}: not a clean indicators file`);
  writeFileSync(out, toXlsx({ indicators: chunksToRows<'indicators'>(parsed.chunks) }));
  return out;
}

async function freshPage(o: FormsBenchOptions): Promise<{ page: Page; main: TargetSession; close(): Promise<void> }> {
  const context = await newBenchContext(o.browser, o.appServer.origin);
  const page = await context.newPage();
  page.on('pageerror', (e) => o.log(`  page error: ${e.message}`));
  await openDataPage(page, o.appServer.url);
  return { page, main: await openPageSession(page), close: () => context.close() };
}

/** Drops the forms on the page: chosen → preview (the app's marks), then the commit. */
async function dropForms(
  page: Page,
  files: string[],
): Promise<{ previewMs: number; commitMs: number; longestTaskMs: number; afterCommitLongestTaskMs: number }> {
  const marks = async (name: string) => (await benchState(page)).marks.filter((m) => m.name === name);
  await page.setInputFiles('[data-testid=file-input]', files);
  await page.waitForFunction(
    () =>
      (window as unknown as { __bench: { marks: { name: string }[] } }).__bench.marks.some(
        (m) => m.name === 'import:parsed',
      ),
    null,
    { timeout: 120_000, polling: 20 },
  );
  const chosen = (await marks('import:file-chosen')).at(-1)!.t;
  const parsed = (await marks('import:parsed')).at(-1)!.t;
  const summary = await page.getByTestId('forms-summary').innerText();
  if (!(await page.getByTestId('commit').isEnabled())) throw new Error(`the forms cannot be committed: ${summary}`);
  const clicked = await page.evaluate(() => performance.now());
  await page.getByTestId('commit').click();
  await page.getByTestId('import-result').waitFor({ timeout: 120_000 });
  const committed = (await marks('import:committed')).at(-1)!.t;
  // Main-thread long tasks, as the CSV imports report them: chosen → committed, then until quiet.
  await waitQuiet(page, committed, 1000, 30_000);
  const tasks = (await benchState(page)).longTasks;
  return {
    previewMs: parsed - chosen,
    commitMs: committed - clicked,
    longestTaskMs: longestIn(tasks, chosen, committed),
    afterCommitLongestTaskMs: longestIn(tasks, committed),
  };
}

export async function runFormsBench(o: FormsBenchOptions): Promise<FormsBenchResult> {
  const manifest = ensureBenchData({ log: o.log });
  const formFiles = ensureForms(path.join(DATA_DIR, 'forms-300'));
  const formBytes = formFiles.reduce((n, f) => n + statSync(f).size, 0);
  const preview: number[] = [];
  const commit: number[] = [];
  const longest: number[] = [];
  const longestAfter: number[] = [];
  for (let i = 0; i < o.runs; i++) {
    const s = await freshPage(o);
    try {
      const r = await dropForms(s.page, formFiles);
      o.log(
        `  ${FORMS_COUNT} forms #${i + 1}: preview ${fmtMs(r.previewMs)}, commit ${fmtMs(r.commitMs)}; longest task ${fmtMs(r.longestTaskMs)} during, ${fmtMs(r.afterCommitLongestTaskMs)} after`,
      );
      preview.push(r.previewMs);
      commit.push(r.commitMs);
      longest.push(r.longestTaskMs);
      longestAfter.push(r.afterCommitLongestTaskMs);
    } finally {
      await s.close();
    }
  }

  const csvFile = path.join(DATA_DIR, manifest.indicators100k.file);
  const xlsxFile = await ensureXlsx(csvFile, path.join(DATA_DIR, manifest.records.file));
  const runs: Record<'csv' | 'xlsx', ImportRun[]> = { csv: [], xlsx: [] };
  for (let i = 0; i < o.runs; i++) {
    for (const kind of ['csv', 'xlsx'] as const) {
      const s = await freshPage(o);
      try {
        const base = { main: s.main, workers: o.workers };
        await importFile(s.page, {
          ...base,
          file: path.join(DATA_DIR, manifest.records.file),
          rows: manifest.records.rows,
          bytes: manifest.records.bytes,
        });
        const file = kind === 'csv' ? csvFile : xlsxFile;
        const run = await importFile(s.page, {
          ...base,
          file,
          rows: manifest.indicators100k.rows,
          bytes: statSync(file).size,
        });
        o.log(
          `  100k indicators .${kind} #${i + 1}: ${fmtMs(run.totalMs)} (parse ${fmtMs(run.parseMs)}, commit ${fmtMs(run.commitMs)}); longest task ${fmtMs(run.longestTaskMs)} during, ${fmtMs(run.afterCommit.longestTaskMs)} after`,
        );
        runs[kind].push(run);
      } finally {
        await s.close();
      }
    }
  }
  const previewMs = summarize(preview);
  const xlsxMs = summarize(runs.xlsx.map((r) => r.totalMs));
  const csvMs = summarize(runs.csv.map((r) => r.totalMs));
  const ratio = Math.round((xlsxMs.median / csvMs.median) * 100) / 100;
  const result: FormsBenchResult = {
    date: new Date().toISOString(),
    loadAverage: loadavg().map((x) => Math.round(x * 10) / 10),
    forms: {
      files: FORMS_COUNT,
      bytes: formBytes,
      previewMs,
      commitMs: summarize(commit),
      longestTaskMs: Math.max(0, ...longest),
      afterCommitLongestTaskMs: Math.max(0, ...longestAfter),
      target: FORMS_TARGET_MS,
      met: previewMs.median <= FORMS_TARGET_MS,
    },
    xlsx: {
      rows: manifest.indicators100k.rows,
      xlsxBytes: statSync(xlsxFile).size,
      csvBytes: manifest.indicators100k.bytes,
      xlsxMs,
      csvMs,
      longestTaskMs: Math.max(0, ...runs.xlsx.map((r) => r.longestTaskMs)),
      afterCommitLongestTaskMs: Math.max(0, ...runs.xlsx.map((r) => r.afterCommit.longestTaskMs)),
      ratio,
      target: XLSX_RATIO_TARGET,
      met: ratio <= XLSX_RATIO_TARGET,
    },
  };
  mkdirSync(o.resultsDir, { recursive: true });
  writeFileSync(path.join(o.resultsDir, 'forms.json'), JSON.stringify(result, null, 2) + '\n');
  writeFileSync(path.join(o.resultsDir, 'forms.md'), formsMarkdown(result));
  o.log(formsMarkdown(result));
  return result;
}

export function formsMarkdown(r: FormsBenchResult): string {
  const ok = (met: boolean) => (met ? 'met' : 'NOT met');
  return [
    `| scenario | median | target | |`,
    `|---|---|---|---|`,
    `| ${r.forms.files} forms (.xlsx, ${(r.forms.bytes / 1e6).toFixed(1)} MB), drop → preview | ${fmtMs(r.forms.previewMs.median)} (commit ${fmtMs(r.forms.commitMs.median)}) | ≤ ${fmtMs(r.forms.target)} | ${ok(r.forms.met)} |`,
    `| ${r.xlsx.rows.toLocaleString('en')} indicator rows, .xlsx ÷ .csv import | ${r.xlsx.ratio}× (${fmtMs(r.xlsx.xlsxMs.median)} ÷ ${fmtMs(r.xlsx.csvMs.median)}) | ≤ ${r.xlsx.target}× | ${ok(r.xlsx.met)} |`,
    '',
    `Load average at the end: ${r.loadAverage.join(' / ')} (1 / 5 / 15 min).`,
    '',
  ].join('\n');
}
