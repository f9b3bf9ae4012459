// Understanding a file's header row: which kind of file it is and which field each column holds.
// Headers may be canonical English names or any Chinese alias of the contract, compared ignoring
// case, spaces, full-width/half-width differences and a unit suffix in brackets (`预算数（元）`).
import type { HeaderMapping, Kind } from './types';
import { KINDS } from './types';
import { SCHEMA, type FieldSpec } from './schema';
import { normalizeLabel } from './normalize';

export interface HeaderResult {
  /** The kind the headers fit best; set even when `error` reports a missing column of that kind. */
  kind: Kind | null;
  headers: HeaderMapping[];
  error: string | null;
}

/** Columns a file of each kind must have (beyond `project`, required only for project rows). */
export const REQUIRED_COLUMNS: Readonly<Record<Kind, readonly string[]>> = {
  records: ['agency', 'year', 'scope'],
  indicators: ['agency', 'year', 'scope', 'level1'],
  funds: ['agency', 'year', 'scope', 'category', 'item'],
};

const KIND_NAMES: Readonly<Record<Kind, string>> = {
  records: '评价记录',
  indicators: '绩效指标',
  funds: '资金明细',
};

/** Amount units a header may name, as multipliers to 万元. */
const AMOUNT_UNITS: Readonly<Record<string, number>> = { 万元: 1, 元: 0.0001, 亿元: 10000, 千元: 0.1 };
const PERCENT_UNITS: ReadonlySet<string> = new Set(['%', '百分比', '百分点']);

/** The form labels are compared in: normalised, and `_`, `-` and a required-marker `*` dropped. */
function keyOf(label: string): string {
  return normalizeLabel(label).replace(/[_\-*]/g, '');
}

/** Per kind: compared form of every canonical name and alias → field. */
const LOOKUP: Readonly<Record<Kind, ReadonlyMap<string, FieldSpec>>> = (() => {
  const out = {} as Record<Kind, Map<string, FieldSpec>>;
  for (const kind of KINDS) {
    const map = new Map<string, FieldSpec>();
    for (const spec of SCHEMA[kind]) {
      for (const name of [spec.name, ...spec.aliases]) map.set(keyOf(name), spec);
    }
    out[kind] = map;
  }
  return out;
})();

interface SplitLabel {
  /** Compared form of the whole header. */
  full: string;
  /** Compared form without the bracketed suffix (equal to `full` when there is none). */
  base: string;
  /** What the brackets held, normalised (`万元`, `%`), or ''. */
  unit: string;
}

function split(written: string): SplitLabel {
  const full = keyOf(written);
  // normalizeLabel turned （）［］ into ()[], so one pattern covers both widths; 【】 too.
  const m = /^(.*?)[([【]([^()[\]【】]*)[)\]】]$/.exec(full);
  if (!m || m[1] === '') return { full, base: full, unit: '' };
  let unit = (m[2] ?? '').replace(/^单位[:：]?/, '');
  if (PERCENT_UNITS.has(unit)) unit = '%';
  return { full, base: m[1] ?? full, unit };
}

/** Chinese label of a field without its unit, e.g. `全年预算数（万元）` → `全年预算数`. */
function labelOf(spec: FieldSpec): string {
  return spec.label.replace(/（[^）]*）$/, '');
}

function describe(spec: FieldSpec): string {
  return `${labelOf(spec)}(${spec.name})`;
}

function specOf(kind: Kind, field: string): FieldSpec {
  const spec = SCHEMA[kind].find((f) => f.name === field);
  if (!spec) throw new Error(`schema has no field ${field} in ${kind}`);
  return spec;
}

interface Attempt {
  kind: Kind;
  headers: HeaderMapping[];
  /** Problems with units written in headers. */
  unitErrors: string[];
  matched: number;
  missing: string[];
}

