// One self-evaluation form → one record, its indicators, its fund sources and the findings it
// states, each value with its evidence, and the careful reader's checks as warnings.
import { agencyRegion, canonicalAgency } from '@/domain/agencies';
import { executionRate, gradeFromScore } from '@/domain/derive';
import type { TableCell } from '@/domain/document/types';
import type { ExtractIssue, ExtractLayout, EvidenceItem } from '@/domain/extract/types';
import type { FindingKind, FindingRow, FundLine, IndicatorRow, PerfRecord, Scope } from '@/domain/types';
import { quoteCell } from '@/domain/issues';
import { blankRow } from '@/domain/rowReader';
import { parseGrade } from '@/domain/values';
import { amountOf, numberOf, percentOf, type CellFigure } from './cellValues';
import { checkFunds, checkIndicators } from './checks';
import { FormLog } from './evidence';
import { cellLocation, type FormRow } from './formRows';
import { findFundsBlock, type FundsBlock, type FundsLine } from './fundsBlock';
import { findIndicatorTable, type IndicatorTable } from './indicatorTable';
import { isTemplateHint, type FundColumn, type MetaLabel } from './labels';
import { formHeading, metaFacts, type FormParagraph, type MetaFact } from './metaFacts';

export interface FormContext {
  fileName: string;
  /** What the rows' `source` says: the file, and the sheet when there are several forms. */
  source: string;
  /** Paragraphs before the table (a Word form's title and year stand above its table), with where they stand (`第3段`). */
  paragraphs?: readonly FormParagraph[];
  /** The year the analyst gave for the upload, used when the form states none. */
  year?: number;
}

export interface FormRead {
  layout: Extract<ExtractLayout, 'project_self_evaluation_form' | 'department_self_evaluation_form'>;
  record: PerfRecord | null;
  indicators: IndicatorRow[];
  funds: FundLine[];
  findings: FindingRow[];
  /** Indexes are within this form (record 0, indicators from 0, …). */
  evidence: EvidenceItem[];
  warnings: ExtractIssue[];
  errors: ExtractIssue[];
}

/** The level-1 name of the indicator the funds block scores (预算执行率, 10 points in the national layout). */
export const EXECUTION_INDICATOR = '预算执行率';

const FINDING_OF: Partial<Record<MetaLabel, FindingKind>> = {
  conclusion: 'conclusion',
  problem: 'problem',
  recommendation: 'recommendation',
  experience: 'experience',
  outcome: 'outcome',
};

/** True when the rows look like a self-evaluation form at all. */
export function looksLikeForm(rows: readonly FormRow[], paragraphs: readonly FormParagraph[] = []): boolean {
  const heading = formHeading(rows, paragraphs);
  const funds = findFundsBlock(rows);
  const indicators = findIndicatorTable(rows);
  const facts = new Set(metaFacts(rows).map((f) => f.label));
  const named = ['project', 'implementer', 'supervisor', 'department'].some((l) => facts.has(l as MetaLabel));
  if (heading.scope !== null) return funds !== null || indicators !== null || named;
  return (funds !== null && (indicators !== null || named)) || (indicators !== null && named);
}

function blockRows(funds: FundsBlock | null, table: IndicatorTable | null): Set<number> {
  const out = new Set<number>();
  if (funds) for (let i = funds.first; i <= funds.last; i++) out.add(i);
  if (table) for (let i = table.first; i <= table.last; i++) out.add(i);
  return out;
}

function recordKeyOf(r: PerfRecord): Pick<PerfRecord, 'agency' | 'year' | 'scope' | 'project'> {
  return { agency: r.agency, year: r.year, scope: r.scope, project: r.project };
}

function firstFact(facts: readonly MetaFact[], label: MetaLabel): MetaFact | undefined {
  return facts.find((f) => f.label === label);
}

