import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { agencyRegion } from '@/domain/agencies';
import { executionRate, gradeFromScore } from '@/domain/derive';
import { recordKey, rowKey } from '@/domain/keys';
import { SCHEMA, type FieldSpec } from '@/domain/schema';
import { TEMPLATE_ROWS } from '@/domain/templates';
import { GRADES, type FundLine, type IndicatorRow, type Kind, type PerfRecord } from '@/domain/types';
import { isEmptyMarker } from '@/domain/values';
import { normalizeName } from '@/domain/normalize';
import { workbookTables } from '@/domain/workbook/contractSheet';
import { readWorkbook } from '@/domain/workbook/read';
import { xmlText } from '@/domain/workbook/spreadsheetml';
import { SHEET_NAMES, templateXlsx, toXlsx, type RowsByKind } from '@/domain/workbook/write';
import { parseSheets, tableOf } from './helpers';

async function reimport(bytes: Uint8Array) {
  const r = await readWorkbook(bytes, 'export.xlsx');
  if (!r.ok) throw new Error(r.code);
  const tables = await workbookTables(r.workbook);
  return { tables, workbook: r.workbook, parsed: parseSheets(tables.sheets) };
}

function part(bytes: Uint8Array, name: string): string {
  return strFromU8(unzipSync(bytes)[name]!);
}

describe('toXlsx', () => {
  it('writes a sheet per kind with the header frozen, typed 0.00 / 0.00% / integer cells and column widths', async () => {
    const bytes = templateXlsx();
    const sheet1 = part(bytes, 'xl/worksheets/sheet1.xml');
    expect(sheet1).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(sheet1).toMatch(/<col min="1" max="1" width="\d+" customWidth="1"\/>/);
    const { workbook } = await reimport(bytes);
    expect(workbook.sheets.map((s) => s.name)).toEqual([
      SHEET_NAMES.records,
      SHEET_NAMES.indicators,
      SHEET_NAMES.funds,
      SHEET_NAMES.findings,
    ]);
    const row2 = (await tableOf(workbook, 0)).grid[1]!;
    const at = (label: string) => row2[SCHEMA.records.findIndex((f) => f.label === label)]!;
    expect(at('全年预算数（万元）')).toMatchObject({ value: 120, format: '0.00', text: '120.00' });
    expect(at('预算执行率')).toMatchObject({ value: 0.95, format: '0.00%', text: '95.00%' });
    expect(at('年度')).toMatchObject({ value: 2024, format: '0' });
    expect(at('评价类型').text).toBe('项目');
  });

  it('the .xlsx template imports without an error, one example row per kind', async () => {
    const { parsed } = await reimport(templateXlsx());
    expect(parsed.map((p) => [p.kind, p.errors.length, p.rows.length])).toEqual([
      ['records', 0, 1],
      ['indicators', 0, 1],
      ['funds', 0, 1],
      ['findings', 0, 1],
    ]);
    expect(parsed[0]!.rows[0]).toEqual(TEMPLATE_ROWS.records);
  });

  it('text that starts like a formula is a string cell with the quote prefix, never a formula', async () => {
    const rec = { ...TEMPLATE_ROWS.records, note: '=HYPERLINK("x")', source: '-2+3' };
    const bytes = toXlsx({ records: [rec] });
    const sheet = part(bytes, 'xl/worksheets/sheet1.xml');
    expect(sheet).not.toContain('<f>');
    const styles = part(bytes, 'xl/styles.xml');
    expect(styles).toContain('quotePrefix="1"');
    const { parsed } = await reimport(bytes);
    expect(parsed[0]!.rows[0]).toMatchObject({ note: '=HYPERLINK("x")', source: '-2+3' });
  });

  it('keeps characters XML cannot hold, and a literal _x0041_, exactly', () => {
    expect(xmlText('a\u0001b')).toBe('a_x0001_b');
    expect(xmlText('_x0041_')).toBe('_x005F_x0041_');
    expect(xmlText('<&>"')).toBe('&lt;&amp;&gt;&quot;');
  });
});

// ---- property: an exported workbook re-imports to the same data ----

// No CR: stored text has none (the CSV importer reads every line break as LF, and SheetJS reads
// CRLF in a cell as LF).
const CHARS = [
  'a',
  'Z',
  '7',
  ' ',
  '中',
  '项',
  '\n',
  '\t',
  '=',
  '+',
  '-',
  '@',
  "'",
  '%',
  '≥',
  '/',
  '—',
  '_x0041_',
  '<',
  '&',
];
const text = fc
  .array(fc.constantFrom(...CHARS), { maxLength: 8 })
  .map((a) => a.join('').trim())
  .map((s) => (isEmptyMarker(s) ? '' : s));
