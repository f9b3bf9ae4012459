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
  expect(csv).toBe('\uFEFF单位,2022\r\n北京市贸促会,96.92\r\n"\'=HYPERLINK(""x"")",\r\n"a,b",-1.50\r\n');
});

test('file names drop characters file systems reject', () => {
  expect(fileNameFor('执行率: 单位/年度', 'png')).toBe('执行率_单位_年度.png');
  expect(fileNameFor('', 'csv')).toBe('chart.csv');
});

test('CSV: two fixed decimals, whole ranks and years, each unit in its header', () => {
  const csv = tableToCsv({
    columns: ['排名', '单位', '年度', '预算执行率', '全年预算数（万元）'],
    rows: [[1, '北京市贸促会', 2022, 96.9, 5333.85]],
    units: ['integer', null, 'integer', 'percent', 'amount'],
  });
  expect(csv).toBe('\uFEFF排名,单位,年度,预算执行率（%）,全年预算数（万元）\r\n1,北京市贸促会,2022,96.90,5333.85\r\n');
  expect(tableToCsv({ columns: ['Score'], rows: [[95]], units: ['score'] }, 'en')).toBe(
    '\uFEFFScore (pts)\r\n95.00\r\n',
  );
});
