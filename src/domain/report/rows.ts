// Draft records to the contract's rows, each value with its evidence: the text it was read from,
// where, how (read / derived) and the other statements of it when the report disputes itself.
import type { EvidenceItem, ExtractIssue, ExtractedKind, ExtractedRows } from '@/domain/extract/types';
import type { FindingKind, FundLine, Grade, IndicatorRow, PerfRecord, RecordKeyFields } from '@/domain/types';
import {
  RECORD_FIELDS,
  type DraftFund,
  type DraftIndicator,
  type DraftRecord,
  type FundField,
  type RecordField,
  type Statement,
} from './draft';
import { settleRecord, type Settled } from './settle';
import { warning } from './warn';

interface Out extends ExtractedRows {
  evidence: EvidenceItem[];
  warnings: ExtractIssue[];
}

function evidence(
  out: Out,
  kind: ExtractedKind,
  index: number,
  field: string,
  s: Statement,
  how: 'read' | 'derived' = s.how,
  disputed: readonly Statement[] = [],
): void {
  out.evidence.push({
    kind,
    index,
    field,
    text: s.text,
    location: s.location,
    how,
    ...(disputed.length > 0
      ? { disputed: disputed.map((d) => ({ value: d.value, text: d.text, location: d.location })) }
      : {}),
  });
}

function keyOf(r: DraftRecord): RecordKeyFields {
  return {
    agency: String(r.agency.value),
    year: Number(r.year.value),
    scope: r.scope.value,
    project: r.project ? String(r.project.value) : '',
  };
}

function keyEvidence(out: Out, kind: ExtractedKind, index: number, r: DraftRecord): void {
  evidence(out, kind, index, 'agency', r.agency);
  // A year given for the report (`--year`) was read from no text: its warning report_year_given says so.
  if (r.year.text !== '') evidence(out, kind, index, 'year', r.year);
  evidence(out, kind, index, 'scope', r.scope.statement);
  if (r.project) evidence(out, kind, index, 'project', r.project);
}

function pushRecord(out: Out, r: DraftRecord, figures: Map<RecordField, Settled>): void {
  const index = out.records.length;
  const num = (f: RecordField): number | null => {
    const s = figures.get(f);
    return s && typeof s.value === 'number' ? s.value : null;
  };
  const record: PerfRecord = {
    ...keyOf(r),
    region: r.region,
    budget_initial: num('budget_initial'),
    budget: num('budget'),
    expenditure: num('expenditure'),
    execution_rate: num('execution_rate'),
    budget_basic: num('budget_basic'),
    budget_project: num('budget_project'),
    expenditure_basic: num('expenditure_basic'),
    expenditure_project: num('expenditure_project'),
    carryover: num('carryover'),
    carryover_rate: num('carryover_rate'),
    final_accounts: num('final_accounts'),
    budget_final_diff_rate: num('budget_final_diff_rate'),
    score: num('score'),
    grade: (figures.get('grade')?.value as Grade | undefined) ?? null,
    evaluator: String(figures.get('evaluator')?.value ?? ''),
    source: r.source,
    note: '',
    evidence: '',
  };
  out.records.push(record);
  keyEvidence(out, 'records', index, r);
  if (r.region) evidence(out, 'records', index, 'region', r.agency, 'derived');
  for (const field of RECORD_FIELDS) {
    const s = figures.get(field);
    if (s) evidence(out, 'records', index, field, s.statement, s.how, s.disputed);
  }
}

function pushIndicators(out: Out, r: DraftRecord): void {
  const seen = new Map<string, number>();
  for (const ind of r.indicators) {
    let l1 = String(ind.level1.value);
    let l2 = ind.level2 ? String(ind.level2.value) : '';
    let l3 = ind.level3 ? String(ind.level3.value) : '';
    const key = `${l1}\u001f${l2}\u001f${l3}`;
    const before = seen.get(key);
    if (before !== undefined) {
      const row = out.indicators[before]!;
      // A second statement of the same indicator that only adds fields completes the first.
      if (
        (['weight', 'score', 'target', 'actual'] as const).every((f) => ind.fields[f] === undefined || isEmpty(row[f]))
      ) {
        fill(out, before, row, ind);
        continue;
      }
      const renamed = `${l3 || l2 || l1}（${seen.size + 1}）`;
      const params = { name: l3 || l2 || l1, renamed };
      (ind.warnings ??= []).push(
        warning('indicator_repeated', params, { location: ind.level1.location, kind: 'indicators' }),
      );
      if (l3) l3 = renamed;
      else if (l2) l2 = renamed;
      else l1 = renamed;
    }
    const index = out.indicators.length;
    const row: IndicatorRow = {
      ...keyOf(r),
      level1: l1,
      level2: l2,
      level3: l3,
      weight: null,
      score: null,
      target: '',
      actual: '',
      note: '',
      source: r.source,
      evidence: '',
    };
    out.indicators.push(row);
    seen.set(`${l1}\u001f${l2}\u001f${l3}`, index);
    keyEvidence(out, 'indicators', index, r);
    evidence(out, 'indicators', index, 'level1', ind.level1);
    if (ind.level2) evidence(out, 'indicators', index, 'level2', ind.level2);
    if (ind.level3) evidence(out, 'indicators', index, 'level3', ind.level3);
    fill(out, index, row, ind);
  }
}

