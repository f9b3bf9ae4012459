import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { level1Summaries } from '@/domain/aggregate';
import { chunksToRows, rowsToChunks } from '@/domain/columns';
import { recordKey } from '@/domain/keys';
import {
  appendLevel1Rows,
  emptyLevel1,
  Level1Builder,
  level1Rows,
  level1TableOf,
  tableRecordKeys,
  type Level1Summary,
  type Level1Table,
} from '@/domain/level1';
import { mergeByPosition, mergeLevel1 } from '@/domain/level1Merge';
import { knownRecordsOf, parseFile } from '@/domain/parseFile';
import type { ColumnChunk, IndicatorRow, Scope } from '@/domain/types';

/**
 * The rule written the plain way, row objects and all, as an independent oracle for the
 * column-wise code: group by record and level-1 name in order of first appearance; the level-1
 * row's own figures, else the sum of the level-2 rows, else of the level-3 rows; any missing part
 * makes the sum missing.
 */
function oracle(rows: readonly IndicatorRow[]): Level1Summary[] {
  const groups = new Map<string, IndicatorRow[]>();
  for (const r of rows) {
    const k = JSON.stringify([recordKey(r), r.level1]);
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  const sum = (list: IndicatorRow[], f: 'weight' | 'score'): number | null =>
    list.some((r) => r[f] === null) ? null : list.reduce((a, r) => a + (r[f] as number), 0);
  return [...groups.values()].map((list) => {
    const first = list[0]!;
    const own = list.find((r) => r.level2 === '' && r.level3 === '');
    const level2 = list.filter((r) => r.level2 !== '' && r.level3 === '');
    const parts = level2.length > 0 ? level2 : list.filter((r) => r.level3 !== '');
    const weight = own ? own.weight : sum(parts, 'weight');
    const score = own ? own.score : sum(parts, 'score');
    return {
      agency: first.agency,
      year: first.year,
      scope: first.scope,
      project: first.project,
      recordKey: recordKey(first),
      level1: first.level1,
      weight,
      score,
      rate: weight !== null && score !== null && weight > 0 ? (score / weight) * 100 : null,
    };
  });
}

async function builtinIndicators(): Promise<ColumnChunk[]> {
  const bytes = (name: string) =>
    new Uint8Array(readFileSync(fileURLToPath(new URL(`../../data/${name}`, import.meta.url))));
  const records = await parseFile(bytes('records.csv'), 'records.csv');
  const parsed = await parseFile(bytes('indicators.csv'), 'indicators.csv', { knownRecords: knownRecordsOf(records) });
  expect(parsed.errorCount).toBe(0);
  return parsed.chunks;
}

const text = (values: readonly string[]) => fc.constantFrom(...values);
const figure = fc.option(
  fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100),
  { nil: null, freq: 6 },
);
/** Rows of a few records and names, in any order: records interleave, levels repeat, figures go missing. */
const rowArb: fc.Arbitrary<IndicatorRow> = fc.record({
  agency: text(['甲单位', '乙单位']),
  year: fc.constantFrom(2022, 2023),
  scope: fc.constantFrom<Scope>('department', 'project'),
  project: text(['', '招商活动']),
  level1: text(['决策', '过程', '产出']),
  level2: text(['', '数量指标', '质量指标']),
  level3: text(['', '次数', '满意度', '完成率']),
  weight: figure,
  score: figure,
  target: fc.constant(''),
  actual: fc.constant(''),
  note: fc.constant(''),
  source: fc.constant(''),
  evidence: fc.constant(''),
});

/** The table of `chunks`, built one chunk at a time as the database does. */
function tableOf(chunks: readonly ColumnChunk[], only?: (k: string) => boolean): Level1Table {
  const b = new Level1Builder();
  let offset = 0;
  for (const chunk of chunks) {
    b.add({ chunk, major: 0, minorBase: offset, rows: null }, only);
    offset += chunk.length;
  }
  return b.finish();
}

