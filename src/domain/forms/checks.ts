// What a careful reader of a form checks before believing it, as warnings that point at the cell:
// a total line that reads 0 (or nothing) while its sub-lines hold the money (the sub-lines are
// taken), a total that its parts exceed, a stated 执行率 that is not 执行数 ÷ 全年预算数 (or a
// fraction written without its %), indicator scores that do not add up to 总分 (nor weights to
// the total weight), and a score above its 分值.
import { round2 } from '@/domain/derive';
import type { EvidenceItem, ExtractedKind } from '@/domain/extract/types';
import type { IndicatorRow, PerfRecord } from '@/domain/types';
import { amountOf, numberOf, percentOf } from './cellValues';
import type { FormLog } from './evidence';
import { cellLocation } from './formRows';
import type { FundsBlock, FundsLine } from './fundsBlock';
import type { IndicatorTable } from './indicatorTable';
import type { FundColumn } from './labels';

/** Money differences below this (万元) are rounding: 0.01 万元 is 100 元. */
const AMOUNT_TOLERANCE = 0.01;
/** The contract's tolerance for a stated rate against its figures, in percentage points. */
const RATE_TOLERANCE = 0.1;
const SCORE_TOLERANCE = 0.01;

function evidenceOf(log: FormLog, kind: ExtractedKind, index: number, field: string): EvidenceItem | undefined {
  return log.evidence.find((e) => e.kind === kind && e.index === index && e.field === field);
}

function columnLabel(funds: FundsBlock, field: FundColumn): string {
  return funds.columns.find((c) => c.field === field)?.label ?? '';
}

const MONEY = ['budget_initial', 'budget', 'expenditure'] as const;

/** Sub-lines whose money should add up to the total: the sources, else 基本支出 + 项目支出. */
function parts(funds: FundsBlock): FundsLine[] {
  const sources = funds.lines.filter((l) => l.kind === 'source');
  const hasMoney = (l: FundsLine) => MONEY.some((f) => amountOf(l.cells.get(f), funds.scale).value !== null);
  if (sources.some(hasMoney)) return sources;
  return funds.lines.filter((l) => l.kind === 'basic' || l.kind === 'project');
}

function checkTotal(funds: FundsBlock, total: FundsLine, record: PerfRecord, log: FormLog): void {
  const subs = parts(funds);
  for (const field of MONEY) {
    const totalCell = total.cells.get(field);
    const stated = amountOf(totalCell, funds.scale).value;
    const values = subs.map((l) => ({
      line: l,
      cell: l.cells.get(field),
      v: amountOf(l.cells.get(field), funds.scale).value,
    }));
    const filled = values.filter((x) => x.v !== null);
    if (filled.length === 0) continue;
    const sum = Number(filled.reduce((s, x) => s + x.v!, 0).toFixed(6));
    const column = columnLabel(funds, field);
    const at = totalCell
      ? cellLocation(total.row.table, totalCell, `${total.item} ${column}`)
      : cellLocation(total.row.table, total.label, total.item);
    if ((stated === null || stated === 0) && sum > 0) {
      // The total line was left at 0 or blank: the money is in its sub-lines, so take their sum.
      record[field] = sum;
      log.warn(
        stated === 0 ? 'fund_total_zero' : 'fund_total_blank',
        { column, sum },
        { location: at, kind: 'records', index: 0, field },
      );
      const i = log.evidence.findIndex((e) => e.kind === 'records' && e.index === 0 && e.field === field);
      if (i >= 0) log.evidence.splice(i, 1);
      const first = filled[0]!;
      const ev = log.derived(
        'records',
        0,
        field,
        first.cell!.text.trim(),
        cellLocation(first.line.row.table, first.cell!, `${first.line.item} ${column}`),
      );
      if (stated === 0 && totalCell) ev.disputed = [{ value: 0, text: totalCell.text.trim(), location: at }];
      continue;
    }
    if (stated === null) continue;
    const complete = filled.length === values.length;
    if (sum > stated + AMOUNT_TOLERANCE || (complete && Math.abs(sum - stated) > AMOUNT_TOLERANCE)) {
      log.warn(
        'fund_total_mismatch',
        { column, total: stated, sum },
        { location: at, kind: 'records', index: 0, field },
      );
    }
  }
}

