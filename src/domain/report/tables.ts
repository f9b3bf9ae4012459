// Tables of a report: score tables at any level (一级/二级/三级指标, 分值, 得分, 指标值, 完成值),
// the self-evaluation form's funds block (年初预算数 / 全年预算数 / 全年执行数 by source), tables of
// fund line items (预算金额 / 合同签订金额 / 支出金额), tables of projects (one record each). A
// table may hold several blocks, each under its own header row (the national form does): the
// header is found again wherever a row reads as one.
import { cellFigure, matchable } from './numbers';
import { quoteCell } from '@/domain/issues';
import {
  addFigure,
  type DraftIndicator,
  type DraftRecord,
  type IndicatorField,
  type Reading,
  type Statement,
} from './draft';
import { compact, splitPath } from './levels';
import { numberingOf, rowLocation, type OutlineTable } from './outline';
import type { TableCell } from '@/domain/document/types';
import type { ExtractIssue } from '@/domain/extract/types';
import { warning } from './warn';
import { unitNotesIn } from '@/domain/unitNote';
import { amountUnitScale } from '@/domain/headers';

type Role =
  | 'level1'
  | 'level2'
  | 'level3'
  | 'name'
  | 'weight'
  | 'score'
  | 'target'
  | 'actual'
  | 'note'
  | 'rate'
  | 'unit'
  | 'nature'
  | 'activity'
  | 'budget_initial'
  | 'budget'
  | 'expenditure'
  | 'execution_rate'
  | 'project'
  | 'label'
  | 'grade'
  | 'item'
  | 'contract'
  | 'source'
  | 'carryover'
  | 'carryover_rate'
  | 'seq';

const HEADERS: ReadonlyArray<readonly [Role, RegExp]> = [
  ['level1', /^一级指标$/],
  ['level2', /^二级指标$/],
  ['level3', /^三级指标$/],
  ['name', /^(?:绩效)?(?:评价)?指标(?:名称|内容)?$/],
  ['rate', /^得分率$/],
  ['weight', /^(?:指标)?(?:分值|权重|权重分|标准分|满分|分数)$/],
  ['score', /^(?:评价|实际|自评)?得分$|^评分$/],
  ['target', /^(?:年度|预期|计划)?(?:指标值|目标值|目标|计划值)$|^预期指标值$/],
  ['actual', /^(?:全年)?(?:实际)?(?:完成值|完成情况|实际值)$|^实际完成$/],
  ['note', /^偏差原因|^备注$|^说明$|^扣分(?:原因|说明)/],
  ['unit', /^(?:度量|计量)?单位$/],
  ['nature', /^指标性质$/],
  ['activity', /^活动(?:名称)?$/],
  ['budget_initial', /^年初预算(?:数)?$/],
  ['execution_rate', /^(?:预算)?执行率$/],
  ['carryover_rate', /^结转结余率$/],
  ['carryover', /^结转结余(?:资金)?$|^结余$/],
  ['budget', /^(?:全年|调整后)?预算(?:数|金额|资金)?$/],
  ['expenditure', /^(?:全年)?执行数$|^(?:实际)?支出(?:金额|数)?$|^实际支出金额$/],
  ['contract', /^合同(?:签订)?金额$/],
  ['project', /^项目名称$/],
  ['label', /^项目$|^科目(?:名称)?$|^支出(?:类别|科目)$/],
  ['grade', /^(?:综合)?(?:评价)?等级$/],
  ['item', /^(?:项目)?支出(?:具体)?(?:内容|明细|项目)$|^(?:具体)?内容$|^明细$|^费用名称$/],
  ['source', /^资金来源$|^来源$/],
  ['seq', /^序号$/],
];

/** A header cell's role and the unit its brackets name (`全年预算数（万元）`). */
function roleOf(text: string): { role: Role; scale: number | null } | null {
  const t = compact(text);
  const unit = /[（(]([^）)]*)[）)]$/.exec(t);
  const bare = unit ? t.slice(0, unit.index) : t;
  const scale = unit ? (amountUnitScale(unit[1]!) ?? null) : null;
  for (const [role, re] of HEADERS) if (re.test(bare)) return { role, scale };
  return null;
}

interface Column {
  role: Role;
  header: string;
}

function cellsOf(row: readonly (TableCell | null)[]): string[] {
  return row.map((c) => c?.text ?? '');
}

