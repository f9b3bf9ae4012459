// Forms in a document: each workbook sheet or Word table is split into the forms it holds (one
// per sheet, several stacked in one sheet, or a form continued over two Word tables), each form
// read by extractForm, and the results put together as the contract's ExtractResult for the file.
import type { DocumentModel, Table } from '@/domain/document/types';
import { isBlankTable } from '@/domain/document/grid';
import { emptyResult } from '@/domain/extract/result';
import type { ExtractIssue, ExtractResult } from '@/domain/extract/types';
import { fillEvidenceColumn } from '@/domain/extract/fillEvidence';
import { extractForm, looksLikeForm, type FormRead } from './extractForm';
import { formRows, type FormRow } from './formRows';
import { labelKey, META_LABELS, INDICATOR_COLUMNS, titleScope } from './labels';
import type { FormParagraph } from './metaFacts';

export { extractForm, looksLikeForm, EXECUTION_INDICATOR } from './extractForm';
export type { FormContext, FormRead } from './extractForm';

export interface FormOptions {
  /** The year the analyst gave for the upload (`--year`), for forms and reports that state none. */
  year?: number;
}

interface FormPart {
  rows: FormRow[];
  paragraphs: FormParagraph[];
  /** Where the form stands, for its source and for issues that point nowhere more precise. */
  where: string;
}

/** Splits a table's rows where a new form starts: a title row, or a second 项目名称 after an indicator table. */
export function splitForms(table: Table): FormRow[][] {
  const rows = formRows(table);
  const out: FormRow[][] = [];
  let current: FormRow[] = [];
  let seenIndicators = false;
  let seenName = false;
  for (const row of rows) {
    const keys = row.cells.map((c) => labelKey(c.text).key);
    const title = row.cells.some((c) => titleScope(c.text) !== null);
    const names = keys.some((k) => {
      const m = META_LABELS.get(k);
      return m === 'project' || m === 'department';
    });
    const startsNew =
      (title && current.some((r) => r.cells.some((c) => c.text.trim() !== ''))) ||
      (names && seenIndicators && seenName);
    if (startsNew) {
      out.push(current);
      current = [];
      seenIndicators = false;
      seenName = false;
    }
    current.push(row);
    if (keys.some((k) => INDICATOR_COLUMNS.get(k) === 'level1' || INDICATOR_COLUMNS.get(k) === 'name'))
      seenIndicators = true;
    if (names) seenName = true;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** The form parts of a document, in reading order. */
function formParts(doc: DocumentModel): FormPart[] {
  const parts: FormPart[] = [];
  let paragraphs: FormParagraph[] = [];
  for (const block of doc.blocks) {
    if (block.type === 'paragraph') {
      if (block.text.trim() !== '') {
        const location = block.at.paragraph !== undefined ? `第${block.at.paragraph}段` : '';
        paragraphs = [...paragraphs, { text: block.text, location }].slice(-4);
      }
      continue;
    }
    if (isBlankTable(block)) continue;
    const where = block.at.sheet ?? `表${block.at.table ?? parts.length + 1}`;
    splitForms(block).forEach((rows, k) => {
      const context = k === 0 ? paragraphs : [];
      const previous = parts.at(-1);
      // A Word form may continue in a second table (its indicator table after the funds table).
      if (previous && block.at.sheet === undefined && !looksLikeForm(rows, context)) {
        previous.rows.push(...rows);
        return;
      }
      parts.push({ rows, paragraphs: context, where: k === 0 ? where : `${where} #${k + 1}` });
    });
    paragraphs = [];
  }
  return parts;
}

function withWhere(issues: readonly ExtractIssue[], where: string): ExtractIssue[] {
  return issues.map((i) => (i.location === undefined ? { ...i, location: where } : i));
}

/** The forms of a document as one ExtractResult, or null when it holds no form. */
export function extractForms(doc: DocumentModel, fileName: string, opts: FormOptions = {}): ExtractResult | null {
  const parts = formParts(doc).filter((p) => looksLikeForm(p.rows, p.paragraphs));
  if (parts.length === 0) return null;
  const several = parts.length > 1;
  const reads: { read: FormRead; where: string }[] = parts.map((p) => ({
    where: p.where,
    read: extractForm(p.rows, {
      fileName,
      source: several ? `${fileName} ${p.where}` : fileName,
      paragraphs: p.paragraphs,
      year: opts.year,
    }),
  }));
  const result = emptyResult(fileName, doc.format, reads[0]!.read.layout);
  for (const { read, where } of reads) {
    result.errors.push(...withWhere(read.errors, where));
    result.warnings.push(...withWhere(read.warnings, where));
    if (read.errors.length > 0 || read.record === null) continue;
    const offset = {
      records: result.records.length,
      indicators: result.indicators.length,
      funds: result.funds.length,
      findings: result.findings.length,
    };
    result.records.push(read.record);
    result.indicators.push(...read.indicators);
    result.funds.push(...read.funds);
    result.findings.push(...read.findings);
    for (const e of read.evidence) result.evidence.push({ ...e, index: e.index + offset[e.kind] });
    // Issues about a row point at its index in the file's rows.
    const n = result.warnings.length - read.warnings.length;
    for (let i = n; i < result.warnings.length; i++) {
      const w = result.warnings[i]!;
      if (w.kind !== undefined && w.index !== undefined) result.warnings[i] = { ...w, index: w.index + offset[w.kind] };
    }
  }
  fillEvidenceColumn(result);
  return result;
}
