// Runs the lower-bounds page (scripts/bench/lower/) in the benchmark's browser: PapaParse alone,
// uDSV alone and DuckDB-WASM on the same files the app imports.
import { existsSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { Browser } from 'playwright-core';
import { startServer, type StaticServer } from '../../test/e2e/harness';
import { newBenchContext, sleep, steadyHeap, openPageSession } from './browser';
import { DATA_DIR } from './generate';
import { summarize, type Summary } from './stats';

const CONFIG = fileURLToPath(new URL('./vite.config.ts', import.meta.url));
export const LOWER_DIST = fileURLToPath(new URL('../../bench-results/lower-dist/', import.meta.url));

/** Builds the page and links the data folder into it, so the files come from the same origin. */
export async function buildLowerBounds(): Promise<void> {
  await build({ configFile: CONFIG, logLevel: 'warn' });
  const link = path.join(LOWER_DIST, 'data');
  if (existsSync(link)) rmSync(link, { recursive: true, force: true });
  symlinkSync(DATA_DIR, link, 'dir');
}

export async function startLowerServer(): Promise<StaticServer> {
  return startServer(LOWER_DIST, '/lower/');
}

export interface LowerFileResult {
  file: string;
  bytes: number;
  papa: Summary;
  udsv: Summary;
  duckdb: Summary;
  duckdbRegister: Summary;
  duckdbQuery: Summary;
  rows: { papa: number; udsv: number; duckdb: number; duckdbGroups: number };
}

export interface LowerResults {
  duckdbVersion: string;
  duckdbInitMs: number;
  files: LowerFileResult[];
}

interface Timing {
  ms: number;
  rows: number;
}
interface DuckTiming extends Timing {
  registerMs: number;
  queryMs: number;
  groups: number;
}
interface LowerApi {
  fetchBytes(url: string): Promise<number>;
  papa(): Timing;
  udsv(): Timing;
  duckdbInit(): Promise<{ ms: number; version: string }>;
  duckdb(): Promise<DuckTiming>;
  release(): void;
}

type Win = { lowerBounds: LowerApi; gc?: () => void };

export async function runLowerBounds(
  browser: Browser,
  server: StaticServer,
  files: ReadonlyArray<{ file: string; runs: number }>,
  log: (line: string) => void,
): Promise<LowerResults> {
  const context = await newBenchContext(browser, server.origin);
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => document.title === 'lower-bounds ready');
  const session = await openPageSession(page);
  const init = await page.evaluate(() => (window as unknown as Win).lowerBounds.duckdbInit());
  const out: LowerResults = { duckdbVersion: init.version, duckdbInitMs: Math.round(init.ms), files: [] };
  try {
    for (const { file, runs } of files) {
      const bytes = await page.evaluate((u) => (window as unknown as Win).lowerBounds.fetchBytes(u), `data/${file}`);
      const papa: Timing[] = [];
      const udsv: Timing[] = [];
      const duck: DuckTiming[] = [];
      // Interleaved, so a slow spell of the machine does not land on one parser only.
      for (let i = 0; i < runs; i++) {
        await steadyHeap(session);
        papa.push(await page.evaluate(() => (window as unknown as Win).lowerBounds.papa()));
        await steadyHeap(session);
        udsv.push(await page.evaluate(() => (window as unknown as Win).lowerBounds.udsv()));
        await steadyHeap(session);
        duck.push(await page.evaluate(() => (window as unknown as Win).lowerBounds.duckdb()));
        await sleep(50);
      }
      await page.evaluate(() => (window as unknown as Win).lowerBounds.release());
      const r: LowerFileResult = {
        file,
        bytes,
        papa: summarize(papa.map((t) => t.ms)),
        udsv: summarize(udsv.map((t) => t.ms)),
        duckdb: summarize(duck.map((t) => t.ms)),
        duckdbRegister: summarize(duck.map((t) => t.registerMs)),
        duckdbQuery: summarize(duck.map((t) => t.queryMs)),
        rows: {
          papa: papa[0]?.rows ?? 0,
          udsv: udsv[0]?.rows ?? 0,
          duckdb: duck[0]?.rows ?? 0,
          duckdbGroups: duck[0]?.groups ?? 0,
        },
      };
      log(
        `  lower bounds ${file}: papa ${r.papa.median} ms, udsv ${r.udsv.median} ms, duckdb ${r.duckdb.median} ms (median of ${runs})`,
      );
      out.files.push(r);
    }
  } finally {
    await context.close();
  }
  return out;
}
