// @vitest-environment happy-dom
// The forms of an upload on the data page, from a real preview (the import engine on the fixture
// forms): the summary, the year asked once, a line per file, and a form's figures with their cells.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { mount } from '@vue/test-utils';
import { createAppI18n } from '@/i18n';
import FormsUpload from '@/components/import/FormsUpload.vue';
import type { FormsPreview } from '@/workers/protocol';
import { harness } from '../../workers/helpers';
import { noYearDocx } from '../../fixtures/noYearReport';

const FORMS = path.join(process.cwd(), 'test', 'fixtures', 'forms') + path.sep;
const form = (name: string) => new File([readFileSync(FORMS + name)], name);

/** A Word report that states no year, dropped into the upload among the forms. */
const NO_YEAR_REPORT = '无年度评价报告.docx';
const fileOf = (name: string) =>
  name === NO_YEAR_REPORT ? new File([new Uint8Array(noYearDocx())], name) : form(name);

async function previewOf(names: string[], formYear?: number): Promise<FormsPreview> {
  const h = harness();
  await h.engine.handle({ type: 'parse', uploadId: 1, files: names.map(fileOf), ...(formYear ? { formYear } : {}) });
  return h.last('parsed').forms!;
}

const mountForms = (forms: FormsPreview) =>
  mount(FormsUpload, { props: { forms }, global: { plugins: [createAppI18n('zh-CN')] }, attachTo: document.body });

describe('FormsUpload', () => {
  test('sums the upload up, asks the year once, and emits it', async () => {
    const forms = await previewOf(['department-guizhou-no-year.xlsx', 'project-national.xlsx']);
    const w = mountForms(forms);
    expect(w.get('[data-testid="forms-summary"]').text()).toBe('共 2 份自评表：1 份可以导入，1 份有错误，0 条提示');
    expect(w.get('[data-testid="form-year-ask"]').text()).toContain('1 份自评表没有写明年度');
    expect(w.get('[data-testid="form-year-apply"]').attributes('disabled')).toBeDefined();
    await w.get('[data-testid="form-year"]').setValue('2023');
    await w.get('form').trigger('submit');
    expect(w.emitted('year')).toEqual([[2023]]);
    const lines = w.findAll('tr[data-form-file]').map((r) => r.attributes('data-form-file'));
    expect(lines).toEqual(['department-guizhou-no-year.xlsx', 'project-national.xlsx']);
    w.unmount();
  });

  test('a form opens to its record, indicators and funds, each figure with its cell, and says it is new', async () => {
    const forms = await previewOf(['project-national.xlsx']);
    const w = mountForms(forms);
    expect(w.find('.form-detail').exists()).toBe(false);
    await w.get('[data-testid="form-show"]').trigger('click');
    const detail = w.get('.form-detail[data-form="project-national.xlsx"]');
    const expenditure = detail.get('.form-record tr[data-field="expenditure"]').findAll('td');
    expect(expenditure[0]!.text()).toMatch(/^\d+\.\d\d/);
    expect(expenditure[1]!.text()).toMatch(/^Sheet1![A-Z]+\d+「/);
    expect(detail.get('.form-indicators').text()).toMatch(/得分.*Sheet1![A-Z]+\d+/);
    expect(detail.get('.form-funds').findAll('tbody tr')).toHaveLength(forms.files[0]!.funds.length);
    expect(detail.get('[data-testid="form-new"]').text()).toBe('这是一条新的评价记录。');
    await w.get('[data-testid="form-show"]').trigger('click');
    expect(w.find('.form-detail').exists()).toBe(false);
    w.unmount();
  });

  test('an error is listed at its cell in the form', async () => {
    const forms = await previewOf(['project-forms-several.xlsx']);
    const w = mountForms(forms);
    await w.get('[data-testid="form-show"]').trigger('click');
    const errors = w.get('.issue-list.errors');
    expect(errors.get('[data-code="score_above_weight"]').text()).toMatch(/产业招商推介会!H\d+/);
    w.unmount();
  });

  test('a Word report that states no year is asked the year as a report, and read with it', async () => {
    const asked = await previewOf([NO_YEAR_REPORT]);
    expect(asked.files[0]!.errors.map((e) => e.code)).toEqual(['year_not_found']);
    expect([asked.withoutYear, asked.reportsWithoutYear]).toEqual([1, 1]);
    const w = mountForms(asked);
    const ask = w.get('[data-testid="form-year-ask"]').text();
    expect(ask).toContain('1 份评价报告没有写明评价年度');
    expect(ask).not.toContain('自评表');
    await w.get('[data-testid="form-year"]').setValue('2022');
    await w.get('form').trigger('submit');
    expect(w.emitted('year')).toEqual([[2022]]);
    w.unmount();

    const read = await previewOf([NO_YEAR_REPORT], 2022);
    const report = read.files[0]!;
    expect(report.errors).toEqual([]);
    expect(report.record?.year).toBe(2022);
    expect(report.warnings.map((x) => x.code)).toContain('report_year_given');
    expect(report.yearFromUpload).toBe(true);
    const given = mountForms(read);
    expect(given.get('[data-testid="form-year-ask"]').text()).toContain('未写明评价年度的评价报告按 2022 年度读取');
    given.unmount();
  });

  test('a form and a report that state no year are asked one year, in words for both', async () => {
    const forms = await previewOf(['department-guizhou-no-year.xlsx', NO_YEAR_REPORT]);
    expect([forms.withoutYear, forms.reportsWithoutYear]).toEqual([2, 1]);
    const w = mountForms(forms);
    expect(w.get('[data-testid="form-year-ask"]').text()).toContain('2 份自评表和评价报告没有写明年度');
    w.unmount();
  });
});