function checkRate(funds: FundsBlock, line: FundsLine, record: PerfRecord | null, log: FormLog): void {
  const rateCell = line.cells.get('rate');
  const stated = percentOf(rateCell).value;
  if (stated === null || !rateCell) return;
  const hasBudget = funds.columns.some((c) => c.field === 'budget');
  const budget = record
    ? record.budget
    : amountOf(line.cells.get(hasBudget ? 'budget' : 'budget_initial'), funds.scale).value;
  const denominator = record && !hasBudget ? record.budget_initial : budget;
  const spent = record ? record.expenditure : amountOf(line.cells.get('expenditure'), funds.scale).value;
  if (denominator === null || spent === null || denominator <= 0) return;
  const computed = (spent / denominator) * 100;
  if (Math.abs(stated - computed) <= RATE_TOLERANCE) return;
  const at = cellLocation(line.row.table, rateCell, `${line.item} ${columnLabel(funds, 'rate')}`);
  const where = { location: at, ...(record ? { kind: 'records' as const, index: 0, field: 'execution_rate' } : {}) };
  if (stated <= 1.5 && Math.abs(stated * 100 - computed) <= RATE_TOLERANCE) {
    // 0.9692 with no % and no percent format: a fraction, as the figures show.
    log.warn('execution_rate_fraction', { item: line.item, stated: String(stated), read: round2(stated * 100) }, where);
    if (record) record.execution_rate = round2(stated * 100);
    return;
  }
  log.warn('execution_rate_mismatch', { item: line.item, stated, computed: round2(computed) }, where);
  if (record) {
    const ev = evidenceOf(log, 'records', 0, 'execution_rate');
    const spentEv = evidenceOf(log, 'records', 0, 'expenditure');
    if (ev && spentEv) ev.disputed = [{ value: round2(computed), text: spentEv.text, location: spentEv.location }];
  }
}

export function checkFunds(funds: FundsBlock, record: PerfRecord, log: FormLog): void {
  const total = funds.lines.find((l) => l.kind === 'total');
  if (total) {
    checkTotal(funds, total, record, log);
    checkRate(funds, total, record, log);
    const weight = numberOf(total.cells.get('weight')).value;
    const score = numberOf(total.cells.get('score')).value;
    const scoreCell = total.cells.get('score');
    if (weight !== null && score !== null && score > weight + SCORE_TOLERANCE && scoreCell) {
      log.warn(
        'form_score_above_weight',
        { item: total.item, score, weight },
        { location: cellLocation(total.row.table, scoreCell, columnLabel(funds, 'score')) },
      );
    }
  }
  for (const line of funds.lines) if (line !== total) checkRate(funds, line, null, log);
}

export function checkIndicators(
  table: IndicatorTable | null,
  indicators: readonly IndicatorRow[],
  record: PerfRecord,
  log: FormLog,
): void {
  indicators.forEach((row, i) => {
    if (row.weight !== null && row.score !== null && row.score > row.weight + SCORE_TOLERANCE) {
      const ev = evidenceOf(log, 'indicators', i, 'score');
      log.warn(
        'form_score_above_weight',
        { item: row.level3 || row.level2 || row.level1, score: row.score, weight: row.weight },
        { location: ev?.location, kind: 'indicators', index: i, field: 'score' },
      );
    }
  });
  const scores = indicators.map((r) => r.score).filter((s): s is number => s !== null);
  if (record.score !== null && scores.length > 0) {
    const sum = round2(scores.reduce((a, b) => a + b, 0));
    if (Math.abs(sum - record.score) > SCORE_TOLERANCE) {
      const ev = evidenceOf(log, 'records', 0, 'score');
      log.warn(
        'score_sum_mismatch',
        { sum, total: record.score },
        { location: ev?.location, kind: 'records', index: 0, field: 'score' },
      );
    }
  }
  const totalWeight = numberOf(table?.total?.weight).value;
  const weights = indicators.map((r) => r.weight).filter((w): w is number => w !== null);
  if (table?.total?.weight && totalWeight !== null && weights.length > 0) {
    const sum = round2(weights.reduce((a, b) => a + b, 0));
    if (Math.abs(sum - totalWeight) > SCORE_TOLERANCE) {
      log.warn(
        'weight_sum_mismatch',
        { sum, total: totalWeight },
        { location: cellLocation(table.total.row.table, table.total.weight, '分值') },
      );
    }
  }
}
