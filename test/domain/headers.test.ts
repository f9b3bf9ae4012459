import { describe, expect, it } from 'vitest';
import { mapHeaders } from '@/domain/headers';
import { SCHEMA } from '@/domain/schema';
import { KINDS, type Kind } from '@/domain/types';
import type { Issue } from '@/domain/issues';

/** Row, column, code and parameters of each header error. */
function brief(issues: readonly Issue[]) {
  return issues.map((i) => [i.row, i.column, i.code, i.params]);
}

// Written by hand from the tables of /work/shared/data-contract.md (plus the `source` column that
// types.ts adds to indicators and funds, and `evidence` of the contract's Evidence section), independently of schema.ts: header as written → field.
const KEY_HEADERS: Record<string, string> = {
  agency: 'agency',
  单位名称: 'agency',
  部门名称: 'agency',
  预算单位: 'agency',
  单位: 'agency',
  year: 'year',
  年度: 'year',
  评价年度: 'year',
  预算年度: 'year',
  scope: 'scope',
  评价类型: 'scope',
  评价对象: 'scope',
  类型: 'scope',
  project: 'project',
  项目名称: 'project',
};
const SOURCE_HEADERS: Record<string, string> = {
  source: 'source',
  来源: 'source',
  资料来源: 'source',
  数据来源: 'source',
  // The contract's "Evidence" section: any row may carry where its figures were read.
  evidence: 'evidence',
  出处: 'evidence',
};

const EXPECTED: Record<Kind, Record<string, string>> = {
  records: {
    ...KEY_HEADERS,
    region: 'region',
    地区: 'region',
    所属地区: 'region',
    区域: 'region',
    budget_initial: 'budget_initial',
    年初预算数: 'budget_initial',
    budget: 'budget',
    全年预算数: 'budget',
    调整后预算数: 'budget',
    预算数: 'budget',
    expenditure: 'expenditure',
    全年执行数: 'expenditure',
    实际支出: 'expenditure',
    支出数: 'expenditure',
    决算支出: 'expenditure',
    execution_rate: 'execution_rate',
    预算执行率: 'execution_rate',
    执行率: 'execution_rate',
    budget_basic: 'budget_basic',
    基本支出预算数: 'budget_basic',
    budget_project: 'budget_project',
    项目支出预算数: 'budget_project',
    expenditure_basic: 'expenditure_basic',
    基本支出: 'expenditure_basic',
    基本支出执行数: 'expenditure_basic',
    expenditure_project: 'expenditure_project',
    项目支出: 'expenditure_project',
    项目支出执行数: 'expenditure_project',
    carryover: 'carryover',
    结转结余: 'carryover',
    结转结余资金: 'carryover',
    结余: 'carryover',
    carryover_rate: 'carryover_rate',
    结转结余率: 'carryover_rate',
    final_accounts: 'final_accounts',
    决算数: 'final_accounts',
    支出决算数: 'final_accounts',
    budget_final_diff_rate: 'budget_final_diff_rate',
    预决算差异率: 'budget_final_diff_rate',
    score: 'score',
    总分: 'score',
    评价得分: 'score',
    得分: 'score',
    绩效得分: 'score',
    grade: 'grade',
    评价等级: 'grade',
    等级: 'grade',
    综合评价等级: 'grade',
    evaluator: 'evaluator',
    评价方式: 'evaluator',
    评价主体: 'evaluator',
    ...SOURCE_HEADERS,
    note: 'note',
    备注: 'note',
    说明: 'note',
  },
  indicators: {
    ...KEY_HEADERS,
    level1: 'level1',
    一级指标: 'level1',
    level2: 'level2',
    二级指标: 'level2',
    level3: 'level3',
    三级指标: 'level3',
    weight: 'weight',
    分值: 'weight',
    权重: 'weight',
    标准分: 'weight',
    score: 'score',
    得分: 'score',
    target: 'target',
    指标值: 'target',
    年度指标值: 'target',
    目标值: 'target',
    actual: 'actual',
    实际完成值: 'actual',
    完成值: 'actual',
    note: 'note',
    偏差原因分析及改进措施: 'note',
    备注: 'note',
    ...SOURCE_HEADERS,
  },
  funds: {
    ...KEY_HEADERS,
    category: 'category',
    类别: 'category',
    item: 'item',
    项目: 'item',
    明细: 'item',
    资金来源: 'item',
    支出内容: 'item',
    budget: 'budget',
    预算金额: 'budget',
    预算数: 'budget',
    contract: 'contract',
    合同签订金额: 'contract',
    合同金额: 'contract',
    expenditure: 'expenditure',
    支出金额: 'expenditure',
    实际支出: 'expenditure',
    ...SOURCE_HEADERS,
  },
  // 类型 is also an alias of kind: it reads as the scope here, see 'a label two fields share'.
  findings: {
    ...KEY_HEADERS,
    kind: 'kind',
    类别: 'kind',
    seq: 'seq',
    序号: 'seq',
    text: 'text',
    内容: 'text',
    ...SOURCE_HEADERS,
  },
};

