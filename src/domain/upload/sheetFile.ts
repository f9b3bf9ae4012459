// A workbook's contract sheet through the CSV pipeline's own FileSession: the same header mapping,
// row reader, consistency, duplicate and reference checks as a CSV file, and every issue placed at
// its sheet cell (`记录!C7`, the header as written).
import { FileSession, type KnownRecord } from '@/domain/fileSession';
import { sha256Hex } from '@/domain/hash';
import { sortIssues } from '@/domain/issueList';
import { quoteCell, type Issue } from '@/domain/issues';
import { ParseCancelled } from '@/domain/parseFile';
import { nextTask } from '@/domain/steps';
import type { ParsedFile } from '@/domain/types';
import { sheetIssue, type ContractSheet } from '@/domain/workbook/contractSheet';
import type { WorkbookFormat } from '@/domain/workbook/types';

/** Rows fed to the session between two looks at the event loop (a cancel, progress). */
const ROWS_PER_TURN = 5000;

export interface SheetFileBase {
  fileName: string;
  format: WorkbookFormat;
  /** SHA-256 of the workbook's bytes. */
  workbookSha: string;
  byteLength: number;
}

/** A sheet's batch is known by its workbook, its name and its kind: the same workbook again is the same batch. */
export async function sheetSha(workbookSha: string, sheet: string, kind: string): Promise<string> {
  return sha256Hex(new TextEncoder().encode(`${workbookSha}\n${sheet}\n${kind}`));
}

function placed(issues: readonly Issue[], t: ContractSheet): Issue[] {
  return issues.map((i) => {
    // An issue names its column as quoteCell writes the header (cut short, hidden characters
    // shown); a column with no header, by its position.
    const index =
      i.code === 'column_without_header'
        ? i.params.position - 1
        : i.column === null
          ? -1
          : t.headerCells.findIndex((c) => quoteCell(c) === i.column);
    return sheetIssue(i, t.sheet, index < 0 ? null : index + 1, t.headerCells);
  });
}

/** Reads one contract sheet as a batch. `extra` are warnings about the workbook to keep with it. */
export async function parseSheetFile(
  t: ContractSheet,
  base: SheetFileBase,
  opts: {
    knownRecords: ReadonlyMap<string, KnownRecord>;
    signal?: AbortSignal;
    onProgress?(fraction: number): void;
    extra?: readonly Issue[];
  },
): Promise<ParsedFile> {
  const session = new FileSession({ knownRecords: opts.knownRecords, subHeaders: t.subHeaders ?? undefined });
  session.linesAbove(t.above);
  session.record(t.headerCells, t.headerRow);
  for (let i = 0; i < t.rows.length; i++) {
    const r = t.rows[i]!;
    session.record(r.cells, r.row);
    if ((i + 1) % ROWS_PER_TURN === 0) {
      opts.onProgress?.(i / t.rows.length);
      await nextTask();
      if (opts.signal?.aborted) throw new ParseCancelled();
    }
  }
  const done = session.finish(null);
  const errors = placed(done.errors ?? [], t);
  const ours = [...(opts.extra ?? []), ...t.warnings];
  const warnings = sortIssues([...ours, ...placed(done.warnings ?? [], t)]);
  return {
    fileName: base.fileName,
    kind: done.kind ?? null,
    encoding: null,
    delimiter: null,
    rows: done.rows ?? 0,
    headers: done.headers ?? [],
    errors,
    errorCount: done.errorCount ?? errors.length,
    warnings,
    warningCount: (done.warningCount ?? 0) + ours.length,
    chunks: done.chunks ?? [],
    sha256: await sheetSha(base.workbookSha, t.sheet, t.kind),
    byteLength: base.byteLength,
    source: { type: 'sheet', format: base.format, sheet: t.sheet },
  };
}
