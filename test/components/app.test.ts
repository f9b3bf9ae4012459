// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { mount } from '@vue/test-utils';
import App from '@/App.vue';
import { decodeKeyParam, encodeKeyParam } from '@/router';
import { recordKey } from '@/domain/keys';
import { CCPIT, HOSTILE } from '../charts/fixtures';
import { settle, testApp } from './setup';

describe('app shell', () => {
  test('navigation keeps the filters; the language switch changes every label', async () => {
    const app = await testApp(`/scores?agencies=${encodeURIComponent(CCPIT)}&scope=department&threshold=95`);
    const wrapper = mount(App, {
      global: { plugins: app.plugins, stubs: { RouterView: true } },
      attachTo: document.body,
    });
    const links = wrapper.findAll('.app-nav a');
    expect(links.map((l) => l.text())).toEqual([
      '总览',
      '预算执行',
      '结转结余',
      '绩效得分',
      '结果应用',
      '对比',
      '数据管理',
    ]);
    const exec = links[1]!.attributes('href')!;
    expect(exec).toContain('/execution?');
    expect(decodeURIComponent(exec)).toContain(`agencies=${CCPIT}`);
    expect(exec).toContain('scope=department');
    expect(exec).toContain('threshold=95');
    expect(wrapper.get('.app-nav a.active').text()).toBe('绩效得分');
    expect(wrapper.get('.app-nav a.active').attributes('aria-current')).toBe('page');

    // A plain click navigates in the app, the filters carried.
    await links[1]!.trigger('click');
    await settle();
    expect(app.router.currentRoute.value.name).toBe('execution');
    expect(app.router.currentRoute.value.query).toMatchObject({
      agencies: [CCPIT],
      scope: 'department',
      threshold: '95',
    });
    expect(wrapper.get('.app-nav a.active').text()).toBe('预算执行');

    await wrapper.get('.lang-switch button[lang="en"]').trigger('click');
    await settle();
    expect(wrapper.findAll('.app-nav a').map((l) => l.text())).toEqual([
      'Overview',
      'Execution',
      'Carryover',
      'Scores',
      'Warnings',
      'Compare',
      'Data',
    ]);
    expect(wrapper.get('.brand-title').text()).toBe('Budget Performance Dashboard');
    expect(document.documentElement.lang).toBe('en');
    wrapper.unmount();
  });

  test('on the compare view, its link keeps the chosen records; the others do not carry them', async () => {
    const app = await testApp('/compare?from=2021&records=abc&records=def');
    const wrapper = mount(App, { global: { plugins: app.plugins, stubs: { RouterView: true } } });
    const hrefs = wrapper.findAll('.app-nav a').map((l) => l.attributes('href') ?? '');
    expect(hrefs[5]).toBe('/compare?from=2021&records=abc&records=def');
    expect(hrefs[0]).toBe('/overview?from=2021');
    expect(hrefs[4]).toBe('/warnings?from=2021');
    expect(hrefs[6]).toBe('/data');
    wrapper.unmount();
  });

  test('the filter bar is hidden on the data page', async () => {
    const app = await testApp('/data');
    const wrapper = mount(App, { global: { plugins: app.plugins, stubs: { RouterView: true } } });
    expect(wrapper.find('.filter-bar').exists()).toBe(false);
    wrapper.unmount();
  });
});

describe('record keys in URLs', () => {
  test('round trip through a URL-safe parameter, whatever the names hold', () => {
    for (const key of [
      recordKey({ agency: CCPIT, year: 2022, scope: 'department', project: '' }),
      recordKey({ agency: HOSTILE, year: 2019, scope: 'project', project: '项目/名称?#&=%' }),
    ]) {
      const p = encodeKeyParam(key);
      expect(p).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeKeyParam(p)).toBe(key);
    }
  });
  test('a parameter we did not write is no key', () => {
    expect(decodeKeyParam('not a key!')).toBeNull();
    expect(decodeKeyParam('_w')).toBeNull();
  });
});
