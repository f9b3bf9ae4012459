import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseFile } from '@/domain/parseFile';
import { TEMPLATE_ROWS } from '@/domain/templates';
import { toXlsx } from '@/domain/workbook/write';
import { writeSheets } from '../../scripts/fixtures/sheetWriter';
import { runValidate } from '../../scripts/validateRun';
import { FUND_HEADER, hex, INDICATOR_HEADER, utf8 } from '../fixtures/pipeline';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BUILTIN_RECORDS = `${ROOT}data/records.csv`;

interface Run {
  code: number;
  out: string[];
  err: string[];
}

/** Runs the command on in-memory files; paths not in `files` are read from disk (the built-in data). */
async function run(
  args: string[],
  files: Record<string, Uint8Array | string>,
  builtinFiles: string[] = [],
): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runValidate(args, {
    readFile: async (path) => {
      const f = files[path];
      if (f === undefined) return new Uint8Array(await readFile(path));
      return typeof f === 'string' ? utf8(f) : f;
    },
    builtinFiles,
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });
  return { code, out, err };
}

const RECORDS_OK =
  '单位名称,年度,评价类型,项目名称,全年预算数（万元）,全年执行数（万元）,评价得分\n测试单位,2023,部门整体,,100,90,88\n测试单位,2023,项目,活动,50,50,\n';
const RECORDS_BAD =
  '单位名称,年度,评价类型,全年预算数（万元）,全年执行数（万元）\n测试单位,2023,部门整体,100,120\n测试单位,1989,部门整体,-1,1\n';
const INDICATORS = `${INDICATOR_HEADER}\n测试单位,2023,部门整体,,决策,,,20,18,,\n测试单位,2023,部门整体,,产出,,,80,70,,\n`;

describe('validate: text output', () => {
  it('prints kind, encoding, delimiter and rows of a good file and exits 0', async () => {
    const r = await run(['records.csv'], { 'records.csv': RECORDS_OK });
    expect(r.code).toBe(0);
    expect(r.err).toEqual([]);
    expect(r.out).toEqual([
      'records.csv',
      '  类型：评价记录  编码：UTF-8  分隔符：逗号  行数：2',
      '  错误：0  提示：0',
    ]);
  });

  it('writes English with --lang en, the file’s headers as written', async () => {
    for (const args of [
      ['--lang', 'en', 'bad.csv'],
      ['bad.csv', '--lang=en'],
    ]) {
      const r = await run(args, { 'bad.csv': RECORDS_BAD });
      expect(r.code).toBe(1);
      expect(r.out).toEqual([
        'bad.csv',
        '  kind: Records  encoding: UTF-8  delimiter: comma  rows: 2',
        '  errors: 2  warnings: 1',
        '  ERROR   row 3, column “年度”: Out of range: 1989 (expected a whole number from 1990 to 2100).',
        '  ERROR   row 3, column “全年预算数（万元）”: An amount cannot be negative: -1',
        '  WARNING row 2, column “全年执行数（万元）”: Expenditure 120.00 CNY 10k exceeds the budget 100.00 CNY 10k.',
      ]);
    }
  });

  it('lists each error and warning with its row and column and exits 1', async () => {
    const r = await run(['bad.csv'], { 'bad.csv': RECORDS_BAD });
    expect(r.code).toBe(1);
    expect(r.out.slice(1)).toEqual([
      '  类型：评价记录  编码：UTF-8  分隔符：逗号  行数：2',
      '  错误：2  提示：1',
      '  错误  第 3 行，列“年度”：超出范围：1989（应为 1990–2100 之间的整数）',
      '  错误  第 3 行，列“全年预算数（万元）”：金额不能为负数：-1',
      '  提示  第 2 行，列“全年执行数（万元）”：支出 120.00 万元超过预算 100.00 万元',
    ]);
  });

  it('names tab and semicolon delimiters and the GBK encoding', async () => {
    // 单位名称;年度;评价类型 CRLF 测试;2023;部门整体 CRLF, in GBK.
    const gbk = hex('b5a5cebbc3fbb3c63bc4eab6c83bc6c0bcdbc0e0d0cd0d0a b2e2cad43b323032333bb2bfc3c5d5fbcce50d0a');
    expect(new TextDecoder('gb18030').decode(gbk)).toBe('单位名称;年度;评价类型\r\n测试;2023;部门整体\r\n');
    const r = await run(['tab.csv', 'gbk.csv'], {
      'tab.csv': '单位名称\t年度\t评价类型\n测试\t2023\t部门整体\n',
      'gbk.csv': gbk,
    });
    expect(r.code).toBe(0);
    expect(r.out).toContain('  类型：评价记录  编码：UTF-8  分隔符：制表符  行数：1');
    expect(r.out).toContain('  类型：评价记录  编码：GBK / GB18030  分隔符：分号  行数：1');
  });

  it('reports a file-level error without a row', async () => {
    const r = await run(['empty.csv'], { 'empty.csv': '' });
    expect(r.code).toBe(1);
    expect(r.out.slice(1)).toEqual([
      '  类型：-  编码：-  分隔符：-  行数：0',
      '  错误：1  提示：0',
      '  错误  整个文件：文件是空的：没有可导入的数据',
    ]);
  });
});

