// The self-evaluation forms of an upload as batches: the rows every form gives, of one kind, go
// through the CSV pipeline's own FileSession as the rows of one sheet would (the typed-cell rules,
// the contract's row checks, consistency, duplicates, references), so a form's rows are stored
// exactly as a CSV of them would be; and what that finds is put back at the form and the cell
// each figure came from. Forms with an error give no rows; any error blocks the upload, which is
// committed whole or not at all.
import { chunkRow } from '@/domain/columns';
import type { ExtractIssue, ExtractResult } from '@/domain/extract/types';
import { FileSession, type KnownRecord } from '@/domain/fileSession';
import { sha256Hex } from '@/domain/hash';
import type { Issue } from '@/domain/issues';
import { recordKey } from '@/domain/keys';
import { SCHEMA } from '@/domain/schema';
import { CATEGORY_LABEL, SCOPE_LABEL } from '@/domain/exportCsv';
import type { AnyRow, Kind, ParsedFile } from '@/domain/types';
import { cellInput } from '@/domain/workbook/typedCell';

/** One form file of the upload, and what the upload makes of it. */
export interface FormFile {
  /** The file's index as chosen. */
  source: number;
  fileName: string;
  format: string;
  layout: ExtractResult['layout'];
  /** The form's record, as stored (null when the form gives none). */
  recordKey: string | null;
  /** Its own errors (extraction) and those the contract's checks found in its rows, each at its cell. */
  errors: Issue[];
  warnings: Issue[];
  /** Its rows as they will be stored, by kind (a row with an error is not among them). */
  stored: { [K in Kind]: AnyRow[] };
  /** Findings the form states (conclusions, problems …): read, but there is no findings table to store them in yet. */
  findings: number;
}

interface Origin {
  file: number;
  index: number;
}

/** What a check of the contract says, and what a careful reader of the form said of the same thing. */
const SAME_AS_FORM: Readonly<Partial<Record<string, string>>> = {
  score_above_weight: 'form_score_above_weight',
  total_sum: 'score_sum_mismatch',
  rate_mismatch: 'execution_rate_mismatch',
  budget_parts: 'fund_total_mismatch',
  expenditure_parts: 'fund_total_mismatch',
};

/** The text the row reader parses for one stored value: the typed-cell rule of a sheet's cell holding it. */
function valueCells(kind: Kind, row: AnyRow): string[] {
  const r = row as unknown as Record<string, unknown>;
  return SCHEMA[kind].map((spec) => {
    const v = r[spec.name];
    if (v === null || v === undefined) return '';
    if (typeof v === 'number') return cellInput({ text: String(v), value: v }, spec);
    const text =
      spec.type === 'scope' ? SCOPE_LABEL[String(v)] : spec.type === 'category' ? CATEGORY_LABEL[String(v)] : undefined;
    return cellInput({ text: text ?? String(v) }, spec);
  });
}

function issueOf(x: ExtractIssue, file: string, key: string | null): Issue {
  const out = { code: x.code, params: x.params, row: null, column: null, file } as Issue;
  if (x.location !== undefined) out.location = x.location;
  if (key !== null) out.recordKey = key;
  return out;
}

/** The forms of an upload, read kind by kind (records first) among the upload's other parts. */
export class FormsBatch {
  readonly files: FormFile[];
  private readonly results: ExtractResult[];
  private readonly parts: ParsedFile[] = [];
  private readonly shas: string[];
  private readonly bytes: number;

  constructor(forms: readonly { source: number; result: ExtractResult; sha256: string; size: number }[]) {
    this.results = forms.map((f) => f.result);
    this.shas = forms.map((f) => f.sha256);
    this.bytes = forms.reduce((n, f) => n + f.size, 0);
    this.files = forms.map(({ source, result }) => {
      const ok = result.errors.length === 0 && result.records.length > 0;
      const key = ok ? recordKey(result.records[0]!) : null;
      return {
        source,
        fileName: result.file,
        format: result.format,
        layout: result.layout,
        recordKey: key,
        errors: result.errors.map((e) => issueOf(e, result.file, null)),
        warnings: result.warnings.map((w) => issueOf(w, result.file, key)),
        stored: { records: [], indicators: [], funds: [], findings: [] },
        findings: result.findings.length,
      };
    });
  }

  get fileName(): string {
    const first = this.files[0]?.fileName ?? '';
    return this.files.length > 1 ? `${first} +${this.files.length - 1}` : first;
  }

  /** Where a figure of a form's row was read: its field's cell, else the row's first cell. */
  private locationOf(origin: Origin, kind: Kind, field: string | null): string | undefined {
    const evidence = this.results[origin.file]!.evidence.filter((e) => e.kind === kind && e.index === origin.index);
    return (evidence.find((e) => e.field === field) ?? evidence[0])?.location;
  }

