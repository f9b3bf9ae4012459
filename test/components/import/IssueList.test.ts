// @vitest-environment happy-dom
// The issue list: full text for a few issues, a virtual window over thousands.
import { describe, expect, test } from 'vitest';
import { mount } from '@vue/test-utils';
import { nextTick } from 'vue';
import { createAppI18n } from '@/i18n';
import IssueList from '@/components/import/IssueList.vue';
import type { Issue } from '@/domain/types';

const issue = (row: number): Issue => ({
  row,
  column: '全年预算数（万元）',
  message: `金额不能为负数：-${row}`,
  code: 'invalid_value',
});

function mountList(issues: Issue[], total = issues.length) {
  return mount(IssueList, {
    props: { issues, total, fileName: '记录.csv', severity: 'errors' },
    global: { plugins: [createAppI18n('zh-CN')] },
  });
}

describe('IssueList', () => {
  test('a few issues are listed in full with row, column and message', () => {
    const w = mountList([
      issue(2),
      { row: null, column: null, message: '文件是空的：没有可导入的数据', code: 'empty_file' },
    ]);
    expect(w.get('h4').text()).toBe('错误（2）');
    const rows = w.findAll('.issue-body [role="row"]').map((r) => r.findAll('[role="cell"]').map((c) => c.text()));
    expect(rows).toEqual([
      ['2', '全年预算数（万元）', '金额不能为负数：-2'],
      ['整个文件', '—', '文件是空的：没有可导入的数据'],
    ]);
    expect(w.find('.issue-body.virtual').exists()).toBe(false);
  });

  test('thousands are virtualised: only the rows in view exist, and scrolling moves the window', async () => {
    const issues = Array.from({ length: 5000 }, (_, i) => issue(i + 2));
    const w = mountList(issues);
    const body = w.get('.issue-body');
    expect(body.classes()).toContain('virtual');
    let rows = w.findAll('.issue-body [role="row"]');
    expect(rows.length).toBeLessThan(40);
    expect(rows[0]!.text()).toContain('金额不能为负数：-2');
    // The spacer keeps the scrollbar true to the whole list.
    expect((body.element.firstElementChild as HTMLElement).style.height).toBe(`${5000 * 28}px`);

    (body.element as HTMLElement).scrollTop = 4000 * 28;
    await body.trigger('scroll');
    await nextTick();
    rows = w.findAll('.issue-body [role="row"]');
    expect(rows.length).toBeLessThan(40);
    const shown = rows.map((r) => Number(r.get('[role="cell"]').text()));
    expect(shown).toContain(4002);
    expect(shown).not.toContain(2);
    expect(rows.find((r) => r.get('[role="cell"]').text() === '4002')!.attributes('aria-rowindex')).toBe(
      String(4000 + 2),
    );
  });

  test('says when the parser kept only part of the issues', () => {
    const w = mountList([issue(2), issue(3)], 12_345);
    expect(w.text()).toContain('只列出前 2 条，共 12,345 条。');
    expect(w.get('h4').text()).toBe('错误（12,345）');
  });
});
