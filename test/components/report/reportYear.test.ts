// @vitest-environment happy-dom
// The report review page asks the year of a report that states none, in a report's words; the
// year entered reads the report again in the (in-process) worker, which then gives its record,
// the warning that the year was given shown, and it can be committed.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { mount } from '@vue/test-utils';
import ReportImport from '@/components/report/ReportImport.vue';
import { setReportWorkerFactory, useReportReviewStore } from '@/stores/reportReview';
import { freshDb } from '../../workers/helpers';
import { InProcessReportWorker } from '../../workers/inProcessWorker';
import { NO_YEAR_TEXT } from '../../fixtures/noYearReport';
import { testApp, until } from '../setup';

afterEach(() => setReportWorkerFactory(null));

describe('the year of a report that states none, on the review page', () => {
  test('is asked, and the report read again with it gives its record and says the year was given', async () => {
    const db = freshDb();
    setReportWorkerFactory(() => new InProcessReportWorker(db));
    const app = await testApp('/data');
    const w = mount(ReportImport, { global: { plugins: app.plugins }, attachTo: document.body });
    const store = useReportReviewStore();
    store.choose(new File([new TextEncoder().encode(NO_YEAR_TEXT)], '无年度评价报告.txt'));
    await until(() => store.phase === 'review', 'the review');

    const ask = w.get('[data-testid="report-year-ask"]');
    expect(ask.get('[role="alert"]').text()).toContain('报告未写明评价年度');
    expect(ask.text()).not.toContain('自评表');
    expect(w.get('[data-testid="report-errors"]').find('[data-code="year_not_found"]').exists()).toBe(true);
    expect(w.get('[data-testid="report-commit"]').attributes('disabled')).toBeDefined();
    const apply = () => w.get('[data-testid="report-year-apply"]');
    await w.get('[data-testid="report-year"]').setValue('20222');
    expect(apply().attributes('disabled')).toBeDefined();

    await w.get('[data-testid="report-year"]').setValue('2022');
    expect(apply().attributes('disabled')).toBeUndefined();
    await w.get('[data-testid="report-year-ask"]').trigger('submit');
    expect(store.phase).toBe('reading');
    await until(() => store.phase === 'review', 'the second read');
    await until(() => w.find('[data-testid="report-warnings"]').exists(), 'the warnings drawn');

    expect(w.find('[data-testid="report-errors"]').exists()).toBe(false);
    expect(w.get('[data-testid="report-year-ask"]').text()).toContain('按 2022 年读取');
    expect((w.get('[data-testid="report-year"]').element as HTMLInputElement).value).toBe('2022');
    expect(w.get('[data-testid="report-warnings"]').find('[data-code="report_year_given"]').exists()).toBe(true);
    expect(store.check!.result.records.map((r) => r.year)).toEqual([2022]);
    expect(w.get('[data-testid="report-commit"]').attributes('disabled')).toBeUndefined();

    // A correction made, the prompt says that another year would read the report again without it.
    expect(w.find('[data-testid="report-year-note"]').exists()).toBe(false);
    store.correct('records', 0, 'score', '88');
    await until(() => store.edits.length === 1, 'the correction');
    expect(w.get('[data-testid="report-year-note"]').text()).toContain('清除已做的 1 处更正');
    w.unmount();
  });

  test('a report of several parts, none stating its year, is asked once for all of them', async () => {
    const db = freshDb();
    setReportWorkerFactory(() => new InProcessReportWorker(db));
    const app = await testApp('/data');
    const w = mount(ReportImport, { global: { plugins: app.plugins }, attachTo: document.body });
    const store = useReportReviewStore();
    // A department and its projects (two titled parts), its years taken out.
    const file = path.join(process.cwd(), 'test', 'fixtures', 'reports', 'yuzhong-2021-department-projects.txt');
    const text = readFileSync(file, 'utf8').replace(/20\d\d年度?/g, '');
    store.choose(new File([new TextEncoder().encode(text)], '部门和项目.txt'));
    await until(() => store.phase === 'review', 'the review');
    expect(store.check!.result.errors.map((e) => e.code)).toEqual(['year_not_found', 'year_not_found']);
    expect(w.get('[data-testid="report-year-ask"] [role="alert"]').text()).toContain('报告中有 2 个部分未写明评价年度');

    await w.get('[data-testid="report-year"]').setValue('2021');
    await w.get('[data-testid="report-year-ask"]').trigger('submit');
    await until(() => store.phase === 'review' && store.year === 2021, 'the second read');
    expect(store.check!.result.records.map((r) => r.year)).toEqual([2021, 2021, 2021, 2021]);
    expect(store.check!.result.warnings.filter((x) => x.code === 'report_year_given')).toHaveLength(2);
    expect(store.errorCount).toBe(0);
    w.unmount();
  });
});
