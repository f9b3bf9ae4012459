// Field-level scoring of one extraction against its hand-written expectation: recall (expected
// fields found with the right value) and precision (extracted fields that are right), by kind,
// plus the disputed and derived marks, and whether every evidence text occurs in the document.
import type { DocumentModel } from '@/domain/document/types';
import type { ExtractResult, ExtractedKind } from '@/domain/extract/types';
import { RECORD_FIELDS } from '@/domain/report/draft';

type Row = Record<string, unknown>;

export interface Expected {
  file: string;
  record?: Row;
  records?: Row[];
  indicators?: Row[];
  funds?: Row[];
  findings?: Row[];
  /** Values the report disputes: `{ kind, field, …key fields }`. */
  disputed?: Row[];
  derived?: Row[];
  /** Warning codes that must be among the warnings. */
  warnings?: string[];
  /** The reader's error code, for a file that cannot be read. */
  error?: string;
}

const KEY_FIELDS: Record<ExtractedKind, readonly string[]> = {
  records: ['agency', 'year', 'scope', 'project'],
  indicators: ['agency', 'year', 'scope', 'project', 'level1', 'level2', 'level3'],
  funds: ['agency', 'year', 'scope', 'project', 'category', 'item'],
  findings: ['agency', 'year', 'scope', 'project', 'kind', 'seq'],
};

export const SCORED_FIELDS: Record<ExtractedKind, readonly string[]> = {
  records: RECORD_FIELDS,
  indicators: ['weight', 'score', 'target', 'actual'],
  funds: ['budget', 'contract', 'expenditure'],
  findings: ['text'],
};

const KINDS: readonly ExtractedKind[] = ['records', 'indicators', 'funds', 'findings'];

const present = (v: unknown): boolean => v !== null && v !== undefined && v !== '';

/** Texts compared as a reader would: no white space, no closing punctuation. */
function normText(v: unknown): string {
  return String(v)
    .replace(/\s+/g, '')
    .replace(/[。；;，,.：:]+$/, '');
}

function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 0.005;
  return normText(a) === normText(b);
}

function keyOf(kind: ExtractedKind, row: Row): string {
  return KEY_FIELDS[kind].map((f) => normText(row[f] ?? '')).join('|');
}

export interface Tally {
  expected: number;
  extracted: number;
  matched: number;
  misses: string[];
  extras: string[];
}

export interface FileScore {
  file: string;
  tally: Tally;
  byKind: Record<ExtractedKind, Tally>;
  evidence: number;
  notVerbatim: string[];
  missingWarnings: string[];
}

function tally(): Tally {
  return { expected: 0, extracted: 0, matched: 0, misses: [], extras: [] };
}

/** Every text of the document a value could be quoted from: paragraphs (with their list label) and cells. */
export function documentTexts(doc: DocumentModel): string[] {
  const texts: string[] = [];
  for (const b of doc.blocks) {
    if (b.type === 'paragraph') texts.push(b.label ? `${b.label}${b.text}` : b.text);
    else for (const row of b.grid) for (const c of row) if (c) texts.push(c.text);
  }
  return texts;
}

function marks(result: ExtractResult, which: 'disputed' | 'derived'): Set<string> {
  const out = new Set<string>();
  for (const e of result.evidence) {
    const on = which === 'disputed' ? (e.disputed?.length ?? 0) > 0 : e.how === 'derived';
    if (!on || (which === 'derived' && !SCORED_FIELDS[e.kind].includes(e.field))) continue;
    const row = result[e.kind][e.index] as unknown as Row | undefined;
    if (row) out.add(`${e.kind}:${keyOf(e.kind, row)}:${e.field}`);
  }
  return out;
}

export function scoreFile(expected: Expected, result: ExtractResult, doc: DocumentModel): FileScore {
  const byKind = Object.fromEntries(KINDS.map((k) => [k, tally()])) as Record<ExtractedKind, Tally>;
  const base = expected.record ?? {};
  for (const kind of KINDS) {
    const t = byKind[kind];
    const want = new Map<string, Row>();
    for (const r of expected[kind] ?? []) {
      const row = { level2: '', level3: '', ...base, ...r };
      want.set(keyOf(kind, row), row);
    }
    const got = new Map<string, Row>();
    for (const r of result[kind]) got.set(keyOf(kind, r as unknown as Row), r as unknown as Row);
    for (const [key, row] of want) {
      const fields = SCORED_FIELDS[kind].filter((f) => present(row[f]));
      t.expected += 1 + fields.length;
      const other = got.get(key);
      if (!other) {
        t.misses.push(`${kind} ${key} (row)`);
        continue;
      }
      t.matched++;
      for (const f of fields) {
        if (same(row[f], other[f])) t.matched++;
        else t.misses.push(`${kind} ${key} ${f}: expected ${String(row[f])}, got ${String(other[f] ?? '—')}`);
      }
    }
    for (const [key, row] of got) {
      const fields = SCORED_FIELDS[kind].filter((f) => present(row[f]));
      t.extracted += 1 + fields.length;
      const other = want.get(key);
      if (!other) {
        t.extras.push(`${kind} ${key} (row)`);
        continue;
      }
      for (const f of fields)
        if (!present(other[f])) t.extras.push(`${kind} ${key} ${f}: ${String(row[f])} not expected`);
    }
  }
  // Disputed and derived marks count as fields of their own.
  const t = tally();
  for (const which of ['disputed', 'derived'] as const) {
    const want = new Set(
      (expected[which] ?? []).map((d) => {
        const kind = d.kind as ExtractedKind;
        return `${kind}:${keyOf(kind, { level2: '', level3: '', ...base, ...d })}:${String(d.field)}`;
      }),
    );
    const got = marks(result, which);
    t.expected += want.size;
    t.extracted += got.size;
    for (const w of want) {
      if (got.has(w)) t.matched++;
      else t.misses.push(`${which} ${w}`);
    }
    for (const g of got) if (!want.has(g)) t.extras.push(`${which} ${g}`);
  }
  const total = tally();
  for (const x of [...Object.values(byKind), t]) {
    total.expected += x.expected;
    total.extracted += x.extracted;
    total.matched += x.matched;
    total.misses.push(...x.misses);
    total.extras.push(...x.extras);
  }
  const texts = documentTexts(doc);
  const notVerbatim = result.evidence
    .filter((e) => e.text !== '' && !texts.some((x) => x.includes(e.text)))
    .map((e) => `${e.kind}[${e.index}].${e.field}: ${e.text}`);
  const codes = new Set<string>(result.warnings.map((w) => w.code));
  return {
    file: expected.file,
    tally: total,
    byKind,
    evidence: result.evidence.length,
    notVerbatim,
    missingWarnings: (expected.warnings ?? []).filter((c) => !codes.has(c)),
  };
}

/** Recall and precision as fractions; an empty side counts as perfect. */
export function rates(t: Tally): { recall: number; precision: number } {
  const precision = t.extracted === 0 ? 1 : (t.extracted - t.extras.length) / t.extracted;
  return { recall: t.expected === 0 ? 1 : t.matched / t.expected, precision };
}