describe('level-1 summaries, column-wise', () => {
  it('equal the plain rule on the built-in dataset, and level1Summaries gives the same', async () => {
    const chunks = await builtinIndicators();
    const rows = chunksToRows<'indicators'>(chunks);
    const expected = oracle(rows);
    expect(expected.length).toBeGreaterThan(10);
    expect(level1Rows(level1TableOf(chunks))).toEqual(expected);
    expect(level1Summaries(rows)).toEqual(expected);
  });

  it('made a slice at a time (as the page does, a task per slice), are the same objects in the same order', async () => {
    const table = level1TableOf(await builtinIndicators());
    const keys = tableRecordKeys(table);
    for (const slice of [1, 3, 7, table.length]) {
      const out: Level1Summary[] = [];
      for (let from = 0; from < table.length; from += slice)
        appendLevel1Rows(table, keys, from, Math.min(table.length, from + slice), out);
      expect(out).toEqual(level1Rows(table));
    }
  });

  it('equal the plain rule on random rows, whatever the chunk boundaries', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 60 }), fc.integer({ min: 1, max: 7 }), (rows, size) => {
        const expected = oracle(rows);
        expect(level1Rows(tableOf(rowsToChunks('indicators', rows, size)))).toEqual(expected);
        expect(level1Summaries(rows)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("equal the plain rule past the builder's first room: thousands of records, a dozen level-1 names", () => {
    // More groups and records than the typed columns start with, so that every column grows,
    // and a dozen names interleaved within records.
    const names = Array.from({ length: 12 }, (_, k) => `一级${k}`);
    const rows: IndicatorRow[] = [];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let r = 0; r < 2500; r++) {
      for (let k = 0; k < 1 + Math.floor(next() * 4); k++) {
        const level1 = names[Math.floor(next() * names.length)]!;
        const level2 = next() < 0.5 ? '' : '数量指标';
        rows.push({
          agency: `单位${r % 97}`,
          year: 2020 + (r % 5),
          scope: 'project',
          project: `项目${r}`,
          level1,
          level2,
          level3: level2 !== '' && next() < 0.5 ? '完成率' : '',
          weight: next() < 0.05 ? null : Math.round(next() * 1000) / 100,
          score: Math.round(next() * 1000) / 100,
          target: '',
          actual: '',
          note: '',
          source: '',
          evidence: '',
        });
      }
    }
    const chunks = rowsToChunks('indicators', rows, 777);
    const table = tableOf(chunks);
    expect(table.length).toBeGreaterThan(4 * 1024);
    expect(level1Rows(table)).toEqual(oracle(rows));
    // Each summary stands where its first row does.
    const firstRow = new Map<string, number>();
    rows.forEach((r, i) => {
      const k = JSON.stringify([recordKey(r), r.level1]);
      if (!firstRow.has(k)) firstRow.set(k, i);
    });
    const keys = tableRecordKeys(table);
    for (let i = 0; i < table.length; i++)
      expect(table.minor[i]).toBe(firstRow.get(JSON.stringify([keys[table.record[i]!], table.names[table.name[i]!]])));
  });

  it('take a level-1 row as given, else add level-2 rows, else level-3 rows; a missing part makes the sum missing', () => {
    const base = {
      agency: '甲单位',
      year: 2023,
      scope: 'department' as const,
      project: '',
      target: '',
      actual: '',
      note: '',
      source: '',
      evidence: '',
    };
    const rows: IndicatorRow[] = [
      { ...base, level1: '决策', level2: '立项', level3: '依据', weight: 5, score: 4 },
      { ...base, level1: '决策', level2: '', level3: '', weight: 20, score: 18 },
      { ...base, level1: '过程', level2: '资金', level3: '', weight: 10, score: 9 },
      { ...base, level1: '过程', level2: '资金', level3: '到位率', weight: 99, score: 99 },
      { ...base, level1: '过程', level2: '组织', level3: '', weight: 10, score: 7.5 },
      { ...base, level1: '产出', level2: '数量', level3: '次数', weight: 15, score: 15 },
      { ...base, level1: '产出', level2: '质量', level3: '合格率', weight: 15, score: null },
    ];
    const out = level1Rows(level1TableOf(rowsToChunks('indicators', rows)));
    expect(out.map((s) => [s.level1, s.weight, s.score, s.rate])).toEqual([
      ['决策', 20, 18, 90],
      ['过程', 20, 16.5, 82.5],
      ['产出', 30, null, null],
    ]);
  });

  it('of some records, merged into the table of an earlier version, equal those of the whole new version', () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { maxLength: 60 }),
        fc.array(rowArb, { maxLength: 60 }),
        fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 60 }),
        fc.subarray(['甲单位', '乙单位']),
        (earlier, later, slots, agencies) => {
          // The records of `agencies` changed: their rows are now those of `later`, the others'
          // those of `earlier`, which keep their positions (as stored rows do). The new rows may
          // come before, between or after them, as versions brought back by a rollback do.
          const changed = (r: { agency: string }) => agencies.includes(r.agency);
          const kept = earlier.flatMap((r, i) => (changed(r) ? [] : [{ r, at: 2 * i }]));
          const places = [...slots].sort((a, b) => a - b);
          const added = later.filter(changed).map((r, k) => ({ r, at: 2 * (places[k] ?? 60) + 1 + k / 1000 }));
          const all = [...kept, ...added].sort((a, b) => a.at - b.at);
          const positioned = (list: Array<{ r: IndicatorRow; at: number }>, only?: (k: string) => boolean) => {
            const b = new Level1Builder();
            for (const { r, at } of list)
              // One row per chunk: chunks sized for it (a full-size chunk allocates 50,000 slots per column).
              b.add({ chunk: rowsToChunks('indicators', [r], 1)[0]!, major: 1, minorBase: at, rows: null }, only);
            return b.finish();
          };
          const old = positioned(earlier.map((r, i) => ({ r, at: 2 * i })));
          const keys = new Set([...earlier, ...later].filter(changed).map(recordKey));
          const fresh = positioned(all, (k) => keys.has(k));
          const merged = mergeLevel1(old, (k) => keys.has(k), fresh);
          expect(level1Rows(merged)).toEqual(oracle(all.map(({ r }) => r)));
        },
      ),
      { numRuns: 200 },
    );
  }, 120_000);

  it('of a new batch after the stored ones: the same table as merged summary by summary', () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { maxLength: 60 }),
        fc.array(rowArb, { maxLength: 60 }),
        fc.subarray(['甲单位', '乙单位']),
        fc.integer({ min: 1, max: 7 }),
        (stored, batch, agencies, chunkRows) => {
          // The batch's records are those of `agencies`; each is replaced by the batch's rows.
          const rows = batch.filter((r) => agencies.includes(r.agency));
          const keys = new Set(rows.map(recordKey));
          const old = tableOf(rowsToChunks('indicators', stored, chunkRows));
          const b = new Level1Builder();
          rowsToChunks('indicators', rows, chunkRows).forEach((chunk, seq) =>
            b.add({ chunk, major: 2, minorBase: seq * 100, rows: null }),
          );
          const fresh = b.finish();
          const replaced = (k: string) => keys.has(k);
          const oldKeys = tableRecordKeys(old);
          const byPosition = mergeByPosition(
            old,
            oldKeys,
            oldKeys.map((k) => !replaced(k)),
            fresh,
            tableRecordKeys(fresh),
          );
          expect(mergeLevel1(old, replaced, fresh)).toEqual(byPosition);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('of nothing are nothing, and merging nothing changes nothing', () => {
    expect(level1Rows(emptyLevel1())).toEqual([]);
    const rows = [
      {
        agency: '甲单位',
        year: 2023,
        scope: 'department' as const,
        project: '',
        level1: '决策',
        level2: '',
        level3: '',
        weight: 20,
        score: 18,
        target: '',
        actual: '',
        note: '',
        source: '',
        evidence: '',
      },
    ];
    const t = level1TableOf(rowsToChunks('indicators', rows));
    expect(level1Rows(mergeLevel1(t, () => false, emptyLevel1()))).toEqual(level1Rows(t));
    expect(level1Rows(mergeLevel1(t, () => true, emptyLevel1()))).toEqual([]);
  });
});
