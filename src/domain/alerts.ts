// 结果应用: the records a leader should act on, against thresholds the leader sets: an execution
// rate below the line, a carryover rate above the limit, a score below 80 (amber) or 60 (red), a
// score that fell by more than N points from the same record's previous scored year. Codes and figures
// only; src/i18n writes them as sentences.
import { recordCarryoverRate, recordRate } from './aggregate';
import type { PerfRecord } from './types';
import { compareZh } from './collate';

export interface AlertThresholds {
  /** Execution rate (%) below which a record is flagged (amber; red 15 points further below). */
  rate: number;
  /** Carryover rate (%) above which a record is flagged (amber; red above twice the limit). */
  carryover: number;
  /** Score below which a record is amber. */
  scoreAmber: number;
  /** Score below which a record is red. */
  scoreRed: number;
  /** A fall of the score by more than this many points from the previous year is red. */
  fall: number;
}

export const DEFAULT_ALERTS: Readonly<AlertThresholds> = {
  rate: 90,
  carryover: 10,
  scoreAmber: 80,
  scoreRed: 60,
  fall: 10,
};

export type AlertLevel = 'red' | 'amber' | 'green';
export type AlertCode = 'lowRate' | 'highCarryover' | 'lowScore' | 'scoreFall';

export interface Alert {
  code: AlertCode;
  level: Exclude<AlertLevel, 'green'>;
  value: number;
  limit: number;
  /** For scoreFall: the previous year's record's year and score. */
  previous?: { year: number; value: number };
}

export interface AlertRow {
  record: PerfRecord;
  level: AlertLevel;
  alerts: Alert[];
  rate: number | null;
  carryoverRate: number | null;
  /** The score change from the previous year's record, in points. */
  scoreChange: number | null;
}

const LEVEL_ORDER: Record<AlertLevel, number> = { red: 0, amber: 1, green: 2 };

const lineOf = (r: PerfRecord): string => `${r.agency}\u001f${r.scope}\u001f${r.project}`;

/**
 * Each record of `records` with its alerts, worst first (red, amber, green), then by agency, year
 * and project. A fall is measured from the previous scored year of the same line (agency, scope,
 * project) in `history`, all the records: a year filter lists fewer records, but 2021 is still the
 * year before 2022.
 */
export function recordAlerts(
  records: readonly PerfRecord[],
  th: AlertThresholds,
  history: readonly PerfRecord[] = records,
): AlertRow[] {
  // Each line's scored records, by year.
  const scored = new Map<string, PerfRecord[]>();
  for (const r of history) {
    if (r.score === null) continue;
    const k = lineOf(r);
    const list = scored.get(k);
    if (list) list.push(r);
    else scored.set(k, [r]);
  }
  for (const list of scored.values()) list.sort((a, b) => a.year - b.year);
  const previousOf = (r: PerfRecord): PerfRecord | undefined => scored.get(lineOf(r))?.findLast((p) => p.year < r.year);
  const rows = records.map((r): AlertRow => {
    const alerts: Alert[] = [];
    const rate = recordRate(r);
    const carry = recordCarryoverRate(r);
    if (rate !== null && rate < th.rate)
      alerts.push({ code: 'lowRate', level: rate < th.rate - 15 ? 'red' : 'amber', value: rate, limit: th.rate });
    if (carry !== null && carry > th.carryover)
      alerts.push({
        code: 'highCarryover',
        level: carry > th.carryover * 2 ? 'red' : 'amber',
        value: carry,
        limit: th.carryover,
      });
    if (r.score !== null && r.score < th.scoreAmber)
      alerts.push({
        code: 'lowScore',
        level: r.score < th.scoreRed ? 'red' : 'amber',
        value: r.score,
        limit: r.score < th.scoreRed ? th.scoreRed : th.scoreAmber,
      });
    const p = previousOf(r);
    const change = p && r.score !== null && p.score !== null ? r.score - p.score : null;
    if (p && change !== null && -change > th.fall)
      alerts.push({
        code: 'scoreFall',
        level: 'red',
        value: change,
        limit: th.fall,
        previous: { year: p.year, value: p.score! },
      });
    const level: AlertLevel = alerts.some((a) => a.level === 'red') ? 'red' : alerts.length > 0 ? 'amber' : 'green';
    return { record: r, level, alerts, rate, carryoverRate: carry, scoreChange: change };
  });
  return rows.sort(
    (a, b) =>
      LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] ||
      b.alerts.length - a.alerts.length ||
      compareZh(a.record.agency, b.record.agency) ||
      b.record.year - a.record.year ||
      compareZh(a.record.project, b.record.project),
  );
}

/** Thresholds from text (a URL query): each a finite number in range, else its default. */
export function parseAlertThresholds(get: (name: keyof AlertThresholds) => string | undefined): AlertThresholds {
  const out = { ...DEFAULT_ALERTS };
  for (const k of Object.keys(DEFAULT_ALERTS) as Array<keyof AlertThresholds>) {
    const s = get(k);
    const n = s === undefined || s.trim() === '' ? NaN : Number(s);
    if (Number.isFinite(n) && n >= 0 && n <= 200) out[k] = n;
  }
  return out;
}
