// Consistency checks of the contract: warnings, not errors. Each names its row and column and
// carries the record key so it can be kept with the record after commit.
import { executionRateExact, gradeFromScore, round2 } from './derive';
import { recordKey } from './keys';
import type { IndicatorRow, Issue, PerfRecord } from './types';

/** Amounts in the reports are written to 0.01 万元; sums of rounded parts may drift by a few of those. */
const AMOUNT_TOLERANCE = 0.015;
/** execution_rate may differ from expenditure ÷ budget by at most 0.1 percentage point. */
const RATE_TOLERANCE = 0.1;
const SCORE_TOLERANCE = 0.015;

const fmt = (x: number): string => round2(x).toFixed(2);

export function recordWarnings(r: PerfRecord, row: number, columnOf: (field: string) => string | null): Issue[] {
  const out: Issue[] = [];
  const key = recordKey(r);
  const warn = (field: string, message: string, code: string): void => {
    out.push({ row, column: columnOf(field), message, code, recordKey: key });
  };
  const exact = executionRateExact(r.budget, r.expenditure);
  // The epsilon keeps a difference of exactly 0.1 point (e.g. 96.8 against 96.9) from warning through float noise.
  if (exact !== null && r.execution_rate !== null && Math.abs(exact - r.execution_rate) > RATE_TOLERANCE + 1e-9) {
    warn(
      'execution_rate',
      `预算执行率 ${fmt(r.execution_rate)}% 与 支出÷预算 = ${fmt(exact)}% 相差超过 0.1 个百分点`,
      'rate_mismatch',
    );
  }
  if (r.budget !== null && r.expenditure !== null && r.expenditure > r.budget + AMOUNT_TOLERANCE / 10) {
    warn('expenditure', `支出 ${fmt(r.expenditure)} 万元超过预算 ${fmt(r.budget)} 万元`, 'over_budget');
  }
  if (r.budget !== null && r.budget_basic !== null && r.budget_project !== null) {
    const sum = r.budget_basic + r.budget_project;
    if (Math.abs(sum - r.budget) > AMOUNT_TOLERANCE) {
      warn(
        'budget',
        `基本支出预算 + 项目支出预算 = ${fmt(sum)} 万元，与全年预算 ${fmt(r.budget)} 万元不一致`,
        'budget_parts',
      );
    }
  }
  if (r.expenditure !== null && r.expenditure_basic !== null && r.expenditure_project !== null) {
    const sum = r.expenditure_basic + r.expenditure_project;
    if (Math.abs(sum - r.expenditure) > AMOUNT_TOLERANCE) {
      warn(
        'expenditure',
        `基本支出 + 项目支出 = ${fmt(sum)} 万元，与全年支出 ${fmt(r.expenditure)} 万元不一致`,
        'expenditure_parts',
      );
    }
  }
  const expected = gradeFromScore(r.score);
  if (expected !== null && r.grade !== null && r.grade !== expected) {
    warn('grade', `评价等级“${r.grade}”与总分 ${fmt(r.score!)} 对应的等级“${expected}”不符`, 'grade_mismatch');
  }
  if (r.scope === 'project' && r.budget !== null && r.expenditure !== null && r.carryover !== null) {
    const left = r.budget - r.expenditure;
    if (Math.abs(left - r.carryover) > AMOUNT_TOLERANCE) {
      warn(
        'carryover',
        `预算 − 支出 = ${fmt(left)} 万元，与结转结余 ${fmt(r.carryover)} 万元不一致`,
        'carryover_mismatch',
      );
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

  add(rk: string, r: IndicatorRow, row: number): void {
    let tree = rk === this.lastKey ? this.lastTree : this.trees.get(rk);
    if (!tree) {
      tree = { firstRow: row, level1: new Map(), level2: [] };
      this.trees.set(rk, tree);
    }
    this.lastKey = rk;
    this.lastTree = tree;
    let l1 = tree.level1.get(r.level1);
    if (!l1) {
      l1 = { own: null, ownRow: null, childSum: 0, childCount: 0, children: new Map() };
      tree.level1.set(r.level1, l1);
    }
    if (r.level2 === '' && r.level3 === '') {
      l1.own = r.score;
      l1.ownRow = row;
      return;
    }
    let l2 = l1.children.get(r.level2);
    if (!l2) {
      l2 = { own: null, ownRow: null, childSum: 0, childCount: 0, parent: l1 };
      l1.children.set(r.level2, l2);
      tree.level2.push(l2);
    }
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
            message: `三级指标得分合计 ${fmt(l2.childSum)} 与二级指标得分 ${fmt(l2.own)} 不一致`,
            code: 'level_sum',
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
            message: `“${name1}”下级指标得分合计 ${fmt(l1.childSum)} 与一级指标得分 ${fmt(l1.own)} 不一致`,
            code: 'level_sum',
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
          message: `指标得分合计 ${fmt(total)} 与评价记录总分 ${fmt(score)} 不一致`,
          code: 'total_sum',
          recordKey: rk,
        });
      }
    }
    return out;
  }
}
