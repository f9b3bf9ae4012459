// @vitest-environment happy-dom
// The report review in English: its counts take their plural (one warning is "1 warning", one
// record row "1 row"; they read "1 warnings", "1 rows"), a warning's place is set off from its
// message by a colon, and a correction's reason stands in English brackets, not Chinese ones.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, test } from 'vitest';
import { mount } from '@vue/test-utils';
import ReportImport from '@/components/report/ReportImport.vue';
import EvidenceNote from '@/components/report/EvidenceNote.vue';
import { createAppI18n } from '@/i18n';
import { setReportWorkerFactory, useReportReviewStore } from '@/stores/reportReview';
import { freshDb } from '../../workers/helpers';
import { InProcessReportWorker } from '../../workers/inProcessWorker';
import { testApp, until } from '../setup';

/** One project record of an agency outside the registry (one warning) and two findings. */
const REPORT = [
  '北京市测试戊中心',
  '2023年度社区服务提升项目绩效评价报告',
  '一、项目基本情况',
  '2023年项目调整后预算数为520.00万元，项目实际支出480.00万元。',
  '二、评价结论',
  '经综合评价，该项目评价得分为86.5分，评价等级为良。',
  '三、存在的问题',
  '（一）部分资金支付进度滞后。',
].join('\n');

afterEach(() => setReportWorkerFactory(null));

describe('the report review in English', () => {
  test('say "1 warning" and "1 row", and set a warning’s place apart from its message', async () => {
    setReportWorkerFactory(() => new InProcessReportWorker(freshDb()));
    const app = await testApp('/data');
    const plugins = [app.router, app.pinia, createAppI18n('en')];
    const w = mount(ReportImport, { global: { plugins }, attachTo: document.body });
    const store = useReportReviewStore();
    store.choose(new File([new TextEncoder().encode(REPORT)], 'report.txt'));
    await until(() => store.phase === 'review', 'the review');
    await until(() => w.find('[data-testid="report-checks"]').exists(), 'the import checks');

    const warnings = w.findAll('[data-testid="report-warnings"] [data-code]');
    expect(warnings.map((e) => e.attributes('data-code'))).toEqual(['agency_unknown']);
    expect(w.get('.summary').text()).toMatch(/, 0 errors, 1 warning$/);
    const records = w.findAll('[data-testid="report-checks"] li').map((li) => li.text());
    expect(records[0]).toMatch(/^Records: 1 row, 1 new, 0 replaced/);
    expect(warnings[0]!.text()).toMatch(/^第1段: The agency/);
    w.unmount();
  });

  test('a correction’s reason stands in English brackets', async () => {
    const app = await testApp();
    const w = mount(EvidenceNote, {
      props: {
        entry: { field: 'score', location: '第6段', text: '86.5分', corrected: { from: '86.5', reason: '复核' } },
      },
      global: { plugins: [app.router, app.pinia, createAppI18n('en')] },
    });
    expect(w.get('[data-testid="evidence-corrected"]').text()).toBe('corrected, was “86.5” (复核)');
  });
});
