import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseFile } from '@/domain/parseFile';
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
      '  kind: records  encoding: utf-8  delimiter: comma  rows: 2',
      '  errors: 0  warnings: 0',
    ]);
  });

  it('lists each error and warning with its row and column and exits 1', async () => {
    const r = await run(['bad.csv'], { 'bad.csv': RECORDS_BAD });
    expect(r.code).toBe(1);
    expect(r.out[1]).toBe('  kind: records  encoding: utf-8  delimiter: comma  rows: 2');
    expect(r.out[2]).toBe('  errors: 2  warnings: 1');
    const errors = r.out.filter((l) => l.includes('ERROR'));
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/第 3 行 列“年度”: .*1989/);
    expect(errors[1]).toMatch(/第 3 行 列“全年预算数（万元）”: .*负数/);
    const warnings = r.out.filter((l) => l.includes('WARNING'));
    expect(warnings).toEqual([expect.stringMatching(/第 2 行 列“全年执行数（万元）”: .*超过预算/)]);
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
    expect(r.out).toContain('  kind: records  encoding: utf-8  delimiter: tab  rows: 1');
    expect(r.out).toContain('  kind: records  encoding: gb18030  delimiter: semicolon  rows: 1');
  });

  it('reports a file-level error without a row', async () => {
    const r = await run(['empty.csv'], { 'empty.csv': '' });
    expect(r.code).toBe(1);
    expect(r.out[1]).toBe('  kind: -  encoding: -  delimiter: -  rows: 0');
    expect(r.out.some((l) => /ERROR {3}文件是空的/.test(l))).toBe(true);
  });
});

describe('validate --json', () => {
  it('prints one JSON object per file per line, in command-line order, with exactly the contract’s keys', async () => {
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
    for (const i of [...errors, ...warnings]) expect(Object.keys(i).sort()).toEqual(['column', 'message', 'row']);
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [3, '年度'],
      [3, '全年预算数（万元）'],
    ]);
    expect(warnings.map((w) => [w.row, w.column])).toEqual([[2, '全年执行数（万元）']]);
  });

  it('gives null kind, row and column for a file that is not text', async () => {
    const r = await run(['--json', 'x.csv'], { 'x.csv': hex('504b030414000600') });
    expect(r.code).toBe(1);
    const o = JSON.parse(r.out[0]!) as {
      kind: unknown;
      errors: Array<{ row: unknown; column: unknown; message: string }>;
    };
    expect(o.kind).toBeNull();
    expect(o.errors).toEqual([{ row: null, column: null, message: expect.stringContaining('xlsx') }]);
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
});

describe('validate: references to records', () => {
  it('resolves indicator and fund rows against records named on the same command line, in any order', async () => {
    const funds = `${FUND_HEADER}\n测试单位,2023,项目,活动,资金来源,财政拨款,50,,50\n`;
    const files = { 'records.csv': RECORDS_OK, 'indicators.csv': INDICATORS, 'funds.csv': funds };
    for (const order of [
      ['records.csv', 'indicators.csv', 'funds.csv'],
      ['indicators.csv', 'funds.csv', 'records.csv'],
      ['funds.csv', 'records.csv', 'indicators.csv'],
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
    expect(ind.warnings).toEqual([{ row: 2, column: '得分', message: expect.stringContaining('90.00') }]);
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
      errors: [{ row: 2, column: '单位名称', message: expect.stringContaining('找不到对应的评价记录') }],
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
    expect(r.out.some((l) => /ERROR {3}第 2 行 列“单位名称”: 找不到对应的评价记录：别的单位/.test(l))).toBe(true);
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
