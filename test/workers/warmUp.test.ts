// Warming the worker up when the data page opens: the parser runs clean on a file of each kind
// (so the code compiled is the code real files take), nothing is written, and an upload after a
// warm-up, or in the middle of one, gets exactly the preview it gets without.
import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { listBatches } from '@/db/ledger';
import { parseFile } from '@/domain/parseFile';
import { KINDS } from '@/domain/types';
import { warmUp, warmUpFile } from '@/workers/warmUp';
import { harness, INDICATORS_HEADER, RECORDS_HEADER, textFile } from './helpers';

const ZX = '北京市西城区示例中心';
const upload = () => [
  textFile('指标.csv', `${INDICATORS_HEADER}\n${ZX},2023,部门整体,,决策,,,20,18\n${ZX},2023,部门整体,,产出,,,80,72\n`),
  textFile('记录.csv', `${RECORDS_HEADER}\n${ZX},北京市西城区,2023,部门整体,,500,480,90\n`),
];

describe('warmUp', () => {
  test('reads a file of every kind without an error, and writes nothing', async () => {
    const h = harness();
    expect(await warmUp(h.db)).toEqual(KINDS);
    expect(await listBatches(h.db)).toEqual([]);
  });

  test('its files have the rows asked for, each with a key of its own', async () => {
    for (const kind of KINDS) {
      const p = await parseFile(warmUpFile(kind, 40), 'w.csv');
      expect([p.kind, p.rows]).toEqual([kind, 40]);
      expect(p.errors.filter((e) => e.code === 'duplicate_key')).toEqual([]);
    }
  });

  test('an upload during or after a warm-up gets the same preview as one without', async () => {
    const cold = harness();
    await cold.engine.handle({ type: 'parse', uploadId: 1, files: upload() });
    const expected = cold.last('parsed').files;

    const after = harness();
    await after.engine.handle({ type: 'warm' });
    await after.engine.handle({ type: 'parse', uploadId: 1, files: upload() });
    expect(after.last('parsed').files).toEqual(expected);

    const during = harness();
    const warming = during.engine.handle({ type: 'warm' });
    await during.engine.handle({ type: 'parse', uploadId: 1, files: upload() });
    await warming;
    expect(during.last('parsed').files).toEqual(expected);
    expect(during.messages.map((m) => m.type).filter((t) => t !== 'progress')).toEqual(['parsed']);
  });
});
