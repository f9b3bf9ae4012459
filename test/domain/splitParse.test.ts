// One parser, split in two: a big UTF-8 file is read in two parts at once (parseFile's
// `secondPart`, a second worker in the app), and the answer must be exactly that of the reference
// path on every file: records, row numbers, errors (code, row, column, parameters), warnings,
// duplicates across the two parts, sums of a record whose rows lie on both sides, counts past
// MAX_ISSUES. The split point moves across the whole file (inside quoted cells that hold line
// breaks too, where the second part's answer must be thrown away and the rest read in order), and
// the second part may fail or be posted (structured clone) as a worker posts it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordKey } from '@/domain/keys';
import { parseFile, readPart, ParseCancelled, type PartReader, type PartState } from '@/domain/parseFile';
import { MAX_ISSUES, type ColumnChunk } from '@/domain/types';
import { malformedCorpus } from '../../scripts/fixtures/malformedCorpus';
import { answer, bytesOf, COLUMNS, fileArb, KNOWN } from './indicatorFiles';

type Mode = 'direct' | 'posted' | 'fails';

/** The second part read in this thread, as the parse worker reads it; counts the parts read. */
function partReader(
  bytes: Uint8Array,
  mode: Mode,
  opts: { knownRecords?: ReadonlyMap<string, { score: number | null }>; pieceBytes?: number },
  seen: { parts: number },
): PartReader {
  return async (req, onBytes, signal) => {
    seen.parts++;
    if (mode === 'fails') throw new Error('no second worker');
    const state = await readPart(bytes.subarray(req.start, req.end), req, { ...opts, onBytes, signal });
    return mode === 'posted' ? (structuredClone(state) as PartState) : state;
  };
}

