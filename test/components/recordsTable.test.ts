// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { mount } from '@vue/test-utils';
import RecordsTable from '@/components/RecordsTable.vue';
import { PAGE_SIZE } from '@/composables/usePages';
import { recordKey } from '@/domain/keys';
import { decodeKeyParam, encodeKeyParam } from '@/router';
import { manyAgencies } from '../charts/helpers';
import { CCPIT, RECORDS } from '../charts/fixtures';
import { settle, testApp } from './setup';

const MANY = manyAgencies(60, [2021, 2022]);

async function mountTable(records = MANY, path = '/overview') {
  const app = await testApp(path, records);
  const wrapper = mount(RecordsTable, {
    props: { records, caption: 'records' },
    global: { plugins: app.plugins },
    attachTo: document.body,
  });
  return { ...app, wrapper };
}

const firstCells = (w: Awaited<ReturnType<typeof mountTable>>['wrapper']) =>
  w.findAll('tbody tr').map((tr) => tr.find('th').text());

describe('records table', () => {
  test('a page of rows at a time, with the range shown', async () => {
    const { wrapper } = await mountTable();
    expect(MANY).toHaveLength(240);
    expect(wrapper.findAll('tbody tr')).toHaveLength(PAGE_SIZE);
    expect(wrapper.get('.pager').text()).toContain('第 1–50 条，共 240 条');
    await wrapper
      .get('.pager')
      .findAll('button')
      .find((b) => b.text() === '下一页')!
      .trigger('click');
    expect(wrapper.get('.pager').text()).toContain('第 51–100 条');
    expect(wrapper.get('tbody tr').find('td').text()).toBe(String(MANY[50]!.year));
    await wrapper
      .get('.pager')
      .findAll('button')
      .find((b) => b.text() === '末页')!
      .trigger('click');
    expect(wrapper.findAll('tbody tr')).toHaveLength(240 - 4 * PAGE_SIZE);
    expect(wrapper.get('.pager').text()).toContain('第 5 / 5 页');
    wrapper.unmount();
  });

  test('a short list has no pager', async () => {
    const { wrapper } = await mountTable(RECORDS);
    expect(wrapper.findAll('tbody tr')).toHaveLength(6);
    expect(wrapper.find('.pager').exists()).toBe(false);
    wrapper.unmount();
  });

  test('sorting by a figure: largest first, again smallest first, missing values last', async () => {
    const { wrapper } = await mountTable(RECORDS);
    const budget = wrapper.findAll('thead th').find((th) => th.text().startsWith('全年预算数'))!;
    // The unit stands once in the header; the cells hold the figures.
    expect(budget.text()).toBe('全年预算数（万元）');
    await budget.get('button').trigger('click');
    expect(budget.attributes('aria-sort')).toBe('descending');
    const budgets = () => wrapper.findAll('tbody tr').map((tr) => tr.findAll('td')[2]!.text());
    expect(budgets()).toEqual(['5,333.85', '1,581.89', '281.28', '112.33', '90.00', '—']);
    await budget.get('button').trigger('click');
    expect(budget.attributes('aria-sort')).toBe('ascending');
    expect(budgets()).toEqual(['90.00', '112.33', '281.28', '1,581.89', '5,333.85', '—']);
    wrapper.unmount();
  });

  test('sorting goes across pages, and a new sort starts on the first page', async () => {
    const { wrapper } = await mountTable();
    await wrapper
      .get('.pager')
      .findAll('button')
      .find((b) => b.text() === '末页')!
      .trigger('click');
    const agency = wrapper.findAll('thead th')[0]!;
    await agency.get('button').trigger('click');
    await agency.get('button').trigger('click');
    expect(agency.attributes('aria-sort')).toBe('descending');
    expect(wrapper.get('.pager').text()).toContain('第 1 / 5 页');
    expect(firstCells(wrapper).slice(0, 4)).toEqual(['测试单位060', '测试单位060', '测试单位060', '测试单位060']);
    wrapper.unmount();
  });

  test('each row links to its record, carrying the filters; a click opens it in the app', async () => {
    const { wrapper, router } = await mountTable(RECORDS, `/overview?agencies=${encodeURIComponent(CCPIT)}&from=2021`);
    const r = RECORDS[1]!;
    const link = wrapper.findAll('tbody tr')[1]!.get('a');
    const href = link.attributes('href')!;
    const [, param, query] = /#?\/record\/([^?]+)\?(.*)$/.exec(href) ?? [];
    expect(decodeKeyParam(param!)).toBe(recordKey(r));
    expect(new URLSearchParams(query).get('agencies')).toBe(CCPIT);
    expect(new URLSearchParams(query).get('from')).toBe('2021');
    await link.trigger('click');
    await settle();
    expect(router.currentRoute.value.name).toBe('record');
    expect(router.currentRoute.value.params.key).toBe(encodeKeyParam(recordKey(r)));
    expect([router.currentRoute.value.query.agencies].flat()).toEqual([CCPIT]);
    expect(router.currentRoute.value.query.from).toBe('2021');
    // A click meant for a new tab is the browser's.
    await router.push('/overview');
    await wrapper.findAll('tbody tr')[1]!.get('a').trigger('click', { ctrlKey: true });
    await settle();
    expect(router.currentRoute.value.name).toBe('overview');
    wrapper.unmount();
  });
});
