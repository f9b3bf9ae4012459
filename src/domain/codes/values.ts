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
  /** A findings row's kind that is none of conclusion / problem / recommendation / experience / outcome. */
  finding_kind_invalid: { value: 'text' },
} as const satisfies IssueSpec;

declare module '@/domain/issues' {
  interface IssueAreas {
    values: typeof VALUE_ISSUES;
  }
}
