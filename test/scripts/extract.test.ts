import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { runExtract } from '../../scripts/extractRun';
import { runValidate } from '../../scripts/validateRun';

const DIR = new URL('../fixtures/forms/', import.meta.url);
const REPORTS = new URL('../fixtures/reports/', import.meta.url);

interface Run {
  code: number;
  out: string[];
  err: string[];
  written: Map<string, string>;
}

/** Runs the command on files of `dir`, or of `files` (name → text) when it names them. */
async function run(args: string[], dir: URL = DIR, files: Record<string, string> = {}): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const written = new Map<string, string>();
  const code = await runExtract(args, {
    readFile: async (path) =>
      path in files ? new TextEncoder().encode(files[path]) : new Uint8Array(await readFile(new URL(path, dir))),
    writeFile: async (path, text) => {
      written.set(path, text);
    },
    mkdir: async () => undefined,
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  });
  return { code, out, err, written };
}

describe('extract CLI', () => {
  it('prints per file what was found, each figure with its cell, and the warnings in Chinese', async () => {
    const r = await run(['project-forms-several.xlsx']);
    expect(r.code).toBe(0);
    expect(r.out[0]).toBe('project-forms-several.xlsx');
    expect(r.out[1]).toBe(
      '  格式：xlsx  版式：project_self_evaluation_form  评价记录：3  绩效指标：21  资金明细：4  评价发现：0',
    );
    expect(r.out).toContain('      expenditure = 96  ←  “96.00”  产业招商推介会!E6');
    expect(r.out).toContain('      budget = 55（推算）  ←  “500000.00”  招商引资宣传活动!D7');
    expect(r.out).toContain('        另见 0  ←  “0.00”  招商引资宣传活动!D6');
    expect(r.out).toContain(
      '    警告 产业招商推介会!G6 “年度资金总额”填写的执行率 90.00% 与 执行数 ÷ 预算数 = 80.00% 不一致',
    );
    expect(r.out).toContain('    警告 填表说明 隐藏的工作表“填表说明”未读取');
  });

  it('--lang en renders the same issues in English', async () => {
    const r = await run(['--lang', 'en', 'project-forms-several.xlsx']);
    expect(r.out).toContain(
      '    warning 产业招商推介会!H12 The score 6.00 of “举办或参与宣传活动的质量” is above its weight 5.00.',
    );
  });

  it('--json prints one object per file with exactly the contract’s fields', async () => {
    const r = await run(['--json', 'project-national.xlsx', 'department-guizhou-no-year.xlsx']);
    expect(r.code).toBe(1);
    expect(r.out).toHaveLength(2);
    const [a, b] = r.out.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(Object.keys(a!)).toEqual([
      'file',
      'format',
      'layout',
      'records',
      'indicators',
      'funds',
      'findings',
      'evidence',
      'warnings',
      'errors',
    ]);
    expect(a).toMatchObject({ file: 'project-national.xlsx', format: 'xlsx', layout: 'project_self_evaluation_form' });
    expect((a!.records as { budget: number }[])[0]!.budget).toBe(90);
    expect((a!.evidence as unknown[])[0]).toEqual({
      kind: 'records',
      index: 0,
      field: 'agency',
      text: '北京市朝阳区投资促进服务中心',
      location: 'Sheet1!G4',
      how: 'read',
    });
    expect(b!.errors).toEqual([
      {
        code: 'form_year_missing',
        message: '自评表没有写明年度（标题或“年度”栏）：请在上传时填写年度',
        params: {},
        location: 'Sheet1',
      },
    ]);
  });

  it('--year gives the year of forms that state none', async () => {
    const r = await run(['--json', '--year', '2021', 'department-guizhou-no-year.xlsx']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out[0]!).records[0].year).toBe(2021);
  });

  it('--out writes the contract’s CSV files, which validate accepts; a file with an error adds nothing', async () => {
    const r = await run([
      '--out',
      'out',
      'project-sichuan-stacked.xlsx',
      'department-national.xlsx',
      'department-guizhou-no-year.xlsx',
    ]);
    expect(r.code).toBe(1);
    expect([...r.written.keys()].sort()).toEqual([
      'out/findings.csv',
      'out/funds.csv',
      'out/indicators.csv',
      'out/records.csv',
    ]);
    const records = r.written.get('out/records.csv')!;
    expect(records.trim().split('\r\n')).toHaveLength(1 + 3);
    expect(records).not.toContain('绥阳县');
    // Each row carries where its figures were read, in the evidence column (出处).
    expect(records.split('\r\n')[0]!.split(',').at(-1)).toBe('出处');
    expect(r.written.get('out/indicators.csv')).toMatch(/得分: [^「]+「[^」]+」/);
    const out: string[] = [];
    const code = await runValidate(
      ['--json', 'out/records.csv', 'out/indicators.csv', 'out/funds.csv', 'out/findings.csv'],
      {
        readFile: async (p) => new TextEncoder().encode(r.written.get(p)!),
        builtinFiles: [],
        out: (l) => out.push(l),
        err: (l) => out.push(l),
      },
    );
    const reports = out.map((l) => JSON.parse(l) as { kind: string; errors: unknown[]; warnings: unknown[] });
    expect(reports.map((j) => [j.kind, j.errors.length, j.warnings.length])).toEqual([
      ['records', 0, 0],
      ['indicators', 0, 0],
      ['funds', 0, 0],
      ['findings', 0, 0],
    ]);
    expect(code).toBe(0);
  });

  it('exits 2 when used wrongly', async () => {
    expect((await run([])).code).toBe(2);
    expect((await run(['--year', 'x', 'a.xlsx'])).code).toBe(2);
    expect((await run(['--bogus', 'a.xlsx'])).code).toBe(2);
    expect((await run(['missing.xlsx'])).code).toBe(2);
  });

  it('reads a .docx form with the document reader', async () => {
    const r = await run(['--json', 'project-national.docx']);
    const line = JSON.parse(r.out[0]!) as { layout: string; errors: unknown[]; records: Array<{ budget: number }> };
    expect(line.layout).toBe('project_self_evaluation_form');
    expect(line.errors).toEqual([]);
    expect(line.records[0]!.budget).toBe(90);
  });
});

