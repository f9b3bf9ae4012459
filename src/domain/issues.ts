// Issues are data: every error, warning and failure is a code with parameters, never a sentence.
// src/i18n puts them into words. The codes are declared area by area (src/domain/codes/*.ts),
// each area adding itself to IssueAreas below, so a new reader adds its codes in a file of its
// own and no list of codes is shared by everyone (see src/domain/README.md).

/**
 * What a parameter holds, which says how it is written:
 * - text: text from a file or from outside (a cell cut short, a header as written, a file name,
 *   an agency's name, a browser's error): shown as written, never translated;
 * - list: several such texts, one per line ('\n' between them);
 * - count: how many of something: digits grouped by the language, and it picks the plural form;
 * - integer: a row or line number, a year, a batch number, a bound: plain digits;
 * - amount (万元), percent (percent points), score (points): two decimals;
 * - field: a canonical field name, written as its label in the kind of the issue's `kind` param
 *   (or the first kind that has it); fields: several, comma-separated;
 * - columns: fields named as columns to write into a file: label and canonical name;
 * - kind, scope, grade, category: the contract's values (records, department, 优, source), in words;
 * - kindKey: a kind, written as the fields of its rows' key (agency, year, scope and project …);
 * - project: a record's project name, or '' for a department record (then nothing is written).
 */
export type ParamRole =
  | 'text'
  | 'list'
  | 'count'
  | 'integer'
  | 'amount'
  | 'percent'
  | 'score'
  | 'field'
  | 'fields'
  | 'columns'
  | 'kind'
  | 'scope'
  | 'grade'
  | 'category'
  | 'kindKey'
  | 'project';

const NUMERIC_ROLES: ReadonlySet<ParamRole> = new Set(['count', 'integer', 'amount', 'percent', 'score']);

/** Whether a role's value is a number (else a string). */
export function isNumericRole(role: ParamRole): boolean {
  return NUMERIC_ROLES.has(role);
}

/** One area's codes: code → its parameters and their roles. Declared `as const satisfies IssueSpec`. */
export type IssueSpec = Readonly<Record<string, Readonly<Record<string, ParamRole>>>>;

/**
 * Area name → the type of its spec. Empty here: each file of src/domain/codes adds its area with
 * `declare module '@/domain/issues' { interface IssueAreas { myArea: typeof MY_ISSUES } }`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface IssueAreas {}

type AreaName = keyof IssueAreas;

/** Every code of every area. */
export type IssueCode = { [A in AreaName]: keyof IssueAreas[A] & string }[AreaName];

type RoleValue<R> = R extends 'count' | 'integer' | 'amount' | 'percent' | 'score' ? number : string;

/** The spec entry (param → role) of a code. */
export type RolesOf<C extends IssueCode> = {
  [A in AreaName]: C extends keyof IssueAreas[A] ? IssueAreas[A][C] : never;
}[AreaName];

/** The parameters of a code: strings and numbers, as its roles say. */
export type ParamsOf<C extends IssueCode> = { readonly [P in keyof RolesOf<C>]: RoleValue<RolesOf<C>[P]> };

/** Parameters seen without their code (storage, rendering). */
export type IssueParams = Readonly<Record<string, string | number>>;

/** A code and its parameters: what a failure (a thrown IssueError, a worker's `failed`) carries. */
export type Problem = { [C in IssueCode]: { code: C; params: ParamsOf<C> } }[IssueCode];

/** One error or warning of a file. */
export type IssueOf<C extends IssueCode> = {
  code: C;
  params: ParamsOf<C>;
  /** The spreadsheet row (header = 1, first data row = 2); null when it concerns the whole file. */
  row: number | null;
  /** The header as written in the file; null when the issue has no column. */
  column: string | null;
  /** The sheet of a workbook the row lies in. */
  sheet?: string;
  /** The cell of that sheet (`C7`), when the issue is about one cell. */
  cell?: string;
  /**
   * Where in a document the issue points, as a reader finds it (`Sheet1!E6`, `表1 第4行 全年执行数`):
   * for rows read from self-evaluation forms, whose `row` is no line of any file.
   */
  location?: string;
  /** The file the issue is about, in a batch made of several files (self-evaluation forms). */
  file?: string;
  /** For warnings about a record: its key, so the warning can be kept with the record. */
  recordKey?: string;
};

export type Issue = { [C in IssueCode]: IssueOf<C> }[IssueCode];

/** Builds a problem with its parameters checked against the code. */
export function problem<C extends IssueCode>(code: C, params: ParamsOf<C>): Problem {
  return { code, params } as Problem;
}

/** Builds an issue with its parameters checked against the code. */
export function issue<C extends IssueCode>(
  code: C,
  params: ParamsOf<C>,
  row: number | null = null,
  column: string | null = null,
): Issue {
  return { code, params, row, column } as Issue;
}

/** A problem found at a place of a file. */
export function issueAt(p: Problem, row: number | null, column: string | null = null): Issue {
  return { ...p, row, column } as Issue;
}

/**
 * A failure thrown as a code with parameters (src/db, the worker): whoever catches it passes
 * `code` and `params` on, and src/i18n writes the sentence. `message` is for developers only.
 */
export class IssueError extends Error {
  readonly code: IssueCode;
  readonly params: IssueParams;
  constructor(p: Problem) {
    super(`${p.code} ${JSON.stringify(p.params)}`);
    this.name = 'IssueError';
    this.code = p.code;
    this.params = p.params;
  }

  get problem(): Problem {
    return { code: this.code, params: this.params } as Problem;
  }
}

/**
 * The IssueError an error is or wraps (a database library wraps what failed its open in an error
 * of its own, as `inner` or `cause`), or null.
 */
export function issueErrorIn(err: unknown): IssueError | null {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    if (e instanceof IssueError) return e;
    e = (e as { inner?: unknown }).inner ?? (e as { cause?: unknown }).cause;
  }
  return null;
}

/** The problem an error carries: an IssueError's own (or the one it wraps), else `orElse` given the error's text. */
export function problemOf(err: unknown, orElse: (detail: string) => Problem): Problem {
  const coded = issueErrorIn(err);
  if (coded) return coded.problem;
  if (err instanceof Error) return orElse(err.message || err.name);
  return orElse(String(err));
}

/** The longest cell text quoted in an issue: one bad cell cannot flood the report. */
export const QUOTE_MAX = 40;

/**
 * Characters that must not reach a reader as they are: C0 and C1 controls (ESC starts a terminal's
 * escape sequence), the bidirectional overrides and isolates (they reorder what is shown), and the
 * zero-width characters (they hide that two texts differ).
 */
export const HIDDEN_CHARS = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** A character as a reader sees it in a message: U+001F. */
export function codePointName(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Text with every hidden character written out as [U+XXXX]. */
export function visibleText(s: string): string {
  return s.replace(HIDDEN_CHARS, (ch) => `[${codePointName(ch)}]`);
}

/**
 * A cell as quoted in an issue: trimmed, cut short (a 10 MB cell is never echoed whole), and with
 * hidden characters written out, so a message shows what the cell holds.
 */
export function quoteCell(raw: string): string {
  const long = raw.length > 4 * QUOTE_MAX;
  const t = (long ? raw.slice(0, 4 * QUOTE_MAX) : raw).trim();
  const cut = long || t.length > QUOTE_MAX;
  return visibleText(cut ? t.slice(0, QUOTE_MAX) : t) + (cut ? '…' : '');
}
