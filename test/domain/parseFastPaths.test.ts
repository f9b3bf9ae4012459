// The shortcuts the parser takes for big files (issue 5) must never change what it answers:
// decoding UTF-8 once while checking it, and building a record's key once per run of its rows.
import { describe, expect, it } from 'vitest';
import { createDecoder, createOptimisticDecoder, DEFAULT_PIECE_BYTES, EncodingMismatch } from '@/domain/decode';
import { recordKey } from '@/domain/keys';
import { parseFile, type KnownRecord } from '@/domain/parseFile';
import { brief, hex, INDICATOR_HEADER, parseText, rowsOf, utf8 } from '../fixtures/pipeline';

const BOM = [0xef, 0xbb, 0xbf];

function concat(...parts: Array<Uint8Array | number[]>): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

// '北京市贸促会' in GBK, as Excel on a Chinese system writes it.
const GBK_MAOCUHUI = hex('b1 b1 be a9 ca d0 c3 b3 b4 d9 bb e1');
/**
 * A records file whose first DEFAULT_PIECE_BYTES bytes are valid UTF-8 (and, with no `note`
 * above ASCII, GB18030), then `tail`.
 */
function asciiThen(tail: Uint8Array, note = 'x'): Uint8Array {
  // One long note cell fills the first slice without adding rows.
  return concat(
    utf8('agency,year,scope,project,note\n'),
    utf8(`TEST,2021,department,,${note}\n`),
    utf8(`TEST,2022,department,,${'a'.repeat(DEFAULT_PIECE_BYTES)}\n`),
    utf8('TEST,2023,department,,x\n'),
    tail,
    utf8(',2024,department,,y\n'),
  );
}

describe('createOptimisticDecoder', () => {
  it('decodes UTF-8, with or without a BOM, exactly as createDecoder does', () => {
    for (const bytes of [utf8('单位名称,年度\n北京市贸促会,2022\n'), concat(BOM, utf8('a,b\n𠀀🙂,优\n'))]) {
      const fast = createOptimisticDecoder(bytes);
      const full = createDecoder(bytes);
      expect(fast?.ok && full.ok).toBe(true);
      if (fast?.ok && full.ok) {
        expect(fast.encoding).toBe(full.encoding);
        for (const size of [1, 2, 3, 7, DEFAULT_PIECE_BYTES])
          expect([...fast.pieces(size)].join('')).toBe([...full.pieces()].join(''));
      }
    }
  });

  it('leaves the decision to createDecoder when the first slice is not UTF-8, or the file is no text', () => {
    expect(createOptimisticDecoder(concat(GBK_MAOCUHUI, utf8(',2022\n')))).toBeNull();
    expect(createOptimisticDecoder(hex('50 4b 03 04 00 00'))).toBeNull();
    expect(createOptimisticDecoder(utf8('  \n'))).toBeNull();
  });

  it('throws EncodingMismatch from pieces() when a later slice is not UTF-8', () => {
    // UTF-8 Chinese in the first row: the sample, taken where the first Chinese is, reads as UTF-8.
    const bytes = asciiThen(GBK_MAOCUHUI, '宣传');
    const fast = createOptimisticDecoder(bytes);
    expect(fast?.ok).toBe(true);
    if (fast?.ok) expect(() => [...fast.pieces()]).toThrow(EncodingMismatch);
  });
});

describe('parseFile falls back to the full check when the optimistic decode fails', () => {
  it('reads a file that turns out to be GBK after 4 MiB of ASCII as GBK', async () => {
    const p = await parseFile(asciiThen(GBK_MAOCUHUI), 'late-gbk.csv');
    expect(p.encoding).toBe('gb18030');
    expect(p.errors).toEqual([]);
    expect(rowsOf<'records'>(p).map((r) => r.agency)).toEqual([
      'TEST',
      'TEST',
      'TEST',
      '中国国际贸易促进委员会北京市分会',
    ]);
  });

  it('reads a BOM file with an invalid byte beyond the first slice, naming the row and column of the byte', async () => {
    const bytes = concat(BOM, asciiThen(hex('c3')));
    const p = await parseFile(bytes, 'bad.csv');
    expect(p.kind).toBe('records');
    expect(p.encoding).toBe('utf-8-bom');
    expect(brief(p.errors)).toEqual([[5, 'agency', 'replacement_character']]);
    expect(p.errors[0]!.params).toEqual({ value: '\uFFFD' });
    expect(rowsOf<'records'>(p).map((r) => r.year)).toEqual([2021, 2022, 2023]);
  });
});

describe('parseFile: record keys built once per run of rows', () => {
  const known = new Map<string, KnownRecord>([
    [recordKey({ agency: '测试单位', year: 2023, scope: 'project', project: '活动' }), { score: 90 }],
    [recordKey({ agency: '测试单位', year: 2024, scope: 'project', project: '活动' }), { score: 80 }],
  ]);

  it('checks every row against its own record when records alternate and differ in one key field only', async () => {
    const text =
      `${INDICATOR_HEADER}\n` +
      `测试单位,2023,项目,活动,产出,,,50,40,,\n` +
      `测试单位,2023,项目,活动,效益,,,50,50,,\n` +
      `测试单位,2024,项目,活动,产出,,,50,30,,\n` +
      `测试单位,2024,项目,另一活动,产出,,,50,30,,\n` +
      `测试单位,2024,部门整体,,产出,,,50,30,,\n` +
      `测试单位,2023,项目,活动,决策,,,0,0,,\n` +
      `测试单位,2025,项目,活动,产出,,,50,30,,\n`;
    const p = await parseText(text, { knownRecords: known });
    expect(brief(p.errors)).toEqual([
      [5, '单位名称', 'missing_record'],
      [6, '单位名称', 'missing_record'],
      [8, '单位名称', 'missing_record'],
    ]);
    expect(rowsOf<'indicators'>(p).map((r) => [r.year, r.level1])).toEqual([
      [2023, '产出'],
      [2023, '效益'],
      [2024, '产出'],
      [2023, '决策'],
    ]);
    // The sums are per record: 2023 adds up to 90 (no warning), 2024's 30 differs from 80.
    expect(brief(p.warnings)).toEqual([[4, '得分', 'total_sum']]);
  });
});
