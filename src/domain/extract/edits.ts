// The analyst's corrections of an extraction, before anything is written (the review of a report
// on the data page), and the reviewed corrections of the built-in dataset: a value set as typed,
// a value removed, a row left out. A corrected value is recorded as such: its evidence keeps the
// text and place it was read from, says `corrected`, and keeps the value read (and the reason);
// the evidence column is written again from it.
import '@/domain/codes/review';
import { SCHEMA } from '@/domain/schema';
import { readCell } from '@/domain/rowReader';
import { issue, type Issue } from '@/domain/issues';
import { fillEvidenceColumn } from './fillEvidence';
import type { EvidenceItem, ExtractIssue, ExtractResult, ExtractedKind } from './types';

/** One correction: a field of a row set to `text` as typed ('' removes the value), or the row left out. */
export type Edit =
  | { kind: ExtractedKind; index: number; field: string; text: string; reason?: string }
  | { kind: ExtractedKind; index: number; drop: true; reason?: string };

/** A correction that could not be applied: which one (its position in the list), and why. */
export interface EditProblem {
  edit: number;
  issue: Issue;
}

export interface Edited {
  result: ExtractResult;
  problems: EditProblem[];
}

const KIND_LIST: readonly ExtractedKind[] = ['records', 'indicators', 'funds', 'findings'];

function rowsOf(r: ExtractResult, kind: ExtractedKind): Array<Record<string, unknown>> {
  return r[kind] as unknown as Array<Record<string, unknown>>;
}

/** A copy deep enough that applying edits changes nothing of the original. */
function copyOf(r: ExtractResult): ExtractResult {
  return {
    ...r,
    records: r.records.map((x) => ({ ...x })),
    indicators: r.indicators.map((x) => ({ ...x })),
    funds: r.funds.map((x) => ({ ...x })),
    findings: r.findings.map((x) => ({ ...x })),
    evidence: r.evidence.map((e) => ({ ...e })),
    warnings: [...r.warnings],
    errors: [...r.errors],
  };
}

function sameValue(a: unknown, b: unknown): boolean {
  return (a ?? '') === (b ?? '');
}

/** Applies one value edit; an issue when the text is no value of the field (as the importer would say). */
function setValue(r: ExtractResult, e: Extract<Edit, { field: string }>): Issue | null {
  const spec = SCHEMA[e.kind].find((s) => s.name === e.field);
  const row = rowsOf(r, e.kind)[e.index];
  if (!spec || !row) return issue('edit_unknown', { kind: e.kind, field: e.field }, null, e.field);
  const read = readCell(e.kind, spec, e.text, 1);
  if (!read.ok) return { code: read.code, params: read.params, row: null, column: e.field } as Issue;
  if (read.value === null && spec.required === 'yes')
    return issue('required', { kind: e.kind, field: e.field }, null, e.field);
  const value = read.value ?? (spec.type === 'text' ? '' : null);
  const before = row[e.field];
  if (sameValue(before, value)) return null;
  row[e.field] = value;
  let item = r.evidence.find((x) => x.kind === e.kind && x.index === e.index && x.field === e.field);
  if (!item) {
    item = { kind: e.kind, index: e.index, field: e.field, text: '', location: '' };
    r.evidence.push(item);
  }
  // A second correction of one value keeps the value first read.
  const from = item.how === 'corrected' ? (item.corrected?.from ?? null) : ((before as number | string | null) ?? null);
  item.how = 'corrected';
  item.corrected = e.reason ? { from, reason: e.reason } : { from };
  return null;
}

/** Leaves out the rows marked, renumbering the evidence and the issues that point at rows. */
function dropRows(r: ExtractResult, dropped: ReadonlyMap<ExtractedKind, ReadonlySet<number>>): void {
  const renumber = new Map<ExtractedKind, Map<number, number>>();
  for (const kind of KIND_LIST) {
    const gone = dropped.get(kind) ?? new Set<number>();
    const map = new Map<number, number>();
    const kept: unknown[] = [];
    rowsOf(r, kind).forEach((row, i) => {
      if (gone.has(i)) return;
      map.set(i, kept.length);
      kept.push(row);
    });
    (r as unknown as Record<ExtractedKind, unknown[]>)[kind] = kept;
    renumber.set(kind, map);
  }
  const moved = <T extends { kind?: ExtractedKind; index?: number }>(x: T): T | null => {
    if (x.kind === undefined || x.index === undefined) return x;
    const to = renumber.get(x.kind)!.get(x.index);
    return to === undefined ? null : { ...x, index: to };
  };
  r.evidence = r.evidence.map(moved).filter((x): x is EvidenceItem => x !== null);
  r.warnings = r.warnings.map(moved).filter((x): x is ExtractIssue => x !== null);
}

/** The extraction with the edits applied, in order; edits that cannot be applied are returned with why. */
export function applyEdits(original: ExtractResult, edits: readonly Edit[]): Edited {
  const r = copyOf(original);
  const problems: EditProblem[] = [];
  const dropped = new Map<ExtractedKind, Set<number>>();
  edits.forEach((e, i) => {
    if ('drop' in e) {
      if (!rowsOf(r, e.kind)[e.index]) {
        problems.push({ edit: i, issue: issue('edit_unknown', { kind: e.kind, field: '' }) });
        return;
      }
      let set = dropped.get(e.kind);
      if (!set) dropped.set(e.kind, (set = new Set()));
      set.add(e.index);
      return;
    }
    const p = setValue(r, e);
    if (p) problems.push({ edit: i, issue: p });
  });
  if (dropped.size > 0) dropRows(r, dropped);
  fillEvidenceColumn(r);
  return { result: r, problems };
}