function isEmpty(v: unknown): boolean {
  return v === null || v === '';
}

function fill(out: Out, index: number, row: IndicatorRow, ind: DraftIndicator): void {
  for (const w of ind.warnings ?? []) out.warnings.push({ ...w, kind: 'indicators', index });
  for (const f of ['weight', 'score'] as const) {
    const s = ind.fields[f];
    if (s && row[f] === null) {
      row[f] = Number(s.value);
      evidence(out, 'indicators', index, f, s, s.how, ind.disputed[f] ?? []);
    }
  }
  for (const f of ['target', 'actual', 'note'] as const) {
    const s = ind.fields[f];
    if (s && row[f] === '') {
      row[f] = String(s.value);
      evidence(out, 'indicators', index, f, s, s.how, ind.disputed[f] ?? []);
    }
  }
  if (row.weight !== null && row.score !== null && row.score > row.weight + 1e-9) {
    // The import's own rule (an error there): said here at the sentence, for the analyst to correct.
    const where = { location: ind.fields.score!.location, kind: 'indicators', index, field: 'score' } as const;
    out.warnings.push(warning('score_above_weight', { score: row.score, weight: row.weight }, where));
  }
}

/** Fund sources stated as parts of the budget and of the spending, merged into one line per source. */
function fundsFromSplits(r: DraftRecord, warnings: ExtractIssue[], recordIndex: number): DraftFund[] {
  const funds: DraftFund[] = [];
  const groups = new Map<Statement, DraftRecord['splits']>();
  for (const s of r.splits) groups.set(s.total, [...(groups.get(s.total) ?? []), s]);
  // Parts that do not add up to their total are the suspect statement of that split.
  const suspect = new Set<Statement>();
  for (const [total, parts] of groups) {
    const sum = parts.reduce((a, p) => a + Number(p.amount.value), 0);
    if (Math.abs(sum - Number(total.value)) > 0.015) {
      const params = { field: parts[0]!.of, sum: Math.round(sum * 100) / 100, total: Number(total.value) };
      warnings.push(
        warning('parts_sum_mismatch', params, { location: total.location, kind: 'records', index: recordIndex }),
      );
      for (const p of parts) suspect.add(p.amount);
    }
  }
  const hasAdjusted = r.splits.some((s) => s.of === 'budget');
  for (const s of r.splits) {
    const field: FundField | null =
      s.of === 'expenditure' ? 'expenditure' : s.of === 'budget' || !hasAdjusted ? 'budget' : null;
    let fund = funds.find((f) => f.item.value === s.item.value);
    if (!fund) {
      fund = { category: 'source', item: s.item, fields: {} };
      funds.push(fund);
    }
    if (field && !suspect.has(s.amount)) (fund.fields[field] ??= []).push(s.amount);
  }
  // A suspect part that differs from the same source's part elsewhere is disputed on that line.
  for (const s of r.splits) {
    if (!suspect.has(s.amount)) continue;
    const fund = funds.find((f) => f.item.value === s.item.value);
    const same = r.splits.find(
      (o) => o !== s && o.of === s.of && o.item.value === s.item.value && !suspect.has(o.amount),
    );
    if (fund && same && Number(same.amount.value) !== Number(s.amount.value)) {
      (fund.disputedBudget ??= []).push(s.amount);
      const params = {
        item: String(s.item.value),
        kept: String(same.amount.value),
        other: String(s.amount.value),
        otherLocation: s.amount.location,
      };
      (fund.warnings ??= []).push(
        warning('fund_figure_disputed', params, { location: same.amount.location, kind: 'funds' }),
      );
    }
  }
  return funds;
}