describe('validate --json', () => {
  it('prints one JSON object per file per line, in command-line order, with the contract’s keys and each issue’s code and parameters', async () => {
    const r = await run(['--json', 'bad.csv', 'ok.csv'], { 'ok.csv': RECORDS_OK, 'bad.csv': RECORDS_BAD });
    expect(r.code).toBe(1);
    expect(r.out).toHaveLength(2);
    const [bad, ok] = r.out.map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const o of [bad!, ok!])
      expect(Object.keys(o).sort()).toEqual(['delimiter', 'encoding', 'errors', 'file', 'kind', 'rows', 'warnings']);
    expect(ok).toEqual({
      file: 'ok.csv',
      kind: 'records',
      encoding: 'utf-8',
      delimiter: ',',
      rows: 2,
      errors: [],
      warnings: [],
    });
    expect(bad).toMatchObject({ file: 'bad.csv', kind: 'records', encoding: 'utf-8', delimiter: ',', rows: 2 });
    const errors = bad!.errors as Array<Record<string, unknown>>;
    const warnings = bad!.warnings as Array<Record<string, unknown>>;
    for (const i of [...errors, ...warnings])
      expect(Object.keys(i).sort()).toEqual(['code', 'column', 'message', 'params', 'row']);
    expect(errors).toEqual([
      {
        row: 3,
        column: '年度',
        message: '超出范围：1989（应为 1990–2100 之间的整数）',
        code: 'integer_range',
        params: { value: '1989', min: 1990, max: 2100 },
      },
      {
        row: 3,
        column: '全年预算数（万元）',
        message: '金额不能为负数：-1',
        code: 'amount_negative',
        params: { value: '-1' },
      },
    ]);
    expect(warnings).toEqual([
      {
        row: 2,
        column: '全年执行数（万元）',
        message: '支出 120.00 万元超过预算 100.00 万元',
        code: 'over_budget',
        params: { expenditure: 120, budget: 100 },
      },
    ]);
    // --lang en changes the messages only.
    const en = await run(['--json', '--lang', 'en', 'bad.csv'], { 'bad.csv': RECORDS_BAD });
    const enBad = JSON.parse(en.out[0]!) as { errors: Array<Record<string, unknown>> };
    expect(enBad.errors.map((e) => [e.code, e.message])).toEqual([
      ['integer_range', 'Out of range: 1989 (expected a whole number from 1990 to 2100).'],
      ['amount_negative', 'An amount cannot be negative: -1'],
    ]);
  });

  it('gives null kind, row and column for a file that is not text', async () => {
    const r = await run(['--json', 'x.csv'], { 'x.csv': hex('504b030414000600') });
    expect(r.code).toBe(1);
    const o = JSON.parse(r.out[0]!) as {
      kind: unknown;
      errors: Array<{ row: unknown; column: unknown; message: string }>;
    };
    expect(o.kind).toBeNull();
    expect(o.errors).toEqual([
      { row: null, column: null, message: expect.stringContaining('xlsx'), code: 'xlsx_file', params: {} },
    ]);
  });
});

