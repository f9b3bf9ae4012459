// The extract command's logic (`npm run extract -- [--json] [--out DIR] [--year N] [--lang en] FILE...`),
// with its I/O passed in so tests run it without a shell. Per file it prints what was found and
// where (or one JSON object of the contract per line); --out writes the contract's CSV files.
import { join } from 'node:path';
import { toCsv } from '@/domain/exportCsv';
import { extractFile, type ExtractOptions } from '@/domain/extract';
import type { EvidenceItem, ExtractIssue, ExtractResult } from '@/domain/extract/types';
import type { FormsCode } from '@/domain/forms/codes';
import type { FundLine, IndicatorRow, PerfRecord } from '@/domain/types';
import { formsEn } from '@/i18n/forms.en';
import { formsZhCN, type FormsMessages } from '@/i18n/forms.zh-CN';
import { createAppI18n } from '@/i18n';
import { ISSUE_ROLES } from '@/i18n/issues';
import { problemText } from '@/i18n/issueText';
import { wordsOf, type Words } from '@/i18n/words';

const WORDS: Record<'zh-CN' | 'en', Words> = {
  'zh-CN': wordsOf(createAppI18n('zh-CN').global.t as Parameters<typeof wordsOf>[0], 'zh-CN'),
  en: wordsOf(createAppI18n('en').global.t as Parameters<typeof wordsOf>[0], 'en'),
};

export interface ExtractIo {
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, text: string): Promise<void>;
  mkdir(path: string): Promise<void>;
  out(line: string): void;
  err(line: string): void;
  readers?: ExtractOptions['readers'];
}

const USAGE = '用法: npm run extract -- [--json] [--out DIR] [--year 年度] [--lang zh-CN|en] FILE...';

interface Args {
  json: boolean;
  out: string | null;
  year: number | undefined;
  lang: 'zh-CN' | 'en';
  files: string[];
}

function parseArgs(argv: readonly string[]): Args | string {
  const args: Args = { json: false, out: null, year: undefined, lang: 'zh-CN', files: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => argv[++i];
    if (a === '--json') args.json = true;
    else if (a === '--out') {
      const v = value();
      if (v === undefined) return '--out 需要一个目录';
      args.out = v;
    } else if (a === '--year') {
      const v = Number(value());
      if (!Number.isInteger(v) || v < 1990 || v > 2100) return '--year 应为 1990–2100 之间的年份';
      args.year = v;
    } else if (a === '--lang') {
      const v = value();
      if (v !== 'zh-CN' && v !== 'en') return '--lang 应为 zh-CN 或 en';
      args.lang = v;
    } else if (a.startsWith('--')) return `未知选项: ${a}`;
    else args.files.push(a);
  }
  if (args.files.length === 0) return '没有指定文件';
  return args;
}

/** An issue in words: the registry's renderer for its code, else the form messages' template with the params put in. */
export function issueMessage(issue: ExtractIssue, messages: FormsMessages): string {
  if (ISSUE_ROLES.has(issue.code)) return problemText(issue, WORDS[messages === formsEn ? 'en' : 'zh-CN']);
  const template = (messages as Readonly<Record<string, string>>)[issue.code as FormsCode] ?? issue.code;
  return template.replace(/\{(\w+)\}/g, (m, name: string) =>
    Object.prototype.hasOwnProperty.call(issue.params, name) ? String(issue.params[name]) : m,
  );
}

function issueJson(issue: ExtractIssue, messages: FormsMessages) {
  const { code, ...rest } = issue;
  return { code, message: issueMessage(issue, messages), ...rest };
}

/** The JSON line of a file, exactly the contract's fields in the contract's order. */
export function resultJson(r: ExtractResult, messages: FormsMessages) {
  return {
    file: r.file,
    format: r.format,
    layout: r.layout,
    records: r.records,
    indicators: r.indicators,
    funds: r.funds,
    findings: r.findings,
    evidence: r.evidence,
    warnings: r.warnings.map((w) => issueJson(w, messages)),
    errors: r.errors.map((e) => issueJson(e, messages)),
  };
}

function value(v: unknown): string {
  return v === null || v === undefined || v === '' ? '—' : String(v);
}

function printEvidence(e: EvidenceItem, row: Record<string, unknown>, out: (l: string) => void): void {
  const how = e.how === 'derived' ? '（推算）' : '';
  out(`      ${e.field} = ${value(row[e.field])}${how}  ←  “${e.text.replace(/\s*\n\s*/g, ' ')}”  ${e.location}`);
  for (const d of e.disputed ?? []) out(`        另见 ${value(d.value)}  ←  “${d.text}”  ${d.location}`);
}

const SEVERITY = { 'zh-CN': { error: '错误', warning: '警告' }, en: { error: 'error', warning: 'warning' } } as const;

function issueLine(label: string, issue: ExtractIssue, messages: FormsMessages): string {
  return `    ${[label, issue.location, issueMessage(issue, messages)].filter((x) => x !== undefined && x !== '').join(' ')}`;
}

function printText(r: ExtractResult, lang: Args['lang'], messages: FormsMessages, out: (l: string) => void): void {
  out(r.file);
  out(
    `  format: ${r.format}  layout: ${r.layout}  records: ${r.records.length}  indicators: ${r.indicators.length}  funds: ${r.funds.length}  findings: ${r.findings.length}`,
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
      for (const e of items) printEvidence(e, o, out);
    });
  }
  out(`  errors: ${r.errors.length}  warnings: ${r.warnings.length}`);
  for (const e of r.errors) out(issueLine(SEVERITY[lang].error, e, messages));
  for (const w of r.warnings) out(issueLine(SEVERITY[lang].warning, w, messages));
}

/** Returns the exit status: 0 no file has an error, 1 some file has one, 2 the command was used wrongly. */
export async function runExtract(argv: string[], io: ExtractIo): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.err(`${args}\n${USAGE}`);
    return 2;
  }
  const messages = args.lang === 'en' ? formsEn : formsZhCN;
  const results: ExtractResult[] = [];
  for (const f of args.files) {
    let bytes: Uint8Array;
    try {
      bytes = await io.readFile(f);
    } catch (e) {
      io.err(`无法读取文件 ${f}: ${(e as Error).message}`);
      return 2;
    }
    const r = await extractFile(bytes, f, { year: args.year, readers: io.readers });
    results.push(r);
    if (args.json) io.out(JSON.stringify(resultJson(r, messages)));
    else printText(r, args.lang, messages, io.out);
  }
  if (args.out !== null) {
    // Only files without errors: a form with an error writes nothing.
    const ok = results.filter((r) => r.errors.length === 0);
    const records: PerfRecord[] = ok.flatMap((r) => r.records);
    const indicators: IndicatorRow[] = ok.flatMap((r) => r.indicators);
    const funds: FundLine[] = ok.flatMap((r) => r.funds);
    await io.mkdir(args.out);
    await io.writeFile(join(args.out, 'records.csv'), toCsv('records', records));
    await io.writeFile(join(args.out, 'indicators.csv'), toCsv('indicators', indicators));
    await io.writeFile(join(args.out, 'funds.csv'), toCsv('funds', funds));
  }
  return results.some((r) => r.errors.length > 0) ? 1 : 0;
}
