// What a reader gives: the document model, or why the file cannot be read, as a code of the issue
// registry (src/domain/codes/document.ts) with its parameters. A reader never throws for a bad file.
import '@/domain/codes/document';
import { problem, type IssueCode, type ParamsOf, type Problem } from '@/domain/issues';
import type { DocumentModel } from './types';

export type ReadResult = { ok: true; doc: DocumentModel } | { ok: false; error: Problem };

export function readFailure<C extends IssueCode>(code: C, params: ParamsOf<C>): ReadResult {
  return { ok: false, error: problem(code, params) };
}
