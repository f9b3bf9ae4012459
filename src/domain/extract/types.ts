// What extraction finds in one file (a self-evaluation form or an evaluation report), in the shape
// that `npm run extract -- --json` prints (data contract, "Workbooks, forms and reports"): rows
// named by the contract's canonical field names, and the evidence of every value.
import type { Problem } from '@/domain/issues';
import type { FindingRow, FundLine, IndicatorRow, PerfRecord } from '@/domain/types';

/** The rows found, by kind. Rows are complete rows of the contract (missing values null / ''). */
export interface ExtractedRows {
  records: PerfRecord[];
  indicators: IndicatorRow[];
  funds: FundLine[];
  findings: FindingRow[];
}

export type ExtractedKind = keyof ExtractedRows;

/**
 * Where one value was read: `kind` and `index` name the row (`records[0]`), `field` its column;
 * `text` is the exact text of the document it was read from (occurs verbatim in the document),
 * `location` where that text stands, as a reader would find it (`表2 第3行 全年执行数`, `第14段`,
 * `第5页`, `Sheet1!E6`).
 */
export interface EvidenceItem {
  kind: ExtractedKind;
  index: number;
  field: string;
  text: string;
  location: string;
  /** How the value was obtained: read as written, derived from other figures, or corrected by the analyst. */
  how?: 'read' | 'derived' | 'corrected';
  /**
   * Set when the document states this quantity elsewhere with another value (or its own arithmetic
   * disagrees): the value kept is the row's, this lists the other one with its own text and place.
   */
  disputed?: { value: number | string; text: string; location: string }[];
  /** For a value the analyst corrected (`how: 'corrected'`): the value read (null: none was), and why. */
  corrected?: { from: number | string | null; reason?: string };
}

/**
 * A warning or error of extraction: a code of the issue registry with its parameters (rendered by
 * src/i18n like every issue), and where.
 */
export type ExtractIssue = Problem & {
  /** Where in the document (same style as EvidenceItem.location), when it points somewhere. */
  location?: string;
  /** The row it concerns, when it concerns one. */
  kind?: ExtractedKind;
  index?: number;
  field?: string;
};

/** Where an extraction issue points (everything of it but its code and parameters). */
export type ExtractWhere = Omit<ExtractIssue, 'code' | 'params'>;

export type ExtractLayout =
  | 'project_self_evaluation_form'
  | 'department_self_evaluation_form'
  | 'evaluation_report'
  | 'contract_tables'
  | 'unknown';

export interface ExtractResult extends ExtractedRows {
  file: string;
  format: string;
  layout: ExtractLayout;
  evidence: EvidenceItem[];
  warnings: ExtractIssue[];
  errors: ExtractIssue[];
}
