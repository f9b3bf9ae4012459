// Pure aggregations behind the dashboard: filtering, totals, the agency × year roll-up the charts
// share, level-1 indicator summaries and the indicator tree. Missing stays missing: a sum over
// records none of which has the value is null, not 0.
import { agencyRegion, agencyShortName } from './agencies';
import { scopeParts } from './breakdown';
import { rowsToChunks } from './columns';
import { executionRateExact } from './derive';
import { level1Rows, level1TableOf, type Level1Summary } from './level1';
import { GRADES, type Grade, type IndicatorRow, type PerfRecord, type RecordKeyFields, type Scope } from './types';
import { compareZh } from './collate';

export type { Level1Summary } from './level1';

export type ScopeFilter = 'all' | Scope;

export interface RecordFilter {
  /** Canonical agency names; empty = every agency. */
  agencies: readonly string[];
  from: number | null;
  to: number | null;
  scope: ScopeFilter;
  /** A project name; '' = every project (and department records). */
  project: string;
}

export const NO_FILTER: RecordFilter = { agencies: [], from: null, to: null, scope: 'all', project: '' };

function matchesRest(r: RecordKeyFields, f: RecordFilter): boolean {
  if (f.from !== null && r.year < f.from) return false;
  if (f.to !== null && r.year > f.to) return false;
  if (f.scope !== 'all' && r.scope !== f.scope) return false;
  if (f.project !== '' && r.project !== f.project) return false;
  return true;
}

/** Rows with the positions of each agency's rows, built once per data version. */
export interface AgencyIndex {
  readonly positions: ReadonlyMap<string, readonly number[]>;
}

export function indexByAgency(rows: readonly RecordKeyFields[]): AgencyIndex {
  const positions = new Map<string, number[]>();
  rows.forEach((r, i) => {
    const list = positions.get(r.agency);
    if (list) list.push(i);
    else positions.set(r.agency, [i]);
  });
  return { positions };
}

/**
 * The rows the filter keeps, in their order. With `index` (indexByAgency of these rows, asked for
 * only when agencies are chosen), only the chosen agencies' rows are read: fifty agencies of a
 * thousand are a fortieth of the rows, on every filter change.
 */
export function filterRecords<T extends RecordKeyFields>(
  rows: readonly T[],
  f: RecordFilter,
  index?: () => AgencyIndex,
): T[] {
  if (f.agencies.length > 0 && index) return filterThroughIndex(rows, index(), f);
  // A set: hundreds of selected agencies against tens of thousands of rows stay one lookup each.
  const agencies = f.agencies.length > 0 ? new Set(f.agencies) : null;
  return rows.filter((r) => (agencies === null || agencies.has(r.agency)) && matchesRest(r, f));
}

function filterThroughIndex<T extends RecordKeyFields>(rows: readonly T[], index: AgencyIndex, f: RecordFilter): T[] {
  let count = 0;
  const lists: (readonly number[])[] = [];
  for (const a of new Set(f.agencies)) {
    const list = index.positions.get(a);
    if (list) {
      lists.push(list);
      count += list.length;
    }
  }
  const at = new Int32Array(count);
  let k = 0;
  for (const list of lists) for (const i of list) at[k++] = i;
  at.sort();
  const out: T[] = [];
  for (const i of at) {
    const r = rows[i]!;
    if (matchesRest(r, f)) out.push(r);
  }
  return out;
}

function sumOf(values: Iterable<number | null>): number | null {
  let sum = 0;
  let any = false;
  for (const v of values) {
    if (v === null || Number.isNaN(v)) continue;
    sum += v;
    any = true;
  }
  return any ? sum : null;
}

function meanOf(values: Iterable<number | null>): number | null {
  let sum = 0;
  let n = 0;
  for (const v of values) {
    if (v === null || Number.isNaN(v)) continue;
    sum += v;
    n++;
  }
  return n > 0 ? sum / n : null;
}

/** The record's execution rate: as stated, else expenditure ÷ budget. */
export function recordRate(r: PerfRecord): number | null {
  return r.execution_rate ?? executionRateExact(r.budget, r.expenditure);
}

/** The record's carryover rate: as stated, else carryover ÷ budget. */
export function recordCarryoverRate(r: PerfRecord): number | null {
  if (r.carryover_rate !== null) return r.carryover_rate;
  if (r.carryover === null || r.budget === null || r.budget <= 0) return null;
  return (r.carryover / r.budget) * 100;
}

