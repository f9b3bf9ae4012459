// Consistency warnings of the contract (consistency.ts): figures that do not agree.
import type { IssueSpec } from '@/domain/issues';

export const CONSISTENCY_ISSUES = {
  /** execution_rate against expenditure ÷ budget. */
  rate_mismatch: { rate: 'percent', computed: 'percent' },
  over_budget: { expenditure: 'amount', budget: 'amount' },
  /** budget_basic + budget_project against budget. */
  budget_parts: { sum: 'amount', budget: 'amount' },
  /** expenditure_basic + expenditure_project against expenditure. */
  expenditure_parts: { sum: 'amount', expenditure: 'amount' },
  /** The grade written against the grade of the score. */
  grade_mismatch: { grade: 'grade', score: 'score', expected: 'grade' },
  /** budget − expenditure against carryover (project records). */
  carryover_mismatch: { left: 'amount', carryover: 'amount' },
  /** Level-3 scores against their level-2 score. */
  level2_sum: { sum: 'score', score: 'score' },
  /** Lower-level scores against the level-1 score of `level1`. */
  level1_sum: { level1: 'text', sum: 'score', score: 'score' },
  /** All indicator scores against the record's total score. */
  total_sum: { sum: 'score', score: 'score' },
} as const satisfies IssueSpec;

declare module '@/domain/issues' {
  interface IssueAreas {
    consistency: typeof CONSISTENCY_ISSUES;
  }
}
