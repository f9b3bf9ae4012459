// The preview of an upload's self-evaluation forms: per form, its rows as they will be stored,
// its issues at their cells, and what it would replace in the current data.
import type { BudgetDb } from '@/db/database';
import { previewDiff } from '@/db/ledger';
import { recordKey } from '@/domain/keys';
import type { AnyRow, Kind, ParsedFile, RowOf } from '@/domain/types';
import type { FormFile } from '@/domain/upload/formsFile';
import { rowChanges, type FormFilePreview, type FormsPreview, type FormSupersedes } from './protocol';

/** Per record key, what the forms' batches would replace: the record's stored version, and counts of rows. */
async function replaced(db: BudgetDb, parts: readonly ParsedFile[]) {
  const records = new Map<string, { before: AnyRow; after: AnyRow }>();
  const counts = new Map<string, { indicators: number; funds: number; findings: number }>();
  for (const p of parts) {
    if (p.kind === null || p.source?.type !== 'forms' || p.errorCount > 0) continue;
    // Forms are small (300 forms are some thousands of rows): every superseded row is listed.
    const diff = await previewDiff(db, p, p.rows);
    for (const s of diff.superseded) {
      const key = recordKey(s.after);
      if (p.kind === 'records') records.set(key, s);
      else {
        const c = counts.get(key) ?? { indicators: 0, funds: 0, findings: 0 };
        c[p.kind as Exclude<Kind, 'records'>]++;
        counts.set(key, c);
      }
    }
  }
  return { records, counts };
}

/** No year stated: none given (an error), or the upload's given (a warning); a form's codes, a report's. */
const FORM_YEAR = new Set(['form_year_missing', 'year_from_upload']);
const REPORT_YEAR = new Set(['year_not_found', 'report_year_given']);
const statesNone = (f: FormFile, codes: ReadonlySet<string>): boolean =>
  f.errors.some((e) => codes.has(e.code)) || f.warnings.some((w) => codes.has(w.code));

export async function formsPreview(
  db: BudgetDb,
  files: readonly FormFile[],
  parts: readonly ParsedFile[],
  year: number | null,
): Promise<FormsPreview> {
  const { records, counts } = await replaced(db, parts);
  const out: FormFilePreview[] = files.map((f) => {
    const record = (f.stored.records[0] as RowOf['records'] | undefined) ?? null;
    let supersedes: FormSupersedes | null = null;
    if (f.recordKey !== null && f.errors.length === 0) {
      const r = records.get(f.recordKey);
      const c = counts.get(f.recordKey);
      supersedes = {
        record: r ? rowChanges('records', r.before, r.after) : null,
        indicators: c?.indicators ?? 0,
        funds: c?.funds ?? 0,
      };
    }
    return {
      index: f.source,
      fileName: f.fileName,
      format: f.format,
      layout: f.layout,
      record,
      indicators: f.stored.indicators as RowOf['indicators'][],
      funds: f.stored.funds as RowOf['funds'][],
      errors: f.errors,
      warnings: f.warnings,
      findings: f.findings,
      supersedes,
      yearFromUpload: f.warnings.some((w) => w.code === 'year_from_upload' || w.code === 'report_year_given'),
    };
  });
  const reportsWithoutYear = files.filter((f) => statesNone(f, REPORT_YEAR)).length;
  const withoutYear = reportsWithoutYear + files.filter((f) => statesNone(f, FORM_YEAR)).length;
  return { files: out, year, withoutYear, reportsWithoutYear };
}
