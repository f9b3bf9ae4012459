// How the data page writes values, and the issue list as a CSV download.
import { describe, expect, test } from 'vitest';
import { changeValue, formatBytes, issuesCsv, issuesFileName, previewValue } from '@/i18n/importPresent';
import { issue } from '@/domain/issues';
import { parseFile } from '@/domain/parseFile';
import { count } from '@/i18n/words';
import { wordsFor } from './words';

const zh = wordsFor('zh-CN');
const en = wordsFor('en');

describe('issuesCsv', () => {
  const issues = [
    issue('amount_negative', { value: '-20' }, 3, '全年预算数（万元）'),
    // A warning kept from an older version is its stored text: here one a spreadsheet would run.
    issue('stored_message', { text: '=HYPERLINK("http://x","点我")' }, 1, '备注'),
    issue('empty_file', {}),
  ];

  test('a spreadsheet-safe CSV of every issue, with BOM, quoting and neutralised formulas', async () => {
    const csv = issuesCsv('名单.csv', issues, 5, zh);
    expect(csv.startsWith('\uFEFF文件,行,列,说明,代码\r\n')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[1]).toBe('名单.csv,3,全年预算数（万元）,金额不能为负数：-20,amount_negative');
    // A message that a spreadsheet would run as a formula is prefixed with an apostrophe.
    expect(lines[2]).toBe(`名单.csv,1,备注,"'=HYPERLINK(""http://x"",""点我"")",stored_message`);
    expect(lines[3]).toBe('名单.csv,,,文件是空的：没有可导入的数据,empty_file');
    expect(lines[4]).toContain('另有 2 条未列出');
    // The importer can read it back: a plain CSV with one row per issue.
    const parsed = await parseFile(new TextEncoder().encode(csv), 'x.csv');
    expect(parsed.encoding).toBe('utf-8-bom');
    expect(parsed.delimiter).toBe(',');
  });

  test('in English: English headers and messages, the file’s text as written', () => {
    const lines = issuesCsv('名单.csv', issues, 4, en).slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('File,Row,Column,Message,Code');
    expect(lines[1]).toBe('名单.csv,3,全年预算数（万元）,An amount cannot be negative: -20,amount_negative');
    expect(lines[4]).toBe(',,,…and 1 more not listed,');
  });

  test('download names say what they hold, in the page’s language', () => {
    expect(issuesFileName('名单.csv', 'errors', zh)).toBe('名单-错误.csv');
    expect(issuesFileName('data.v2.txt', 'warnings', zh)).toBe('data.v2-提示.csv');
    expect(issuesFileName('data.csv', 'errors', en)).toBe('data-errors.csv');
  });
});

describe('values on screen', () => {
  test('preview values: two decimals for amounts and scores, % for percents, words for the contract’s values', () => {
    expect(previewValue('records', 'budget', 5333.85, zh)).toBe('5,333.85');
    expect(previewValue('records', 'budget', 1200, en)).toBe('1,200.00');
    expect(previewValue('records', 'execution_rate', 62.2, en)).toBe('62.20%');
    expect(previewValue('records', 'score', 95.18, zh)).toBe('95.18');
    expect(previewValue('records', 'year', 2024, en)).toBe('2024');
    expect(previewValue('records', 'scope', 'department', en)).toBe('Department');
    expect(previewValue('records', 'scope', 'project', zh)).toBe('项目');
    expect(previewValue('records', 'grade', '优', en)).toBe('Excellent');
    expect(previewValue('records', 'grade', '差', zh)).toBe('差');
    expect(previewValue('funds', 'category', 'line_item', en)).toBe('Spending line');
    expect(previewValue('records', 'note', null, zh)).toBe('—');
    expect(previewValue('records', 'note', '', zh)).toBe('—');
    expect(previewValue('records', 'agency', '<b>x</b>', en)).toBe('<b>x</b>');
    expect(previewValue('records', 'budget', Number.NaN, en)).toBe('—');
  });

  test('changed figures carry their unit', () => {
    expect(changeValue('records', 'budget', 5333.85, zh)).toBe('5,333.85 万元');
    expect(changeValue('records', 'budget', 1, en)).toBe('1.00 CNY 10k');
    expect(changeValue('records', 'execution_rate', 96.92, zh)).toBe('96.92%');
    expect(changeValue('records', 'year', 2024, zh)).toBe('2024');
    expect(changeValue('records', 'score', null, zh)).toBe('—');
    expect(changeValue('records', 'grade', '优', zh)).toBe('优');
    expect(changeValue('records', 'grade', '良', en)).toBe('Good');
  });

  test('counts and sizes', () => {
    expect(count(1120379, 'zh-CN')).toBe('1,120,379');
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(104857600)).toBe('100.0 MB');
    expect(formatBytes(null)).toBe('—');
  });
});
