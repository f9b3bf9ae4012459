// What extraction gathers about one record before it is settled: every statement of every
// figure, with the text it was read from, so that a figure stated twice can be compared and the
// one the report's own arithmetic supports kept.
import type { ExtractIssue } from '@/domain/extract/types';
import type { FindingKind, FundCategory, Scope } from '@/domain/types';

/** One statement of a value in the document. */
export interface Statement {
  value: number | string;
  /** The exact text of the document it was read from. */
  text: string;
  location: string;
  how: 'read' | 'derived';
  /** Order of reading, so the first statement can win a tie. */
  order: number;
}

/** The record's fields extraction fills, numbers first, in the contract's order. */
export const RECORD_FIELDS = [
  'budget_initial',
  'budget',
  'expenditure',
  'execution_rate',
  'budget_basic',
  'budget_project',
  'expenditure_basic',
  'expenditure_project',
  'carryover',
  'carryover_rate',
  'final_accounts',
  'budget_final_diff_rate',
  'score',
  'grade',
  'evaluator',
] as const;

export type RecordField = (typeof RECORD_FIELDS)[number];

export type IndicatorField = 'weight' | 'score' | 'target' | 'actual' | 'note';
export type FundField = 'budget' | 'contract' | 'expenditure';

export interface DraftIndicator {
  level1: Statement;
  level2: Statement | null;
  level3: Statement | null;
  fields: Partial<Record<IndicatorField, Statement>>;
  /** Other statements of a field (a score rate that disagrees…), kept as disputed. */
  disputed: Partial<Record<IndicatorField, Statement[]>>;
  /** Warnings about this indicator (they name its row once it has one). */
  warnings?: ExtractIssue[];
}

export interface DraftFund {
  category: FundCategory;
  item: Statement;
  fields: Partial<Record<FundField, Statement[]>>;
  /** Other statements of the line's budget that the report's arithmetic does not support. */
  disputedBudget?: Statement[];
  warnings?: ExtractIssue[];
}

export interface DraftFinding {
  kind: FindingKind;
  text: string;
  /** The text quoted as evidence (the point as written). */
  quote: string;
  location: string;
  section: string;
}

export interface DraftRecord {
  agency: Statement;
  year: Statement;
  scope: { value: Scope; statement: Statement };
  project: Statement | null;
  region: string;
  source: string;
  figures: Map<RecordField, Statement[]>;
  indicators: DraftIndicator[];
  funds: DraftFund[];
  /** Fund sources stated as parts of a figure (`其中财政资金75.50万元`), by the figure they split. */
  splits: { of: 'budget_initial' | 'budget' | 'expenditure'; item: Statement; amount: Statement; total: Statement }[];
  /** Line-item totals (`合计` rows), to check budget and expenditure against. */
  totals: { field: 'budget' | 'expenditure'; statement: Statement }[];
  findings: DraftFinding[];
  warnings: ExtractIssue[];
  /** Made for a row of a table of projects, not for a part of the report with its own title. */
  fromTable?: boolean;
}

function keyOf(r: DraftRecord): string {
  return [r.agency.value, r.year.value, r.scope.value, r.project?.value ?? ''].join('\u001f');
}

/**
 * One draft per record: a project in a department's table of projects and the same project's own
 * part of the report are one record, its figures stated in both places.
 */
export function mergeDrafts(drafts: readonly DraftRecord[]): DraftRecord[] {
  const byKey = new Map<string, DraftRecord>();
  for (const d of drafts) {
    const key = keyOf(d);
    const into = byKey.get(key);
    if (!into) {
      byKey.set(key, d);
      continue;
    }
    for (const [field, list] of d.figures)
      into.figures.set(
        field,
        [...(into.figures.get(field) ?? []), ...list].sort((a, b) => a.order - b.order),
      );
    into.indicators.push(...d.indicators);
    into.funds.push(...d.funds);
    into.splits.push(...d.splits);
    into.totals.push(...d.totals);
    into.findings.push(...d.findings);
    into.warnings.push(...d.warnings);
    if (into.fromTable && !d.fromTable) {
      into.source = d.source;
      into.project = d.project;
      into.fromTable = false;
    }
  }
  return [...byKey.values()];
}

export class Reading {
  private order = 0;
  statement(value: number | string, text: string, location: string, how: 'read' | 'derived' = 'read'): Statement {
    return { value, text, location, how, order: this.order++ };
  }
}

export function addFigure(r: DraftRecord, field: RecordField, s: Statement): void {
  const list = r.figures.get(field);
  if (list) list.push(s);
  else r.figures.set(field, [s]);
}
