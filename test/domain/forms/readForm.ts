// A form laid out as spec rows, read as a sheet (typed cells) or as a Word table (text only).
import type { DocumentModel } from '@/domain/document/types';
import type { ExtractResult } from '@/domain/extract/types';
import { extractForms } from '@/domain/forms';
import { specTable, type SpecRow } from '../../../scripts/fixtures/formModel';

export function readForm(rows: SpecRow[], typed: boolean): ExtractResult {
  const doc: DocumentModel = typed
    ? { format: 'xlsx', blocks: [specTable(rows, { sheet: 'Sheet1' })] }
    : { format: 'docx', blocks: [specTable(rows, { table: 1 })] };
  const r = extractForms(doc, typed ? 'form.xlsx' : 'form.docx');
  if (r === null) throw new Error('no form');
  return r;
}
