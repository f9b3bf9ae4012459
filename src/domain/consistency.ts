// Consistency checks of the contract: warnings, not errors. Each names its row and column and
// carries the record key so it can be kept with the record after commit.
import { executionRateExact, gradeFromScore, round2 } from './derive';
import { recordKey } from './keys';
import type { PackedChunk } from './columns';
import type { IndicatorRow, PerfRecord, Scope } from './types';
import type { Issue, IssueCode, ParamsOf } from './issues';

/** Amounts in the reports are written to 0.01 万元; sums of rounded parts may drift by a few of those. */
const AMOUNT_TOLERANCE = 0.015;
/** execution_rate may differ from expenditure ÷ budget by at most 0.1 percentage point. */
const RATE_TOLERANCE = 0.1;
const SCORE_TOLERANCE = 0.015;

/** Figures as the warning quotes them: to the cent (0.01 万元, 0.01 point), as the reports write them. */
const fig = round2;

export function recordWarnings(r: PerfRecord, row: number, columnOf: (field: string) => string | null): Issue[] {
  const out: Issue[] = [];
  const key = recordKey(r);
  const warn = <C extends IssueCode>(field: string, code: C, params: ParamsOf<C>): void => {
    out.push({ row, column: columnOf(field), code, params, recordKey: key } as Issue);
  };
  const exact = executionRateExact(r.budget, r.expenditure);
  // The epsilon keeps a difference of exactly 0.1 point (e.g. 96.8 against 96.9) from warning through float noise.
  if (exact !== null && r.execution_rate !== null && Math.abs(exact - r.execution_rate) > RATE_TOLERANCE + 1e-9) {
    warn('execution_rate', 'rate_mismatch', { rate: fig(r.execution_rate), computed: fig(exact) });
  }
  if (r.budget !== null && r.expenditure !== null && r.expenditure > r.budget + AMOUNT_TOLERANCE / 10) {
    warn('expenditure', 'over_budget', { expenditure: fig(r.expenditure), budget: fig(r.budget) });
  }
  if (r.budget !== null && r.budget_basic !== null && r.budget_project !== null) {
    const sum = r.budget_basic + r.budget_project;
    if (Math.abs(sum - r.budget) > AMOUNT_TOLERANCE) {
      warn('budget', 'budget_parts', { sum: fig(sum), budget: fig(r.budget) });
    }
  }
  if (r.expenditure !== null && r.expenditure_basic !== null && r.expenditure_project !== null) {
    const sum = r.expenditure_basic + r.expenditure_project;
    if (Math.abs(sum - r.expenditure) > AMOUNT_TOLERANCE) {
      warn('expenditure', 'expenditure_parts', { sum: fig(sum), expenditure: fig(r.expenditure) });
    }
  }
  const expected = gradeFromScore(r.score);
  if (expected !== null && r.grade !== null && r.grade !== expected) {
    warn('grade', 'grade_mismatch', { grade: r.grade, score: fig(r.score!), expected });
  }
  if (r.scope === 'project' && r.budget !== null && r.expenditure !== null && r.carryover !== null) {
    const left = r.budget - r.expenditure;
    if (Math.abs(left - r.carryover) > AMOUNT_TOLERANCE) {
      warn('carryover', 'carryover_mismatch', { left: fig(left), carryover: fig(r.carryover) });
    }
  }
  return out;
}

interface ScoredNode {
  /** Score written on the node's own row, when the file has such a row. */
  own: number | null;
  ownRow: number | null;
  /** Sum of the scores of its direct children that carry one, and how many do. */
  childSum: number;
  childCount: number;
}

interface Level2Node extends ScoredNode {
  /** The level-1 node it folds into. */
  parent: ScoredNode;
}

interface Level1Node extends ScoredNode {
  /** Its level-2 nodes by name; level-3 rows with no level-2 name group under level2 ''. */
  children: Map<string, Level2Node>;
}

interface RecordTree {
  firstRow: number;
  level1: Map<string, Level1Node>;
  /** Every level-2 node in the order first seen (the order warnings are reported in). */
  level2: Level2Node[];
}

/**
 * Collects indicator scores per record while rows stream past, then checks that the levels add up:
 * level 3 → level 2 → level 1 → the record's total score. Names are looked up level by level
 * (no joined key string per row), and rows of one record follow each other, so its tree is kept
 * at hand instead of looked up again.
 */
export class IndicatorSums {
  private readonly trees = new Map<string, RecordTree>();
  private lastKey: string | null = null;
  private lastTree: RecordTree | null = null;
  /** The level-1 and level-2 nodes of the previous row: a record's rows come level by level. */
  private lastL1: Level1Node | null = null;
  private lastL1Name = '';
  private lastL2: Level2Node | null = null;
  private lastL2Name = '';

