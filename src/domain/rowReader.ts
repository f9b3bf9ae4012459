// Turns one CSV record into a typed row of its kind, reporting each bad cell by row and column.
import { canonicalAgency, agencyRegion } from './agencies';
import { gradeFromScore, executionRate } from './derive';
import { withDerivedRate } from './evidenceColumn';
import { unneutralize } from './exportCsv';
import { normalizeName } from './normalize';
import { EXTRA_KEY_FIELDS, SCHEMA, type FieldSpec } from './schema';
import { plainCell, sameAt, SpanCache, type PlainRead } from './spanCells';
import type { HeaderMapping, Kind, RowOf } from './types';
import { quoteCell, type Issue } from './issues';
import {
  controlCharacter,
  isEmptyMarker,
  parseAmount,
  parseCategory,
  parseFindingKind,
  parseGrade,
  parseInteger,
  parseNumber,
  parsePercent,
  parseScope,
  type ValueResult,
} from './values';

/** A record's total score is out of 100. */
const MAX_SCORE = 100;

interface ColumnReader {
  spec: FieldSpec;
  /** Position of the field in SCHEMA[kind]: its slot in the values array. */
  slot: number;
  index: number;
  written: string;
  scale: number;
  /** Cell text → parsed value. Columns repeat the same few values (agency, year, scope,
   * level names) across a million rows, so most cells are parsed once. */
  cache: Map<string, ValueResult<string | number>>;
  /** The previous row's cell and its value: rows of one record repeat its key cells, and
   * comparing with the last cell is cheaper than hashing the cell for the cache. */
  lastRaw: string | null;
  lastValue: ValueResult<string | number> | null;
  /** A number, amount (in 万元) or percent column: a plain decimal in it (readSpans) is read in
   * place, see plainCell. */
  plain: PlainRead;
  /** The cache again, keyed by the cell's characters in the line (readSpans): no string per cell. */
  spans: SpanCache;
  /** Its position in the reader's columns (onceWarned). */
  k: number;
  /**
   * Cells past the cache's limit whose `once` warning was given: a cell is warned of once
   * whether its value is cached or not, so the warnings do not depend on what the cache holds.
   */
  onceRaw: Set<string>;
}

/** The cell a `once` warning was given for: the reader's column (its position) and the cell's text. */
export interface OnceKey {
  column: number;
  raw: string;
}

/** How a column's plain cells are read in place: amounts only in 万元 (a header unit scales them). */
function plainRead(spec: FieldSpec, scale: number): PlainRead {
  if (spec.type === 'number') return 'number';
  if (spec.type === 'amount') return scale === 1 ? 'amount' : null;
  return spec.type === 'percent' ? 'percent' : null;
}

/** Distinct cell texts remembered per column; past this, cells are parsed each time. */
const CACHE_LIMIT = 4096;

/**
 * The text fields that name a row (part of its key): stored in one form (normalizeName). Key
 * fields of other types (a fund's category, a finding's kind and number) are read as their type.
 */
const NAME_FIELDS: ReadonlySet<string> = new Set(
  (Object.keys(EXTRA_KEY_FIELDS) as Kind[]).flatMap((kind) =>
    SCHEMA[kind]
      .filter(
        (spec) =>
          spec.type === 'text' &&
          (spec.name === 'agency' || spec.name === 'project' || EXTRA_KEY_FIELDS[kind].includes(spec.name)),
      )
      .map((spec) => spec.name),
  ),
);

/**
 * A reader for one file: built once from its header, then applied to every record.
 *
 * At a million rows the parser reads into a values array (one slot per SCHEMA field, in SCHEMA
 * order) that it reuses from row to row, and the chunk builder copies the slots into the columns:
 * indexed slots instead of a new object per row with its fields set and read by name, which
 * costs an allocation and two megamorphic property accesses per field. `read` gives the same
 * values as a row object.
 */
