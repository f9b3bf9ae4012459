import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ensureBuiltin } from '@/db/builtin';
import type { BudgetDb } from '@/db/database';
import { exportAll } from '@/db/exportAll';
import { commitFile, loadCurrent, rollbackBatch } from '@/db/ledger';
import { agencyRegion } from '@/domain/agencies';
import { toCsv } from '@/domain/exportCsv';
import { recordKey, rowKey } from '@/domain/keys';
import { knownRecordsOf } from '@/domain/parseFile';
import { isEmptyMarker } from '@/domain/values';
import { normalizeName } from '@/domain/normalize';
import {
  FINDING_KINDS,
  GRADES,
  KINDS,
  type FindingRow,
  type FundLine,
  type IndicatorRow,
  type Kind,
  type PerfRecord,
} from '@/domain/types';
import { freshDb, freshDbPerTest, indicator, parseRows, parseText, readBuiltinFiles, record } from './helpers';

const db = freshDbPerTest();

/** Imports exported files into `target` as an analyst would: records first, then the rest. */
async function importExport(target: BudgetDb, files: Record<Kind, string>): Promise<void> {
  let known = new Map();
  for (const kind of KINDS) {
    const parsed = await parseText(files[kind], `${kind}.csv`, { knownRecords: known });
    if (parsed.rows === 0) continue; // an export of an empty kind is a header only: nothing to import
    expect(parsed.errors).toEqual([]);
    expect(parsed.kind).toBe(kind);
    await commitFile(target, parsed);
    if (kind === 'records') known = knownRecordsOf(parsed);
  }
}

async function currentOfAll(d: BudgetDb) {
  return {
    records: await loadCurrent(d, 'records'),
    indicators: await loadCurrent(d, 'indicators'),
    funds: await loadCurrent(d, 'funds'),
    findings: await loadCurrent(d, 'findings'),
  };
}

describe('export → import', () => {
  it('reproduces the current data of all four kinds in an empty database', async () => {
    const source = db();
    await ensureBuiltin(source, async () => readBuiltinFiles());
    // Some history on top: a superseding upload, and one rolled back.
    const builtinRecords = await loadCurrent(source, 'records');
    const changed = { ...builtinRecords[0]!, note: '=更正, 含 "引号"\n换行', score: 77.5, grade: '中' as const };
    const extra = record({ agency: '+新单位', project: '', note: '@备注' });
    await commitFile(source, await parseRows('records', [changed, extra]));
    const gone = await commitFile(source, await parseRows('records', [record({ agency: '回滚单位' })]));
    await rollbackBatch(source, gone.batch.id);
    await commitFile(
      source,
      await parseRows(
        'indicators',
        [indicator({ agency: '+新单位', level1: '-负面清单', target: '≤90万元', actual: "'=引号开头" })],
        'i.csv',
        {
          knownRecords: knownRecordsOf(await parseRows('records', [extra])),
        },
      ),
    );

    const { files } = await exportAll(source);
    for (const kind of KINDS) expect(files[kind].startsWith('\uFEFF')).toBe(true);
    const target = db();
    await importExport(target, files);
    const before = await currentOfAll(source);
    expect(before.records.length).toBe(builtinRecords.length + 1);
    expect(await currentOfAll(target)).toEqual(before);
    // Exporting the imported copy gives the same bytes.
    expect((await exportAll(target)).files).toEqual(files);
  });

  it('leaves out, and counts, the rows of records a rollback took away, so the export imports again', async () => {
    const source = db();
    await ensureBuiltin(source, async () => readBuiltinFiles());
    const kept = record({ agency: '甲单位', project: '' });
    const gone = record({ agency: '丙单位', project: '' });
    const upload = await commitFile(source, await parseRows('records', [gone]));
    const known = knownRecordsOf(await parseRows('records', [kept, gone]));
    await commitFile(source, await parseRows('records', [kept]));
    const rows = [indicator({ agency: '甲单位', level1: '决策' }), indicator({ agency: '丙单位', level1: '决策' })];
    await commitFile(source, await parseRows('indicators', rows, 'i.csv', { knownRecords: known }));
    if (upload.status !== 'committed') throw new Error('not committed');
    await rollbackBatch(source, upload.batch.id);

    const { files, leftOut } = await exportAll(source);
    expect(leftOut).toEqual({ records: 0, indicators: 1, funds: 0, findings: 0 });
    expect(files.indicators).toContain('甲单位');
    expect(files.indicators).not.toContain('丙单位');
    const target = db();
    await importExport(target, files);
    const before = await currentOfAll(source);
    const current = new Set(before.records.map(recordKey));
    expect(await currentOfAll(target)).toEqual({
      ...before,
      indicators: before.indicators.filter((r) => current.has(recordKey(r))),
    });
  });

  it('writes a header-only file for a kind with no rows', async () => {
    const { files } = await exportAll(db());
    for (const kind of KINDS) expect(files[kind]).toBe(toCsv(kind, []));
  });
});

// ---- property: random valid datasets survive export → import unchanged ----

// No lone CR: the importer reads every line break inside a cell as LF, so stored text has none.
const CHARS = [
  'a',
  'Z',
  '7',
  ' ',
  '中',
  '项',
  '目',
  ',',
  '"',
  '\n',
  ';',
  '\t',
  '=',
  '+',
  '-',
  '@',
  "'",
  '%',
  '（',
  '≥',
  '/',
  '—',
  '无',
  '元',
  '\u3000',
];
/** Text as stored after import: trimmed, never an empty marker (those mean "no value"). */
const text = fc
  .array(fc.constantFrom(...CHARS), { maxLength: 10 })
  .map((a) => a.join('').trim())
  .map((s) => (isEmptyMarker(s) ? '' : s));
