// The one renderer of issues: a code and its parameters in, a sentence in the page's language out
// (vue-i18n messages `issue.<code>`, src/i18n/issues). Parameters are written by their role
// (src/domain/issues.ts ParamRole): amounts, percents and scores with two decimals, counts with
// separators (and the plural form they pick), field names as labels, the contract's values in
// words, and text from files as written. The views, the issue CSV and the command line all use it.
import type { Issue, IssueCode, IssueParams, ParamRole } from '@/domain/issues';
import { formatAmount, formatPercent, formatScore } from '@/i18n/format';
import type { FundCategory, Grade, Kind, Scope } from '@/domain/types';
import { ISSUE_ROLES } from './issues';
import { categoryWord, count, fieldName, gradeWord, isChinese, kindWord, listOf, scopeWord, type Words } from './words';

/** What a problem needs to be written: its code and parameters. */
export interface Coded {
  code: IssueCode | string;
  params: IssueParams;
}

/** A parameter as written, and whether it is text from outside (a file, the browser) rather than ours. */
export interface WrittenParam {
  name: string;
  text: string;
  fromData: boolean;
}

/** The roles whose text comes from a file or from outside, shown as written. */
const DATA_ROLES: ReadonlySet<ParamRole> = new Set(['text', 'list', 'project']);

function str(v: string | number | undefined): string {
  return v === undefined ? '' : String(v);
}

function num(v: string | number | undefined): number {
  return typeof v === 'number' ? v : Number(v);
}

function lang(w: Words): 'zh-CN' | 'en' {
  return isChinese(w.locale) ? 'zh-CN' : 'en';
}

function columns(fields: string, kind: Kind | null, w: Words): string {
  const names = fields.split(',').filter((f) => f !== '');
  return listOf(
    names.map((name) => w.t('words.column', { label: fieldName(kind, name, w), name })),
    w.locale,
  );
}

function write(role: ParamRole, v: string | number | undefined, params: IssueParams, w: Words): string {
  const kind = typeof params.kind === 'string' ? (params.kind as Kind) : null;
  switch (role) {
    case 'text':
      return str(v);
    case 'list': {
      const items = str(v)
        .split('\n')
        .filter((s) => s !== '');
      return items.length === 0 ? w.t('words.none') : listOf(items, w.locale);
    }
    case 'count':
      return count(num(v), w.locale);
    case 'integer':
      return str(v);
    case 'amount':
      return formatAmount(num(v), lang(w));
    case 'percent':
      return formatPercent(num(v));
    case 'score':
      return formatScore(num(v));
    case 'field':
      return fieldName(kind, str(v), w);
    case 'fields':
      return listOf(
        str(v)
          .split(',')
          .filter((f) => f !== '')
          .map((f) => fieldName(kind, f, w)),
        w.locale,
      );
    case 'columns':
      return columns(str(v), kind, w);
    case 'kind':
      return kindWord(str(v) as Kind, w);
    case 'kindKey':
      return w.t(`words.kindKey.${str(v)}`);
    case 'scope':
      return scopeWord(str(v) as Scope, w);
    case 'grade':
      return gradeWord(str(v) as Grade, w);
    case 'category':
      return categoryWord(str(v) as FundCategory, w);
    case 'project':
      return str(v) === '' ? '' : w.t('words.project', { name: str(v) });
  }
}

/** The parameters of a problem as written, in the order of its spec; null for a code this build does not know. */
export function writtenParams(p: Coded, w: Words): { params: WrittenParam[]; plural: number | undefined } | null {
  const roles = ISSUE_ROLES.get(p.code);
  if (!roles) return null;
  let plural: number | undefined;
  const params: WrittenParam[] = [];
  for (const [name, role] of Object.entries(roles)) {
    const v = p.params[name];
    if (role === 'count' && plural === undefined) plural = num(v);
    params.push({ name, text: write(role, v, p.params, w), fromData: DATA_ROLES.has(role) });
  }
  return { params, plural };
}

/** The sentence of a problem: an issue, a refused commit, a failed import. */
export function problemText(p: Coded, w: Words): string {
  const written = writtenParams(p, w);
  if (written === null) return w.t('words.unknown', { code: p.code, params: JSON.stringify(p.params) });
  const named = Object.fromEntries(written.params.map((x) => [x.name, x.text]));
  return w.t(`issue.${p.code}`, named, written.plural);
}

/**
 * Where an issue lies: 第 3 行，列“预算” / row 3, column “预算” / 整个文件; a workbook's cell as
 * `记录!C7（全年预算数）`; a form's place as the form names it (`Sheet1!E6`, `表1 第4行 全年执行数`).
 */
export function issueWhere(i: Pick<Issue, 'row' | 'column' | 'sheet' | 'cell' | 'location'>, w: Words): string {
  if (i.location !== undefined) return i.location;
  const ref = issueCell(i);
  if (ref !== null) return i.column === null ? ref : w.t('words.at.cell', { ref, column: i.column });
  let at: string;
  if (i.row !== null && i.column !== null) at = w.t('words.at.rowColumn', { row: i.row, column: i.column });
  else if (i.row !== null) at = w.t('words.at.row', { row: i.row });
  else if (i.column !== null) at = w.t('words.at.column', { column: i.column });
  else at = w.t('words.at.file');
  return i.sheet === undefined ? at : w.t('words.at.sheet', { sheet: i.sheet, at });
}

/** A form's place or a workbook's cell (`Sheet1!E6`, `表1 第4行 全年执行数`); null for a CSV's row and column. */
export function issueCell(i: Pick<Issue, 'sheet' | 'cell' | 'location'>): string | null {
  if (i.location !== undefined) return i.location;
  if (i.sheet !== undefined && i.cell !== undefined) return `${i.sheet}!${i.cell}`;
  return null;
}

/** Where an issue lies with the file it is about, for lists of several files' issues (forms). */
export function issueWhereInFile(i: Issue, w: Words): string {
  const at = issueWhere(i, w);
  return i.file === undefined ? at : w.t('words.at.inFile', { file: i.file, at });
}

/** An issue with its place: 第 3 行，列“预算”：金额不能为负数：-100. */
export function issueLine(i: Issue, w: Words): string {
  return w.t('words.line', { where: issueWhere(i, w), text: problemText(i, w) });
}