  add(rk: string, r: IndicatorRow, row: number): void {
    let tree = rk === this.lastKey ? this.lastTree : this.trees.get(rk);
    if (!tree) {
      tree = { firstRow: row, level1: new Map(), level2: [] };
      this.trees.set(rk, tree);
    }
    if (tree !== this.lastTree) this.lastL1 = this.lastL2 = null;
    this.lastKey = rk;
    this.lastTree = tree;
    let l1 = this.lastL1 !== null && r.level1 === this.lastL1Name ? this.lastL1 : tree.level1.get(r.level1);
    if (!l1) {
      l1 = { own: null, ownRow: null, childSum: 0, childCount: 0, children: new Map() };
      tree.level1.set(r.level1, l1);
    }
    if (l1 !== this.lastL1) this.lastL2 = null;
    this.lastL1 = l1;
    this.lastL1Name = r.level1;
    if (r.level2 === '' && r.level3 === '') {
      l1.own = r.score;
      l1.ownRow = row;
      return;
    }
    let l2 = this.lastL2 !== null && r.level2 === this.lastL2Name ? this.lastL2 : l1.children.get(r.level2);
    if (!l2) {
      l2 = { own: null, ownRow: null, childSum: 0, childCount: 0, parent: l1 };
      l1.children.set(r.level2, l2);
      tree.level2.push(l2);
    }
    this.lastL2 = l2;
    this.lastL2Name = r.level2;
    if (r.level3 === '') {
      // A level-2 row: its own score, and a child of level 1.
      l2.own = r.score;
      l2.ownRow = row;
      return;
    }
    if (r.score !== null) {
      l2.childSum += r.score;
      l2.childCount++;
    }
  }

  /**
   * Adds the rows of column chunks (a later part of the file, FileSession.absorb), row `i` at
   * spreadsheet row rowNumbers[i] + `records`, in order: as if `add` had been called for each as it
   * was read.
   */
  addChunks(chunks: readonly PackedChunk[], rowNumbers: Int32Array, records: number): void {
    const row = { level1: '', level2: '', level3: '', score: null as number | null };
    let index = 0;
    for (const c of chunks) {
      const t = c.text;
      const agency = t.agency!;
      const scope = t.scope!;
      const project = t.project!;
      const level1 = t.level1!;
      const level2 = t.level2!;
      const level3 = t.level3!;
      const years = c.num.year!;
      const scores = c.num.score!;
      // The record key is made again only where it changes (by the cells' codes).
      let a = -1;
      let y = NaN;
      let s = -1;
      let p = -1;
      let rk = '';
      for (let i = 0; i < c.length; i++, index++) {
        const ai = agency.codes[i]!;
        const yi = years[i]!;
        const si = scope.codes[i]!;
        const pi = project.codes[i]!;
        if (ai !== a || yi !== y || si !== s || pi !== p) {
          a = ai;
          y = yi;
          s = si;
          p = pi;
          rk = recordKey({
            agency: agency.values[ai]!,
            year: yi,
            scope: scope.values[si] as Scope,
            project: project.values[pi]!,
          });
        }
        row.level1 = level1.values[level1.codes[i]!]!;
        row.level2 = level2.values[level2.codes[i]!]!;
        row.level3 = level3.values[level3.codes[i]!]!;
        const score = scores[i]!;
        row.score = Number.isNaN(score) ? null : score;
        this.add(rk, row as IndicatorRow, rowNumbers[index]! + records);
      }
    }
  }

  /** Warnings for every record whose levels or total do not add up. */
  warnings(recordScore: (recordKey: string) => number | null | undefined, scoreColumn: string | null): Issue[] {
    const out: Issue[] = [];
    for (const [rk, tree] of this.trees) {
      // Fold level 2 into level 1: a level-2 node counts with its own score, else its children's sum.
      for (const l2 of tree.level2) {
        const l1 = l2.parent;
        const l2Value = l2.own ?? (l2.childCount > 0 ? l2.childSum : null);
        if (l2.own !== null && l2.childCount > 0 && Math.abs(l2.childSum - l2.own) > SCORE_TOLERANCE) {
          out.push({
            row: l2.ownRow,
            column: scoreColumn,
            code: 'level2_sum',
            params: { sum: fig(l2.childSum), score: fig(l2.own) },
            recordKey: rk,
          });
        }
        if (l2Value !== null) {
          l1.childSum += l2Value;
          l1.childCount++;
        }
      }
      let total = 0;
      let counted = 0;
      for (const [name1, l1] of tree.level1) {
        if (l1.own !== null && l1.childCount > 0 && Math.abs(l1.childSum - l1.own) > SCORE_TOLERANCE) {
          out.push({
            row: l1.ownRow,
            column: scoreColumn,
            code: 'level1_sum',
            params: { level1: name1, sum: fig(l1.childSum), score: fig(l1.own) },
            recordKey: rk,
          });
        }
        const v = l1.own ?? (l1.childCount > 0 ? l1.childSum : null);
        if (v !== null) {
          total += v;
          counted++;
        }
      }
      const score = recordScore(rk);
      if (counted > 0 && score !== null && score !== undefined && Math.abs(total - score) > SCORE_TOLERANCE) {
        out.push({
          row: tree.firstRow,
          column: scoreColumn,
          code: 'total_sum',
          params: { sum: fig(total), score: fig(score) },
          recordKey: rk,
        });
      }
    }
    return out;
  }
}