describe('validate: exit status 2 when the command is used wrongly', () => {
  it('without a file', async () => {
    for (const args of [[], ['--json']]) {
      const r = await run(args, {});
      expect(r.code).toBe(2);
      expect(r.out).toEqual([]);
      expect(r.err.join('\n')).toContain('用法');
    }
  });

  it('with a file that cannot be read', async () => {
    const r = await run(['ok.csv', '/no/such/dir/missing.csv'], { 'ok.csv': RECORDS_OK });
    expect(r.code).toBe(2);
    expect(r.out).toEqual([]);
    expect(r.err.join('\n')).toContain('/no/such/dir/missing.csv');
  });

  it('with an unknown option', async () => {
    const r = await run(['--jsn', 'ok.csv'], { 'ok.csv': RECORDS_OK });
    expect(r.code).toBe(2);
    expect(r.out).toEqual([]);
    expect(r.err.join('\n')).toContain('--jsn');
  });

  it('with a language it does not write, or none after --lang, saying so in the language asked for', async () => {
    const fr = await run(['--lang', 'fr', 'ok.csv'], { 'ok.csv': RECORDS_OK });
    expect(fr.code).toBe(2);
    expect(fr.err.join('\n')).toContain('不支持的语言：fr');
    const none = await run(['ok.csv', '--lang'], { 'ok.csv': RECORDS_OK });
    expect(none.code).toBe(2);
    const en = await run(['--lang', 'en'], {});
    expect(en.code).toBe(2);
    expect(en.err.join('\n')).toBe(
      'No file given\nUsage: npm run validate -- [--json] [--year YEAR] [--lang zh-CN|en] FILE...',
    );
  });
});

describe('validate: references to records', () => {
  it('resolves indicator, fund and finding rows against records named on the same command line, in any order', async () => {
    const funds = `${FUND_HEADER}\n测试单位,2023,项目,活动,资金来源,财政拨款,50,,50\n`;
    const findings = '单位名称,年度,评价类型,项目名称,类别,序号,内容\n测试单位,2023,项目,活动,存在的问题,1,目标不细\n';
    const files = {
      'records.csv': RECORDS_OK,
      'indicators.csv': INDICATORS,
      'funds.csv': funds,
      'findings.csv': findings,
    };
    for (const order of [
      ['records.csv', 'indicators.csv', 'funds.csv', 'findings.csv'],
      ['indicators.csv', 'findings.csv', 'funds.csv', 'records.csv'],
      ['findings.csv', 'records.csv', 'indicators.csv'],
    ]) {
      const r = await run(['--json', ...order], files);
      expect(r.code).toBe(0);
      const parsed = r.out.map((l) => JSON.parse(l) as { file: string; errors: unknown[]; warnings: unknown[] });
      expect(parsed.map((p) => p.file)).toEqual(order);
      for (const p of parsed) expect(p.errors).toEqual([]);
      // The indicator scores (18 + 70) are checked against the record's score (88) from the other file.
      for (const p of parsed) expect(p.warnings).toEqual([]);
    }
  });

  it('checks indicator scores against a record named later on the command line', async () => {
    const records = RECORDS_OK.replace(',88\n', ',90\n');
    const r = await run(['--json', 'indicators.csv', 'records.csv'], {
      'records.csv': records,
      'indicators.csv': INDICATORS,
    });
    const ind = JSON.parse(r.out[0]!) as { warnings: Array<{ row: number; column: string; message: string }> };
    expect(ind.warnings).toEqual([
      {
        row: 2,
        column: '得分',
        message: '指标得分合计 88.00 与评价记录总分 90.00 不一致',
        code: 'total_sum',
        params: { sum: 88, score: 90 },
      },
    ]);
  });

  it('resolves a GBK indicator file named before its records file', async () => {
    // 单位名称,年度,评价类型,项目名称,一级指标,分值,得分 CRLF 测试单位,2023,部门整体,,产出指标,20,18 CRLF, in GBK.
    const gbk = hex(
      'b5a5cebbc3fbb3c62cc4eab6c82cc6c0bcdbc0e0d0cd2ccfeec4bfc3fbb3c62cd2bbbcb6d6b8b1ea2cb7d6d6b52cb5c3b7d60d0a' +
        'b2e2cad4b5a5cebb2c323032332cb2bfc3c5d5fbcce52c2cb2fab3f6d6b8b1ea2c32302c31380d0a',
    );
    expect(new TextDecoder('gb18030').decode(gbk)).toBe(
      '单位名称,年度,评价类型,项目名称,一级指标,分值,得分\r\n测试单位,2023,部门整体,,产出指标,20,18\r\n',
    );
    const records = '单位名称,年度,评价类型,评价得分\n测试单位,2023,部门整体,18\n';
    const r = await run(['--json', 'ind-gbk.csv', 'records.csv'], { 'ind-gbk.csv': gbk, 'records.csv': records });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out[0]!)).toMatchObject({ kind: 'indicators', encoding: 'gb18030', errors: [], warnings: [] });
  });

  it('resolves references against the built-in data/records.csv, and reports them missing without it', async () => {
    const indicators = `${INDICATOR_HEADER}\n北京市贸促会,2022,部门整体,,决策,,,20,19,,\n`;
    const withBuiltin = await run(['--json', 'ind.csv'], { 'ind.csv': indicators }, [BUILTIN_RECORDS]);
    expect(withBuiltin.code).toBe(0);
    expect(JSON.parse(withBuiltin.out[0]!)).toMatchObject({ errors: [] });

    const without = await run(['--json', 'ind.csv'], { 'ind.csv': indicators });
    expect(without.code).toBe(1);
    expect(JSON.parse(without.out[0]!)).toMatchObject({
      errors: [
        {
          row: 2,
          column: '单位名称',
          message: expect.stringContaining('找不到对应的评价记录'),
          code: 'missing_record',
          params: { agency: '中国国际贸易促进委员会北京市分会', year: 2022, scope: 'department', project: '' },
        },
      ],
    });
  });

  it('still reports a reference that no file provides', async () => {
    const indicators = `${INDICATOR_HEADER}\n别的单位,2023,部门整体,,决策,,,20,19,,\n`;
    const r = await run(
      ['indicators.csv', 'records.csv'],
      { 'records.csv': RECORDS_OK, 'indicators.csv': indicators },
      [BUILTIN_RECORDS],
    );
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      '  错误  第 2 行，列“单位名称”：找不到对应的评价记录：别的单位 2023 年部门整体。请先导入该记录',
    );
  });
});

