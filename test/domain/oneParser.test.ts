// One parser: the fast paths of a big import (the optimistic UTF-8 decoder, records split by hand
// and their cells read in place, numbers read without a string per cell) must give exactly the
// records, values, errors and warnings of the reference path (`reference: true`: every record
// through PapaParse as cell strings, the full encoding check first) on every file. The files are
// generated: quoting and doubled quotes, line breaks inside quotes, LF / CRLF / CR mixed, a BOM or
// none, blank lines, cells too many or too few, unclosed quotes, bad bytes, control characters,
// numbers written every way analysts write them, and any cut of the file into pieces.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFile } from '@/domain/parseFile';
import { answer, bytesOf, COLUMNS, fileArb, KNOWN, type FileShape } from './indicatorFiles';

describe('one parser: the fast paths answer what the reference path answers', () => {
  it('on generated indicator files, for any cut into pieces', async () => {
    await fc.assert(
      fc.asyncProperty(fileArb, async (f) => {
        const bytes = bytesOf(f);
        const fast = await parseFile(bytes, 'f.csv', { knownRecords: KNOWN, pieceBytes: f.pieceBytes });
        const reference = await parseFile(bytes, 'f.csv', { knownRecords: KNOWN, reference: true });
        expect(answer(fast)).toEqual(answer(reference));
      }),
      { numRuns: 250 },
    );
  }, 120_000);

  it('reads the clean rows of such files, so the comparison is not between two empty answers', async () => {
    const f: FileShape = {
      bom: true,
      blankBefore: false,
      header: COLUMNS.map(() => false),
      lines: [
        ['北京市西城区示例中心,2023,部门整体,,决策,,,10,8,,,', '\r\n'],
        ['北京市西城区示例中心,2023,部门整体,,产出,数量指标,培训次数,20.5,20,≥4次,4次,', '\r\n'],
      ],
      finalEol: true,
      badByte: null,
      pieceBytes: 7,
      gbk: false,
    };
    const p = await parseFile(bytesOf(f), 'f.csv', { knownRecords: KNOWN, pieceBytes: 7 });
    expect([p.kind, p.rows, p.errorCount]).toEqual(['indicators', 2, 0]);
    expect(p.chunks[0]!.num.weight).toEqual(new Float64Array([10, 20.5]));
    const gbk = await parseFile(bytesOf({ ...f, bom: false, gbk: true }), 'f.csv', { knownRecords: KNOWN });
    expect([gbk.encoding, gbk.rows, gbk.errorCount]).toEqual(['gb18030', 2, 0]);
  });

  it('meets the errors and warnings the importer gives, so the comparison covers them', async () => {
    // Over a fixed sample of generated files: every code below comes up in at least one of them.
    const seen = new Set<string>();
    for (const f of fc.sample(fileArb, { numRuns: 300, seed: 14 })) {
      const p = await parseFile(bytesOf(f), 'f.csv', { knownRecords: KNOWN, reference: true });
      for (const i of [...p.errors, ...p.warnings]) seen.add(i.code);
    }
    for (const code of [
      'unclosed_quote',
      'quote_misplaced',
      'too_many_fields',
      'replacement_character',
      'control_character',
      'missing_record',
      'duplicate_key',
      'number_invalid',
      'number_range',
      'score_above_weight',
      'name_normalized',
      'total_sum',
      'total_row_skipped',
      'note_row_skipped',
    ])
      expect([...seen].sort(), code).toContain(code);
  });
});
