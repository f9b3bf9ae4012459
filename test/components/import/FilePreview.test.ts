// @vitest-environment happy-dom
// One file's preview: facts, identical notice, errors, and file text rendered as text.
import { describe, expect, test, vi } from 'vitest';
import { mount, type VueWrapper } from '@vue/test-utils';
import { createAppI18n } from '@/i18n';
import FilePreview from '@/components/import/FilePreview.vue';
import type { FilePreview as Preview } from '@/workers/protocol';
import type { PerfRecord } from '@/domain/types';
import { issue } from '@/domain/issues';

const HOSTILE = '<img src=x onerror="window.__pwned=1">';

const row: PerfRecord = {
  agency: HOSTILE,
  year: 2024,
  scope: 'department',
  project: '',
  region: '',
  budget_initial: null,
  budget: 100,
  expenditure: null,
  execution_rate: null,
  budget_basic: null,
  budget_project: null,
  expenditure_basic: null,
  expenditure_project: null,
  carryover: null,
  carryover_rate: null,
  final_accounts: null,
  budget_final_diff_rate: null,
  score: null,
  grade: null,
  evaluator: '',
  source: '',
  note: '<script>window.__pwned=2</script>',
  evidence: '',
};

function preview(over: Partial<Preview> = {}): Preview {
  return {
    index: 0,
    fileName: 'x.csv',
    byteLength: 2048,
    kind: 'records',
    encoding: 'gb18030',
    delimiter: ';',
    rows: 1,
    headers: [
      { written: '单位名称', index: 0, field: 'agency', scale: 1, unit: '' },
      { written: '预算数（元）', index: 1, field: 'budget', scale: 0.0001, unit: '元' },
      { written: '联系人', index: 2, field: null, scale: 1, unit: '' },
    ],
    sample: [row],
    errors: [],
    errorCount: 0,
    warnings: [],
    warningCount: 0,
    diff: { newKeys: 1, supersededCount: 0, superseded: [] },
    sha256: 'ab',
    identicalTo: null,
    sameAsFile: null,
    source: null,
    ...over,
  };
}

const mountPreview = (p: Preview, lang: 'zh-CN' | 'en' = 'zh-CN') =>
  mount(FilePreview, { props: { preview: p }, global: { plugins: [createAppI18n(lang)] }, attachTo: document.body });

/** The sample rows are drawn after the preview's first paint. */
async function sampleShown(w: VueWrapper): Promise<void> {
  await vi.waitFor(() => expect(w.find('.sample-rows').exists()).toBe(true));
}

/** The header mapping is drawn once its section is opened. */
async function openHeaders(w: VueWrapper): Promise<void> {
  const details = w.get('details.file-section').element as HTMLDetailsElement;
  expect(w.find('.header-map').exists()).toBe(false);
  details.open = true;
  details.dispatchEvent(new Event('toggle'));
  await vi.waitFor(() => expect(w.find('.header-map').exists()).toBe(true));
}

describe('FilePreview', () => {
  test('shows kind, encoding, delimiter, rows and size, and the header mapping with units once opened', async () => {
    const w = mountPreview(preview());
    const facts = w.findAll('.file-facts > div').map((d) => `${d.get('dt').text()}=${d.get('dd').text()}`);
    expect(facts).toEqual(['类型=评价记录', '编码=GBK / GB18030', '分隔符=分号', '数据行=1', '大小=2.0 KB']);
    await openHeaders(w);
    const mapping = w
      .findAll('.header-map tbody tr')
      .map((tr) => tr.findAll('td').map((td) => td.text().replace(/\s+/g, ' ')));
    expect(mapping).toEqual([
      ['单位名称', '单位名称 agency', '—'],
      ['预算数（元）', '全年预算数（万元） budget', '元 ×0.0001 换算为万元'],
      ['联系人', '未识别，忽略', '—'],
    ]);
    expect(w.get('.file-state').text()).toBe('可以导入');
    w.unmount();
  });

  test('file text is shown as written and never becomes markup', async () => {
    const w = mountPreview(preview());
    await sampleShown(w);
    const sample = w.get('.sample-rows');
    expect(sample.text()).toContain(HOSTILE);
    expect(sample.text()).toContain('<script>window.__pwned=2</script>');
    expect(document.querySelectorAll('img').length).toBe(0);
    expect(document.querySelectorAll('.sample-rows script').length).toBe(0);
    w.unmount();
  });

  test('an identical file says which batch it repeats; errors are listed', () => {
    const identicalTo = {
      id: 7,
      fileName: 'records.csv',
      kind: 'records' as const,
      sha256: 'ab',
      createdAt: Date.UTC(2024, 0, 2),
      rows: 1,
      state: 'active' as const,
      origin: 'upload' as const,
      newCount: 1,
      supersededCount: 0,
      warningCount: 0,
    };
    const same = mountPreview(preview({ identicalTo }));
    expect(same.get('.file-note').text()).toContain('与已导入的批次 #7“records.csv”');
    expect(same.find('.supersede-diff').exists()).toBe(false);
    same.unmount();

    const bad = mountPreview(
      preview({
        errorCount: 1,
        errors: [issue('integer_invalid', { value: '二〇二三', min: 1990, max: 2100 }, 3, '年度')],
      }),
    );
    expect(bad.get('.file-state').text()).toBe('1 个错误');
    expect(bad.get('.issue-list.errors').text()).toContain('不是有效的整数：二〇二三（应为 1990–2100 之间的整数）');
    expect(bad.get('.issue-list.errors [data-code]').attributes('data-code')).toBe('integer_invalid');
    bad.unmount();
  });

  test('in English: the kind, labels instead of field names, formatted values, and Chinese data marked as such', async () => {
    const p = preview({ sample: [{ ...row, agency: '北京市测试中心', execution_rate: 62.2, grade: '良' }] });
    const w = mountPreview(p, 'en');
    await sampleShown(w);
    const facts = w.findAll('.file-facts > div').map((d) => `${d.get('dt').text()}=${d.get('dd').text()}`);
    expect(facts).toEqual([
      'Kind=Records',
      'Encoding=GBK / GB18030',
      'Delimiter=semicolon',
      'Data rows=1',
      'Size=2.0 KB',
    ]);
    const heads = w.findAll('.sample-rows th').map((th) => th.text());
    expect(heads.slice(0, 6)).toEqual(['Agency', 'Region', 'Year', 'Scope', 'Project', 'Initial budget (CNY 10k)']);
    expect(heads).toContain('Full-year budget (CNY 10k)');
    const cells = w.findAll('.sample-rows tbody td');
    const byHead = Object.fromEntries(heads.map((h, i) => [h, cells[i]!]));
    expect(byHead['Full-year budget (CNY 10k)']!.text()).toBe('100.00');
    expect(byHead['Execution rate']!.text()).toBe('62.20%');
    expect(byHead.Scope!.text()).toBe('Department');
    expect(byHead.Grade!.text()).toBe('Good');
    expect(byHead.Year!.text()).toBe('2024');
    expect(byHead.Agency!.attributes('lang')).toBe('zh');
    expect(byHead.Year!.attributes('lang')).toBeUndefined();
    // The headers as written in the file are data: marked Chinese, and the only Chinese there is.
    await openHeaders(w);
    const mapping = w.get('.header-map');
    expect(mapping.findAll('[lang="zh"]').map((e) => e.text())).toEqual(['单位名称', '预算数（元）', '元', '联系人']);
    w.unmount();
  });
});
