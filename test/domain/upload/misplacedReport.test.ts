// Files given to the report review that are the data upload's: a self-evaluation form (a workbook
// of forms) and the contract's tables (CSV, .xlsx) say so by code; a report and a file of neither
// kind are not taken for them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { isFormLayout, uploadFileProblem } from '@/domain/upload/misplacedReport';
import { templateXlsx } from '@/domain/workbook/write';

const ROOT = process.cwd();
const bytesOf = (...parts: string[]) => new Uint8Array(readFileSync(path.join(ROOT, ...parts)));
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('uploadFileProblem', () => {
  test('a workbook of self-evaluation forms belongs to the upload as a form', async () => {
    const p = await uploadFileProblem(bytesOf('test', 'fixtures', 'forms', 'project-national.xlsx'), '自评表.xlsx');
    expect(p?.code).toBe('report_is_form');
  });

  test('a workbook and a CSV of the contract tables belong to the upload as data tables', async () => {
    expect((await uploadFileProblem(templateXlsx(), '模板.xlsx'))?.code).toBe('report_is_table');
    expect((await uploadFileProblem(bytesOf('data', 'records.csv'), 'records.csv'))?.code).toBe('report_is_table');
    // The same table saved as .txt is still a table.
    expect((await uploadFileProblem(bytesOf('data', 'funds.csv'), 'funds.txt'))?.code).toBe('report_is_table');
  });

  test('a report in text and a file of unknown columns are not taken for the upload’s', async () => {
    const report = utf8('北京市某区2023年度部门整体支出绩效评价报告\n一、基本情况\n年初预算100万元。\n');
    expect(await uploadFileProblem(report, '报告.txt')).toBeNull();
    expect(await uploadFileProblem(bytesOf('test', 'fixtures', 'import', 'unknown-headers.csv'), 'x.csv')).toBeNull();
  });

  test('the form layouts are the two self-evaluation forms', () => {
    expect(isFormLayout('project_self_evaluation_form')).toBe(true);
    expect(isFormLayout('department_self_evaluation_form')).toBe(true);
    expect(isFormLayout('evaluation_report')).toBe(false);
    expect(isFormLayout('contract_tables')).toBe(false);
  });
});
