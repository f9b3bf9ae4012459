// @vitest-environment happy-dom
// The batch history against a real (fake-indexeddb) database: rows, the rollback confirmation
// that says what comes back, and the rollback itself.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, test } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createAppI18n } from '@/i18n';
import type { Locale } from '@/i18n/messages';
import BatchHistory from '@/components/import/BatchHistory.vue';
import { setImportWorkerFactory, useImportStore } from '@/stores/import';
import { InProcessWorker } from '../../workers/inProcessWorker';
import { commitFile, commitFiles, listBatches, loadCurrent } from '@/db/ledger';
import { knownRecordsOf } from '@/domain/parseFile';
import { indicator, parsedRows, parseRows, record } from '../../db/helpers';
import { parseFile } from '@/domain/parseFile';
import { fixtureBytes, freshDb } from '../../workers/helpers';

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) {
    await flushPromises();
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Two committed batches (records-gbk.csv, then records-update.csv replacing one row) and the history of them. */
async function mountHistory(locale: Locale) {
  const db = freshDb();
  for (const name of ['records-gbk.csv', 'records-update.csv'])
    await commitFile(db, await parseFile(fixtureBytes(name), name));
  setActivePinia(createPinia());
  setImportWorkerFactory(() => new InProcessWorker(db));
  useImportStore().connect(db);
  const w = mount(BatchHistory, { global: { plugins: [createAppI18n(locale)] }, attachTo: document.body });
  await until(() => w.findAll('[data-batch]').length === 2);
  return { db, w };
}

afterEach(() => {
  useImportStore().disconnect();
  setImportWorkerFactory(null);
});

describe('BatchHistory', () => {
  test('a report’s batch shows its file, the kind in its own column, not the kind code in its name', async () => {
    const db = freshDb();
    await commitFile(db, await parseFile(fixtureBytes('records-gbk.csv'), '评价报告.docx（records）'));
    setActivePinia(createPinia());
    setImportWorkerFactory(() => new InProcessWorker(db));
    useImportStore().connect(db);
    const w = mount(BatchHistory, { global: { plugins: [createAppI18n('zh-CN')] }, attachTo: document.body });
    await until(() => w.findAll('[data-batch]').length === 1);
    const cells = w
      .get('[data-batch="1"]')
      .findAll('td')
      .map((td) => td.text());
    expect([cells[1], cells[2]]).toEqual(['评价报告.docx', '评价记录']);
    w.unmount();
  });

  test('lists every batch and rolls one back after saying what comes back', async () => {
    const { db, w } = await mountHistory('zh-CN');

    const rows = w.findAll('[data-batch]').map((tr) => tr.findAll('td').map((td) => td.text()));
    expect(rows.map((r) => [r[0], r[1], r[2], r[3], r[5], r[6], r[8]])).toEqual([
      ['#2', 'records-update.csv', '评价记录', '上传', '1', '0 / 1', '有效'],
      ['#1', 'records-gbk.csv', '评价记录', '上传', '2', '2 / 0', '有效'],
    ]);

    await w.get('[data-batch="2"] button').trigger('click');
    const dialog = w.get('[role="alertdialog"]');
    expect(dialog.text()).toContain('回滚批次 #2？');
    // What comes back, computed in the worker from the stored data.
    await until(() => dialog.text().includes('恢复'));
    const effect = dialog.get('.kind-effect');
    expect([
      effect.attributes('data-kind'),
      effect.attributes('data-leaving'),
      effect.attributes('data-returning'),
    ]).toEqual(['records', '1', '1']);
    expect(dialog.text()).toContain('1 条数据将恢复为更早批次中的数值：');
    expect(dialog.get('.row-label').text()).toBe('北京市海淀区科技服务中心 · 2023 · 项目 · 科技成果转化服务经费');
    const lines = dialog
      .findAll('.returning tbody tr')
      .map((tr) => [tr.get('th').text(), ...tr.findAll('td').map((td) => td.text())]);
    expect(lines).toContainEqual(['全年预算数（万元）', '360.00 万元', '320.00 万元']);
    expect(lines).toContainEqual(['评价得分', '93.00', '88.00']);
    expect(dialog.text()).not.toContain('不再显示');

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

  test('the rollback dialog is modal, Escape closes it, and the focus goes back to the button that opened it', async () => {
    const { db, w } = await mountHistory('en');

    const opener = w.get('[data-batch="2"] button');
    (opener.element as HTMLElement).focus();
    await opener.trigger('click');
    await flushPromises();
    const dialog = w.get('dialog');
    expect((dialog.element as HTMLDialogElement).open).toBe(true);
    // Labelled by its own title, whose id is the component's (useId), and focused on the action.
    const title = dialog.get('h2');
    expect(dialog.attributes('aria-labelledby')).toBe(title.attributes('id'));
    expect(title.text()).toBe('Roll back batch #2?');
    expect(document.activeElement).toBe(dialog.get('[data-testid="confirm-rollback"]').element);
    expect(dialog.text()).toContain('(Records, 1 row, imported');

    await dialog.trigger('keydown', { key: 'Escape' });
    await flushPromises();
    expect(w.find('dialog').exists()).toBe(false);
    expect(document.activeElement).toBe(opener.element);
    expect((await listBatches(db)).every((b) => b.state === 'active')).toBe(true);

    // The browser's own close request on Escape is the dialog's cancel event: the same answer.
    await opener.trigger('click');
    await flushPromises();
    await w.get('dialog').trigger('cancel');
    await flushPromises();
    expect(w.find('dialog').exists()).toBe(false);
    expect(document.activeElement).toBe(opener.element);

    // After a rollback the button is gone: the focus goes to the history's heading.
    await opener.trigger('click');
    await flushPromises();
    await w.get('[data-testid="confirm-rollback"]').trigger('click');
    await until(() => w.get('[data-batch="2"]').text().includes('rolled back'));
    expect(document.activeElement).toBe(w.get('.panel-head h2').element);
    w.unmount();
  });

  test('an upload of several batches is one entry, folded or not, rolled back as a unit; the history pages', async () => {
    const db = freshDb();
    // 52 single-file uploads, each its own group, in one transaction (quicker than 52).
    await db.transaction('rw', [db.batches, db.chunks, db.chunkKeys, db.meta], async () => {
      for (let i = 0; i < 52; i++) {
        await commitFile(db, parsedRows('records', [record({ agency: `单位${i}` })], `r${i}.csv`), 'upload', `u${i}`);
      }
    });
    const recs = await parseRows('records', [record({ agency: '甲' }), record({ agency: '乙' })], 'r.csv');
    const inds = await parseRows('indicators', [indicator({ agency: '甲' }), indicator({ agency: '乙' })], 'i.csv', {
      knownRecords: knownRecordsOf(recs),
    });
    await commitFiles(db, [recs, inds], 'upload', 'pair');
    setActivePinia(createPinia());
    setImportWorkerFactory(() => new InProcessWorker(db));
    useImportStore().connect(db);
    const w = mount(BatchHistory, { global: { plugins: [createAppI18n('zh-CN')] }, attachTo: document.body });
    await until(() => w.findAll('tbody[data-upload]').length > 0);

    // 53 uploads: the newest 50 shown, the rest on request.
    expect(w.findAll('tbody[data-upload]')).toHaveLength(50);
    await w.get('[data-testid="history-more"]').trigger('click');
    expect(w.findAll('tbody[data-upload]')).toHaveLength(53);
    expect(w.find('[data-testid="history-more"]').exists()).toBe(false);

    const entry = w.get('tbody[data-upload="pair"]');
    expect(w.findAll('tbody[data-upload]')[0]!.attributes('data-upload')).toBe('pair');
    expect(entry.get('.upload-files').attributes()).toMatchObject({ 'data-files': '2', 'data-forms': '0' });
    expect(entry.findAll('.kind-rows').map((k) => [k.attributes('data-kind'), k.attributes('data-rows')])).toEqual([
      ['records', '2'],
      ['indicators', '2'],
    ]);
    expect(entry.findAll('tr[data-batch]').map((tr) => tr.attributes('data-batch'))).toEqual(['53', '54']);
    await entry.get('[data-testid="upload-toggle"]').trigger('click');
    expect(entry.findAll('tr[data-batch]')).toHaveLength(0);
    // A single-batch upload has no upload row of its own.
    expect(w.get('tbody[data-upload="u0"]').find('[data-testid="upload-row"]').exists()).toBe(false);

    await entry.get('[data-testid="rollback-upload"]').trigger('click');
    const dialog = w.get('[data-testid="rollback-dialog"]');
    expect(dialog.attributes('data-batches')).toBe('53,54');
    await until(() => dialog.findAll('.kind-effect').length === 2);
    expect(
      dialog.findAll('.kind-effect').map((k) => [k.attributes('data-kind'), k.attributes('data-leaving')]),
    ).toEqual([
      ['records', '2'],
      ['indicators', '2'],
    ]);
    await w.get('[data-testid="confirm-rollback"]').trigger('click');
    await until(() => w.get('tbody[data-upload="pair"]').attributes('data-state') === 'rolled_back');
    expect(w.find('[data-testid="rolled-back-upload"]').exists()).toBe(true);
    expect((await listBatches(db)).filter((b) => b.state === 'rolled_back').map((b) => b.id)).toEqual([54, 53]);
    expect(await loadCurrent(db, 'indicators')).toEqual([]);
    w.unmount();
  });
  test('an export keeps the keyboard focus on its button while it runs, and a second press starts nothing', async () => {
    const { w } = await mountHistory('zh-CN');
    const store = useImportStore();
    let exports = 0;
    store.$onAction(({ name }) => {
      if (name === 'exportAll') exports++;
    });
    const button = w.get<HTMLButtonElement>('[data-testid="export-all"]');
    button.element.focus();
    await button.trigger('click');
    expect(store.exporting).toBe(true);
    expect(button.attributes('aria-disabled')).toBe('true');
    expect(button.element.disabled).toBe(false);
    await button.trigger('click');
    await until(() => !store.exporting);
    expect(exports).toBe(1);
    expect(button.attributes('aria-disabled')).toBe('false');
    expect(document.activeElement).toBe(button.element);
    w.unmount();
  });
});
