// Every figure of one record with its unit, as the record view and the compare table list them:
// each derived value says how it was derived, and each figure with a previous year beside it says
// how it changed (rates in percentage points, amounts in 万元 and per cent, scores in points).
import { agencyShortName } from '@/domain/agencies';
import { recordCarryoverRate, recordRate } from '@/domain/aggregate';
import { isDerived } from '@/domain/evidenceColumn';
import type { PerfRecord } from '@/domain/types';
import {
  bracketed,
  formatAmount,
  formatAmountChange,
  formatPercent,
  formatPointChange,
  formatScore,
  formatScoreChange,
} from '@/i18n/format';
import { gradeWord, type ChartContext } from './common';

export interface FigureRow {
  field: string;
  label: string;
  value: string;
  /** Right-aligned: an amount, a rate, a score. */
  numeric: boolean;
  /** How the app derived the value when the file does not state it (e.g. 由 执行数 ÷ 预算数 计算). */
  derived?: string;
  /** The change from the previous year's record of the same agency, scope and project. */
  change?: string;
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

/** The record's figures; with `previous` (the same agency, scope and project a year earlier), their changes. */
export function figureRows(r: PerfRecord, ctx: ChartContext, previous?: PerfRecord | null): FigureRow[] {
  const { t, lang } = ctx;
  const p = previous ?? null;
  const amount = (f: AmountField): FigureRow => ({
    field: f,
    label: t(`field.${f}`),
    value: formatAmount(r[f], lang),
    numeric: true,
    ...(p && p[f] !== null && r[f] !== null ? { change: formatAmountChange(p[f], r[f], lang) } : {}),
  });
  const rate = recordRate(r);
  const carry = recordCarryoverRate(r);
  const pointChange = (now: number | null, before: number | null) =>
    now !== null && before !== null ? { change: formatPointChange(now - before, lang) } : {};
  return [
    {
      field: 'agency',
      label: t('field.agency'),
      value: `${agencyShortName(r.agency)}${agencyShortName(r.agency) === r.agency ? '' : bracketed(r.agency, lang)}`,
      numeric: false,
    },
    { field: 'region', label: t('field.region'), value: r.region || '—', numeric: false },
    { field: 'year', label: t('field.year'), value: String(r.year), numeric: false },
    { field: 'scope', label: t('field.scope'), value: t(`scope.${r.scope}`), numeric: false },
    { field: 'project', label: t('field.project'), value: r.project || '—', numeric: false },
    amount('budget_initial'),
    amount('budget'),
    amount('expenditure'),
    {
      field: 'execution_rate',
      label: t('field.execution_rate'),
      value: formatPercent(rate, lang),
      numeric: true,
      // Stored derived by the importer when the file does not state it: the evidence says so.
      ...(rate !== null && (r.execution_rate === null || isDerived('records', r.evidence, 'execution_rate'))
        ? { derived: t('record.derivedRate') }
        : {}),
      ...pointChange(rate, p ? recordRate(p) : null),
    },
    amount('budget_basic'),
    amount('budget_project'),
    amount('expenditure_basic'),
    amount('expenditure_project'),
    amount('carryover'),
    {
      field: 'carryover_rate',
      label: t('field.carryover_rate'),
      value: formatPercent(carry, lang),
      numeric: true,
      ...(r.carryover_rate === null && carry !== null ? { derived: t('record.derivedCarryover') } : {}),
      ...pointChange(carry, p ? recordCarryoverRate(p) : null),
    },
    amount('final_accounts'),
    {
      field: 'budget_final_diff_rate',
      label: t('field.budget_final_diff_rate'),
      value: formatPercent(r.budget_final_diff_rate, lang),
      numeric: true,
      ...pointChange(r.budget_final_diff_rate, p?.budget_final_diff_rate ?? null),
    },
    {
      field: 'score',
      label: t('field.score'),
      value: r.score === null ? t('record.noScore') : `${formatScore(r.score, lang)} ${t('unit.points')}`,
      numeric: r.score !== null,
      ...(r.score !== null && p?.score != null ? { change: formatScoreChange(r.score - p.score, lang) } : {}),
    },
    { field: 'grade', label: t('field.grade'), value: r.grade ? gradeWord(r.grade, ctx) : '—', numeric: false },
    { field: 'evaluator', label: t('field.evaluator'), value: r.evaluator || '—', numeric: false },
  ];
}