describe('a file read in two parts answers what the reference path answers', () => {
  it('on generated indicator files, split anywhere, the second part direct, posted or failing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fileArb,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom<Mode>('direct', 'posted', 'fails'),
        async (f, splitAt, mode) => {
          const bytes = bytesOf(f);
          const seen = { parts: 0 };
          const opts = { knownRecords: KNOWN, pieceBytes: f.pieceBytes };
          const split = await parseFile(bytes, 'f.csv', {
            ...opts,
            secondPart: partReader(bytes, mode, opts, seen),
            splitMinBytes: 1,
            splitAt,
          });
          const reference = await parseFile(bytes, 'f.csv', { knownRecords: KNOWN, reference: true });
          expect(answer(split)).toEqual(answer(reference));
        },
      ),
      { numRuns: 300 },
    );
  }, 180_000);

  it('on every file of the malformed corpus, at three split points', async () => {
    for (const c of malformedCorpus()) {
      const knownRecords = new Map(
        (c.known ?? []).map((r) => [recordKey(r), { score: null }] as [string, { score: number | null }]),
      );
      const reference = await parseFile(c.bytes, 'c.csv', { knownRecords, reference: true });
      for (const splitAt of [0.2, 0.5, 0.8]) {
        const seen = { parts: 0 };
        const split = await parseFile(c.bytes, 'c.csv', {
          knownRecords,
          secondPart: partReader(c.bytes, 'posted', { knownRecords }, seen),
          splitMinBytes: 1,
          splitAt,
        });
        expect(answer(split), `${c.name} at ${splitAt}`).toEqual(answer(reference));
      }
    }
  }, 180_000);

  /** A file of `rows` indicator rows of known records, `line(i)` the cells after the record's. */
  function bigFile(rows: number, line: (i: number) => string): Uint8Array {
    let text = COLUMNS.join(',') + '\r\n';
    for (let i = 0; i < rows; i++) text += line(i) + '\r\n';
    return new TextEncoder().encode(text);
  }

  it('carries duplicates, sums, once-per-cell warnings and counts past MAX_ISSUES across the split', async () => {
    const rows = 2 * MAX_ISSUES + 3000;
    // Names written two ways (normalised: warned once per cell), one on both sides and one per
    // row (more warnings than MAX_ISSUES, past the cells a column caches); a key that comes again
    // in the other half; one record's level-2 row on one side, its level-3 scores on both; an
    // error every fifth row.
    const warningsHeavy = bigFile(rows, (i) => {
      const agency = i % 7 === 0 ? '甲  单位' : '甲单位';
      const record = `${agency},2023,部门整体,`;
      if (i === 10 || i === rows - 10) return `${record},决策,,,10,8,,,`;
      if (i === 5) return `${record},产出,数量指标,,5,3,,,`;
      if (i % 5 === 1) return `${record},产出,数量指标,培训${i},x,1,,,`;
      return `${record},产出,数量指标,培训  ${i},1,0.5,,,`;
    });
    // An error on every row.
    const errorsHeavy = bigFile(rows, (i) => `甲单位,2023,部门整体,,产出,数量指标,培训${i},x,1,,,`);
    // One record's level-2 row in the first half, its level-3 scores on both sides (a sum warned of).
    const sums = bigFile(4000, (i) =>
      i === 5
        ? '甲单位,2023,部门整体,,产出,数量指标,,5,3,,,'
        : `甲单位,2023,部门整体,,产出,数量指标,培训${i},1,0.25,,,`,
    );
    for (const bytes of [warningsHeavy, errorsHeavy, sums]) {
      const reference = await parseFile(bytes, 'big.csv', { knownRecords: KNOWN, reference: true });
      if (bytes === warningsHeavy) {
        expect(reference.warningCount).toBeGreaterThan(MAX_ISSUES);
        const codes = new Set([...reference.errors, ...reference.warnings].map((e) => e.code));
        expect([...codes].sort()).toEqual(
          expect.arrayContaining(['duplicate_key', 'name_normalized', 'number_invalid']),
        );
        expect(reference.warnings.length + reference.errors.length).toBeGreaterThan(MAX_ISSUES);
      } else if (bytes === errorsHeavy) expect(reference.errorCount).toBeGreaterThan(MAX_ISSUES);
      else expect(reference.warnings.map((w) => w.row)).toContain(7);
      for (const mode of ['direct', 'posted'] as const) {
        const seen = { parts: 0 };
        const opts = { knownRecords: KNOWN, pieceBytes: 64 * 1024 };
        const split = await parseFile(bytes, 'big.csv', {
          ...opts,
          secondPart: partReader(bytes, mode, opts, seen),
          splitMinBytes: 1,
        });
        expect(seen.parts).toBe(1);
        expect(answer(split)).toEqual(answer(reference));
      }
    }
  }, 60_000);

  it('uses the second part when the split falls between records, and reads on alone when it cannot', async () => {
    const bytes = bigFile(2000, (i) => `甲单位,2023,部门整体,,产出,数量指标,培训${i},1,1,,,`);
    const seen = { parts: 0 };
    let read = 0;
    const reader: PartReader = async (req, onBytes, signal) => {
      const s = await partReader(bytes, 'direct', { knownRecords: KNOWN }, seen)(req, onBytes, signal);
      read = s.dataRows;
      return s;
    };
    const progress: number[] = [];
    const p = await parseFile(bytes, 'f.csv', {
      knownRecords: KNOWN,
      secondPart: reader,
      splitMinBytes: 1,
      pieceBytes: 4096,
      onProgress: (f) => progress.push(f),
    });
    expect([p.rows, p.errorCount, seen.parts]).toEqual([2000, 0, 1]);
    expect(read).toBeGreaterThan(900);
    expect(read).toBeLessThan(1100);
    expect(progress.at(-1)).toBe(1);
    expect(progress.every((f, i) => i === 0 || f >= progress[i - 1]! - 1e-9 || f === 1)).toBe(true);
    // Below splitMinBytes: one part.
    const one = { parts: 0 };
    await parseFile(bytes, 'f.csv', { knownRecords: KNOWN, secondPart: partReader(bytes, 'direct', {}, one) });
    expect(one.parts).toBe(0);
  });

  it("while the second part is read, hands the first part's finished chunks over for work, one per task, until it answers", async () => {
    const bytes = bigFile(2000, (i) => `甲单位,2023,部门整体,,产出,数量指标,培训${i},1,1,,,`);
    const given: ColumnChunk[] = [];
    let answerNow = () => {};
    const gate = new Promise<void>((resolve) => (answerNow = resolve));
    const seen = { parts: 0 };
    const reader: PartReader = async (req, onBytes, signal) => {
      const state = await partReader(bytes, 'direct', { knownRecords: KNOWN }, seen)(req, onBytes, signal);
      await gate;
      return state;
    };
    const p = await parseFile(bytes, 'f.csv', {
      knownRecords: KNOWN,
      secondPart: reader,
      splitMinBytes: 1,
      chunkRows: 100,
      whileWaiting: (chunk) => {
        given.push(chunk);
        if (given.length === 3) answerNow();
      },
    });
    // The part answered during the third chunk's task: no fourth was given.
    expect(given).toHaveLength(3);
    // The very chunks the file holds, first to third, each full.
    given.forEach((c, i) => expect(c).toBe(p.chunks[i]));
    expect(given.map((c) => c.length)).toEqual([100, 100, 100]);
    expect(seen.parts).toBe(1);
    const reference = await parseFile(bytes, 'f.csv', { knownRecords: KNOWN, reference: true, chunkRows: 100 });
    expect(answer(p)).toEqual(answer(reference));
  });

  it('a cancel stops both parts', async () => {
    const bytes = bigFile(5000, (i) => `甲单位,2023,部门整体,,产出,数量指标,培训${i},1,1,,,`);
    const controller = new AbortController();
    let partSignal: AbortSignal | null = null;
    const reader: PartReader = (req, onBytes, signal) => {
      partSignal = signal;
      return readPart(bytes.subarray(req.start, req.end), req, {
        knownRecords: KNOWN,
        onBytes,
        signal,
        pieceBytes: 1024,
      });
    };
    const parse = parseFile(bytes, 'f.csv', {
      knownRecords: KNOWN,
      secondPart: reader,
      splitMinBytes: 1,
      pieceBytes: 1024,
      signal: controller.signal,
      onProgress: (f) => {
        if (f > 0.1) controller.abort();
      },
    });
    await expect(parse).rejects.toBeInstanceOf(ParseCancelled);
    expect(partSignal!.aborted).toBe(true);
  });
});