export class RowReader<K extends Kind> {
  private readonly columns: ColumnReader[];
  /** Header as written, per field, for issues about a field (e.g. a missing project). */
  readonly writtenOf: Record<string, string> = {};
  /**
   * Warnings of the cells read (a minus sign other than `-`, a name normalised), in the order
   * read; the caller takes them after each row and empties the array.
   */
  readonly warnings: Issue[] = [];
  /** Per warning in `warnings`: the cell it was given for when it is given once per cell, else null. */
  readonly warningsOnce: Array<OnceKey | null> = [];
  /**
   * Whether readValues reads a plain decimal of a number, amount or percent column in place
   * (plainCell) as readSpans does: cells a CSV record's quotes or a workbook hand over as strings.
   * Off for the reference path, which parses every cell.
   */
  inPlace = true;
  /** SCHEMA[kind]'s field names: the slots of a values array. */
  readonly fields: readonly string[];
  /** The slot of each field, by name. */
  readonly slot: Readonly<Record<string, number>>;
  private readonly blank: readonly unknown[];

  constructor(
    readonly kind: K,
    headers: readonly HeaderMapping[],
  ) {
    this.fields = SCHEMA[kind].map((s) => s.name);
    this.blank = SCHEMA[kind].map((f) => (f.type === 'text' ? '' : null));
    this.slot = Object.fromEntries(this.fields.map((f, i) => [f, i]));
    const specs = new Map(SCHEMA[kind].map((s, i) => [s.name, { spec: s, slot: i }]));
    this.columns = [];
    for (const h of headers) {
      const found = h.field === null ? undefined : specs.get(h.field);
      if (!found) continue;
      const { spec, slot } = found;
      this.columns.push({
        spec,
        slot,
        index: h.index,
        written: h.written,
        scale: h.scale,
        cache: new Map(),
        lastRaw: null,
        lastValue: null,
        plain: plainRead(spec, h.scale),
        spans: new SpanCache(),
        k: this.columns.length,
        onceRaw: new Set(),
      });
      this.writtenOf[spec.name] = h.written;
    }
  }

  /** Reads a record; pushes an error for every bad cell and broken rule; returns null when there was any. */
  read(cells: readonly string[], row: number, errors: Issue[]): RowOf[K] | null {
    const values = this.newValues();
    return this.readValues(cells, row, errors, values) ? this.toRow(values) : null;
  }

  /** A values array for readValues. */
  newValues(): unknown[] {
    return [...this.blank];
  }

