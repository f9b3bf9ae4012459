// Settling a record's figures: where the report states one quantity with different values, the
// value its own arithmetic supports is kept (execution rate = spending ÷ budget, carry-over =
// budget − spending, parts add up to their total, 预决算差异率 = (决算 − 年初) ÷ 年初); the others
// are kept as disputed, with their text and place, and a warning says so. A stated rate that the
// report's own figures contradict gives way to the rate they give, marked derived and disputed.
import type { ExtractIssue } from '@/domain/extract/types';
import type { DraftRecord, RecordField, Statement } from './draft';
import { matchable, sameFigure } from './numbers';
import { warning } from './warn';

export interface Settled {
  value: number | string;
  statement: Statement;
  how: 'read' | 'derived';
  disputed: Statement[];
}

type Values = Partial<Record<RecordField, number>>;

/** How far a stated rate may be from its exact value: half a unit of its last written decimal (`99%` ± 0.5, `98.93%` ± 0.005). */
export function roundingOf(text: string): number {
  const numbers = matchable(text).match(/\d+(?:\.(\d+))?/g) ?? [];
  const last = numbers[numbers.length - 1] ?? '';
  const decimals = last.includes('.') ? last.split('.')[1]!.length : 0;
  return 0.5 * 10 ** -decimals + 1e-6;
}

/** How far each stated rate of a record may be from its exact value. */
type Tolerance = (field: RecordField) => number;

const near = (a: number, b: number, tolerance: number): boolean => Math.abs(a - b) <= tolerance + 1e-9;

/** The arithmetic a report's figures obey, each over the fields it needs. */
const CHECKS: ReadonlyArray<{
  fields: readonly RecordField[];
  holds: (v: Required<Values>, tol: Tolerance) => boolean;
  projectOnly?: boolean;
}> = [
  {
    fields: ['budget', 'expenditure', 'execution_rate'],
    holds: (v, tol) => v.budget > 0 && near((v.expenditure / v.budget) * 100, v.execution_rate, tol('execution_rate')),
  },
  {
    fields: ['budget', 'expenditure', 'carryover'],
    holds: (v) => near(v.budget - v.expenditure, v.carryover, 0.015),
    projectOnly: true,
  },
  {
    fields: ['budget', 'budget_basic', 'budget_project'],
    holds: (v) => near(v.budget_basic + v.budget_project, v.budget, 0.015),
  },
  {
    fields: ['expenditure', 'expenditure_basic', 'expenditure_project'],
    holds: (v) => near(v.expenditure_basic + v.expenditure_project, v.expenditure, 0.015),
  },
  {
    fields: ['budget', 'carryover', 'carryover_rate'],
    holds: (v, tol) => v.budget > 0 && near((v.carryover / v.budget) * 100, v.carryover_rate, tol('carryover_rate')),
  },
  {
    fields: ['budget_initial', 'final_accounts', 'budget_final_diff_rate'],
    holds: (v, tol) =>
      v.budget_initial > 0 &&
      near(
        ((v.final_accounts - v.budget_initial) / v.budget_initial) * 100,
        v.budget_final_diff_rate,
        tol('budget_final_diff_rate'),
      ),
  },
];

function passes(values: Values, r: DraftRecord, field: RecordField, tol: Tolerance): number {
  let n = 0;
  for (const check of CHECKS) {
    if (!check.fields.includes(field)) continue;
    if (check.projectOnly && r.scope.value !== 'project') continue;
    if (check.fields.some((f) => values[f] === undefined)) continue;
    if (check.holds(values as Required<Values>, tol)) n++;
  }
  for (const t of r.totals)
    if (t.field === field && values[field] !== undefined && sameFigure(Number(t.statement.value), values[field]!)) n++;
  return n;
}

function distinct(statements: readonly Statement[]): Statement[][] {
  const groups: Statement[][] = [];
  for (const s of statements) {
    const g = groups.find((x) =>
      typeof s.value === 'number' ? sameFigure(Number(x[0]!.value), s.value) : x[0]!.value === s.value,
    );
    if (g) g.push(s);
    else groups.push([s]);
  }
  return groups;
}

/** Each rate, how it follows from the figures it needs (named in its warning). */
const RATES: ReadonlyArray<readonly [RecordField, (v: Required<Values>) => number, readonly RecordField[]]> = [
  ['execution_rate', (v) => (v.expenditure / v.budget) * 100, ['expenditure', 'budget']],
  ['carryover_rate', (v) => (v.carryover / v.budget) * 100, ['carryover', 'budget']],
  [
    'budget_final_diff_rate',
    (v) => ((v.final_accounts - v.budget_initial) / v.budget_initial) * 100,
    ['final_accounts', 'budget_initial'],
  ],
];

