// `extract`: from a file's bytes to the contract's ExtractResult. Picks the reader by format
// (workbooks here; .docx, .pdf and .txt through the document readers, or readers passed in) and
// the extractor by layout: self-evaluation forms (src/domain/forms), else evaluation reports
// (src/domain/report).
import { readDocumentAs, reportFormatOf, type ReportFormat } from '@/domain/document/read';
import type { PdfOptions } from '@/domain/document/pdf';
import type { ReadResult } from '@/domain/document/readResult';
import type { DocumentFormat, DocumentModel } from '@/domain/document/types';
import { extractReport } from '@/domain/report/extractReport';
import { isReportTitle } from '@/domain/report/identity';
import { isBlankTable } from '@/domain/document/grid';
import { extractForms, looksLikeForm, type FormOptions } from '@/domain/forms';
import { formRows } from '@/domain/forms/formRows';
import { workbookFormat } from '@/domain/workbook/format';
import { readWorkbook } from '@/domain/workbook/read';
import { sheetRef } from '@/domain/workbook/address';
import type { Workbook, WorkbookSheet } from '@/domain/workbook/types';
import { sheetTable } from '@/domain/workbook/sheetTable';
import { IssueError, problem, type Problem } from '@/domain/issues';
import { workbookTables } from '@/domain/workbook/contractSheet';
import { misnamedContent } from '@/domain/fileContent';
import { emptyResult } from './result';
import type { ExtractIssue, ExtractResult } from './types';

export { emptyResult } from './result';

/** Reads a document format into the document model, or says why it cannot (the .docx, .pdf and .txt readers). */
export type DocumentReader = (bytes: Uint8Array, fileName: string) => Promise<ReadResult>;

export interface ExtractOptions extends FormOptions {
  /** Readers of the formats that are not workbooks, by format, instead of src/domain/document's. */
  readers?: Partial<Record<ReportFormat, DocumentReader>>;
  /** Where pdf.js finds its CMaps (the app ships them; in Node, pdfjs-dist's own folder). */
  pdf?: PdfOptions;
}

function failed(file: string, format: string, error: Problem): ExtractResult {
  return { ...emptyResult(file, format), errors: [{ code: error.code, params: error.params } as ExtractIssue] };
}

export { extractReport };

/** The format of a file from its bytes (and, for .et, .docx and .txt, its name); null when none is known. */
export function documentFormat(bytes: Uint8Array, fileName: string): DocumentFormat | null {
  return workbookFormat(bytes, fileName) ?? reportFormatOf(bytes, fileName);
}

/** Paragraphs looked at for a report's title: a cover may put the agency and the date above it. */
const TITLE_PARAGRAPHS = 6;

/**
 * Whether the document opens as a report (its title is a 绩效评价报告's, 自评报告's …): a report's
 * tables (a basic-information table, an indicator table laid out like a form's) are then read as
 * the report's, not taken for a self-evaluation form.
 */
function opensAsReport(doc: DocumentModel): boolean {
  const first = doc.blocks.filter((b) => b.type === 'paragraph').slice(0, TITLE_PARAGRAPHS);
  return first.some((p) => isReportTitle(p.text));
}

/** A document: a report when it opens as one; else its forms when it has any; else the report extractor. */
export function extractDocument(doc: DocumentModel, fileName: string, opts: FormOptions = {}): ExtractResult {
  if (!opensAsReport(doc)) {
    const forms = extractForms(doc, fileName, opts);
    if (forms !== null) return forms;
  }
  return extractReport(doc, fileName, opts);
}

/** A sheet of more cells than this is data, not a form someone fills in: it is not read as one. */
export const FORM_MAX_CELLS = 200_000;

/**
 * The sheet as a table, or null when it is too big to be a form (or its reader refuses it). A
 * damaged file is no sheet that is not a form: that is thrown on (workbook_damaged).
 */
async function formTable(sheet: WorkbookSheet) {
  try {
    return await sheetTable(sheet, FORM_MAX_CELLS);
  } catch (e) {
    if (e instanceof IssueError && e.problem.code !== 'workbook_damaged') return null;
    throw e;
  }
}