describe('extract CLI on evaluation reports', () => {
  interface Line {
    layout: string;
    records: Array<Record<string, unknown>>;
    findings: Array<{ kind: string; seq: number; text: string }>;
    evidence: Array<{
      kind: string;
      index: number;
      field: string;
      text: string;
      location: string;
      how?: string;
      disputed?: unknown[];
    }>;
    warnings: Array<{ code: string; message: string; params?: unknown }>;
    errors: Array<{ code: string; message: string }>;
  }

  it('--json gives the figures, each with its text, place, how and the other statement of a disputed one', async () => {
    const r = await run(['--json', 'yuzhong-2022-contradicted-rate.txt'], REPORTS);
    expect(r.code).toBe(0);
    const line = JSON.parse(r.out[0]!) as Line;
    expect(line.layout).toBe('evaluation_report');
    expect(line.records[0]).toMatchObject({ budget: 200, expenditure: 180, execution_rate: 90, score: 86 });
    const rate = line.evidence.find((e) => e.kind === 'records' && e.field === 'execution_rate')!;
    expect(rate).toMatchObject({
      how: 'derived',
      location: '第3段',
      disputed: [{ value: 95.5, text: '预算执行率95.50%' }],
    });
    expect(line.findings.map((f) => [f.kind, f.seq])).toEqual([
      ['conclusion', 1],
      ['problem', 1],
      ['recommendation', 1],
    ]);
    expect(line.warnings.map((w) => w.code)).toEqual(['figure_disputed', 'stated_rate_contradicted']);
    expect(line.warnings[1]!.message).toContain('预算执行率 95.50%');
  });

  // The contradicted-rate report with its years taken out: it states no evaluation year.
  const NO_YEAR = {
    'no-year.txt': [
      '渝中区招商投资促进局重大招商活动经费绩效评价报告',
      '一、项目资金情况',
      '该项目全年预算数200.00万元，全年执行数180.00万元。',
      '二、评价结论',
      '项目评价得分为86.00分，评价等级为“良”。',
    ].join('\n'),
  };

  it('a report that states no year is an error without --year, and gives no record', async () => {
    const r = await run(['--json', 'no-year.txt'], REPORTS, NO_YEAR);
    expect(r.code).toBe(1);
    const line = JSON.parse(r.out[0]!) as Line;
    expect(line.errors.map((e) => e.code)).toEqual(['year_not_found']);
    expect(line.records).toEqual([]);
  });

  it('--year gives the year of a report that states none, said in a warning; --out writes its rows', async () => {
    const r = await run(['--json', '--out', 'out', '--year', '2022', 'no-year.txt'], REPORTS, NO_YEAR);
    expect(r.code).toBe(0);
    const line = JSON.parse(r.out[0]!) as Line;
    expect(line.errors).toEqual([]);
    expect(line.records).toHaveLength(1);
    expect(line.records[0]).toMatchObject({ year: 2022, budget: 200, expenditure: 180, score: 86 });
    expect(line.warnings.map((w) => [w.code, w.params])).toEqual([['report_year_given', { year: 2022 }]]);
    // The year was read from no text of the report: no evidence claims it was.
    expect(line.evidence.filter((e) => e.field === 'year')).toEqual([]);
    expect(r.written.get('out/records.csv')!.split('\r\n')[1]).toContain(',2022,');
  });

  it('--year never overrides the year a report states: the report’s is kept, and a different one named', async () => {
    const differs = await run(['--json', '--year', '2021', 'yuzhong-2022-contradicted-rate.txt'], REPORTS);
    const line = JSON.parse(differs.out[0]!) as Line;
    expect(line.records.map((x) => x.year)).toEqual([2022]);
    expect(line.warnings.filter((w) => w.code.startsWith('report_year')).map((w) => [w.code, w.params])).toEqual([
      ['report_year_differs', { stated: 2022, given: 2021 }],
    ]);
    // A report of a department and its projects, each part stating 2021: named once.
    const parts = await run(['--json', '--year', '2020', 'yuzhong-2021-department-projects.txt'], REPORTS);
    const partsLine = JSON.parse(parts.out[0]!) as Line;
    expect(partsLine.records.map((x) => x.year)).toEqual([2021, 2021, 2021, 2021]);
    expect(partsLine.warnings.filter((w) => w.code === 'report_year_differs')).toHaveLength(1);
    const same = await run(['--json', '--year', '2022', 'yuzhong-2022-contradicted-rate.txt'], REPORTS);
    const sameLine = JSON.parse(same.out[0]!) as Line;
    expect(sameLine.warnings.map((w) => w.code)).toEqual(['figure_disputed', 'stated_rate_contradicted']);
  });

  it('--out writes the four files of the contract, findings too, and validate accepts them', async () => {
    const r = await run(['--out', 'out', 'yuzhong-2022-contradicted-rate.txt'], REPORTS);
    expect(r.written.get('out/findings.csv')!.trim().split('\r\n')).toHaveLength(1 + 3);
    const out: string[] = [];
    const names = ['out/records.csv', 'out/findings.csv'];
    expect([...r.written.keys()].sort()).toEqual(names.slice().sort());
    const code = await runValidate(['--json', ...names], {
      readFile: async (p) => new TextEncoder().encode(r.written.get(p)!),
      builtinFiles: [],
      out: (l) => out.push(l),
      err: (l) => out.push(l),
    });
    expect(out.map((l) => (JSON.parse(l) as { errors: unknown[] }).errors)).toEqual([[], []]);
    expect(code).toBe(0);
  });

  it('refuses a scanned PDF with its message and writes nothing of it', async () => {
    const r = await run(['--json', '--out', 'out', 'scanned-no-text.pdf'], REPORTS);
    expect(r.code).toBe(1);
    const line = JSON.parse(r.out[0]!) as Line;
    expect(line.errors.map((e) => e.code)).toEqual(['pdf_no_text']);
    expect(line.errors[0]!.message).toContain('没有文字层');
    expect(r.written.size).toBe(0);
  });

  it('reads a .docx report and a PDF with a text layer', async () => {
    const r = await run(['--json', 'ccpit-2023-department-tables.docx', 'chaoyang-2025-negotiation-pdf.pdf'], REPORTS);
    const lines = r.out.map((l) => JSON.parse(l) as Line);
    expect(lines.map((l) => [l.layout, l.errors.length])).toEqual([
      ['evaluation_report', 0],
      ['evaluation_report', 0],
    ]);
    expect(lines.every((l) => l.records.length > 0 && l.evidence.length > 0)).toBe(true);
  });
});
