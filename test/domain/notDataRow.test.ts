// Totals and notes inside a table (合计 rows, 注：… and signatures under it): left out of the rows
// with a warning naming the row and column, by the fast path and the reference path alike.
import { describe, expect, it } from 'vitest';
import { recordKey } from '@/domain/keys';
import { isNoteLine, isTotalLabel, notDataRow } from '@/domain/notDataRow';
import { contractSheet } from '@/domain/workbook/contractSheet';
import type { IndicatorRow, PerfRecord } from '@/domain/types';
import { specTable } from '../../scripts/fixtures/formModel';
import { brief, parseText, rowsOf } from '../fixtures/pipeline';
import { parseSheet, tableSheet } from './workbook/helpers';

describe('what is a total or a note', () => {
  it('takes the ways tables write a total, and not a name that holds the word', () => {
    for (const t of [
      '合计',
      '合 计',
      '　合计　',
      '合计：',
      '小计',
      '总计',
      '总分',
      '合计（万元）',
      'Total',
      'SUBTOTAL',
      'Grand Total',
    ])
      expect(isTotalLabel(t), t).toBe(true);
    for (const t of ['', '合计项目', '总工会', '小计划', '总体目标', '北京市合计中心', 'Totally'])
      expect(isTotalLabel(t), t).toBe(false);
  });

  it('takes notes and signatures by their colon or number, not words that begin the same', () => {
    for (const t of [
      '注：金额单位为万元',
      '注1、数据来源于决算',
      '（注）以上为初步结果',
      '填表人：张三',
      '审核人: 李四',
      'Note: draft',
    ])
      expect(isNoteLine(t), t).toBe(true);
    for (const t of ['注册中心', '说明书印制项目', '电话费', '日期不详', '审核']) expect(isNoteLine(t), t).toBe(false);
  });

  it('a total only in a label column; a note only when every cell with text is one', () => {
    expect(notDataRow(['甲单位', '2023', '合计'], [0])).toBeNull();
    expect(notDataRow(['甲单位', '2023', '合计'], [0, 2])).toEqual({ reason: 'total', cell: 2 });
    expect(notDataRow(['', '填表人：张三', '', '审核人：李四'], [0])).toEqual({ reason: 'note', cell: 1 });
    expect(notDataRow(['注：见附件', '2023', '部门整体'], [0])).toBeNull();
    expect(notDataRow(['', '', ''], [0])).toBeNull();
  });
});

const HEADER = '单位名称,年度,评价类型,项目名称,全年预算数（万元）,全年执行数（万元）,评价得分';

describe('a records file with a total row and notes under it', () => {
  const file = [
    HEADER,
    '甲单位,2023,部门整体,,1200,1100,91',
    '乙单位,2023,部门整体,,300,290,88',
    '合 计,,,,1500,1390,',
    '注：金额单位为万元,,,,,,',
    ',,填表人：张三,,审核人：李四,,',
    '',
  ].join('\n');

  it('imports the agencies only, and names each row left out with its column', async () => {
    for (const reference of [false, true]) {
      const p = await parseText(file, { readInPlace: !reference });
      expect(p.errors).toEqual([]);
      expect(rowsOf<'records'>(p).map((r: PerfRecord) => r.agency)).toEqual(['甲单位', '乙单位']);
      expect(brief(p.warnings)).toEqual([
        [4, '单位名称', 'total_row_skipped'],
        [5, '单位名称', 'note_row_skipped'],
        [6, '评价类型', 'note_row_skipped'],
      ]);
      expect(p.warnings[0]!.params).toEqual({ value: '合 计' });
      expect(p.rows).toBe(2);
    }
  });

  it('a file of a total alone has nothing to import', async () => {
    const p = await parseText([HEADER, '合计,,,,1500,1390,'].join('\n'));
    expect(p.errors.map((e) => e.code)).toEqual(['no_rows']);
  });

  it('an agency whose name only holds the word is data', async () => {
    const p = await parseText([HEADER, '北京市合计中心,2023,部门整体,,10,9,90'].join('\n'));
    expect(p.errors).toEqual([]);
    expect(p.warnings).toEqual([]);
    expect(rowsOf<'records'>(p)).toHaveLength(1);
  });
});

describe('a table with a 序号 column', () => {
  it('takes 合计 written across the blank cells after 序号 as the total it is', async () => {
    const file = [
      `序号,${HEADER}`,
      '1,甲单位,2023,部门整体,,1200,1100,91',
      '2,乙单位,2023,部门整体,,300,290,88',
      '合计,,,,,1500,1390,',
    ].join('\n');
    for (const reference of [false, true]) {
      const p = await parseText(file, { readInPlace: !reference });
      expect(p.errors).toEqual([]);
      expect(rowsOf<'records'>(p).map((r: PerfRecord) => r.agency)).toEqual(['甲单位', '乙单位']);
      expect(brief(p.warnings).filter((w) => w[2] !== 'unknown_column')).toEqual([[4, '序号', 'total_row_skipped']]);
    }
  });

  it('reads no total in a column right of the labels that the product does not read', async () => {
    const p = await parseText([`${HEADER},经办人`, '甲单位,2023,部门整体,,1200,1100,91,合计'].join('\n'));
    expect(rowsOf<'records'>(p)).toHaveLength(1);
    expect(p.warnings.map((w) => w.code)).toEqual(['unknown_column']);
  });
});

describe('an indicators file with subtotals', () => {
  it('leaves out 小计 and 合计 rows, so the sums hold the indicators alone', async () => {
    const known = new Map([
      [recordKey({ agency: '甲单位', year: 2023, scope: 'department', project: '' }), { score: 90 }],
    ]);
    const file = [
      '单位名称,年度,评价类型,项目名称,一级指标,二级指标,三级指标,分值,得分',
      '甲单位,2023,部门整体,,产出,数量指标,培训次数,60,55',
      '甲单位,2023,部门整体,,产出,小计,,60,55',
      '甲单位,2023,部门整体,,效益,满意度,满意度,40,35',
      '甲单位,2023,部门整体,,合计,,,100,90',
    ].join('\r\n');
    for (const reference of [false, true]) {
      const p = await parseText(file, { readInPlace: !reference, knownRecords: known });
      expect(p.errors).toEqual([]);
      expect(rowsOf<'indicators'>(p).map((r: IndicatorRow) => r.level3)).toEqual(['培训次数', '满意度']);
      expect(brief(p.warnings)).toEqual([
        [3, '二级指标', 'total_row_skipped'],
        [5, '一级指标', 'total_row_skipped'],
      ]);
    }
  });
});

describe('a workbook sheet with a total row', () => {
  it('is read the same way', async () => {
    const table = specTable(
      [HEADER.split(','), '甲单位,2023,部门整体,,1200,1100,91'.split(','), ['合计', '', '', '', '1200', '1100', '']],
      {
        sheet: 'S',
      },
    );
    const read = await contractSheet(tableSheet('S', table));
    const p = parseSheet(read!);
    expect(p.errors).toEqual([]);
    expect(p.rows).toHaveLength(1);
    expect(p.warnings.map((w) => [w.row, w.code])).toEqual([[3, 'total_row_skipped']]);
  });
});