/** Σexpenditure ÷ Σbudget over the records that have both (budget-weighted execution rate). */
export function weightedRate(records: readonly PerfRecord[]): number | null {
  let b = 0;
  let e = 0;
  for (const r of records) {
    if (r.budget === null || r.expenditure === null) continue;
    b += r.budget;
    e += r.expenditure;
  }
  return b > 0 ? (e / b) * 100 : null;
}

/** Σcarryover ÷ Σbudget over the records that have both. */
export function weightedCarryoverRate(records: readonly PerfRecord[]): number | null {
  let b = 0;
  let c = 0;
  for (const r of records) {
    if (r.budget === null || r.carryover === null) continue;
    b += r.budget;
    c += r.carryover;
  }
  return b > 0 ? (c / b) * 100 : null;
}

export type GradeCounts = Record<Grade | 'none', number>;

/**
 * One agency in one year, as the agency-level charts show it: the department record when there
 * is one (it covers the whole agency), else the agency's project records taken together
 * (budget-weighted rates, mean score).
 */
export interface AgencyYear {
  agency: string;
  year: number;
  basis: 'department' | 'projects';
  /** The records the figures come from: one department record or the project records. */
  records: PerfRecord[];
  budget: number | null;
  expenditure: number | null;
  executionRate: number | null;
  carryover: number | null;
  carryoverRate: number | null;
  score: number | null;
}

export function agencyYear(agency: string, year: number, records: readonly PerfRecord[]): AgencyYear | null {
  const dept = records.find((r) => r.scope === 'department');
  if (dept) {
    return {
      agency,
      year,
      basis: 'department',
      records: [dept],
      budget: dept.budget,
      expenditure: dept.expenditure,
      executionRate: recordRate(dept),
      carryover: dept.carryover,
      carryoverRate: recordCarryoverRate(dept),
      score: dept.score,
    };
  }
  const projects = records.filter((r) => r.scope === 'project');
  if (projects.length === 0) return null;
  return {
    agency,
    year,
    basis: 'projects',
    records: projects,
    budget: sumOf(projects.map((r) => r.budget)),
    expenditure: sumOf(projects.map((r) => r.expenditure)),
    executionRate: weightedRate(projects) ?? meanOf(projects.map(recordRate)),
    carryover: sumOf(projects.map((r) => r.carryover)),
    carryoverRate: weightedCarryoverRate(projects) ?? meanOf(projects.map(recordCarryoverRate)),
    score: meanOf(projects.map((r) => r.score)),
  };
}

/** agency -> year -> roll-up, for the records given (already filtered). */
export type AgencyYearTable = Map<string, Map<number, AgencyYear>>;

export function agencyYears(records: readonly PerfRecord[]): AgencyYearTable {
  const groups = new Map<string, Map<number, PerfRecord[]>>();
  for (const r of records) {
    let byYear = groups.get(r.agency);
    if (!byYear) groups.set(r.agency, (byYear = new Map()));
    const list = byYear.get(r.year);
    if (list) list.push(r);
    else byYear.set(r.year, [r]);
  }
  const out: AgencyYearTable = new Map();
  for (const [agency, byYear] of groups) {
    const cells = new Map<number, AgencyYear>();
    for (const year of [...byYear.keys()].sort((a, b) => a - b)) {
      const cell = agencyYear(agency, year, byYear.get(year) ?? []);
      if (cell) cells.set(year, cell);
    }
    out.set(agency, cells);
  }
  return out;
}

/** Every year from the first to the last (bounded by the filter), so a missing year shows as a gap. */
export function yearSpan(
  records: readonly RecordKeyFields[],
  from: number | null = null,
  to: number | null = null,
): number[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of records) {
    if (r.year < lo) lo = r.year;
    if (r.year > hi) hi = r.year;
  }
  if (from !== null && Number.isFinite(lo)) lo = Math.max(lo, from);
  if (to !== null && Number.isFinite(hi)) hi = Math.min(hi, to);
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || hi < lo) return [];
  const years: number[] = [];
  for (let y = lo; y <= hi; y++) years.push(y);
  return years;
}

/**
 * Agencies in display order: largest total budget first (the ones that matter most when only
 * the top N fit on a chart), then by short name. Agencies without any budget come last. Each
 * agency-year counts once, as the headline cards count it (scopeParts): a project inside a
 * department-year is already in the department's budget.
 */
