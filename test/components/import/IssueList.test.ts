// @vitest-environment happy-dom
// The issue list: full text for a few issues, a virtual window over thousands, each row with its code.
import { describe, expect, test } from 'vitest';
import { mount } from '@vue/test-utils';
import { nextTick } from 'vue';
import { createAppI18n } from '@/i18n';
import type { Locale } from '@/i18n/messages';
import IssueList from '@/components/import/IssueList.vue';
import { issue, type Issue } from '@/domain/issues';

const negative = (row: number): Issue => issue('amount_negative', { value: `-${row}` }, row, '全年预算数（万元）');

function mountList(issues: Issue[], total = issues.length, locale: Locale = 'zh-CN') {
  return mount(IssueList, {
    props: { issues, total, fileName: '记录.csv', severity: 'errors' },
    global: { plugins: [createAppI18n(locale)] },
  });
}

function cells(w: ReturnType<typeof mountList>): string[][] {
  return w.findAll('.issue-body [role="row"]').map((r) => r.findAll('[role="cell"]').map((c) => c.text()));
}

describe('IssueList', () => {
  test('a few issues are listed in full with row, column, message and code', () => {
    const w = mountList([negative(2), issue('empty_file', {})]);
    expect(w.get('h4').text()).toBe('错误（2）');
    expect(cells(w)).toEqual([
      ['2', '全年预算数（万元）', '金额不能为负数：-2'],
      ['整个文件', '—', '文件是空的：没有可导入的数据'],
    ]);
    expect(w.findAll('.issue-body [role="row"]').map((r) => r.attributes('data-code'))).toEqual([
      'amount_negative',
      'empty_file',
    ]);
    expect(w.find('.issue-body.virtual').exists()).toBe(false);
  });

  test('in English the sentence is English; the column and the quoted cell are the file’s, marked Chinese', () => {
    const w = mountList([issue('amount_invalid', { value: '十万' }, 3, '全年预算数（万元）')], 1, 'en');
    expect(w.get('h4').text()).toBe('Errors (1)');
    expect(cells(w)).toEqual([
      ['3', '全年预算数（万元）', 'Not a valid amount: “十万” (expected a number such as 5333.85 or 5,333.85).'],
    ]);
    expect(w.findAll('[lang="zh"]').map((e) => e.text())).toEqual(['全年预算数（万元）', '十万']);
  });

  test('thousands are virtualised: only the rows in view exist, and scrolling moves the window', async () => {
    const issues = Array.from({ length: 5000 }, (_, i) => negative(i + 2));
    const w = mountList(issues);
    await nextTick();
    const body = w.get('.issue-body');
    expect(body.classes()).toContain('virtual');
    let rows = w.findAll('.issue-body [role="row"]');
    expect(rows.length).toBeLessThan(40);
    expect(rows[0]!.text()).toContain('金额不能为负数：-2');
    // The spacer keeps the scrollbar true to the whole list: what lies above the window plus the rest.
    const spacer = (): number => {
      const s = (body.element.firstElementChild as HTMLElement).style;
      return parseFloat(s.marginTop || '0') + parseFloat(s.height);
    };
    expect(spacer()).toBe(5000 * 28);

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
    expect(spacer()).toBe(5000 * 28);
  });

  test('says when the parser kept only part of the issues', () => {
    const w = mountList([negative(2), negative(3)], 12_345);
    expect(w.text()).toContain('只列出前 2 条，共 12,345 条。');
    expect(w.get('h4').text()).toBe('错误（12,345）');
  });
});
