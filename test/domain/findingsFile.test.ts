// The contract's fourth kind, findings (评价发现): one point of an evaluation per row, keyed by its
// record, its kind and its number within the kind, read through the same pipeline as the others.
import { describe, expect, it } from 'vitest';
import { knownRecordsOf } from '@/domain/parseFile';
import { brief, parseText, recordsCsv, rowsOf } from '../fixtures/pipeline';

const HEADER = '单位名称,年度,评价类型,项目名称,类别,序号,内容,资料来源';
const RECORD = recordsCsv([{ 单位名称: '测试单位', 年度: '2023', 评价类型: '部门整体' }]);

async function known() {
  return knownRecordsOf(await parseText(RECORD));
}

describe('a findings file', () => {
  it('is recognised by its header and read row by row, kinds in Chinese or English', async () => {
    const p = await parseText(
      `${HEADER}\n测试单位,2023,部门整体,,存在的问题,1,绩效目标设置不够细化,报告，三、存在的问题\n` +
        `测试单位,2023,部门整体,,problem,2,"预算编制不够精准，调整频繁",\n` +
        `测试单位,2023,部门整体,,改进建议,1,加强预算编制,\n`,
      { knownRecords: await known() },
    );
    expect(p.kind).toBe('findings');
    expect(brief(p.errors)).toEqual([]);
    expect(rowsOf<'findings'>(p)).toEqual([
      {
        agency: '测试单位',
        year: 2023,
        scope: 'department',
        project: '',
        kind: 'problem',
        seq: 1,
        text: '绩效目标设置不够细化',
        source: '报告，三、存在的问题',
        evidence: '',
      },
      expect.objectContaining({ kind: 'problem', seq: 2, text: '预算编制不够精准，调整频繁', source: '' }),
      expect.objectContaining({ kind: 'recommendation', seq: 1 }),
    ]);
  });

  it('refuses the same kind and number twice for one record, naming the first row', async () => {
    const p = await parseText(
      `${HEADER}\n测试单位,2023,部门整体,,存在的问题,1,甲,\n测试单位,2023,部门整体,,问题,1,乙,\n`,
      {
        knownRecords: await known(),
      },
    );
    expect(brief(p.errors)).toEqual([[3, '序号', 'duplicate_key']]);
    expect(p.errors[0]!.params).toEqual({ kind: 'findings', firstRow: 2 });
  });

  it('allows the same number in another kind or another record', async () => {
    const records = knownRecordsOf(
      await parseText(
        recordsCsv([
          { 单位名称: '测试单位', 年度: '2023', 评价类型: '部门整体' },
          { 单位名称: '测试单位', 年度: '2024', 评价类型: '部门整体' },
        ]),
      ),
    );
    const p = await parseText(
      `${HEADER}\n测试单位,2023,部门整体,,存在的问题,1,甲,\n测试单位,2023,部门整体,,改进建议,1,乙,\n测试单位,2024,部门整体,,存在的问题,1,丙,\n`,
      { knownRecords: records },
    );
    expect(brief(p.errors)).toEqual([]);
    expect(p.rows).toBe(3);
  });

  it('names each bad cell: an unknown kind, a number below 1 or not whole, an empty text', async () => {
    const p = await parseText(
      `${HEADER}\n测试单位,2023,部门整体,,感想,1,甲,\n测试单位,2023,部门整体,,存在的问题,0,乙,\n` +
        `测试单位,2023,部门整体,,存在的问题,1.5,丙,\n测试单位,2023,部门整体,,存在的问题,3,,\n`,
      { knownRecords: await known() },
    );
    expect(p.errors.map((e) => [e.row, e.column, e.code, e.params])).toEqual([
      [2, '类别', 'finding_kind_invalid', { value: '感想' }],
      [3, '序号', 'integer_range', { value: '0', min: 1, max: 99999 }],
      [4, '序号', 'integer_invalid', { value: '1.5', min: 1, max: 99999 }],
      [5, '内容', 'required', { kind: 'findings', field: 'text' }],
    ]);
  });

  it('keeps the year’s own bounds for the year column', async () => {
    const p = await parseText(`${HEADER}\n测试单位,1899,部门整体,,存在的问题,1,甲,\n`, { knownRecords: await known() });
    expect(p.errors.map((e) => [e.column, e.code, e.params])).toEqual([
      ['年度', 'integer_range', { value: '1899', min: 1990, max: 2100 }],
    ]);
  });

  it('needs its record, as indicators and fund lines do', async () => {
    const p = await parseText(`${HEADER}\n别的单位,2023,部门整体,,存在的问题,1,甲,\n`, { knownRecords: await known() });
    expect(brief(p.errors)).toEqual([[2, '单位名称', 'missing_record']]);
  });
});
