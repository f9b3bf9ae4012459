import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IndicatorSums, recordWarnings } from '@/domain/consistency';
import { recordKey } from '@/domain/keys';
import { blankRow } from '@/domain/rowReader';
import type { IndicatorRow, Issue, PerfRecord } from '@/domain/types';

/** Columns as a file might have written them, so each warning can be checked to name its column. */
const WRITTEN: Record<string, string> = {
  budget: '全年预算数（万元）',
  expenditure: '全年执行数（万元）',
  execution_rate: '预算执行率',
  grade: '评价等级',
  carryover: '结转结余资金（万元）',
  score: '得分',
};
const columnOf = (field: string): string | null => WRITTEN[field] ?? null;

function record(fields: Partial<PerfRecord>): PerfRecord {
  return {
    ...(blankRow('records') as unknown as PerfRecord),
    agency: '测试单位',
    year: 2023,
    scope: 'department',
    project: '',
    ...fields,
  };
}

function codes(issues: readonly Issue[]): string[] {
  return issues.map((i) => i.code);
}

describe('recordWarnings', () => {
  it('gives no warning for a consistent record (the 2022 贸促会 department figures)', () => {
    const r = record({
      budget: 5333.85,
      expenditure: 5169.65,
      execution_rate: 96.92,
      budget_basic: 3864.04,
      budget_project: 1469.81,
      expenditure_basic: 3816.17,
      expenditure_project: 1353.48,
      score: 95.18,
      grade: '优',
      // A department's carryover need not be budget − expenditure (the report's 172.89 is not 164.20).
      carryover: 172.89,
    });
    expect(recordWarnings(r, 5, columnOf)).toEqual([]);
  });

  it('warns when the execution rate differs from expenditure ÷ budget by more than 0.1 point', () => {
    const r = record({ budget: 100, expenditure: 96.9, execution_rate: 96.7 });
    const [w, ...rest] = recordWarnings(r, 7, columnOf);
    expect(rest).toEqual([]);
    expect(w).toMatchObject({ row: 7, column: '预算执行率', code: 'rate_mismatch', recordKey: recordKey(r) });
    expect(w!.params).toEqual({ rate: 96.7, computed: 96.9 });
  });

  it('does not warn at a difference of exactly 0.1 point or less', () => {
    for (const rate of [96.8, 97.0, 96.85, 96.9]) {
      expect(recordWarnings(record({ budget: 100, expenditure: 96.9, execution_rate: rate }), 2, columnOf)).toEqual([]);
    }
    // A rate rounded to two decimals from an awkward quotient is within tolerance.
    expect(recordWarnings(record({ budget: 3, expenditure: 1, execution_rate: 33.33 }), 2, columnOf)).toEqual([]);
  });

  it('warns when expenditure exceeds budget', () => {
    const r = record({ budget: 90, expenditure: 90.5 });
    expect(recordWarnings(r, 3, columnOf)).toEqual([
      expect.objectContaining({ row: 3, column: '全年执行数（万元）', code: 'over_budget', recordKey: recordKey(r) }),
    ]);
    expect(recordWarnings(record({ budget: 90, expenditure: 90 }), 3, columnOf)).toEqual([]);
  });

  it('warns when basic + project budget differs from the budget, and likewise for expenditure', () => {
    const r = record({
      budget: 100,
      budget_basic: 60,
      budget_project: 30,
      expenditure: 80,
      expenditure_basic: 50,
      expenditure_project: 20,
    });
    const ws = recordWarnings(r, 4, columnOf);
    expect(ws.map((w) => [w.code, w.column])).toEqual([
      ['budget_parts', '全年预算数（万元）'],
      ['expenditure_parts', '全年执行数（万元）'],
    ]);
    expect(ws.every((w) => w.recordKey === recordKey(r))).toBe(true);
    // Sums of figures rounded to 0.01 may be off by a cent.
    const close = record({
      budget: 100,
      budget_basic: 60.01,
      budget_project: 40,
      expenditure: 80,
      expenditure_basic: 40,
      expenditure_project: 39.99,
    });
    expect(recordWarnings(close, 4, columnOf)).toEqual([]);
  });

  it('warns when the grade does not match the score', () => {
    const r = record({ score: 85, grade: '优' });
    const [w] = recordWarnings(r, 6, columnOf);
    expect(w).toMatchObject({ row: 6, column: '评价等级', code: 'grade_mismatch', recordKey: recordKey(r) });
    expect(w!.params).toEqual({ grade: '优', score: 85, expected: '良' });
    expect(recordWarnings(record({ score: 90, grade: '优' }), 6, columnOf)).toEqual([]);
    expect(recordWarnings(record({ score: null, grade: '差' }), 6, columnOf)).toEqual([]);
  });

  it('warns when a project record’s carryover is not budget − expenditure', () => {
    const r = record({ scope: 'project', project: '活动经费', budget: 100, expenditure: 90, carryover: 5 });
    expect(recordWarnings(r, 8, columnOf)).toEqual([
      expect.objectContaining({
        row: 8,
        column: '结转结余资金（万元）',
        code: 'carryover_mismatch',
        recordKey: recordKey(r),
      }),
    ]);
    expect(
      recordWarnings(
        record({ scope: 'project', project: '活动经费', budget: 100, expenditure: 90, carryover: 10 }),
        8,
        columnOf,
      ),
    ).toEqual([]);
  });

  it('checks nothing that lacks the figures it needs (missing is not zero)', () => {
    const r = record({
      budget: 100,
      execution_rate: 50,
      budget_basic: 10,
      grade: '差',
      scope: 'project',
      project: 'p',
      carryover: 3,
    });
    expect(recordWarnings(r, 2, columnOf)).toEqual([]);
  });

  it('reports several problems of one record together', () => {
    const r = record({ budget: 100, expenditure: 120, execution_rate: 100, score: 59, grade: '中' });
    expect(codes(recordWarnings(r, 2, columnOf)).sort()).toEqual(['grade_mismatch', 'over_budget', 'rate_mismatch']);
  });
});

