import { describe, expect, it } from 'vitest';
import { neutralize, plainNumber, toCsv, unneutralize } from '@/domain/exportCsv';
import { SCHEMA } from '@/domain/schema';
import type { FundLine, IndicatorRow, PerfRecord } from '@/domain/types';

function record(over: Partial<PerfRecord> = {}): PerfRecord {
  return {
    agency: '中国国际贸易促进委员会北京市分会',
    region: '北京市',
    year: 2022,
    scope: 'department',
    project: '',
    budget_initial: 5029.86,
    budget: 5333.85,
    expenditure: 5169.65,
    execution_rate: 96.92,
    budget_basic: null,
    budget_project: null,
    expenditure_basic: null,
    expenditure_project: null,
    carryover: 172.89,
    carryover_rate: 3.24,
    final_accounts: null,
    budget_final_diff_rate: -2.78,
    score: 95.18,
    grade: '优',
    evaluator: '',
    source: '报告',
    note: '',
    evidence: '',
    ...over,
  };
}

/** Splits the CSV (no quoted line breaks in these tests) into lines of cells. */
function lines(csv: string): string[] {
  return csv.slice(1).split('\r\n');
}

describe('toCsv', () => {
  it('starts with a BOM, writes the Chinese header labels and ends every line with CRLF', () => {
    const csv = toCsv('records', [record()]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(lines(csv)[0]).toBe(SCHEMA.records.map((f) => f.label).join(','));
  });

  it('writes amounts plainly, percents with %, scope and grade in Chinese and null as an empty cell', () => {
    const csv = toCsv('records', [record({ budget: 1234567.5, execution_rate: 96.92 })]);
    const cells = lines(csv)[1]!.split(',');
    const at = (name: string) => cells[SCHEMA.records.findIndex((f) => f.name === name)];
    expect(at('budget')).toBe('1234567.5');
    expect(at('expenditure')).toBe('5169.65');
    expect(at('execution_rate')).toBe('96.92%');
    expect(at('budget_final_diff_rate')).toBe('-2.78%');
    expect(at('scope')).toBe('部门整体');
    expect(at('grade')).toBe('优');
    expect(at('budget_basic')).toBe('');
    expect(at('year')).toBe('2022');
  });

  it('writes fund categories as 资金来源 / 支出明细 and project scope as 项目', () => {
    const base = {
      agency: 'A',
      year: 2024,
      scope: 'project' as const,
      project: 'P',
      budget: 90,
      contract: null,
      expenditure: 90,
      source: '',
      evidence: '',
    };
    const rows: FundLine[] = [
      { ...base, category: 'source', item: '财政拨款' },
      { ...base, category: 'line_item', item: '策划设计' },
    ];
    const out = lines(toCsv('funds', rows));
    expect(out[1]).toBe('A,2024,项目,P,资金来源,财政拨款,90,,90,,');
    expect(out[2]).toBe('A,2024,项目,P,支出明细,策划设计,90,,90,,');
  });

  it('quotes cells holding commas, quotes, semicolons or line breaks (RFC 4180)', () => {
    const csv = toCsv('records', [record({ note: 'a,b "c"\nd', source: 'x;y' })]);
    expect(csv).toContain('"a,b ""c""\nd"');
    expect(csv).toContain('"x;y"');
  });

  it('neutralises text cells starting with = + - @ so spreadsheets do not evaluate them', () => {
    for (const lead of ['=', '+', '-', '@']) {
      const text = `${lead}SUM(A1:A2)`;
      const csv = toCsv('records', [record({ note: text })]);
      expect(csv).toContain(`,'${text}`);
      expect(csv).not.toMatch(new RegExp(`,\\${lead}SUM`));
    }
  });

  it('does not touch numbers: a negative percent stays a number', () => {
    const csv = toCsv('records', [record({ budget_final_diff_rate: -1.5 })]);
    expect(csv).toContain(',-1.5%,');
    expect(csv).not.toContain("'-1.5");
  });

  it('writes every numeric form without float noise or exponent notation', () => {
    expect(plainNumber(0.1 + 0.2)).toBe(String(0.1 + 0.2)); // the exact double, read back the same
    expect(Number(plainNumber(0.1 + 0.2))).toBe(0.1 + 0.2);
    expect(plainNumber(5333.85)).toBe('5333.85');
    expect(plainNumber(1e21)).toBe('1000000000000000000000');
    expect(plainNumber(1.5e-7)).toBe('0.00000015');
    expect(plainNumber(-2.5e-8)).toBe('-0.000000025');
    expect(plainNumber(1.234e22)).toBe('12340000000000000000000');
    expect(plainNumber(-0)).toBe('0');
    for (const x of [1e-7, 3.14159e-10, 9.87654321e25, 123.456]) expect(Number(plainNumber(x))).toBe(x);
  });

  it('writes indicator rows with text kept as written', () => {
    const row: IndicatorRow = {
      agency: 'A',
      year: 2024,
      scope: 'project',
      project: 'P',
      level1: '产出指标',
      level2: '数量指标',
      level3: '次数',
      weight: 35,
      score: 35,
      target: '≥1次/年',
      actual: '1次',
      note: '',
      source: 'S',
      evidence: '',
    };
    expect(lines(toCsv('indicators', [row]))[1]).toBe('A,2024,项目,P,产出指标,数量指标,次数,35,35,≥1次/年,1次,,S,');
  });
});

describe('neutralize / unneutralize', () => {
  it('round-trips every text, including ones that already start with an apostrophe', () => {
    const samples = ['=1+1', '+86 10', '-5%', '@user', '\tx', '\rx', "'=x", "''+y", "'abc", 'abc', '', "'", '≤90万元'];
    for (const s of samples) expect(unneutralize(neutralize(s))).toBe(s);
  });

  it('drops only an apostrophe that neutralises a formula character', () => {
    expect(unneutralize("'=A1")).toBe('=A1');
    expect(unneutralize("'-3")).toBe('-3');
    expect(unneutralize("'abc")).toBe("'abc");
    expect(unneutralize("it's")).toBe("it's");
  });

  it('leaves harmless text alone', () => {
    expect(neutralize('北京市')).toBe('北京市');
    expect(neutralize('a=b')).toBe('a=b');
  });
});
