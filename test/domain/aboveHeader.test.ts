// Lines above a table's header (a title, a note of the unit of amounts): skipped with a warning in
// CSV files as in workbooks, and a unit they state applied to amount columns naming none.
import { describe, expect, it } from 'vitest';
import { isLineAboveHeader, unitAbove } from '@/domain/aboveHeader';
import { parseFile, readPart, type PartRequest } from '@/domain/parseFile';
import { sniffKind } from '@/domain/upload/sniff';
import { contractSheet } from '@/domain/workbook/contractSheet';
import type { PerfRecord } from '@/domain/types';
import { specTable } from '../../scripts/fixtures/formModel';
import { brief, parseText, rowsOf, utf8 } from '../fixtures/pipeline';
import { parseSheet, tableSheet } from './workbook/helpers';

const HEADER = '单位名称,年度,评价类型,项目名称,全年预算数,全年执行数（万元）,评价得分';
const ROW = '测试单位,2023,项目,甲项目,1500000,140,91';

const unitOf = (...cells: string[]) => unitAbove([{ row: 1, cells }], 2).unit?.unit ?? null;

describe('the unit a line above the header states', () => {
  it('is read from the ways tables write it, and not from a name that starts like a unit', () => {
    expect(unitOf('金额单位：元')).toBe('元');
    expect(unitOf('（单位：万元）')).toBe('万元');
    expect(unitOf('编制单位：某区财政局　　单位:亿元')).toBe('亿元');
    expect(unitOf('2023年度项目支出绩效评价结果汇总表', '单位：千元')).toBe('千元');
    expect(unitOf('填报单位：元宝山区财政局')).toBeNull();
    expect(unitOf('2023年度汇总表（万元）')).toBeNull();
    expect(unitOf('单位：人')).toBeNull();
  });

  it('two different units are an error on the header row, naming both lines', () => {
    const r = unitAbove(
      [
        { row: 1, cells: ['单位：元'] },
        { row: 2, cells: ['单位：万元'] },
      ],
      3,
    );
    expect(r.unit).toBeNull();
    expect(r.error).toMatchObject({
      code: 'stated_units_differ',
      row: 3,
      params: { first: '元', firstRow: 1, second: '万元', secondRow: 2 },
    });
  });

  it('a line of column labels never stands above a header, however short', () => {
    expect(isLineAboveHeader(['2023年度汇总表', '', ''])).toBe(true);
    expect(isLineAboveHeader(['单位：元'])).toBe(true);
    expect(isLineAboveHeader(['agency', 'year'])).toBe(false);
    expect(isLineAboveHeader(['单位名称', '年度'])).toBe(false);
    expect(isLineAboveHeader(['a', 'b', 'c'])).toBe(false);
  });
});

describe('a CSV file with a title and a unit above its header', () => {
  const file = ['2023年度项目支出绩效评价结果汇总表,,,,,,', '金额单位：元,,,,,,', HEADER, ROW, ''].join('\r\n');

  it('reads amounts in the stated unit, a header with its own unit in that one, and says so', async () => {
    const p = await parseText(file);
    expect(p.errors).toEqual([]);
    const [r] = rowsOf<'records'>(p) as PerfRecord[];
    expect(r).toMatchObject({ agency: '测试单位', budget: 150, expenditure: 140, score: 91 });
    expect(brief(p.warnings)).toEqual([
      [3, null, 'amount_unit_stated'],
      [3, null, 'lines_above_header'],
    ]);
    expect(p.warnings[0]!.params).toMatchObject({ unit: '元', row: 2, columns: '全年预算数' });
    // An error names the row a spreadsheet shows.
    const bad = await parseText(file.replace('1500000', '-5'));
    expect(brief(bad.errors)).toEqual([[4, '全年预算数', 'amount_negative']]);
  });

  it('finds the delimiter past a title that holds none, and reads the same in any piece size', async () => {
    const tabbed = ['汇总表', '单位：元', HEADER.replaceAll(',', '\t'), ROW.replaceAll(',', '\t')].join('\n');
    for (const pieceBytes of [3, 17, 1 << 20]) {
      const p = await parseText(tabbed, { pieceBytes });
      expect(p.delimiter).toBe('\t');
      expect(p.errors).toEqual([]);
      expect((rowsOf<'records'>(p)[0] as PerfRecord).budget).toBe(150);
    }
  });

  it('is sniffed as the kind its header is, so its records are read before the files that need them', () => {
    expect(sniffKind(utf8(file))).toBe('records');
  });

  it('a file of nothing but such lines is a header of no kind, on its first line', async () => {
    const p = await parseText('汇总表\n单位：元\n');
    expect(brief(p.errors)).toEqual([[1, null, 'unknown_headers']]);
  });

  it('a short line of labels is still a header, told what it lacks', async () => {
    const p = await parseText('单位名称,年度\n测试单位,2023\n');
    expect(p.errors.map((e) => [e.row, e.code])).toEqual([[1, 'missing_columns']]);
  });

  it('the second part of a split file reads its amounts in the stated unit too', async () => {
    const req: Omit<PartRequest, 'start' | 'end'> = {
      delimiter: ',',
      header: HEADER.split(','),
      headerRow: 3,
      above: [{ row: 2, cells: ['金额单位：元', '', '', '', '', '', ''] }],
    };
    const state = await readPart(utf8(ROW + '\r\n'), req);
    expect(state.errors.count).toBe(0);
    expect(state.chunks[0]!.num['budget']![0]).toBe(150);
  });

  it('two units stated reject the file', async () => {
    const p = await parseFile(utf8(['单位：元', '单位：万元', HEADER, ROW].join('\n')), 'f.csv');
    expect(brief(p.errors)).toEqual([[3, null, 'stated_units_differ']]);
  });
});

describe('a workbook sheet with a unit above its header', () => {
  it('reads amounts in that unit', async () => {
    const table = specTable(
      [['2023年度项目支出绩效评价结果汇总表'], ['', '', '', '', '', '', '单位：元'], HEADER.split(','), ROW.split(',')],
      { sheet: 'S' },
    );
    const read = await contractSheet(tableSheet('S', table));
    const p = parseSheet(read!);
    expect(p.errors).toEqual([]);
    expect(p.rows[0]).toMatchObject({ budget: 150, expenditure: 140 });
    expect(p.warnings.map((w) => w.code)).toEqual(['amount_unit_stated']);
  });
});
