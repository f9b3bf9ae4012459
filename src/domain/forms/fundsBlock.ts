// The funds block of a form (项目资金 / 预算执行情况 / 部门整体支出预算执行情况): its header row of
// column labels (年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分 and their variants), then one
// row per money line: the total (年度资金总额 / 总额), the sources (当年财政拨款, 上年结转资金,
// 其他资金, 财政资金, 单位资金, …) and, in department forms, 基本支出 and 项目支出. A tasks block
// (年度主要任务 with 预算数 / 执行数) is not it, before the funds block or after.
import type { TableCell } from '@/domain/document/types';
import { amountUnit, type AmountUnit } from './amountUnit';
import { cellsByColumn, lastCol, type BlockColumn, type FormRow } from './formRows';
import { headerBand } from './headerBand';
import { UnreadCells, type UnreadCell } from './unreadCells';
import {
  BLOCK_STARTS,
  cleanName,
  FUND_COLUMNS,
  FUND_ROWS,
  INDICATOR_COLUMNS,
  labelKey,
  META_LABELS,
  TASK_LABELS,
} from './labels';
import type { FundColumn, FundRow } from './labels';
import type { FormParagraph } from './metaFacts';

/** One money line of the block: its label and the cell under each column. */
export interface FundsLine {
  kind: FundRow | 'source';
  /** The item as written, without 其中： and a trailing colon. */
  item: string;
  label: TableCell;
  row: FormRow;
  cells: Map<FundColumn, TableCell>;
}

export interface FundsBlock {
  columns: BlockColumn<FundColumn>[];
  /** Multiplier to 万元 of the block's amounts (1 unless the form says 元 or 亿元). */
  scale: number;
  /** Where the form states that unit, and a statement of another unit if there is one. */
  unit: AmountUnit;
  lines: FundsLine[];
  /** Values under no column of the block (the first of each grid column). */
  unread: UnreadCell[];
  /** Indexes (into the form's rows) of the header and of the last row of the block. */
  first: number;
  last: number;
}

/** Rows after the header that may still belong to the block. */
const MAX_LINES = 16;

function isHeader(columns: readonly BlockColumn<FundColumn>[]): boolean {
  const fields = new Set(columns.map((c) => c.field));
  const money = ['budget_initial', 'budget', 'expenditure'].filter((f) => fields.has(f as FundColumn)).length;
  return money >= 2 || (money >= 1 && fields.size >= 3);
}

/** True for a cell that is a label (text that is neither a figure nor an empty marker). */
function isLabel(cell: TableCell): boolean {
  if (typeof cell.value === 'number') return false;
  const t = cell.text.trim();
  if (t === '' || /^[—―\-–/／无]+$/.test(t)) return false;
  return !/^[\s¥￥]*[0-9０-９.,，%％]+\s*(万元|元|分)?$/.test(t);
}

/** Where the block ends: the next part of the form begins at a row whose label says so. */
function endsBlock(label: string): boolean {
  const key = labelKey(label).key;
  return BLOCK_STARTS.has(key) || INDICATOR_COLUMNS.has(key) || (META_LABELS.has(key) && !FUND_ROWS.has(key));
}

/** A label standing among the value columns (a second line side by side): `其中：基本支出：`, `项目支出`. */
function isInlineLabel(text: string): boolean {
  const t = text.trim();
  return FUND_ROWS.has(labelKey(t).key) || /^其中/.test(t) || /[:：]$/.test(t);
}

function itemName(text: string): string {
  return cleanName(text)
    .replace(/^其中[:：]\s*/, '')
    .replace(/[:：]+$/, '');
}

/** True for a header of the tasks block of a department form (任务名称 | 主要内容 | 预算数 | 执行数): money columns, but no funds. */
function isTasksHeader(cells: readonly TableCell[]): boolean {
  return cells.some((c) => TASK_LABELS.has(labelKey(c.text).key));
}

/** The block whose header is at `rows[i]`, or null when no funds header starts there. */
function blockAt(rows: readonly FormRow[], i: number, paragraphs: readonly FormParagraph[]): FundsBlock | null {
  const header = headerBand(rows, i, FUND_COLUMNS);
  const { columns } = header;
  if (!isHeader(columns) || isTasksHeader(rows.slice(i, i + header.height).flatMap((r) => r.cells))) return null;
  const valueFrom = Math.min(...columns.map((c) => c.c0));
  const lines: FundsLine[] = [];
  const unread = new UnreadCells(header.leaves);
  let last = i + header.height - 1;
  for (let j = i + header.height; j < rows.length && j < i + header.height + MAX_LINES; j++) {
    const row = rows[j]!;
    const labels = row.cells.filter((c) => isLabel(c) && (c.col < valueFrom || isInlineLabel(c.text)));
    const first = labels[0];
    if (first && endsBlock(first.text)) break;
    if (labels.length === 0) {
      if (row.cells.some((c) => c.text.trim() !== '')) break;
      continue;
    }
    // The header of another block of money columns ends this one.
    if (isHeader(headerBand(rows, j, FUND_COLUMNS).columns)) break;
    last = j;
    // A row may hold two lines side by side (按收入性质分 | 按支出性质分): each label reads the
    // columns up to the next label.
    labels.forEach((label, k) => {
      const next = labels[k + 1];
      const inSegment = row.cells.filter((c) => c.col > lastCol(label) && (next === undefined || c.col < next.col));
      const { byField, unplaced } = cellsByColumn(
        inSegment,
        columns,
        label.col < valueFrom ? valueFrom : lastCol(label) + 1,
      );
      const kind = FUND_ROWS.get(labelKey(label.text).key) ?? 'source';
      if (kind === 'subheader') return;
      unread.add(row, unplaced);
      lines.push({ kind, item: itemName(label.text), label, row, cells: byField });
    });
  }
  const unit = amountUnit(rows, i, paragraphs, header.height);
  return { columns, scale: unit.scale, unit, lines, unread: unread.cells, first: i, last };
}

/**
 * The funds block of a form's rows, or null when it has none; `paragraphs` (above a Word table)
 * may state its unit. Of several blocks of money columns (a department form's 年度主要任务 with
 * 预算数 / 执行数 may come first), the first with a total line (年度资金总额) is the funds block.
 */
export function findFundsBlock(rows: readonly FormRow[], paragraphs: readonly FormParagraph[] = []): FundsBlock | null {
  let first: FundsBlock | null = null;
  for (let i = 0; i < rows.length; i++) {
    const block = blockAt(rows, i, paragraphs);
    if (block === null) continue;
    if (block.lines.some((l) => l.kind === 'total')) return block;
    first ??= block;
    i = block.last;
  }
  return first;
}
