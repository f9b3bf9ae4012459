import { describe, expect, it } from 'vitest';
import type { TableCell } from '@/domain/document/types';
import { SCHEMA } from '@/domain/schema';
import { contractCellRef, contractSheet, workbookTables } from '@/domain/workbook/contractSheet';
import { cellInput } from '@/domain/workbook/typedCell';
import type { Workbook, WorkbookSheet } from '@/domain/workbook/types';
import { specTable, type SpecRow } from '../../../scripts/fixtures/formModel';
import { parseSheet, parseSheets, tableSheet } from './helpers';

const spec = (kind: 'records' | 'indicators' | 'funds', name: string) => SCHEMA[kind].find((f) => f.name === name)!;
const cell = (c: Partial<TableCell>): TableCell => ({
  text: '',
  row: 2,
  col: 1,
  rowSpan: 1,
  colSpan: 1,
  value: null,
  ...c,
});

async function table(s: WorkbookSheet) {
  const r = await contractSheet(s);
  if (r === null) throw new Error(`${s.name} is no contract table`);
  return r;
}

function sheet(name: string, rows: SpecRow[], hidden = false): WorkbookSheet {
  return tableSheet(name, specTable(rows, { sheet: name }), hidden);
}

const RECORD_HEADER = [
  '单位名称',
  '年度',
  '评价类型',
  '项目名称',
  '全年预算数（万元）',
  '全年执行数（万元）',
  '预算执行率',
  '评价得分',
];

describe('typed-cell rules', () => {
  it('a percent-formatted fraction is percent points: 0.9692 → 96.92', () => {
    expect(cellInput(cell({ value: 0.9692, format: '0.00%', text: '96.92%' }), spec('records', 'execution_rate'))).toBe(
      '96.92',
    );
    expect(cellInput(cell({ value: 0.5, format: '0%', text: '50%' }), spec('records', 'carryover_rate'))).toBe('50');
  });

  it('a number cell is used as the number, never its display text', () => {
    // Shown as 5,334 by a `#,##0` format: the stored 5333.85 is what counts.
    expect(cellInput(cell({ value: 5333.85, format: '#,##0', text: '5,334' }), spec('records', 'budget'))).toBe(
      '5333.85',
    );
    expect(cellInput(cell({ value: 1e-7, text: '1E-07' }), spec('records', 'budget'))).toBe('0.0000001');
    expect(cellInput(cell({ value: 96.92, text: '96.92' }), spec('records', 'execution_rate'))).toBe('96.92');
  });

  it('a date cell in a year column gives its year; elsewhere it stays the date (and is refused)', () => {
    // 45292 is 2024-01-01 in the 1900 date system.
    expect(cellInput(cell({ value: 45292, format: 'yyyy-mm-dd', text: '2024-01-01' }), spec('records', 'year'))).toBe(
      '2024',
    );
    expect(cellInput(cell({ value: 2024, text: '2024' }), spec('records', 'year'))).toBe('2024');
    expect(cellInput(cell({ value: 45292, format: 'yyyy-mm-dd', text: '2024-01-01' }), spec('records', 'budget'))).toBe(
      '2024-01-01',
    );
  });

  it('text cells go through as written; a text column neutralises what the row reader un-neutralises', () => {
    expect(cellInput(cell({ text: '5,333.85' }), spec('records', 'budget'))).toBe('5,333.85');
    expect(cellInput(cell({ text: '=1+1' }), spec('records', 'note'))).toBe("'=1+1");
    expect(cellInput(cell({ value: 12, text: '12.00', format: '0.00' }), spec('indicators', 'target'))).toBe('12.00');
    expect(cellInput(undefined, spec('records', 'note'))).toBe('');
  });
});

