// Codes of self-evaluation forms (src/domain/forms) and of the extract dispatcher: a file that
// gives no record (errors), and what a careful reader of a form points out (warnings at a cell).
import type { IssueSpec } from '@/domain/issues';

export const FORM_ISSUES = {
  /** No funds block and no indicator table: not a self-evaluation form. */
  not_a_form: {},
  form_agency_missing: {},
  form_project_missing: {},
  /** The form states no year and none was given for the upload. */
  form_year_missing: {},
  /** A file format no reader reads (`format`: its extension, or its name). */
  unsupported_format: { format: 'text' },
  /** The 年度资金总额 line reads 0 in `column` while its sub-lines hold `sum`: the sum is taken. */
  fund_total_zero: { column: 'text', sum: 'amount' },
  fund_total_blank: { column: 'text', sum: 'amount' },
  fund_total_mismatch: { column: 'text', total: 'amount', sum: 'amount' },
  /** A stated 执行率 that is not 执行数 ÷ 预算数. */
  execution_rate_mismatch: { item: 'text', stated: 'percent', computed: 'percent' },
  /** A 执行率 written as a fraction without % (`stated`, e.g. 0.9692), read as `read` percent. */
  execution_rate_fraction: { item: 'text', stated: 'text', read: 'percent' },
  score_sum_mismatch: { sum: 'score', total: 'score' },
  weight_sum_mismatch: { sum: 'score', total: 'score' },
  /** A form's indicator (or funds line) scored above its 分值 (at import, the rows' error score_above_weight). */
  form_score_above_weight: { item: 'text', score: 'score', weight: 'score' },
  self_score_differs: { stated: 'score', total: 'score' },
  /**
   * The form states two amount units (`unit`, nearest the funds block, is used; `other` is the
   * farther statement, where the issue points).
   */
  amount_unit_conflict: { unit: 'text', other: 'text' },
  /**
   * A value of the funds block or the indicator table under a header (`header`, as written) that
   * names no column the reader knows, or a second value under one column: not read.
   */
  form_cell_unplaced: { text: 'text', header: 'text' },
  /** A value of the funds block or the indicator table in a column without a header: not read. */
  form_cell_unheaded: { text: 'text' },
  /** A figure's cell whose text is no number: read as empty. */
  value_unreadable: { text: 'text', item: 'text' },
  /** A findings cell that still holds the form's instructions. */
  template_hint: { label: 'text' },
  /** The form states no year: the year given for the upload is used. */
  year_from_upload: { year: 'integer' },
  /** The form states `stated`, the upload was given `given`: the form's year is used. */
  form_year_differs: { stated: 'integer', given: 'integer' },
  no_indicator_table: {},
  no_funds_block: {},
  indicator_levels_missing: {},
  sheet_not_a_form: { sheet: 'text' },
  /** A row of a form that repeats another one (`first`: the other form's file, or the first row's cell). */
  form_duplicate: { kind: 'kindKey', first: 'text' },
} as const satisfies IssueSpec;

declare module '@/domain/issues' {
  interface IssueAreas {
    forms: typeof FORM_ISSUES;
  }
}
