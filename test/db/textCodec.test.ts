import { describe, expect, it } from 'vitest';
import { rowsToChunks } from '@/domain/columns';
import {
  decodeTextColumn,
  decodeTextColumns,
  encodeTextColumn,
  encodeTextColumns,
  isDictColumn,
  type DictColumn,
  type StoredTextColumn,
} from '@/db/textCodec';
import { indicator } from './helpers';

function asDict(col: StoredTextColumn): DictColumn {
  if (!isDictColumn(col)) throw new Error('expected a dictionary-encoded column');
  return col;
}

describe('text column encoding', () => {
  it('gives an indicator chunk back unchanged, each column in the form that pays', () => {
    const rows = Array.from({ length: 600 }, (_, i) =>
      indicator({
        agency: `单位${Math.floor(i / 100)}`,
        project: i < 300 ? '' : `项目${Math.floor(i / 50)}`,
        level1: ['决策', '过程', '产出', '效益'][i % 4]!,
        target: i % 3 === 0 ? '≥95%' : '100%',
        note: `第${i}行的说明`,
      }),
    );
    const [chunk] = rowsToChunks('indicators', rows);
    const stored = encodeTextColumns(chunk!.text, chunk!.length);
    expect(decodeTextColumns(stored)).toEqual(chunk!.text);

    const agency = asDict(stored.agency!);
    expect(agency.dict).toEqual(['单位0', '单位1', '单位2', '单位3', '单位4', '单位5']);
    expect(agency.codes).toBeInstanceOf(Uint16Array);
    expect(Array.from(agency.codes.slice(98, 102))).toEqual([0, 0, 1, 1]);
    expect(asDict(stored.project!).dict).toEqual(['', '项目6', '项目7', '项目8', '项目9', '项目10', '项目11']);
    expect(asDict(stored.level1!).dict).toEqual(['决策', '过程', '产出', '效益']);
    // Every note differs: kept as the plain strings, no dictionary.
    expect(isDictColumn(stored.note!)).toBe(false);
    expect(stored.note).toEqual(rows.map((r) => r.note));
  });

  it('encodes a column while at most half its rows are distinct values', () => {
    const half = ['a', 'b', 'c', 'd', 'a', 'b', 'c', 'd'];
    expect(asDict(encodeTextColumn(half, 8)).dict).toEqual(['a', 'b', 'c', 'd']);
    const overHalf = ['a', 'b', 'c', 'd', 'e', 'a', 'b', 'c'];
    expect(encodeTextColumn(overHalf, 8)).toEqual(overHalf);
    // A single row is never worth a dictionary.
    expect(encodeTextColumn(['x'], 1)).toEqual(['x']);
  });

  it('round-trips empty chunks and columns shorter than the chunk', () => {
    expect(decodeTextColumns(encodeTextColumns({ agency: [], note: [] }, 0))).toEqual({ agency: [], note: [] });
    expect(decodeTextColumns(encodeTextColumns({}, 0))).toEqual({});
    // Missing entries read as '' (as chunkRow does), in either form.
    expect(decodeTextColumn(encodeTextColumn(['甲', '甲'], 4))).toEqual(['甲', '甲', '', '']);
    expect(decodeTextColumn(encodeTextColumn(['甲'], 2))).toEqual(['甲', '']);
  });

  it('keeps any unicode text exactly, telling apart strings that only look alike', () => {
    const values = [
      '北京市东城区教育委员会',
      '𠀀𪚥 emoji 📊👍🏽',
      'e\u0301', // e + combining acute accent
      '\u00e9', // é precomposed
      '',
      ' 前后空格 ',
      '全角１００％',
      '\u200b',
      '=SUM(A1)',
      'line\nbreak',
    ];
    const col = [...values, ...values, ...values];
    const stored = encodeTextColumn(col, col.length);
    expect(asDict(stored).dict).toEqual(values);
    expect(decodeTextColumn(stored)).toEqual(col);
  });

  it('uses 32-bit codes only beyond 65,536 distinct values', () => {
    const column = (distinct: number) => Array.from({ length: distinct * 2 }, (_, i) => `值${i % distinct}`);
    const narrow = column(65_536);
    const n = asDict(encodeTextColumn(narrow, narrow.length));
    expect(n.codes).toBeInstanceOf(Uint16Array);
    expect(n.dict.length).toBe(65_536);
    expect(decodeTextColumn(n)).toEqual(narrow);

    const wide = column(65_537);
    const w = asDict(encodeTextColumn(wide, wide.length));
    expect(w.codes).toBeInstanceOf(Uint32Array);
    expect(w.codes[wide.length - 1]).toBe(65_536);
    expect(decodeTextColumn(w)).toEqual(wide);
  });

  it('reads plain columns, as schema versions 1 and 2 stored them, as they are', () => {
    const col = ['甲', '乙', '甲'];
    expect(decodeTextColumn(col)).toBe(col);
  });
});
