// @vitest-environment happy-dom
import { describe, expect, test, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import ExecutionView from '@/views/ExecutionView.vue';
import { CCPIT } from '../charts/fixtures';
import { settle, testApp } from '../components/setup';

// ECharts needs a canvas; what is tested here is which chart the panel is given, not its drawing.
vi.mock('@/components/EChart.vue', () => ({
  default: {
    name: 'EChart',
    props: ['option', 'height', 'name', 'active'],
    template: '<div class="echart-stub" :data-name="name"></div>',
  },
}));

async function mountView(path = '/execution') {
  const app = await testApp(path);
  const wrapper = mount(ExecutionView, { global: { plugins: app.plugins }, attachTo: document.body });
  await settle();
  return { ...app, wrapper };
}

const panelTitles = (w: Awaited<ReturnType<typeof mountView>>['wrapper']) =>
  w.findAll('.chart-panel h2').map((h) => h.text());

describe('execution view: the per-record charts share one tabbed panel', () => {
  test('two charts on the page: the trend, and the chosen per-record chart', async () => {
    const { wrapper } = await mountView();
    expect(panelTitles(wrapper)).toEqual(['执行率趋势', '部门整体：预算与执行']);
    expect(wrapper.findAll('.echart-stub')).toHaveLength(2);
    const tabs = wrapper.findAll('[role=tab]');
    expect(tabs.map((t) => t.text())).toEqual([
      '部门整体：预算与执行',
      '项目：预算与执行',
      '基本支出与项目支出（部门整体）',
      '年初预算与调整后预算',
    ]);
    expect(tabs.map((t) => t.attributes('aria-selected'))).toEqual(['true', 'false', 'false', 'false']);
    expect(wrapper.get('[role=tablist]').attributes('aria-label')).toBe('按评价记录查看');
    const panel = wrapper.get('[role=tabpanel]');
    expect(panel.attributes('aria-labelledby')).toBe(tabs[0]!.attributes('id'));
    wrapper.unmount();
  });

  test('a click or the arrow keys choose another chart, kept in the URL; its title names the PNG and CSV', async () => {
    const { wrapper, router } = await mountView();
    const press = async (key: string) => {
      await wrapper.get('[role=tablist]').trigger('keydown', { key });
      await settle();
    };
    await wrapper.findAll('[role=tab]')[1]!.trigger('click');
    await settle();
    expect(panelTitles(wrapper)[1]).toBe('项目：预算与执行');
    expect(wrapper.findAll('.echart-stub')[1]!.attributes('data-name')).toBe('项目：预算与执行');
    expect(router.currentRoute.value.query.tab).toBe('proj');
    await press('ArrowRight');
    expect(panelTitles(wrapper)[1]).toBe('基本支出与项目支出（部门整体）');
    expect(wrapper.findAll('[role=tab]').map((t) => t.attributes('tabindex'))).toEqual(['-1', '-1', '0', '-1']);
    await press('End');
    expect(panelTitles(wrapper)[1]).toBe('年初预算与调整后预算');
    await press('ArrowRight');
    expect(panelTitles(wrapper)[1]).toBe('部门整体：预算与执行');
    // The default tab leaves the URL plain.
    expect(router.currentRoute.value.query.tab).toBeUndefined();
    await press('ArrowLeft');
    expect(panelTitles(wrapper)[1]).toBe('年初预算与调整后预算');
    wrapper.unmount();
  });

  test('a link with a tab opens that chart', async () => {
    const { wrapper } = await mountView('/execution?tab=basic');
    expect(panelTitles(wrapper)[1]).toBe('基本支出与项目支出（部门整体）');
    wrapper.unmount();
  });

  test('with the scope on projects, a department tab shows the projects chart; the choice returns with the records', async () => {
    const { wrapper, router } = await mountView(`/execution?agencies=${encodeURIComponent(CCPIT)}&scope=project`);
    expect(panelTitles(wrapper)[1]).toBe('项目：预算与执行');
    expect(wrapper.get('[role=tab][aria-selected=true]').text()).toBe('项目：预算与执行');
    await router.push(`/execution?agencies=${encodeURIComponent(CCPIT)}`);
    await settle();
    expect(panelTitles(wrapper)[1]).toBe('部门整体：预算与执行');
    wrapper.unmount();
  });
});