const nonEmpty = text.filter((s) => s !== '');
const decimal = (max: number, places: number) =>
  fc.tuple(fc.integer({ min: 0, max }), fc.integer({ min: 0, max: places })).map(([n, k]) => n / 10 ** k);

/** An arbitrary value of a field, by its contract type. */
function valueOf(f: FieldSpec): fc.Arbitrary<unknown> {
  switch (f.type) {
    case 'amount':
      return fc.option(decimal(1e9, 6), { nil: null });
    case 'percent':
      return fc.option(
        decimal(1e5, 4).chain((x) => fc.constantFrom(x, x === 0 ? 0 : -x)),
        { nil: null },
      );
    case 'number':
      return fc.option(decimal(100, 2), { nil: null });
    case 'integer':
      return fc.integer({ min: 1990, max: 2100 });
    case 'grade':
      return fc.option(fc.constantFrom(...GRADES), { nil: null });
    case 'category':
      return fc.constantFrom('source', 'line_item');
    default: {
      const arb = f.required === 'yes' ? nonEmpty : text;
      // Names are stored in one form (normalizeName): that is what an export holds.
      return NAMES.has(f.name) ? arb.map(normalizeName).filter((s) => f.required !== 'yes' || s !== '') : arb;
    }
  }
}

const NAMES = new Set(['agency', 'project', 'level1', 'level2', 'level3', 'item']);

function rowArb(kind: Kind): fc.Arbitrary<Record<string, unknown>> {
  const fields = Object.fromEntries(SCHEMA[kind].filter((f) => f.type !== 'scope').map((f) => [f.name, valueOf(f)]));
  return fc.record(fields) as fc.Arbitrary<Record<string, unknown>>;
}

/** Records as stored: what the importer derives (region, rate, grade) already filled in. */
const recordArb = rowArb('records')
  .map((r) => {
    const rec = { ...r, agency: `单位${String(r.agency)}` } as unknown as PerfRecord;
    rec.scope = rec.project === '' ? 'department' : 'project';
    if (rec.region === '') rec.region = agencyRegion(rec.agency);
    rec.execution_rate ??= executionRate(rec.budget, rec.expenditure);
    rec.grade ??= gradeFromScore(rec.score);
    if (rec.score !== null && rec.score > 100) rec.score = 100;
    return rec;
  })
  // A workbook holds a number as Excel's General format shows it (11 significant digits): a rate
  // derived from a budget of 0.0001 万元 (4.5 × 10¹³ %) has more. Rates stay in the percent range above.
  .filter((rec) => rec.execution_rate === null || Math.abs(rec.execution_rate) <= 1e5);

function childArb<K extends 'indicators' | 'funds'>(kind: K, records: readonly PerfRecord[]) {
  return fc.tuple(fc.integer({ min: 0, max: records.length - 1 }), rowArb(kind)).map(([i, r]) => {
    const rec = records[i]!;
    const row = { ...r, agency: rec.agency, year: rec.year, scope: rec.scope, project: rec.project };
    if (kind === 'indicators') {
      const ind = row as unknown as IndicatorRow;
      if (ind.level2 === '') ind.level3 = '';
      if (ind.weight !== null && ind.score !== null && ind.score > ind.weight) ind.score = ind.weight;
    }
    return row as unknown as K extends 'indicators' ? IndicatorRow : FundLine;
  });
}

const datasetArb = fc
  .uniqueArray(recordArb, { minLength: 1, maxLength: 5, selector: (r) => recordKey(r) })
  .chain((records) =>
    fc.record({
      records: fc.constant(records),
      indicators: fc.uniqueArray(childArb('indicators', records), {
        maxLength: 8,
        selector: (r) => rowKey('indicators', r),
      }),
      funds: fc.uniqueArray(childArb('funds', records), { maxLength: 5, selector: (r) => rowKey('funds', r) }),
    }),
  );

describe('property: export → import', () => {
  it('an exported workbook, read back through the reader, the adapter and the pipeline, gives the same rows', async () => {
    await fc.assert(
      fc.asyncProperty(datasetArb, async (data) => {
        const { parsed } = await reimport(toXlsx(data as RowsByKind));
        expect(parsed.map((p) => p.kind)).toEqual(['records', 'indicators', 'funds']);
        // A kind with no rows exports as its header alone, which the importer calls nothing to import.
        const lengths = [data.records.length, data.indicators.length, data.funds.length];
        expect(parsed.map((p, i) => (lengths[i] === 0 ? [] : p.errors))).toEqual([[], [], []]);
        expect({ records: parsed[0]!.rows, indicators: parsed[1]!.rows, funds: parsed[2]!.rows }).toEqual(data);
      }),
      { numRuns: 60 },
    );
  });
});
