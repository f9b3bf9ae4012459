// An evaluation report (绩效评价报告) in, the contract's rows out, every value with its evidence.
// A report may hold several records: a department's overall evaluation and then its projects,
// each under a title of its own, a table of projects, a figure of another year. See the modules
// of this folder for each rule; this one walks the document and puts them together.
import type { DocumentModel } from '@/domain/document/types';
import type { ExtractIssue, ExtractResult } from '@/domain/extract/types';
import { addFigure, mergeDrafts, Reading, type DraftRecord, type Statement } from './draft';
import { readFindings } from './findings';
import { coverFieldOf, identify, isReportTitle, type CoverField, type TitleSource } from './identity';
import { compact } from './levels';
import { outline, rowLocation, type OutlineItem, type OutlinePara } from './outline';
import { evaluatorIn, readProse } from './prose';
import { applyLevel1Sentences, level1Heading, readProseIndicators } from './proseIndicators';
import { coreOf } from './levels';
import { rowsOf } from './rows';
import { readTable } from './tables';
import { matchable } from './numbers';
import { warning } from './warn';
import { fillEvidenceColumn } from '@/domain/extract/fillEvidence';
import { emptyResult } from '@/domain/extract/result';
import { isFigureRow } from '@/domain/document/txtRows';
import { quoteCell } from '@/domain/issues';

interface Segment {
  titles: OutlinePara[];
  items: OutlineItem[];
}

const isShortLine = (p: OutlineItem): p is OutlinePara =>
  p.type === 'paragraph' && !p.heading && p.text.length <= 40 && !/[。；，：]/.test(p.text);

/** The parts of the document, one per title; the first part's title may run over a few short lines. */
function segmentsOf(items: readonly OutlineItem[]): Segment[] {
  const starts = items.flatMap((it, i) => (it.type === 'paragraph' && isReportTitle(it.text) ? [i] : []));
  const segments: Segment[] = [];
  if (starts.length === 0) {
    const lead: OutlinePara[] = [];
    for (const it of items) {
      if (!isShortLine(it) || lead.length >= 3) break;
      lead.push(it);
    }
    return [{ titles: lead, items: [...items] }];
  }
  starts.forEach((start, k) => {
    const end = starts[k + 1] ?? items.length;
    const titles: OutlinePara[] = [items[start] as OutlinePara];
    let from = start;
    if (k === 0) {
      // Lines above the first title that belong to it (the agency on one line, the project on the next).
      for (let i = start - 1; i >= 0 && start - i <= 3 && isShortLine(items[i]!); i--) {
        titles.unshift(items[i] as OutlinePara);
        from = i;
      }
      from = 0;
    }
    segments.push({ titles, items: items.slice(from, end) });
  });
  return segments;
}

function sourceOf(titles: readonly OutlinePara[], agency: Statement | null, year: Statement | null): string {
  let title = compact(titles.map((t) => t.text).join(''));
  if (!title) return '';
  const agencyName = agency ? String(agency.value) : '';
  const named = agency && (title.includes(String(agency.text)) || title.includes(agencyName));
  const dated = /(?:19|20)\d{2}\s*年/.test(matchable(title));
  if (!named && agency) title = `${agencyName}${year && !dated ? `${year.value}年度` : ''}${title}`;
  else if (!dated && year) title = `${title}（${year.value}年度）`;
  return title;
}

/** The labelled lines of a part's cover or basic-information table (`项目名称：…`, a two-cell row). */
function coverOf(items: readonly OutlineItem[]): CoverField[] {
  const out: CoverField[] = [];
  for (const it of items) {
    if (it.type === 'paragraph') {
      const f = coverFieldOf(it.text, it.location);
      if (f) out.push(f);
      continue;
    }
    it.block.grid.forEach((row, r) => {
      const cells = row.filter((c): c is NonNullable<typeof c> => c !== null && c.text.trim() !== '');
      for (let i = 0; i + 1 < cells.length; i += 2) {
        const f = coverFieldOf(`${compact(cells[i]!.text)}：${cells[i + 1]!.text.trim()}`, rowLocation(it, r));
        if (f) out.push({ ...f, value: cells[i + 1]!.text.trim() });
      }
    });
  }
  return out;
}

const PROJECT_LEAD =
  /^(?:\d{1,2}[、.．](?!\d)|[（(][一二三四五六七八九十\d]{1,3}[）)])\s*[“"]?([\u4e00-\u9fa5A-Za-z0-9（）()]{2,30}?(?:项目|经费|专项资金|资金))[”"]?[：:，,]/;

