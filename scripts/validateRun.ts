// The validator command's logic, with its I/O passed in so tests can run it without a shell.
// Text is written in zh-CN, or in English with `--lang en`, by the same renderer as the app
// (src/i18n/issueText.ts); `--json` keeps the contract's fields and adds each issue's code and
// parameters, so a script can rely on codes rather than sentences.
import { knownRecordsOf, parseFile, type KnownRecord } from '@/domain/parseFile';
import type { IssueParams } from '@/domain/issues';
import type { Issue, ParsedFile } from '@/domain/types';
import { createAppI18n } from '@/i18n';
import { delimiterKey } from '@/i18n/importPresent';
import { issueLine, problemText } from '@/i18n/issueText';
import { LOCALES, type Locale } from '@/i18n/messages';
import { count, kindWord, wordsOf, type Words } from '@/i18n/words';
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
  files: string[];
}

function wordsFor(locale: Locale): Words {
  const i18n = createAppI18n(locale);
  return wordsOf(i18n.global.t as Parameters<typeof wordsOf>[0], locale);
}

/** The options, or the line that says why the command line is wrong. */
function parseArgs(args: readonly string[]): Options | { wrong: (w: Words) => string } {
  const out: Options = { json: false, locale: 'zh-CN', files: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--json') out.json = true;
    else if (a === '--lang' || a.startsWith('--lang=')) {
      const lang = a === '--lang' ? args[++i] : a.slice('--lang='.length);
      if (lang === undefined || !(LOCALES as readonly string[]).includes(lang))
        return { wrong: (w) => w.t('cli.badLang', { lang: lang ?? '' }) };
      out.locale = lang as Locale;
    } else if (a.startsWith('--')) return { wrong: (w) => w.t('cli.unknownOption', { option: a }) };
    else out.files.push(a);
  }
  if (out.files.length === 0) return { wrong: (w) => w.t('cli.noFiles') };
  return out;
}

/** The language asked for, even on a command line that is otherwise wrong (for its complaint). */
function askedLocale(args: readonly string[]): Locale {
  const i = args.indexOf('--lang');
  const lang = i >= 0 ? args[i + 1] : args.find((a) => a.startsWith('--lang='))?.slice('--lang='.length);
  return lang === 'en' ? 'en' : 'zh-CN';
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
  // Records first, so that indicator and fund rows find the records named on the same command
  // line in any order. The kind is known only once a file is decoded (it may be GBK), so every
  // file is parsed, then the files that refer to records are checked again against them all.
  const results = new Map<string, ParsedFile>();
  for (const f of files) results.set(f, await parseFile(contents.get(f)!, f, { knownRecords: known }));
  const fromCommandLine = new Map<string, KnownRecord>();
  for (const r of results.values()) for (const [k, v] of knownRecordsOf(r)) fromCommandLine.set(k, v);
  if (fromCommandLine.size > 0) {
    for (const [k, v] of fromCommandLine) known.set(k, v);
    for (const [f, r] of results) {
      if (r.kind === 'indicators' || r.kind === 'funds')
        results.set(f, await parseFile(contents.get(f)!, f, { knownRecords: known }));
    }
  }

  let anyError = false;
  for (const f of files) {
    const r = results.get(f)!;
    if (r.errorCount > 0) anyError = true;
    if (opts.json) io.out(JSON.stringify(toJson(r, w)));
    else printText(r, w, io.out);
  }
  return anyError ? 1 : 0;
}

interface IssueJson {
  row: number | null;
  column: string | null;
  message: string;
  code: string;
  params: IssueParams;
  sheet?: string;
}

function issueJson(i: Issue, w: Words): IssueJson {
  const out: IssueJson = { row: i.row, column: i.column, message: problemText(i, w), code: i.code, params: i.params };
  if (i.sheet !== undefined) out.sheet = i.sheet;
  return out;
}

function toJson(r: ParsedFile, w: Words) {
  return {
    file: r.fileName,
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
  out(r.fileName);
  out(
    w.t('cli.facts', {
      kind: r.kind === null ? '-' : kindWord(r.kind, w),
      encoding: r.encoding === null ? '-' : w.t(`importer.encodings.${r.encoding}`),
      delimiter: delimiter === null ? '-' : w.t(`importer.delimiters.${delimiter}`),
      rows: count(r.rows, w.locale),
    }),
  );
  out(w.t('cli.counts', { errors: count(r.errorCount, w.locale), warnings: count(r.warningCount, w.locale) }));
  for (const e of r.errors) out(w.t('cli.error', { line: issueLine(e, w) }));
  const moreErrors = r.errorCount - r.errors.length;
  if (moreErrors > 0) out(w.t('cli.moreErrors', { n: count(moreErrors, w.locale) }, moreErrors));
  for (const x of r.warnings) out(w.t('cli.warning', { line: issueLine(x, w) }));
  const moreWarnings = r.warningCount - r.warnings.length;
  if (moreWarnings > 0) out(w.t('cli.moreWarnings', { n: count(moreWarnings, w.locale) }, moreWarnings));
}
