// @vitest-environment happy-dom
// "Report committed" takes the focus from the commit button, which goes with the review, and stays
// until the report's batches are rolled back in the history: it would then say the opposite of the
// history beside it, and it goes.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, test } from 'vitest';
import { mount } from '@vue/test-utils';
import ReportImport from '@/components/report/ReportImport.vue';
import { setReportWorkerFactory, useReportReviewStore } from '@/stores/reportReview';
import { setImportWorkerFactory, useImportStore } from '@/stores/import';
import { freshDb } from '../../workers/helpers';
import { InProcessReportWorker, InProcessWorker } from '../../workers/inProcessWorker';
import { testApp, until } from '../setup';

const report = (score: string): string =>
  [
    '北京市测试戊中心',
    '2023年度社区服务提升项目绩效评价报告',
    '2023年项目调整后预算数为520.00万元，项目实际支出480.00万元。',
    `经综合评价，该项目评价得分为${score}分，评价等级为良。`,
  ].join('\n');

afterEach(() => {
  useImportStore().disconnect();
  setImportWorkerFactory(null);
  setReportWorkerFactory(null);
});

describe('the report commit banner', () => {
  test('takes the focus, and goes once the report’s batches are rolled back, not while another batch is', async () => {
    const db = freshDb();
    setReportWorkerFactory(() => new InProcessReportWorker(db));
    setImportWorkerFactory(() => new InProcessWorker(db));
    const app = await testApp('/data');
    const upload = useImportStore();
    upload.connect(db);
    const w = mount(ReportImport, { global: { plugins: app.plugins }, attachTo: document.body });
    const store = useReportReviewStore();
    const commitReport = async (name: string, text: string): Promise<void> => {
      store.choose(new File([new TextEncoder().encode(text)], name));
      await until(() => store.phase === 'review', `the review of ${name}`);
      await until(() => store.phase === 'review' && store.canCommit, `${name} ready to commit`);
      (w.get('[data-testid="report-commit"]').element as HTMLButtonElement).focus();
      await w.get('[data-testid="report-commit"]').trigger('click');
      await until(() => w.find('[data-testid="report-result"]').exists(), `the commit of ${name}`);
      expect(document.activeElement?.getAttribute('data-testid')).toBe('report-result');
    };
    await commitReport('甲.txt', report('86.5'));
    const first = store.results!.map((r) => r.batch.id);
    await commitReport('乙.txt', report('88.5'));
    const second = store.results!.map((r) => r.batch.id);

    const uploadOf = (ids: number[]) => upload.uploads.find((u) => u.batches.some((b) => b.id === ids[0]))!;
    await until(() => upload.uploads.some((u) => u.batches.some((b) => b.id === second[0])), 'the history');
    await upload.rollbackUpload(uploadOf(first));
    await until(() => upload.batches.some((b) => b.id === first[0] && b.state === 'rolled_back'), 'history');
    expect(w.find('[data-testid="report-result"]').exists()).toBe(true);

    await upload.rollbackUpload(uploadOf(second));
    await until(() => upload.batches.some((b) => b.id === second[0] && b.state === 'rolled_back'), 'history');
    expect(w.find('[data-testid="report-result"]').exists()).toBe(false);
    w.unmount();
  });
});
