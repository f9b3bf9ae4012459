// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { mount } from '@vue/test-utils';
import AgencyPicker from '@/components/AgencyPicker.vue';
import { agencyOptions } from '@/domain/aggregate';
import { manyAgencies } from '../charts/helpers';
import { testApp } from './setup';

const GROUPS = agencyOptions(manyAgencies(450, [2022]));

async function mountPicker(selected: string[] = []) {
  const app = await testApp('/overview');
  const wrapper = mount(AgencyPicker, {
    props: { groups: GROUPS, selected },
    global: { plugins: app.plugins },
    attachTo: document.body,
  });
  await wrapper.get('.picker-button').trigger('click');
  return wrapper;
}

describe('agency picker with hundreds of agencies', () => {
  test('draws the first 200, more on request, and says how many match', async () => {
    const wrapper = await mountPicker();
    expect(wrapper.findAll('.picker-item')).toHaveLength(200);
    expect(wrapper.get('.picker-more').text()).toContain('显示 200 / 450 个');
    await wrapper.get('.picker-more button').trigger('click');
    expect(wrapper.findAll('.picker-item')).toHaveLength(400);
    await wrapper.get('.picker-more button').trigger('click');
    expect(wrapper.findAll('.picker-item')).toHaveLength(450);
    expect(wrapper.find('.picker-more').exists()).toBe(false);
    wrapper.unmount();
  });

  test('the search reaches every agency; "select all" takes every match, drawn or not', async () => {
    const wrapper = await mountPicker();
    await wrapper.get('.picker-search').setValue('测试单位44');
    expect(wrapper.findAll('.picker-item').map((i) => i.text())).toEqual(
      Array.from({ length: 10 }, (_, i) => `测试单位44${i}`),
    );
    await wrapper.get('.picker-search').setValue('测试单位');
    expect(wrapper.findAll('.picker-item')).toHaveLength(200);
    await wrapper.findAll('.picker-actions button')[0]!.trigger('click');
    const emitted = wrapper.emitted('change')!.at(-1)![0] as string[];
    expect(emitted).toHaveLength(450);
    wrapper.unmount();
  });

  test('selected agencies are ticked', async () => {
    const wrapper = await mountPicker(['测试单位002', '测试单位003']);
    const checked = wrapper
      .findAll('.picker-item input')
      .filter((i) => (i.element as HTMLInputElement).checked)
      .map((i) => (i.element as HTMLInputElement).value);
    expect(checked).toEqual(['测试单位002', '测试单位003']);
    expect(wrapper.get('.picker-button').text()).toContain('2 个单位');
    wrapper.unmount();
  });
});
