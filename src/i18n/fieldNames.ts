// The names of the contract's fields, per kind: in Chinese the contract's own labels (SCHEMA, so
// they cannot drift from the templates), in English the labels below. Without their unit: a
// table header adds it (fieldLabel), a sentence does not need it.
import { SCHEMA } from '@/domain/schema';
import { KINDS, type Kind } from '@/domain/types';

export type FieldNames = Record<Kind, Record<string, string>>;

/** A label without its bracketed unit: `全年预算数（万元）` → `全年预算数`. */
export function withoutUnit(label: string): string {
  return label.replace(/（[^）]*）$/, '');
}

export const fieldNamesZh: FieldNames = Object.fromEntries(
  KINDS.map((k) => [k, Object.fromEntries(SCHEMA[k].map((f) => [f.name, withoutUnit(f.label)]))]),
) as FieldNames;

const KEY = { agency: 'Agency', year: 'Year', scope: 'Scope', project: 'Project' };

export const fieldNamesEn: FieldNames = {
  records: {
    agency: KEY.agency,
    region: 'Region',
    year: KEY.year,
    scope: KEY.scope,
    project: KEY.project,
    budget_initial: 'Initial budget',
    budget: 'Full-year budget',
    expenditure: 'Full-year expenditure',
    execution_rate: 'Execution rate',
    budget_basic: 'Basic budget',
    budget_project: 'Project budget',
    expenditure_basic: 'Basic expenditure',
    expenditure_project: 'Project expenditure',
    carryover: 'Carried-over funds',
    carryover_rate: 'Carryover rate',
    final_accounts: 'Final accounts',
    budget_final_diff_rate: 'Budget–final accounts difference',
    score: 'Score',
    grade: 'Grade',
    evaluator: 'Evaluation by',
    source: 'Source',
    note: 'Note',
    evidence: 'Evidence',
  },
  indicators: {
    ...KEY,
    level1: 'Level-1 indicator',
    level2: 'Level-2 indicator',
    level3: 'Level-3 indicator',
    weight: 'Weight',
    score: 'Score',
    target: 'Target',
    actual: 'Actual',
    note: 'Deviation and measures',
    source: 'Source',
    evidence: 'Evidence',
  },
  funds: {
    ...KEY,
    category: 'Category',
    item: 'Item',
    budget: 'Budget',
    contract: 'Contracted',
    expenditure: 'Spent',
    source: 'Source',
    evidence: 'Evidence',
  },
  findings: {
    ...KEY,
    kind: 'Kind',
    seq: 'No.',
    text: 'Text',
    source: 'Source',
    evidence: 'Evidence',
  },
};
