// @vitest-environment happy-dom
// What committing would change: counts, and each replaced row's old → new figures with units.
import { describe, expect, test } from 'vitest';
import { mount } from '@vue/test-utils';
import { createAppI18n } from '@/i18n';
import SupersedeDiff from '@/components/import/SupersedeDiff.vue';
import { summarizeDiff } from '@/workers/protocol';
import type { PerfRecord } from '@/domain/types';

const before: PerfRecord = {
  agency: '北京市海淀区科技服务中心',
  year: 2023,
  scope: 'project',
  project: '科技成果转化服务经费',
  region: '北京市海淀区',
  budget_initial: null,
  budget: 320,
  expenditure: 300.8,
  execution_rate: 94,
  budget_basic: null,
  budget_project: null,
  expenditure_basic: null,
  expenditure_project: null,
  carryover: null,
  carryover_rate: null,
  final_accounts: null,
  budget_final_diff_rate: null,
  score: 88,
  grade: '良',
  evaluator: '第三方评价',
  source: '',
  note: '',
  evidence: '',
};

function mountDiff(locale: 'zh-CN' | 'en') {
  const after = { ...before, budget: 360, expenditure: 352.8, execution_rate: 98, score: 93, grade: '优' as const };
  const diff = summarizeDiff('records', {
    newKeys: 2,
    supersededCount: 3,
    superseded: [
      { key: 'k', before, after },
      { key: 'k2', before, after: { ...before } },
    ],
  });
  return mount(SupersedeDiff, { props: { kind: 'records', diff }, global: { plugins: [createAppI18n(locale)] } });
}

describe('SupersedeDiff', () => {
  test('lists the replaced rows with their old and new figures', () => {
    const w = mountDiff('zh-CN');
    expect(w.get('.diff-counts').text()).toBe('新增 2 条，替换 3 条已有数据');
    const [first, second] = w.findAll('.diff-rows > li');
    expect(first!.get('.diff-label').text()).toBe('北京市海淀区科技服务中心 · 2023 · 项目 · 科技成果转化服务经费');
    const lines = first!
      .findAll('tbody tr')
      .map((tr) => [tr.get('th').text(), ...tr.findAll('td').map((td) => td.text())]);
    expect(lines).toEqual([
      ['全年预算数（万元）', '320.00 万元', '360.00 万元'],
      ['全年执行数（万元）', '300.80 万元', '352.80 万元'],
      ['预算执行率', '94.00%', '98.00%'],
      ['评价得分', '88.00', '93.00'],
      ['评价等级', '良', '优'],
    ]);
    expect(second!.text()).toContain('数值相同');
    expect(w.text()).toContain('只列出前 2 条被替换的数据，共 3 条。');
  });

  test('in English the fields are named by their English labels, values in English words, names marked Chinese', () => {
    const w = mountDiff('en');
    expect(w.get('.diff-counts').text()).toBe('New: 2; replacing existing rows: 3');
    const first = w.findAll('.diff-rows > li')[0]!;
    expect(first.get('.diff-label').text()).toBe('北京市海淀区科技服务中心 · 2023 · Project · 科技成果转化服务经费');
    expect(first.findAll('.diff-label [lang="zh"]').map((e) => e.text())).toEqual([
      '北京市海淀区科技服务中心',
      '科技成果转化服务经费',
    ]);
    const lines = first
      .findAll('tbody tr')
      .map((tr) => [tr.get('th').text(), ...tr.findAll('td').map((td) => td.text())]);
    expect(lines).toEqual([
      ['Full-year budget (CNY 10k)', '320.00 CNY 10k', '360.00 CNY 10k'],
      ['Full-year expenditure (CNY 10k)', '300.80 CNY 10k', '352.80 CNY 10k'],
      ['Execution rate', '94.00%', '98.00%'],
      ['Score', '88.00', '93.00'],
      ['Grade', 'Good', 'Excellent'],
    ]);
  });

  test('a fund line is named by its category and item', () => {
    const line = {
      agency: 'A局',
      year: 2024,
      scope: 'department' as const,
      project: '',
      category: 'source' as const,
      item: '财政拨款',
      budget: 1,
      contract: null,
      expenditure: 1,
      source: '',
      evidence: '',
    };
    const diff = summarizeDiff('funds', {
      newKeys: 0,
      supersededCount: 1,
      superseded: [{ key: 'k', before: line, after: { ...line, budget: 2 } }],
    });
    const zh = mount(SupersedeDiff, { props: { kind: 'funds', diff }, global: { plugins: [createAppI18n('zh-CN')] } });
    expect(zh.get('.diff-label').text()).toBe('A局 · 2024 · 部门整体 · 资金来源：财政拨款');
    const en = mount(SupersedeDiff, { props: { kind: 'funds', diff }, global: { plugins: [createAppI18n('en')] } });
    expect(en.get('.diff-label').text()).toBe('A局 · 2024 · Department · Source: 财政拨款');
  });
});
