import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDb, SCHEMA_VERSIONS } from '../../src/db/database';
import { commitFile, listBatches, loadBatchDetails, loadCurrent, loadWarnings } from '../../src/db/ledger';
import { rowsToChunks } from '../../src/domain/columns';
import { recordKey } from '../../src/domain/keys';
import { parseRows, record } from './helpers';

// The v1 layout exactly as shipped. Frozen here on purpose: when a later version changes the
// schema, this test keeps proving that data a browser stored under v1 still opens intact.
const V1_STORES = {
  batches: '++id, sha256, state, [kind+state], origin',
  chunks: '++id, [batchId+seq]',
  meta: 'key',
};

describe('schema versions', () => {
  it('declares v1 as shipped and only ever adds versions', () => {
    expect(SCHEMA_VERSIONS[0]).toMatchObject({ version: 1, stores: V1_STORES });
    const numbers = SCHEMA_VERSIONS.map((v) => v.version);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  });

  it('opens data written by v1 with the current version and keeps it', async () => {
    const name = `v1-${Math.random().toString(36).slice(2)}`;
    const A = record({ agency: '甲单位', budget: 100, expenditure: 95, execution_rate: 80 });
    const B = record({ agency: '乙单位', budget: null, expenditure: null, execution_rate: null, score: null, grade: null });
    const [chunk] = rowsToChunks('records', [A, B]);

    const v1 = new Dexie(name);
    v1.version(1).stores(V1_STORES);
    await v1.table('batches').add({
      fileName: '旧记录.csv',
      kind: 'records',
      sha256: 'f'.repeat(64),
      createdAt: 1_700_000_000_000,
      rows: 2,
      state: 'active',
      origin: 'upload',
      newCount: 2,
      supersededCount: 0,
      warningCount: 1,
      encoding: 'gb18030',
      delimiter: ',',
      byteLength: 321,
      warnings: [[2, '预算执行率', '预算执行率与支出÷预算不符', 'rate_mismatch', recordKey(A)]],
      headers: [['单位名称', 0, 'agency', 1, '']],
    });
    await v1.table('chunks').add({ batchId: 1, kind: 'records', seq: 0, length: 2, text: chunk!.text, num: chunk!.num });
    await v1.table('meta').add({ key: 'builtinLoaded', value: 1_700_000_000_000 });
    v1.close();

    const db = openDb(name);
    try {
      expect(await loadCurrent(db, 'records')).toEqual([A, B]);
      expect(await listBatches(db)).toEqual([
        expect.objectContaining({ id: 1, fileName: '旧记录.csv', state: 'active', rows: 2, encoding: 'gb18030' }),
      ]);
      expect((await loadWarnings(db)).map((w) => w.recordKey)).toEqual([recordKey(A)]);
      expect((await loadBatchDetails(db, 1))?.headers).toEqual([{ written: '单位名称', index: 0, field: 'agency', scale: 1, unit: '' }]);
      // And the old data takes part in the ledger like any other batch.
      const A2 = { ...A, execution_rate: 95 };
      const res = await commitFile(db, await parseRows('records', [A2]));
      expect(res.batch).toMatchObject({ id: 2, supersededCount: 1 });
      expect(await loadCurrent(db, 'records')).toEqual([B, A2]);
    } finally {
      await db.delete();
    }
  });
});