/** The row's columns by role when the row is a header row (two roles or more, no figures), else null. */
function headerOf(row: readonly (TableCell | null)[]): { columns: (Column | null)[]; scale: number | null } | null {
  let roles = 0;
  let scale: number | null = null;
  const columns = row.map((cell) => {
    if (!cell) return null;
    if (cellFigure(cell.text)) return null;
    const r = roleOf(cell.text);
    if (!r) return null;
    roles++;
    if (r.scale !== null) scale = r.scale;
    return { role: r.role, header: compact(cell.text) };
  });
  if (roles < 2) return null;
  // A label column such as 项目资金（万元）, or a cell `单位：元`, names the block's unit.
  for (const cell of row) {
    const u = cell && /[（(](万元|元|亿元|千元)[）)]/.exec(compact(cell.text));
    if (u && scale === null) scale = amountUnitScale(u[1]!) ?? null;
  }
  return { columns, scale: scale ?? statedUnit(row.map((c) => c?.text ?? '')) };
}

// A cell of digits and commas (and its unit) that is still no figure.
const SPACED_CELL = /^\d(?: [\d.,，%])+(?:万元|元|亿元|分)?$/;
const UNCLEAR_CELL = /^\d[\d.,，\s]*[,，][\d.,，\s]*\d(?:万元|元|亿元|%|分)?$/;

const TOTAL = /^(?:合计|总计|总分|得分合计|综合得分|年度资金总额|资金总额|总额)$/;
const SUBTOTAL = /^小计$/;

/** The unit of amounts a note among these texts states (`单位：元`, `（金额单位：万元）`) as a multiplier to 万元, or null. */
function statedUnit(texts: readonly string[]): number | null {
  const unit = texts.flatMap(unitNotesIn)[0];
  return unit === undefined ? null : (amountUnitScale(unit) ?? null);
}

export interface TableContext {
  reading: Reading;
  record: DraftRecord;
  /** A record for a project row of a table of projects. */
  projectRecord: (name: Statement) => DraftRecord;
}

type Block = 'indicators' | 'budget' | 'line_items' | 'sources' | 'projects' | null;

function blockOf(roles: ReadonlySet<Role>): Block {
  const has = (...rs: Role[]): boolean => rs.some((r) => roles.has(r));
  if (
    roles.has('project') &&
    has('budget', 'expenditure', 'execution_rate', 'score', 'grade') &&
    !has('level1', 'level2', 'level3')
  )
    return 'projects';
  if (roles.has('item') && has('budget', 'expenditure', 'contract')) return 'line_items';
  if (roles.has('source') && has('budget', 'expenditure')) return 'sources';
  if (has('budget_initial', 'budget') && roles.has('expenditure')) return 'budget';
  if (has('level1', 'level2', 'level3', 'name') && has('weight', 'score', 'target', 'actual')) return 'indicators';
  return null;
}