describe('contractSheet', () => {
  it('reads a records sheet through the pipeline: typed cells, sheet row numbers', async () => {
    const s = sheet('记录', [
      RECORD_HEADER,
      [
        '北京市贸促会',
        2022,
        '部门整体',
        '',
        { value: 5333.85, format: '#,##0.00' },
        5169.66,
        { value: 0.9692, format: '0.00%' },
        95.18,
      ],
      [],
      ['测试单位', { value: 44927, format: 'yyyy"年"m"月"d"日"' }, '项目', '活动', 100, 90, '', ''],
    ]);
    const read = await table(s);
    expect(read.kind).toBe('records');
    expect(read.rows.map((r) => r.row)).toEqual([2, 4]);
    const p = parseSheet(read);
    expect(p.errors).toEqual([]);
    expect(p.rows).toMatchObject([
      {
        agency: '中国国际贸易促进委员会北京市分会',
        year: 2022,
        budget: 5333.85,
        expenditure: 5169.66,
        execution_rate: 96.92,
        score: 95.18,
      },
      { agency: '测试单位', year: 2023, scope: 'project', project: '活动', execution_rate: 90 },
    ]);
  });

  it('errors name the sheet cell and the header as written', async () => {
    const read = await table(sheet('记录', [RECORD_HEADER, ['测试单位', 2023, '部门整体', '', -5, 1, '', '']]));
    const p = parseSheet(read);
    expect(
      p.errors.map((e) => [contractCellRef('记录', e.row!, read.headerCells.indexOf(e.column!)), e.column]),
    ).toEqual([['记录!E2', '全年预算数（万元）']]);
  });

  it('finds the header below a title; a merged header names its first column; a two-row header merged down, its unit row read as the unit', async () => {
    const read = await table(
      sheet('S', [
        [{ text: '2023年评价记录', colSpan: 8 }],
        [
          { text: '单位名称', rowSpan: 2 },
          { text: '年度', rowSpan: 2 },
          { text: '评价类型', rowSpan: 2 },
          { text: '项目名称', rowSpan: 2 },
          { text: '全年预算数', colSpan: 2 },
          { text: '备注', rowSpan: 2 },
        ],
        ['（万元）', ''],
        ['测试单位', 2023, '部门整体', '', 100, 'x', 'n'],
      ]),
    );
    expect(read.headerRow).toBe(2);
    expect(read.headerCells.slice(0, 7)).toEqual([
      '单位名称',
      '年度',
      '评价类型',
      '项目名称',
      '全年预算数（万元）',
      '',
      '备注',
    ]);
    expect(read.rows.map((r) => r.row)).toEqual([4]);
    expect(read.warnings.map((w) => w.code)).toContain('rows_above_header');
    expect(parseSheet(read).rows).toMatchObject([{ budget: 100, note: 'n' }]);
  });

  it('a value merged down over rows is read in each of them, and said so', async () => {
    const read = await table(
      sheet('S', [
        RECORD_HEADER,
        [{ text: '测试单位', rowSpan: 2 }, 2023, '项目', '甲', 1, 1, '', ''],
        [2023, '项目', '乙', 2, 2, '', ''],
      ]),
    );
    expect(parseSheet(read).rows.map((r) => [r.agency, (r as { project: string }).project])).toEqual([
      ['测试单位', '甲'],
      ['测试单位', '乙'],
    ]);
    expect(read.warnings).toContainEqual(
      expect.objectContaining({ code: 'merged_cell_filled', sheet: 'S', cell: 'A2', row: 2, column: '单位名称' }),
    );
  });

  it('warns once per column about bare fractions in a percent column', async () => {
    const read = await table(
      sheet('S', [
        RECORD_HEADER,
        ['a', 2023, '部门整体', '', 1, 1, 0.97, ''],
        ['b', 2023, '部门整体', '', 1, 1, 0.5, ''],
      ]),
    );
    expect(read.warnings.filter((w) => w.code === 'percent_without_format')).toEqual([
      expect.objectContaining({
        sheet: 'S',
        cell: 'G2',
        params: { count: 2, column: '预算执行率', value: '0.97' },
      }),
    ]);
  });

  it('a sheet whose header lacks a required column is no kind', async () => {
    expect(
      await contractSheet(
        sheet('S', [
          ['单位名称', '全年预算数'],
          ['a', 1],
        ]),
      ),
    ).toBeNull();
  });
});

describe('workbookTables', () => {
  it('reads the sheets that fit a kind, records first; lists hidden, empty and other sheets', async () => {
    const indicators = sheet('指标', [
      ['单位名称', '年度', '评价类型', '项目名称', '一级指标', '分值', '得分'],
      ['测试单位', 2023, '部门整体', '', '产出', 80, 70],
    ]);
    const records = sheet('记录', [RECORD_HEADER, ['测试单位', 2023, '部门整体', '', 1, 1, '', 70]]);
    const wb: Workbook = {
      format: 'xlsx',
      sheets: [
        indicators,
        sheet('说明', [['本工作簿的填写说明']]),
        sheet('隐藏', [RECORD_HEADER], true),
        tableSheet('空', { type: 'table', grid: [], at: { sheet: '空' } }),
        records,
      ],
    };
    const t = await workbookTables(wb);
    expect(t.sheets.map((s) => [s.sheet, s.kind])).toEqual([
      ['记录', 'records'],
      ['指标', 'indicators'],
    ]);
    expect(t.skipped).toEqual([
      { sheet: '说明', reason: 'no_kind' },
      { sheet: '隐藏', reason: 'hidden' },
      { sheet: '空', reason: 'empty' },
    ]);
    // The indicator sheet finds its record in the records sheet of the same workbook.
    const parsed = parseSheets(t.sheets);
    expect(parsed.map((p) => p.errors)).toEqual([[], []]);
    expect(parsed[1]!.rows).toMatchObject([{ level1: '产出', weight: 80, score: 70 }]);
  });
});
