import { describe, expect, it } from 'vitest';
import { EXECUTION_INDICATOR } from '@/domain/forms';
import { FORM_CASES } from '../../../scripts/fixtures/formCases';
import type { SpecRow } from '../../../scripts/fixtures/formModel';
import { readForm } from './readForm';

/** A department form's 年度主要任务 block: money columns (预算数 / 执行数) that are no fund lines. */
function tasks(typed: boolean): SpecRow[] {
  const n = (x: number) => (typed ? { value: x } : x.toFixed(2));
  return [
    [
      { text: '年度主要任务', rowSpan: 3 },
      { text: '任务名称', colSpan: 2 },
      { text: '主要内容', colSpan: 3 },
      '预算数',
      '执行数',
      '',
    ],
    [{ text: '对外经贸交流', colSpan: 2 }, { text: '组织企业出访、举办展会', colSpan: 3 }, n(900), n(880), ''],
    [{ text: '法律服务', colSpan: 2 }, { text: '商事调解、仲裁', colSpan: 3 }, n(400), n(355), ''],
  ];
}

/** The national department form with the tasks block put before (or after) its funds block. */
function departmentWithTasks(typed: boolean, where: 'before' | 'after'): SpecRow[] {
  const c = FORM_CASES.departmentNational;
  const rows = c.layout(c.options(typed));
  const funds = rows.findIndex((r) => r.some((x) => typeof x === 'object' && x.text?.startsWith('年度部门整体支出')));
  const at = where === 'before' ? funds : funds + 6;
  return [...rows.slice(0, at), ...tasks(typed), ...rows.slice(at)];
}

describe.each([
  ['a sheet', true],
  ['a Word table', false],
])('a department form with a 年度主要任务 block, in %s', (_, typed) => {
  it.each(['before', 'after'] as const)(
    'the tasks %s the funds block: the funds block is read by its own labels',
    (where) => {
      const r = readForm(departmentWithTasks(typed, where), typed);
      expect(r.records[0]).toMatchObject({
        budget_initial: 1200,
        budget: 1300,
        expenditure: 1235,
        execution_rate: 95,
        budget_basic: 820,
        budget_project: 480,
      });
      // The tasks are no fund sources.
      expect(r.funds.map((f) => [f.item, f.budget, f.expenditure])).toEqual([
        ['财政拨款', 1250, 1190],
        ['其他资金', 50, 45],
      ]);
      expect(r.indicators[0]).toMatchObject({ level1: EXECUTION_INDICATOR, weight: 10, score: 9.5 });
      expect(r.warnings).toEqual([]);
    },
  );

  it('a tasks block is never the funds block, even before one without a total line', () => {
    const rows = departmentWithTasks(typed, 'before').map((row) =>
      row.map((x) => (typeof x === 'string' && x === '年度资金总额' ? '资金收支' : x)),
    );
    const r = readForm(rows, typed);
    expect(r.funds.map((f) => f.item)).not.toContain('对外经贸交流');
    expect(r.records[0]).toMatchObject({ budget_basic: 820, expenditure_basic: 815 });
  });
});
