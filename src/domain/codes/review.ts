// Codes of the review of an extracted file (a report, a form) before it is committed: the
// analyst's corrections that cannot be applied.
import type { IssueSpec } from '@/domain/issues';

export const REVIEW_ISSUES = {
  /** A correction names a row or a field the extraction does not have. */
  edit_unknown: { kind: 'kind', field: 'field' },
} as const satisfies IssueSpec;

declare module '@/domain/issues' {
  interface IssueAreas {
    review: typeof REVIEW_ISSUES;
  }
}