/** The project a numbered paragraph of a department's report is about, when it starts by naming one. */
function projectLead(text: string): string | null {
  const m = PROJECT_LEAD.exec(matchable(text));
  if (!m || /情况|支出|预算|绩效|执行|部门|整体/.test(m[1]!)) return null;
  // The name as written (`１．` and `1.` number it alike; its own letters stay as they are).
  const at = m.index + m[0].indexOf(m[1]!);
  return text.slice(at, at + m[1]!.length);
}

function newRecord(
  base: Omit<DraftRecord, 'figures' | 'indicators' | 'funds' | 'splits' | 'totals' | 'findings' | 'warnings'>,
): DraftRecord {
  return { ...base, figures: new Map(), indicators: [], funds: [], splits: [], totals: [], findings: [], warnings: [] };
}

// What only an evaluation report speaks of: its kind of evaluation and its verdict.
const EVALUATION_WORDS = /绩效(?:评价|自评|评估|目标|指标)|(?:评价|自评)(?:结论|得分|等级)/;

/** Whether a document reads as an evaluation report: a report's title, or the words of one anywhere. */
function readsAsReport(items: readonly OutlineItem[]): boolean {
  return items.some((it) =>
    it.type === 'paragraph'
      ? isReportTitle(it.text) || EVALUATION_WORDS.test(it.text)
      : it.block.grid.some((row) => row.some((c) => c !== null && EVALUATION_WORDS.test(compact(c.text)))),
  );
}

export interface ReportOptions {
  /** The year the analyst gave (`--year`, the upload's year), for the parts of a report that state none. */
  year?: number;
}

