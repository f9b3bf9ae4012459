import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IndicatorSums } from '@/domain/indicatorSums';
import { recordKey } from '@/domain/keys';
import { blankRow } from '@/domain/rowReader';
import type { IndicatorRow, Issue } from '@/domain/types';

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

  it('finds each of many level-2 names again when their rows come back out of order', () => {
    // Past a few names a parent's nodes are found through an index: both ways must find the same node.
    const rows: Array<[number, IndicatorRow]> = [];
    const names = Array.from({ length: 40 }, (_, k) => `二级${k}`);
    names.forEach((n, k) => rows.push([2 + k, indicator('产出', n, '', 10)]));
    [...names].reverse().forEach((n, j) => {
      const k = names.length - 1 - j;
      rows.push([100 + 2 * j, indicator('产出', n, '三级甲', 6)]);
      rows.push([101 + 2 * j, indicator('产出', n, '三级乙', k % 2 === 1 ? 3 : 4)]);
    });
    const ws = sumsOf(rows, null);
    const odd = names.map((_, k) => k).filter((k) => k % 2 === 1);
    expect(ws.map((w) => [w.code, w.row, w.params])).toEqual(
      odd.map((k) => ['level2_sum', 2 + k, { sum: 9, score: 10 }]),
    );
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

/** The check written plainly, with a Map per node: what IndicatorSums must answer. */
function referenceWarnings(rows: ReadonlyArray<[string, number, IndicatorRow]>, score: (rk: string) => number | null) {
  type Node = { own: number | null; ownRow: number | null; sum: number; count: number };
  const node = (): Node => ({ own: null, ownRow: null, sum: 0, count: 0 });
  const trees = new Map<
    string,
    { first: number; l1: Map<string, Node & { l2: Map<string, Node> }>; order: Node[][] }
  >();
  const parents = new Map<Node, Node>();
  for (const [rk, row, r] of rows) {
    let t = trees.get(rk);
    if (!t) trees.set(rk, (t = { first: row, l1: new Map(), order: [] }));
    let a = t.l1.get(r.level1);
    if (!a) t.l1.set(r.level1, (a = { ...node(), l2: new Map() }));
    if (r.level2 === '' && r.level3 === '') {
      a.own = r.score;
      a.ownRow = row;
      continue;
    }
    let b = a.l2.get(r.level2);
    if (!b) {
      a.l2.set(r.level2, (b = node()));
      parents.set(b, a);
      t.order.push([b]);
    }
    if (r.level3 === '') {
      b.own = r.score;
      b.ownRow = row;
    } else if (r.score !== null) {
      b.sum += r.score;
      b.count++;
    }
  }
  const out: Array<[string, number | null, Record<string, unknown>, string]> = [];
  const round = (x: number) => Math.round(x * 100) / 100;
  for (const [rk, t] of trees) {
    for (const [b] of t.order) {
      if (b!.own !== null && b!.count > 0 && Math.abs(b!.sum - b!.own) > 0.015)
        out.push(['level2_sum', b!.ownRow, { sum: round(b!.sum), score: round(b!.own) }, rk]);
      const v = b!.own ?? (b!.count > 0 ? b!.sum : null);
      if (v !== null) {
        parents.get(b!)!.sum += v;
        parents.get(b!)!.count++;
      }
    }
    let total = 0;
    let counted = 0;
    for (const [name, a] of t.l1) {
      if (a.own !== null && a.count > 0 && Math.abs(a.sum - a.own) > 0.015)
        out.push(['level1_sum', a.ownRow, { level1: name, sum: round(a.sum), score: round(a.own) }, rk]);
      const v = a.own ?? (a.count > 0 ? a.sum : null);
      if (v !== null) {
        total += v;
        counted++;
      }
    }
    const s = score(rk);
    if (counted > 0 && s !== null && Math.abs(total - s) > 0.015)
      out.push(['total_sum', t.first, { sum: round(total), score: round(s) }, rk]);
  }
  return out;
}

describe('IndicatorSums against the check written plainly', () => {
  it('gives the same warnings for any rows, with more names under one parent than are searched one by one', () => {
    const keys = [RK, recordKey({ agency: '测试单位', year: 2024, scope: 'department', project: '' })];
    const rowArb = fc.tuple(
      fc.constantFrom(...keys),
      fc.integer({ min: 0, max: 24 }),
      fc.integer({ min: 0, max: 30 }).map((k) => (k < 3 ? '' : `二级${k}`)),
      fc.constantFrom('', '', '三级甲', '三级乙'),
      fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
    );
    fc.assert(
      fc.property(
        fc.array(rowArb, { minLength: 40, maxLength: 200 }),
        fc.option(fc.integer({ min: 0, max: 300 }), { nil: null }),
        // Few level-1 names: many level-2 names under each; many: more level-1 names than 16.
        fc.constantFrom(2, 20),
        (rows, total, level1Names) => {
          const given = rows.map(([rk, l1, l2, l3, score], i): [string, number, IndicatorRow] => [
            rk,
            i + 2,
            indicator(l1 === 0 ? '' : `一级${l1 % level1Names}`, l2, l3, score),
          ]);
          const sums = new IndicatorSums();
          for (const [rk, row, r] of given) sums.add(rk, r, row);
          const got = sums.warnings(() => total, '得分').map((w) => [w.code, w.row, w.params, w.recordKey]);
          expect(got).toEqual(referenceWarnings(given, () => total));
        },
      ),
      { numRuns: 300 },
    );
  });
});
