// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { mount } from '@vue/test-utils';
import FilterBar from '@/components/FilterBar.vue';
import { parseFilterQuery } from '@/stores/filters';
import { ADVISORY, CCPIT, CHAOYANG, YUZHONG } from '../charts/fixtures';
import { settle, testApp } from './setup';

async function mountBar(path: string) {
  const app = await testApp(path);
  const wrapper = mount(FilterBar, { global: { plugins: app.plugins }, attachTo: document.body });
  return { ...app, wrapper };
}

describe('filter bar reads the URL', () => {
  test('a link with filters shows them', async () => {
    const q = new URLSearchParams({ agencies: CCPIT, from: '2021', to: '2022', scope: 'department' });
    const { wrapper } = await mountBar(`/execution?${q}`);
    expect((wrapper.get('#filter-from').element as HTMLSelectElement).value).toBe('2021');
    expect((wrapper.get('#filter-to').element as HTMLSelectElement).value).toBe('2022');
    expect((wrapper.get('input[name="scope"][value="department"]').element as HTMLInputElement).checked).toBe(true);
    expect(wrapper.get('.picker-button').text()).toContain('北京市贸促会');
    // CCPIT 2021 and 2022 department records.
    expect(wrapper.get('.filter-count').text()).toBe('当前：2 条评价记录');
    wrapper.unmount();
  });

  test('no query: everything', async () => {
    const { wrapper } = await mountBar('/overview');
    expect(wrapper.get('.picker-button').text()).toContain('全部单位');
    expect(wrapper.get('.filter-count').text()).toBe('当前：6 条评价记录');
    expect(wrapper.find('button.tool').exists()).toBe(false);
    wrapper.unmount();
  });
});

describe('filter bar writes the URL', () => {
  test('year, scope and project changes go into the query; other query keys stay', async () => {
    const { wrapper, router } = await mountBar('/compare?records=abc&threshold=95');
    await wrapper.get('#filter-from').setValue('2022');
    await settle();
    expect(router.currentRoute.value.query).toMatchObject({ from: '2022', records: 'abc', threshold: '95' });
    expect(router.currentRoute.value.path).toBe('/compare');
    await wrapper.get('input[name="scope"][value="project"]').setValue(true);
    await settle();
    expect(router.currentRoute.value.query.scope).toBe('project');
    await wrapper.get('#filter-project').setValue(ADVISORY);
    await settle();
    expect(router.currentRoute.value.query).toMatchObject({ project: ADVISORY, scope: 'project', from: '2022' });
    expect(wrapper.get('.filter-count').text()).toBe('当前：1 条评价记录');
    await wrapper.get('.filter-end button').trigger('click');
    await settle();
    expect(router.currentRoute.value.query).toEqual({ records: 'abc', threshold: '95' });
    wrapper.unmount();
  });

  test('back and forward step through filter changes', async () => {
    const { wrapper, router } = await mountBar('/overview');
    await wrapper.get('#filter-from').setValue('2021');
    await settle();
    await wrapper.get('#filter-to').setValue('2022');
    await settle();
    expect(wrapper.get('.filter-count').text()).toBe('当前：3 条评价记录');
    router.back();
    await settle();
    expect(router.currentRoute.value.query).toEqual({ from: '2021' });
    expect((wrapper.get('#filter-to').element as HTMLSelectElement).value).toBe('');
    expect(wrapper.get('.filter-count').text()).toBe('当前：5 条评价记录');
    router.forward();
    await settle();
    expect(router.currentRoute.value.query).toEqual({ from: '2021', to: '2022' });
    expect((wrapper.get('#filter-to').element as HTMLSelectElement).value).toBe('2022');
    wrapper.unmount();
  });

  test('agency picker: grouped by region, searchable, multi-select', async () => {
    const { wrapper, router } = await mountBar('/overview');
    await wrapper.get('.picker-button').trigger('click');
    const legends = wrapper.findAll('.picker-group legend').map((l) => l.text());
    expect(legends).toEqual(expect.arrayContaining(['北京市', '北京市朝阳区', '重庆市渝中区']));
    await wrapper.get('.picker-search').setValue('招商');
    expect(wrapper.findAll('.picker-item').map((i) => i.text())).toEqual(['渝中区招商局']);
    await wrapper.get(`.picker-item input[value="${YUZHONG}"]`).setValue(true);
    await settle();
    expect(router.currentRoute.value.query.agencies).toEqual([YUZHONG]);
    await wrapper.get('.picker-search').setValue('');
    await wrapper.get(`.picker-item input[value="${CHAOYANG}"]`).setValue(true);
    await settle();
    expect(router.currentRoute.value.query.agencies).toEqual([YUZHONG, CHAOYANG]);
    expect(wrapper.get('.picker-button').text()).toContain('2 个单位');
    expect(wrapper.get('.filter-count').text()).toBe('当前：3 条评价记录');
    // Escape closes the panel.
    await wrapper.get('.picker-search').trigger('keydown', { key: 'Escape' });
    expect(wrapper.find('.picker-panel').exists()).toBe(false);
    wrapper.unmount();
  });
});

describe('parseFilterQuery', () => {
  test('bad values fall back to "everything"; a reversed range is put right', () => {
    expect(parseFilterQuery({ from: 'abc', to: '1800', scope: 'x', agencies: ['', CCPIT, CCPIT] })).toEqual({
      agencies: [CCPIT],
      from: null,
      to: null,
      scope: 'all',
      project: '',
    });
    expect(parseFilterQuery({ from: '2024', to: '2019' })).toMatchObject({ from: 2019, to: 2024 });
  });
});
