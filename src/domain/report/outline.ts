// The outline of a report: which paragraphs are headings, at what depth, and under which
// headings every block stands. Reports number their sections in many ways (`一、`, `（一）`,
// `1.`, `（1）`, `第四部分`, Word's heading styles) and not always in the same order, so a
// numbering's depth is the order in which the report first nests it, not a fixed rank.
import type { Block, BlockLocation, Paragraph, Table } from '@/domain/document/types';
import { matchable } from './numbers';

export interface Heading {
  /** The heading's text without its number (`存在的问题`). */
  title: string;
  /** The numbering style (`cn、`, `(cn)`, `n.`, `(n)`, `part`, `h1`…). */
  style: string;
  text: string;
  location: string;
}

export interface OutlinePara {
  type: 'paragraph';
  block: Paragraph;
  /** The paragraph's text, with its list label when Word numbered it. */
  text: string;
  location: string;
  /** Set when the paragraph is a heading. */
  heading: Heading | null;
  /** The headings above it, outermost first (a heading's own path includes itself). */
  path: readonly Heading[];
}

export interface OutlineTable {
  type: 'table';
  block: Table;
  /** Where the table stands, `表3` (with its page when there is one). */
  location: string;
  /** The paragraph just before the table (its caption or `单位：万元`). */
  before: string;
  path: readonly Heading[];
}

export type OutlineItem = OutlinePara | OutlineTable;

const CN = '[一二三四五六七八九十]+';
const NUMBERINGS: ReadonlyArray<readonly [string, RegExp]> = [
  ['part', new RegExp(`^第${CN}部分\\s*`)],
  ['cn、', new RegExp(`^${CN}\\s*[、．.]\\s*`)],
  ['(cn)', new RegExp(`^[（(]\\s*${CN}\\s*[）)]\\s*`)],
  ['(n)', /^[（(]\s*\d{1,2}\s*[）)]\s*/],
  ['n.n', /^\d{1,2}[.．]\d{1,2}(?:[.．]\d{1,2})?(?:[.．、]|\s+)\s*/],
  ['n.', /^\d{1,2}\s*[、.．](?!\d)\s*/],
  ['circled', /^[①②③④⑤⑥⑦⑧⑨⑩]\s*/],
];

/** The numbering a text starts with (`1.` and `１．` alike) and the rest of it as written, or null. */
export function numberingOf(text: string): { style: string; rest: string } | null {
  const plain = matchable(text);
  for (const [style, re] of NUMBERINGS) {
    const m = re.exec(plain);
    if (m) return { style, rest: text.slice(m[0].length) };
  }
  return null;
}

/**
 * Whether a numbered line is a heading rather than the first item of a list: short, no colon
 * introducing content, and at most one sentence end, at its end.
 */
function looksLikeHeading(rest: string): boolean {
  const t = rest.trim();
  if (t.length === 0 || t.length > 45) return false;
  if (/[：:]./.test(t)) return false;
  const stops = t.match(/[。；;！？]/g)?.length ?? 0;
  return stops === 0 || (stops === 1 && /[。；;]$/.test(t));
}

export function locationOf(at: BlockLocation): string {
  const page = at.page ? `第${at.page}页 ` : '';
  if (at.table !== undefined) return `${page}表${at.table}`;
  if (at.paragraph !== undefined) return `${page}第${at.paragraph}段`;
  if (at.line !== undefined) return `${page}第${at.line}行`;
  return page.trim();
}

/** Where row `r` (0-based) of a table stands (`第2页 表3 第12行`): on its own page where the table runs over pages. */
export function rowLocation(t: OutlineTable, r: number): string {
  const page = t.block.grid[r]?.find((c) => c?.page !== undefined)?.page;
  const table = page !== undefined && page !== t.block.at.page ? locationOf({ ...t.block.at, page }) : t.location;
  return `${table} 第${r + 1}行`;
}

function headingOf(p: Paragraph, text: string, location: string): Heading | null {
  const n = numberingOf(text);
  if (p.heading > 0) {
    return { title: (n?.rest ?? text).trim(), style: `h${p.heading}`, text, location };
  }
  if (n && looksLikeHeading(n.rest))
    return { title: n.rest.trim().replace(/[。；;]$/, ''), style: n.style, text, location };
  return null;
}

/** The blocks in order, each with its place in the outline; a paragraph for which `resets` holds (a report's title) starts it afresh. */
export function outline(blocks: readonly Block[], resets: (text: string) => boolean = () => false): OutlineItem[] {
  const stack: Heading[] = [];
  const items: OutlineItem[] = [];
  let before = '';
  for (const block of blocks) {
    if (block.type === 'table') {
      items.push({ type: 'table', block, location: locationOf(block.at), before, path: [...stack] });
      before = '';
      continue;
    }
    const text = block.label ? `${block.label}${block.text}` : block.text;
    const location = locationOf(block.at);
    if (resets(text)) stack.length = 0;
    const heading = headingOf(block, text, location);
    if (heading) {
      const at = stack.findIndex((h) => h.style === heading.style);
      if (at >= 0) stack.length = at;
      stack.push(heading);
    }
    items.push({ type: 'paragraph', block, text, location, heading, path: [...stack] });
    before = text;
  }
  return items;
}
