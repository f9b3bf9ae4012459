// Codes of report extraction (src/domain/report): what a careful reader of the report would point
// out. The figures are still read; each warning names what the analyst should look at. `kept`
// and `other` are values as the report states them (a figure, a grade), `otherLocation` where the
// other one stands (第115段, 表2 第3行 …).
import type { IssueSpec } from '@/domain/issues';

export const REPORT_ISSUES = {
  /** The report states `field` twice with different values; `kept` is the one its own arithmetic supports. */
  figure_disputed: { field: 'field', kept: 'text', other: 'text', otherLocation: 'text' },
  /** As figure_disputed, but the arithmetic decides nothing: `kept` is stated more often. */
  figure_disputed_repeated: { field: 'field', kept: 'text', other: 'text', otherLocation: 'text' },
  /** As figure_disputed, but neither arithmetic nor repetition decides: `kept` is stated first. */
  figure_disputed_first: { field: 'field', kept: 'text', other: 'text', otherLocation: 'text' },
  /** A fund source's amount stated twice (其中财政资金75.50 / 75.05万元): the one its total supports is kept. */
  fund_figure_disputed: { item: 'text', kept: 'text', other: 'text', otherLocation: 'text' },
  /** A stated rate the report's own figures (`from`) contradict: `computed` is kept, the stated one disputed. */
  stated_rate_contradicted: { field: 'field', stated: 'percent', computed: 'percent', from: 'fields' },
  /** A sentence states an execution rate next to a budget it does not hold on; it holds on `holdsOn`. */
  rate_on_other_budget: {
    rate: 'percent',
    budget: 'amount',
    expenditure: 'amount',
    computed: 'percent',
    holdsOn: 'amount',
  },
  /** An indicator's stated score rate is not its score ÷ weight. */
  score_rate_mismatch: { stated: 'percent', score: 'score', weight: 'score', computed: 'percent' },
  /** The fund sources stated as parts of `field` do not add up to it. */
  parts_sum_mismatch: { field: 'field', sum: 'amount', total: 'amount' },
  /** A heading names level-1 indicator `heading`, but its items (`level2`) belong to `level1`, which is used. */
  level1_heading_mismatch: { heading: 'text', level2: 'text', level1: 'text' },
  /** A labelled figure or a table's figure cell whose digits cannot be read for sure (`预算数100，90万元`, `1,2812.8`: commas that group no thousands); not read. */
  figure_unclear: { text: 'text' },
  /**
   * A labelled figure or a table's figure cell written as letter-spaced digits that could not be
   * joined for sure (`得分9 6 5 0`: one number or two); not read.
   */
  figure_spaced: { text: 'text' },
  /** A paragraph of a findings section of several kinds (`section`, e.g. 存在的问题及建议) that no lead-in says is a problem or a recommendation: not read. */
  finding_kind_unclear: { section: 'text' },
  /** A line of table cells with figures (`text`) that could not be read as a table's row (its cells not under their columns for sure): not read. */
  table_row_unread: { text: 'text' },
  /**
   * A merged cell of a PDF table (a 一级指标 over several rows) whose rows cannot be told for sure,
   * at table row `row` on page `page`, under `column` (its header as written, or its number): its
   * text put in the row above where it stands, or a row under the header left without its level.
   */
  merged_cell_unplaced: { page: 'integer', row: 'integer', column: 'text' },
  /** No agency could be identified in the report's title or text (an error: that part gives no rows). */
  agency_not_found: {},
  /** The agency is not in the registry; stored as written. */
  agency_unknown: { agency: 'text' },
  /** No fiscal year could be identified for the record (an error: that part gives no rows, never year 0). */
  year_not_found: {},
  /** The report states no year for the record: the year given for it (`--year`, the upload's year) is used. */
  report_year_given: { year: 'integer' },
  /** The report states `stated` while `given` was given for it: the report's year is kept. */
  report_year_differs: { stated: 'integer', given: 'integer' },
  /** The same indicator appears twice; the second is kept apart as `renamed`. */
  indicator_repeated: { name: 'text', renamed: 'text' },
  /** The document does not read as an evaluation report (no report title, no words of an evaluation): nothing is extracted. */
  not_a_report: {},
  /** Nothing that looks like an evaluation report's figures was found. */
  nothing_found: {},
} as const satisfies IssueSpec;

declare module '@/domain/issues' {
  interface IssueAreas {
    report: typeof REPORT_ISSUES;
  }
}
