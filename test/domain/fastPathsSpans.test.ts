// The in-place paths of a big import (cells read from the line's text, record-key hashes carried
// from row to row, duplicate lookup in a table) must give exactly what the general paths give.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvRecordSplitter, spanCells } from '@/domain/csvStream';
import { createOptimisticDecoder } from '@/domain/decode';
import { KeyHashes } from '@/domain/duplicates';
import { hash53After, hash53Parts, hash53Seed } from '@/domain/hash';
import { mapHeaders } from '@/domain/headers';
import { RowReader } from '@/domain/rowReader';
import type { Issue } from '@/domain/types';

/** Every record as cells, and every error, whichever sink the splitter used for a record. */
function records(
  pieces: readonly string[],
  withSpans: boolean,
): { records: Array<[number, string[]]>; errors: number[] } {
  const out: Array<[number, string[]]> = [];
  const errors: number[] = [];
  const s = new CsvRecordSplitter(
    ',',
    (cells, row) => out.push([row, cells]),
    (row) => errors.push(row),
    withSpans ? (text, starts, ends, count, row) => out.push([row, spanCells(text, starts, ends, count)]) : null,
  );
  for (const p of pieces) s.push(p);
  s.end();
  return { records: out, errors };
}

describe('CsvRecordSplitter with a span sink', () => {
  it('hands over the same records and errors as PapaParse gives, quoted cells included, for any cut into pieces', () => {
    const cell = fc.constantFrom(
      '',
      'a',
      '单位',
      ' x ',
      '"q"',
      '"a,b"',
      '"l1\nl2"',
      '"l1\r\nl2"',
      '5,1',
      '"',
      'x"y',
      '"say ""hi, , "',
      '"a" ',
      ' "b"',
      '"c"d',
      '"unclosed',
    );
    const line = fc.array(cell, { minLength: 1, maxLength: 4 }).map((c) => c.join(','));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(line, fc.constantFrom('\n', '\r\n', '\r', '\r\r\n')), { maxLength: 12 }),
        fc.integer({ min: 1, max: 9 }),
        (lines, size) => {
          const text = lines
            .map(([l, eol]) => l + eol)
            .join('')
            .slice(0, size % 2 === 0 ? undefined : -1);
          const pieces: string[] = [];
          for (let i = 0; i < text.length; i += size) pieces.push(text.slice(i, i + size));
          expect(records(pieces, true)).toEqual(records(pieces, false));
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('RowReader.readSpans', () => {
  const header =
    '单位名称,年度,评价类型,项目名称,一级指标,二级指标,三级指标,分值,得分,年度指标值,实际完成值,偏差原因分析及改进措施';
  const reader = new RowReader('indicators', mapHeaders(header.split(',')).headers);

  function both(line: string): void {
    const cells = line.split(',');
    const starts = new Int32Array(cells.length);
    const ends = new Int32Array(cells.length);
    let at = 0;
    cells.forEach((c, i) => {
      starts[i] = at;
      ends[i] = at + c.length;
      at += c.length + 1;
    });
    const a: Issue[] = [];
    const b: Issue[] = [];
    const va = reader.newValues();
    const vb = reader.newValues();
    expect(reader.readSpans(line, starts, ends, 7, b, vb)).toBe(reader.readValues(cells, 7, a, va));
    expect(vb).toEqual(va);
    expect(b).toEqual(a);
  }

  it('reads a line in place as readValues reads its cells, from row to row', () => {
    const numbers = [
      '2.06',
      '0',
      '00.5',
      '5.',
      '.5',
      '１２',
      '1,234.5',
      '123456789012345.5',
      '9007199254740993',
      '-1',
      '1e3',
      ' 3 ',
      '8分',
      '—',
      '',
      'abc',
      '1.2.3',
    ];
    for (const weight of numbers) {
      for (const score of ['1.41', '0.10', '', '99']) {
        both(`东城区教育委员会,2015,部门整体,,决策,项目立项,项目完成率,${weight},${score},,,`);
        both(`东城区教育委员会,2015,项目,,决策,,,${weight},${score},≥95%,98%,完成值统计口径与目标值略有差异`);
      }
    }
  });

  it('reads a plain decimal to the same number as the general parser', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat({ max: 6 }), fc.nat(999999), (whole, decimals, frac) => {
        const text =
          decimals === 0 ? String(whole) : `${whole}.${String(frac).padStart(decimals, '0').slice(0, decimals)}`;
        both(`东城区教育委员会,2016,部门整体,,产出,数量,项目完成率,${text},,,,`);
      }),
    );
  });
});

describe('hash53After', () => {
  it('continues hash53Parts from the hash of its first part', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), fc.string(), (a, b, c, d) => {
        expect(hash53After(hash53Seed(a), b, c, d)).toBe(hash53Parts([a, b, c, d]));
        expect(hash53After(hash53Seed(a), b, c)).toBe(hash53Parts([a, b, c]));
        expect(hash53After(hash53Seed(a))).toBe(hash53Parts([a]));
      }),
    );
  });
});

