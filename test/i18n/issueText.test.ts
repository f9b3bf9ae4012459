// The issue renderer: every code in each language with sample parameters, and how parameters
// are written (two decimals, plural forms, labels, the contract's values in words).
import { describe, expect, test } from 'vitest';
import { issue, type IssueParams, type ParamRole } from '@/domain/issues';
import { ISSUE_ROLES } from '@/i18n/issues';
import { issueLine, issueWhere, problemText } from '@/i18n/issueText';
import { LOCALES } from '@/i18n/messages';
import { hasCjk, kindWord } from '@/i18n/words';
import { KINDS } from '@/domain/types';
import { wordsFor } from './words';

/** A plain value of each role; text is ASCII so that English sentences must come out CJK-free. */
const SAMPLE: Record<ParamRole, string | number> = {
  text: 'x1',
  list: 'a.csv\nb.csv',
  count: 2,
  integer: 7,
  amount: 1234.5,
  percent: 96.9,
  score: 88,
  field: 'budget',
  fields: 'agency,year',
  columns: 'agency,year',
  kind: 'records',
  kindKey: 'funds',
  scope: 'project',
  grade: '良',
  category: 'source',
  project: 'p1',
};

function sampleParams(code: string): IssueParams {
  return Object.fromEntries(Object.entries(ISSUE_ROLES.get(code)!).map(([name, role]) => [name, SAMPLE[role]]));
}

describe.each(LOCALES)('every code rendered in %s', (locale) => {
  const w = wordsFor(locale);
  test.each([...ISSUE_ROLES.keys()])('%s', (code) => {
    const text = problemText({ code, params: sampleParams(code) }, w);
    expect(text).not.toMatch(/[{}]/);
    expect(text).not.toContain(`issue.${code}`);
    expect(text).not.toContain('words.');
    expect(text.trim()).not.toBe('');
    if (locale === 'en') expect(hasCjk(text), text).toBe(false);
  });
});

describe('messages that list what a workbook sheet may be', () => {
  // Every kind is read from a sheet (findings too): the messages of a sheet or workbook of no kind name them all.
  test.each(LOCALES)('name every kind in %s', (locale) => {
    const w = wordsFor(locale);
    for (const code of ['workbook_no_tables', 'sheet_no_kind']) {
      const text = problemText({ code, params: sampleParams(code) }, w).toLowerCase();
      for (const kind of KINDS) expect(text, `${code}: ${kind}`).toContain(kindWord(kind, w).toLowerCase());
    }
  });
});