export function rankAgencies(records: readonly PerfRecord[]): string[] {
  const budget = new Map<string, number>();
  const parts = scopeParts(records);
  records.forEach((r, i) => {
    const prev = budget.get(r.agency) ?? -1;
    if (r.budget !== null && parts[i] !== 'projectsInside') budget.set(r.agency, Math.max(prev, 0) + r.budget);
    else if (!budget.has(r.agency)) budget.set(r.agency, -1);
  });
  return [...budget.keys()].sort((a, b) => {
    const d = (budget.get(b) ?? -1) - (budget.get(a) ?? -1);
    return d !== 0 ? d : compareZh(agencyShortName(a), agencyShortName(b));
  });
}

/** Agencies whose official or short name contains `query` (case-insensitive). */
export function searchAgencies(agencies: readonly string[], query: string): string[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [...agencies];
  return agencies.filter((a) => a.toLowerCase().includes(q) || agencyShortName(a).toLowerCase().includes(q));
}

export interface AgencyOption {
  name: string;
  short: string;
  region: string;
}

/** The agencies present in the records, grouped by region (regions and names sorted). */
export function agencyOptions(records: readonly PerfRecord[]): Array<{ region: string; agencies: AgencyOption[] }> {
  const byName = new Map<string, AgencyOption>();
  for (const r of records) {
    if (byName.has(r.agency)) continue;
    byName.set(r.agency, {
      name: r.agency,
      short: agencyShortName(r.agency),
      region: r.region || agencyRegion(r.agency),
    });
  }
  const groups = new Map<string, AgencyOption[]>();
  for (const a of byName.values()) {
    const list = groups.get(a.region);
    if (list) list.push(a);
    else groups.set(a.region, [a]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : compareZh(a, b)))
    .map(([region, agencies]) => ({
      region,
      agencies: agencies.sort((a, b) => compareZh(a.short, b.short)),
    }));
}

export function distinctYears(records: readonly RecordKeyFields[]): number[] {
  return [...new Set(records.map((r) => r.year))].sort((a, b) => a - b);
}

export function distinctProjects(records: readonly RecordKeyFields[]): string[] {
  const names = new Set<string>();
  for (const r of records) if (r.scope === 'project') names.add(r.project);
  return [...names].sort(compareZh);
}

/** A change of a rate between two consecutive years an agency has it for. */
export interface RateChange {
  agency: string;
  fromYear: number;
  from: number;
  toYear: number;
  to: number;
  /** to − from, in percentage points. */
  delta: number;
}

/** Each agency's latest change of a rate (e.g. carryover 2.89% in 2021 → 3.24% in 2022). */
export function latestChanges(table: AgencyYearTable, pick: (c: AgencyYear) => number | null): RateChange[] {
  const out: RateChange[] = [];
  for (const [agency, cells] of table) {
    const points = [...cells.values()].filter((c) => pick(c) !== null).sort((a, b) => a.year - b.year);
    const last = points.at(-1);
    const prev = points.at(-2);
    if (!last || !prev) continue;
    const from = pick(prev) as number;
    const to = pick(last) as number;
    out.push({ agency, fromYear: prev.year, from, toYear: last.year, to, delta: to - from });
  }
  return out.sort((a, b) => b.delta - a.delta);
}

/** Ranking of the agencies in one year by a figure, best first; agencies without it are left out. */
export function rankYear(
  table: AgencyYearTable,
  year: number,
  pick: (c: AgencyYear) => number | null,
): Array<{ cell: AgencyYear; value: number }> {
  const out: Array<{ cell: AgencyYear; value: number }> = [];
  for (const cells of table.values()) {
    const cell = cells.get(year);
    const value = cell ? pick(cell) : null;
    if (cell && value !== null) out.push({ cell, value });
  }
  return byValueThenName(out);
}

/** Agencies with the figure in `year` (what rankYear would rank, without ranking them). */
export function countYear(table: AgencyYearTable, year: number, pick: (c: AgencyYear) => number | null): number {
  let n = 0;
  for (const cells of table.values()) {
    const cell = cells.get(year);
    if (cell && pick(cell) !== null) n++;
  }
  return n;
}

/**
 * Highest value first, equal values by short name. Each name is looked up once, not in every
 * comparison: execution rates tie often (many agencies at 100%), and the ranking is made on every
 * filter change.
 */
function byValueThenName<T extends { cell: AgencyYear; value: number }>(entries: T[]): T[] {
  const names = new Map<T, string>(entries.map((e) => [e, agencyShortName(e.cell.agency)]));
  return entries.sort((a, b) => b.value - a.value || compareZh(names.get(a)!, names.get(b)!));
}