describe('validate: workbooks', () => {
  const record = { ...TEMPLATE_ROWS.records };
  const indicator = { ...TEMPLATE_ROWS.indicators };

  it('reads each sheet of a kind as a batch: one JSON object per sheet, records first, naming sheet and format', async () => {
    // The indicator sheet comes first in the workbook; its rows still find the record of the records sheet.
    const book = toXlsx({ indicators: [indicator], records: [record] });
    const r = await run(['--json', 'book.xlsx'], { 'book.xlsx': book });
    expect(r.code).toBe(0);
    const reports = r.out.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(reports.map((j) => [j.file, j.sheet, j.format, j.kind, j.rows, (j.errors as unknown[]).length])).toEqual([
      ['book.xlsx', '评价记录', 'xlsx', 'records', 1, 0],
      ['book.xlsx', '绩效指标', 'xlsx', 'indicators', 1, 0],
    ]);
    expect(Object.keys(reports[0]!)).toEqual([
      'file',
      'sheet',
      'format',
      'kind',
      'encoding',
      'delimiter',
      'rows',
      'errors',
      'warnings',
    ]);
  });

  it('names an error by its sheet cell and the header as written, and exits 1', async () => {
    const book = toXlsx({ records: [{ ...record, budget: -5 }] });
    const r = await run(['--json', 'bad.xlsx'], { 'bad.xlsx': book });
    expect(r.code).toBe(1);
    const [j] = r.out.map((l) => JSON.parse(l) as { errors: Record<string, unknown>[] });
    expect(j!.errors).toEqual([
      expect.objectContaining({
        code: 'amount_negative',
        sheet: '评价记录',
        cell: 'G2',
        row: 2,
        column: '全年预算数（万元）',
      }),
    ]);
    const text = await run(['bad.xlsx'], { 'bad.xlsx': book });
    expect(text.out[0]).toBe('bad.xlsx 工作表“评价记录”');
    expect(text.out.join('\n')).toContain('评价记录!G2（全年预算数（万元））：');
  });

  it('a workbook of no table and no form is an error naming the sheets it skipped', async () => {
    const book = writeSheets([
      { name: '说明', rows: [['填表说明'], ['请按模板填写']] },
      { name: '空白', rows: [] },
    ]);
    const r = await run(['--json', 'notes.xlsx'], { 'notes.xlsx': book });
    expect(r.code).toBe(1);
    const [j] = r.out.map(
      (l) => JSON.parse(l) as { kind: null; errors: { code: string }[]; warnings: { code: string }[] },
    );
    expect(j!.kind).toBeNull();
    expect(j!.errors.map((e) => e.code)).toEqual(['workbook_no_tables']);
    expect(j!.warnings.map((e) => e.code)).toEqual(expect.arrayContaining(['sheet_no_kind', 'sheet_empty']));
  });
});

