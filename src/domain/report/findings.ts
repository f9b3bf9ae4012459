// What a report concludes in words: the problems found (存在的问题), the recommendations (建议,
// 改进措施), the lessons (主要经验及做法), the outcomes (主要成效) and the conclusion (评价结论),
// one point per row, as the report makes them: a numbered sub-heading is one point; otherwise
// `一是…二是…` or `（1）…（2）…` are the points; otherwise each sentence is one. A section that
// names several kinds (存在的问题及建议) takes each paragraph's kind from its lead-in (存在的问题：…,
// 建议：…). A line of table cells is never a point.
import type { FindingKind } from '@/domain/types';
import type { DraftFinding } from './draft';
import { compact } from './levels';
import { quoteCell } from '@/domain/issues';
import type { ExtractIssue } from '@/domain/extract/types';
import { isRowLine } from '@/domain/document/txtRows';
import { matchable } from './numbers';
import { warning } from './warn';
import type { Heading, OutlineItem, OutlinePara } from './outline';

const KINDS: ReadonlyArray<readonly [FindingKind, RegExp]> = [
  [
    'problem',
    /存在的?(?:主要)?问题|主要问题|问题(?:及|与|和)(?:原因|不足|整改|建议)|不足之处|问题与不足|^(?:发现的|存在)?问题$|存在不足/,
  ],
  ['recommendation', /建议|改进措施|整改措施|改进意见|下一步(?:工作)?(?:计划|打算|措施)/],
  ['experience', /经验|做法/],
  ['outcome', /主要成效|取得的(?:主要)?成效|工作成效|实施成效|主要成绩|取得的(?:主要)?成绩|主要亮点/],
  ['conclusion', /(?:评价|自评)结论|总体评价|综合评价|评价得分情况|评价总结|评价结果/],
];

/** The kinds a heading names (`存在的问题及建议`: problem and recommendation). */
function kindsOf(title: string): FindingKind[] {
  const t = compact(title);
  if (/其他需要说明/.test(t)) return [];
  return KINDS.filter(([, re]) => re.test(t)).map(([k]) => k);
}

/** The kind a heading announces, or null when it announces none or several (`主要经验及做法、存在的问题和建议`). */
export function kindOfHeading(title: string): FindingKind | null {
  const kinds = kindsOf(title);
  // 综合评价情况及评价结论 is one kind named twice; 问题及原因分析和建议 names two.
  return kinds.length === 1 ? kinds[0]! : null;
}

interface Section {
  /** null: a section of several kinds (`存在的问题及建议`), each paragraph's lead-in says which. */
  kind: FindingKind | null;
  depth: number;
  heading: Heading;
}

/** The finding section a block stands in: the innermost heading that announces one kind or several. */
function sectionOf(path: readonly Heading[]): Section | null {
  for (let i = path.length - 1; i >= 0; i--) {
    const kinds = kindsOf(path[i]!.title);
    if (kinds.length > 0) return { kind: kinds.length === 1 ? kinds[0]! : null, depth: i, heading: path[i]! };
  }
  return null;
}

const SUMMARY = /得分情况|评价总结|(?:评价|自评)结论|总体评价|综合评价/;
// The markers a report numbers its points with: 一是, （1）, （一）, 1、, ①.
const MARKER = String.raw`(?:[一二三四五六七八九十]是|[（(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[）)]|\d{1,2}[、.．](?!\d)|[①②③④⑤⑥⑦⑧⑨⑩])`;
const ENUMERATION = new RegExp(`(?:^|(?<=[。；;，,：:]))\\s*${MARKER}`, 'g');
const LEADING_MARKER = new RegExp(`^\\s*${MARKER}\\s*`);
const NOT_A_POINT = /^[（(]?无[）)]?$|^无。?$|详见附件|^附件|^附表|自评表$|^表\s*\d|^(?:金额|货币)?单位[：:]/;
const DATE = /^\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?$/;
const CAPTION = /(?:表|情况表|统计表)$/;

/** The points of one paragraph: its enumeration's items, or its sentences. */
export function pointsOf(text: string): { text: string; quote: string }[] {
  // Markers are found half-width (`（１）` is `（1）`); the points are cut from the text as written.
  const starts = [...matchable(text).matchAll(ENUMERATION)].map((m) => ({ at: m.index, marker: m[0] }));
  if (starts.length >= 1 && starts[0]!.at === 0) {
    return starts.map((s, i) => {
      const quote = text.slice(s.at, starts[i + 1]?.at ?? text.length).trim();
      const body = quote.slice(LEADING_MARKER.exec(matchable(quote))?.[0].length ?? 0);
      return { text: body.replace(/[；;，,]$/, '。').trim(), quote };
    });
  }
  if (starts.length >= 2) {
    // A lead-in then the items: `存在以下问题：一是…；二是…`.
    return pointsOf(text.slice(starts[0]!.at).trimStart());
  }
  const sentences = text.match(/[^。！？!?]+[。！？!?]?/g) ?? [];
  return sentences
    .map((s) => s.trim())
    .filter((s) => s.length > 1)
    .map((s) => ({ text: s, quote: s }));
}

// A paragraph that opens by naming its kind: `存在的问题：一是…`, `（二）下一步建议：…`, `主要问题`.
const LEAD_IN = new RegExp(`^\\s*(?:${MARKER})?\\s*([^：:，,。；;]{2,12}?)\\s*(?:[：:]\\s*|$)`);

/**
 * The kind a paragraph's lead-in names, and where its body starts; null when it names none.
 * `labelled`: the lead-in is a bare label before a colon (`建议：`), not a numbered item or a line of its own.
 */
