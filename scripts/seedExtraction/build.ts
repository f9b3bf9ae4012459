// The built-in dataset rebuilt from its reports: the extractor's rows on the four seed reports,
// plus a small reviewed file of corrections (each with its reason), with every warning of the
// extraction written into the notes, so that each contradiction stays visible in the data.
import { readTxt } from '@/domain/document/txt';
import type { ExtractResult, ExtractedKind } from '@/domain/extract/types';
import { toCsv } from '@/domain/exportCsv';
import { extractReport } from '@/domain/report/extractReport';
import type { FindingRow, FundLine, IndicatorRow, PerfRecord } from '@/domain/types';
import { problemText } from '@/i18n/issueText';
import { wordsFor } from '../cliWords';

/** The notes are written in Chinese, as the reports are. */
const ZH = wordsFor('zh-CN');

export const SEED_FILES = [
  'chaoyang-2023-department-overall.txt',
  'chaoyang-2024-project-investment-promotion-events.txt',
  'beijing-ccpit-2022-department-and-advisory-council.txt',
  'yuzhong-2019-investment-promotion-fund.txt',
] as const;

export interface Correction {
  kind: 'records' | 'indicators' | 'funds';
  /** Fields that pick the one row (all must be equal). */
  match: Record<string, string | number>;
  set: Record<string, string | number | null>;
  reason: string;
}

export interface SeedDataset {
  records: PerfRecord[];
  indicators: IndicatorRow[];
  funds: FundLine[];
  findings: FindingRow[];
}

type Row = Record<string, unknown>;

function matches(row: Row, match: Record<string, string | number>): boolean {
  return Object.entries(match).every(([k, v]) => row[k] === v);
}

function sameRecord(a: Row, b: Row): boolean {
  return a.agency === b.agency && a.year === b.year && a.scope === b.scope && a.project === b.project;
}

function appendNote(row: { note: string }, text: string): void {
  row.note = row.note ? `${row.note}；${text}` : text;
}

/** One report's rows with its warnings put in words into the notes of the rows they concern. */
function withNotes(result: ExtractResult): SeedDataset {
  const records = result.records.map((r) => ({ ...r }));
  const indicators = result.indicators.map((r) => ({ ...r }));
  for (const w of result.warnings) {
    const text = problemText(w, ZH) + (w.location ? `（${w.location}）` : '');
    const kind: ExtractedKind | undefined = w.kind;
    if (kind === 'indicators' && w.index !== undefined && indicators[w.index]) appendNote(indicators[w.index]!, text);
    else if (kind === 'funds' && w.index !== undefined && result.funds[w.index]) {
      const owner = records.find((r) => sameRecord(r as unknown as Row, result.funds[w.index!] as unknown as Row));
      if (owner) appendNote(owner, text);
    } else if (w.index !== undefined && records[w.index]) appendNote(records[w.index]!, text);
  }
  return {
    records,
    indicators,
    funds: result.funds.map((f) => ({ ...f })),
    findings: result.findings.map((f) => ({ ...f })),
  };
}

/** Applies the corrections; a correction that finds no row is an error, so the file cannot drift silently. */
export function applyCorrections(data: SeedDataset, corrections: readonly Correction[]): SeedDataset {
  for (const c of corrections) {
    const rows = data[c.kind] as unknown as Row[];
    const hits = rows.filter((r) => matches(r, c.match));
    if (hits.length !== 1) throw new Error(`correction matches ${hits.length} rows, not 1: ${JSON.stringify(c.match)}`);
    const row = hits[0]!;
    for (const [field, value] of Object.entries(c.set)) {
      if (field === 'note') continue;
      row[field] = value;
    }
    const note = typeof c.set.note === 'string' ? c.set.note : `更正：${c.reason}`;
    if (c.kind === 'funds') {
      const owner = data.records.find((r) => sameRecord(r as unknown as Row, row));
      if (owner) appendNote(owner, note);
    } else appendNote(row as { note: string }, note);
  }
  return data;
}

export function buildSeedDataset(
  readSeed: (name: string) => Uint8Array,
  corrections: readonly Correction[],
): SeedDataset {
  const all: SeedDataset = { records: [], indicators: [], funds: [], findings: [] };
  for (const name of SEED_FILES) {
    const read = readTxt(readSeed(name));
    if (!read.ok) throw new Error(`${name}: ${read.error.code}`);
    const part = withNotes(extractReport(read.doc, name));
    all.records.push(...part.records);
    all.indicators.push(...part.indicators);
    all.funds.push(...part.funds);
    all.findings.push(...part.findings);
  }
  return applyCorrections(all, corrections);
}

const FINDING_LABELS: Readonly<Record<string, string>> = {
  conclusion: '评价结论',
  problem: '存在的问题',
  recommendation: '改进建议',
  experience: '主要经验',
  outcome: '主要成效',
};

function quote(s: string): string {
  return /[",;\t\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** findings.csv as the contract's findings kind names its columns (the kind enters the import pipeline in phase 2). */
export function findingsCsv(rows: readonly FindingRow[]): string {
  const lines = ['单位名称,年度,评价类型,项目名称,类别,序号,内容,资料来源'];
  for (const f of rows) {
    lines.push(
      [
        f.agency,
        String(f.year),
        f.scope === 'department' ? '部门整体' : '项目',
        f.project,
        FINDING_LABELS[f.kind] ?? f.kind,
        String(f.seq),
        f.text,
        f.source,
      ]
        .map(quote)
        .join(','),
    );
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

export function datasetFiles(data: SeedDataset): Record<string, string> {
  return {
    'records.csv': toCsv('records', data.records),
    'indicators.csv': toCsv('indicators', data.indicators),
    'funds.csv': toCsv('funds', data.funds),
    'findings.csv': findingsCsv(data.findings),
  };
}
