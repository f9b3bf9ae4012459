// The overview's headline cards. Each names its unit once, in its label (one unit for the
// headline and its sub-lines: 亿元 only when the headline is that large); its sub-lines either add
// up to the headline or the card says why not (a project inside a department-year is counted once,
// in the department's figure; a weighted rate is no sum; averages of departments and of projects
// are kept apart). With the previous year's records, each card says how it changed.
import { gradeEntries } from '@/domain/aggregate';
import { apportion2 } from '@/domain/apportion';
import { scopeFigures, type ScopeBreakdown } from '@/domain/breakdown';
import type { PerfRecord } from '@/domain/types';
import {
  amountUnitFor,
  fixed2,
  formatAmountChange,
  formatAmountValue,
  formatInteger,
  formatPercent,
  formatPointChange,
  formatScore,
  formatScoreChange,
  inUnit,
  MISSING,
  unitWord,
  withUnit,
} from '@/i18n/format';
import { gradeWord, type ChartContext } from './common';

export type CardId = 'budget' | 'expenditure' | 'rate' | 'carryover' | 'score' | 'grades';

export interface CardModel {
  id: CardId;
  /** The label with the card's unit: '预算总额（万元）'. */
  label: string;
  value: string;
  lines: string[];
  /** How the sub-lines relate to the headline, and what the figure is. */
  notes: string[];
  /** The change from the previous year, when the range is one year and the year before has data. */
  change?: string;
  /** The headline and the sub-lines as numbers in the card's unit: the sub-lines add up to it when `addsUp`. */
  check: { headline: number | null; parts: number[]; addsUp: boolean };
}

function amountCard(
  id: 'budget' | 'expenditure' | 'carryover',
  b: ScopeBreakdown,
  prev: ScopeBreakdown | null,
  ctx: ChartContext,
  extraNotes: string[] = [],
): CardModel {
  const { t, lang } = ctx;
  const unit = amountUnitFor([b.total, b.department, b.projectsOnly]);
  const v = (x: number | null) => formatAmountValue(x, lang, unit);
  // The sub-lines shown are rounded together so that they add up to the headline shown.
  const shown = (['department', 'projectsOnly'] as const).filter((k) => b.counts[k] > 0);
  const known = shown.filter((k) => b[k] !== null);
  const rounded = apportion2(
    b.total === null ? 0 : inUnit(b.total, unit),
    known.map((k) => inUnit(b[k]!, unit)),
  );
  const partOf = new Map(known.map((k, i) => [k, rounded.parts[i]!]));
  const lineKey = { department: 'overview.deptLine', projectsOnly: 'overview.projOnlyLine' } as const;
  const lines = shown.map((k) => t(lineKey[k], { value: partOf.has(k) ? fixed2(partOf.get(k)!, lang) : MISSING }));
  const parts = [...partOf.values()];
  const notes = [...extraNotes];
  if (b.counts.projectsInside > 0)
    notes.push(t('overview.insideNote', { n: b.counts.projectsInside, value: v(b.projectsInside) }));
  return {
    id,
    label: withUnit(t(`overview.${id}`), unitWord(unit, lang), lang),
    value: b.total === null ? MISSING : fixed2(rounded.total, lang),
    lines,
    notes,
    ...(prev && prev.total !== null && b.total !== null
      ? { change: t('overview.change', { value: formatAmountChange(prev.total, b.total, lang, unit) }) }
      : {}),
    check: { headline: b.total === null ? null : rounded.total, parts, addsUp: true },
  };
}

/** The six headline cards of `records`; `previous` is the year before's records when the range is one year. */
export function buildCards(
  records: readonly PerfRecord[],
  ctx: ChartContext,
  previous: readonly PerfRecord[] | null = null,
): CardModel[] {
  const { t, lang } = ctx;
  const prev = previous && previous.length > 0 ? previous : null;
  const now = scopeFigures(records);
  const before = prev ? scopeFigures(prev) : null;
  const { budget, expenditure, carryover, rates } = now;
  const prevRates = before?.rates ?? null;
  const carryRate = now.carryoverRate;
  const prevCarry = before?.carryover ?? null;
  const prevCarryRate = before?.carryoverRate ?? null;

  const rateLines: string[] = [];
  if (budget.counts.department > 0)
    rateLines.push(t('overview.deptLine', { value: formatPercent(rates.department, lang) }));
  if (budget.counts.projectsOnly > 0)
    rateLines.push(t('overview.projOnlyLine', { value: formatPercent(rates.projectsOnly, lang) }));

  const means = now.means;
  const prevMeans = before?.means ?? null;
  // Department and project scores come from different rules: the headline is the departments'
  // mean when there are any, and the projects' mean is beside it, never mixed in.
  const lead = means.department.n > 0 ? 'department' : 'project';
  const other = lead === 'department' ? 'project' : 'department';
  const leadMean = means[lead].mean;
  const prevLead = prevMeans ? prevMeans[lead].mean : null;
  const scoreLines = [t(`overview.scoreLine.${lead}`, { n: means[lead].n })];
  if (means[other].n > 0)
    scoreLines.push(
      t(`overview.scoreOther.${other}`, { value: formatScore(means[other].mean, lang), n: means[other].n }),
    );

  const graded = gradeEntries(now.grades);
  const sep = lang === 'zh-CN' ? ' ' : ' · ';

  const cards: CardModel[] = [
    amountCard('budget', budget, before?.budget ?? null, ctx),
    amountCard('expenditure', expenditure, before?.expenditure ?? null, ctx),
    {
      id: 'rate',
      label: t('overview.rate'),
      value: formatPercent(rates.all, lang),
      lines: rateLines,
      notes: [t('overview.rateHint')],
      ...(prevRates?.all != null && rates.all !== null
        ? { change: t('overview.change', { value: formatPointChange(rates.all - prevRates.all, lang) }) }
        : {}),
      check: { headline: rates.all, parts: [], addsUp: false },
    },
    amountCard('carryover', carryover, prevCarry, ctx, [
      t('overview.carryoverRateNote', { value: formatPercent(carryRate, lang) }),
      ...(prevCarryRate !== null && carryRate !== null
        ? [t('overview.carryoverRateChange', { value: formatPointChange(carryRate - prevCarryRate, lang) })]
        : []),
    ]),
    {
      id: 'score',
      label: t(`overview.avgScore.${lead}`),
      value: formatScore(leadMean, lang),
      lines: scoreLines,
      notes: [t('overview.scoreNote')],
      ...(prevLead !== null && leadMean !== null
        ? { change: t('overview.change', { value: formatScoreChange(leadMean - prevLead, lang) }) }
        : {}),
      check: { headline: leadMean, parts: [], addsUp: false },
    },
    {
      id: 'grades',
      label: t('overview.grades'),
      value: formatInteger(now.count, lang),
      lines: [
        graded.map(([g, n]) => `${gradeWord(g, ctx)} ${formatInteger(n, lang)}`).join(sep),
        t('overview.gradeNone', { n: now.grades.none }),
        t('overview.gradeNoScore', { n: now.unscored }),
      ],
      notes: [t('overview.gradesNote')],
      check: { headline: now.count, parts: [...graded.map(([, n]) => n), now.grades.none], addsUp: true },
    },
  ];
  return cards;
}