describe('KeyHashes', () => {
  it('groups the rows that share a hash, in row order, and nothing else', () => {
    const k = new KeyHashes();
    const hashes = Array.from({ length: 5000 }, (_, i) => hash53Parts([`key ${i}`]));
    hashes.push(hashes[3]!, hashes[4999]!, hashes[3]!, 2 ** 40 + 3, 3);
    for (const h of hashes) k.push(h);
    expect(k.groups()).toEqual([
      [3, 5000, 5002],
      [4999, 5001],
    ]);
    const unique = new KeyHashes();
    for (let i = 0; i < 3000; i++) unique.push(i * 1024);
    expect(unique.groups()).toEqual([]);
  });

  it('finds the same groups past the size where hashes are sorted out into partitions first', () => {
    // Repeats near and far apart, and hashes equal in their low 32 bits but not above (one slot,
    // one partition, not the same hash): grouped as a Map of every hash groups them.
    const hashes = Array.from({ length: 150_000 }, (_, i) => hash53Parts([`key ${i}`]));
    for (let i = 0; i < 40; i++) hashes.push(hashes[(i * 7919) % 150_000]!);
    for (let i = 0; i < 40; i++) hashes.push(2 ** 33 * (i + 1) + 12345, 12345 + 2 ** 40 * i);
    hashes.push(hashes[149_999]!, hashes[0]!, hashes[0]!);
    const k = new KeyHashes();
    for (const h of hashes) k.push(h);
    const byHash = new Map<number, number[]>();
    hashes.forEach((h, i) => byHash.set(h, [...(byHash.get(h) ?? []), i]));
    const expected = [...byHash.values()].filter((g) => g.length > 1);
    expect(expected.length).toBeGreaterThan(40);
    expect(k.groups()).toEqual(expected);
    const unique = new KeyHashes();
    for (let i = 0; i < 100_000; i++) unique.push(hashes[i]!);
    expect(unique.groups()).toEqual([]);
  });
});

describe('createOptimisticDecoder', () => {
  it('takes the fast path for UTF-8 without a BOM even when its first slice ends inside a character', () => {
    // Three-byte characters across the end of the sampled start (64 KiB) and of the first piece (4 MiB).
    const enc = new TextEncoder();
    let text = '单位名称,年度\n';
    const fillTo = (bytes: number): void => {
      const have = enc.encode(text).length;
      text += 'a,1\n'.repeat(Math.floor((bytes - have) / 4)) + 'a'.repeat((bytes - have) % 4);
    };
    fillTo(64 * 1024 - 1);
    text += '京,2\n';
    fillTo(4 * 1024 * 1024 - 2);
    text += '京,3\n';
    const bytes = enc.encode(text);
    expect(bytes.subarray(64 * 1024 - 1, 64 * 1024 + 2)).toEqual(enc.encode('京'));
    const fast = createOptimisticDecoder(bytes);
    expect(fast?.ok).toBe(true);
    if (fast?.ok) expect([...fast.pieces()].join('')).toBe(text);
  });
});