describe('parameters as written', () => {
  const zh = wordsFor('zh-CN');
  const en = wordsFor('en');

  test('amounts with two decimals and their unit, percents with %, scores with two decimals', () => {
    const w = issue('over_budget', { expenditure: 120, budget: 100.5 });
    expect(problemText(w, zh)).toBe('支出 120.00 万元超过预算 100.50 万元');
    expect(problemText(w, en)).toBe('Expenditure 120.00 CNY 10k exceeds the budget 100.50 CNY 10k.');
    expect(problemText(issue('rate_mismatch', { rate: 62.2, computed: 60 }, 2, 'x'), en)).toContain('62.20%');
    expect(problemText(issue('score_range', { score: 120, max: 100 }), zh)).toBe('总分 120.00 超过 100');
  });

  test('plural forms in English, one form in Chinese', () => {
    const one = issue('commit_has_errors', { file: 'a.csv', count: 1 });
    const many = issue('commit_has_errors', { file: 'a.csv', count: 1200 });
    expect(problemText(one, en)).toBe('File “a.csv” has 1 error; nothing was imported.');
    expect(problemText(many, en)).toBe('File “a.csv” has 1,200 errors; nothing was imported.');
    expect(problemText(many, zh)).toBe('文件“a.csv”有 1,200 个错误，未导入任何数据');
  });

  test('fields as their labels, kinds and scopes and grades in words', () => {
    expect(problemText(issue('required', { kind: 'records', field: 'budget' }), en)).toBe(
      'A required value is missing: Full-year budget',
    );
    expect(problemText(issue('required', { kind: 'funds', field: 'budget' }), zh)).toBe('缺少必填值：预算金额');
    expect(problemText(issue('required', { kind: 'records', field: 'agency' }), zh)).toBe('缺少必填值：单位名称');
    expect(problemText(issue('missing_columns', { kind: 'funds', fields: 'category,item', count: 2 }), en)).toBe(
      'This Fund lines file lacks required columns: Category (category), Item (item)',
    );
    expect(problemText(issue('missing_columns', { kind: 'funds', fields: 'item', count: 1 }), zh)).toBe(
      '资金明细文件缺少必需的列：明细（item）',
    );
    const grade = issue('grade_mismatch', { grade: '优', score: 85, expected: '良' });
    expect(problemText(grade, en)).toBe('The grade “Excellent” does not match the score 85.00, whose grade is “Good”.');
    expect(problemText(grade, zh)).toBe('评价等级“优”与总分 85.00 对应的等级“良”不符');
    const missing = issue('missing_record', { agency: '测试单位', year: 2023, scope: 'project', project: '活动' });
    expect(problemText(missing, zh)).toBe('找不到对应的评价记录：测试单位 2023 年项目、项目“活动”。请先导入该记录');
    expect(problemText(missing, en)).toBe(
      'No matching record: 测试单位, 2023, Project, project “活动”. Import the record first.',
    );
    const dept = issue('missing_record', { agency: 'A', year: 2023, scope: 'department', project: '' });
    expect(problemText(dept, en)).toBe('No matching record: A, 2023, Department. Import the record first.');
    expect(problemText(issue('duplicate_key', { kind: 'records', firstRow: 2 }), en)).toBe(
      'Repeats row 2: the same agency, year, scope and project may appear only once in a file.',
    );
  });

  test('lists joined as the language lists them; an empty list says so', () => {
    const p = { records: 'agency,year,scope', indicators: 'level1', funds: 'category,item', findings: 'kind,seq,text' };
    expect(problemText(issue('unknown_headers', { ...p, found: '姓名\n电话' }), zh)).toContain(
      '文件的表头是：姓名、电话',
    );
    expect(problemText(issue('unknown_headers', { ...p, found: 'name\nphone' }), en)).toContain(
      'The file’s headers are: name, phone',
    );
    expect(problemText(issue('unknown_headers', { ...p, found: '' }), en)).toContain('are: (none)');
    expect(problemText(issue('unknown_headers', { ...p, found: '' }), zh)).toContain(
      '表头应包含 单位名称（agency）、年度（year）、评价类型（scope）（评价记录）',
    );
  });

  test('where an issue lies, and the issue with its place', () => {
    expect(issueWhere({ row: 3, column: '预算' }, zh)).toBe('第 3 行，列“预算”');
    expect(issueWhere({ row: 3, column: null }, en)).toBe('row 3');
    expect(issueWhere({ row: null, column: null }, en)).toBe('whole file');
    expect(issueWhere({ row: 7, column: 'C', sheet: 'Sheet1' }, en)).toBe('sheet “Sheet1”, row 7, column “C”');
    const i = issue('amount_negative', { value: '-100' }, 3, '全年预算数（万元）');
    expect(issueLine(i, zh)).toBe('第 3 行，列“全年预算数（万元）”：金额不能为负数：-100');
    expect(issueLine(i, en)).toBe('row 3, column “全年预算数（万元）”: An amount cannot be negative: -100');
  });

  test('a code this build does not know is shown with its parameters, not as a blank', () => {
    const text = problemText({ code: 'from_the_future', params: { a: 1 } }, en);
    expect(text).toBe('Unknown problem code from_the_future: {"a":1}');
  });
});