/** Reads one form. Errors mean no record can be made of it; its rows are then left empty. */
export function extractForm(rows: readonly FormRow[], ctx: FormContext): FormRead {
  const log = new FormLog();
  const heading = formHeading(rows, ctx.paragraphs ?? []);
  const funds = findFundsBlock(rows, ctx.paragraphs);
  const table = findIndicatorTable(rows, funds ? funds.last + 1 : 0) ?? findIndicatorTable(rows);
  const inBlocks = blockRows(funds, table);
  const facts = metaFacts(rows.filter((_, i) => !inBlocks.has(i)));

  const project = firstFact(facts, 'project');
  const hasDeptLines = funds?.lines.some((l) => l.kind === 'basic' || l.kind === 'project') ?? false;
  const scope: Scope = heading.scope ?? (project ? 'project' : hasDeptLines ? 'department' : 'project');
  const layout = scope === 'project' ? 'project_self_evaluation_form' : 'department_self_evaluation_form';
  const agencyFact =
    scope === 'project'
      ? (firstFact(facts, 'implementer') ?? firstFact(facts, 'supervisor') ?? firstFact(facts, 'department'))
      : (firstFact(facts, 'department') ?? firstFact(facts, 'supervisor') ?? firstFact(facts, 'implementer'));

  // The year: the title's or subtitle's, a 年度 line's, or the one the analyst gave for the upload.
  const yearFact = firstFact(facts, 'year');
  const yearOfFact = yearFact ? Number(/((?:19|20)\d{2})/.exec(yearFact.text)?.[1] ?? NaN) : NaN;
  const stated = heading.year?.year ?? (Number.isFinite(yearOfFact) ? yearOfFact : null);
  const year = stated ?? ctx.year ?? null;

  if (!agencyFact) log.error('form_agency_missing', {});
  if (scope === 'project' && !project) log.error('form_project_missing', {});
  if (year === null) log.error('form_year_missing', {});
  const empty: FormRead = { layout, record: null, indicators: [], funds: [], findings: [], ...log };
  if (log.errors.length > 0 || !agencyFact || year === null) return empty;

  const agency = canonicalAgency(agencyFact.text);
  const key = { agency, year, scope, project: scope === 'project' ? (project?.text ?? '') : '' };
  const record: PerfRecord = {
    ...(blankRow('records') as unknown as PerfRecord),
    ...key,
    region: agencyRegion(agency),
    evaluator: '自评',
    source: ctx.source,
  };
  log.read('records', 0, 'agency', agencyFact.row, agencyFact.cell, agencyFact.written);
  if (project && scope === 'project') log.read('records', 0, 'project', project.row, project.cell, project.written);
  if (heading.year?.cell && heading.year.row) log.read('records', 0, 'year', heading.year.row, heading.year.cell, '');
  else if (heading.year?.paragraph) {
    log.evidence.push({
      kind: 'records',
      index: 0,
      field: 'year',
      text: heading.year.text,
      location: heading.year.paragraph.location,
      how: 'read',
    });
  } else if (yearFact && Number.isFinite(yearOfFact))
    log.read('records', 0, 'year', yearFact.row, yearFact.cell, yearFact.written);
  else log.warn('year_from_upload', { year });
  // The form's own year wins over the one given for the upload, and the analyst is told.
  if (stated !== null && ctx.year !== undefined && ctx.year !== stated) {
    const at = log.evidence.find((e) => e.kind === 'records' && e.field === 'year');
    log.warn(
      'form_year_differs',
      { stated, given: ctx.year },
      { location: at?.location, kind: 'records', index: 0, field: 'year' },
    );
  }

  const indicators: IndicatorRow[] = [];
  const fundLines: FundLine[] = [];
  if (funds?.unit.conflict && funds.unit.stated) {
    const { stated, conflict } = funds.unit;
    log.warn(
      'amount_unit_conflict',
      { unit: quoteCell(stated.text), other: quoteCell(conflict.text) },
      { location: conflict.location },
    );
  }
  for (const { cell, row, header } of [...(funds?.unread ?? []), ...(table?.unread ?? [])]) {
    const at = { location: cellLocation(row.table, cell, header) };
    if (header === '') log.warn('form_cell_unheaded', { text: quoteCell(cell.text) }, at);
    else log.warn('form_cell_unplaced', { text: quoteCell(cell.text), header: quoteCell(header) }, at);
  }
  if (funds) readFunds(funds, record, fundLines, indicators, log, ctx.source);
  else log.warn('no_funds_block', {});
  if (table) readIndicators(table, record, indicators, log, ctx.source);
  else log.warn('no_indicator_table', {});
  readTotals(table, facts, record, log);
  checkIndicators(table, indicators, record, log);
  if (funds) checkFunds(funds, record, log);

  if (record.execution_rate === null) {
    record.execution_rate = executionRate(record.budget, record.expenditure);
    const spent = log.evidence.find((e) => e.kind === 'records' && e.field === 'expenditure');
    if (record.execution_rate !== null && spent)
      log.derived('records', 0, 'execution_rate', spent.text, spent.location);
  }
  if (record.grade === null && record.score !== null) {
    record.grade = gradeFromScore(record.score);
    const s = log.evidence.find((e) => e.kind === 'records' && e.field === 'score');
    if (s) log.derived('records', 0, 'grade', s.text, s.location);
  }
  const findings = readFindings(facts, key, log, ctx.source);
  return { layout, record, indicators, funds: fundLines, findings, ...log };
}

