// The product's data model, shared by the parser, the database, the stores and the charts.
// Amounts are in 万元, percentages in percent points (96.92 means 96.92 %), and a missing
// value is `null`, never 0.
import type { Issue } from './issues';

export type Kind = 'records' | 'indicators' | 'funds' | 'findings';
/** The kinds in contract order: records first, so that the other kinds find their records. */
export const KINDS: readonly Kind[] = ['records', 'indicators', 'funds', 'findings'];

export type Scope = 'department' | 'project';
export type Grade = '优' | '良' | '中' | '差';
export const GRADES: readonly Grade[] = ['优', '良', '中', '差'];
export type FundCategory = 'source' | 'line_item';

/** The fields that identify one evaluated unit-year. `agency` is the canonical official name. */
export interface RecordKeyFields {
  agency: string;
  year: number;
  scope: Scope;
  /** Empty string for department rows. */
  project: string;
}

export interface PerfRecord extends RecordKeyFields {
  region: string;
  budget_initial: number | null;
  budget: number | null;
  expenditure: number | null;
  execution_rate: number | null;
  budget_basic: number | null;
  budget_project: number | null;
  expenditure_basic: number | null;
  expenditure_project: number | null;
  carryover: number | null;
  carryover_rate: number | null;
  final_accounts: number | null;
  budget_final_diff_rate: number | null;
  score: number | null;
  grade: Grade | null;
  evaluator: string;
  source: string;
  note: string;
  /** Where each figure was read, one entry a line (evidenceColumn.ts); '' for rows typed into a table. */
  evidence: string;
}

export interface IndicatorRow extends RecordKeyFields {
  level1: string;
  level2: string;
  level3: string;
  weight: number | null;
  score: number | null;
  target: string;
  actual: string;
  note: string;
  /** Extension beyond the contract's table: the report the row comes from. */
  source: string;
  /** Where each figure was read (evidenceColumn.ts). */
  evidence: string;
}

export interface FundLine extends RecordKeyFields {
  category: FundCategory;
  item: string;
  budget: number | null;
  contract: number | null;
  expenditure: number | null;
  /** Extension beyond the contract's table: the report the row comes from. */
  source: string;
  /** Where each figure was read (evidenceColumn.ts). */
  evidence: string;
}

/** What a finding says (the contract's findings kind: 评价结论 / 存在的问题 / 改进建议 / 主要经验 / 主要成效). */
export type FindingKind = 'conclusion' | 'problem' | 'recommendation' | 'experience' | 'outcome';
export const FINDING_KINDS: readonly FindingKind[] = [
  'conclusion',
  'problem',
  'recommendation',
  'experience',
  'outcome',
];

/** One point an evaluation makes in words: a problem found, a recommendation, … one point per row. */
export interface FindingRow extends RecordKeyFields {
  kind: FindingKind;
  /** Order within the kind, from 1. */
  seq: number;
  text: string;
  /** The report and where in it (section, page). */
  source: string;
  /** Where the point stands in the report, quoted (evidenceColumn.ts). */
  evidence: string;
}

export interface RowOf {
  records: PerfRecord;
  indicators: IndicatorRow;
  funds: FundLine;
  findings: FindingRow;
}
export type AnyRow = RowOf[Kind];

/** Errors and warnings are codes with parameters (issues.ts). */
export type { Issue };

export type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030';
export type Delimiter = ',' | '\t' | ';';

export type ValueType =
  'text' | 'amount' | 'percent' | 'number' | 'integer' | 'scope' | 'grade' | 'category' | 'findingKind';

/** How one header cell of the file was understood. */
export interface HeaderMapping {
  /** The header as written in the file. */
  written: string;
  /** 0-based column index in the file. */
  index: number;
  /** Canonical field name, or null when the column is not part of the kind (ignored, warned). */
  field: string | null;
  /** Multiplier applied to amounts read from this column (1 for 万元, 0.0001 for 元, 10000 for 亿元). */
  scale: number;
  /** The unit read from the header's brackets, e.g. '万元', '元', '%', or ''. */
  unit: string;
}

/**
 * Rows of one kind stored column-wise: a text field holds string[], a numeric field a
 * Float64Array in which NaN means "no value". This is how rows travel from the parser worker
 * and how they are stored in IndexedDB: a million rows as a handful of arrays, not a million objects.
 */
export interface ColumnChunk {
  kind: Kind;
  length: number;
  text: Record<string, string[]>;
  num: Record<string, Float64Array>;
}

/** The result of reading and validating one file, before anything is written. */
export interface ParsedFile {
  fileName: string;
  kind: Kind | null;
  encoding: Encoding | null;
  delimiter: Delimiter | null;
  /** Data rows read (blank rows excluded). */
  rows: number;
  headers: HeaderMapping[];
  /** The first MAX_ISSUES errors; `errorCount` is the full count. */
  errors: Issue[];
  errorCount: number;
  /** The first MAX_ISSUES warnings; `warningCount` is the full count. */
  warnings: Issue[];
  warningCount: number;
  /** The rows that passed row-level validation, column-wise, in chunks of at most CHUNK_ROWS
   * (a repeated key is found after the whole file is read, so repeats are still in here).
   * A file with any error must not be committed, whatever these hold. */
  chunks: ColumnChunk[];
  /** Hex SHA-256 of the file's bytes (of a sheet: of the workbook's, its name and kind; of forms: of theirs). */
  sha256: string;
  byteLength: number;
  /** What was read: a CSV text file, a sheet of a workbook, or the self-evaluation forms of an upload. */
  source?: FileSource;
}

/** Where a parsed file's rows come from, when not from a CSV file (src/domain/upload). */
export type FileSource =
  { type: 'sheet'; format: 'xlsx' | 'xls' | 'ods' | 'et'; sheet: string } | { type: 'forms'; files: number };

/** Rows per stored chunk: big enough that a million rows are ~20 IndexedDB writes. */
export const CHUNK_ROWS = 50_000;
/** Issues kept per file and severity; the rest are counted. */
export const MAX_ISSUES = 10_000;
