// The extract command's logic (`npm run extract -- [--json] [--out DIR] [--year N] [--lang en] FILE...`),
// with its I/O passed in so tests run it without a shell. Per file it prints what was found and
// where (or one JSON object of the contract per line); --out writes the contract's CSV files.
// Issues are written by the app's one renderer (src/i18n/issueText.ts), in zh-CN or English.
import { join } from 'node:path';
import { toCsv } from '@/domain/exportCsv';
import { extractFile, type ExtractOptions } from '@/domain/extract';
import type { EvidenceItem, ExtractIssue, ExtractResult } from '@/domain/extract/types';
import { KINDS, type RowOf } from '@/domain/types';
import { problemText } from '@/i18n/issueText';
import type { Locale } from '@/i18n/messages';
import type { Words } from '@/i18n/words';
import { askedLocale, langOption, wordsFor } from './cliWords';

export interface ExtractIo {
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, text: string): Promise<void>;
  mkdir(path: string): Promise<void>;
  out(line: string): void;
  err(line: string): void;
  readers?: ExtractOptions['readers'];
}

interface Args {
  json: boolean;
  out: string | null;
  year: number | undefined;
  locale: Locale;
  files: string[];
}

function parseArgs(argv: readonly string[]): Args | ((w: Words) => string) {
  const args: Args = { json: false, out: null, year: undefined, locale: 'zh-CN', files: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const lang = langOption(argv, i);
    if (lang !== null) {
      if ('bad' in lang) return (w) => w.t('cli.badLang', { lang: lang.bad });
      args.locale = lang.locale;
      i = lang.next;
    } else if (a === '--json') args.json = true;
    else if (a === '--out') {
      const v = argv[++i];
      if (v === undefined) return (w) => w.t('cli.extract.needsDir');
      args.out = v;
    } else if (a === '--year') {
      const text = argv[++i] ?? '';
      const v = Number(text);
      if (!Number.isInteger(v) || v < 1990 || v > 2100) return (w) => w.t('cli.extract.badYear', { year: text });
      args.year = v;
    } else if (a.startsWith('--')) return (w) => w.t('cli.unknownOption', { option: a });
    else args.files.push(a);
  }
  if (args.files.length === 0) return (w) => w.t('cli.noFiles');
  return args;
}

function issueJson(issue: ExtractIssue, w: Words) {
  const { code, ...rest } = issue;
  return { code, message: problemText(issue, w), ...rest };
}

/** The JSON line of a file, exactly the contract's fields in the contract's order. */
export function resultJson(r: ExtractResult, w: Words) {
  return {
    file: r.file,
    format: r.format,
    layout: r.layout,
    records: r.records,
    indicators: r.indicators,
    funds: r.funds,
    findings: r.findings,
    evidence: r.evidence,
    warnings: r.warnings.map((x) => issueJson(x, w)),
    errors: r.errors.map((x) => issueJson(x, w)),
  };
}

function value(v: unknown): string {
  return v === null || v === undefined || v === '' ? '—' : String(v);
}

function printEvidence(e: EvidenceItem, row: Record<string, unknown>, w: Words, out: (l: string) => void): void {
  const how = e.how === 'derived' ? w.t('cli.extract.derived') : '';
  out(`      ${e.field} = ${value(row[e.field])}${how}  ←  “${e.text.replace(/\s*\n\s*/g, ' ')}”  ${e.location}`);
  for (const d of e.disputed ?? [])
    out(`        ${w.t('cli.extract.alsoSeen')} ${value(d.value)}  ←  “${d.text}”  ${d.location}`);
}

function issueLine(label: string, issue: ExtractIssue, w: Words): string {
  return `    ${[label, issue.location, problemText(issue, w)].filter((x) => x !== undefined && x !== '').join(' ')}`;
}

function printText(r: ExtractResult, w: Words, out: (l: string) => void): void {
  out(r.file);
  out(
    w.t('cli.extract.facts', {
      format: r.format,
      layout: r.layout,
      records: r.records.length,
      indicators: r.indicators.length,
      funds: r.funds.length,
      findings: r.findings.length,
    }),
  );
  const kinds = { records: r.records, indicators: r.indicators, funds: r.funds, findings: r.findings } as const;
  for (const kind of ['records', 'indicators', 'funds', 'findings'] as const) {
    kinds[kind].forEach((row, index) => {
      const items = r.evidence.filter((e) => e.kind === kind && e.index === index);
      const o = row as unknown as Record<string, unknown>;
      const name = [o.agency, o.year, o.project, o.level1, o.level2, o.level3, o.item, o.kind]
        .filter((x) => x !== undefined && x !== '')
        .join(' / ');
      out(`    ${kind}[${index}] ${name}`);
      for (const e of items) printEvidence(e, o, w, out);
    });
  }
  out(w.t('cli.extract.counts', { errors: r.errors.length, warnings: r.warnings.length }));
  for (const e of r.errors) out(issueLine(w.t('cli.extract.error'), e, w));
  for (const x of r.warnings) out(issueLine(w.t('cli.extract.warning'), x, w));
}

/** Returns the exit status: 0 no file has an error, 1 some file has one, 2 the command was used wrongly. */
export async function runExtract(argv: string[], io: ExtractIo): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'function') {
    const w = wordsFor(askedLocale(argv));
    io.err(`${args(w)}\n${w.t('cli.extract.usage')}`);
    return 2;
  }
  const w = wordsFor(args.locale);
  const results: ExtractResult[] = [];
  for (const f of args.files) {
    let bytes: Uint8Array;
    try {
      bytes = await io.readFile(f);
    } catch (e) {
      io.err(w.t('cli.unreadable', { file: f, detail: (e as Error).message }));
      return 2;
    }
    const r = await extractFile(bytes, f, { year: args.year, readers: io.readers });
    results.push(r);
    if (args.json) io.out(JSON.stringify(resultJson(r, w)));
    else printText(r, w, io.out);
  }
  if (args.out !== null) {
    // Only files without errors: a form or report with an error writes nothing.
    const ok = results.filter((r) => r.errors.length === 0);
    await io.mkdir(args.out);
    // A kind nothing was found of gets no file: a header alone is no file validate accepts.
    for (const kind of KINDS) {
      const rows = ok.flatMap((r) => r[kind] as RowOf[typeof kind][]);
      if (rows.length > 0) await io.writeFile(join(args.out, `${kind}.csv`), toCsv(kind, rows));
    }
  }
  return results.some((r) => r.errors.length > 0) ? 1 : 0;
}