/** Reads the figures of one funds line, each with its evidence when `into` names a row. */
function lineFigures(line: FundsLine, scale: number, log: FormLog) {
  const figure = (field: FundColumn): CellFigure & { cell?: TableCell } => {
    const cell = line.cells.get(field);
    const f =
      field === 'rate'
        ? percentOf(cell)
        : field === 'weight' || field === 'score'
          ? numberOf(cell)
          : amountOf(cell, scale);
    if (f.bad && cell) {
      log.warn(
        'value_unreadable',
        { text: cell.text.trim().slice(0, 40), item: line.item },
        { location: cellLocation(line.row.table, cell, line.item) },
      );
    }
    return { ...f, cell };
  };
  return {
    budget_initial: figure('budget_initial'),
    budget: figure('budget'),
    expenditure: figure('expenditure'),
    rate: figure('rate'),
    weight: figure('weight'),
    score: figure('score'),
  };
}

export type LineFigures = ReturnType<typeof lineFigures>;

function columnLabel(funds: FundsBlock, field: FundColumn): string {
  return funds.columns.find((c) => c.field === field)?.label ?? '';
}

function readFunds(
  funds: FundsBlock,
  record: PerfRecord,
  out: FundLine[],
  indicators: IndicatorRow[],
  log: FormLog,
  source: string,
): void {
  const put = (field: keyof PerfRecord, line: FundsLine, f: CellFigure & { cell?: TableCell }, col: FundColumn) => {
    if (f.value === null || !f.cell) return;
    (record as unknown as Record<string, unknown>)[field] = f.value;
    log.read('records', 0, field, line.row, f.cell, `${line.item} ${columnLabel(funds, col)}`);
  };
  for (const line of funds.lines) {
    const fig = lineFigures(line, funds.scale, log);
    if (line.kind === 'total') {
      put('budget_initial', line, fig.budget_initial, 'budget_initial');
      put('budget', line, fig.budget, 'budget');
      put('expenditure', line, fig.expenditure, 'expenditure');
      put('execution_rate', line, fig.rate, 'rate');
      if (fig.weight.value !== null || fig.score.value !== null) {
        const index = indicators.length;
        indicators.push({
          ...recordKeyOf(record),
          level1: EXECUTION_INDICATOR,
          level2: '',
          level3: '',
          weight: fig.weight.value,
          score: fig.score.value,
          target: '',
          actual: fig.rate.cell?.text.trim() ?? '',
          note: '',
          source,
          evidence: '',
        });
        if (fig.weight.cell && fig.weight.value !== null)
          log.read('indicators', index, 'weight', line.row, fig.weight.cell, columnLabel(funds, 'weight'));
        if (fig.score.cell && fig.score.value !== null)
          log.read('indicators', index, 'score', line.row, fig.score.cell, columnLabel(funds, 'score'));
      }
    } else if (line.kind === 'basic' || line.kind === 'project') {
      const suffix = line.kind === 'basic' ? 'basic' : 'project';
      const budget = fig.budget.value !== null ? fig.budget : fig.budget_initial;
      put(`budget_${suffix}`, line, budget, fig.budget.value !== null ? 'budget' : 'budget_initial');
      put(`expenditure_${suffix}`, line, fig.expenditure, 'expenditure');
    } else if (line.kind === 'source') {
      const budget = fig.budget.value !== null ? fig.budget : fig.budget_initial;
      if (budget.value === null && fig.expenditure.value === null) continue;
      const index = out.length;
      out.push({
        ...recordKeyOf(record),
        category: 'source',
        item: line.item,
        budget: budget.value,
        contract: null,
        expenditure: fig.expenditure.value,
        source,
        evidence: '',
      });
      if (budget.cell && budget.value !== null) {
        log.read(
          'funds',
          index,
          'budget',
          line.row,
          budget.cell,
          `${line.item} ${columnLabel(funds, fig.budget.value !== null ? 'budget' : 'budget_initial')}`,
        );
      }
      if (fig.expenditure.cell && fig.expenditure.value !== null) {
        log.read(
          'funds',
          index,
          'expenditure',
          line.row,
          fig.expenditure.cell,
          `${line.item} ${columnLabel(funds, 'expenditure')}`,
        );
      }
    }
  }
}