export function leadInOf(text: string): { kind: FindingKind; body: number; labelled: boolean } | null {
  const m = LEAD_IN.exec(matchable(text));
  if (!m) return null;
  const kind = kindOfHeading(m[1]!);
  const labelled = /[：:]\s*$/.test(m[0]) && !LEADING_MARKER.test(matchable(text));
  return kind ? { kind, body: m[0].length, labelled } : null;
}

function isNoise(p: OutlinePara, agencyNames: readonly string[]): boolean {
  const t = matchable(p.text.trim());
  if (NOT_A_POINT.test(compact(t)) || DATE.test(t)) return true;
  // A table's row that was not read as one (`产出\t20\t19.00`) is no point of the report.
  if (isRowLine(t)) return true;
  if (!/[。；，]/.test(t) && (CAPTION.test(t) || agencyNames.some((a) => compact(t) === a))) return true;
  return false;
}

/** A finding of `kind` read from `text` (a paragraph's body from `from`), one per point, each quoted as written. */
function pointsAsFindings(
  kind: FindingKind,
  text: string,
  from: number,
  where: { location: string; section: string },
): DraftFinding[] {
  const body = text.slice(from).trim();
  if (!body) return [];
  if (kind === 'conclusion') return [{ kind, text: body, quote: body, ...where }];
  return pointsOf(body).map((point) => ({ kind, text: point.text, quote: point.quote, ...where }));
}

/**
 * The findings of a record's part of the report. `agencyNames` are texts that alone on a line are
 * a signature, not a point. A section of several kinds (`存在的问题及建议`) takes each paragraph's
 * kind from its lead-in (`存在的问题：`, `建议：`) or the last one before it; a paragraph there
 * that no lead-in gives a kind is named in `warnings`, not guessed.
 */
export function readFindings(
  items: readonly OutlineItem[],
  agencyNames: readonly string[],
  warnings: ExtractIssue[] = [],
): DraftFinding[] {
  const out: DraftFinding[] = [];
  let current: { finding: DraftFinding; depth: number } | null = null;
  // The kind the last lead-in of the section named.
  let lead: { kind: FindingKind; section: Heading } | null = null;
  const unclear = (item: OutlinePara, section: Heading): void => {
    warnings.push(warning('finding_kind_unclear', { section: quoteCell(section.title) }, { location: item.location }));
  };
  for (const item of items) {
    if (item.type !== 'paragraph') continue;
    const section = sectionOf(item.path);
    if (!section) {
      current = null;
      lead = null;
      continue;
    }
    if (lead && lead.section !== section.heading) lead = null;
    const sectionName = section.heading.text;
    const where = { location: item.location, section: sectionName };
    if (item.heading) {
      // The section's own heading opens it; a numbered heading below it is one point.
      if (item.path.length - 1 === section.depth) {
        current = null;
        lead = null;
        continue;
      }
      if (section.kind === 'conclusion' && SUMMARY.test(compact(item.heading.title))) {
        current = null;
        continue;
      }
      const kind = lead?.kind ?? section.kind;
      if (kind === null) {
        unclear(item, section.heading);
        continue;
      }
      const finding: DraftFinding = {
        kind,
        text: item.heading.title.replace(/[，,]$/, ''),
        quote: item.heading.text.slice(item.heading.text.indexOf(item.heading.title)),
        ...where,
      };
      if (kind !== 'conclusion') {
        out.push(finding);
        current = { finding, depth: item.path.length - 1 };
      }
      continue;
    }
    if (isNoise(item, agencyNames)) continue;
    const inPoint = (): boolean => current !== null && item.path.length - 1 >= current.depth;
    if (section.kind === 'conclusion') {
      // Body of a point that has a heading of its own.
      if (inPoint()) continue;
      // Only what the conclusion says itself, or under 评价得分情况 / 评价总结; not the indicator sections inside it.
      const inner = item.path[item.path.length - 1];
      if (inner !== section.heading && !SUMMARY.test(compact(inner?.title ?? ''))) continue;
      out.push({ kind: 'conclusion', text: item.text, quote: item.text, ...where });
      continue;
    }
    for (const part of leadInParts(item.text)) {
      // `建议：` under 存在的问题 speaks of recommendations; a section of several kinds takes any lead-in.
      // A lead-in ends the point above it: it is no part of that point's body.
      const leadIn = leadInOf(part);
      const takes =
        leadIn &&
        (section.kind === null ||
          (leadIn.kind !== (lead?.kind ?? section.kind) &&
            (leadIn.kind === 'problem' || leadIn.kind === 'recommendation')));
      if (takes) {
        lead = { kind: leadIn.kind, section: section.heading };
        current = null;
      }
      if (inPoint()) continue;
      const kind = lead?.kind ?? section.kind;
      if (kind === null) {
        unclear(item, section.heading);
        break;
      }
      // The lead-in is no part of the point, whether it changes the kind or repeats it (`存在的问题：资金…`).
      out.push(...pointsAsFindings(kind, part, leadIn && (takes || leadIn.kind === kind) ? leadIn.body : 0, where));
    }
  }
  return out;
}

/**
 * A paragraph cut where a lead-in follows a sentence's end (`存在的问题：一是…。建议：一是…`),
 * each part as written; the whole paragraph when it holds none.
 */
export function leadInParts(text: string): string[] {
  const cuts = [0];
  for (const m of text.matchAll(/[。；;]\s*/g)) {
    const at = m.index + m[0].length;
    if (at < text.length && leadInOf(text.slice(at))?.labelled) cuts.push(at);
  }
  return cuts.map((c, i) => text.slice(c, cuts[i + 1] ?? text.length));
}
