import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { apportion2 } from '@/domain/apportion';

const cents = (xs: number[]) => xs.reduce((a, x) => a + Math.round(x * 100), 0);

describe('apportion2', () => {
  test('the parts, rounded, add up to the total rounded: 46.414 + 0.294 = 46.708 is 46.42 + 0.29', () => {
    expect(apportion2(46.708, [46.414, 0.294])).toEqual({ total: 46.71, parts: [46.42, 0.29] });
    // The budget case of the probe: 128.8772 + 0.7574 = 129.6346 → 129.63, not 128.88 + 0.76.
    expect(apportion2(129.6346, [128.8772, 0.7574])).toEqual({ total: 129.63, parts: [128.87, 0.76] });
  });

  test('parts that already round to the total stay as they round', () => {
    expect(apportion2(3.5, [1.25, 2.25])).toEqual({ total: 3.5, parts: [1.25, 2.25] });
    expect(apportion2(0.3, [0.1, 0.2])).toEqual({ total: 0.3, parts: [0.1, 0.2] });
  });

  test('any parts: they add up to the rounded total, each within a hundredth of its value', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 ** 9 }), { minLength: 1, maxLength: 6 }), (milli) => {
        const parts = milli.map((m) => m / 1000);
        const total = parts.reduce((a, b) => a + b, 0);
        const r = apportion2(total, parts);
        expect(cents(r.parts)).toBe(Math.round(r.total * 100));
        expect(Math.abs(r.total - total)).toBeLessThanOrEqual(0.005 + 1e-9);
        r.parts.forEach((p, i) => expect(Math.abs(p - parts[i]!)).toBeLessThan(0.01 + 1e-9));
      }),
    );
  });
});
