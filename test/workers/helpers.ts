// Shared set-up for the import engine tests: a fresh fake IndexedDB per test, fixture files as
// File objects, and an engine whose posted messages are collected.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openDb, type BudgetDb } from '@/db/database';
import { ImportEngine } from '@/workers/importEngine';
import type { FileHasher } from '@/workers/hasher';
import type { FromWorker } from '@/workers/protocol';

let dbCount = 0;

export function freshDb(): BudgetDb {
  dbCount++;
  return openDb(`import-test-${process.pid}-${dbCount}-${Date.now()}`);
}

// From the repository root (where vitest runs): import.meta.url is not a file: URL under happy-dom.
export const FIXTURES = path.join(process.cwd(), 'test', 'fixtures', 'import') + path.sep;

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(FIXTURES + name));
}

export function fixture(name: string): File {
  return new File([fixtureBytes(name) as Uint8Array<ArrayBuffer>], name);
}

export function textFile(name: string, text: string): File {
  return new File([text], name);
}

export interface Harness {
  db: BudgetDb;
  engine: ImportEngine;
  messages: FromWorker[];
  /** The last message of a type. */
  last<T extends FromWorker['type']>(type: T): Extract<FromWorker, { type: T }>;
}

export function harness(
  db: BudgetDb = freshDb(),
  onPost?: (msg: FromWorker, engine: ImportEngine) => void,
  hasher: FileHasher | null = null,
): Harness {
  const messages: FromWorker[] = [];
  const engine: ImportEngine = new ImportEngine(
    db,
    (msg) => {
      // Through structured cloning, as postMessage does: what cannot cross must fail here too.
      messages.push(structuredClone(msg));
      onPost?.(msg, engine);
    },
    hasher ? { hasher } : {},
  );
  return {
    db,
    engine,
    messages,
    last(type) {
      const found = [...messages].reverse().find((m) => m.type === type);
      if (!found) throw new Error(`no '${type}' message among: ${messages.map((m) => m.type).join(', ')}`);
      return found as never;
    },
  };
}

/** Header and rows of a records file in the contract's Chinese labels. */
export const RECORDS_HEADER = '单位名称,地区,年度,评价类型,项目名称,全年预算数（万元）,全年执行数（万元）,评价得分';
export const INDICATORS_HEADER = '单位名称,年度,评价类型,项目名称,一级指标,二级指标,三级指标,分值,得分';
