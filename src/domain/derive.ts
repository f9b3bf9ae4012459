// Values the app derives when a file leaves them out (contract: execution_rate, grade).
import type { Grade } from './types';

/** Grade bands of the evaluation rules: ≥90 优, ≥80 良, ≥60 中, else 差. */
export function gradeFromScore(score: number | null): Grade | null {
  if (score === null || Number.isNaN(score)) return null;
  if (score >= 90) return '优';
  if (score >= 80) return '良';
  if (score >= 60) return '中';
  return '差';
}

/** Rounds to two decimals, as the reports write percentages and amounts. */
export function round2(x: number): number {
  return Math.round((x + Number.EPSILON) * 100) / 100;
}

/** Expenditure ÷ budget in percent points, unrounded; null when either is missing or budget is 0. */
export function executionRateExact(budget: number | null, expenditure: number | null): number | null {
  if (budget === null || expenditure === null || budget <= 0) return null;
  return (expenditure / budget) * 100;
}

/** The execution rate the app stores when a file gives none: two decimals, like the reports. */
export function executionRate(budget: number | null, expenditure: number | null): number | null {
  const exact = executionRateExact(budget, expenditure);
  return exact === null ? null : round2(exact);
}