function attempt(kind: Kind, cells: readonly string[], parts: readonly SplitLabel[]): Attempt {
  const lookup = LOOKUP[kind];
  const headers: HeaderMapping[] = [];
  const unitErrors: string[] = [];
  cells.forEach((cell, index) => {
    const written = cell.trim();
    const part = parts[index]!;
    // The whole label first: brackets can be part of a name as well as a unit.
    const whole = lookup.get(part.full);
    const spec = whole ?? lookup.get(part.base);
    const unit = whole ? '' : part.unit;
    let scale = 1;
    if (spec?.type === 'amount' && unit !== '') {
      const s = AMOUNT_UNITS[unit];
      if (s === undefined) unitErrors.push(`列“${written}”的单位“${unit}”无法识别：金额列的单位应为 万元、元 或 亿元`);
      else scale = s;
    } else if (spec?.type === 'percent' && unit !== '' && unit !== '%') {
      unitErrors.push(`列“${written}”的单位“${unit}”无法识别：百分比列的单位应为 %`);
    }
    headers.push({ written, index, field: spec ? spec.name : null, scale, unit: spec ? unit : part.unit });
  });
  const present = new Set(headers.map((h) => h.field));
  present.delete(null);
  const missing = REQUIRED_COLUMNS[kind].filter((f) => !present.has(f));
  return { kind, headers, unitErrors, matched: present.size, missing };
}

/** Columns mapped to one field twice: an error naming both headers. */
function duplicates(a: Attempt): string[] {
  const seen = new Map<string, HeaderMapping>();
  const out: string[] = [];
  for (const h of a.headers) {
    if (h.field === null) continue;
    const first = seen.get(h.field);
    if (first) {
      out.push(`列“${first.written}”和“${h.written}”都对应 ${describe(specOf(a.kind, h.field))}，请只保留一列`);
    } else seen.set(h.field, h);
  }
  return out;
}

// Ties between kinds that match equally many columns go to the one missing fewer required
// columns, then to the more specific one (its extra required columns say more).
const SPECIFICITY: Readonly<Record<Kind, number>> = { records: 0, indicators: 1, funds: 2 };

function better(a: Attempt, b: Attempt): Attempt {
  if (a.matched !== b.matched) return a.matched > b.matched ? a : b;
  if (a.missing.length !== b.missing.length) return a.missing.length < b.missing.length ? a : b;
  return SPECIFICITY[a.kind] >= SPECIFICITY[b.kind] ? a : b;
}

function expectedMessage(cells: readonly string[]): string {
  const base = REQUIRED_COLUMNS.records.map((f) => describe(specOf('records', f))).join('、');
  const extra = (kind: Kind) =>
    REQUIRED_COLUMNS[kind]
      .filter((f) => !REQUIRED_COLUMNS.records.includes(f))
      .map((f) => describe(specOf(kind, f)))
      .join('、');
  const found = cells.map((c) => c.trim()).filter((c) => c !== '');
  const shown = found.slice(0, 12).join('、') + (found.length > 12 ? '……' : '');
  return (
    `无法识别文件类型：表头应包含 ${base}（${KIND_NAMES.records}）；` +
    `${KIND_NAMES.indicators}另需 ${extra('indicators')}；${KIND_NAMES.funds}另需 ${extra('funds')}。` +
    `文件的表头是：${shown === '' ? '（空）' : shown}`
  );
}

/**
 * Maps a header row to a kind and to fields. Unknown columns get `field: null` (the caller warns
 * that they are ignored). `error` reports a header row that fits no kind, a required column that
 * is missing, two columns for one field, or a unit that cannot be understood.
 */
export function mapHeaders(cells: string[]): HeaderResult {
  const parts = cells.map(split);
  const attempts = KINDS.map((kind) => attempt(kind, cells, parts));
  // The kind that matches the most columns wins even when it lacks a required column: a funds
  // file without its 明细 column must be reported as such, not read as records because the
  // record columns happen to be complete.
  const chosen = attempts.reduce(better);
  if (chosen.missing.length > 0 && chosen.matched < 2) {
    return {
      kind: null,
      headers: chosen.headers.map((h) => ({ ...h, field: null, scale: 1 })),
      error: expectedMessage(cells),
    };
  }
  const errors: string[] = [];
  if (chosen.missing.length > 0) {
    const names = chosen.missing.map((f) => describe(specOf(chosen.kind, f))).join('、');
    errors.push(`${KIND_NAMES[chosen.kind]}文件缺少必需的列：${names}`);
  }
  errors.push(...duplicates(chosen), ...chosen.unitErrors);
  return { kind: chosen.kind, headers: chosen.headers, error: errors.length > 0 ? errors.join('；') : null };
}