function indicator(level1: string, level2: string, level3: string, score: number | null): IndicatorRow {
  return {
    ...(blankRow('indicators') as unknown as IndicatorRow),
    agency: '测试单位',
    year: 2023,
    scope: 'department',
    project: '',
    level1,
    level2,
    level3,
    score,
  };
}

const RK = recordKey({ agency: '测试单位', year: 2023, scope: 'department', project: '' });

function sumsOf(rows: ReadonlyArray<[number, IndicatorRow]>, recordScore: number | null): Issue[] {
  const sums = new IndicatorSums();
  for (const [row, r] of rows) sums.add(RK, r, row);
  return sums.warnings((rk) => (rk === RK ? recordScore : undefined), '得分');
}

describe('IndicatorSums', () => {
  it('accepts a tree whose levels add up to each other and to the record score', () => {
    const rows: Array<[number, IndicatorRow]> = [
      [2, indicator('决策', '', '', 20)],
      [3, indicator('决策', '项目立项', '', 12)],
      [4, indicator('决策', '项目立项', '立项依据充分性', 7)],
      [5, indicator('决策', '项目立项', '立项程序规范性', 5)],
      [6, indicator('决策', '绩效目标', '', 8)],
      [7, indicator('产出', '数量指标', '活动次数', 35.5)],
      [8, indicator('产出', '质量指标', '活动质量', 30)],
    ];
    expect(sumsOf(rows, 85.5)).toEqual([]);
  });

  it('warns on the level-2 row when its level-3 scores do not add up to it', () => {
    const ws = sumsOf(
      [
        [2, indicator('决策', '项目立项', '', 12)],
        [3, indicator('决策', '项目立项', '立项依据充分性', 7)],
        [4, indicator('决策', '项目立项', '立项程序规范性', 4)],
      ],
      null,
    );
    expect(ws).toEqual([expect.objectContaining({ row: 2, column: '得分', code: 'level2_sum', recordKey: RK })]);
    expect(ws[0]!.params).toEqual({ sum: 11, score: 12 });
  });

  it('warns on the level-1 row when its level-2 scores do not add up to it', () => {
    const ws = sumsOf(
      [
        [2, indicator('过程', '', '', 20)],
        [3, indicator('过程', '资金管理', '', 9)],
        [4, indicator('过程', '组织实施', '', 10)],
      ],
      null,
    );
    expect(ws).toEqual([expect.objectContaining({ row: 2, column: '得分', code: 'level1_sum', recordKey: RK })]);
    expect(ws[0]!.params).toEqual({ level1: '过程', sum: 19, score: 20 });
  });

  it('warns on the first indicator row when the total differs from the record score', () => {
    const rows: Array<[number, IndicatorRow]> = [
      [4, indicator('决策', '', '', 20)],
      [5, indicator('产出', '', '', 60)],
    ];
    const ws = sumsOf(rows, 90);
    expect(ws).toEqual([expect.objectContaining({ row: 4, column: '得分', code: 'total_sum', recordKey: RK })]);
    expect(ws[0]!.params).toEqual({ sum: 80, score: 90 });
    // Without the record's score (unknown record, or no score) there is nothing to compare.
    expect(sumsOf(rows, null)).toEqual([]);
  });

  it('sums level-3 rows up through a level 2 that has no row of its own', () => {
    const rows: Array<[number, IndicatorRow]> = [
      [2, indicator('产出', '', '', 10)],
      [3, indicator('产出', '数量指标', '次数', 4)],
      [4, indicator('产出', '数量指标', '人数', 4)],
    ];
    expect(sumsOf(rows, 10)).toEqual([expect.objectContaining({ row: 2, code: 'level1_sum' })]);
    expect(sumsOf([[2, indicator('产出', '', '', 8)], ...rows.slice(1)], 8)).toEqual([]);
  });

  it('ignores indicators without a score', () => {
    const rows: Array<[number, IndicatorRow]> = [
      [2, indicator('产出', '', '', 10)],
      [3, indicator('产出', '数量指标', '', null)],
      [4, indicator('产出', '质量指标', '', 10)],
    ];
    expect(sumsOf(rows, 10)).toEqual([]);
  });

  it('answers the same whether a row follows one of its own record and levels or not', () => {
    // The nodes of the previous row are kept at hand; a row of another record between every two
    // rows defeats that, and must change nothing about the records' own warnings.
    const other = recordKey({ agency: '别的单位', year: 2023, scope: 'department', project: '' });
    const rowArb = fc.tuple(
      fc.constantFrom(RK, recordKey({ agency: '测试单位', year: 2024, scope: 'department', project: '' })),
      fc.constantFrom('决策', '产出', ''),
      fc.constantFrom('', '项目立项', '数量指标'),
      fc.constantFrom('', '立项依据', '活动次数'),
      fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
    );
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 30 }), fc.option(fc.integer({ min: 0, max: 100 })), (rows, total) => {
        const kept = new IndicatorSums();
        const broken = new IndicatorSums();
        rows.forEach(([rk, l1, l2, l3, score], i) => {
          kept.add(rk, indicator(l1, l2, l3, score), i + 2);
          broken.add(rk, indicator(l1, l2, l3, score), i + 2);
          broken.add(other, indicator('决策', '', '', 1), 1000 + i);
        });
        const score = (rk: string) => (rk === other ? undefined : total);
        const mine = (ws: Issue[]) => ws.filter((w) => w.recordKey !== other);
        expect(kept.warnings(score, '得分')).toEqual(mine(broken.warnings(score, '得分')));
      }),
      { numRuns: 300 },
    );
  });
});
