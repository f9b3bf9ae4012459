// @vitest-environment happy-dom
// The sample rows show a row's evidence entry by entry in the page's language: a rate the importer
// worked out reads "Execution rate: derived", not its stored form `预算执行率: 「」（推算）` (Chinese
// words and an empty quote on an English page); a figure read from a cell keeps its place and text.
import { describe, expect, test } from 'vitest';
import { mount } from '@vue/test-utils';
import SampleRows from '@/components/import/SampleRows.vue';
import { createAppI18n } from '@/i18n';
import { withDerivedRate } from '@/domain/evidenceColumn';
import type { AnyRow } from '@/domain/types';

const row = (evidence: string) =>
  ({ agency: '北京市测试甲中心', year: 2024, scope: 'department', project: '', evidence }) as unknown as AnyRow;

/** The text of the row's cell under the evidence header (出处 / Evidence). */
function evidenceCell(locale: 'en' | 'zh-CN', evidence: string): string {
  const w = mount(SampleRows, {
    props: { kind: 'records', rows: [row(evidence)] },
    global: { plugins: [createAppI18n(locale)] },
  });
  const at = w.findAll('th').findIndex((th) => ['Evidence', '出处'].includes(th.text()));
  return w.findAll('tbody td')[at]!.text();
}

describe('the evidence of the sample rows', () => {
  test('names each entry’s field in the page’s language and marks a derived figure', () => {
    const evidence = withDerivedRate('全年执行数: Sheet1!E6「114.00」');
    const en = evidenceCell('en', evidence);
    expect(en).toContain('Full-year expenditure: Sheet1!E6“114.00”');
    expect(en).toContain('Execution rate: derived');
    expect(en).not.toMatch(/预算执行率|推算|「」/);
    expect(evidenceCell('zh-CN', withDerivedRate(''))).toBe('预算执行率：推算');
  });
});
