// The built-in dataset rebuilt from its reports: the extractor's rows on the four seed reports,
// plus a small reviewed file of corrections (data/corrections.json, each with its reason), with
// every warning of the extraction written into the notes, so that each contradiction stays
// visible in the data. A correction goes through the same edits as the analyst's review
// (src/domain/extract/edits.ts): the evidence column then says the value was corrected, what it
// was read as and why. A correction may instead name another statement of a figure that the
// extractor does not link (a count stated again in another section): the figure is then marked
// disputed, with that text and its place, as the extractor marks the contradictions it finds.
import { readTxt } from '@/domain/document/txt';
import type { DocumentModel } from '@/domain/document/types';
import { applyEdits, type Edit } from '@/domain/extract/edits';
import { fillEvidenceColumn } from '@/domain/extract/fillEvidence';
import type { ExtractResult, ExtractedKind } from '@/domain/extract/types';
import { toCsv } from '@/domain/exportCsv';
import { extractReport } from '@/domain/report/extractReport';
import { locationOf } from '@/domain/report/outline';
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

interface CorrectionBase {
  kind: ExtractedKind;
  /** Fields that pick the one row among all the seeds' rows (all must be equal). */
  match: Record<string, string | number>;
  reason: string;
}

/** Values set (null removes one), recorded as corrections. */
export type ValueCorrection = CorrectionBase & { set: Record<string, string | number | null> };

/** Another statement of a figure, in the report's own words (found in it verbatim): the figure is disputed. */
export type DisputeCorrection = CorrectionBase & { dispute: { field: string; value: string; text: string } };

export type Correction = ValueCorrection | DisputeCorrection;

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

/** Where in the document a text stands (`第54段`), or null when it is not there verbatim. */
function placeOf(doc: DocumentModel, text: string): string | null {
  for (const b of doc.blocks) {
    const holds =
      b.type === 'paragraph' ? b.text.includes(text) : b.grid.some((row) => row.some((c) => c?.text.includes(text)));
    if (holds) return locationOf(b.at);
  }
  return null;
}

/** The row of a result a correction picks (its index), if any. */
function hitsIn(result: ExtractResult, c: Correction): number[] {
  const rows = result[c.kind] as unknown as Row[];
  return rows.flatMap((r, i) => (matches(r, c.match) ? [i] : []));
}

/** Applies the corrections that pick a row of this report; counts the hits of each. */
function corrected(result: ExtractResult, doc: DocumentModel, corrections: readonly Correction[], hits: number[]) {
  const edits: Edit[] = [];
  const disputes: Array<{ index: number; c: DisputeCorrection }> = [];
  corrections.forEach((c, n) => {
    for (const index of hitsIn(result, c)) {
      hits[n]!++;
      if ('set' in c) {
        for (const [field, value] of Object.entries(c.set))
          edits.push({ kind: c.kind, index, field, text: value === null ? '' : String(value), reason: c.reason });
      } else disputes.push({ index, c });
    }
  });
  const { result: out, problems } = applyEdits(result, edits);
  if (problems.length > 0) throw new Error(`${result.file}: corrections refused: ${JSON.stringify(problems)}`);
  for (const { index, c } of disputes) {
    const location = placeOf(doc, c.dispute.text);
    if (location === null)
      throw new Error(`${result.file}: the disputing text is not in the report: ${c.dispute.text}`);
    const item = out.evidence.find((e) => e.kind === c.kind && e.index === index && e.field === c.dispute.field);
    if (!item) throw new Error(`${result.file}: no evidence for ${c.kind}[${index}].${c.dispute.field}`);
    item.disputed = [...(item.disputed ?? []), { value: c.dispute.value, text: c.dispute.text, location }];
    appendNote(out[c.kind][index] as unknown as { note: string }, `报告前后不一：${c.reason}（${location}）`);
  }
  fillEvidenceColumn(out);
  return out;
}

/**
 * The dataset from the seeds and the corrections. A correction that picks no row, or more than
 * one, is an error: the file cannot drift silently from what the extractor reads.
 */
export function buildSeedDataset(
  readSeed: (name: string) => Uint8Array,
  corrections: readonly Correction[],
): SeedDataset {
  const all: SeedDataset = { records: [], indicators: [], funds: [], findings: [] };
  const hits = corrections.map(() => 0);
  for (const name of SEED_FILES) {
    const read = readTxt(readSeed(name));
    if (!read.ok) throw new Error(`${name}: ${read.error.code}`);
    const part = withNotes(corrected(extractReport(read.doc, name), read.doc, corrections, hits));
    all.records.push(...part.records);
    all.indicators.push(...part.indicators);
    all.funds.push(...part.funds);
    all.findings.push(...part.findings);
  }
  hits.forEach((n, i) => {
    if (n !== 1) throw new Error(`correction matches ${n} rows, not 1: ${JSON.stringify(corrections[i]!.match)}`);
  });
  return all;
}

/** A file of data/ as the repository keeps them: UTF-8 without BOM, LF line ends (toCsv writes Excel's BOM and CRLF). */
function repositoryText(csv: string): string {
  return csv.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
}

export function datasetFiles(data: SeedDataset): Record<string, string> {
  return {
    'records.csv': repositoryText(toCsv('records', data.records)),
    'indicators.csv': repositoryText(toCsv('indicators', data.indicators)),
    'funds.csv': repositoryText(toCsv('funds', data.funds)),
    'findings.csv': repositoryText(toCsv('findings', data.findings)),
  };
}
