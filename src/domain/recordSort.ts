// Sorting a records table by one of its columns. Missing values go last whichever the direction,
// so "largest first" never opens on a page of blanks.
import { agencyShortName } from './agencies';
import { recordRate } from './aggregate';
import { compareZh } from './collate';
import type { Grade, PerfRecord } from './types';

export type RecordSortKey =
  'agency' | 'year' | 'scope' | 'budget' | 'expenditure' | 'rate' | 'carryoverRate' | 'score' | 'grade';
export type SortDir = 'asc' | 'desc';

const GRADE_RANK: Record<Grade, number> = { 优: 4, 良: 3, 中: 2, 差: 1 };

function value(r: PerfRecord, key: RecordSortKey): string | number | null {
  switch (key) {
    case 'agency':
      return agencyShortName(r.agency);
    case 'year':
      return r.year;
    // Department records first, then projects by name.
    case 'scope':
      return r.scope === 'department' ? '' : r.project;
    case 'budget':
      return r.budget;
    case 'expenditure':
      return r.expenditure;
    case 'rate':
      return recordRate(r);
    case 'carryoverRate':
      return r.carryover_rate;
    case 'score':
      return r.score;
    case 'grade':
      return r.grade === null ? null : GRADE_RANK[r.grade];
  }
}

/** A sorted copy; ties keep the records' order. */
export function sortRecords(records: readonly PerfRecord[], key: RecordSortKey, dir: SortDir): PerfRecord[] {
  const sign = dir === 'asc' ? 1 : -1;
  const keyed = records.map((r, i) => ({ r, i, v: value(r, key) }));
  keyed.sort((a, b) => {
    if (a.v === null || b.v === null) return a.v === b.v ? a.i - b.i : a.v === null ? 1 : -1;
    const d = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : compareZh(String(a.v), String(b.v));
    return d !== 0 ? d * sign : a.i - b.i;
  });
  return keyed.map((k) => k.r);
}
