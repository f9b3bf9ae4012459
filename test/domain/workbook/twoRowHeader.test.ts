// A sheet whose header spans two rows, as Chinese bureau tables are often laid out: a group cell
// merged across the amount columns (资金情况（元）) with their own headers under it, the other
// headers merged down. Written as real workbooks (.xlsx, .xls, .ods) and read through the upload.
import { describe, expect, it } from 'vitest';
import { chunksToRows } from '@/domain/columns';
import { readUpload } from '@/domain/upload/readUpload';
import type { ParsedFile, PerfRecord } from '@/domain/types';
import type { SpecRow } from '../../../scripts/fixtures/formModel';
import { writeSheets } from '../../../scripts/fixtures/sheetWriter';

type BookType = 'xlsx' | 'biff8' | 'ods';
const EXT: Record<BookType, string> = { xlsx: 'xlsx', biff8: 'xls', ods: 'ods' };

async function readBook(rows: SpecRow[], bookType: BookType = 'xlsx'): Promise<ParsedFile[]> {
  const bytes = writeSheets([{ name: 'Sheet1', rows }], bookType);
  const source = {
    name: `表.${EXT[bookType]}`,
    size: bytes.length,
    head: async (n: number) => bytes.subarray(0, n),
    read: async () => bytes,
  };
  const { parts } = await readUpload([source]);
  return parts.map((p) => p.parsed);
}

const records = (p: ParsedFile) => chunksToRows(p.chunks) as PerfRecord[];

const down = (text: string) => ({ text, rowSpan: 2 });
/** The probe's layout: A1:D1 and G1:H1 merged down, 资金情况（元） over E1:F1. */
const GROUPED: SpecRow[] = [
  [
    down('单位名称'),
    down('年度'),
    down('评价类型'),
    down('项目名称'),
    { text: '资金情况（元）', colSpan: 2 },
    down('预算执行率'),
    down('评价得分'),
  ],
  ['全年预算数', '全年执行数'],
  ['测试单位', 2023, '项目', '合并表头项目', 900000, 855000, { value: 0.95, format: '0.00%' }, 92],
  ['测试单位', 2023, '项目', '第二个项目', -5, 100, '', 80],
];

describe('a header over two rows: a group merged across, the other headers merged down', () => {
  it.each<BookType>(['xlsx', 'biff8', 'ods'])(
    'reads each column by its own header and the group unit (%s)',
    async (type) => {
      const [p] = await readBook(GROUPED, type);
      expect(p!.kind).toBe('records');
      expect(p!.headers.map((h) => [h.written, h.field, h.scale])).toEqual([
        ['单位名称', 'agency', 1],
        ['年度', 'year', 1],
        ['评价类型', 'scope', 1],
        ['项目名称', 'project', 1],
        ['资金情况（元）/全年预算数', 'budget', 0.0001],
        ['资金情况（元）/全年执行数', 'expenditure', 0.0001],
        ['预算执行率', 'execution_rate', 1],
        ['评价得分', 'score', 1],
      ]);
      // Data starts in row 3; the amounts were in yuan.
      expect(records(p!).map((r) => [r.project, r.budget, r.expenditure])).toEqual([['合并表头项目', 90, 85.5]]);
      expect(p!.warnings.map((w) => w.code)).not.toContain('unknown_column');
    },
  );

  it('names the cell and the header as shown in an error under the group', async () => {
    const [p] = await readBook(GROUPED);
    expect(p!.errors.map((e) => [e.code, e.sheet, e.cell, e.row, e.column])).toEqual([
      ['amount_negative', 'Sheet1', 'E4', 4, '资金情况（元）/全年预算数'],
    ]);
  });

  it('reads a group row above headers that are not merged down, the group unit going to its amounts only', async () => {
    const rows: SpecRow[] = [
      [{ text: '基本信息', colSpan: 4 }, { text: '资金情况（万元）', colSpan: 3 }, '', ''],
      ['单位名称', '年度', '评价类型', '项目名称', '全年预算数', '全年执行数（元）', '预算执行率', '评价得分'],
      ['测试单位', 2023, '项目', '甲', 90, 855000, 95, 92],
    ];
    const [p] = await readBook(rows);
    expect(p!.errors).toEqual([]);
    expect(p!.headers.map((h) => [h.written, h.field, h.scale])).toEqual([
      ['基本信息/单位名称', 'agency', 1],
      ['基本信息/年度', 'year', 1],
      ['基本信息/评价类型', 'scope', 1],
      ['基本信息/项目名称', 'project', 1],
      ['资金情况（万元）/全年预算数', 'budget', 1],
      // Its own unit wins over the group's.
      ['资金情况（万元）/全年执行数（元）', 'expenditure', 0.0001],
      // Not an amount: the group's money unit says nothing of it.
      ['资金情况（万元）/预算执行率', 'execution_rate', 1],
      ['评价得分', 'score', 1],
    ]);
    expect(records(p!).map((r) => [r.budget, r.expenditure, r.execution_rate])).toEqual([[90, 85.5, 95]]);
  });

  it('takes a unit written alone under a header as that header’s unit', async () => {
    const rows: SpecRow[] = [
      [down('单位名称'), down('年度'), down('评价类型'), down('项目名称'), { text: '全年预算数', colSpan: 2 }],
      ['（元）', ''],
      ['测试单位', 2023, '项目', '甲', 900000, ''],
    ];
    const [p] = await readBook(rows);
    expect(p!.headers[4]).toMatchObject({ written: '全年预算数（元）', field: 'budget', scale: 0.0001 });
    expect(records(p!).map((r) => r.budget)).toEqual([90]);
  });

  it('keeps a one-row header with a cell merged across, and the data row under it, as they were', async () => {
    const rows: SpecRow[] = [
      [{ text: '单位名称', colSpan: 2 }, '年度', '评价类型', '项目名称', '全年预算数（元）'],
      ['测试单位', '', 2023, '项目', '甲', 880000],
    ];
    const [p] = await readBook(rows);
    expect(p!.errors).toEqual([]);
    expect(records(p!).map((r) => [r.agency, r.budget])).toEqual([['测试单位', 88]]);
  });

  it('does not take a title merged across the table for a group', async () => {
    const rows: SpecRow[] = [
      [{ text: '2023年度项目支出绩效评价结果汇总表（元）', colSpan: 5 }],
      ['单位名称', '年度', '评价类型', '项目名称', '全年预算数'],
      ['测试单位', 2023, '项目', '甲', 88],
    ];
    const [p] = await readBook(rows);
    expect(p!.headers.map((h) => h.written)).toEqual(['单位名称', '年度', '评价类型', '项目名称', '全年预算数']);
    expect(records(p!).map((r) => r.budget)).toEqual([88]);
    expect(p!.warnings.map((w) => w.code)).toContain('rows_above_header');
  });
});
