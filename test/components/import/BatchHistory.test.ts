// @vitest-environment happy-dom
// The batch history against a real (fake-indexeddb) database: rows, the rollback confirmation
// that says what comes back, and the rollback itself.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, test } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createAppI18n } from '../../../src/i18n';
import BatchHistory from '../../../src/components/import/BatchHistory.vue';
import { useImportStore } from '../../../src/stores/import';
import { commitFile, listBatches, loadCurrent } from '../../../src/db/ledger';
import { parseFile } from '../../../src/domain/parseFile';
import { fixtureBytes, freshDb } from '../../workers/helpers';

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) {
    await flushPromises();
    await new Promise((r) => setTimeout(r, 5));
  }
}

afterEach(() => useImportStore().disconnect());

describe('BatchHistory', () => {
  test('lists every batch and rolls one back after saying what comes back', async () => {
    const db = freshDb();
    for (const name of ['records-gbk.csv', 'records-update.csv']) await commitFile(db, await parseFile(fixtureBytes(name), name));
    setActivePinia(createPinia());
    const store = useImportStore();
    store.connect(db);
    const w = mount(BatchHistory, { global: { plugins: [createAppI18n('zh-CN')] }, attachTo: document.body });
    await until(() => w.findAll('[data-batch]').length === 2);

    const rows = w.findAll('[data-batch]').map((tr) => tr.findAll('td').map((td) => td.text()));
    expect(rows.map((r) => [r[0], r[1], r[2], r[3], r[5], r[6], r[8]])).toEqual([
      ['#2', 'records-update.csv', '评价记录', '上传', '1', '0 / 1', '有效'],
      ['#1', 'records-gbk.csv', '评价记录', '上传', '2', '2 / 0', '有效'],
    ]);

    await w.get('[data-batch="2"] button').trigger('click');
    const dialog = w.get('[role="alertdialog"]');
    expect(dialog.text()).toContain('回滚批次 #2？');
    expect(dialog.text()).toContain('它替换的 1 条数据将恢复为替换前的数值。');
    expect(dialog.text()).not.toContain('它新增的');

    // Cancelling changes nothing.
    await dialog.findAll('button')[0]!.trigger('click');
    expect(w.find('[role="alertdialog"]').exists()).toBe(false);
    expect((await listBatches(db)).every((b) => b.state === 'active')).toBe(true);

    await w.get('[data-batch="2"] button').trigger('click');
    await w.get('[data-testid="confirm-rollback"]').trigger('click');
    await until(() => w.get('[data-batch="2"]').text().includes('已回滚'));
    expect(w.get('[data-batch="2"]').find('button').exists()).toBe(false);
    expect(w.text()).toContain('已回滚批次 #2“records-update.csv”。');
    expect((await loadCurrent(db, 'records')).find((r) => r.scope === 'project')?.budget).toBe(320);
    w.unmount();
  });
});
