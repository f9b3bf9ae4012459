// The parts a headline total is made of, so that a card's sub-lines add up to it. Totals are taken
// over agency-years (aggregate.ts, agencyLevelTotals): an agency-year with a department record
// counts that record, which already contains its projects' money; an agency-year with project
// records only counts those. The projects inside a department-year are reported apart, as what
// the headline does not count twice.
import type { GradeCounts } from './aggregate';
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

/** One amount's sums per part, as it is being added up. */
class PartSums {
  department: number | null = null;
  projectsOnly: number | null = null;
  projectsInside: number | null = null;

  add(part: ScopePart, v: number | null): void {
    if (v === null || Number.isNaN(v)) return;
    this[part] = (this[part] ?? 0) + v;
  }

  breakdown(counts: ScopeBreakdown['counts']): ScopeBreakdown {
    const { department, projectsOnly, projectsInside } = this;
    const total = department === null && projectsOnly === null ? null : (department ?? 0) + (projectsOnly ?? 0);
    return { total, department, projectsOnly, projectsInside, counts: { ...counts } };
  }
}

/** Every figure the headline cards show of a set of records. */
export interface ScopeFigures {
  budget: ScopeBreakdown;
  expenditure: ScopeBreakdown;
  carryover: ScopeBreakdown;
  /**
   * Σcarryover ÷ Σbudget over the counted records with both: a record's carryover without its
   * budget would raise the rate with nothing in its base.
   */
  carryoverRate: number | null;
  /** Σexpenditure ÷ Σbudget of each part (records with both), as the headline rate is weighted. */
  rates: Record<'all' | 'department' | 'projectsOnly', number | null>;
  /** Mean score of department records and of project records, kept apart (a project's score is not a department's). */
  means: Record<'department' | 'project', { mean: number | null; n: number }>;
  /** Records by grade (none: without one), and in all. */
  grades: GradeCounts;
  /** Records without a score, whatever their grade (a report may give a grade and no score). */
  unscored: number;
  count: number;
}

/**
 * The cards' figures in one pass over the records (after scopeParts' own): they are worked out on
 * every filter change and at start, over tens of thousands of records.
 */
export function scopeFigures(records: readonly PerfRecord[]): ScopeFigures {
  const parts = scopeParts(records);
  const counts = { department: 0, projectsOnly: 0, projectsInside: 0 };
  const budget = new PartSums();
  const expenditure = new PartSums();
  const carryover = new PartSums();
  const carried = [0, 0];
  const weighed = { all: [0, 0], department: [0, 0], projectsOnly: [0, 0] };
  const scores = { department: { sum: 0, n: 0 }, project: { sum: 0, n: 0 } };
  const grades: GradeCounts = { 优: 0, 良: 0, 中: 0, 差: 0, none: 0 };
  let unscored = 0;
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    const part = parts[i]!;
    counts[part]++;
    grades[r.grade ?? 'none']++;
    budget.add(part, r.budget);
    expenditure.add(part, r.expenditure);
    carryover.add(part, r.carryover);
    if (part !== 'projectsInside' && r.budget !== null && r.carryover !== null) {
      carried[0]! += r.budget;
      carried[1]! += r.carryover;
    }
    if (part !== 'projectsInside' && r.budget !== null && r.expenditure !== null) {
      weighed.all[0]! += r.budget;
      weighed.all[1]! += r.expenditure;
      weighed[part][0]! += r.budget;
      weighed[part][1]! += r.expenditure;
    }
    if (r.score !== null && !Number.isNaN(r.score)) {
      scores[r.scope].sum += r.score;
      scores[r.scope].n++;
    } else unscored++;
  }
  const rate = ([b, e]: number[]): number | null => (b! > 0 ? (e! / b!) * 100 : null);
  const mean = (a: { sum: number; n: number }) => ({ mean: a.n > 0 ? a.sum / a.n : null, n: a.n });
  return {
    budget: budget.breakdown(counts),
    expenditure: expenditure.breakdown(counts),
    carryover: carryover.breakdown(counts),
    carryoverRate: rate(carried),
    rates: { all: rate(weighed.all), department: rate(weighed.department), projectsOnly: rate(weighed.projectsOnly) },
    means: { department: mean(scores.department), project: mean(scores.project) },
    grades,
    unscored,
    count: records.length,
  };
}
