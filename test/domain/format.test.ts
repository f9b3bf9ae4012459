import { describe, expect, test } from 'vitest';
import { fixed2, formatAmount, formatAxisAmount, formatPercent, formatPointChange, formatScore } from '@/domain/format';

describe('format', () => {
  test('amounts in 万元 with two decimals and thousands separators', () => {
    expect(formatAmount(5333.85)).toBe('5,333.85 万元');
    expect(formatAmount(90)).toBe('90.00 万元');
    expect(formatAmount(0.4)).toBe('0.40 万元');
    expect(formatAmount(0)).toBe('0.00 万元');
  });

  test('large amounts switch to 亿元 at 10,000 万元', () => {
    expect(formatAmount(9999.99)).toBe('9,999.99 万元');
    expect(formatAmount(10000)).toBe('1.00 亿元');
    expect(formatAmount(123456.78)).toBe('12.35 亿元');
  });

  test('a missing value is a dash, never zero', () => {
    expect(formatAmount(null)).toBe('—');
    expect(formatAmount(Number.NaN)).toBe('—');
    expect(formatPercent(null)).toBe('—');
    expect(formatScore(undefined)).toBe('—');
    expect(formatPointChange(null)).toBe('—');
  });

  test('percentages and scores with two decimals', () => {
    expect(formatPercent(96.92)).toBe('96.92%');
    expect(formatPercent(100)).toBe('100.00%');
    expect(formatPercent(95.4529)).toBe('95.45%');
    expect(formatScore(85.99)).toBe('85.99');
    expect(formatScore(100)).toBe('100.00');
  });

  test('English units', () => {
    expect(formatAmount(5333.85, 'en')).toBe('5,333.85 ×10k CNY');
    expect(formatAmount(20000, 'en')).toBe('2.00 ×100M CNY');
  });

  test('point changes carry their sign', () => {
    expect(formatPointChange(3.24 - 2.89)).toBe('+0.35 个百分点');
    expect(formatPointChange(-1.5, 'en')).toBe('-1.50 pp');
    expect(formatPointChange(0)).toBe('0.00 个百分点');
  });

  test('negative numbers and rounding to zero', () => {
    expect(fixed2(-1234.567)).toBe('-1,234.57');
    expect(fixed2(-0.001)).toBe('0.00');
  });

  test('axis labels stay short', () => {
    expect(formatAxisAmount(5000)).toBe('5,000');
    expect(formatAxisAmount(2500.5)).toBe('2,500.5');
    expect(formatAxisAmount(15000)).toBe('1.5亿');
  });
});