  /** The row object of a values array. */
  toRow(values: readonly unknown[]): RowOf[K] {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < this.fields.length; i++) out[this.fields[i]!] = values[i];
    return out as unknown as RowOf[K];
  }

  /**
   * Reads a record into `values` (from newValues, reused from row to row: every slot is
   * overwritten); pushes an error for every bad cell and every broken rule, so that one pass
   * reports all of a row's errors; returns false when there was any.
   */
  readValues(cells: readonly string[], row: number, errors: Issue[], values: unknown[]): boolean {
    const blank = this.blank;
    for (let i = 0; i < blank.length; i++) values[i] = blank[i];
    let ok = true;
    const columns = this.columns;
    const inPlace = this.inPlace;
    for (let k = 0; k < columns.length; k++) {
      const c = columns[k]!;
      const raw = cells[c.index] ?? '';
      if (inPlace && this.placed(c, raw, 0, raw.length, values)) continue;
      const value = raw === c.lastRaw ? c.lastValue! : this.lookUp(c, raw);
      if (!this.keep(c, value, row, errors, values)) ok = false;
    }
    return this.complete(values, row, errors) && ok;
  }

  /**
   * readValues for a record given as cell spans of `text`: cell `i` of the record is
   * text.slice(starts[i], ends[i]). A cell equal to the same column's cell in the previous record
   * (the record key, the level names) is recognised in place, so no string is made for it; other
   * known cells are found by their characters (SpanCache), and a plain decimal in a number, amount
   * or percent column is read directly (plainCell). Values and issues are exactly those of readValues.
   */
  readSpans(
    text: string,
    starts: Int32Array,
    ends: Int32Array,
    row: number,
    errors: Issue[],
    values: unknown[],
  ): boolean {
    const blank = this.blank;
    for (let i = 0; i < blank.length; i++) values[i] = blank[i];
    let ok = true;
    const columns = this.columns;
    for (let k = 0; k < columns.length; k++) {
      const c = columns[k]!;
      const start = starts[c.index]!;
      const end = ends[c.index]!;
      if (this.placed(c, text, start, end, values)) continue;
      const last = c.lastRaw;
      let value: ValueResult<string | number>;
      if (last !== null && last.length === end - start && sameAt(text, start, last)) value = c.lastValue!;
      else {
        const found = c.spans.find(text, start, end);
        if (found !== null) {
          value = found;
          c.lastValue = found;
          c.lastRaw = c.spans.lastKey;
        } else {
          const raw = text.slice(start, end);
          value = this.lookUp(c, raw);
          if (c.cache.get(raw) === value) c.spans.add(raw, value);
        }
      }
      if (!this.keep(c, value, row, errors, values)) ok = false;
    }
    return this.complete(values, row, errors) && ok;
  }

  /**
   * A plain decimal of a number, amount or percent column (text.slice(start, end)) put in its slot
   * as its parser would read it (plainCell); false when the cell must be parsed.
   */
  private placed(c: ColumnReader, text: string, start: number, end: number, values: unknown[]): boolean {
    if (c.plain === null) return false;
    const x = plainCell(c.plain, text, start, end);
    if (x < 0) return false;
    values[c.slot] = x;
    return true;
  }

  /** Whether the `once` warning of cell `raw` in column `column` (OnceKey) has been given. */
  onceWarned(column: number, raw: string): boolean {
    const c = this.columns[column];
    if (c === undefined) return false;
    const cached = c.cache.get(raw);
    if (cached !== undefined) return cached.ok && cached.warning?.given === true;
    return c.onceRaw.has(raw);
  }

  /** The value of a cell not equal to the column's previous one: from the cache, or parsed. */
  private lookUp(c: ColumnReader, raw: string): ValueResult<string | number> {
    let value = c.cache.get(raw);
    if (value === undefined) {
      value = ownText(readCell(this.kind, c.spec, raw, c.scale));
      if (c.cache.size < CACHE_LIMIT) c.cache.set(raw, value);
      else if (value.ok && value.warning?.once) {
        if (c.onceRaw.has(raw)) value.warning.given = true;
        else c.onceRaw.add(raw);
      }
    }
    c.lastRaw = raw;
    c.lastValue = value;
    return value;
  }

  /** Puts a cell's value in its slot, or pushes its error; false on an error. */
  private keep(
    c: ColumnReader,
    value: ValueResult<string | number>,
    row: number,
    errors: Issue[],
    values: unknown[],
  ): boolean {
    if (!value.ok) {
      errors.push({ row, column: c.written, code: value.code, params: value.params } as Issue);
      return false;
    }
    const w = value.warning;
    if (w !== undefined && !w.given) {
      this.warnings.push({ row, column: c.written, code: w.code, params: w.params } as Issue);
      this.warningsOnce.push(w.once ? { column: c.k, raw: c.lastRaw! } : null);
      if (w.once) w.given = true;
    }
    if (value.value !== null) values[c.slot] = value.value;
    else if (c.spec.required === 'yes') {
      errors.push({ row, column: c.written, code: 'required', params: { kind: this.kind, field: c.spec.name } });
      return false;
    }
    return true;
  }

  /**
   * Cross-field rules of one row, canonical names and derived values. Runs after bad cells too
   * (their slots hold no value, so the rules that need them are skipped): every broken rule is
   * reported with the cells' errors. Returns false when a rule is broken.
   */
  private complete(v: unknown[], row: number, errors: Issue[]): boolean {
    const S = this.slot;
    let ok = true;
    if (v[S.scope!] === 'project' && v[S.project!] === '') {
      const column = this.writtenOf.project ?? this.writtenOf.scope ?? null;
      // A project cell refused on its own (a control character in it) is not also a missing one.
      const refused = this.writtenOf.project !== undefined && errors.some((e) => e.row === row && e.column === column);
      if (!refused) errors.push({ row, column, code: 'project_required', params: {} });
      ok = false;
    } else if (v[S.scope!] === 'department' && typeof v[S.project!] === 'string' && v[S.project!] !== '') {
      const project = quoteCell(v[S.project!] as string);
      errors.push({ row, column: this.writtenOf.project ?? null, code: 'project_on_department', params: { project } });
      ok = false;
    }
    if (this.kind === 'indicators') {
      const weight = v[S.weight!] as number | null;
      const score = v[S.score!] as number | null;
      if (weight !== null && score !== null && score > weight + 1e-9) {
        errors.push({
          row,
          column: this.writtenOf.score ?? null,
          code: 'score_above_weight',
          params: { score, weight },
        });
        ok = false;
      }
    }
    if (this.kind === 'records') {
      const score = v[S.score!] as number | null;
      if (score !== null && score > MAX_SCORE) {
        const params = { score, max: MAX_SCORE };
        errors.push({ row, column: this.writtenOf.score ?? null, code: 'score_range', params });
        ok = false;
      }
      if (!ok) return false;
      if (v[S.region!] === '') v[S.region!] = agencyRegion(String(v[S.agency!]));
      if (v[S.execution_rate!] === null) {
        const rate = executionRate(v[S.budget!] as number | null, v[S.expenditure!] as number | null);
        v[S.execution_rate!] = rate;
        // Stored with the row, the rate is a figure like any other: the evidence says it was derived.
        if (rate !== null) v[S.evidence!] = withDerivedRate(v[S.evidence!] as string);
      }
      if (v[S.grade!] === null) v[S.grade!] = gradeFromScore(v[S.score!] as number | null);
    }
    return ok;
  }
}

