// The parts a headline total is made of, so that a card's sub-lines add up to it. Totals are taken
// over agency-years (aggregate.ts, agencyLevelTotals): an agency-year with a department record
// counts that record, which already contains its projects' money; an agency-year with project
// records only counts those. The projects inside a department-year are reported apart, as what
// the headline does not count twice.
import type { PerfRecord } from './types';

export interface ScopeBreakdown {
  /** department + projectsOnly: the headline. */
  total: number | null;
  /** Σ over department records. */
  department: number | null;
  /** Σ over project records of agency-years without a department record. */
  projectsOnly: number | null;
  /** Σ over project records of agency-years with a department record (inside it, not added). */
  projectsInside: number | null;
  counts: { department: number; projectsOnly: number; projectsInside: number };
}

function add(a: number | null, v: number | null): number | null {
  return v === null || Number.isNaN(v) ? a : (a ?? 0) + v;
}

export type ScopePart = 'department' | 'projectsOnly' | 'projectsInside';

/** Which part of the headline each record falls in. */
export function scopeParts(records: readonly PerfRecord[]): ScopePart[] {
  // agency → the years it has a department record in (no key strings per record: this runs on
  // every filter change over thousands of records).
  const withDept = new Map<string, Set<number>>();
  for (const r of records) {
    if (r.scope !== 'department') continue;
    const years = withDept.get(r.agency);
    if (years) years.add(r.year);
    else withDept.set(r.agency, new Set([r.year]));
  }
  return records.map((r) =>
    r.scope === 'department' ? 'department' : withDept.get(r.agency)?.has(r.year) ? 'projectsInside' : 'projectsOnly',
  );
}

/** `parts`: scopeParts(records), when several breakdowns of the same records are made. */
export function scopeBreakdown(
  records: readonly PerfRecord[],
  pick: (r: PerfRecord) => number | null,
  parts: readonly ScopePart[] = scopeParts(records),
): ScopeBreakdown {
  const sums = {
    department: null as number | null,
    projectsOnly: null as number | null,
    projectsInside: null as number | null,
  };
  const counts = { department: 0, projectsOnly: 0, projectsInside: 0 };
  records.forEach((r, i) => {
    const part = parts[i]!;
    counts[part]++;
    sums[part] = add(sums[part], pick(r));
  });
  const total =
    sums.department === null && sums.projectsOnly === null ? null : (sums.department ?? 0) + (sums.projectsOnly ?? 0);
  return { total, ...sums, counts };
}

/** Σexpenditure ÷ Σbudget of each part (records with both), as the headline rate is weighted. */
export function scopeRates(
  records: readonly PerfRecord[],
  parts: readonly ScopePart[] = scopeParts(records),
): Record<'all' | 'department' | 'projectsOnly', number | null> {
  const acc = { all: [0, 0], department: [0, 0], projectsOnly: [0, 0] };
  records.forEach((r, i) => {
    const part = parts[i]!;
    if (part === 'projectsInside' || r.budget === null || r.expenditure === null) return;
    for (const k of ['all', part] as const) {
      acc[k][0]! += r.budget;
      acc[k][1]! += r.expenditure;
    }
  });
  const rate = ([b, e]: number[]): number | null => (b! > 0 ? (e! / b!) * 100 : null);
  return { all: rate(acc.all), department: rate(acc.department), projectsOnly: rate(acc.projectsOnly) };
}

/** Mean score of department records and of project records, kept apart (a project's score is not a department's). */
export function scoreMeans(
  records: readonly PerfRecord[],
): Record<'department' | 'project', { mean: number | null; n: number }> {
  const acc = { department: { sum: 0, n: 0 }, project: { sum: 0, n: 0 } };
  for (const r of records) {
    if (r.score === null || Number.isNaN(r.score)) continue;
    acc[r.scope].sum += r.score;
    acc[r.scope].n++;
  }
  const out = (a: { sum: number; n: number }) => ({ mean: a.n > 0 ? a.sum / a.n : null, n: a.n });
  return { department: out(acc.department), project: out(acc.project) };
}
