// Whatever bytes an analyst uploads, parseFile answers with a ParsedFile (errors or rows), never an
// exception, and its answer does not depend on how the file was cut into pieces.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFile } from '@/domain/parseFile';
import { MAX_ISSUES, type ParsedFile } from '@/domain/types';
import { ISSUE_ROLES } from '@/i18n/issues';
import { INDICATOR_HEADER, rowsOf, utf8 } from '../fixtures/pipeline';

function checkInvariants(p: ParsedFile): void {
  // Something to show the analyst: either errors or rows.
  expect(p.errorCount > 0 || p.rows > 0).toBe(true);
  expect(p.errors).toHaveLength(Math.min(p.errorCount, MAX_ISSUES));
  expect(p.warnings).toHaveLength(Math.min(p.warningCount, MAX_ISSUES));
  for (const i of [...p.errors, ...p.warnings]) {
    expect(i.row === null || (Number.isInteger(i.row) && i.row >= 1)).toBe(true);
    expect(i.column === null || typeof i.column === 'string').toBe(true);
    // A code this build knows, with exactly its parameters, each a string or a number.
    const roles = ISSUE_ROLES.get(i.code);
    expect(roles).toBeDefined();
    expect(Object.keys(i.params).sort()).toEqual(Object.keys(roles!).sort());
    for (const v of Object.values(i.params)) expect(['string', 'number']).toContain(typeof v);
  }
  const held = p.chunks.reduce((n, c) => n + c.length, 0);
  expect(held).toBeLessThanOrEqual(p.rows);
  if (p.errorCount === 0) {
    // A file without errors is a file of some kind whose every data row is kept.
    expect(p.kind).not.toBeNull();
    expect(held).toBe(p.rows);
  }
  expect(p.sha256).toMatch(/^[0-9a-f]{64}$/);
}

function outcome(p: ParsedFile) {
  const { chunks: _chunks, ...rest } = p;
  return { ...rest, data: rowsOf(p) };
}

const nasty = fc.constantFrom(
  '"',
  '""',
  ',',
  ';',
  '\t',
  '\r',
  '\n',
  '\r\n',
  '\u0000',
  ' ',
  '中',
  '文',
  '单位名称',
  '年度',
  '评价类型',
  '项目',
  '2023',
  '-5',
  '100%',
  '—',
  '=1+1',
  '\uFEFF',
  'a',
  '9',
  '.',
  '，',
  '\u3000',
  '\u001f',
);

describe('parseFile never throws', () => {
  it('on random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => {
        checkInvariants(await parseFile(bytes, 'random.bin'));
      }),
      { numRuns: 300 },
    );
  });

  it('on random bytes behind a UTF-8 BOM or a GBK-looking start', async () => {
    const prefixes = [Uint8Array.of(0xef, 0xbb, 0xbf), Uint8Array.of(0xb5, 0xa5, 0xce, 0xbb), new Uint8Array(0)];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...prefixes), fc.uint8Array({ maxLength: 200 }), async (prefix, body) => {
        const bytes = new Uint8Array(prefix.length + body.length);
        bytes.set(prefix);
        bytes.set(body, prefix.length);
        checkInvariants(await parseFile(bytes, 'random.csv'));
      }),
      { numRuns: 200 },
    );
  });

  it('on random text of quotes, delimiters, line breaks, NUL and Chinese', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: nasty, maxLength: 60 }), async (text) => {
        checkInvariants(await parseFile(utf8(text), 'random.csv'));
      }),
      { numRuns: 400 },
    );
  });

  it('on a valid header followed by random text, with the same answer for any piece size', async () => {
    const headers = [
      '单位名称,年度,评价类型,项目名称,全年预算数,评价得分,备注',
      INDICATOR_HEADER,
      '单位名称;年度;评价类型;类别;明细;预算金额',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...headers),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.string({ unit: nasty, maxLength: 80 }),
        fc.integer({ min: 1, max: 24 }),
        async (header, eol, body, pieceBytes) => {
          const bytes = utf8(header + eol + body);
          const whole = await parseFile(bytes, 'random.csv');
          checkInvariants(whole);
          const streamed = await parseFile(bytes, 'random.csv', { pieceBytes, chunkRows: 2 });
          expect(outcome(streamed)).toEqual(outcome(whole));
        },
      ),
      { numRuns: 400 },
    );
  });
});