/**
 * A text value that owns its characters. A cell cut from a piece of the file (slice, split) may
 * be a view of the whole piece, several megabytes kept alive by one stored string; V8 copies
 * short ones anyway (under 13 characters), so only longer ones are copied here, once per distinct
 * cell thanks to the cache.
 */
function ownText(r: ValueResult<string | number>): ValueResult<string | number> {
  if (!r.ok || typeof r.value !== 'string' || r.value.length < 13) return r;
  return { ...r, value: JSON.parse(JSON.stringify(r.value)) as string };
}

/**
 * A name (agency, project, level, item) in its one stored form; a warning says so when that is not
 * how it was written. A known agency's aliases become its official name, without a warning: that
 * is what the registry is for.
 */
function readName(kind: Kind, spec: FieldSpec, text: string): ValueResult<string> {
  const written = unneutralize(text);
  const name = normalizeName(written);
  const value = spec.name === 'agency' ? canonicalAgency(name) : name;
  if (name === written) return { ok: true, value };
  const params = { kind, field: spec.name, value: quoteCell(written), normalized: quoteCell(name) };
  return { ok: true, value, warning: { code: 'name_normalized', params, once: true } };
}

/** One cell of a field as the importer reads it (also for a value the analyst types in the review of a report). */
export function readCell(kind: Kind, spec: FieldSpec, raw: string, scale: number): ValueResult<string | number> {
  const control = controlCharacter(raw);
  if (control !== null) return control;
  if (NAME_FIELDS.has(spec.name)) {
    const text = raw.trim();
    return isEmptyMarker(text) ? { ok: true, value: null } : readName(kind, spec, text);
  }
  switch (spec.type) {
    case 'amount':
      return parseAmount(raw, scale);
    case 'percent':
      return parsePercent(raw);
    case 'number':
      return parseNumber(raw);
    case 'integer':
      return parseInteger(raw, spec.min ?? Number.MIN_SAFE_INTEGER, spec.max ?? Number.MAX_SAFE_INTEGER);
    case 'scope':
      return parseScope(raw);
    case 'grade':
      return parseGrade(raw);
    case 'category':
      return parseCategory(raw);
    case 'findingKind':
      return parseFindingKind(raw);
    case 'text': {
      const text = raw.trim();
      if (isEmptyMarker(text)) return { ok: true, value: null };
      return { ok: true, value: unneutralize(text) };
    }
  }
}

/** A row of the kind with every field present: '' for text, null for values. */
export function blankRow(kind: Kind): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const f of SCHEMA[kind]) o[f.name] = f.type === 'text' ? '' : null;
  return o;
}
