import { afterEach } from 'vitest';
// Shared by the db tests: fresh databases, full dumps, row builders and a real parse of CSV text.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BudgetDb } from '@/db/database';
import type { BuiltinFiles } from '@/db/builtin';
import { toCsv } from '@/domain/exportCsv';
import { rowsToChunks } from '@/domain/columns';
import { recordKey } from '@/domain/keys';
import { parseFile, type KnownRecord } from '@/domain/parseFile';
import {
  CHUNK_ROWS,
  type FundLine,
  type IndicatorRow,
  type Kind,
  type ParsedFile,
  type PerfRecord,
  type RecordKeyFields,
  type RowOf,
} from '@/domain/types';

let counter = 0;

/** A database no other test uses. */
export function freshDb(): BudgetDb {
  counter++;
  return new BudgetDb(`test-${counter}-${Math.random().toString(36).slice(2)}`);
}

function plain(value: unknown): unknown {
  if (value instanceof Float64Array) return Array.from(value, (x) => (Number.isNaN(x) ? 'NaN' : x));
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

/** Every row of every table, typed arrays as plain arrays, for before/after comparisons. */
export async function dump(db: BudgetDb): Promise<unknown> {
  return plain({
    batches: await db.batches.toArray(),
    chunks: await db.chunks.toArray(),
    chunkKeys: await db.chunkKeys.toArray(),
    meta: await db.meta.toArray(),
  });
}

export function record(over: Partial<PerfRecord> = {}): PerfRecord {
  return {
    agency: '测试单位',
    region: '测试市',
    year: 2023,
    scope: 'department',
    project: '',
    budget_initial: null,
    budget: 100,
    expenditure: 95,
    execution_rate: 95,
    budget_basic: null,
    budget_project: null,
    expenditure_basic: null,
    expenditure_project: null,
    carryover: null,
    carryover_rate: null,
    final_accounts: null,
    budget_final_diff_rate: null,
    score: 91,
    grade: '优',
    evaluator: '自评',
    source: '测试报告',
    note: '',
    evidence: '',
    ...over,
  };
}

export function indicator(over: Partial<IndicatorRow> = {}): IndicatorRow {
  return {
    agency: '测试单位',
    year: 2023,
    scope: 'department',
    project: '',
    level1: '产出指标',
    level2: '数量指标',
    level3: '活动次数',
    weight: 10,
    score: 9,
    target: '≥1次/年',
    actual: '1次',
    note: '',
    source: '测试报告',
    evidence: '',
    ...over,
  };
}

export function fund(over: Partial<FundLine> = {}): FundLine {
  return {
    agency: '测试单位',
    year: 2023,
    scope: 'department',
    project: '',
    category: 'source',
    item: '财政拨款',
    budget: 100,
    contract: null,
    expenditure: 95,
    source: '测试报告',
    evidence: '',
    ...over,
  };
}

export interface ParseExtras {
  knownRecords?: ReadonlyMap<string, KnownRecord>;
  chunkRows?: number;
}

/** CSV text through the real parser, as an upload would go. */
export async function parseText(text: string, fileName: string, extras: ParseExtras = {}): Promise<ParsedFile> {
  return parseFile(new TextEncoder().encode(text), fileName, extras);
}

/** Rows written as the app exports them, then parsed back: a realistic ParsedFile. */
export async function parseRows<K extends Kind>(
  kind: K,
  rows: readonly RowOf[K][],
  fileName = `${kind}.csv`,
  extras: ParseExtras = {},
): Promise<ParsedFile> {
  const parsed = await parseText(toCsv(kind, rows), fileName, extras);
  if (parsed.errorCount > 0) throw new Error(`test data has errors: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
  return parsed;
}

/** A validated file of these rows, without parsing (the shape is the point), in chunks of `chunkRows`. */
export function parsedRows<K extends Kind>(
  kind: K,
  rows: readonly RowOf[K][],
  fileName: string,
  chunkRows = CHUNK_ROWS,
): ParsedFile {
  return {
    fileName,
    kind,
    encoding: 'utf-8',
    delimiter: ',',
    rows: rows.length,
    headers: [],
    errors: [],
    errorCount: 0,
    warnings: [],
    warningCount: 0,
    chunks: rowsToChunks(kind, rows, chunkRows),
    sha256: fileName.padEnd(64, '0').slice(0, 64),
    byteLength: 0,
  };
}

/** One record per record key of `rows`: what must be stored before their indicator or fund rows are committed. */
export function recordsOf(rows: readonly RecordKeyFields[]): PerfRecord[] {
  const out = new Map<string, PerfRecord>();
  for (const r of rows) {
    const k = recordKey(r);
    if (!out.has(k)) out.set(k, record({ agency: r.agency, year: r.year, scope: r.scope, project: r.project }));
  }
  return [...out.values()];
}

export function readBuiltinFiles(): BuiltinFiles {
  const dir = fileURLToPath(new URL('../../data/', import.meta.url));
  return {
    records: readFileSync(`${dir}records.csv`, 'utf8'),
    indicators: readFileSync(`${dir}indicators.csv`, 'utf8'),
    funds: readFileSync(`${dir}funds.csv`, 'utf8'),
    findings: readFileSync(`${dir}findings.csv`, 'utf8'),
  };
}

/** A `db()` that opens a fresh database per call; every database opened in a test is deleted after it. */
export function freshDbPerTest(): () => BudgetDb {
  const opened: BudgetDb[] = [];
  afterEach(async () => {
    for (const d of opened.splice(0)) await d.delete();
  });
  return () => {
    const d = freshDb();
    opened.push(d);
    return d;
  };
}
