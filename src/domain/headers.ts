// Understanding a file's header row: which kind of file it is and which field each column holds.
// Headers may be canonical English names or any Chinese alias of the contract, compared ignoring
// case, spaces, full-width/half-width differences and a unit suffix in brackets (`预算数（元）`).
import type { HeaderMapping, Kind } from './types';
import { KINDS } from './types';
import { SCHEMA, type FieldSpec } from './schema';
import { normalizeLabel } from './normalize';
import { issue, quoteCell, type Issue } from './issues';

export interface HeaderResult {
  /** The kind the headers fit best; set even when `errors` report a missing column of that kind. */
  kind: Kind | null;
  headers: HeaderMapping[];
  /** Why the header row cannot be read (on the header's row); empty when it can. */
  errors: Issue[];
}

/** Columns a file of each kind must have (beyond `project`, required only for project rows). */
export const REQUIRED_COLUMNS: Readonly<Record<Kind, readonly string[]>> = {
  records: ['agency', 'year', 'scope'],
  indicators: ['agency', 'year', 'scope', 'level1'],
  funds: ['agency', 'year', 'scope', 'category', 'item'],
  findings: ['agency', 'year', 'scope', 'kind', 'seq', 'text'],
};

/** Amount units a header may name, as multipliers to 万元. */
// A Map, not an object: a unit is text from the file, and `（constructor）` must not find a function.
const AMOUNT_UNITS: ReadonlyMap<string, number> = new Map([
  ['万元', 1],
  ['元', 0.0001],
  ['亿元', 10000],
  ['千元', 0.1],
]);
const PERCENT_UNITS: ReadonlySet<string> = new Set(['%', '百分比', '百分点']);
/** The multiplier to 万元 of an amount unit (`元`, `万元`, `千元`, `亿元`), or undefined. */
export function amountUnitScale(unit: string): number | undefined {
  return AMOUNT_UNITS.get(unit);
}

/** The amount units, as an issue lists them. */
const AMOUNT_UNIT_NAMES = [...AMOUNT_UNITS.keys()].join('\n');

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
      // The first field to claim a label keeps it: `类型` is the scope's, see sharedLabel.
      for (const name of [spec.name, ...spec.aliases]) if (!map.has(keyOf(name))) map.set(keyOf(name), spec);
    }
    out[kind] = map;
  }
  return out;
})();

/**
 * A column of a header over two rows (a workbook's, contractSheet.ts): shown as its group and its
 * own header (`资金情况（元）/全年预算数`), matched by its own header (`label`). An amount column
 * whose own header names no unit takes the unit of the nearest group that names one: `（元）` over
 * 全年预算数 and 全年执行数 says both are in yuan. A group's brackets that name no money (`（2023年）`,
 * `（一）`) are a note, not a unit.
 */
export interface SubHeader {
  label: string;
  /** The group headers above it, outermost first. */
  groups: readonly string[];
}

/** The money unit a sub-header's groups give it (see SubHeader), or ''. */
function groupUnit(sub: SubHeader | undefined): string {
  if (sub === undefined) return '';
  for (let i = sub.groups.length - 1; i >= 0; i--) {
    const unit = split(sub.groups[i]!).unit;
    if (unit.endsWith('元')) return unit;
  }
  return '';
}

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

interface Attempt {
  kind: Kind;
  headers: HeaderMapping[];
  /** Problems with units written in headers (row set by mapHeaders). */
  unitErrors: Issue[];
  matched: number;
  missing: string[];
}

/**
 * A label the contract gives to two fields of one kind: in a findings file `类型` may be the
 * scope (评价类型) or the kind of finding (类别). It is the scope, as in every other kind, unless
 * another column already gives the scope and none gives the kind: then it is the kind. So
 * `评价类型, 类型` reads 类型 as the kind, `类型, 类别` as the scope, and a file with 类型 alone
 * lacks the kind's column (and is told so).
 */
const SHARED_LABELS: ReadonlyArray<{ kind: Kind; label: string; first: string; second: string }> = [
  { kind: 'findings', label: keyOf('类型'), first: 'scope', second: 'kind' },
];

function settleSharedLabels(kind: Kind, headers: HeaderMapping[], parts: readonly SplitLabel[]): void {
  for (const shared of SHARED_LABELS) {
    if (shared.kind !== kind) continue;
    const at = headers.findIndex((h, i) => h.field === shared.first && parts[i]!.base === shared.label);
    if (at < 0) continue;
    const firstElsewhere = headers.some((h, i) => i !== at && h.field === shared.first);
    const secondGiven = headers.some((h) => h.field === shared.second);
    if (firstElsewhere && !secondGiven) headers[at] = { ...headers[at]!, field: shared.second };
  }
}

