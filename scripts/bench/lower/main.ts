// The lower bounds the app's import is compared with, run in the same headless Chromium as the app:
// - PapaParse alone: bytes → string (TextDecoder) → rows of strings; no typing, no validation.
// - uDSV alone: the same with uDSV, the fastest plain-JS CSV parser we know of.
// - DuckDB-WASM: a peer a user could pick instead: read_csv on the registered file and a group-by
//   (average score by level 1 per agency), i.e. parse + type + aggregate inside wasm.
// bench.ts calls these through `window.lowerBounds`; the file bytes are fetched before the clock starts.
import Papa from 'papaparse';
import { inferSchema, initParser } from 'udsv';
import { AsyncDuckDB, VoidLogger, type AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import duckdbWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import duckdbWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';

export interface LowerTiming {
  ms: number;
  /** Records produced, header included (a check that the whole file was read). */
  rows: number;
}

export interface DuckTiming extends LowerTiming {
  /** Transferring the bytes to DuckDB's worker and registering them as a file. */
  registerMs: number;
  /** read_csv + group-by, result back as Arrow. */
  queryMs: number;
  /** Groups in the result (agency × level 1). */
  groups: number;
}

async function fetchBytes(url: string): Promise<Uint8Array> {
  const res = await fetch(url, { cache: 'no-store' });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

function papa(bytes: Uint8Array): LowerTiming {
  const t0 = performance.now();
  const text = new TextDecoder('utf-8').decode(bytes);
  const result = Papa.parse<string[]>(text, { delimiter: ',' });
  const ms = performance.now() - t0;
  return { ms, rows: result.data.length };
}

function udsv(bytes: Uint8Array): LowerTiming {
  const t0 = performance.now();
  const text = new TextDecoder('utf-8').decode(bytes);
  const parser = initParser(inferSchema(text));
  const rows = parser.stringArrs(text);
  const ms = performance.now() - t0;
  // uDSV leaves the header out of the rows.
  return { ms, rows: rows.length + 1 };
}

let duck: { db: AsyncDuckDB; conn: AsyncDuckDBConnection } | null = null;
let fileSeq = 0;

async function duckdbInit(): Promise<{ ms: number; version: string }> {
  const t0 = performance.now();
  const db = new AsyncDuckDB(new VoidLogger(), new Worker(duckdbWorker));
  await db.instantiate(duckdbWasm, null);
  const conn = await db.connect();
  duck = { db, conn };
  return { ms: performance.now() - t0, version: await db.getVersion() };
}

async function duckdb(bytes: Uint8Array): Promise<DuckTiming> {
  if (!duck) await duckdbInit();
  const { db, conn } = duck!;
  const name = `bench-${++fileSeq}.csv`;
  const t0 = performance.now();
  await db.registerFileBuffer(name, bytes);
  const t1 = performance.now();
  const table = await conn.query(
    `SELECT "单位名称" AS agency, "一级指标" AS level1, avg("得分") AS score, count(*) AS n
     FROM read_csv('${name}', header = true) GROUP BY ALL`,
  );
  const t2 = performance.now();
  let rows = 0;
  const n = table.getChild('n');
  for (let i = 0; i < table.numRows; i++) rows += Number(n?.get(i) ?? 0);
  await db.dropFile(name);
  return { ms: t2 - t0, registerMs: t1 - t0, queryMs: t2 - t1, rows: rows + 1, groups: table.numRows };
}

declare global {
  interface Window {
    lowerBounds: {
      fetchBytes(url: string): Promise<number>;
      papa(): LowerTiming;
      udsv(): LowerTiming;
      duckdbInit(): Promise<{ ms: number; version: string }>;
      duckdb(): Promise<DuckTiming>;
      release(): void;
    };
  }
}

// The bytes of the file under test, fetched once per file; each run decodes them anew.
let current: Uint8Array | null = null;

window.lowerBounds = {
  async fetchBytes(url) {
    current = await fetchBytes(url);
    return current.length;
  },
  papa: () => papa(current!),
  udsv: () => udsv(current!),
  duckdbInit,
  // DuckDB takes ownership of the buffer it registers: give it a copy.
  duckdb: () => duckdb(current!.slice()),
  release() {
    current = null;
  },
};
document.title = 'lower-bounds ready';