// Columns of each kind by type, from the contract, for the unit tests.
const AMOUNT_FIELDS: Record<Kind, string[]> = {
  records: [
    'budget_initial',
    'budget',
    'expenditure',
    'budget_basic',
    'budget_project',
    'expenditure_basic',
    'expenditure_project',
    'carryover',
    'final_accounts',
  ],
  indicators: [],
  funds: ['budget', 'contract', 'expenditure'],
  findings: [],
};
const PERCENT_FIELDS: Record<Kind, string[]> = {
  records: ['execution_rate', 'carryover_rate', 'budget_final_diff_rate'],
  indicators: [],
  funds: [],
  findings: [],
};

/** The smallest header row of each kind, in the Chinese labels analysts use. */
const REQUIRED: Record<Kind, Record<string, string>> = {
  records: { agency: '单位名称', year: '年度', scope: '评价类型' },
  indicators: { agency: '单位名称', year: '年度', scope: '评价类型', level1: '一级指标' },
  funds: { agency: '单位名称', year: '年度', scope: '评价类型', category: '类别', item: '明细' },
  findings: { agency: '单位名称', year: '年度', scope: '评价类型', kind: '类别', seq: '序号', text: '内容' },
};

/** A header row of `kind` holding `header` for `field`: replaces the required column of that field, or is appended. */
function rowWith(kind: Kind, field: string, header: string): { cells: string[]; index: number } {
  const cells: string[] = [];
  let index = -1;
  for (const [f, label] of Object.entries(REQUIRED[kind])) {
    if (f === field) index = cells.length;
    cells.push(f === field ? header : label);
  }
  if (index === -1) {
    index = cells.length;
    cells.push(header);
  }
  return { cells, index };
}

