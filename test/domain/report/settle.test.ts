// Figures a report states twice, or that its own arithmetic contradicts.
import { describe, expect, it } from 'vitest';
import { roundingOf } from '@/domain/report/settle';
import { evidenceOf, extract } from './helpers';

const TITLE = '渝中区招商投资促进局2019年招商引资专项经费绩效评价报告\n';

describe('settling disputed figures', () => {
  it('keeps the budget the arithmetic supports and lists the other with its place', () => {
    const r = extract(
      `${TITLE}财政总预算安排281.28万元。\n专项资金财政总预算安排282.28万元。\n专项经费实际支出268.49万元，结余12.79万元。\n`,
    );
    expect(r.records[0]!.budget).toBe(281.28);
    expect(evidenceOf(r, 'records', 0, 'budget')).toMatchObject({
      text: '预算安排281.28万元',
      location: '第2段',
      disputed: [{ value: 282.28, text: '预算安排282.28万元', location: '第3段' }],
    });
    expect(r.warnings.find((w) => w.code === 'figure_disputed')).toMatchObject({
      params: { field: 'budget', kept: '281.28', other: '282.28', otherLocation: '第3段' },
    });
  });

  it('keeps the value stated more often when arithmetic cannot tell', () => {
    const r = extract(`${TITLE}全年预算数100.00万元。\n全年预算数100.00万元。\n全年预算数120.00万元。\n`);
    expect(r.records[0]!.budget).toBe(100);
    expect(r.warnings.map((w) => w.code)).toEqual(['figure_disputed_repeated']);
  });

  it('replaces a stated rate its own figures contradict by the rate they give, marked derived and disputed', () => {
    const r = extract(`${TITLE}全年预算数200.00万元，全年执行数180.00万元，预算执行率95.50%。\n`);
    expect(r.records[0]!.execution_rate).toBe(90);
    expect(evidenceOf(r, 'records', 0, 'execution_rate')).toMatchObject({
      how: 'derived',
      disputed: [{ value: 95.5, text: '预算执行率95.50%' }],
    });
    expect(r.warnings.find((w) => w.code === 'stated_rate_contradicted')?.params).toEqual({
      field: 'execution_rate',
      stated: 95.5,
      computed: 90,
      from: 'expenditure,budget',
    });
  });

  it('leaves a rate rounded to whole percent alone', () => {
    const r = extract(`${TITLE}全年预算数112.33万元，全年执行数111.13万元，预算执行率99%。\n`);
    expect(r.records[0]!.execution_rate).toBe(99);
    expect(r.warnings.map((w) => w.code)).not.toContain('stated_rate_contradicted');
    expect(roundingOf('执行率99%')).toBeCloseTo(0.5);
    expect(roundingOf('执行率98.93%')).toBeCloseTo(0.005);
  });

  it('says when a sentence puts the rate next to a budget it does not hold on', () => {
    const r = extract(
      `${TITLE}年初预算批复金额为113.58万元；最终审定金额为112.33万元；项目全年实际支出111.13万元，预算执行率98.93%。\n批复该项目预算113.58万元；该项目实际支出111.13万元，预算执行率98.93%。\n`,
    );
    const w = r.warnings.filter((x) => x.code === 'rate_on_other_budget');
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({
      location: '第3段',
      params: { rate: 98.93, budget: 113.58, expenditure: 111.13, computed: 97.84, holdsOn: 112.33 },
    });
  });

  it('flags fund parts that do not add up, keeping the part that does', () => {
    const r = extract(
      `${TITLE}年初预算批复金额为113.58万元，其中财政资金75.50万元，单位自有资金38.08万元。\n批复该项目预算113.58万元，其中财政资金75.05万元，单位自有资金38.08万元。\n`,
    );
    const fiscal = r.funds.findIndex((f) => f.item === '财政资金');
    expect(r.funds[fiscal]!.budget).toBe(75.5);
    expect(evidenceOf(r, 'funds', fiscal, 'budget')?.disputed).toEqual([
      { value: 75.05, text: '财政资金75.05万元', location: '第3段' },
    ]);
    expect(r.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(['parts_sum_mismatch', 'fund_figure_disputed']),
    );
    expect(r.warnings.find((w) => w.code === 'fund_figure_disputed')?.params).toEqual({
      item: '财政资金',
      kept: '75.5',
      other: '75.05',
      otherLocation: '第3段',
    });
  });
});