/** A name (agency, project, level, item) as stored: in its one form (normalizeName). */
const name = text.map(normalizeName).filter((s) => !isEmptyMarker(s));
const requiredName = name.filter((s) => s !== '');
/** A required text that is not a name (a finding's text). */
const required = text.filter((s) => s !== '');
const decimal = (max: number, places: number) =>
  fc.tuple(fc.integer({ min: 0, max }), fc.integer({ min: 0, max: places })).map(([n, k]) => n / 10 ** k);
const amount = fc.option(decimal(1e9, 6), { nil: null });
const percent = fc.option(
  fc
    .oneof(
      decimal(1e5, 4).chain((x) => fc.constantFrom(x, -x)),
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    )
    .map((x) => (x === 0 ? 0 : x)),
  { nil: null },
);
const agency = fc.oneof(
  requiredName.map((s) => normalizeName(`单位${s}`)),
  fc.constant('北京市朝阳区投资促进服务中心'),
);

const recordArb: fc.Arbitrary<PerfRecord> = fc
  .record({
    agency,
    region: text,
    year: fc.integer({ min: 1990, max: 2100 }),
    project: fc.option(requiredName, { nil: '' }),
    budget_initial: amount,
    budget: amount,
    expenditure: amount,
    execution_rate: percent,
    budget_basic: amount,
    budget_project: amount,
    expenditure_basic: amount,
    expenditure_project: amount,
    carryover: amount,
    carryover_rate: percent,
    final_accounts: amount,
    budget_final_diff_rate: percent,
    score: fc.option(decimal(100, 2), { nil: null }),
    grade: fc.constantFrom(...GRADES),
    gradeGiven: fc.boolean(),
    rate: decimal(200, 2),
    evaluator: text,
    source: text,
    note: text,
    evidence: text,
  })
  .map(({ gradeGiven, rate, ...r }) => {
    // What stored records always satisfy (the parser derives these when a file leaves them out).
    const derivedRate = r.budget !== null && r.budget > 0 && r.expenditure !== null;
    return {
      ...r,
      scope: r.project === '' ? 'department' : 'project',
      region: r.region === '' ? agencyRegion(r.agency) : r.region,
      execution_rate: derivedRate && r.execution_rate === null ? rate : r.execution_rate,
      grade: r.score !== null || gradeGiven ? r.grade : null,
    } as PerfRecord;
  });

function indicatorArb(records: readonly PerfRecord[]): fc.Arbitrary<IndicatorRow> {
  return fc
    .record({
      of: fc.integer({ min: 0, max: records.length - 1 }),
      level1: requiredName,
      level2: name,
      level3: name,
      weight: fc.option(decimal(100, 2), { nil: null }),
      share: fc.double({ min: 0, max: 1, noNaN: true }),
      hasScore: fc.boolean(),
      target: text,
      actual: text,
      note: text,
      source: text,
      evidence: text,
    })
    .map(({ of, share, hasScore, weight, ...r }) => {
      const rec = records[of]!;
      const score = hasScore
        ? weight === null
          ? Math.round(share * 10000) / 100
          : Math.floor(weight * share * 100) / 100
        : null;
      return {
        agency: rec.agency,
        year: rec.year,
        scope: rec.scope,
        project: rec.project,
        ...r,
        level3: r.level2 === '' ? '' : r.level3,
        weight,
        score,
      };
    });
}

function fundArb(records: readonly PerfRecord[]): fc.Arbitrary<FundLine> {
  return fc
    .record({
      of: fc.integer({ min: 0, max: records.length - 1 }),
      category: fc.constantFrom('source' as const, 'line_item' as const),
      item: requiredName,
      budget: amount,
      contract: amount,
      expenditure: amount,
      source: text,
      evidence: text,
    })
    .map(({ of, ...r }) => {
      const rec = records[of]!;
      return { agency: rec.agency, year: rec.year, scope: rec.scope, project: rec.project, ...r };
    });
}

function findingArb(records: readonly PerfRecord[]): fc.Arbitrary<FindingRow> {
  return fc
    .record({
      of: fc.integer({ min: 0, max: records.length - 1 }),
      kind: fc.constantFrom(...FINDING_KINDS),
      seq: fc.integer({ min: 1, max: 99_999 }),
      text: required,
      source: text,
      evidence: text,
    })
    .map(({ of, ...r }) => {
      const rec = records[of]!;
      return { agency: rec.agency, year: rec.year, scope: rec.scope, project: rec.project, ...r };
    });
}

const datasetArb = fc
  .uniqueArray(recordArb, { minLength: 1, maxLength: 6, selector: (r) => recordKey(r) })
  .chain((records) =>
    fc.record({
      records: fc.constant(records),
      indicators: fc.uniqueArray(indicatorArb(records), { maxLength: 10, selector: (r) => rowKey('indicators', r) }),
      funds: fc.uniqueArray(fundArb(records), { maxLength: 6, selector: (r) => rowKey('funds', r) }),
      findings: fc.uniqueArray(findingArb(records), { maxLength: 6, selector: (r) => rowKey('findings', r) }),
    }),
  );

describe('property: export → import', () => {
  it('random valid datasets come back unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(datasetArb, async (data) => {
        const files = {
          records: toCsv('records', data.records),
          indicators: toCsv('indicators', data.indicators),
          funds: toCsv('funds', data.funds),
          findings: toCsv('findings', data.findings),
        };
        const d = freshDb();
        try {
          await importExport(d, files);
          expect(await currentOfAll(d)).toEqual(data);
          expect((await exportAll(d)).files).toEqual(files);
        } finally {
          await d.delete();
        }
      }),
      { numRuns: 60 },
    );
  });
});
