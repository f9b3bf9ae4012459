import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
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

/** Half away from zero on a decimal string, digit by digit: the reference round2 is checked against. */
function roundDecimalString(s: string): string {
  const neg = s.startsWith('-');
  const [int, frac = ''] = (neg ? s.slice(1) : s).split('.');
  const digits = (int! + (frac + '000').slice(0, 3)).split('').map(Number);
  const up = digits.pop()! >= 5;
  let i = digits.length - 1;
  if (up)
    while (i >= 0) {
      if (digits[i]! < 9) {
        digits[i]!++;
        break;
      }
      digits[i] = 0;
      i--;
    }
  const whole = (i < 0 && up ? '1' : '') + digits.join('');
  const out = `${whole.slice(0, -2) || '0'}.${whole.slice(-2)}`;
  return neg && /[1-9]/.test(out) ? `-${out}` : out;
}

describe('round2: half away from zero on the decimal the value stands for', () => {
  it.each([
    [(86.74 + 86.35) / 2, 86.55],
    [(78.57 + 82.02) / 2, 80.3],
    [(76.92 + 82.65) / 2, 79.79],
    [1.005, 1.01],
    [89.995, 90],
    [-15.205, -15.21],
    [-0.001, 0],
  ])('%s → %s', (x, r) => {
    expect(round2(x)).toBe(r);
  });

  it('agrees with rounding the decimal string, for values of up to three decimals and for means of two-decimal figures', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 12), max: 10 ** 12 }), (milli) => {
        const text = (milli / 1000).toFixed(3);
        expect(round2(Number(text))).toBe(Number(roundDecimalString(text)));
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 6 }), fc.integer({ min: 0, max: 10 ** 6 }), (a, b) => {
        // (a + b) / 2 hundredths, written exactly: a mean ends in 0 or 5 thousandths.
        const exact = ((a + b) * 5).toString().padStart(4, '0');
        const text = `${exact.slice(0, -3)}.${exact.slice(-3)}`;
        expect(round2((a / 100 + b / 100) / 2)).toBe(Number(roundDecimalString(text)));
      }),
    );
  });
});
