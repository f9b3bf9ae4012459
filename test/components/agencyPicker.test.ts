// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { defineComponent, h, nextTick } from 'vue';
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

describe('agency picker: keyboard and focus', () => {
  test('Escape closes the panel and gives the focus back to its button', async () => {
    const wrapper = await mountPicker();
    await nextTick();
    const search = wrapper.get('.picker-search');
    expect(document.activeElement).toBe(search.element);
    await search.trigger('keydown', { key: 'Escape' });
    expect(wrapper.find('.picker-panel').exists()).toBe(false);
    expect(document.activeElement).toBe(wrapper.get('.picker-button').element);
    expect(wrapper.get('.picker-button').attributes('aria-expanded')).toBe('false');
    wrapper.unmount();
  });

  test('"done" closes and refocuses the button; a click outside closes without taking the focus', async () => {
    const wrapper = await mountPicker();
    await wrapper.findAll('.picker-actions button')[2]!.trigger('click');
    expect(wrapper.find('.picker-panel').exists()).toBe(false);
    expect(document.activeElement).toBe(wrapper.get('.picker-button').element);

    await wrapper.get('.picker-button').trigger('click');
    expect(wrapper.find('.picker-panel').exists()).toBe(true);
    const outside = document.createElement('button');
    document.body.appendChild(outside);
    // What a click does: pointerdown, then click (a moment after the last one, as a person clicks).
    await new Promise((r) => setTimeout(r, 10));
    outside.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    outside.click();
    await nextTick();
    expect(wrapper.find('.picker-panel').exists()).toBe(false);
    outside.remove();
    wrapper.unmount();
  });

  test('the panel’s id is unique per picker and names what the button controls', async () => {
    const app = await testApp('/overview');
    const Two = defineComponent(() => () => [
      h(AgencyPicker, { groups: GROUPS, selected: [] }),
      h(AgencyPicker, { groups: GROUPS, selected: [] }),
    ]);
    const wrapper = mount(Two, { global: { plugins: app.plugins }, attachTo: document.body });
    const buttons = wrapper.findAll('.picker-button');
    for (const b of buttons) await b.trigger('click');
    const ids = wrapper.findAll('.picker-panel').map((p) => p.attributes('id'));
    expect(ids).toHaveLength(2);
    expect(ids[0]).not.toBe(ids[1]);
    expect(buttons.map((b) => b.attributes('aria-controls'))).toEqual(ids);
    wrapper.unmount();
  });

  test('in English one agency is "1 agency", several are "N agencies"; Chinese names are marked', async () => {
    const app = await testApp('/overview');
    const i18n = app.plugins[2];
    i18n.global.locale.value = 'en';
    const names = GROUPS.flatMap((g) => g.agencies.map((a) => a.name));
    const two = mount(AgencyPicker, {
      props: { groups: GROUPS, selected: names.slice(0, 2) },
      global: { plugins: app.plugins },
    });
    expect(two.get('.picker-label').text()).toBe('2 agencies');
    expect(two.get('.picker-label').attributes('lang')).toBeUndefined();
    const one = mount(AgencyPicker, {
      props: { groups: GROUPS, selected: names.slice(0, 1) },
      global: { plugins: app.plugins },
    });
    expect(one.get('.picker-label').attributes('lang')).toBe('zh');
    i18n.global.locale.value = 'zh-CN';
    two.unmount();
    one.unmount();
  });
});