export function readTable(t: OutlineTable, ctx: TableContext): void {
  const { reading } = ctx;
  let columns: (Column | null)[] = [];
  let block: Block = null;
  let scale = statedUnit([t.before]) ?? 1;
  const filled: Partial<Record<'level1' | 'level2', Statement | null>> = {};
  const grid = t.block.grid;
  let headerAbove = false;
  const warnedColumns = new Set<number>();
  grid.forEach((row, r) => {
    warnGuessedSpans(t, row, r, columns, ctx.record);
    const header = headerOf(row);
    if (header) {
      // A header over two rows (预算数 over 年初 / 调整后): the lower row names what it names, the
      // upper row the rest (a 项目名称 cell merged down is null in the lower row).
      columns = headerAbove ? header.columns.map((c, i) => c ?? columns[i] ?? null) : header.columns;
      headerAbove = true;
      block = blockOf(new Set(columns.flatMap((c) => (c ? [c.role] : []))));
      if (header.scale !== null) scale = header.scale;
      filled.level1 = filled.level2 = null;
      return;
    }
    headerAbove = false;
    const texts = cellsOf(row);
    // A caption row of the table (`表1 项目资金情况 | 单位：元`, as a PDF's line of two segments) names the unit of the blocks below it.
    const noted = statedUnit(texts);
    if (noted !== null && texts.every((x) => !cellFigure(x))) {
      scale = noted;
      return;
    }
    if (!block) return;
    if (texts.every((x) => x.trim() === '')) return;
    const at = (c: number): string => `${rowLocation(t, r)}${columns[c] ? ` ${columns[c]!.header}` : ` 第${c + 1}列`}`;
    const cols = (role: Role): number[] => columns.flatMap((c, i) => (c?.role === role ? [i] : []));
    const text = (role: Role): { text: string; col: number } | null => {
      for (const c of cols(role)) if (texts[c]?.trim()) return { text: texts[c]!.trim(), col: c };
      return null;
    };
    const num = (role: Role, amount = false): Statement | null => {
      const cell = text(role);
      if (!cell) return null;
      const f = cellFigure(cell.text);
      if (!f) {
        // Digits and commas that group no thousands (`1,2684.9`), or letter-spaced digits the PDF
        // reader could not join for sure (`2 8 1 2 8`): named, not read.
        const where = at(cell.col);
        const written = matchable(cell.text).trim();
        const code = SPACED_CELL.test(written) ? 'figure_spaced' : UNCLEAR_CELL.test(written) ? 'figure_unclear' : null;
        if (code && !ctx.record.warnings.some((w) => w.location === where))
          ctx.record.warnings.push(warning(code, { text: quoteCell(cell.text) }, { location: where, kind: 'records' }));
        return null;
      }
      if (amount && f.unit !== 'amount' && f.unit !== 'none') return null;
      if (
        (role === 'execution_rate' || role === 'rate' || role === 'carryover_rate') &&
        f.unit !== 'percent' &&
        f.unit !== 'none'
      )
        return null;
      const value = amount && f.unit === 'none' ? Number((f.value * scale).toFixed(6)) : f.value;
      return reading.statement(value, cell.text, at(cell.col));
    };
    const labelCell = texts.findIndex((x, c) => x.trim() !== '' && !cellFigure(x) && columns[c]?.role !== 'note');
    const label = labelCell >= 0 ? compact(texts[labelCell]!) : '';
    const isTotal = TOTAL.test(label);
    if (SUBTOTAL.test(label)) return;
    if (block === 'budget') return readBudgetRow(ctx, { label, labelCell, isTotal, num, text, at, texts });
    if (block === 'line_items' || block === 'sources') {
      const item = text(block === 'sources' ? 'source' : 'item');
      if (isTotal && block === 'sources') return readSourcesTotal(ctx.record, num);
      if (isTotal) {
        for (const field of ['budget', 'expenditure'] as const) {
          const s = num(field, true);
          if (s) ctx.record.totals.push({ field, statement: s });
        }
        return;
      }
      if (!item) return;
      const fields = {
        budget: num('budget', true),
        contract: num('contract', true),
        expenditure: num('expenditure', true),
      };
      ctx.record.funds.push({
        category: block === 'sources' ? 'source' : 'line_item',
        item: reading.statement(compact(item.text), item.text, at(item.col)),
        fields: Object.fromEntries(Object.entries(fields).flatMap(([k, v]) => (v ? [[k, [v]]] : []))),
      });
      return;
    }
    if (block === 'projects') {
      const name = text('project');
      if (!name || isTotal) return;
      const rec = ctx.projectRecord(reading.statement(compact(name.text), name.text, at(name.col)));
      for (const [role, field] of [
        ['budget_initial', 'budget_initial'],
        ['budget', 'budget'],
        ['expenditure', 'expenditure'],
        ['carryover', 'carryover'],
      ] as const) {
        const s = num(role, true);
        if (s) addFigure(rec, field, s);
      }
      for (const [role, field] of [
        ['execution_rate', 'execution_rate'],
        ['carryover_rate', 'carryover_rate'],
        ['score', 'score'],
      ] as const) {
        const s = num(role);
        if (s) addFigure(rec, field, s);
      }
      const grade = text('grade');
      if (grade && /^(优|良|中|差)/.test(grade.text))
        addFigure(rec, 'grade', reading.statement(grade.text[0]!, grade.text, at(grade.col)));
      return;
    }
    const unkeyed = (c: number): void => {
      // A PDF row under the header with its level cell blank: the merged cell above it stands in
      // another row of its span (its text at the bottom), so no row can be keyed for sure.
      if (t.block.at.page === undefined || warnedColumns.has(c)) return;
      warnedColumns.add(c);
      const params = { page: row[c]?.page ?? t.block.at.page, row: r + 1, column: columns[c]?.header ?? String(c + 1) };
      ctx.record.warnings.push(warning('merged_cell_unplaced', params, { location: at(c), kind: 'records' }));
    };
    readIndicatorRow(ctx, { isTotal, num, text, at, filled, texts, cols, unkeyed });
  });
}

