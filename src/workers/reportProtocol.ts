// The messages between the data page's report review and the report worker. A report is read and
// extracted in the worker (pdf.js, the .docx reader); the page gets the extraction, the document
// laid out for review, and the checks its rows meet as batches; the analyst's corrections go back
// as edits, and the worker commits what the review showed.
import type { CommitResult } from '@/db/ledger';
import type { Edit, EditProblem } from '@/domain/extract/edits';
import type { ReviewDocument } from '@/domain/extract/reviewDocument';
import type { ExtractResult } from '@/domain/extract/types';
import type { Problem } from '@/domain/issues';
import type { Issue, Kind } from '@/domain/types';

/** What one kind of the report's rows meets as a batch: the importer's errors and warnings, and the diff. */
export interface BatchCheck {
  kind: Kind;
  rows: number;
  errors: Issue[];
  errorCount: number;
  warnings: Issue[];
  warningCount: number;
  newKeys: number;
  supersededCount: number;
  /** An active batch already holds exactly these rows: committing them changes nothing. */
  identical: boolean;
}

/** The report as the review shows it, with the analyst's edits applied. */
export interface ReportCheck {
  /** The extraction with the edits applied (rows, evidence, warnings; errors: why the file gives nothing). */
  result: ExtractResult;
  /** Edits that could not be applied, by their position in the list sent. */
  problems: EditProblem[];
  batches: BatchCheck[];
}

export type ToReportWorker =
  /**
   * Read and extract a report; `assets` is the URL of pdf.js's CMaps and fonts folder, ending in '/';
   * `year`: the year the analyst gave for the parts of the report that state none.
   */
  | { type: 'read'; id: number; file: File; assets: string; year?: number }
  /** The held report with these edits: what it gives and what its batches meet. */
  | { type: 'check'; id: number; edits: Edit[] }
  /** Commit the held report with these edits, all kinds at once, as ordinary batches. */
  | { type: 'commit'; id: number; edits: Edit[] }
  | { type: 'discard'; id: number };

export type FromReportWorker =
  | { type: 'read'; id: number; fileName: string; document: ReviewDocument | null; check: ReportCheck }
  | { type: 'checked'; id: number; check: ReportCheck }
  | { type: 'committed'; id: number; results: CommitResult[] }
  /** The commit was refused: the edits give errors (the check says which), or nothing to write. */
  | { type: 'refused'; id: number; check: ReportCheck }
  | { type: 'failed'; id: number; stage: 'read' | 'check' | 'commit'; problem: Problem };
