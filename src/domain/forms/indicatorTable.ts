// The indicator table of a form (绩效指标): a header row (一级指标 / 二级指标 / 三级指标 / 年度指标值 /
// 实际完成值 / 分值 / 得分 / 偏差原因分析及改进措施, or a province's variant: 指标性质 + 指标值 +
// 度量单位, 权重, 未完成原因分析; or a flat 指标名称 list), the indicator rows with level names merged
// down or left blank under the one above, and the total row (总分 / 合计).
import type { TableCell } from '@/domain/document/types';
import { cellsByColumn, headerColumns, lastCol, mergedFromAbove, type BlockColumn, type FormRow } from './formRows';
import { headerBand } from './headerBand';
import { UnreadCells, type UnreadCell } from './unreadCells';
import { BLOCK_STARTS, cleanName, INDICATOR_COLUMNS, labelKey, META_LABELS, type IndicatorColumn } from './labels';

export interface IndicatorLine {
  row: FormRow;
  level1: string;
  level2: string;
  level3: string;
  /** The cells each value was read from (level cells may be merged from rows above). */
  cells: Map<IndicatorColumn, TableCell>;
  /** The target as stored: 指标性质, 指标值 and 度量单位 put together when the form splits them. */
  target: string;
  actual: string;
  note: string;
}

export interface IndicatorTable {
  columns: BlockColumn<IndicatorColumn>[];
  lines: IndicatorLine[];
  /** The 总分 / 合计 row's cells under 分值 and 得分, when the table has one. */
  total: { row: FormRow; label: TableCell; weight?: TableCell; score?: TableCell } | null;
  /** Values under no column of the table (the first of each grid column). */
  unread: UnreadCell[];
  /** True when the table names indicators without levels (指标名称 only). */
  flat: boolean;
  first: number;
  last: number;
}

const LEVELS = ['level1', 'level2', 'level3'] as const;

function isHeader(columns: readonly BlockColumn<IndicatorColumn>[]): boolean {
  const fields = new Set(columns.map((c) => c.field));
  return (fields.has('level1') || fields.has('name')) && fields.size >= 3;
}

function text(cell: TableCell | undefined): string {
  return cell ? cleanName(cell.text) : '';
}

const NUMERIC = /^[0-9０-９.,]+$/;

/** `≥` + `1` + `次` → `≥1次`: the target as one text, kept as the form writes it otherwise. */
function compose(nature: string, value: string, unit: string): string {
  if (value === '') return '';
  const withUnit = unit !== '' && NUMERIC.test(value) ? `${value}${unit}` : value;
  return nature !== '' && !withUnit.startsWith(nature) ? `${nature}${withUnit}` : withUnit;
}

function ends(row: FormRow): boolean {
  const first = row.cells.find((c) => c.text.trim() !== '');
  if (!first) return false;
  const key = labelKey(first.text).key;
  const meta = META_LABELS.get(key);
  return (meta !== undefined && meta !== 'total' && meta !== 'department') || BLOCK_STARTS.has(key);
}

/** The indicator table of a form's rows (searched from `from`), or null when it has none. */
export function findIndicatorTable(rows: readonly FormRow[], from = 0): IndicatorTable | null {
  for (let i = from; i < rows.length; i++) {
    const header = headerBand(rows, i, INDICATOR_COLUMNS);
    const { columns } = header;
    if (!isHeader(columns)) continue;
    const firstCol = Math.min(...columns.map((c) => c.c0));
    const levelCol = new Map(
      columns.filter((c) => (LEVELS as readonly string[]).includes(c.field)).map((c) => [c.field, c]),
    );
    const flat = levelCol.size === 0;
    const lines: IndicatorLine[] = [];
    let total: IndicatorTable['total'] = null;
    const carry = { level1: '', level2: '' };
    const unread = new UnreadCells(header.leaves);
    let last = i + header.height - 1;
    for (let j = i + header.height; j < rows.length; j++) {
      const row = rows[j]!;
      const firstText = row.cells.find((c) => c.text.trim() !== '');
      if (firstText && META_LABELS.get(labelKey(firstText.text).key) === 'total') {
        const { byField, unplaced } = cellsByColumn(row.cells, columns, lastCol(firstText) + 1);
        unread.add(row, unplaced);
        total = { row, label: firstText, weight: byField.get('weight'), score: byField.get('score') };
        last = j;
        break;
      }
      if (ends(row)) break;
      if (isHeader(headerColumns(row, INDICATOR_COLUMNS))) break;
      const { byField, unplaced } = cellsByColumn(row.cells, columns, firstCol);
      // Level names merged down over several rows read in each of them.
      for (const [field, col] of levelCol) {
        if (!byField.has(field)) {
          const above = mergedFromAbove(row, col.c0);
          if (above && (row.table !== rows[i]!.table || above.row > header.bottom)) byField.set(field, above);
        }
      }
      const names = {
        level1: text(byField.get('level1') ?? (flat ? byField.get('name') : undefined)),
        level2: text(byField.get('level2')),
        level3: text(byField.get('level3') ?? (flat ? undefined : byField.get('name'))),
      };
      const hasFigures = ['weight', 'score', 'target', 'actual'].some(
        (f) => text(byField.get(f as IndicatorColumn)) !== '',
      );
      if (names.level1 === '' && names.level2 === '' && names.level3 === '' && !hasFigures) continue;
      unread.add(row, unplaced);
      last = j;
      // A level left blank under the one above is the one above (the form's visual convention).
      if (names.level1 !== '') {
        if (names.level1 !== carry.level1) carry.level2 = '';
        carry.level1 = names.level1;
      } else names.level1 = carry.level1;
      if (names.level2 !== '') carry.level2 = names.level2;
      else if (names.level3 !== '') names.level2 = carry.level2;
      // A heading row (a level name with nothing under it yet) only names what follows.
      if (!hasFigures && (flat || names.level3 === '')) continue;
      const unit = text(byField.get('unit'));
      lines.push({
        row,
        ...names,
        cells: byField,
        target: compose(text(byField.get('nature')), text(byField.get('target')), unit),
        actual: compose('', text(byField.get('actual')), unit),
        note: byField.get('note')?.text.trim() ?? '',
      });
    }
    return { columns, lines, total, unread: unread.cells, flat, first: i, last };
  }
  return null;
}