/** A merged cell the document reader put in this row by guess (pdfSpans): named at the cell, its text still read. */
function warnGuessedSpans(
  t: OutlineTable,
  row: readonly (TableCell | null)[],
  r: number,
  columns: readonly (Column | null)[],
  record: DraftRecord,
): void {
  row.forEach((cell, c) => {
    if (!cell?.spanGuessed) return;
    const column = columns[c]?.header ?? String(c + 1);
    const params = { page: cell.page ?? t.block.at.page ?? 1, row: r + 1, column };
    const location = `${rowLocation(t, r)} ${columns[c]?.header ?? `第${c + 1}列`}`;
    record.warnings.push(warning('merged_cell_unplaced', params, { location, kind: 'records' }));
  });
}

/**
 * The total row of a table of fund sources: the sources are all the record's money, so their
 * total is the record's budget and spending (and its carry-over and rate where the table has
 * them), stated beside the prose's figures and settled with them. Line items may leave spending
 * out: their total only checks.
 */
function readSourcesTotal(record: DraftRecord, num: RowTools['num']): void {
  for (const field of ['budget_initial', 'budget', 'expenditure', 'carryover'] as const) {
    const s = num(field, true);
    if (s) addFigure(record, field, s);
  }
  const rate = num('execution_rate');
  if (rate) addFigure(record, 'execution_rate', rate);
}

interface RowTools {
  num: (role: Role, amount?: boolean) => Statement | null;
  text: (role: Role) => { text: string; col: number } | null;
  at: (c: number) => string;
  texts: string[];
}

function readBudgetRow(
  ctx: TableContext,
  row: RowTools & { label: string; labelCell: number; isTotal: boolean },
): void {
  const { reading, record } = ctx;
  const initial = row.num('budget_initial', true);
  const budget = row.num('budget', true);
  const spent = row.num('expenditure', true);
  if (row.isTotal) {
    if (initial) addFigure(record, 'budget_initial', initial);
    if (budget) addFigure(record, 'budget', budget);
    if (spent) addFigure(record, 'expenditure', spent);
    const rate = row.num('execution_rate');
    if (rate) addFigure(record, 'execution_rate', rate);
    const weight = row.num('weight');
    const score = row.num('score');
    // The form scores the execution rate as an indicator of its own.
    const rateCol = row.text('execution_rate');
    if (weight || score) {
      // Named as the national form names this scored item, whatever the column says (执行率).
      const header = '预算执行率';
      const headerText = rateCol ? row.at(rateCol.col).split(' ').pop()! : header;
      const fields: DraftIndicator['fields'] = {};
      if (weight) fields.weight = weight;
      if (score) fields.score = score;
      if (rate) fields.actual = reading.statement(rateCol!.text, rateCol!.text, rate.location);
      record.indicators.push({
        level1: reading.statement(header, headerText, rate?.location ?? weight?.location ?? ''),
        level2: null,
        level3: null,
        fields,
        disputed: {},
      });
    }
    return;
  }
  if (!budget && !spent && !initial) return;
  const written = row.texts[row.labelCell] ?? '';
  const name = row.label.replace(/^其中[:：]?/, '');
  if (!name) return;
  // The budget split by kind of spending: the record's basic and project figures.
  const split = /^基本支出/.test(name) ? 'basic' : /^项目支出/.test(name) ? 'project' : null;
  if (split) {
    if (budget) addFigure(record, split === 'basic' ? 'budget_basic' : 'budget_project', budget);
    if (spent) addFigure(record, split === 'basic' ? 'expenditure_basic' : 'expenditure_project', spent);
    return;
  }
  if (/^(?:人员经费|公用经费|其他支出)/.test(name)) return;
  const fields: Record<string, Statement[]> = {};
  if (budget ?? initial) fields.budget = [(budget ?? initial)!];
  if (spent) fields.expenditure = [spent];
  record.funds.push({
    category: 'source',
    item: reading.statement(name, written.trim().replace(/^其中[:：]?\s*/, ''), row.at(row.labelCell)),
    fields,
  });
}

const OPERATOR = /^[≥≤＞＜>=<＝]+$/;

function withoutNumber(name: string): string {
  return numberingOf(name)?.rest || name;
}

