// After records are committed, the engine makes their keys at once, so the next file (indicators
// of those records) is checked against them without waiting for the keys to be made.
import 'fake-indexeddb/auto';
import { describe, expect, test, vi } from 'vitest';
import { harness, INDICATORS_HEADER, RECORDS_HEADER, textFile } from './helpers';

const made = vi.hoisted(() => ({ calls: 0 }));
vi.mock('@/db/ledger', async (original) => {
  const ledger = await original<typeof import('@/db/ledger')>();
  return {
    ...ledger,
    knownRecords: (...args: Parameters<typeof ledger.knownRecords>) => {
      made.calls++;
      return ledger.knownRecords(...args);
    },
  };
});

const ZX = '北京市西城区示例中心';

describe('record keys after a commit', () => {
  test('a records commit makes the keys of the records committed; the next file finds them', async () => {
    const h = harness();
    const rec = textFile('r.csv', `${RECORDS_HEADER}\n${ZX},北京市西城区,2023,部门整体,,500,480,90\n`);
    await h.engine.handle({ type: 'parse', uploadId: 1, files: [rec] });
    const before = made.calls;
    await h.engine.handle({ type: 'commit', uploadId: 1 });
    expect(h.last('committed').results).toHaveLength(1);
    expect(made.calls).toBe(before + 1);
    await h.engine.recordKeysReady;

    // The indicators of the record just committed refer to it.
    const ind = textFile('i.csv', `${INDICATORS_HEADER}\n${ZX},2023,部门整体,,决策,,,100,90\n`);
    await h.engine.handle({ type: 'parse', uploadId: 2, files: [ind] });
    expect(h.last('parsed').files.map((f) => [f.kind, f.errorCount])).toEqual([['indicators', 0]]);

    // An indicators commit changes no record: nothing is made for it.
    const calls = made.calls;
    await h.engine.handle({ type: 'commit', uploadId: 2 });
    expect(h.last('committed').results).toHaveLength(1);
    expect(made.calls).toBe(calls);
  });
});
