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

/**
 * Rounds to two decimals, half away from zero, on the decimal the value stands for: as the
 * reports write percentages and amounts, and as every figure is shown (format.ts fixed2). The
 * double of (86.74 + 86.35) / 2 is 86.54499999999999…; read to 15 significant digits it is the
 * 86.545 the figures make, which rounds to 86.55. The shift by two places is done on the decimal
 * text, so it adds no noise of its own.
 */
export function round2(x: number): number {
  const a = Math.abs(x);
  // Beyond 1e15 a double holds no hundredths; the value is left as it is.
  if (!Number.isFinite(x) || a >= 1e15) return x;
  const written = String(Number(a.toPrecision(15)));
  // Exponent notation here means below 1e-6, which rounds to zero.
  if (written.includes('e')) return 0;
  const hundredths = Math.round(Number(`${written}e2`));
  return hundredths === 0 ? 0 : Math.sign(x) * Number(`${hundredths}e-2`);
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
