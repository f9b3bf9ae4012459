// The validator command's logic, with its I/O passed in so tests can run it without a shell.
// Text is written in zh-CN, or in English with `--lang en`, by the same renderer as the app
// (src/i18n/issueText.ts); `--json` keeps the contract's fields and adds each issue's code and
// parameters, so a script can rely on codes rather than sentences.
import { knownRecordsOf, parseFile, type KnownRecord } from '@/domain/parseFile';
import { readUpload } from '@/domain/upload/readUpload';
import type { FormFile } from '@/domain/upload/formsFile';
import type { UploadSource } from '@/domain/upload/types';
import type { IssueParams } from '@/domain/issues';
import type { Issue, ParsedFile } from '@/domain/types';
import { delimiterKey } from '@/i18n/importPresent';
import { issueLine, problemText } from '@/i18n/issueText';
import type { Locale } from '@/i18n/messages';
import { count, kindWord, type Words } from '@/i18n/words';
import { askedLocale, langOption, wordsFor } from './cliWords';
import { terminalJson, terminalText } from './terminal';

export interface ValidateIo {
  readFile(path: string): Promise<Uint8Array>;
  /** Records files whose records indicator and fund rows may refer to (the built-in dataset). */
  builtinFiles: string[];
  out(line: string): void;
  err(line: string): void;
}

interface Options {
  json: boolean;
  locale: Locale;
  /** The year of the forms that state none (`--year`). */
  year: number | undefined;
  files: string[];
}

/** The options, or the line that says why the command line is wrong. */
function parseArgs(args: readonly string[]): Options | { wrong: (w: Words) => string } {
  const out: Options = { json: false, locale: 'zh-CN', year: undefined, files: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const lang = langOption(args, i);
    if (lang !== null) {
      if ('bad' in lang) return { wrong: (w) => w.t('cli.badLang', { lang: lang.bad }) };
      out.locale = lang.locale;
      i = lang.next;
    } else if (a === '--json') out.json = true;
    else if (a === '--year') {
      const text = args[++i] ?? '';
      const v = Number(text);
      if (!Number.isInteger(v) || v < 1990 || v > 2100)
        return { wrong: (w) => w.t('cli.extract.badYear', { year: text }) };
      out.year = v;
    } else if (a.startsWith('--')) return { wrong: (w) => w.t('cli.unknownOption', { option: a }) };
    else out.files.push(a);
  }
  if (out.files.length === 0) return { wrong: (w) => w.t('cli.noFiles') };
  return out;
}

/** Returns the exit status: 0 no file has an error, 1 some file has one, 2 the command was used wrongly. */
export async function runValidate(args: string[], rawIo: ValidateIo): Promise<number> {
  const opts = parseArgs(args);
  // Nothing from a file (or the command line) reaches the terminal as control characters.
  const io: ValidateIo = {
    ...rawIo,
    out: (line) => rawIo.out('json' in opts && opts.json ? terminalJson(line) : terminalText(line)),
    err: (line) => rawIo.err(terminalText(line)),
  };
  if ('wrong' in opts) {
    const w = wordsFor(askedLocale(args));
    io.err(`${opts.wrong(w)}\n${w.t('cli.usage')}`);
    return 2;
  }
  const w = wordsFor(opts.locale);
  const { files } = opts;
  const contents = new Map<string, Uint8Array>();
  for (const f of files) {
    try {
      contents.set(f, await io.readFile(f));
    } catch (e) {
      io.err(w.t('cli.unreadable', { file: f, detail: (e as Error).message }));
      return 2;
    }
  }

  const known = new Map<string, KnownRecord>();
  for (const path of io.builtinFiles) {
    try {
      const parsed = await parseFile(await io.readFile(path), path);
      for (const [k, v] of knownRecordsOf(parsed)) known.set(k, v);
    } catch {
      // Without the built-in dataset, references are checked against the command line alone.
    }
  }
  // The app's own reading of an upload: records first, whichever file or sheet they are in, so
  // that indicator and fund rows find the records named on the same command line in any order.
  const sources: UploadSource[] = files.map((f) => {
    const bytes = contents.get(f)!;
    return { name: f, size: bytes.length, head: async (n) => bytes.subarray(0, n), read: async () => bytes };
  });
  const { parts, forms } = await readUpload(sources, { knownRecords: known, forms: true, formYear: opts.year });

  let anyError = false;
  // One report per batch: a CSV file, or each sheet of a workbook that fits a kind (in the
  // order of the command line, a workbook's sheets records first); one per self-evaluation form.
  files.forEach((_, source) => {
    const form = forms?.files.find((f) => f.source === source);
    if (form) {
      if (form.errors.length > 0) anyError = true;
      if (opts.json) io.out(JSON.stringify(formJson(form, w)));
      else printForm(form, w, io.out);
      return;
    }
    for (const { parsed: r } of parts.filter((p) => p.source === source && p.parsed.source?.type !== 'forms')) {
      if (r.errorCount > 0) anyError = true;
      if (opts.json) io.out(JSON.stringify(toJson(r, w)));
      else printText(r, w, io.out);
    }
  });
  return anyError ? 1 : 0;
}