/** Each agency's latest year that has the figure. */
export function rankLatestPerAgency(
  table: AgencyYearTable,
  pick: (c: AgencyYear) => number | null,
): Array<{ cell: AgencyYear; value: number }> {
  const out: Array<{ cell: AgencyYear; value: number }> = [];
  for (const cells of table.values()) {
    const latest = [...cells.values()].filter((c) => pick(c) !== null).sort((a, b) => b.year - a.year)[0];
    if (latest) out.push({ cell: latest, value: pick(latest) as number });
  }
  return byValueThenName(out);
}

// ---------------------------------------------------------------- indicators

/**
 * One summary per record and level-1 indicator, in the order the rows come. A row that stops at
 * level 1 gives the figures; without one, the level-2 rows (or else the level-3 rows) are added
 * up, and a sum with any missing part is missing. The rule lives in level1.ts, which the database
 * also uses to keep the summaries of the stored rows.
 */
export function level1Summaries(rows: readonly IndicatorRow[]): Level1Summary[] {
  return level1Rows(level1TableOf(rowsToChunks('indicators', rows)));
}

function sumAll(values: readonly (number | null)[]): number | null {
  if (values.length === 0 || values.some((v) => v === null)) return null;
  return (values as number[]).reduce((a, b) => a + b, 0);
}

export interface IndicatorNode {
  label: string;
  level: 1 | 2 | 3;
  weight: number | null;
  score: number | null;
  target: string;
  actual: string;
  note: string;
  children: IndicatorNode[];
}

/**
 * The indicator tree of one record (level 1 → 2 → 3), in the order of the rows. A node without
 * a row of its own takes the sums of its children (missing when any child lacks the figure).
 */
export function indicatorTree(rows: readonly IndicatorRow[]): IndicatorNode[] {
  const roots: IndicatorNode[] = [];
  const find = (list: IndicatorNode[], label: string, level: 1 | 2 | 3): IndicatorNode => {
    let node = list.find((n) => n.label === label);
    if (!node) {
      node = { label, level, weight: null, score: null, target: '', actual: '', note: '', children: [] };
      list.push(node);
      own.set(node, false);
    }
    return node;
  };
  const own = new Map<IndicatorNode, boolean>();
  for (const r of rows) {
    let node = find(roots, r.level1, 1);
    if (r.level2 !== '') node = find(node.children, r.level2, 2);
    if (r.level3 !== '') node = find(node.children, r.level3, 3);
    Object.assign(node, { weight: r.weight, score: r.score, target: r.target, actual: r.actual, note: r.note });
    own.set(node, true);
  }
  const fill = (n: IndicatorNode): void => {
    n.children.forEach(fill);
    if (own.get(n) || n.children.length === 0) return;
    n.weight = sumAll(n.children.map((c) => c.weight));
    n.score = sumAll(n.children.map((c) => c.score));
  };
  roots.forEach(fill);
  return roots;
}

/** Grade counts in the fixed order 优, 良, 中, 差. */
export function gradeEntries(g: GradeCounts): Array<[Grade, number]> {
  return GRADES.map((grade) => [grade, g[grade]]);
}

export interface AgencyLevelTotals {
  /** Agency-years counted. */
  cells: number;
  budget: number | null;
  expenditure: number | null;
  executionRate: number | null;
  carryover: number | null;
  carryoverRate: number | null;
}

/**
 * Totals over agency-years (each one its department record, or its projects when it has no
 * department record): the figure a leader reads as "all the money", with no project counted twice.
 */
export function agencyLevelTotals(table: AgencyYearTable): AgencyLevelTotals {
  const cells = [...table.values()].flatMap((m) => [...m.values()]);
  let b = 0;
  let e = 0;
  let cb = 0;
  let c = 0;
  for (const x of cells) {
    if (x.budget !== null && x.expenditure !== null) {
      b += x.budget;
      e += x.expenditure;
    }
    if (x.budget !== null && x.carryover !== null) {
      cb += x.budget;
      c += x.carryover;
    }
  }
  return {
    cells: cells.length,
    budget: sumOf(cells.map((x) => x.budget)),
    expenditure: sumOf(cells.map((x) => x.expenditure)),
    executionRate: b > 0 ? (e / b) * 100 : null,
    carryover: sumOf(cells.map((x) => x.carryover)),
    carryoverRate: cb > 0 ? (c / cb) * 100 : null,
  };
}
