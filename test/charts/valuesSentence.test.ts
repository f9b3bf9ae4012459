// A chart's description names its values as a sighted reader takes them: every value of a small
// chart; of a large one the count, the highest and the lowest with their names, and the median.
import { describe, expect, test } from 'vitest';
import { valuesSentence, valuesSentenceOf, type ValueItem } from '@/charts/common';
import { en, zh } from './helpers';

/** What the sentence names, worked out the plain way: a stable sort from high to low. */
function expected(items: readonly ValueItem[]) {
  const sorted = [...items].sort((a, b) => b.value - a.value);
  return { hi: sorted[0]!, lo: sorted.at(-1)!, mid: sorted[Math.floor((sorted.length - 1) / 2)]! };
}

/** A seeded run of values with many ties (two decimals, a narrow range). */
function items(n: number, seed: number): ValueItem[] {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: n }, (_, i) => ({ label: `单位${i}`, value: Math.round(next() * 20) / 4 + 80 }));
}

describe('valuesSentence', () => {
  test('a few values are named one by one', () => {
    const few = [
      { label: '甲 2023', value: 96.5 },
      { label: '乙 2023', value: 100 },
    ];
    expect(valuesSentence(zh, few, (v) => v.toFixed(2))).toContain('甲 2023 96.50、乙 2023 100.00');
    expect(valuesSentence(en, few, (v) => v.toFixed(2))).toContain('甲 2023 96.50; 乙 2023 100.00');
    expect(valuesSentence(zh, [])).toBe('');
  });

  test.each([13, 14, 50, 151, 1000])('%i values: count, extremes and median, ties as a stable sort has them', (n) => {
    for (const seed of [1, 7, 42]) {
      const list = items(n, seed);
      const { hi, lo, mid } = expected(list);
      const format = (v: number) => v.toFixed(2);
      const sentence = valuesSentence(zh, list, format);
      expect(sentence).toBe(
        `共 ${n} 个数值：最高 ${hi.label} ${format(hi.value)}，最低 ${lo.label} ${format(lo.value)}，中位数 ${format(mid.value)}。`,
      );
    }
  });

  test('read by index, the same sentence without an item per value', () => {
    const list = items(500, 3);
    const labels: number[] = [];
    const byIndex = valuesSentenceOf(
      zh,
      list.length,
      (i) => list[i]!.value,
      (i) => (labels.push(i), list[i]!.label),
      (i) => list[i]!.value.toFixed(2),
    );
    expect(byIndex).toBe(valuesSentence(zh, list, (v) => v.toFixed(2)));
    // Only the two values it names are labelled.
    expect(labels).toHaveLength(2);
  });
});
