// Export of the current data: as the three files of the data contract, or as one workbook.
import { toCsv } from '@/domain/exportCsv';
import { KINDS, type Kind, type RowOf } from '@/domain/types';
import { toXlsx, type RowsByKind } from '@/domain/workbook/write';
import type { BudgetDb } from './database';
import { loadCurrent } from './reads';

/** CSV text of each kind's current rows; importing the three into an empty database reproduces them. */
export async function exportAll(db: BudgetDb): Promise<Record<Kind, string>> {
  const out = {} as Record<Kind, string>;
  for (const kind of KINDS) out[kind] = toCsv(kind, await loadCurrent(db, kind));
  return out;
}

/**
 * 导出 Excel: the current rows as one .xlsx, a sheet per kind (src/domain/workbook/write.ts);
 * importing it into an empty database reproduces them. `onProgress` gets the fraction of kinds read.
 */
export async function exportWorkbook(db: BudgetDb, onProgress?: (fraction: number) => void): Promise<Blob> {
  const tables: { -readonly [K in Kind]?: readonly RowOf[K][] } = {};
  for (const [i, kind] of KINDS.entries()) {
    (tables as Record<Kind, unknown>)[kind] = await loadCurrent(db, kind);
    onProgress?.((i + 1) / (KINDS.length + 1));
  }
  const bytes = toXlsx(tables as RowsByKind);
  onProgress?.(1);
  return new Blob([bytes as Uint8Array<ArrayBuffer>], {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
}