describe('validate: self-evaluation forms', () => {
  const formBytes = async (name: string) =>
    new Uint8Array(await readFile(fileURLToPath(new URL(`../fixtures/forms/${name}`, import.meta.url))));

  it('reads each form (.xlsx or .docx) as the upload would: one JSON object per form with its rows and cells', async () => {
    const r = await run(['--json', 'a.xlsx', 'b.docx'], {
      'a.xlsx': await formBytes('project-national.xlsx'),
      'b.docx': await formBytes('project-sichuan.docx'),
    });
    expect(r.code).toBe(0);
    const reports = r.out.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(reports.map((j) => [j.file, j.kind, j.format, j.layout, j.counts])).toEqual([
      ['a.xlsx', 'form', 'xlsx', 'project_self_evaluation_form', { records: 1, indicators: 7, funds: 1 }],
      ['b.docx', 'form', 'docx', 'project_self_evaluation_form', { records: 1, indicators: 3, funds: 3 }],
    ]);
    expect(reports[1]!.warnings).toEqual([
      expect.objectContaining({ code: 'template_hint', location: expect.stringMatching(/^表1 第\d+行/) }),
    ]);
  });

  it('a form that states no year is an error until --year gives it', async () => {
    const files = { 'g.xlsx': await formBytes('department-guizhou-no-year.xlsx') };
    const without = await run(['--json', 'g.xlsx'], files);
    expect(without.code).toBe(1);
    expect((JSON.parse(without.out[0]!) as { errors: { code: string }[] }).errors.map((e) => e.code)).toEqual([
      'form_year_missing',
    ]);
    const withYear = await run(['--json', '--year', '2023', 'g.xlsx'], files);
    expect(withYear.code).toBe(0);
    const j = JSON.parse(withYear.out[0]!) as { warnings: { code: string; params: { year: number } }[] };
    expect(j.warnings).toEqual([expect.objectContaining({ code: 'year_from_upload', params: { year: 2023 } })]);
    expect((await run(['--year', '20', 'g.xlsx'], files)).code).toBe(2);
  });

  it('a score above its 分值 is an error at the form cell, and exits 1', async () => {
    const r = await run(['several.xlsx'], { 'several.xlsx': await formBytes('project-forms-several.xlsx') });
    expect(r.code).toBe(1);
    expect(r.out.join('\n')).toMatch(/错误\s+产业招商推介会!H\d+：/);
  });
});

describe('validate: the real script', () => {
  const script = (args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/validate.ts', ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('runs with node --import tsx and prints the JSON line of data/records.csv', async () => {
    const res = script(['--json', 'data/records.csv']);
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    const lines = res.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const expected = await parseFile(new Uint8Array(await readFile(BUILTIN_RECORDS)), 'data/records.csv');
    expect(JSON.parse(lines[0]!)).toMatchObject({
      file: 'data/records.csv',
      kind: 'records',
      encoding: expected.encoding,
      rows: expected.rows,
      errors: [],
    });
  });

  it('exits 2 without a file', () => {
    const res = script([]);
    expect(res.status).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr).toContain('用法');
  });
});
