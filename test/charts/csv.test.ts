import { expect, test } from 'vitest';
import { fileNameFor, tableToCsv } from '@/charts/csv';

test('CSV: BOM, CRLF, quoting, empty for missing, formulas neutralised', () => {
  const csv = tableToCsv({
    columns: ['单位', '2022'],
    rows: [
      ['北京市贸促会', 96.92],
      ['=HYPERLINK("x")', null],
      ['a,b', -1.5],
    ],
  });
  expect(csv).toBe('\uFEFF单位,2022\r\n北京市贸促会,96.92\r\n"\'=HYPERLINK(""x"")",\r\n"a,b",-1.5\r\n');
});

test('file names drop characters file systems reject', () => {
  expect(fileNameFor('执行率: 单位/年度', 'png')).toBe('执行率_单位_年度.png');
  expect(fileNameFor('', 'csv')).toBe('chart.csv');
});