interface IssueJson {
  row: number | null;
  column: string | null;
  message: string;
  code: string;
  params: IssueParams;
  sheet?: string;
  cell?: string;
  /** Where in a form (`Sheet1!E6`, `表1 第4行 全年执行数`). */
  location?: string;
}

function issueJson(i: Issue, w: Words): IssueJson {
  const out: IssueJson = { row: i.row, column: i.column, message: problemText(i, w), code: i.code, params: i.params };
  if (i.sheet !== undefined) out.sheet = i.sheet;
  if (i.cell !== undefined) out.cell = i.cell;
  if (i.location !== undefined) out.location = i.location;
  return out;
}

/** A form's rows as the upload stores them, counted by kind. */
function formRows(f: FormFile): { records: number; indicators: number; funds: number } {
  return { records: f.stored.records.length, indicators: f.stored.indicators.length, funds: f.stored.funds.length };
}

/** One self-evaluation form: the contract's fields (kind `form`, rows all it gives), its layout and row counts. */
function formJson(f: FormFile, w: Words) {
  const rows = formRows(f);
  return {
    file: f.fileName,
    format: f.format,
    kind: 'form',
    layout: f.layout,
    encoding: null,
    delimiter: null,
    rows: rows.records + rows.indicators + rows.funds,
    counts: rows,
    errors: f.errors.map((i) => issueJson(i, w)),
    warnings: f.warnings.map((i) => issueJson(i, w)),
  };
}

function printForm(f: FormFile, w: Words, out: (line: string) => void): void {
  const rows = formRows(f);
  out(f.fileName);
  out(
    w.t('cli.formFacts', {
      layout: w.t(`importer.forms.layouts.${f.layout}`),
      format: f.format,
      records: count(rows.records, w.locale),
      indicators: count(rows.indicators, w.locale),
      funds: count(rows.funds, w.locale),
    }),
  );
  out(w.t('cli.counts', { errors: count(f.errors.length, w.locale), warnings: count(f.warnings.length, w.locale) }));
  for (const e of f.errors) out(w.t('cli.error', { line: issueLine(e, w) }));
  for (const x of f.warnings) out(w.t('cli.warning', { line: issueLine(x, w) }));
}

/** The contract's object for one batch; a workbook's sheet also names its sheet and the workbook's format. */
function toJson(r: ParsedFile, w: Words) {
  const sheet = r.source?.type === 'sheet' ? { sheet: r.source.sheet, format: r.source.format } : {};
  return {
    file: r.fileName,
    ...sheet,
    kind: r.kind,
    encoding: r.encoding,
    delimiter: r.delimiter,
    rows: r.rows,
    errors: r.errors.map((i) => issueJson(i, w)),
    warnings: r.warnings.map((i) => issueJson(i, w)),
  };
}

function printText(r: ParsedFile, w: Words, out: (line: string) => void): void {
  const delimiter = delimiterKey(r.delimiter);
  const kind = r.kind === null ? '-' : kindWord(r.kind, w);
  const rows = count(r.rows, w.locale);
  if (r.source?.type === 'sheet') {
    out(w.t('cli.sheetName', { file: r.fileName, sheet: r.source.sheet }));
    out(w.t('cli.sheetFacts', { kind, format: r.source.format, rows }));
  } else {
    out(r.fileName);
    out(
      w.t('cli.facts', {
        kind,
        encoding: r.encoding === null ? '-' : w.t(`importer.encodings.${r.encoding}`),
        delimiter: delimiter === null ? '-' : w.t(`importer.delimiters.${delimiter}`),
        rows,
      }),
    );
  }
  out(w.t('cli.counts', { errors: count(r.errorCount, w.locale), warnings: count(r.warningCount, w.locale) }));
  for (const e of r.errors) out(w.t('cli.error', { line: issueLine(e, w) }));
  const moreErrors = r.errorCount - r.errors.length;
  if (moreErrors > 0) out(w.t('cli.moreErrors', { n: count(moreErrors, w.locale) }, moreErrors));
  for (const x of r.warnings) out(w.t('cli.warning', { line: issueLine(x, w) }));
  const moreWarnings = r.warningCount - r.warnings.length;
  if (moreWarnings > 0) out(w.t('cli.moreWarnings', { n: count(moreWarnings, w.locale) }, moreWarnings));
}
