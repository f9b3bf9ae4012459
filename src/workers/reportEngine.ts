// The report worker's logic, free of worker globals so that it runs (and is tested) in Node against
// fake-indexeddb: reads a report (.docx, .pdf with a text layer, .txt) with the document readers,
// extracts it, and holds it while the analyst reviews; each check applies the analyst's edits and
// reads the rows as ordinary batches (src/domain/extract/batches.ts); the commit writes those
// batches through the ledger like any upload, all or nothing.
import { dbErrorText } from '@/db/live';
import type { BudgetDb } from '@/db/database';
import { commitFiles, knownRecords } from '@/db/ledger';
import { previewDiff } from '@/db/reads';
import { readDocumentAs, reportFormatOf } from '@/domain/document/read';
import type { PdfOptions, PdfWorkerSource } from '@/domain/document/pdf';
import type { DocumentModel } from '@/domain/document/types';
import { emptyResult, extractDocument } from '@/domain/extract';
import { extractionBatches } from '@/domain/extract/batches';
import { applyEdits, type Edit } from '@/domain/extract/edits';
import { reviewDocument } from '@/domain/extract/reviewDocument';
import type { ExtractResult } from '@/domain/extract/types';
import { IssueError, problem, type Problem } from '@/domain/issues';
import type { ParsedFile } from '@/domain/types';
import { isFormLayout, uploadFileProblem } from '@/domain/upload/misplacedReport';
import type { BatchCheck, FromReportWorker, ReportCheck, ToReportWorker } from './reportProtocol';

/** What the engine needs of a file: its name and bytes (a File in the worker, bytes in tests). */
export interface ReportSource {
  name: string;
  read(): Promise<Uint8Array>;
}

interface Held {
  id: number;
  fileName: string;
  result: ExtractResult;
}

function problemOf(err: unknown, code: 'read_failed' | 'commit_failed'): Problem {
  if (err instanceof IssueError) return err.problem;
  return problem(code, { detail: dbErrorText(err) });
}

/** Where pdf.js finds its CMaps and standard fonts under the app's assets folder. */
export function pdfAssets(assets: string): PdfOptions {
  return { cMapUrl: `${assets}cmaps/`, standardFontDataUrl: `${assets}standard_fonts/`, fetchAssets: true };
}

export class ReportEngine {
  private held: Held | null = null;
  private committing = false;

  constructor(
    private readonly db: BudgetDb,
    private readonly post: (msg: FromReportWorker) => void,
    /** A pdf.js worker of its own for the PDFs (the report worker's); without, pdf.js runs in this thread. */
    private readonly pdfWorker?: PdfWorkerSource,
  ) {}

  handle(msg: ToReportWorker): Promise<void> {
    switch (msg.type) {
      case 'read': {
        const f = msg.file;
        const source = { name: f.name, read: async () => new Uint8Array(await f.arrayBuffer()) };
        const pdf = this.pdfWorker ? { ...pdfAssets(msg.assets), worker: this.pdfWorker } : pdfAssets(msg.assets);
        return this.read(msg.id, source, pdf, msg.year);
      }
      case 'check':
        return this.check(msg.id, msg.edits);
      case 'commit':
        return this.commit(msg.id, msg.edits);
      case 'discard':
        if (this.held?.id === msg.id) this.held = null;
        return Promise.resolve();
    }
  }