/** Full-width form of the ASCII letters, digits and punctuation of a string. */
function fullWidth(s: string): string {
  return s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

const GENERATED: Array<[Kind, string]> = KINDS.flatMap((kind) =>
  SCHEMA[kind].flatMap((spec) => [spec.name, ...spec.aliases].map((h): [Kind, string] => [kind, h])),
);

function expectedField(kind: Kind, header: string): string {
  const field = EXPECTED[kind][header];
  if (field === undefined) throw new Error(`the hand-written table has no ${kind} header ${header}`);
  return field;
}

describe('the expectation table', () => {
  it.each(KINDS)('lists exactly the headers SCHEMA accepts for %s', (kind) => {
    const fromSchema = [...new Set(GENERATED.filter(([k]) => k === kind).map(([, h]) => h))].sort();
    expect(fromSchema).toEqual(Object.keys(EXPECTED[kind]).sort());
  });
});

describe('every canonical name and alias of every field', () => {
  it.each(GENERATED)('%s: %s', (kind, header) => {
    const field = expectedField(kind, header);
    const { cells, index } = rowWith(kind, field, header);
    const r = mapHeaders(cells);
    expect(r.errors).toEqual([]);
    expect(r.kind).toBe(kind);
    expect(r.headers[index]).toEqual({ written: header, index, field, scale: 1, unit: '' });
  });

  it.each(GENERATED)('%s: %s with padding, inner spaces and ideographic spaces', (kind, header) => {
    const field = expectedField(kind, header);
    const written = `\u3000 ${[...header].join(' ')}\t`;
    const { cells, index } = rowWith(kind, field, written);
    const r = mapHeaders(cells);
    expect(r.errors).toEqual([]);
    expect(r.headers[index]?.field).toBe(field);
  });

  it.each(GENERATED)('%s: %s in full-width and upper case', (kind, header) => {
    const field = expectedField(kind, header);
    const { cells, index } = rowWith(kind, field, fullWidth(header.toUpperCase()));
    const r = mapHeaders(cells);
    expect(r.errors).toEqual([]);
    expect(r.headers[index]?.field).toBe(field);
  });

  const withUnits = GENERATED.filter(([kind, h]) => {
    const f = EXPECTED[kind][h] ?? '';
    return AMOUNT_FIELDS[kind].includes(f) || PERCENT_FIELDS[kind].includes(f);
  });
  it.each(withUnits)('%s: %s with a unit suffix', (kind, header) => {
    const field = expectedField(kind, header);
    const amount = AMOUNT_FIELDS[kind].includes(field);
    const { cells, index } = rowWith(kind, field, amount ? `${header}（元）` : `${header}（%）`);
    const r = mapHeaders(cells);
    expect(r.errors).toEqual([]);
    expect(r.headers[index]).toMatchObject(
      amount ? { field, unit: '元', scale: 0.0001 } : { field, unit: '%', scale: 1 },
    );
  });
});

describe('a label two fields share: 类型 in a findings file', () => {
  const fields = (cells: string[]) => {
    const r = mapHeaders(cells);
    return { kind: r.kind, errors: r.errors.map((e) => e.code), fields: r.headers.map((h) => h.field) };
  };

  it('is the kind of finding when another column gives the scope', () => {
    expect(fields(['单位名称', '年度', '评价类型', '项目名称', '类型', '序号', '内容'])).toEqual({
      kind: 'findings',
      errors: [],
      fields: ['agency', 'year', 'scope', 'project', 'kind', 'seq', 'text'],
    });
    expect(fields(['agency', 'year', 'scope', '类型', 'seq', 'text']).fields).toEqual([
      'agency',
      'year',
      'scope',
      'kind',
      'seq',
      'text',
    ]);
  });

  it('is the scope when another column gives the kind, wherever the columns stand', () => {
    expect(fields(['单位名称', '年度', '类型', '项目名称', '类别', '序号', '内容'])).toEqual({
      kind: 'findings',
      errors: [],
      fields: ['agency', 'year', 'scope', 'project', 'kind', 'seq', 'text'],
    });
    expect(fields(['类别', '序号', '内容', '单位名称', '年度', '类型']).fields).toEqual([
      'kind',
      'seq',
      'text',
      'agency',
      'year',
      'scope',
    ]);
  });

  it('is the scope when nothing else gives either: the file is told it lacks the kind', () => {
    const r = mapHeaders(['单位名称', '年度', '类型', '序号', '内容']);
    expect(r.kind).toBe('findings');
    expect(brief(r.errors)).toEqual([[1, null, 'missing_columns', { kind: 'findings', fields: 'kind', count: 1 }]]);
  });

  it('when both are given elsewhere, is a second scope column (named in the error)', () => {
    const r = mapHeaders(['单位名称', '年度', '评价类型', '类别', '类型', '序号', '内容']);
    expect(r.errors.map((e) => [e.code, e.params])).toEqual([
      ['duplicate_columns', { kind: 'findings', field: 'scope', first: '评价类型', second: '类型' }],
    ]);
  });

  it('stays the scope in records, indicators and funds files', () => {
    expect(fields(['单位名称', '年度', '类型']).fields).toEqual(['agency', 'year', 'scope']);
    expect(fields(['单位名称', '年度', '类型', '一级指标']).fields).toEqual(['agency', 'year', 'scope', 'level1']);
    expect(fields(['单位名称', '年度', '类型', '类别', '明细']).fields).toEqual([
      'agency',
      'year',
      'scope',
      'category',
      'item',
    ]);
  });

  it('tells a findings file from a funds file that also has 类别', () => {
    expect(mapHeaders(['单位名称', '年度', '评价类型', '项目名称', '类别', '序号', '内容', '资料来源']).kind).toBe(
      'findings',
    );
    expect(mapHeaders(['单位名称', '年度', '评价类型', '项目名称', '类别', '明细', '预算金额']).kind).toBe('funds');
  });
});

describe('units in headers', () => {
  const base = ['单位名称', '年度', '评价类型'];
  function budgetColumn(header: string) {
    const r = mapHeaders([...base, header]);
    expect(r.errors).toEqual([]);
    return r.headers[3];
  }

  it.each([
    ['全年预算数（万元）', '万元', 1],
    ['全年预算数(万元)', '万元', 1],
    ['全年预算数 (万元)', '万元', 1],
    ['全年预算数[万元]', '万元', 1],
    ['全年预算数［万元］', '万元', 1],
    ['全年预算数【万元】', '万元', 1],
    ['全年预算数（单位：万元）', '万元', 1],
    ['全年预算数(元)', '元', 0.0001],
    ['全年预算数（元）', '元', 0.0001],
    ['全年预算数（亿元）', '亿元', 10000],
    ['全年预算数[亿元]', '亿元', 10000],
    ['budget (万元)', '万元', 1],
    ['Budget（元）', '元', 0.0001],
    ['全年预算数', '', 1],
  ])('%s is budget in %s (scale %d)', (header, unit, scale) => {
    expect(budgetColumn(header)).toEqual({ written: header, index: 3, field: 'budget', unit, scale });
  });

  it.each(['预算执行率（%）', '预算执行率(％)', '预算执行率[%]', '执行率（百分比）'])(
    '%s is execution_rate in %%',
    (header) => {
      expect(budgetColumn(header)).toMatchObject({ field: 'execution_rate', unit: '%', scale: 1 });
    },
  );

  it('reads units on fund amounts too', () => {
    const r = mapHeaders([
      '单位名称',
      '年度',
      '评价类型',
      '类别',
      '明细',
      '预算金额（元）',
      '合同金额(亿元)',
      '支出金额（万元）',
    ]);
    expect(r.errors).toEqual([]);
    expect(r.headers.slice(5).map((h) => [h.field, h.scale])).toEqual([
      ['budget', 0.0001],
      ['contract', 10000],
      ['expenditure', 1],
    ]);
  });

  it('refuses an amount column in a unit it does not know, naming the column and the unit', () => {
    const r = mapHeaders([...base, '全年预算数（美元）']);
    expect(r.kind).toBe('records');
    expect(brief(r.errors)).toEqual([
      [
        1,
        '全年预算数（美元）',
        'amount_unit',
        { column: '全年预算数（美元）', unit: '美元', accepted: '万元\n元\n亿元\n千元' },
      ],
    ]);
  });

  it('refuses a percent column with an amount unit', () => {
    const r = mapHeaders([...base, '预算执行率（万元）']);
    expect(brief(r.errors)).toEqual([
      [1, '预算执行率（万元）', 'percent_unit', { column: '预算执行率（万元）', unit: '万元', accepted: '%' }],
    ]);
  });

  it('leaves the scale of non-amount columns at 1', () => {
    const r = mapHeaders(['单位名称', '年度', '评价类型', '一级指标', '指标值（万元）', '得分（分）']);
    expect(r.errors).toEqual([]);
    expect(r.headers[4]).toMatchObject({ field: 'target', scale: 1 });
    expect(r.headers[5]).toMatchObject({ field: 'score', scale: 1, unit: '分' });
  });
});

describe('canonical names', () => {
  it.each([
    'Budget_Initial',
    'BUDGET_INITIAL',
    'budget_initial',
    'budget initial',
    'Budget-Initial',
    'ｂｕｄｇｅｔ＿ｉｎｉｔｉａｌ',
    ' budget_initial ',
  ])('%j is budget_initial', (header) => {
    const r = mapHeaders(['agency', 'year', 'scope', header]);
    expect(r.errors).toEqual([]);
    expect(r.headers[3]?.field).toBe('budget_initial');
  });

  it('ignores a BOM and a required-column asterisk on a header', () => {
    const r = mapHeaders(['\uFEFF单位名称', '*年度', '评价类型*']);
    expect(r.errors).toEqual([]);
    expect(r.headers.map((h) => h.field)).toEqual(['agency', 'year', 'scope']);
  });
});

describe('kind detection', () => {
  it('recognises the export header row of each kind', () => {
    for (const kind of KINDS) {
      const labels = SCHEMA[kind].map((f) => f.label);
      const r = mapHeaders(labels);
      expect(r.errors).toEqual([]);
      expect(r.kind).toBe(kind);
      expect(r.headers.every((h) => h.field !== null)).toBe(true);
    }
  });

  it('recognises a records file of a real report', () => {
    const r = mapHeaders([
      '单位名称',
      '地区',
      '年度',
      '评价类型',
      '项目名称',
      '全年预算数（万元）',
      '全年执行数（万元）',
      '预算执行率',
      '评价得分',
      '评价等级',
    ]);
    expect(r).toMatchObject({ kind: 'records', errors: [] });
  });

  it('recognises an indicators file', () => {
    const r = mapHeaders([
      '单位名称',
      '年度',
      '评价类型',
      '项目名称',
      '一级指标',
      '二级指标',
      '三级指标',
      '分值',
      '得分',
      '年度指标值',
      '实际完成值',
      '偏差原因分析及改进措施',
    ]);
    expect(r).toMatchObject({ kind: 'indicators', errors: [] });
    expect(r.headers.map((h) => h.field)).toEqual([
      'agency',
      'year',
      'scope',
      'project',
      'level1',
      'level2',
      'level3',
      'weight',
      'score',
      'target',
      'actual',
      'note',
    ]);
  });

  it('recognises a funds file', () => {
    const r = mapHeaders([
      '单位名称',
      '年度',
      '评价类型',
      '项目名称',
      '类别',
      '项目',
      '预算数',
      '合同签订金额',
      '实际支出',
    ]);
    expect(r).toMatchObject({ kind: 'funds', errors: [] });
    expect(r.headers.map((h) => h.field)).toEqual([
      'agency',
      'year',
      'scope',
      'project',
      'category',
      'item',
      'budget',
      'contract',
      'expenditure',
    ]);
  });

  it('chooses the kind whose columns match best', () => {
    // Indicators columns plus one record column: still indicators; the extra column is ignored.
    const a = mapHeaders(['单位名称', '年度', '评价类型', '一级指标', '得分', '分值', '全年预算数']);
    expect(a.kind).toBe('indicators');
    expect(a.headers[6]?.field).toBeNull();
    // A records file with a stray 一级指标 column and many record columns stays records.
    const b = mapHeaders([
      '单位名称',
      '年度',
      '评价类型',
      '一级指标',
      '全年预算数',
      '全年执行数',
      '预算执行率',
      '评价等级',
    ]);
    expect(b.kind).toBe('records');
    expect(b.headers[3]?.field).toBeNull();
  });

  it('resolves aliases by kind', () => {
    const rec = mapHeaders([
      '单位名称',
      '年度',
      '评价类型',
      '项目名称',
      '项目',
      '预算数',
      '得分',
      '资金来源',
      '项目支出',
      '实际支出',
    ]);
    expect(rec.kind).toBe('records');
    expect(rec.headers.map((h) => h.field)).toEqual([
      'agency',
      'year',
      'scope',
      'project',
      null,
      'budget',
      'score',
      null,
      'expenditure_project',
      'expenditure',
    ]);

    const ind = mapHeaders(['单位名称', '年度', '评价类型', '一级指标', '得分', '预算数']);
    expect(ind.kind).toBe('indicators');
    expect(ind.headers.map((h) => h.field)).toEqual(['agency', 'year', 'scope', 'level1', 'score', null]);

    const fund = mapHeaders([
      '单位名称',
      '年度',
      '评价类型',
      '项目名称',
      '类别',
      '资金来源',
      '预算数',
      '实际支出',
      '项目支出',
      '得分',
    ]);
    expect(fund.kind).toBe('funds');
    expect(fund.headers.map((h) => h.field)).toEqual([
      'agency',
      'year',
      'scope',
      'project',
      'category',
      'item',
      'budget',
      'expenditure',
      null,
      null,
    ]);
  });

  it('keeps unknown columns with no field, their written form and index', () => {
    const r = mapHeaders(['单位名称', ' 联系人 ', '年度', '', '评价类型', '金额(美元)']);
    expect(r.errors).toEqual([]);
    expect(r.kind).toBe('records');
    expect(r.headers).toEqual([
      { written: '单位名称', index: 0, field: 'agency', scale: 1, unit: '' },
      { written: '联系人', index: 1, field: null, scale: 1, unit: '' },
      { written: '年度', index: 2, field: 'year', scale: 1, unit: '' },
      { written: '', index: 3, field: null, scale: 1, unit: '' },
      { written: '评价类型', index: 4, field: 'scope', scale: 1, unit: '' },
      { written: '金额(美元)', index: 5, field: null, scale: 1, unit: '美元' },
    ]);
  });
});

describe('header errors', () => {
  it('names both columns that map to one field', () => {
    const r = mapHeaders(['单位名称', '年度', '评价类型', '全年预算数（万元）', '调整后预算数']);
    expect(r.kind).toBe('records');
    expect(brief(r.errors)).toEqual([
      [
        1,
        '调整后预算数',
        'duplicate_columns',
        { kind: 'records', field: 'budget', first: '全年预算数（万元）', second: '调整后预算数' },
      ],
    ]);
  });

  it('names every duplicated field', () => {
    const r = mapHeaders(['单位名称', '单位', '年度', '评价年度', '评价类型'], 3);
    expect(r.errors.map((e) => [e.row, e.params])).toEqual([
      [3, { kind: 'records', field: 'agency', first: '单位名称', second: '单位' }],
      [3, { kind: 'records', field: 'year', first: '年度', second: '评价年度' }],
    ]);
  });

  it('treats the same header written twice as a duplicate', () => {
    const r = mapHeaders(['单位名称', '年度', '评价类型', '备注', '备注']);
    expect(r.errors[0]!.params).toMatchObject({ first: '备注', second: '备注' });
  });

  it.each([
    [['年度', '评价类型', '全年预算数'], 'records', ['agency']],
    [['单位名称', '评价类型', '评价得分'], 'records', ['year']],
    [['单位名称', '年度', '评价得分', '评价等级'], 'records', ['scope']],
    [['单位名称', '年度', '一级指标', '得分'], 'indicators', ['scope']],
    [['单位名称', '年度', '评价类型', '类别', '预算金额'], 'funds', ['item']],
    [['单位名称', '年度', '评价类型', '支出内容', '合同金额'], 'funds', ['category']],
    [['单位名称', '类别', '明细'], 'funds', ['year', 'scope']],
  ] as Array<[string[], Kind, string[]]>)('names the missing required column of %j', (cells, kind, missing) => {
    const r = mapHeaders(cells);
    expect(r.kind).toBe(kind);
    expect(brief(r.errors)).toEqual([
      [1, null, 'missing_columns', { kind, fields: missing.join(','), count: missing.length }],
    ]);
  });

  it.each([[['foo', 'bar', 'baz']], [['姓名', '电话']], [[]], [['']], [['北京市贸促会', '2022', '部门整体']]])(
    'lists what each kind expects when %j fits no kind',
    (cells) => {
      const r = mapHeaders(cells);
      expect(r.kind).toBeNull();
      expect(r.headers.every((h) => h.field === null)).toBe(true);
      expect(r.errors).toHaveLength(1);
      expect(r.errors[0]).toMatchObject({
        code: 'unknown_headers',
        row: 1,
        column: null,
        params: { records: 'agency,year,scope', indicators: 'level1', funds: 'category,item' },
      });
    },
  );

  it('shows the headers it found when it cannot recognise the file', () => {
    expect(mapHeaders(['姓名', '电话']).errors[0]!.params).toMatchObject({ found: '姓名\n电话' });
    const many = Array.from({ length: 15 }, (_, i) => `列${i}`);
    expect(mapHeaders(many).errors[0]!.params).toMatchObject({ found: [...many.slice(0, 12), '…'].join('\n') });
  });
});
