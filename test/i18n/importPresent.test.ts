// How the data page writes values, and the issue list as a CSV download.
import { describe, expect, test } from 'vitest';
import { changeValue, count, formatBytes, issuesCsv, issuesFileName, storedValue } from '@/i18n/importPresent';
import { parseFile } from '@/domain/parseFile';

describe('issuesCsv', () => {
  test('a spreadsheet-safe CSV of every issue, with BOM, quoting and neutralised formulas', async () => {
    const csv = issuesCsv(
      '名单.csv',
      [
        { row: 3, column: '全年预算数（万元）', message: '金额不能为负数：-20', code: 'invalid_value' },
        { row: 4, column: '备注', message: '=HYPERLINK("http://x","点我")', code: 'x' },
        { row: null, column: null, message: '文件是空的, 没有数据', code: 'empty_file' },
      ],
      5,
    );
    expect(csv.startsWith('\uFEFF文件,行,列,说明,代码\r\n')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[1]).toBe('名单.csv,3,全年预算数（万元）,金额不能为负数：-20,invalid_value');
    // A message that a spreadsheet would run as a formula is prefixed with an apostrophe.
    expect(lines[2]).toBe(`名单.csv,4,备注,"'=HYPERLINK(""http://x"",""点我"")",x`);
    expect(lines[3]).toBe('名单.csv,,,"文件是空的, 没有数据",empty_file');
    expect(lines[4]).toContain('另有 2 条未列出');
    // The importer can read it back: a plain CSV with one row per issue.
    const parsed = await parseFile(new TextEncoder().encode(csv), 'x.csv');
    expect(parsed.encoding).toBe('utf-8-bom');
    expect(parsed.delimiter).toBe(',');
  });

  test('download names say what they hold', () => {
    expect(issuesFileName('名单.csv', 'errors')).toBe('名单-错误.csv');
    expect(issuesFileName('data.v2.txt', 'warnings')).toBe('data.v2-提示.csv');
  });
});

describe('values on screen', () => {
  test('stored values: numbers plain, missing as —, text as written', () => {
    expect(storedValue(5333.85)).toBe('5333.85');
    expect(storedValue(null)).toBe('—');
    expect(storedValue('')).toBe('—');
    expect(storedValue('<b>x</b>')).toBe('<b>x</b>');
  });

  test('changed figures carry their unit', () => {
    expect(changeValue('records', 'budget', 5333.85, 'zh-CN')).toBe('5,333.85 万元');
    expect(changeValue('records', 'budget', 1, 'en')).toBe('1.00 ×10k CNY');
    expect(changeValue('records', 'execution_rate', 96.92, 'zh-CN')).toBe('96.92%');
    expect(changeValue('records', 'year', 2024, 'zh-CN')).toBe('2024');
    expect(changeValue('records', 'score', null, 'zh-CN')).toBe('—');
    expect(changeValue('records', 'grade', '优', 'zh-CN')).toBe('优');
  });

  test('counts and sizes', () => {
    expect(count(1120379, 'zh-CN')).toBe('1,120,379');
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(104857600)).toBe('100.0 MB');
    expect(formatBytes(null)).toBe('—');
  });
});