  /**
   * Reads and extracts the report, holds it, and posts the document laid out for review with its
   * check; `year` stands in for the year of the parts that state none (never for a year stated).
   */
  async read(id: number, source: ReportSource, pdf: PdfOptions = {}, year?: number): Promise<void> {
    this.held = null;
    try {
      const bytes = await source.read();
      const format = reportFormatOf(bytes, source.name);
      const ext = /\.([^./\\]+)$/.exec(source.name)?.[1] ?? '';
      let doc: DocumentModel | null = null;
      let result: ExtractResult;
      // A form or a table of the contract given here: it belongs to the upload, and the page says so.
      const misplaced = format === null || format === 'txt' ? await uploadFileProblem(bytes, source.name) : null;
      if (misplaced !== null) {
        result = emptyResult(source.name, format ?? ext);
        result.errors.push(misplaced);
      } else if (format === null) {
        result = emptyResult(source.name, ext);
        result.errors.push(problem('document_unsupported', { name: source.name }));
      } else {
        const read = await readDocumentAs(format, bytes, pdf);
        if (read.ok) {
          doc = read.doc;
          result = extractDocument(doc, source.name, year === undefined ? {} : { year });
          if (isFormLayout(result.layout)) {
            // The form reader recognises a Word self-evaluation form: not extracted as a report here.
            doc = null;
            result = emptyResult(source.name, format, result.layout);
            result.errors.push(problem('report_is_form', {}));
          }
        } else {
          result = emptyResult(source.name, format);
          result.errors.push(read.error);
        }
      }
      this.held = { id, fileName: source.name, result };
      const check = await this.checkOf(result, []);
      const document = doc ? reviewDocument(doc, check.result.evidence) : null;
      this.post({ type: 'read', id, fileName: source.name, document, check });
    } catch (err) {
      this.post({ type: 'failed', id, stage: 'read', problem: problemOf(err, 'read_failed') });
    }
  }

  private async batchesOf(result: ExtractResult): Promise<ParsedFile[]> {
    if (result.errors.length > 0) return [];
    return extractionBatches(result.file, result, { knownRecords: await knownRecords(this.db) });
  }

  private async checkOf(
    original: ExtractResult,
    edits: readonly Edit[],
  ): Promise<ReportCheck & { parsed: ParsedFile[] }> {
    const { result, problems } = applyEdits(original, edits);
    const parsed = await this.batchesOf(result);
    const batches: BatchCheck[] = [];
    for (const p of parsed) {
      const diff = await previewDiff(this.db, p, 0);
      batches.push({
        kind: p.kind!,
        rows: p.rows,
        errors: p.errors,
        errorCount: p.errorCount,
        warnings: p.warnings,
        warningCount: p.warningCount,
        newKeys: diff.newKeys,
        supersededCount: diff.supersededCount,
        identical: diff.identical !== null,
      });
    }
    return { result, problems, batches, parsed };
  }

  async check(id: number, edits: readonly Edit[]): Promise<void> {
    if (this.held?.id !== id) {
      this.post({ type: 'failed', id, stage: 'check', problem: problem('nothing_parsed', {}) });
      return;
    }
    try {
      const { parsed: _parsed, ...check } = await this.checkOf(this.held.result, edits);
      this.post({ type: 'checked', id, check });
    } catch (err) {
      this.post({ type: 'failed', id, stage: 'check', problem: problemOf(err, 'read_failed') });
    }
  }

  /** Commits the held report with the edits, every kind in one transaction; refused (nothing written) on any error. */
  async commit(id: number, edits: readonly Edit[]): Promise<void> {
    const held = this.held;
    if (held?.id !== id) {
      this.post({ type: 'failed', id, stage: 'commit', problem: problem('nothing_parsed', {}) });
      return;
    }
    if (this.committing) {
      this.post({ type: 'failed', id, stage: 'commit', problem: problem('busy', {}) });
      return;
    }
    this.committing = true;
    try {
      const { parsed, ...check } = await this.checkOf(held.result, edits);
      const bad =
        check.result.errors.length > 0 ||
        check.problems.length > 0 ||
        parsed.length === 0 ||
        parsed.some((p) => p.errorCount > 0 || p.kind === null);
      if (bad) {
        this.post({ type: 'refused', id, check });
        return;
      }
      const results = await commitFiles(this.db, parsed, 'upload', `report-${id}-${Date.now()}`);
      this.held = null;
      this.post({ type: 'committed', id, results });
    } catch (err) {
      this.post({ type: 'failed', id, stage: 'commit', problem: problemOf(err, 'commit_failed') });
    } finally {
      this.committing = false;
    }
  }
}
