// A file whose first 64 KiB are ASCII (English headers, codes and numbers) says nothing of its
// encoding there: a long file sorted so that its Chinese agencies come after the numbered ones, or
// a note column filled in only late. The fast path for big files must judge it by its first
// Chinese, wherever that is, and both parts of a split read must decode it the same way: GBK whose
// Chinese is also valid UTF-8 (医院 → "ҽԺ") would otherwise be read as mojibake without an error.
import { describe, expect, it } from 'vitest';
import { createOptimisticDecoder } from '@/domain/decode';
import { parseFile, readPart, type PartReader } from '@/domain/parseFile';
import { rowsOf } from '../fixtures/pipeline';
import { encodeLegacy } from '../../scripts/fixtures/legacyEncode';

const utf8 = (s: string) => new TextEncoder().encode(s);
const gbk = (s: string) => encodeLegacy('gbk', s);

const HEADER = 'agency,year,scope,project,budget\n';
const ASCII_BYTES = 200 * 1024;

/** A records file: ASCII rows for the first ASCII_BYTES (agencies named by code), then `late` agencies. */
function lateText(late: readonly string[]): string {
  const rows = [HEADER];
  let length = HEADER.length;
  for (let i = 0; length < ASCII_BYTES; i++) {
    const row = `A${String(i).padStart(6, '0')},2023,department,,${i % 997}.5\n`;
    rows.push(row);
    length += row.length;
  }
  for (const [i, name] of late.entries()) rows.push(`${name},2023,project,P${i},10\n`);
  return rows.join('');
}

/** Names whose every GBK character is also a UTF-8 sequence: valid UTF-8, read as mojibake. */
const UTF8_SHAPED = ['潜山医院', '医院', '潜山医院'];
/** Names whose GBK bytes are not UTF-8. */
const GBK_SHAPED = ['北京市财政局', '重庆市渝中区教育委员会'];

/** The second part of a split read, read in this thread as the parse worker reads it; counts the parts. */
function partReader(bytes: Uint8Array, seen: { parts: number }): PartReader {
  return (req, onBytes, signal) => {
    seen.parts++;
    return readPart(bytes.subarray(req.start, req.end), req, { onBytes, signal });
  };
}

function lateNames(p: Awaited<ReturnType<typeof parseFile>>, n: number): string[] {
  return rowsOf<'records'>(p)
    .slice(-n)
    .map((r) => r.agency);
}

describe('a big file whose Chinese starts after its first 64 KiB', () => {
  it.each([
    ['valid UTF-8', UTF8_SHAPED],
    ['invalid UTF-8', GBK_SHAPED],
  ])('is read as GB18030 when its GBK bytes are %s, in one part', async (_shape, late) => {
    const bytes = gbk(lateText(late));
    const p = await parseFile(bytes, 'late-gbk.csv', { pieceBytes: 16 * 1024 });
    expect(p.encoding).toBe('gb18030');
    expect(p.errors).toEqual([]);
    expect(lateNames(p, late.length)).toEqual(late);
  });

  it.each([
    ['valid UTF-8', UTF8_SHAPED],
    ['invalid UTF-8', GBK_SHAPED],
  ])('is read as GB18030 when its GBK bytes are %s and lie after the split point', async (_shape, late) => {
    const bytes = gbk(lateText(late));
    const p = await parseFile(bytes, 'late-gbk.csv', {
      secondPart: partReader(bytes, { parts: 0 }),
      splitMinBytes: 1,
      splitAt: 0.9,
    });
    expect(p.encoding).toBe('gb18030');
    expect(p.errors).toEqual([]);
    expect(lateNames(p, late.length)).toEqual(late);
  });

  it('is not left to the fast path when it is GBK, wherever its bytes lie in memory', () => {
    const bytes = gbk(`${lateText([])}A9,2023,project,医院`);
    for (let offset = 0; offset < 4; offset++) {
      const view = new Uint8Array(bytes.length + offset);
      view.set(bytes, offset);
      // Unaligned views, and the Chinese in the last bytes (the scan's tail): 院 ends the file.
      expect(createOptimisticDecoder(view.subarray(offset))).toBeNull();
      expect(createOptimisticDecoder(view.subarray(offset, offset + bytes.length - 2))).toBeNull();
    }
  });

  it('keeps the fast path and the split read when it is UTF-8, an accented word in it read whole', async () => {
    const late = ['潜山医院', 'Café Müller', '北京市财政局'];
    const bytes = utf8(lateText(late));
    const fast = createOptimisticDecoder(bytes);
    expect(fast?.ok && fast.encoding).toBe('utf-8');
    // The first byte above ASCII is the é of Café: alone it reads as an odd letter.
    expect(createOptimisticDecoder(utf8(lateText(['Café'])))?.ok).toBe(true);
    const seen = { parts: 0 };
    const p = await parseFile(bytes, 'late-utf8.csv', {
      secondPart: partReader(bytes, seen),
      splitMinBytes: 1,
      splitAt: 0.9,
    });
    expect(seen.parts).toBe(1);
    expect(p.encoding).toBe('utf-8');
    expect(lateNames(p, late.length)).toEqual(late);
  });
});
