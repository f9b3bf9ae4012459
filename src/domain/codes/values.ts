// Codes about one cell's value (values.ts). `value` is the cell as written, cut short.
import type { IssueSpec } from '@/domain/issues';

export const VALUE_ISSUES = {
  amount_invalid: { value: 'text' },
  amount_negative: { value: 'text' },
  percent_invalid: { value: 'text' },
  number_invalid: { value: 'text' },
  number_negative: { value: 'text' },
  integer_invalid: { value: 'text', min: 'integer', max: 'integer' },
  integer_range: { value: 'text', min: 'integer', max: 'integer' },
  scope_invalid: { value: 'text' },
  grade_invalid: { value: 'text' },
  category_invalid: { value: 'text' },
  /** An amount beyond any budget (more than `max` 万元): a unit or a typing slip, never a figure. */
  amount_range: { value: 'text', max: 'amount' },
  /** Warning: a percentage beyond ±`max` percent (an execution rate of 5000 %), read as written. */
  percent_range: { value: 'text', max: 'percent' },
  /** A weight or score beyond `max` points. */
  number_range: { value: 'text', max: 'score' },
  /** A control character inside a cell (`char` as U+XXXX): it could make two keys equal or hide text. */
  control_character: { value: 'text', char: 'text' },
  /** Warning: a minus sign other than `-` (U+2212 …), read as minus. */
  minus_sign: { value: 'text' },
  /**
   * Warning: a name (agency, project, indicator, fund item) held invisible characters, no-break or
   * repeated spaces, or full-width letters; it is stored as `normalized`, so that the same name
   * written two ways is one name. Given once per distinct cell, on the first row it appears.
   */
  name_normalized: { kind: 'kind', field: 'field', value: 'text', normalized: 'text' },
  /** A findings row's kind that is none of conclusion / problem / recommendation / experience / outcome. */
  finding_kind_invalid: { value: 'text' },
} as const satisfies IssueSpec;

declare module '@/domain/issues' {
  interface IssueAreas {
    values: typeof VALUE_ISSUES;
  }
}
