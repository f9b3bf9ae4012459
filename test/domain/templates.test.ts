// The shipped templates: what an analyst downloads must be what the importer reads, error-free,
// as the right kind, and must keep step with the schema.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { knownRecordsOf, parseFile } from '@/domain/parseFile';
import { SCHEMA } from '@/domain/schema';
import { KINDS, type Kind } from '@/domain/types';
import { chunksToRows } from '@/domain/columns';
import { templateCsv, TEMPLATE_ROWS } from '@/domain/templates';

const DIR = fileURLToPath(new URL('../../public/templates/', import.meta.url));
const bytesOf = (kind: Kind) => new Uint8Array(readFileSync(`${DIR}${kind}.csv`));

describe('public/templates', () => {
  test.each(KINDS)('%s.csv is UTF-8 with BOM, with the SCHEMA labels as header and one example row', (kind) => {
    const bytes = bytesOf(kind);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    expect(text).toBe(templateCsv(kind));
    const lines = text
      .slice(1)
      .split('\r\n')
      .filter((l) => l !== '');
    expect(lines).toHaveLength(2);
    expect(lines[0]!.split(',')).toEqual(SCHEMA[kind].map((s) => s.label));
  });

  test("each parses with the app's own parser into its kind with zero errors (uploaded together)", async () => {
    const records = await parseFile(bytesOf('records'), 'records.csv');
    const known = knownRecordsOf(records);
    const indicators = await parseFile(bytesOf('indicators'), 'indicators.csv', { knownRecords: known });
    const funds = await parseFile(bytesOf('funds'), 'funds.csv', { knownRecords: known });
    const findings = await parseFile(bytesOf('findings'), 'findings.csv', { knownRecords: known });
    for (const [kind, parsed] of [
      ['records', records],
      ['indicators', indicators],
      ['funds', funds],
      ['findings', findings],
    ] as const) {
      expect(parsed.errors, `${kind}: ${JSON.stringify(parsed.errors)}`).toEqual([]);
      expect(parsed.kind).toBe(kind);
      expect(parsed.encoding).toBe('utf-8-bom');
      expect(parsed.rows).toBe(1);
      // The row reads back as the example it was written from.
      expect(chunksToRows(parsed.chunks)).toEqual([TEMPLATE_ROWS[kind]]);
    }
    expect(records.warnings).toEqual([]);
  });
});
