// Reports for rule tests, written as text (one paragraph a line; tables as tab-led cell lines with
// a blank line after each row, as the seeds are), read with the .txt reader and extracted.
import { readTxt } from '@/domain/document/txt';
import type { DocumentModel } from '@/domain/document/types';
import type { ExtractResult } from '@/domain/extract/types';
import { extractReport } from '@/domain/report/extractReport';

export function txtDoc(text: string): DocumentModel {
  const r = readTxt(new TextEncoder().encode(text));
  if (!r.ok) throw new Error(r.error.code);
  return r.doc;
}

/** A table in the text layout: rows of cells. */
export function txtTable(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map((c) => `\t${c}`).join('\n') + '\n\n').join('');
}

export function extract(text: string, name = 'test.txt'): ExtractResult {
  return extractReport(txtDoc(text), name);
}

/** The evidence of one value. */
export function evidenceOf(
  r: ExtractResult,
  kind: keyof Pick<ExtractResult, 'records' | 'indicators' | 'funds' | 'findings'>,
  index: number,
  field: string,
) {
  return r.evidence.find((e) => e.kind === kind && e.index === index && e.field === field);
}