function readIndicators(
  table: IndicatorTable,
  record: PerfRecord,
  out: IndicatorRow[],
  log: FormLog,
  source: string,
): void {
  if (table.flat) log.warn('indicator_levels_missing', {});
  const label = (field: string) => table.columns.find((c) => c.field === field)?.label ?? '';
  const taken = new Set(out.map((r) => `${r.level1}\u0000${r.level2}\u0000${r.level3}`));
  for (const line of table.lines) {
    const weight = numberOf(line.cells.get('weight'));
    const score = numberOf(line.cells.get('score'));
    for (const [f, fig] of [
      ['weight', weight],
      ['score', score],
    ] as const) {
      const cell = line.cells.get(f);
      if (fig.bad && cell)
        log.warn(
          'value_unreadable',
          { text: cell.text.trim().slice(0, 40), item: line.level3 || line.level2 || line.level1 },
          { location: cellLocation(line.row.table, cell, label(f)) },
        );
    }
    const k = `${line.level1}\u0000${line.level2}\u0000${line.level3}`;
    // The funds block's 预算执行率 line is already an indicator: the table's own row replaces it.
    if (taken.has(k)) {
      const i = out.findIndex((r) => `${r.level1}\u0000${r.level2}\u0000${r.level3}` === k);
      if (i >= 0) out.splice(i, 1);
      for (let e = log.evidence.length - 1; e >= 0; e--)
        if (log.evidence[e]!.kind === 'indicators' && log.evidence[e]!.index === i) log.evidence.splice(e, 1);
    }
    taken.add(k);
    const index = out.length;
    out.push({
      ...recordKeyOf(record),
      level1: line.level1,
      level2: line.level2,
      level3: line.level3,
      weight: weight.value,
      score: score.value,
      target: line.target,
      actual: line.actual,
      note: line.note,
      source,
      evidence: '',
    });
    for (const field of ['level1', 'level2', 'level3', 'target', 'actual', 'weight', 'score', 'note'] as const) {
      const col = field === 'level3' && table.flat ? 'name' : field === 'level1' && table.flat ? 'name' : field;
      const cell = line.cells.get(col);
      if (!cell || cell.text.trim() === '') continue;
      if ((field === 'weight' && weight.value === null) || (field === 'score' && score.value === null)) continue;
      if (field === 'level3' && table.flat) continue;
      log.read('indicators', index, field, line.row, cell, label(col));
    }
  }
}

/** 总分 (the total row's 得分), else a 自评得分 line; 评价等级 when the form states one. */
function readTotals(table: IndicatorTable | null, facts: readonly MetaFact[], record: PerfRecord, log: FormLog): void {
  const total = table?.total;
  const totalScore = numberOf(total?.score);
  if (total?.score && totalScore.value !== null) {
    record.score = totalScore.value;
    log.read('records', 0, 'score', total.row, total.score, `${total.label.text.trim()} 得分`);
  }
  const self = firstFact(facts, 'self_score');
  const selfScore = self ? numberOf(self.cell) : null;
  if (self && selfScore && selfScore.value !== null) {
    if (record.score === null) {
      record.score = selfScore.value;
      log.read('records', 0, 'score', self.row, self.cell, self.written);
    } else if (Math.abs(record.score - selfScore.value) > 0.005) {
      const at = cellLocation(self.row.table, self.cell, self.written);
      log.warn(
        'self_score_differs',
        { total: record.score, stated: selfScore.value },
        { location: at, kind: 'records', index: 0, field: 'score' },
      );
      const ev = log.evidence.find((e) => e.kind === 'records' && e.field === 'score');
      if (ev) ev.disputed = [...(ev.disputed ?? []), { value: selfScore.value, text: self.text, location: at }];
    }
  }
  const grade = firstFact(facts, 'grade');
  if (grade) {
    const g = parseGrade(grade.text);
    if (g.ok && g.value !== null) {
      record.grade = g.value;
      log.read('records', 0, 'grade', grade.row, grade.cell, grade.written);
    } else if (!g.ok) {
      log.warn(
        'value_unreadable',
        { text: grade.text.slice(0, 40), item: grade.written },
        { location: cellLocation(grade.row.table, grade.cell, grade.written) },
      );
    }
  }
}

function readFindings(
  facts: readonly MetaFact[],
  key: Pick<FindingRow, 'agency' | 'year' | 'scope' | 'project'>,
  log: FormLog,
  source: string,
): FindingRow[] {
  const out: FindingRow[] = [];
  const seq = new Map<FindingKind, number>();
  for (const fact of facts) {
    const kind = FINDING_OF[fact.label];
    if (kind === undefined) continue;
    const text = fact.text.trim();
    if (text === '' || /^[无—\-/／]+$/.test(text)) continue;
    if (isTemplateHint(text)) {
      log.warn(
        'template_hint',
        { label: fact.written },
        { location: cellLocation(fact.row.table, fact.cell, fact.written) },
      );
      continue;
    }
    const n = (seq.get(kind) ?? 0) + 1;
    seq.set(kind, n);
    const index = out.length;
    out.push({ ...key, kind, seq: n, text, source, evidence: '' });
    log.read('findings', index, 'text', fact.row, fact.cell, fact.written);
  }
  return out;
}