  /** The forms' rows of `kind` as one batch; null when the forms give none and none has an error to show. */
  async part(kind: Kind, knownRecords: ReadonlyMap<string, KnownRecord>): Promise<ParsedFile | null> {
    const session = new FileSession({ knownRecords });
    session.record(
      SCHEMA[kind].map((s) => s.name),
      1,
    );
    const origins: Origin[] = [];
    this.results.forEach((r, file) => {
      if (this.files[file]!.recordKey === null) return;
      (r[kind] as AnyRow[]).forEach((row, index) => {
        origins.push({ file, index });
        session.record(valueCells(kind, row), origins.length + 1);
      });
    });
    const done = session.finish(null);
    const at = (row: number | null): Origin | undefined => (row === null ? undefined : origins[row - 2]);
    const place = (i: Issue): Issue | null => {
      const o = at(i.row);
      // No row at all because every form was refused: their own errors say why, an empty batch nothing more.
      if (i.code === 'no_rows' && this.files.some((f) => f.errors.length > 0)) return null;
      if (!o) return i;
      const file = this.files[o.file]!;
      // A form whose record was refused: its other rows cannot find it, which says nothing new.
      if (i.code === 'missing_record' && file.errors.length > 0) return null;
      let out = { ...i, row: null, column: null, file: file.fileName } as Issue;
      if (i.code === 'duplicate_key') {
        const first = at(i.params.firstRow);
        const where =
          first === undefined
            ? ''
            : first.file !== o.file
              ? this.files[first.file]!.fileName
              : (this.locationOf(first, kind, null) ?? '');
        out = { ...out, code: 'form_duplicate', params: { kind, first: where } } as Issue;
      }
      const location = this.locationOf(o, kind, i.column);
      if (location !== undefined) out.location = location;
      if (file.recordKey !== null) out.recordKey = file.recordKey;
      return out;
    };
    const errors: Issue[] = [];
    const rejected = new Set<number>();
    for (const e of done.errors ?? []) {
      if (e.row !== null && e.code !== 'duplicate_key') rejected.add(e.row);
      const p = place(e);
      if (p === null) continue;
      errors.push(p);
      const o = at(e.row);
      if (o) this.files[o.file]!.errors.push(p);
    }
    const warnings: Issue[] = [];
    for (const w of done.warnings ?? []) {
      const p = place(w);
      if (p === null) continue;
      const o = at(w.row);
      const file = o ? this.files[o.file] : undefined;
      // The careful reader said it already, at the form's own cell.
      const same = SAME_AS_FORM[w.code];
      if (file && same !== undefined && file.warnings.some((x) => x.code === same)) continue;
      warnings.push(p);
      file?.warnings.push(p);
    }
    // The rows as stored: the chunks hold every row without an error of its own, in order.
    const chunks = done.chunks ?? [];
    let chunk = 0;
    let k = 0;
    origins.forEach((o, i) => {
      if (rejected.has(i + 2)) return;
      while (chunks[chunk] && k >= chunks[chunk]!.length) {
        chunk++;
        k = 0;
      }
      const c = chunks[chunk];
      if (!c) return;
      this.files[o.file]!.stored[kind].push(chunkRow(c, k++));
    });
    if (origins.length === 0 && (kind !== 'records' || this.files.every((f) => f.errors.length === 0))) return null;
    const parsed: ParsedFile = {
      fileName: this.fileName,
      kind,
      encoding: null,
      delimiter: null,
      rows: origins.length,
      headers: done.headers ?? [],
      errors,
      errorCount: errors.length,
      warnings,
      warningCount: warnings.length,
      chunks,
      sha256: await sha256Hex(new TextEncoder().encode(`forms\n${kind}\n${this.shas.join('\n')}`)),
      byteLength: this.bytes,
      source: { type: 'forms', files: this.files.length },
    };
    this.parts.push(parsed);
    return parsed;
  }

  /**
   * Once every kind is read: the forms' own errors and warnings join the records batch (so they
   * block the upload and are kept with the record), and a careful reader's warning about what the
   * contract's checks found to be an error at the same cell gives way to that error.
   */
  finish(): void {
    const dropped = new Set<Issue>();
    for (const f of this.files) {
      const errors = f.errors;
      f.warnings = f.warnings.filter((w) => {
        const shadowed = errors.some(
          (e) => SAME_AS_FORM[e.code] === w.code && (e.location === undefined || e.location === w.location),
        );
        if (shadowed) dropped.add(w);
        return !shadowed;
      });
    }
    for (const p of this.parts) {
      const before = p.warnings.length;
      p.warnings = p.warnings.filter((w) => !dropped.has(w));
      p.warningCount -= before - p.warnings.length;
    }
    const records = this.parts.find((p) => p.kind === 'records');
    if (!records) return;
    const inParts = new Set(this.parts.flatMap((p) => [...p.errors, ...p.warnings]));
    const errors = this.files.flatMap((f) => f.errors.filter((i) => !inParts.has(i)));
    const warnings = this.files.flatMap((f) => f.warnings.filter((i) => !inParts.has(i)));
    records.errors = [...errors, ...records.errors];
    records.errorCount += errors.length;
    records.warnings = [...warnings, ...records.warnings];
    records.warningCount += warnings.length;
  }
}
