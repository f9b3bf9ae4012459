import { describe, expect, test } from 'vitest';
import { DEFAULT_ALERTS, parseAlertThresholds, recordAlerts } from '@/domain/alerts';
import { record } from '../charts/fixtures';

const base = { agency: '甲单位', region: '', scope: 'department' as const, project: '' };
const rec = (year: number, f: { budget?: number; expenditure?: number; carryover?: number; score?: number | null }) =>
  record({
    ...base,
    year,
    budget: f.budget ?? 100,
    expenditure: f.expenditure ?? 95,
    carryover: f.carryover ?? 2,
    score: f.score === undefined ? 90 : f.score,
  });

describe('warnings (结果应用)', () => {
  test('each threshold flags the records past it, red or amber, with the figures', () => {
    const rows = recordAlerts(
      [
        rec(2021, { score: 92 }),
        rec(2022, { expenditure: 85, score: 76 }), // amber rate, amber score, fall 16 points (red)
        rec(2023, { expenditure: 60, carryover: 30, score: 55 }), // red rate, carryover, score and fall
        { ...rec(2023, {}), agency: '乙单位' }, // on track
      ],
      DEFAULT_ALERTS,
    );
    expect(rows.map((r) => [r.record.agency, r.record.year, r.level])).toEqual([
      ['甲单位', 2023, 'red'],
      ['甲单位', 2022, 'red'],
      ['甲单位', 2021, 'green'],
      ['乙单位', 2023, 'green'],
    ]);
    const y2022 = rows[1]!;
    expect(y2022.alerts.map((a) => [a.code, a.level])).toEqual([
      ['lowRate', 'amber'],
      ['lowScore', 'amber'],
      ['scoreFall', 'red'],
    ]);
    expect(y2022.alerts[2]).toMatchObject({ value: -16, limit: 10, previous: { year: 2021, value: 92 } });
    expect(rows[0]!.alerts.map((a) => [a.code, a.level, a.limit])).toEqual([
      ['lowRate', 'red', 90],
      ['highCarryover', 'red', 10],
      ['lowScore', 'red', 60],
      ['scoreFall', 'red', 10],
    ]);
  });

  test('thresholds change what is flagged', () => {
    const r = [rec(2022, { expenditure: 85, score: 76 })];
    expect(recordAlerts(r, { ...DEFAULT_ALERTS, rate: 80, scoreAmber: 70 })[0]!.level).toBe('green');
  });

  test('a previous year without a score is skipped: the fall is from the last scored year', () => {
    const rows = recordAlerts(
      [rec(2020, { score: 95 }), rec(2021, { score: null }), rec(2022, { score: 80 })],
      DEFAULT_ALERTS,
    );
    expect(rows.find((r) => r.record.year === 2022)!.scoreChange).toBe(-15);
  });

  test('a year filter lists its records only, each fall still measured from the year before it', () => {
    const all = [rec(2021, { score: 85.67 }), rec(2022, { score: 72.92 })];
    const rows = recordAlerts(
      all.filter((r) => r.year === 2022),
      DEFAULT_ALERTS,
      all,
    );
    expect(rows.map((r) => [r.record.year, r.level, r.scoreChange])).toEqual([[2022, 'red', 72.92 - 85.67]]);
    expect(rows[0]!.alerts.at(-1)).toMatchObject({ code: 'scoreFall', previous: { year: 2021, value: 85.67 } });
  });

  test('thresholds from the URL: numbers in range, else the defaults', () => {
    const q: Record<string, string> = { carryover: '15', fall: 'x', scoreRed: '-3', rate: '' };
    expect(parseAlertThresholds((k) => q[k])).toEqual({ ...DEFAULT_ALERTS, carryover: 15 });
  });
});
