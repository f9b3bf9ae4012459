// The built-in dataset (data/*.csv, figures from four published evaluation reports): loaded as
// ordinary batches of origin 'builtin' on first start, so it can be rolled back and reloaded like
// any upload.
import { knownRecordsOf, parseFile } from '@/domain/parseFile';
import { KINDS, type Kind } from '@/domain/types';
import { IssueError, problem } from '@/domain/issues';
import type { BatchInfo, BudgetDb, StoredBatch } from './database';
import { commitFiles, reactivateBatch, type CommitResult } from './ledger';
import { knownRecords } from './reads';
import { batchInfo } from './batchRows';

export const BUILTIN_GROUP = 'builtin';
const LOADED_FLAG = 'builtinLoaded';

/** The text of data/records.csv, indicators.csv, funds.csv and findings.csv. */
export type BuiltinFiles = Readonly<Record<Kind, string>>;
export type BuiltinSource = () => Promise<BuiltinFiles>;

/** The copy bundled into the app (a separate chunk, fetched from the app's own origin). */
export const bundledBuiltin: BuiltinSource = async () => (await import('./builtinFiles')).BUILTIN_FILES;

/**
 * Parses the built-in files in contract order (records first, so indicator and fund rows find
 * their records), then commits them in one transaction: the dataset loads whole or not at all
 * (a full disk on the last file undoes the first two, and the page says the storage is full, as
 * for an upload). Files already active byte for byte are left alone ('identical').
 */
export async function loadBuiltinFrom(db: BudgetDb, files: BuiltinFiles): Promise<CommitResult[]> {
  const encoder = new TextEncoder();
  let known = await knownRecords(db);
  const parsedFiles = [];
  for (const kind of KINDS) {
    const fileName = `${kind}.csv`;
    const parsed = await parseFile(encoder.encode(files[kind]), fileName, { knownRecords: known });
    if (parsed.errorCount > 0 || parsed.kind !== kind) {
      // A fault of the build (test/data/dataset.test.ts checks the bundled files): the first
      // error's code and place go into the developer's message too.
      const first = parsed.errors[0];
      const err = new IssueError(
        problem('builtin_invalid', { file: fileName, count: parsed.errorCount, row: first?.row ?? 0 }),
      );
      if (first) err.message += ` first: ${JSON.stringify(first)}`;
      throw err;
    }
    parsedFiles.push(parsed);
    if (kind === 'records') known = new Map([...known, ...knownRecordsOf(parsed)]);
  }
  return commitFiles(db, parsedFiles, 'builtin', BUILTIN_GROUP);
}

/**
 * On first start, loads the built-in dataset; returns whether it did. Afterwards a flag in `meta`
 * keeps it from coming back once the analyst has rolled it back. When the flag is missing but
 * batches exist (a first load interrupted, e.g. the tab closed), the load is completed: committed
 * files are recognised as identical and skipped.
 */
export async function ensureBuiltin(db: BudgetDb, source: BuiltinSource = bundledBuiltin): Promise<boolean> {
  if ((await db.meta.get(LOADED_FLAG))?.value) return false;
  const foreign = await db.batches.filter((b) => b.origin !== 'builtin').count();
  if (foreign === 0) await loadBuiltinFrom(db, await source());
  await db.meta.put({ key: LOADED_FLAG, value: Date.now() });
  return foreign === 0;
}

/**
 * Brings the built-in dataset back after it was rolled back: the newest built-in batch of each
 * kind becomes active again at its original place in batch order, so the analysts' later uploads
 * still take precedence over it. A kind with no built-in batch at all is loaded from `source`.
 * Returns the built-in batches that are active afterwards.
 */
export async function reloadBuiltin(db: BudgetDb, source: BuiltinSource = bundledBuiltin): Promise<BatchInfo[]> {
  const builtins = await db.batches.where('origin').equals('builtin').toArray();
  const newest = new Map<Kind, StoredBatch>();
  for (const b of builtins) newest.set(b.kind, b); // ascending ids: the last one wins
  const out: BatchInfo[] = [];
  for (const b of newest.values()) {
    out.push(b.state === 'active' ? batchInfo(b) : (await reactivateBatch(db, b.id)).batch);
  }
  if (newest.size < KINDS.length) {
    for (const r of await loadBuiltinFrom(db, await source())) {
      if (!out.some((b) => b.id === r.batch.id)) out.push(r.batch);
    }
  }
  if (!(await db.meta.get(LOADED_FLAG))) await db.meta.put({ key: LOADED_FLAG, value: Date.now() });
  return out;
}
