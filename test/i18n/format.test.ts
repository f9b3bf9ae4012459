import { describe, expect, test } from 'vitest';
import {
  amountUnitFor,
  fixed2,
  formatAmount,
  formatAmountChange,
  formatAmountValue,
  formatAxisNumber,
  formatDate,
  formatPercent,
  formatPointChange,
  formatScore,
  formatScoreChange,
  withUnit,
  yearSpanText,
} from '@/i18n/format';
import { translator } from '@/i18n/translate';

describe('numbers and units', () => {
  test('amounts in 万元 with two decimals and thousands separators, whatever their size', () => {
    expect(formatAmount(5333.85)).toBe('5,333.85 万元');
    expect(formatAmount(90)).toBe('90.00 万元');
    expect(formatAmount(0.4)).toBe('0.40 万元');
    // No switch to 亿元 on its own: a card or axis picks its unit once for all its figures.
    expect(formatAmount(123456.78)).toBe('123,456.78 万元');
    expect(formatAmount(123456.78, 'zh-CN', 'yi')).toBe('12.35 亿元');
    expect(formatAmountValue(123456.78, 'zh-CN', 'yi')).toBe('12.35');
  });

  test('a card or axis turns to 亿元 only when its largest figure reaches 10 亿元', () => {
    expect(amountUnitFor([7287.02, 6915.74, null])).toBe('wan');
    expect(amountUnitFor([99_999.99])).toBe('wan');
    expect(amountUnitFor([100_000, 12])).toBe('yi');
    expect(amountUnitFor([])).toBe('wan');
  });

  test('English units are short enough for a card', () => {
    expect(formatAmount(5333.85, 'en')).toBe('5,333.85 CNY 10k');
    expect(formatAmount(200_000, 'en', 'yi')).toBe('20.00 CNY 100M');
  });

  test('a missing value is a dash, never zero', () => {
    expect(formatAmount(null)).toBe('—');
    expect(formatAmount(Number.NaN)).toBe('—');
    expect(formatPercent(null)).toBe('—');
    expect(formatScore(undefined)).toBe('—');
    expect(formatPointChange(null)).toBe('—');
    expect(formatAmountChange(null, 3)).toBe('—');
  });

  test('percentages and scores with two decimals', () => {
    expect(formatPercent(96.92)).toBe('96.92%');
    expect(formatPercent(100)).toBe('100.00%');
    expect(formatPercent(95.4529)).toBe('95.45%');
    expect(formatScore(85.99)).toBe('85.99');
  });

  test('changes carry their sign and unit: percentage points, points, 万元 with the relative change', () => {
    expect(formatPointChange(3.24 - 2.89)).toBe('+0.35 个百分点');
    expect(formatPointChange(-1.5, 'en')).toBe('-1.50 pp');
    expect(formatPointChange(0)).toBe('0.00 个百分点');
    expect(formatScoreChange(-14.63)).toBe('-14.63 分');
    expect(formatAmountChange(100, 120)).toBe('+20.00 万元（+20.00%）');
    expect(formatAmountChange(100, 90, 'en')).toBe('-10.00 CNY 10k (-10.00%)');
  });

  test('negative numbers and rounding to zero', () => {
    expect(fixed2(-1234.567)).toBe('-1,234.57');
    expect(fixed2(-0.001)).toBe('0.00');
  });

  test('axis ticks are plain numbers in the axis unit: never `1亿` on a 万元 axis', () => {
    expect(formatAxisNumber(5000)).toBe('5,000');
    expect(formatAxisNumber(2500.5)).toBe('2,500.5');
    expect(formatAxisNumber(15000)).toBe('15,000');
  });

  test('headers carry their unit in the language’s brackets; a single year is a year', () => {
    expect(withUnit('预算执行率', '%')).toBe('预算执行率（%）');
    expect(withUnit('Execution rate', '%', 'en')).toBe('Execution rate (%)');
    expect(yearSpanText(2019, 2024)).toBe('2019–2024');
    expect(yearSpanText(2022, 2022)).toBe('2022');
  });

  test('dates are localised', () => {
    const d = Date.UTC(2024, 4, 6, 12);
    expect(formatDate(d, 'zh-CN')).toBe('2024年5月6日');
    expect(formatDate(d, 'en')).toBe('May 6, 2024');
  });
});

describe('plural forms', () => {
  test('English chooses one or many by n; Chinese has one form', () => {
    const en = translator('en');
    expect(en('filter.summary', { n: 1 })).toBe('Showing 1 evaluation record');
    expect(en('filter.summary', { n: 9 })).toBe('Showing 9 evaluation records');
    expect(translator('zh-CN')('filter.summary', { n: 1 })).toBe('当前：1 条评价记录');
  });
});

describe('fixed2 rounds as round2 does', () => {
  test('a mean ending in 5 thousandths rounds up, whatever its double', () => {
    expect(fixed2((86.74 + 86.35) / 2)).toBe('86.55');
    expect(fixed2((78.57 + 82.02) / 2)).toBe('80.30');
    expect(fixed2(1.005)).toBe('1.01');
    expect(fixed2(-15.205)).toBe('-15.21');
  });
});