function readIndicatorRow(
  ctx: TableContext,
  row: RowTools & {
    isTotal: boolean;
    filled: Partial<Record<'level1' | 'level2', Statement | null>>;
    /** Said of a row whose level cell (this column) is blank with no name above to carry. */
    unkeyed: (col: number) => void;
    cols: (role: Role) => number[];
  },
): void {
  const { reading, record } = ctx;
  if (row.isTotal) {
    const weight = row.num('weight');
    const score = row.num('score');
    // A total row's figures may sit under other columns when its label cell spans several: take them in order.
    const figures = row.texts.flatMap((x, c) => {
      const f = cellFigure(x);
      return f && f.unit !== 'percent' ? [reading.statement(f.value, x.trim(), row.at(c))] : [];
    });
    const s = score ?? (weight ? null : (figures[1] ?? null));
    if (s) addFigure(record, 'score', s);
    return;
  }
  const level = (role: 'level1' | 'level2' | 'level3'): Statement | null => {
    const cell = row.text(role);
    // `1.决策`, `（一）产出指标`: the number is the table's, not the indicator's name.
    return cell ? reading.statement(withoutNumber(compact(cell.text)), cell.text, row.at(cell.col)) : null;
  };
  let l1 = level('level1');
  let l2 = level('level2');
  let l3 = level('level3');
  if (!l1 && !l2 && !l3) {
    const nameCell = row.text('name');
    if (!nameCell) return;
    const [a, b, c] = splitPath(withoutNumber(compact(nameCell.text)));
    const loc = row.at(nameCell.col);
    if (a) l1 = reading.statement(a, nameCell.text, loc);
    if (b) l2 = reading.statement(b, nameCell.text, loc);
    if (c) l3 = reading.statement(c, nameCell.text, loc);
    if (!a && !b) l1 = reading.statement(withoutNumber(compact(nameCell.text)), nameCell.text, loc);
  }
  // Merged (or, in text files, blank) level cells carry the name from the row above.
  if (row.cols('level1').length > 0) {
    if (l1) {
      row.filled.level1 = l1;
      row.filled.level2 = null;
    } else l1 = row.filled.level1 ?? null;
  }
  if (row.cols('level2').length > 0 && (l3 || l2)) {
    if (l2) row.filled.level2 = l2;
    else l2 = row.filled.level2 ?? null;
  }
  if (!l1) {
    const blank = row.cols('level1')[0];
    if (blank !== undefined && row.texts.some((x) => cellFigure(x))) row.unkeyed(blank);
    return;
  }
  const fields: DraftIndicator['fields'] = {};
  const weight = row.num('weight');
  const score = row.num('score');
  if (weight) fields.weight = weight;
  if (score) fields.score = score;
  const target = row.text('target');
  if (target) {
    const nature = row.text('nature');
    const unit = row.text('unit');
    const op = nature && OPERATOR.test(compact(nature.text)) ? compact(nature.text) : '';
    const value = `${op}${compact(target.text)}${unit ? compact(unit.text) : ''}`;
    fields.target = reading.statement(value, target.text, row.at(target.col));
  }
  const actual = row.text('actual');
  if (actual) fields.actual = reading.statement(compact(actual.text), actual.text, row.at(actual.col));
  const note = row.text('note');
  const notes: string[] = [];
  const activity = row.text('activity');
  if (activity) {
    // One indicator listed once per activity: the activity keeps the rows apart (指标名（活动）).
    const deepest = l3 ?? l2 ?? l1;
    const named = reading.statement(`${deepest.value}（${compact(activity.text)}）`, deepest.text, deepest.location);
    if (l3) l3 = named;
    else if (l2) l2 = named;
    else l1 = named;
    notes.push(`活动：${compact(activity.text)}`);
  }
  const nature = row.text('nature');
  if (nature && !OPERATOR.test(compact(nature.text))) notes.push(`指标性质：${compact(nature.text)}`);
  if (note) notes.push(note.text);
  if (notes.length > 0)
    fields.note = reading.statement(
      notes.join('；'),
      note?.text ?? activity?.text ?? nature!.text,
      note ? row.at(note.col) : row.at(activity?.col ?? nature!.col),
    );
  const disputed: DraftIndicator['disputed'] = {};
  const warnings: ExtractIssue[] = [];
  const rate = row.num('rate');
  if (rate && weight && score && Number(weight.value) > 0) {
    const computed = (Number(score.value) / Number(weight.value)) * 100;
    if (Math.abs(computed - Number(rate.value)) >= 0.005 + 1e-9) {
      disputed.score = [rate];
      const params = {
        stated: Number(rate.value),
        score: Number(score.value),
        weight: Number(weight.value),
        computed: Math.round(computed * 100) / 100,
      };
      warnings.push(warning('score_rate_mismatch', params, { location: rate.location, kind: 'indicators' }));
    }
  }
  if (Object.keys(fields).length === 0) return;
  record.indicators.push({ level1: l1, level2: l2, level3: l3, fields, disputed, warnings });
}

export type { IndicatorField };
