// @vitest-environment happy-dom
// Commit and discard take away the buttons pressed: focus goes on to the result banner, or back to
// the file picker, instead of falling to the top of the page (a keyboard user starts over there).
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, test } from 'vitest';
import { mount } from '@vue/test-utils';
import DataView from '@/views/DataView.vue';
import { setImportWorkerFactory, useImportStore } from '@/stores/import';
import { fixture, freshDb } from '../../workers/helpers';
import { InProcessWorker } from '../../workers/inProcessWorker';
import { testApp, until } from '../setup';

afterEach(() => {
  useImportStore().disconnect();
  setImportWorkerFactory(null);
});

describe('focus on the data page', () => {
  test('moves to the result after a commit, and to the file picker after a discard', async () => {
    const db = freshDb();
    setImportWorkerFactory(() => new InProcessWorker(db));
    const app = await testApp('/data');
    const store = useImportStore();
    store.connect(db);
    const w = mount(DataView, { global: { plugins: app.plugins }, attachTo: document.body });
    const active = () => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName;

    store.choose([fixture('records-gbk.csv')]);
    await until(() => w.find('[data-testid="commit"]').exists(), 'the preview');
    (w.get('[data-testid="commit"]').element as HTMLButtonElement).focus();
    await w.get('[data-testid="commit"]').trigger('click');
    await until(() => w.find('[data-testid="import-result"]').exists(), 'the result');
    expect(active()).toBe('import-result');

    store.choose([fixture('records-update.csv')]);
    await until(() => w.find('[data-testid="discard"]').exists(), 'the second preview');
    (w.get('[data-testid="discard"]').element as HTMLButtonElement).focus();
    await w.get('[data-testid="discard"]').trigger('click');
    await until(() => !w.find('[data-testid="discard"]').exists(), 'the preview gone');
    expect(active()).toBe('file-input');
    w.unmount();
  });
});