export function extractReport(doc: DocumentModel, fileName: string, opts: ReportOptions = {}): ExtractResult {
  const reading = new Reading();
  const items = outline(doc.blocks, isReportTitle);
  // A notice, a letter, a plan: not read as a report, whatever figures and names it holds.
  if (!readsAsReport(items)) return { ...emptyResult(fileName, doc.format), errors: [warning('not_a_report', {})] };
  const drafts: DraftRecord[] = [];
  const warnings: ExtractIssue[] = [];
  const errors: ExtractIssue[] = [];
  let inherited: { agency: Statement | null; known: boolean; year: Statement | null } = {
    agency: null,
    known: false,
    year: null,
  };
  // The report's years that differ from the one given (opts.year), each warned of once.
  const differing = new Set<number>();
  // Headings above the first title (`第四部分 2022年度部门绩效评价情况`) speak for every part.
  const preamble: TitleSource[] = [];
  for (const segment of segmentsOf(items)) {
    const paras = segment.items.filter((i): i is OutlinePara => i.type === 'paragraph');
    const context: TitleSource[] = [
      ...preamble,
      ...paras.filter((p) => !segment.titles.includes(p)).map((p) => ({ text: p.text, location: p.location })),
    ];
    const cover = coverOf(segment.items);
    const id = identify(
      reading,
      segment.titles.map((t) => ({ text: t.text, location: t.location })),
      context,
      inherited,
      cover,
    );
    if (drafts.length === 0) {
      for (const p of paras) {
        if (segment.titles.includes(p)) break;
        if (p.heading) preamble.push({ text: p.text, location: p.location });
      }
    }
    // A part whose agency or year is not known gives no rows (they would be keyed to nobody, or to year 0): an error says why.
    const titleAt = { location: segment.titles[0]?.location ?? segment.items[0]?.location ?? '' };
    const agency = id.agency ?? reading.statement('', '', '');
    if (!id.agency) errors.push(warning('agency_not_found', {}, titleAt));
    else if (!id.known)
      warnings.push(warning('agency_unknown', { agency: String(id.agency.value) }, { location: id.agency.location }));
    // The report's year; else the one given (opts.year), said in a warning; else an error, and no rows.
    let year: Statement;
    const stated = id.year === null ? null : Number(id.year.value);
    if (id.year !== null) year = id.year;
    else if (opts.year !== undefined) {
      year = reading.statement(opts.year, '', titleAt.location);
      warnings.push(warning('report_year_given', { year: opts.year }, titleAt));
    } else {
      year = reading.statement(0, '', '');
      errors.push(warning('year_not_found', {}, titleAt));
    }
    // The report's own year wins over the one given: said once per year, where it is first stated.
    if (stated !== null && opts.year !== undefined && stated !== opts.year && !differing.has(stated)) {
      differing.add(stated);
      warnings.push(warning('report_year_differs', { stated, given: opts.year }, { location: year.location }));
    }
    // A year given is no statement of the report: the next part, stating none, is given it too (and warned).
    inherited = { agency: id.agency, known: id.known, year: id.year };
    const source = sourceOf(segment.titles, id.agency, id.year);
    const record = newRecord({ agency, year, scope: id.scope, project: id.project, region: id.region, source });
    drafts.push(record);
    const others = new Map<string, DraftRecord>();
    const otherYear = (y: number, at: string): DraftRecord => {
      const key = `year:${y}`;
      let r = others.get(key);
      if (!r) {
        r = newRecord({ ...record, year: reading.statement(y, `${y}年`, at), source });
        others.set(key, r);
        drafts.push(r);
      }
      return r;
    };
    const projectRecord = (name: Statement): DraftRecord => {
      const key = `project:${name.value}`;
      let r = others.get(key);
      if (!r) {
        r = newRecord({
          agency,
          year,
          scope: { value: 'project', statement: reading.statement('project', name.text, name.location) },
          project: name,
          region: id.region,
          source,
          fromTable: true,
        });
        others.set(key, r);
        drafts.push(r);
      }
      return r;
    };
    const level1Headings = new Map<string, { name: string; heading: string; location: string }>();
    for (const it of segment.items) {
      if (it.type === 'table') {
        readTable(it, { reading, record, projectRecord });
        continue;
      }
      if (segment.titles.includes(it)) continue;
      // A table's row that could not be read as one (its cells not under their columns for sure): named, not read.
      if (isFigureRow(it.text)) {
        const params = { text: quoteCell(it.text) };
        record.warnings.push(warning('table_row_unread', params, { location: it.location, kind: 'records' }));
        continue;
      }
      // In a department's report, `1.招商引资专项经费：全年预算数…` speaks of that project.
      const named = record.scope.value === 'department' ? projectLead(it.text) : null;
      const target = named ? projectRecord(reading.statement(named, named, it.location)) : record;
      readProse(reading, it.text, it.location, target, (y) => otherYear(y, it.location));
      if (!record.figures.has('evaluator')) {
        const ev = evaluatorIn(it.text);
        if (ev) addFigure(record, 'evaluator', reading.statement(ev.value, ev.text, it.location));
      }
      readProseIndicators(reading, it, record);
      const l1 = level1Heading(it);
      const core = l1 && coreOf(l1.name);
      if (l1 && core && !level1Headings.has(core)) level1Headings.set(core, l1);
    }
    // A cover that names the evaluating firm (评价机构：…) says a third party evaluated.
    const firm = cover.find((c) => /评价机构|评价单位/.test(c.label));
    if (!record.figures.has('evaluator') && firm)
      addFigure(record, 'evaluator', reading.statement('第三方评价', firm.value, firm.location));
    // A self-evaluation report (…绩效自评报告) says in its title who evaluated.
    const selfTitle = segment.titles.find((t) => t.text.includes('自评'));
    if (!record.figures.has('evaluator') && selfTitle)
      addFigure(record, 'evaluator', reading.statement('自评', '自评', selfTitle.location));
    for (const p of paras) if (!segment.titles.includes(p)) applyLevel1Sentences(reading, p, record, level1Headings);
    const names = [String(agency.value), String(agency.text)].map(compact).filter(Boolean);
    record.findings.push(...readFindings(segment.items, names, record.warnings));
  }
  const out = rowsOf(mergeDrafts(drafts.filter((d) => d.agency.value !== '' && d.year.value !== 0)));
  const all = [...warnings, ...out.warnings];
  const found =
    out.records.some((r) => [r.budget, r.expenditure, r.score, r.execution_rate].some((v) => v !== null)) ||
    out.indicators.length > 0 ||
    out.findings.length > 0;
  if (!found) all.push(warning('nothing_found', {}));
  // Each row's evidence column, once every value's evidence is known.
  fillEvidenceColumn(out);
  return {
    file: fileName,
    format: doc.format,
    layout: found ? 'evaluation_report' : 'unknown',
    records: out.records,
    indicators: out.indicators,
    funds: out.funds,
    findings: out.findings,
    evidence: out.evidence,
    warnings: all,
    errors,
  };
}
