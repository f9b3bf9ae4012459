// Every figure of one record with its unit, as the record view and the compare table list them.
import { agencyShortName } from '@/domain/agencies';
import { recordCarryoverRate, recordRate } from '@/domain/aggregate';
import { formatAmount, formatPercent, formatScore } from '@/domain/format';
import type { PerfRecord } from '@/domain/types';
import type { ChartContext } from './common';

export interface FigureRow {
  field: string;
  label: string;
  value: string;
  /** True when the value is derived by the app rather than stated in the file. */
  derived?: boolean;
}

type AmountField =
  | 'budget_initial'
  | 'budget'
  | 'expenditure'
  | 'budget_basic'
  | 'budget_project'
  | 'expenditure_basic'
  | 'expenditure_project'
  | 'carryover'
  | 'final_accounts';

export function figureRows(r: PerfRecord, ctx: ChartContext): FigureRow[] {
  const { t, lang } = ctx;
  const amount = (f: AmountField): FigureRow => ({ field: f, label: t(`field.${f}`), value: formatAmount(r[f], lang) });
  const rate = recordRate(r);
  const carry = recordCarryoverRate(r);
  return [
    { field: 'agency', label: t('field.agency'), value: `${agencyShortName(r.agency)}（${r.agency}）` },
    { field: 'region', label: t('field.region'), value: r.region || '—' },
    { field: 'year', label: t('field.year'), value: String(r.year) },
    { field: 'scope', label: t('field.scope'), value: t(`scope.${r.scope}`) },
    { field: 'project', label: t('field.project'), value: r.project || '—' },
    amount('budget_initial'),
    amount('budget'),
    amount('expenditure'),
    {
      field: 'execution_rate',
      label: t('field.execution_rate'),
      value: formatPercent(rate),
      derived: r.execution_rate === null && rate !== null,
    },
    amount('budget_basic'),
    amount('budget_project'),
    amount('expenditure_basic'),
    amount('expenditure_project'),
    amount('carryover'),
    {
      field: 'carryover_rate',
      label: t('field.carryover_rate'),
      value: formatPercent(carry),
      derived: r.carryover_rate === null && carry !== null,
    },
    amount('final_accounts'),
    {
      field: 'budget_final_diff_rate',
      label: t('field.budget_final_diff_rate'),
      value: formatPercent(r.budget_final_diff_rate),
    },
    {
      field: 'score',
      label: t('field.score'),
      value: r.score === null ? t('record.noScore') : `${formatScore(r.score)} ${t('unit.points')}`,
    },
    { field: 'grade', label: t('field.grade'), value: r.grade ?? '—' },
    { field: 'evaluator', label: t('field.evaluator'), value: r.evaluator || '—' },
  ];
}
