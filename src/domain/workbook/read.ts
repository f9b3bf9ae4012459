// Bytes → a workbook whose sheets are read row by row (types.ts). `.xlsx` is read by this
// module's own reader (zip.ts, xlsxPackage.ts, xlsxSheet.ts): a sheet is inflated as a stream and
// its rows scanned as they come, so a big sheet never exists whole, in memory or as cell objects. `.xls`,
// `.et`, `.ods` and `.xlsb` go to SheetJS (sheetjsReader.ts). Never throws for bad bytes.
import { NotXlsx, readXlsxPackage, type XlsxPackage } from './xlsxPackage';
import { SheetScanner, type SheetContext } from './xlsxSheet';
import { streamEntry, ZipDamaged } from './zip';
import { workbookFormat } from './format';
import { isSimpleFormat, NumberText } from './numberText';
import { loadSheetJS } from './sheetjs';
import { readWithSheetJS } from './sheetjsReader';
import { IssueError, problem } from '@/domain/issues';
import type { ReadSheetOptions, ReadWorkbookResult, RowVisitor, SheetScan, WorkbookSheet } from './types';

/** Cells a workbook may hold; past this it is refused (the rows read are kept as text until committed). */
export const MAX_WORKBOOK_CELLS = 6_000_000;

function xlsxSheets(bytes: Uint8Array, pkg: XlsxPackage, ctx: SheetContext): WorkbookSheet[] {
  return pkg.sheets.map((entry) => ({
    name: entry.name,
    hidden: entry.hidden,
    async read(visit: RowVisitor, opts: ReadSheetOptions = {}): Promise<SheetScan> {
      const scanner = new SheetScanner(ctx, visit);
      if (entry.zip !== null) {
        try {
          await streamEntry(
            bytes,
            entry.zip,
            (piece) => scanner.push(piece),
            opts.onProgress,
            () => scanner.stopped,
          );
        } catch (e) {
          if (e instanceof IssueError) throw e;
          if (e instanceof ZipDamaged) throw new IssueError(problem('workbook_damaged', { part: e.entry }));
          const detail = e instanceof Error ? e.message : String(e);
          throw new IssueError(problem('workbook_unreadable', { detail: detail.slice(0, 200) }));
        }
      }
      scanner.end();
      return { merges: scanner.merges, uncachedFormulas: scanner.uncachedFormulas };
    },
  }));
}

async function readXlsx(bytes: Uint8Array, maxCells: number): Promise<ReadWorkbookResult | null> {
  let pkg: XlsxPackage;
  try {
    pkg = readXlsxPackage(bytes);
  } catch (e) {
    if (e instanceof NotXlsx) return null;
    if (e instanceof ZipDamaged) return { ok: false, code: 'workbook_damaged', params: { part: e.entry } };
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, code: 'workbook_unreadable', params: { detail: detail.slice(0, 200) } };
  }
  // Formats other than General, 0.00, 0.00% and their like are written by SheetJS's SSF.
  const ssf = pkg.styleFormats.every(isSimpleFormat) ? null : (await loadSheetJS()).SSF;
  const ctx: SheetContext = {
    sharedStrings: pkg.sharedStrings,
    styleFormats: pkg.styleFormats,
    date1904: pkg.date1904,
    numbers: new NumberText(ssf),
    maxCells,
  };
  return { ok: true, workbook: { format: 'xlsx', sheets: xlsxSheets(bytes, pkg, ctx) } };
}

/** Reads a workbook (.xlsx, .xls, .ods, WPS .et) into its sheets; never throws for bad bytes. */
export async function readWorkbook(
  bytes: Uint8Array,
  fileName: string,
  maxCells = MAX_WORKBOOK_CELLS,
): Promise<ReadWorkbookResult> {
  const format = workbookFormat(bytes, fileName);
  if (format === null) return { ok: false, code: 'not_a_workbook', params: {} };
  if (format === 'xlsx') {
    const read = await readXlsx(bytes, maxCells);
    if (read !== null) return read;
  }
  return readWithSheetJS(bytes, format, maxCells);
}
