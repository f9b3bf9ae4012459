// Codes about a row: required values, rules across its fields, and rows against other rows.
import type { IssueSpec } from '@/domain/issues';

export const ROW_ISSUES = {
  /** A required field is empty. */
  required: { kind: 'kind', field: 'field' },
  /** A project row without a project name. */
  project_required: {},
  /**
   * A department row with a project name: the project is part of the key, and a department
   * record has none, so the rows of that department that leave it empty would not find this one.
   */
  project_on_department: { project: 'text' },
  /** An indicator's score above its weight. */
  score_above_weight: { score: 'score', weight: 'score' },
  /** A record's total score above the maximum. */
  score_range: { score: 'score', max: 'integer' },
  /** The row's key repeats the key of row `firstRow` of the same file. */
  duplicate_key: { kind: 'kindKey', firstRow: 'integer' },
  /** An indicator or fund row whose record is neither stored nor in this upload. */
  missing_record: { agency: 'text', year: 'integer', scope: 'scope', project: 'project' },
  /** Warning: a total row (合计, 小计 … in the issue's column, `value`), left out of the rows. */
  total_row_skipped: { value: 'text' },
  /** Warning: a note or signature under the table (注：…, 填表人：…), left out of the rows. */
  note_row_skipped: { value: 'text' },
} as const satisfies IssueSpec;

declare module '@/domain/issues' {
  interface IssueAreas {
    rows: typeof ROW_ISSUES;
  }
}
