// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { mount } from '@vue/test-utils';
import WarningsView from '@/views/WarningsView.vue';
import { record } from '../charts/fixtures';
import { settle, testApp } from '../components/setup';

const recs = [
  record({
    agency: '甲单位',
    region: '',
    year: 2022,
    scope: 'department',
    project: '',
    budget: 100,
    expenditure: 95,
    carryover: 5,
    score: 92,
  }),
  record({
    agency: '甲单位',
    region: '',
    year: 2023,
    scope: 'department',
    project: '',
    budget: 100,
    expenditure: 70,
    carryover: 30,
    score: 75,
  }),
  record({
    agency: '乙单位',
    region: '',
    year: 2023,
    scope: 'project',
    project: '道路养护',
    budget: 50,
    expenditure: 44,
    carryover: 6,
    score: 85,
  }),
];

async function mountView(path: string) {
  const app = await testApp(path, recs);
  const wrapper = mount(WarningsView, { global: { plugins: app.plugins }, attachTo: document.body });
  await settle();
  return { ...app, wrapper };
}

const rows = (w: Awaited<ReturnType<typeof mountView>>['wrapper']) =>
  w
    .findAll('.alerts-table tbody tr')
    .map((tr) => [tr.classes().find((c) => c.startsWith('level-')), tr.find('th').text()]);

describe('warnings view', () => {
  test('flagged records, worst first, each linking to its record; the levels counted', async () => {
    const { wrapper } = await mountView('/warnings');
    expect(rows(wrapper)).toEqual([
      ['level-red', '甲单位'],
      ['level-amber', '乙单位'],
    ]);
    expect(wrapper.get('.alert-counts').text().replace(/\s+/g, '')).toBe('红色1黄色1绿色1');
    const reasons = wrapper
      .findAll('.alerts-table tbody tr')[0]!
      .findAll('.reasons li')
      .map((l) => l.text());
    expect(reasons).toEqual([
      '执行率 70.00%，低于 90.00%',
      '结转结余率 30.00%，高于 10.00%',
      '得分 75.00，低于 80.00 分',
      '得分较 2022 年（92.00）-17.00 分',
    ]);
    expect(wrapper.get('.alerts-table tbody tr th a').attributes('href')).toMatch(/^\/record\//);
    wrapper.unmount();
  });

  test('under a one-year filter a fall from the year before is still red', async () => {
    const { wrapper } = await mountView('/warnings?from=2023&to=2023');
    expect(rows(wrapper)).toEqual([
      ['level-red', '甲单位'],
      ['level-amber', '乙单位'],
    ]);
    expect(wrapper.text()).toContain('得分较 2022 年（92.00）-17.00 分');
    wrapper.unmount();
  });

  test('thresholds come from the URL and are written back to it', async () => {
    const { wrapper, router } = await mountView('/warnings?threshold=85&carryLimit=40&fall=20');
    expect(wrapper.get('input[name="th-rate"]').element).toHaveProperty('value', '85');
    expect(wrapper.get('input[name="th-carryover"]').element).toHaveProperty('value', '40');
    // 甲单位 2023: rate 70 < 85 (red, 15 below), score 75 < 80; the fall of 17 is within 20.
    const reasons = wrapper
      .findAll('.alerts-table tbody tr')[0]!
      .findAll('.reasons li')
      .map((l) => l.text());
    expect(reasons).toHaveLength(2);
    // 乙单位 (88%, 12% carryover) is within these thresholds.
    expect(rows(wrapper)).toHaveLength(1);
    const input = wrapper.get('input[name="th-scoreAmber"]');
    await input.setValue('70');
    await input.trigger('change');
    await settle();
    expect(router.currentRoute.value.query).toMatchObject({ scoreAmber: '70', carryLimit: '40', fall: '20' });
    expect(wrapper.findAll('.alerts-table tbody tr')[0]!.findAll('.reasons li')).toHaveLength(1);
    wrapper.unmount();
  });
});