/** Why a disputed figure's kept value was kept: its arithmetic, its repetition, or its place. */
type Reason = 'arithmetic' | 'repeated' | 'first';
const DISPUTED_CODE = {
  arithmetic: 'figure_disputed',
  repeated: 'figure_disputed_repeated',
  first: 'figure_disputed_first',
} as const satisfies Record<Reason, string>;

export function settleRecord(r: DraftRecord): { figures: Map<RecordField, Settled>; warnings: ExtractIssue[] } {
  const warnings: ExtractIssue[] = [];
  const groups = new Map<RecordField, Statement[][]>();
  const values: Values = {};
  for (const [field, statements] of r.figures) {
    const g = distinct(statements);
    groups.set(field, g);
    if (typeof g[0]![0]!.value === 'number') values[field] = Number(g[0]![0]!.value);
  }
  const first = (field: RecordField): Statement | undefined => r.figures.get(field)?.[0];
  const tol: Tolerance = (field) => {
    const s = first(field);
    return s ? roundingOf(s.text) : 0.0051;
  };
  const figures = new Map<RecordField, Settled>();
  for (const [field, g] of groups) {
    let best = g[0]!;
    let reason: Reason = 'first';
    if (g.length > 1 && typeof best[0]!.value === 'number') {
      const scored = g.map((x) => ({ x, n: passes({ ...values, [field]: Number(x[0]!.value) }, r, field, tol) }));
      scored.sort((a, b) => b.n - a.n || b.x.length - a.x.length || a.x[0]!.order - b.x[0]!.order);
      best = scored[0]!.x;
      reason =
        scored[0]!.n > (scored[1]?.n ?? 0)
          ? 'arithmetic'
          : best.length > (scored[1]?.x.length ?? 0)
            ? 'repeated'
            : 'first';
      values[field] = Number(best[0]!.value);
    }
    const disputed = g.filter((x) => x !== best).flat();
    for (const d of disputed) {
      const params = { field, kept: String(best[0]!.value), other: String(d.value), otherLocation: d.location };
      warnings.push(warning(DISPUTED_CODE[reason], params, { location: best[0]!.location, kind: 'records', field }));
    }
    figures.set(field, { value: best[0]!.value, statement: best[0]!, how: best[0]!.how, disputed });
  }
  // A stated rate its own figures contradict: the figures win, the stated rate is disputed.
  for (const [field, compute, needs] of RATES) {
    const stated = figures.get(field);
    if (!stated || needs.some((f) => values[f] === undefined)) continue;
    const v = values as Required<Values>;
    if (needs.includes('budget') && !(v.budget > 0)) continue;
    if (needs.includes('budget_initial') && !(v.budget_initial > 0)) continue;
    const computed = Math.round(compute(v) * 100) / 100;
    if (near(compute(v), Number(stated.value), roundingOf(stated.statement.text))) continue;
    const params = { field, stated: Number(stated.value), computed, from: needs.join(',') };
    warnings.push(
      warning('stated_rate_contradicted', params, { location: stated.statement.location, kind: 'records', field }),
    );
    figures.set(field, {
      value: computed,
      statement: stated.statement,
      how: 'derived',
      disputed: [stated.statement, ...stated.disputed],
    });
  }
  warnings.push(...rateOnOtherBudget(r, figures));
  return { figures, warnings };
}

/**
 * A sentence that states an execution rate next to a budget it does not hold on (the approved
 * 113.58 where the rate is worked on the adjusted 112.33): the rate is right, the sentence's
 * budget is not its base. Said once per sentence.
 */
function rateOnOtherBudget(r: DraftRecord, figures: Map<RecordField, Settled>): ExtractIssue[] {
  const out: ExtractIssue[] = [];
  const budget = figures.get('budget');
  if (!budget) return out;
  for (const rate of r.figures.get('execution_rate') ?? []) {
    const here = (f: RecordField): Statement[] => (r.figures.get(f) ?? []).filter((s) => s.location === rate.location);
    const spent = here('expenditure')[0];
    if (!spent) continue;
    const t = roundingOf(rate.text);
    const holds = (b: Statement): boolean => near((Number(spent.value) / Number(b.value)) * 100, Number(rate.value), t);
    const stated = [...here('budget'), ...here('budget_initial')];
    // A sentence that also names the budget the rate holds on is right as it stands.
    if (stated.some(holds)) continue;
    for (const b of stated) {
      const computed = (Number(spent.value) / Number(b.value)) * 100;
      const onKept = (Number(spent.value) / Number(budget.value)) * 100;
      if (near(onKept, Number(rate.value), t)) {
        const params = {
          rate: Number(rate.value),
          budget: Number(b.value),
          expenditure: Number(spent.value),
          computed: Math.round(computed * 100) / 100,
          holdsOn: Number(budget.value),
        };
        out.push(
          warning('rate_on_other_budget', params, {
            location: rate.location,
            kind: 'records',
            field: 'execution_rate',
          }),
        );
        break;
      }
    }
  }
  return out;
}
