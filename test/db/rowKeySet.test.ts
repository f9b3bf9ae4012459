import { describe, expect, it } from 'vitest';
import { recordKeysOf, storableChunks } from '@/db/chunkOps';
import { keyHashes, RowKeySet } from '@/db/rowKeySet';
import { rowsToChunks } from '@/domain/columns';
import { recordKey } from '@/domain/keys';
import { fund, indicator, record } from './helpers';

describe('keyHashes', () => {
  it('gives equal keys equal hashes and tells field boundaries apart', () => {
    const [chunk] = rowsToChunks('indicators', [
      indicator({ level2: 'ab', level3: 'c' }),
      indicator({ level2: 'a', level3: 'bc' }),
      indicator({ level2: 'ab', level3: 'c', score: 1, note: 'other non-key fields' }),
      indicator({ level2: 'ab', level3: 'c', year: 2024 }),
    ]);
    const h = keyHashes('indicators', chunk!);
    expect(h[0]).toBe(h[2]);
    expect(h[0]).not.toBe(h[1]);
    expect(h[0]).not.toBe(h[3]);
  });

  it('uses category and item as fund keys', () => {
    const [chunk] = rowsToChunks('funds', [
      fund({ category: 'source' }),
      fund({ category: 'line_item' }),
      fund({ item: '其他' }),
    ]);
    expect(new Set(keyHashes('funds', chunk!)).size).toBe(3);
  });
});

describe('RowKeySet', () => {
  it('finds a key by comparing the fields, even when two different keys share a hash', () => {
    const [chunk] = rowsToChunks('records', [
      record({ agency: '甲' }),
      record({ agency: '乙' }),
      record({ agency: '甲' }),
    ]);
    const set = new RowKeySet('records', [chunk!]);
    const forcedHash = 42; // pretend both keys collide
    set.add(forcedHash, RowKeySet.loc(0, 0));
    set.add(forcedHash, RowKeySet.loc(0, 1));
    expect(set.find(forcedHash, chunk!, 2)).toBe(RowKeySet.loc(0, 0));
    expect(set.find(forcedHash, chunk!, 1)).toBe(RowKeySet.loc(0, 1));
    const [other] = rowsToChunks('records', [record({ agency: '丙' })]);
    expect(set.find(forcedHash, other!, 0)).toBe(-1);
    expect(set.find(7, chunk!, 0)).toBe(-1);
  });

  it('packs chunk and row into a location and back', () => {
    const loc = RowKeySet.loc(3, 49_999);
    expect([RowKeySet.chunkIndex(loc), RowKeySet.row(loc)]).toEqual([3, 49_999]);
  });
});

describe('chunk helpers', () => {
  it('recordKeysOf matches keys.ts recordKey', () => {
    const rows = [record({ agency: 'A', year: 2020 }), record({ scope: 'project', project: 'P' })];
    const [chunk] = rowsToChunks('records', rows);
    expect(recordKeysOf(chunk!)).toEqual(rows.map(recordKey));
  });

  it('splits oversized chunks and copies numeric views so stored chunks own their buffers', () => {
    const rows = Array.from({ length: 7 }, (_, i) => record({ agency: `单位${i}`, budget: i }));
    const [big] = rowsToChunks('records', rows, 100);
    const parts = storableChunks([big!], 3);
    expect(parts.map((c) => c.length)).toEqual([3, 3, 1]);
    expect(Array.from(parts[1]!.num.budget!)).toEqual([3, 4, 5]);
    expect(parts[2]!.text.agency).toEqual(['单位6']);

    const view = { ...big!, length: 2, text: { ...big!.text }, num: { ...big!.num } };
    for (const k of Object.keys(view.text)) view.text[k] = view.text[k]!.slice(0, 2);
    view.num.budget = big!.num.budget!.subarray(0, 2);
    for (const k of Object.keys(view.num)) if (k !== 'budget') view.num[k] = big!.num[k]!.slice(0, 2);
    const [copied] = storableChunks([view], 3);
    expect(copied!.num.budget!.buffer.byteLength).toBe(2 * 8);
    expect(Array.from(copied!.num.budget!)).toEqual([0, 1]);
  });
});