function pushFunds(out: Out, r: DraftRecord, recordIndex: number): void {
  const fromSplits = fundsFromSplits(r, out.warnings, recordIndex);
  const all = [...r.funds];
  for (const f of fromSplits) {
    const same = all.find((x) => x.category === f.category && x.item.value === f.item.value);
    if (!same) all.push(f);
    else for (const [k, v] of Object.entries(f.fields)) (same.fields[k as FundField] ??= []).push(...(v ?? []));
  }
  for (const f of all) {
    const index = out.funds.length;
    for (const w of f.warnings ?? []) out.warnings.push({ ...w, kind: 'funds', index });
    const row: FundLine = {
      ...keyOf(r),
      category: f.category,
      item: String(f.item.value),
      budget: null,
      contract: null,
      expenditure: null,
      source: r.source,
      evidence: '',
    };
    out.funds.push(row);
    keyEvidence(out, 'funds', index, r);
    evidence(out, 'funds', index, 'item', f.item);
    for (const field of ['budget', 'contract', 'expenditure'] as const) {
      const list = f.fields[field];
      if (!list || list.length === 0) continue;
      row[field] = Number(list[0]!.value);
      const others = list.filter((s) => Number(s.value) !== Number(list[0]!.value));
      evidence(
        out,
        'funds',
        index,
        field,
        list[0]!,
        list[0]!.how,
        field === 'budget' ? [...others, ...(f.disputedBudget ?? [])] : others,
      );
    }
  }
}

function pushFindings(out: Out, r: DraftRecord): void {
  const seq = new Map<FindingKind, number>();
  for (const f of r.findings) {
    const n = (seq.get(f.kind) ?? 0) + 1;
    seq.set(f.kind, n);
    const index = out.findings.length;
    const source = `${r.source}，${f.section}`;
    out.findings.push({ ...keyOf(r), kind: f.kind, seq: n, text: f.text, source, evidence: '' });
    keyEvidence(out, 'findings', index, r);
    out.evidence.push({ kind: 'findings', index, field: 'text', text: f.quote, location: f.location, how: 'read' });
  }
}

/** The rows of every draft record, with their evidence and the warnings of settling them. */
export function rowsOf(drafts: readonly DraftRecord[]): Out {
  const out: Out = { records: [], indicators: [], funds: [], findings: [], evidence: [], warnings: [] };
  for (const r of drafts) {
    const { figures, warnings } = settleRecord(r);
    pushRecord(out, r, figures);
    const recordIndex = out.records.length - 1;
    for (const w of [...r.warnings, ...warnings])
      out.warnings.push(
        w.kind === 'records' || w.kind === undefined ? { ...w, kind: 'records', index: recordIndex } : w,
      );
    pushIndicators(out, r);
    pushFunds(out, r, recordIndex);
    pushFindings(out, r);
    scoreSum(out, recordIndex);
  }
  return out;
}

/** The stated total score against the level-1 scores (or, when there are none, all scored rows). */
function scoreSum(out: Out, recordIndex: number): void {
  const record = out.records[recordIndex]!;
  if (record.score === null) return;
  const rows = out.indicators.filter(
    (i) =>
      i.agency === record.agency &&
      i.year === record.year &&
      i.scope === record.scope &&
      i.project === record.project &&
      i.score !== null,
  );
  if (rows.length === 0) return;
  // Sum the rows nothing else refines: a level-1 row's own score, or its level-3 rows' when only those are scored.
  const depth = (i: IndicatorRow): number => (i.level3 ? 3 : i.level2 ? 2 : 1);
  const refines = (s: IndicatorRow, r: IndicatorRow): boolean =>
    depth(s) > depth(r) && s.level1 === r.level1 && (depth(r) < 2 || s.level2 === r.level2);
  const leaves = rows.filter((r) => !rows.some((s) => refines(r, s)));
  const sum = leaves.reduce((a, i) => a + i.score!, 0);
  if (Math.abs(sum - record.score) > 0.015) {
    // The import's own consistency warning, said here before the rows are stored.
    const params = { sum: Math.round(sum * 100) / 100, score: record.score };
    out.warnings.push(warning('total_sum', params, { kind: 'records', index: recordIndex, field: 'score' }));
  }
}
