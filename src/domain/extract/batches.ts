// An extraction (after the analyst's review) as ordinary batches: each kind of rows written as the
// contract's CSV and read back by the same parser and validator as an uploaded CSV file, so that a
// report's rows meet exactly the checks, keys and references of any other import, and nothing is
// stored that an upload of the same figures would refuse.
import { toCsv } from '@/domain/exportCsv';
import { knownRecordsOf, parseFile, type KnownRecord } from '@/domain/parseFile';
import { KINDS, type Kind, type ParsedFile, type RowOf } from '@/domain/types';
import type { ExtractedRows } from './types';

export interface BatchOptions {
  /** Records stored already (indicator, fund and finding rows may refer to them). */
  knownRecords?: ReadonlyMap<string, KnownRecord>;
  signal?: AbortSignal;
}

/** The batch name of one kind of a file's rows: `报告.docx（records）`. */
export function batchName(fileName: string, kind: Kind): string {
  return `${fileName}（${kind}）`;
}

/**
 * The file a batch came from, as people name it: a report's batch name without the kind code it
 * carries (`报告.docx（records）` → `报告.docx`), which a list that names the kind beside it need
 * not show; any other name as it is.
 */
export function batchFileName(name: string, kind: Kind): string {
  const suffix = `（${kind}）`;
  return name.endsWith(suffix) && name.length > suffix.length ? name.slice(0, -suffix.length) : name;
}

/** One parsed file per kind that has rows, records first; each batch named by the file and its kind. */
export async function extractionBatches(
  fileName: string,
  rows: ExtractedRows,
  opts: BatchOptions = {},
): Promise<ParsedFile[]> {
  const known = new Map<string, KnownRecord>(opts.knownRecords ?? []);
  const out: ParsedFile[] = [];
  const encoder = new TextEncoder();
  for (const kind of KINDS) {
    const list = rows[kind] as readonly RowOf[typeof kind][];
    if (list.length === 0) continue;
    const bytes = encoder.encode(toCsv(kind, list));
    const parsed = await parseFile(bytes, batchName(fileName, kind), { knownRecords: known, signal: opts.signal });
    for (const [k, v] of knownRecordsOf(parsed)) known.set(k, v);
    out.push(parsed);
  }
  return out;
}