function attempt(
  kind: Kind,
  cells: readonly string[],
  parts: readonly SplitLabel[],
  groupUnits: readonly string[],
): Attempt {
  const lookup = LOOKUP[kind];
  const headers: HeaderMapping[] = [];
  const unitErrors: Issue[] = [];
  cells.forEach((cell, index) => {
    // As the page and the messages show it: cut short, hidden characters written out.
    const written = quoteCell(cell);
    const part = parts[index]!;
    // The whole label first: brackets can be part of a name as well as a unit.
    const whole = lookup.get(part.full);
    const spec = whole ?? lookup.get(part.base);
    let unit = whole ? '' : part.unit;
    if (unit === '' && spec?.type === 'amount') unit = groupUnits[index] ?? '';
    let scale = 1;
    if (spec?.type === 'amount' && unit !== '') {
      const s = AMOUNT_UNITS.get(unit);
      if (s === undefined)
        unitErrors.push(
          issue('amount_unit', { column: written, unit: quoteCell(unit), accepted: AMOUNT_UNIT_NAMES }, null, written),
        );
      else scale = s;
    } else if (spec?.type === 'percent' && unit !== '' && unit !== '%') {
      unitErrors.push(issue('percent_unit', { column: written, unit: quoteCell(unit), accepted: '%' }, null, written));
    }
    headers.push({ written, index, field: spec ? spec.name : null, scale, unit: quoteCell(spec ? unit : part.unit) });
  });
  settleSharedLabels(kind, headers, parts);
  const present = new Set(headers.map((h) => h.field));
  present.delete(null);
  const missing = REQUIRED_COLUMNS[kind].filter((f) => !present.has(f));
  return { kind, headers, unitErrors, matched: present.size, missing };
}

/** Columns mapped to one field twice: an error naming both headers. */
function duplicates(a: Attempt): Issue[] {
  const seen = new Map<string, HeaderMapping>();
  const out: Issue[] = [];
  for (const h of a.headers) {
    if (h.field === null) continue;
    const first = seen.get(h.field);
    if (first) {
      const params = { kind: a.kind, field: h.field, first: first.written, second: h.written };
      out.push(issue('duplicate_columns', params, null, h.written));
    } else seen.set(h.field, h);
  }
  return out;
}

// Ties between kinds that match equally many columns go to the one missing fewer required
// columns, then to the more specific one (its extra required columns say more).
const SPECIFICITY: Readonly<Record<Kind, number>> = { records: 0, indicators: 1, funds: 2, findings: 3 };

function better(a: Attempt, b: Attempt): Attempt {
  if (a.matched !== b.matched) return a.matched > b.matched ? a : b;
  if (a.missing.length !== b.missing.length) return a.missing.length < b.missing.length ? a : b;
  return SPECIFICITY[a.kind] >= SPECIFICITY[b.kind] ? a : b;
}

/** Headers of the file listed in an unknown_headers issue, at most this many. */
const FOUND_SHOWN = 12;

/** What each kind needs beyond the record columns, and what the file has. */
function unknownHeaders(cells: readonly string[], row: number): Issue {
  const extra = (kind: Kind) => REQUIRED_COLUMNS[kind].filter((f) => !REQUIRED_COLUMNS.records.includes(f)).join(',');
  const found = cells.map(quoteCell).filter((c) => c !== '');
  const shown = found.slice(0, FOUND_SHOWN);
  if (found.length > FOUND_SHOWN) shown.push('…');
  const params = {
    records: REQUIRED_COLUMNS.records.join(','),
    indicators: extra('indicators'),
    funds: extra('funds'),
    findings: extra('findings'),
    found: shown.join('\n'),
  };
  return issue('unknown_headers', params, row);
}

/**
 * Maps a header row (on spreadsheet row `row`) to a kind and to fields. Unknown columns get
 * `field: null` (the caller warns that they are ignored). `errors` report a header row that fits
 * no kind, required columns that are missing, two columns for one field, and units that cannot
 * be understood, each of them. `subs` gives, for the columns of a header over two rows, what each
 * is matched by (SubHeader); `cells` are then the headers as shown.
 */
export function mapHeaders(cells: string[], row = 1, subs?: readonly (SubHeader | undefined)[]): HeaderResult {
  const parts = cells.map((cell, i) => split(subs?.[i]?.label ?? cell));
  const units = subs ? cells.map((_, i) => groupUnit(subs[i])) : [];
  const attempts = KINDS.map((kind) => attempt(kind, cells, parts, units));
  // The kind that matches the most columns wins even when it lacks a required column: a funds
  // file without its 明细 column must be reported as such, not read as records because the
  // record columns happen to be complete.
  const chosen = attempts.reduce(better);
  if (chosen.missing.length > 0 && chosen.matched < 2) {
    return {
      kind: null,
      headers: chosen.headers.map((h) => ({ ...h, field: null, scale: 1 })),
      errors: [unknownHeaders(cells, row)],
    };
  }
  const errors: Issue[] = [];
  if (chosen.missing.length > 0) {
    const params = { kind: chosen.kind, fields: chosen.missing.join(','), count: chosen.missing.length };
    errors.push(issue('missing_columns', params, row));
  }
  for (const e of [...duplicates(chosen), ...chosen.unitErrors]) errors.push({ ...e, row });
  return { kind: chosen.kind, headers: chosen.headers, errors };
}

/** The field of `kind` a label names (canonical name or alias, compared as headers are; a unit in brackets ignored), or null. */
export function fieldOfLabel(kind: Kind, written: string): string | null {
  const part = split(written);
  return (LOOKUP[kind].get(part.full) ?? LOOKUP[kind].get(part.base))?.name ?? null;
}
