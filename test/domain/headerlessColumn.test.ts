// Data in a column whose header cell is blank cannot be read as any field: it is ignored, and
// never without a word (column_without_header, naming the column by position and letter and the
// first row holding a value). CSV files, read whole, in place, split in two parts; workbooks.
import { describe, expect, it } from 'vitest';
import { parseFile, readPart, type PartReader } from '@/domain/parseFile';
import { readUpload } from '@/domain/upload/readUpload';
import { parseText, utf8 } from '../fixtures/pipeline';
import { writeSheets } from '../../scripts/fixtures/sheetWriter';

const HEADER = '单位名称,年度,评价类型,项目名称,全年预算数（万元）,,评价得分';

function headerless(p: { warnings: readonly { code: string }[] }) {
  return p.warnings.filter((w) => w.code === 'column_without_header');
}

describe('a column without a header that holds data', () => {
  it('is warned of once, at the first row with a value, by position, letter and value', async () => {
    const text = `${HEADER}\n测试单位,2023,部门整体,,100,,90\n测试单位,2024,部门整体,,100,95,90\n测试单位,2022,部门整体,,100,96,90\n`;
    for (const readInPlace of [true, false]) {
      const p = await parseText(text, { readInPlace });
      expect(p.errors).toEqual([]);
      expect(headerless(p)).toEqual([
        { code: 'column_without_header', params: { position: 6, letter: 'F', value: '95' }, row: 3, column: null },
      ]);
      expect(p.rows).toBe(3);
    }
  });

  it('is not warned of when the blank column is empty (trailing delimiters Excel writes)', async () => {
    const p = await parseText(`单位名称,年度,评价类型,,\n测试单位,2023,部门整体,,\n测试单位,2024,部门整体, ,\n`);
    expect(headerless(p)).toEqual([]);
  });

  it('names each such column, in a file read in two parts the first value of the whole file', async () => {
    let text = '单位名称,年度,评价类型,,评价得分,\n';
    for (let i = 0; i < 400; i++) text += `单位${i},2023,部门整体,${i === 300 ? 'x' : ''},90,${i >= 10 ? 'y' : ''}\n`;
    const bytes = utf8(text);
    const second: PartReader = async (req, onBytes, signal) =>
      structuredClone(await readPart(bytes.subarray(req.start, req.end), req, { onBytes, signal }));
    const split = await parseFile(bytes, 'f.csv', { secondPart: second, splitMinBytes: 1, splitAt: 0.5 });
    const whole = await parseFile(bytes, 'f.csv', { reference: true });
    const expected = [
      { code: 'column_without_header', params: { position: 6, letter: 'F', value: 'y' }, row: 12, column: null },
      { code: 'column_without_header', params: { position: 4, letter: 'D', value: 'x' }, row: 302, column: null },
    ];
    expect(headerless(whole)).toEqual(expected);
    expect(headerless(split)).toEqual(expected);
  });

  it('is warned of in a workbook at its sheet cell', async () => {
    const bytes = writeSheets([
      {
        name: 'Sheet1',
        rows: [
          ['单位名称', '年度', '评价类型', '项目名称', '全年预算数（万元）', '', '评价得分'],
          ['测试单位', 2023, '部门整体', '', 100, 95, 90],
        ],
      },
    ]);
    const { parts } = await readUpload([
      { name: 'b.xlsx', size: bytes.length, head: async (n) => bytes.subarray(0, n), read: async () => bytes },
    ]);
    const p = parts[0]!.parsed;
    expect(headerless(p)).toEqual([
      expect.objectContaining({
        params: { position: 6, letter: 'F', value: '95' },
        row: 2,
        sheet: 'Sheet1',
        cell: 'F2',
      }),
    ]);
  });
});
