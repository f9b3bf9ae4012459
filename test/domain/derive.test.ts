import { describe, expect, it } from 'vitest';
import { executionRate, executionRateExact, gradeFromScore, round2 } from '@/domain/derive';

describe('gradeFromScore: ≥90 优, ≥80 良, ≥60 中, else 差', () => {
  it.each([
    [100, '优'],
    [90, '优'],
    [89.99, '良'],
    [80, '良'],
    [79.99, '中'],
    [60, '中'],
    [59.99, '差'],
    [0, '差'],
  ] as const)('score %s → %s', (score, grade) => {
    expect(gradeFromScore(score)).toBe(grade);
  });

  it('gives no grade without a score (never 差 for a missing score)', () => {
    expect(gradeFromScore(null)).toBeNull();
    expect(gradeFromScore(Number.NaN)).toBeNull();
  });
});

describe('executionRate: expenditure ÷ budget in percent points, two decimals', () => {
  it('matches the figures of the 2022 贸促会 report (5169.65 / 5333.85 = 96.92 %)', () => {
    expect(executionRate(5333.85, 5169.65)).toBe(96.92);
  });

  it('rounds to two decimals, half up', () => {
    expect(executionRate(3, 1)).toBe(33.33);
    expect(executionRate(3, 2)).toBe(66.67);
    expect(executionRate(8, 1)).toBe(12.5);
    expect(executionRate(90, 90)).toBe(100);
  });

  it('keeps the unrounded value for consistency checks', () => {
    expect(executionRateExact(3, 1)).toBeCloseTo(33.3333333, 6);
  });

  it('is missing (null, not 0) when either amount is missing or the budget is 0', () => {
    expect(executionRate(null, 5)).toBeNull();
    expect(executionRate(5, null)).toBeNull();
    expect(executionRate(0, 5)).toBeNull();
    expect(executionRateExact(0, 0)).toBeNull();
  });

  it('may exceed 100 when spending exceeds the budget', () => {
    expect(executionRate(100, 112.345)).toBe(112.35);
  });
});

describe('round2', () => {
  it('rounds halves up despite binary representation (1.005 → 1.01, 2.675 → 2.68)', () => {
    expect(round2(1.005)).toBe(1.01);
    expect(round2(2.675)).toBe(2.68);
    expect(round2(96.925)).toBe(96.93);
    expect(round2(5169.65)).toBe(5169.65);
  });
});
