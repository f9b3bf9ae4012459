// The chart tests' fixture must be the built-in dataset itself: read data/*.csv with the real
// parser and compare.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { level1Summaries } from '@/domain/aggregate';
import { recordKey } from '@/domain/keys';
import { chunksToRows } from '@/domain/columns';
import { knownRecordsOf, parseFile, type KnownRecord } from '@/domain/parseFile';
import type { IndicatorRow, PerfRecord } from '@/domain/types';
import { INDICATORS, RECORDS } from './fixtures';

let known: Map<string, KnownRecord> = new Map();

async function rowsOf<T>(name: string): Promise<T[]> {
  const bytes = new Uint8Array(readFileSync(new URL(`../../data/${name}`, import.meta.url)));
  const parsed = await parseFile(bytes, name, { knownRecords: known });
  expect(parsed.errors).toEqual([]);
  // Indicator files refer to the records read before them.
  if (parsed.kind === 'records') known = knownRecordsOf(parsed);
  return chunksToRows(parsed.chunks) as T[];
}

const FIGURES = [
  'budget_initial',
  'budget',
  'expenditure',
  'budget_basic',
  'budget_project',
  'expenditure_basic',
  'expenditure_project',
  'carryover',
  'carryover_rate',
  'budget_final_diff_rate',
  'score',
  'grade',
] as const;

test('fixture records carry the figures of data/records.csv', async () => {
  const real = await rowsOf<PerfRecord>('records.csv');
  expect(real.map(recordKey).sort()).toEqual(RECORDS.map(recordKey).sort());
  for (const f of RECORDS) {
    const r = real.find((x) => recordKey(x) === recordKey(f))!;
    for (const field of FIGURES) expect([recordKey(f), field, r[field]]).toEqual([recordKey(f), field, f[field]]);
  }
});

test('fixture level-1 summaries match those of data/indicators.csv', async () => {
  await rowsOf<PerfRecord>('records.csv');
  const real = level1Summaries(await rowsOf<IndicatorRow>('indicators.csv'));
  const mine = level1Summaries(INDICATORS);
  for (const s of mine) {
    const r = real.find((x) => x.recordKey === s.recordKey && x.level1 === s.level1);
    expect([s.recordKey, s.level1, r?.weight, r?.score]).toEqual([s.recordKey, s.level1, s.weight, s.score]);
  }
});
