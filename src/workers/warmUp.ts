// Getting the import worker ready before the analyst chooses a file. The data page starts the
// worker when it opens (stores/import.ts `warm`), and the worker then does what the first upload
// would otherwise pay for in front of its preview: opening the database and reading the stored
// records that indicator and fund rows are checked against, and running the parser once on a
// small file of each kind, so that its code is compiled rather than interpreted when the real
// file comes. A file of a thousand rows is read in a few milliseconds by compiled code; by
// interpreted code, with the database still to open, it took most of a third of a second.
import { prepareCommit } from '@/db/commitPrep';
import { knownRecords } from '@/db/ledger';
import type { BudgetDb } from '@/db/database';
import { toCsv } from '@/domain/exportCsv';
import { recordKey } from '@/domain/keys';
import { parseFile, type KnownRecord } from '@/domain/parseFile';
import { TEMPLATE_ROWS } from '@/domain/templates';
import { KINDS, type Kind, type RowOf } from '@/domain/types';

/** Rows of each warm-up file: enough for the parser's functions to be compiled, a few ms to read. */
const WARM_ROWS = 300;

/** A file of `rows` rows of `kind`, all of the template's record, each with a key of its own. */
export function warmUpFile<K extends Kind>(kind: K, rows: number): Uint8Array {
  const base = TEMPLATE_ROWS[kind] as unknown as Record<string, unknown>;
  // The field that makes each row's key its own (a finding's key is its kind and number).
  const own: Record<Kind, string> = { records: 'project', indicators: 'level3', funds: 'item', findings: 'seq' };
  const list: RowOf[K][] = [];
  for (let i = 0; i < rows; i++) {
    const field = own[kind];
    const value = kind === 'findings' ? i + 1 : `${String(base[field])}${i}`;
    list.push({ ...base, [field]: value } as unknown as RowOf[K]);
  }
  return new TextEncoder().encode(toCsv(kind, list));
}

/**
 * Reads the stored records (the current-state cache then holds them for the first upload) and
 * parses a warm-up file of each kind, keeping nothing of it. Returns the kinds read without error
 * (for tests: a warm-up that hit errors would warm the error paths instead).
 */
export async function warmUp(db: BudgetDb, signal?: AbortSignal): Promise<Kind[]> {
  await knownRecords(db);
  const template = TEMPLATE_ROWS.records;
  const known = new Map<string, KnownRecord>([[recordKey(template), { score: template.score }]]);
  const clean: Kind[] = [];
  for (const kind of KINDS) {
    if (signal?.aborted) break;
    const parsed = await parseFile(warmUpFile(kind, WARM_ROWS), `warm-up-${kind}.csv`, { knownRecords: known });
    if (parsed.errorCount === 0 && parsed.kind === kind) clean.push(kind);
    // What the commit prepares during the preview, compiled too (its chunks are dropped with it).
    if (parsed.kind !== null) prepareCommit(parsed.kind, parsed.chunks);
  }
  return clean;
}