/** The sheets of a workbook as a document, with warnings for the sheets that are not read as forms. */
export async function workbookDocument(workbook: Workbook): Promise<{ doc: DocumentModel; warnings: ExtractIssue[] }> {
  const warnings: ExtractIssue[] = [];
  const blocks: DocumentModel['blocks'] = [];
  const skip = (code: 'sheet_hidden' | 'sheet_empty' | 'sheet_not_a_form', sheet: string) =>
    warnings.push({ ...problem(code, { sheet }), location: sheet });
  for (const sheet of workbook.sheets) {
    if (sheet.hidden) {
      skip('sheet_hidden', sheet.name);
      continue;
    }
    const read = await formTable(sheet);
    if (read === null) skip('sheet_not_a_form', sheet.name);
    else if (isBlankTable(read.table)) skip('sheet_empty', sheet.name);
    else if (!looksLikeForm(formRows(read.table))) skip('sheet_not_a_form', sheet.name);
    else {
      blocks.push(read.table);
      for (const cell of read.uncachedFormulas) {
        warnings.push({ ...problem('formula_without_value', { cell }), location: sheetRef(sheet.name, cell) });
      }
    }
  }
  return { doc: { format: workbook.format, blocks }, warnings };
}

/**
 * The forms of a workbook already read; null when it holds none (a workbook of the contract's
 * tables, or neither): `warnings` then names the sheets that are no form.
 */
export async function workbookForms(
  workbook: Workbook,
  fileName: string,
  opts: FormOptions = {},
): Promise<{ result: ExtractResult | null; warnings: ExtractIssue[] }> {
  const { doc, warnings } = await workbookDocument(workbook);
  const forms = doc.blocks.length > 0 ? extractForms(doc, fileName, opts) : null;
  if (forms === null) return { result: null, warnings };
  return { result: { ...forms, warnings: [...warnings, ...forms.warnings] }, warnings };
}

async function extractWorkbook(bytes: Uint8Array, fileName: string, opts: FormOptions): Promise<ExtractResult> {
  const read = await readWorkbook(bytes, fileName);
  const format = workbookFormat(bytes, fileName) ?? 'xlsx';
  if (!read.ok) return failed(fileName, format, read);
  try {
    return await extractSheets(read.workbook, fileName, format, opts);
  } catch (e) {
    // A sheet that cannot be read (a damaged part, too many cells) fails the file, said why.
    if (e instanceof IssueError) return failed(fileName, format, e.problem);
    throw e;
  }
}

async function extractSheets(
  workbook: Workbook,
  fileName: string,
  format: string,
  opts: FormOptions,
): Promise<ExtractResult> {
  const { result, warnings } = await workbookForms(workbook, fileName, opts);
  if (result !== null) return result;
  // A workbook of the contract's tables is data to validate and import, not a form to extract.
  if ((await workbookTables(workbook)).sheets.length > 0)
    return { ...emptyResult(fileName, format, 'contract_tables'), warnings };
  return { ...emptyResult(fileName, format), warnings, errors: [problem('not_a_form', {})] };
}

/** Extracts what one file holds. Never throws for a bad file: what went wrong is in `errors`. */
export async function extractFile(
  bytes: Uint8Array,
  fileName: string,
  opts: ExtractOptions = {},
): Promise<ExtractResult> {
  const format = documentFormat(bytes, fileName);
  if (format === null) {
    const ext = /\.([^./\\]+)$/.exec(fileName)?.[1] ?? '';
    // An empty file, or a text file renamed .xlsx, is said to be so: its format is no mystery.
    const misnamed = misnamedContent(bytes, fileName);
    if (misnamed !== null) return failed(fileName, ext, misnamed);
    return failed(fileName, ext, problem('unsupported_format', { format: ext === '' ? fileName : `.${ext}` }));
  }
  if (format === 'xlsx' || format === 'xls' || format === 'ods' || format === 'et')
    return extractWorkbook(bytes, fileName, opts);
  const reader = opts.readers?.[format];
  const read = reader ? await reader(bytes, fileName) : await readDocumentAs(format, bytes, opts.pdf);
  if (!read.ok) return failed(fileName, format, read.error);
  return extractDocument(read.doc, fileName, opts);
}
