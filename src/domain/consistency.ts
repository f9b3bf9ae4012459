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
    warn('execution_rate', `预算执行率 ${fmt(r.execution_rate)}% 与 支出÷预算 = ${fmt(exact)}% 相差超过 0.1 个百分点`, 'rate_mismatch');
  }
  if (r.budget !== null && r.expenditure !== null && r.expenditure > r.budget + AMOUNT_TOLERANCE / 10) {
    warn('expenditure', `支出 ${fmt(r.expenditure)} 万元超过预算 ${fmt(r.budget)} 万元`, 'over_budget');
  }
  if (r.budget !== null && r.budget_basic !== null && r.budget_project !== null) {
    const sum = r.budget_basic + r.budget_project;
    if (Math.abs(sum - r.budget) > AMOUNT_TOLERANCE) {
      warn('budget', `基本支出预算 + 项目支出预算 = ${fmt(sum)} 万元，与全年预算 ${fmt(r.budget)} 万元不一致`, 'budget_parts');
    }
  }
  if (r.expenditure !== null && r.expenditure_basic !== null && r.expenditure_project !== null) {
    const sum = r.expenditure_basic + r.expenditure_project;
    if (Math.abs(sum - r.expenditure) > AMOUNT_TOLERANCE) {
      warn('expenditure', `基本支出 + 项目支出 = ${fmt(sum)} 万元，与全年支出 ${fmt(r.expenditure)} 万元不一致`, 'expenditure_parts');
    }
  }
  const expected = gradeFromScore(r.score);
  if (expected !== null && r.grade !== null && r.grade !== expected) {
    warn('grade', `评价等级“${r.grade}”与总分 ${fmt(r.score!)} 对应的等级“${expected}”不符`, 'grade_mismatch');
  }
  if (r.scope === 'project' && r.budget !== null && r.expenditure !== null && r.carryover !== null) {
    const left = r.budget - r.expenditure;
    if (Math.abs(left - r.carryover) > AMOUNT_TOLERANCE) {
      warn('carryover', `预算 − 支出 = ${fmt(left)} 万元，与结转结余 ${fmt(r.carryover)} 万元不一致`, 'carryover_mismatch');
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

interface RecordTree {
  firstRow: number;
  level1: Map<string, ScoredNode>;
  /** Keyed by level1 + level2; level-3 rows with no level-2 name group under level2 ''. */
  level2: Map<string, ScoredNode>;
}

const node = (): ScoredNode => ({ own: null, ownRow: null, childSum: 0, childCount: 0 });

/**
 * Collects indicator scores per record while rows stream past, then checks that the levels add up:
 * level 3 → level 2 → level 1 → the record's total score.
 */
export class IndicatorSums {
  private readonly trees = new Map<string, RecordTree>();

  add(rk: string, r: IndicatorRow, row: number): void {
    let tree = this.trees.get(rk);
    if (!tree) {
      tree = { firstRow: row, level1: new Map(), level2: new Map() };
      this.trees.set(rk, tree);
    }
    const l1 = tree.level1.get(r.level1) ?? node();
    tree.level1.set(r.level1, l1);
    if (r.level2 === '' && r.level3 === '') {
      l1.own = r.score;
      l1.ownRow = row;
      return;
    }
    if (r.level3 === '') {
      // A level-2 row: its own score, and a child of level 1.
      const k2 = r.level1 + '\u001f' + r.level2;
      const l2 = tree.level2.get(k2) ?? node();
      tree.level2.set(k2, l2);
      l2.own = r.score;
      l2.ownRow = row;
      return;
    }
    const k2 = r.level1 + '\u001f' + r.level2;
    const l2 = tree.level2.get(k2) ?? node();
    tree.level2.set(k2, l2);
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
      for (const [k2, l2] of tree.level2) {
        const name1 = k2.slice(0, k2.indexOf('\u001f'));
        const l1 = tree.level1.get(name1)!;
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
