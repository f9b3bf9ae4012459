// `extract`: from a file's bytes to the contract's ExtractResult. Picks the reader by format
// (workbooks here; .docx, .pdf and .txt through readers that are plugged in) and the extractor by
// layout: self-evaluation forms (src/domain/forms), else evaluation reports (extractReport).
import type { DocumentFormat, DocumentModel } from '@/domain/document/types';
import { isBlankTable } from '@/domain/document/grid';
import { extractForms, looksLikeForm, type FormOptions } from '@/domain/forms';
import { formRows } from '@/domain/forms/formRows';
import { workbookFormat } from '@/domain/workbook/format';
import { readWorkbook } from '@/domain/workbook/read';
import { sheetRef } from '@/domain/workbook/address';
import type { Workbook } from '@/domain/workbook/types';
import { workbookTables } from '@/domain/workbook/contractSheet';
import { emptyResult } from './result';
import type { ExtractIssue, ExtractResult } from './types';

export { emptyResult } from './result';

/** Reads a document format into the document model (the .docx, .pdf and .txt readers). */
export type DocumentReader = (bytes: Uint8Array, fileName: string) => Promise<DocumentModel>;

export interface ExtractOptions extends FormOptions {
  /** Readers of the formats that are not workbooks, by format. */
  readers?: Partial<Record<'docx' | 'pdf' | 'txt', DocumentReader>>;
}

function failed(file: string, format: string, error: ExtractIssue): ExtractResult {
  return { ...emptyResult(file, format), errors: [error] };
}

/**
 * Reports (绩效评价报告: .docx prose, .pdf, .txt): the figures, indicator tables and findings of a
 * report. Not written yet: the report extractor plugs in here.
 */
export function extractReport(doc: DocumentModel, fileName: string): ExtractResult {
  return failed(fileName, doc.format, { code: 'report_extractor_missing', params: { format: doc.format } });
}

/** The format of a file from its bytes (and, for .et and .txt, its name); null when none is known. */
export function documentFormat(bytes: Uint8Array, fileName: string): DocumentFormat | null {
  const workbook = workbookFormat(bytes, fileName);
  if (workbook !== null) return workbook;
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && /\.docx$/i.test(fileName)) return 'docx';
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return 'pdf';
  if (/\.txt$/i.test(fileName)) return 'txt';
  return null;
}

/** A document: its forms when it has any, else the report extractor. */
export function extractDocument(doc: DocumentModel, fileName: string, opts: FormOptions = {}): ExtractResult {
  return extractForms(doc, fileName, opts) ?? extractReport(doc, fileName);
}

/** The sheets of a workbook as a document, with warnings for the sheets that are not read as forms. */
export function workbookDocument(workbook: Workbook): { doc: DocumentModel; warnings: ExtractIssue[] } {
  const warnings: ExtractIssue[] = [];
  const blocks: DocumentModel['blocks'] = [];
  for (const sheet of workbook.sheets) {
    if (sheet.hidden) warnings.push({ code: 'sheet_hidden', params: { sheet: sheet.name }, location: sheet.name });
    else if (isBlankTable(sheet.table))
      warnings.push({ code: 'sheet_empty', params: { sheet: sheet.name }, location: sheet.name });
    else if (!looksLikeForm(formRows(sheet.table))) {
      warnings.push({ code: 'sheet_not_a_form', params: { sheet: sheet.name }, location: sheet.name });
    } else {
      blocks.push(sheet.table);
      for (const cell of sheet.uncachedFormulas) {
        warnings.push({ code: 'formula_without_value', params: { cell }, location: sheetRef(sheet.name, cell) });
      }
    }
  }
  return { doc: { format: workbook.format, blocks }, warnings };
}

async function extractWorkbook(bytes: Uint8Array, fileName: string, opts: FormOptions): Promise<ExtractResult> {
  const read = await readWorkbook(bytes, fileName);
  const format = workbookFormat(bytes, fileName) ?? 'xlsx';
  if (!read.ok) return failed(fileName, format, { code: read.code, params: read.params });
  const { doc, warnings } = workbookDocument(read.workbook);
  const forms = doc.blocks.length > 0 ? extractForms(doc, fileName, opts) : null;
  if (forms !== null) return { ...forms, warnings: [...warnings, ...forms.warnings] };
  // A workbook of the contract's tables is data to validate and import, not a form to extract.
  if (workbookTables(read.workbook).sheets.length > 0)
    return { ...emptyResult(fileName, format, 'contract_tables'), warnings };
  return { ...emptyResult(fileName, format), warnings, errors: [{ code: 'not_a_form', params: {} }] };
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
    return failed(fileName, ext, { code: 'unsupported_format', params: { format: ext === '' ? fileName : `.${ext}` } });
  }
  if (format === 'xlsx' || format === 'xls' || format === 'ods' || format === 'et')
    return extractWorkbook(bytes, fileName, opts);
  const reader = opts.readers?.[format];
  if (!reader) return failed(fileName, format, { code: 'document_reader_missing', params: { format } });
  return extractDocument(await reader(bytes, fileName), fileName, opts);
}
