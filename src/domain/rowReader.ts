// Turns one CSV record into a typed row of its kind, reporting each bad cell by row and column.
import { canonicalAgency, agencyRegion } from './agencies';
import { gradeFromScore, executionRate } from './derive';
import { unneutralize } from './exportCsv';
import { SCHEMA, type FieldSpec } from './schema';
import type { HeaderMapping, Issue, Kind, RowOf } from './types';
import {
  isEmptyMarker,
  parseAmount,
  parseCategory,
  parseGrade,
  parseInteger,
  parseNumber,
  parsePercent,
  parseScope,
  type ValueResult,
} from './values';

export const YEAR_MIN = 1990;
export const YEAR_MAX = 2100;

interface ColumnReader {
  spec: FieldSpec;
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
}

/** Distinct cell texts remembered per column; past this, cells are parsed each time. */
const CACHE_LIMIT = 4096;

/** A reader for one file: built once from its header, then applied to every record. */
export class RowReader<K extends Kind> {
  private readonly columns: ColumnReader[];
  /** Header as written, per field, for issues about a field (e.g. a missing project). */
  readonly writtenOf: Record<string, string> = {};
  private readonly blank: Record<string, unknown>;

  constructor(readonly kind: K, headers: readonly HeaderMapping[]) {
    this.blank = blankRow(kind);
    const specs = new Map(SCHEMA[kind].map((s) => [s.name, s]));
    this.columns = [];
    for (const h of headers) {
      const spec = h.field === null ? undefined : specs.get(h.field);
      if (!spec) continue;
      this.columns.push({ spec, index: h.index, written: h.written, scale: h.scale, cache: new Map(), lastRaw: null, lastValue: null });
      this.writtenOf[spec.name] = h.written;
    }
  }

  /** Reads a record; pushes errors for bad cells; returns null when any cell was bad. */
  read(cells: readonly string[], row: number, errors: Issue[]): RowOf[K] | null {
    const out: Record<string, unknown> = { ...this.blank };
    let ok = true;
    for (const c of this.columns) {
      const raw = cells[c.index] ?? '';
      let value: ValueResult<string | number> | undefined;
      if (raw === c.lastRaw) value = c.lastValue!;
      else {
        value = c.cache.get(raw);
        if (value === undefined) {
          value = readCell(c.spec, raw, c.scale);
          if (c.cache.size < CACHE_LIMIT) c.cache.set(raw, value);
        }
        c.lastRaw = raw;
        c.lastValue = value;
      }
      if (!value.ok) {
        errors.push({ row, column: c.written, message: value.message, code: 'invalid_value' });
        ok = false;
      } else if (value.value !== null) {
        out[c.spec.name] = value.value;
      } else if (c.spec.required === 'yes') {
        errors.push({ row, column: c.written, message: `缺少必填值：${c.spec.label}`, code: 'required' });
        ok = false;
      }
    }
    if (!ok) return null;
    return this.complete(out, row, errors);
  }

  /** Cross-field rules of one row, canonical names and derived values. */
  private complete(out: Record<string, unknown>, row: number, errors: Issue[]): RowOf[K] | null {
    if (out.scope === 'project' && out.project === '') {
      errors.push({
        row,
        column: this.writtenOf.project ?? this.writtenOf.scope ?? null,
        message: '评价类型为项目时必须填写项目名称',
        code: 'project_required',
      });
      return null;
    }
    if (this.kind === 'indicators') {
      const weight = out.weight as number | null;
      const score = out.score as number | null;
      if (weight !== null && score !== null && score > weight + 1e-9) {
        errors.push({
          row,
          column: this.writtenOf.score ?? null,
          message: `得分 ${score} 超过分值 ${weight}`,
          code: 'score_above_weight',
        });
        return null;
      }
    }
    if (this.kind === 'records') {
      if (out.region === '') out.region = agencyRegion(String(out.agency));
      if (out.execution_rate === null) out.execution_rate = executionRate(out.budget as number | null, out.expenditure as number | null);
      if (out.grade === null) out.grade = gradeFromScore(out.score as number | null);
      if (out.score !== null && (out.score as number) > 100) {
        errors.push({ row, column: this.writtenOf.score ?? null, message: `总分 ${String(out.score)} 超过 100`, code: 'score_range' });
        return null;
      }
    }
    return out as unknown as RowOf[K];
  }
}

function readCell(spec: FieldSpec, raw: string, scale: number): ValueResult<string | number> {
  if (spec.name === 'agency') {
    const text = raw.trim();
    return { ok: true, value: isEmptyMarker(text) ? null : canonicalAgency(unneutralize(text)) };
  }
  switch (spec.type) {
    case 'amount':
      return parseAmount(raw, scale);
    case 'percent':
      return parsePercent(raw);
    case 'number':
      return parseNumber(raw);
    case 'integer':
      return parseInteger(raw, YEAR_MIN, YEAR_MAX);
    case 'scope':
      return parseScope(raw);
    case 'grade':
      return parseGrade(raw);
    case 'category':
      return parseCategory(raw);
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
