// Every file of the malformed-file corpus (scripts/fixtures/malformedCorpus.ts) gives exactly its
// outcome: the encoding, every error and warning by row, column, code (and parameters where they
// matter), the rows read and held, and the values read; and the same outcome whether the file
// comes in one piece or many, and whether its records are read in place or through PapaParse.
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '@/domain/hash';
import { recordKey } from '@/domain/keys';
import { parseFile, type KnownRecord, type ParseOptions } from '@/domain/parseFile';
import type { Issue, ParsedFile } from '@/domain/types';
import {
  malformedCorpus,
  type CorpusCase,
  type CorpusClass,
  type Expected,
} from '../../scripts/fixtures/malformedCorpus';
import { rowsOf } from '../fixtures/pipeline';

const corpus = malformedCorpus();

function known(c: CorpusCase): Map<string, KnownRecord> {
  return new Map((c.known ?? []).map((k) => [recordKey(k), { score: null }]));
}

/** An issue as expected: with its parameters when the case names them. */
function asExpected(issue: Issue, like: Expected | undefined): Expected {
  const out: Expected = [issue.row, issue.column, issue.code];
  if (like?.[3] !== undefined) out.push({ ...issue.params });
  return out;
}

/** A value as compared: a long text by its length and ends, so that a failure does not print 10 MB. */
function brief(v: unknown): unknown {
  return typeof v === 'string' && v.length > 200 ? `${v.slice(0, 50)}…(${v.length})…${v.slice(-50)}` : v;
}

function outcome(p: ParsedFile) {
  const { chunks: _chunks, sha256: _sha, fileName: _name, ...rest } = p;
  return { ...rest, data: rowsOf(p).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, brief(v)]))) };
}

async function parse(c: CorpusCase, opts: ParseOptions = {}): Promise<ParsedFile> {
  return parseFile(c.bytes, c.name, { knownRecords: known(c), ...opts });
}

describe('the malformed-file corpus', () => {
  it('has at least 300 files, of every class, with distinct names', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(300);
    const byClass = new Map<CorpusClass, number>();
    for (const c of corpus) byClass.set(c.cls, (byClass.get(c.cls) ?? 0) + 1);
    for (const cls of ['encodings', 'values', 'keys', 'quotes', 'controls', 'sizes'] as const)
      expect(byClass.get(cls) ?? 0, cls).toBeGreaterThanOrEqual(15);
    expect(new Set(corpus.map((c) => c.name)).size).toBe(corpus.length);
  });

  it('is the same for the same seed', async () => {
    const digest = async (cases: readonly CorpusCase[]) =>
      Promise.all(cases.map(async (c) => `${c.name} ${await sha256Hex(c.bytes)}`));
    expect(await digest(malformedCorpus())).toEqual(await digest(corpus));
  });
});

describe.each(corpus.map((c) => [c.name, c] as const))('%s', (_name, c) => {
  // A file of megabytes is read three ways on a machine shared with the other test files.
  const timeout = c.bytes.length > 1024 * 1024 ? 180_000 : undefined;
  it(
    'gives exactly its outcome',
    async () => {
      const p = await parse(c);
      const e = c.expect;
      expect({ encoding: p.encoding, kind: p.kind }).toEqual({ encoding: e.encoding, kind: e.kind });
      expect(p.errors.map((i, n) => asExpected(i, e.errors[n]))).toEqual(e.errors);
      expect(p.errorCount).toBe(e.errorCount ?? e.errors.length);
      expect(p.warnings.map((i, n) => asExpected(i, e.warnings[n]))).toEqual(e.warnings);
      expect(p.rows).toBe(e.rows);
      const held = rowsOf(p) as unknown as Array<Record<string, unknown>>;
      expect(held).toHaveLength(e.stored);
      for (const [index, field, value] of e.values ?? [])
        expect(brief(held[index]?.[field]), `${index}.${field}`).toEqual(brief(value));
      // Every issue carries its row as a number, or null for the whole file; never a row only inside a message.
      for (const i of [...p.errors, ...p.warnings]) expect(i.row === null || Number.isInteger(i.row)).toBe(true);
    },
    timeout,
  );

  it(
    'gives the same outcome in small pieces and through PapaParse alone',
    async () => {
      const whole = outcome(await parse(c));
      const small = c.bytes.length < 64 * 1024 ? 7 : 1024 * 1024;
      expect(outcome(await parse(c, { pieceBytes: small, chunkRows: 3 }))).toEqual(whole);
      expect(outcome(await parse(c, { readInPlace: false }))).toEqual(whole);
    },
    timeout,
  );
});
