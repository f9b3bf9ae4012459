// Consistency checks of a record's own figures: warnings, not errors. Each names its row and column
// and carries the record key so it can be kept with the record after commit. The indicator scores'
// check, over many rows, is indicatorSums.ts.
import { executionRateExact, gradeFromScore, round2 } from './derive';
import { recordKey } from './keys';
import type { PerfRecord } from './types';
import type { Issue, IssueCode, ParamsOf } from './issues';

/** Amounts in the reports are written to 0.01 万元; sums of rounded parts may drift by a few of those. */
const AMOUNT_TOLERANCE = 0.015;
/** execution_rate may differ from expenditure ÷ budget by at most 0.1 percentage point. */
const RATE_TOLERANCE = 0.1;

/** Figures as the warning quotes them: to the cent (0.01 万元, 0.01 point), as the reports write them. */
const fig = round2;

export function recordWarnings(r: PerfRecord, row: number, columnOf: (field: string) => string | null): Issue[] {
  const out: Issue[] = [];
  const key = recordKey(r);
  const warn = <C extends IssueCode>(field: string, code: C, params: ParamsOf<C>): void => {
    out.push({ row, column: columnOf(field), code, params, recordKey: key } as Issue);
  };
  const exact = executionRateExact(r.budget, r.expenditure);
  // The epsilon keeps a difference of exactly 0.1 point (e.g. 96.8 against 96.9) from warning through float noise.
  if (exact !== null && r.execution_rate !== null && Math.abs(exact - r.execution_rate) > RATE_TOLERANCE + 1e-9) {
    warn('execution_rate', 'rate_mismatch', { rate: fig(r.execution_rate), computed: fig(exact) });
  }
  if (r.budget !== null && r.expenditure !== null && r.expenditure > r.budget + AMOUNT_TOLERANCE / 10) {
    warn('expenditure', 'over_budget', { expenditure: fig(r.expenditure), budget: fig(r.budget) });
  }
  if (r.budget !== null && r.budget_basic !== null && r.budget_project !== null) {
    const sum = r.budget_basic + r.budget_project;
    if (Math.abs(sum - r.budget) > AMOUNT_TOLERANCE) {
      warn('budget', 'budget_parts', { sum: fig(sum), budget: fig(r.budget) });
    }
  }
  if (r.expenditure !== null && r.expenditure_basic !== null && r.expenditure_project !== null) {
    const sum = r.expenditure_basic + r.expenditure_project;
    if (Math.abs(sum - r.expenditure) > AMOUNT_TOLERANCE) {
      warn('expenditure', 'expenditure_parts', { sum: fig(sum), expenditure: fig(r.expenditure) });
    }
  }
  const expected = gradeFromScore(r.score);
  if (expected !== null && r.grade !== null && r.grade !== expected) {
    warn('grade', 'grade_mismatch', { grade: r.grade, score: fig(r.score!), expected });
  }
  if (r.scope === 'project' && r.budget !== null && r.expenditure !== null && r.carryover !== null) {
    const left = r.budget - r.expenditure;
    if (Math.abs(left - r.carryover) > AMOUNT_TOLERANCE) {
      warn('carryover', 'carryover_mismatch', { left: fig(left), carryover: fig(r.carryover) });
    }
  }
  return out;
}
