// Export of the current data as the four files of the data contract.
import { toCsv } from '@/domain/exportCsv';
import { KINDS, type Kind } from '@/domain/types';
import type { BudgetDb } from './database';
import { loadCurrent } from './reads';

/** CSV text of each kind's current rows; importing the three into an empty database reproduces them. */
export async function exportAll(db: BudgetDb): Promise<Record<Kind, string>> {
  const out = {} as Record<Kind, string>;
  for (const kind of KINDS) out[kind] = toCsv(kind, await loadCurrent(db, kind));
  return out;
}
