// Running a workbook's contract sheets through the CSV pipeline's own session (header mapping,
// row reader, checks), as phase 2's import will: what the adapter hands over is exactly what
// the pipeline reads.
import { chunksToRows } from '@/domain/columns';
import { FileSession, type KnownRecord } from '@/domain/fileSession';
import { knownRecordsOf } from '@/domain/parseFile';
import type { ContractSheet } from '@/domain/workbook/contractSheet';
import type { Issue, Kind, ParsedFile, RowOf } from '@/domain/types';

export interface SheetParse {
  kind: Kind | null;
  rows: RowOf[Kind][];
  errors: Issue[];
  warnings: Issue[];
  parsed: ParsedFile;
}

export function parseSheet(sheet: ContractSheet, knownRecords?: ReadonlyMap<string, KnownRecord>): SheetParse {
  const session = new FileSession({ knownRecords });
  session.record(sheet.headerCells, sheet.headerRow);
  for (const r of sheet.rows) session.record(r.cells, r.row);
  const parsed = session.finish('utf-8') as ParsedFile;
  return {
    kind: parsed.kind ?? null,
    rows: chunksToRows(parsed.chunks ?? []),
    errors: parsed.errors ?? [],
    warnings: parsed.warnings ?? [],
    parsed,
  };
}

/** Every contract sheet of a workbook through the pipeline, records first so references resolve. */
export function parseSheets(sheets: readonly ContractSheet[]): SheetParse[] {
  const known = new Map<string, KnownRecord>();
  return sheets.map((s) => {
    const p = parseSheet(s, known);
    for (const [k, v] of knownRecordsOf(p.parsed)) known.set(k, v);
    return p;
  });
}
