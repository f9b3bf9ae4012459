// Running a workbook's contract sheets through the CSV pipeline's own session (header mapping,
// row reader, checks), as phase 2's import will: what the adapter hands over is exactly what
// the pipeline reads.
import { chunksToRows } from '@/domain/columns';
import { FileSession, type KnownRecord } from '@/domain/fileSession';
import { knownRecordsOf } from '@/domain/parseFile';
import type { Table } from '@/domain/document/types';
import type { ContractSheet } from '@/domain/workbook/contractSheet';
import { sheetTable } from '@/domain/workbook/sheetTable';
import type { CellRange, SheetCell, Workbook, WorkbookSheet } from '@/domain/workbook/types';
import type { Issue, Kind, ParsedFile, RowOf } from '@/domain/types';

/** A document-model table as a workbook sheet (what a reader would visit), for tests of what reads sheets. */
export function tableSheet(name: string, table: Table, hidden = false, uncachedFormulas: string[] = []): WorkbookSheet {
  const merges: CellRange[] = [];
  for (const line of table.grid)
    for (const c of line)
      if (c && (c.rowSpan > 1 || c.colSpan > 1))
        merges.push({ top: c.row, left: c.col, bottom: c.row + c.rowSpan - 1, right: c.col + c.colSpan - 1 });
  return {
    name,
    hidden,
    async read(visit) {
      for (let r = 0; r < table.grid.length; r++) {
        const line = table.grid[r]!;
        const cells: (SheetCell | undefined)[] = line.map((c) =>
          c && (c.text !== '' || c.value !== null)
            ? { text: c.text, value: c.value ?? null, format: c.format }
            : undefined,
        );
        let width = cells.length;
        while (width > 0 && cells[width - 1] === undefined) width--;
        if (width > 0 && visit(r + 1, cells, width) === false) break;
      }
      return { merges, uncachedFormulas };
    },
  };
}

/** The table of a workbook's sheet (its reader's rows as the document model). */
export async function tableOf(wb: Workbook, index: number): Promise<Table> {
  return (await sheetTable(wb.sheets[index]!))!.table;
}

export interface SheetParse {
  kind: Kind | null;
  rows: RowOf[Kind][];
  errors: Issue[];
  warnings: Issue[];
  parsed: ParsedFile;
}

export function parseSheet(sheet: ContractSheet, knownRecords?: ReadonlyMap<string, KnownRecord>): SheetParse {
  const session = new FileSession({ knownRecords, subHeaders: sheet.subHeaders ?? undefined });
  session.linesAbove(sheet.above);
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
