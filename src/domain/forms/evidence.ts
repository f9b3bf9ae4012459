// Building the evidence and issues of one form as it is read: every value stored gets the text
// it was read from and where that text stands.
import type { TableCell } from '@/domain/document/types';
import type { EvidenceItem, ExtractedKind, ExtractIssue, ExtractWhere } from '@/domain/extract/types';
import { problem, type IssueCode, type ParamsOf } from '@/domain/issues';
import { cellLocation, type FormRow } from './formRows';

export class FormLog {
  readonly evidence: EvidenceItem[] = [];
  readonly warnings: ExtractIssue[] = [];
  readonly errors: ExtractIssue[] = [];

  /** Evidence that `kind[index].field` was read from `cell` (in `row`, under column `label`). */
  read(kind: ExtractedKind, index: number, field: string, row: FormRow, cell: TableCell, label: string): EvidenceItem {
    const item: EvidenceItem = {
      kind,
      index,
      field,
      text: cell.text.trim(),
      location: cellLocation(row.table, cell, label),
      how: 'read',
    };
    this.evidence.push(item);
    return item;
  }

  /** Evidence of a value worked out from others: `text` and `location` are those of the figure it rests on. */
  derived(kind: ExtractedKind, index: number, field: string, text: string, location: string): EvidenceItem {
    const item: EvidenceItem = { kind, index, field, text, location, how: 'derived' };
    this.evidence.push(item);
    return item;
  }

  warn<C extends IssueCode>(code: C, params: ParamsOf<C>, at?: ExtractWhere): void {
    this.warnings.push({ ...problem(code, params), ...at });
  }

  error<C extends IssueCode>(code: C, params: ParamsOf<C>, at?: ExtractWhere): void {
    this.errors.push({ ...problem(code, params), ...at });
  }
}
