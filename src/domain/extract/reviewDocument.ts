// The document as the review shows it beside its extraction: every block with the place a reader
// finds it at (the same words as the evidence's locations), its text cut into pieces so that each
// figure's text can be highlighted, and for each evidence item the block it stands in, so that
// clicking a field scrolls to its sentence. The other statements of a disputed figure are
// highlighted too, apart. Text stays text: the page renders the pieces, never HTML.
import { locationOf } from '@/domain/report/outline';
import type { Block, DocumentModel } from '@/domain/document/types';
import type { EvidenceItem } from './types';

/** What a highlighted piece of text is: an item's text, or another statement of a disputed figure. */
export interface PieceMark {
  /** Index into the extraction's evidence. */
  evidence: number;
  role: 'value' | 'other';
}

/** A run of text and the evidence items whose text covers it (none: plain text). */
export interface Piece {
  text: string;
  marks: PieceMark[];
}

export interface ReviewCell {
  pieces: Piece[];
  rowSpan: number;
  colSpan: number;
}

export type ReviewBlock =
  | { type: 'paragraph'; id: number; location: string; heading: number; label: string; pieces: Piece[] }
  | { type: 'table'; id: number; location: string; rows: ReviewCell[][] };

export interface ReviewDocument {
  blocks: ReviewBlock[];
  /** For each evidence item (by index), the block its text stands in; null when it stands in none. */
  blockOf: (number | null)[];
}

interface Span {
  start: number;
  end: number;
  mark: PieceMark;
}

/** Cuts the text at every span boundary; each piece lists the spans that cover it. */
export function piecesOf(text: string, spans: readonly Span[]): Piece[] {
  if (spans.length === 0) return text === '' ? [] : [{ text, marks: [] }];
  const cuts = new Set<number>([0, text.length]);
  for (const s of spans) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const at = [...cuts].sort((a, b) => a - b);
  const out: Piece[] = [];
  for (let i = 0; i + 1 < at.length; i++) {
    const start = at[i]!;
    const end = at[i + 1]!;
    if (end <= start) continue;
    const marks = spans.filter((s) => s.start <= start && s.end >= end).map((s) => s.mark);
    out.push({ text: text.slice(start, end), marks });
  }
  return out;
}

/** A place that the review can point at: a paragraph, or one cell of a table. */
interface Target {
  block: number;
  /** For a table: [row, col] of the grid, 0-based. */
  cell?: [number, number];
  text: string;
  spans: Span[];
}

/** The block whose location the evidence location starts with (`表2 第3行 得分` → `表2`), and the row named after it. */
function placeOf(
  location: string,
  byLocation: ReadonlyMap<string, number>,
): { block: number; row: number | null } | null {
  const words = location.trim().split(/\s+/);
  for (let n = words.length; n > 0; n--) {
    const block = byLocation.get(words.slice(0, n).join(' '));
    if (block === undefined) continue;
    const row = /^第(\d+)行$/.exec(words[n] ?? '');
    return { block, row: row ? Number(row[1]) - 1 : null };
  }
  return null;
}

function tableTargets(block: Block, index: number): Target[] {
  if (block.type !== 'table') return [{ block: index, text: block.text, spans: [] }];
  const out: Target[] = [];
  block.grid.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell) out.push({ block: index, cell: [r, c], text: cell.text, spans: [] });
    }),
  );
  return out;
}

/** Marks the first occurrence of `text` among the targets (those of the row named first); true when found. */
function markText(targets: readonly Target[], row: number | null, text: string, mark: PieceMark): boolean {
  if (text === '') return false;
  const inRow = row === null ? [] : targets.filter((t) => t.cell?.[0] === row);
  for (const list of [inRow, targets]) {
    for (const t of list) {
      const start = t.text.indexOf(text);
      if (start < 0) continue;
      t.spans.push({ start, end: start + text.length, mark });
      return true;
    }
  }
  return false;
}

export function reviewDocument(doc: DocumentModel, evidence: readonly EvidenceItem[]): ReviewDocument {
  const byLocation = new Map<string, number>();
  doc.blocks.forEach((b, i) => {
    const loc = locationOf(b.at);
    if (loc !== '' && !byLocation.has(loc)) byLocation.set(loc, i);
  });
  const targets = doc.blocks.map((b, i) => tableTargets(b, i));
  const find = (location: string, text: string, mark: PieceMark): number | null => {
    const place = placeOf(location, byLocation);
    if (place && markText(targets[place.block]!, place.row, text, mark)) return place.block;
    // A location in words the blocks do not use (a form's sheet cell): the first block holding the text.
    for (const [i, list] of targets.entries()) if (markText(list, null, text, mark)) return i;
    return place?.block ?? null;
  };
  const blockOf = evidence.map((e, i) => {
    for (const d of e.disputed ?? []) find(d.location, d.text, { evidence: i, role: 'other' });
    return find(e.location, e.text, { evidence: i, role: 'value' });
  });
  const blocks = doc.blocks.map((b, i): ReviewBlock => {
    const location = locationOf(b.at);
    const list = targets[i]!;
    if (b.type === 'paragraph') {
      return {
        type: 'paragraph',
        id: i,
        location,
        heading: b.heading,
        label: b.label ?? '',
        pieces: piecesOf(b.text, list[0]!.spans),
      };
    }
    const cells = new Map(list.map((t) => [`${t.cell![0]},${t.cell![1]}`, t]));
    const rows = b.grid.map((row, r) =>
      row.flatMap((cell, c): ReviewCell[] => {
        if (!cell) return [];
        const t = cells.get(`${r},${c}`)!;
        return [{ pieces: piecesOf(cell.text, t.spans), rowSpan: cell.rowSpan, colSpan: cell.colSpan }];
      }),
    );
    return { type: 'table', id: i, location, rows };
  });
  return { blocks, blockOf };
}
