// Word documents (.docx): paragraphs with their heading level and list label, and tables with
// their merged cells exact (gridSpan across, vMerge down), so that a form's cell or a report's
// score table reads as the reader sees it. Unzipped with fflate, XML read with fast-xml-parser:
// both run in a worker and in Node. Deleted revisions, field codes, drawings and text boxes are
// left out; inserted revisions and hyperlinks are read as text.
import { unzipSync } from 'fflate';
import { readFailure, type ReadResult } from './readResult';
import { NumberingCounter, readNumbering } from './docxNumbering';
import { emptyCell } from './cells';
import type { Block, TableCell } from './types';
import { attr, child, childrenOf, localName, parseXml, path, rootOf, textOf, type XmlNode } from './xml';

const PARTS = ['word/document.xml', 'word/styles.xml', 'word/numbering.xml'];

interface Style {
  name: string;
  basedOn?: string;
  outline?: number;
  numId?: string;
  ilvl?: number;
}

function readStyles(root: XmlNode | undefined): Map<string, Style> {
  const styles = new Map<string, Style>();
  for (const s of root ? childrenOf(root) : []) {
    if (localName(s) !== 'style') continue;
    const outline = attr(path(s, 'pPr', 'outlineLvl') ?? {}, 'val');
    const numPr = path(s, 'pPr', 'numPr');
    styles.set(attr(s, 'styleId') ?? '', {
      name: attr(child(s, 'name') ?? {}, 'val') ?? '',
      basedOn: attr(child(s, 'basedOn') ?? {}, 'val'),
      outline: outline === undefined ? undefined : Number(outline),
      numId: numPr ? attr(child(numPr, 'numId') ?? {}, 'val') : undefined,
      ilvl: numPr ? Number(attr(child(numPr, 'ilvl') ?? {}, 'val') ?? 0) : undefined,
    });
  }
  return styles;
}

/** A style's property, looked up through its basedOn chain. */
function inherited<T>(
  styles: Map<string, Style>,
  id: string | undefined,
  pick: (s: Style) => T | undefined,
): T | undefined {
  const seen = new Set<string>();
  for (let at = id; at !== undefined && !seen.has(at); at = styles.get(at)?.basedOn) {
    seen.add(at);
    const s = styles.get(at);
    const value = s && pick(s);
    if (value !== undefined) return value;
  }
  return undefined;
}

function headingOfStyle(s: Style): number | undefined {
  const m = /^(?:heading|标题)\s*(\d)$/i.exec(s.name.trim());
  if (m) return Number(m[1]);
  if (s.outline !== undefined && s.outline < 9) return s.outline + 1;
  if (/^title$/i.test(s.name.trim())) return 1;
  return undefined;
}

// Run content that draws no text of the document's own: field instructions, deleted text,
// drawings and embedded objects (a text box's words are not part of the flow).
const SKIPPED = new Set([
  'instrText',
  'delText',
  'del',
  'moveFrom',
  'drawing',
  'pict',
  'object',
  'AlternateContent',
  'rPr',
  'pPr',
  'fldData',
]);

/** The text of a paragraph's content, in order: runs, tabs and breaks, through hyperlinks, insertions and content controls. */
function inlineText(node: XmlNode, out: string[]): void {
  for (const c of childrenOf(node)) {
    const name = localName(c);
    if (SKIPPED.has(name)) continue;
    switch (name) {
      case 't':
        for (const t of childrenOf(c)) out.push(textOf(t));
        break;
      case 'tab':
      case 'ptab':
        out.push('\t');
        break;
      case 'br':
      case 'cr':
        out.push('\n');
        break;
      case 'noBreakHyphen':
        out.push('-');
        break;
      default:
        inlineText(c, out);
    }
  }
}

interface Context {
  styles: Map<string, Style>;
  counter: NumberingCounter;
  blocks: Block[];
  paragraphs: number;
  tables: number;
}

function paragraphOf(p: XmlNode, ctx: Context): { text: string; heading: number; label: string } {
  const parts: string[] = [];
  inlineText(p, parts);
  const text = parts
    .join('')
    .replace(/\u00a0/g, ' ')
    .trim();
  const pPr = child(p, 'pPr');
  const styleId = attr(path(pPr, 'pStyle') ?? {}, 'val');
  const outline = attr(path(pPr, 'outlineLvl') ?? {}, 'val');
  let heading = outline !== undefined && Number(outline) < 9 ? Number(outline) + 1 : 0;
  if (heading === 0) heading = inherited(ctx.styles, styleId, headingOfStyle) ?? 0;
  const numPr = path(pPr, 'numPr');
  const numId = numPr ? attr(child(numPr, 'numId') ?? {}, 'val') : inherited(ctx.styles, styleId, (s) => s.numId);
  const ilvl = numPr
    ? Number(attr(child(numPr, 'ilvl') ?? {}, 'val') ?? inherited(ctx.styles, styleId, (s) => s.ilvl) ?? 0)
    : (inherited(ctx.styles, styleId, (s) => s.ilvl) ?? 0);
  // An empty paragraph takes no number in Word either.
  const label = numId && numId !== '0' && text !== '' ? ctx.counter.next(numId, ilvl) : '';
  return { text, heading, label };
}

/** A cell's text: its paragraphs on lines of their own (list labels kept), nested tables row by row. */
function cellText(tc: XmlNode, ctx: Context): string {
  const lines: string[] = [];
  for (const c of childrenOf(tc)) {
    const name = localName(c);
    if (name === 'p') {
      const { text, label } = paragraphOf(c, ctx);
      if (text !== '') lines.push(label ? `${label}${text}` : text);
    } else if (name === 'tbl') {
      for (const row of tableRows(c, ctx)) lines.push(row.map((cell) => cell?.text ?? '').join('\t'));
    } else if (name === 'sdt') {
      const content = child(c, 'sdtContent');
      if (content) lines.push(cellText(content, ctx));
    }
  }
  return lines.filter((l) => l !== '').join('\n');
}

/** The rows of a table as a grid: gridSpan widens a cell, vMerge lengthens the cell above. */
function tableRows(tbl: XmlNode, ctx: Context): (TableCell | null)[][] {
  const grid: (TableCell | null)[][] = [];
  const trs = childrenOf(tbl).flatMap((c) =>
    localName(c) === 'tr' ? [c] : localName(c) === 'sdt' ? childrenOf(child(c, 'sdtContent') ?? {}) : [],
  );
  for (const tr of trs) {
    if (localName(tr) !== 'tr') continue;
    const r = grid.length;
    const row: (TableCell | null)[] = [];
    let col = Number(attr(path(tr, 'trPr', 'gridBefore') ?? {}, 'val') ?? 0);
    for (let k = 0; k < col; k++) row.push(emptyCell(r + 1, k + 1));
    const tcs = childrenOf(tr).flatMap((c) =>
      localName(c) === 'tc' ? [c] : localName(c) === 'sdt' ? childrenOf(child(c, 'sdtContent') ?? {}) : [],
    );
    for (const tc of tcs) {
      if (localName(tc) !== 'tc') continue;
      const tcPr = child(tc, 'tcPr');
      const span = Math.max(1, Number(attr(path(tcPr, 'gridSpan') ?? {}, 'val') ?? 1));
      const vMerge = path(tcPr, 'vMerge');
      const continues = vMerge !== undefined && (attr(vMerge, 'val') ?? 'continue') === 'continue';
      const origin = continues ? originAbove(grid, col) : undefined;
      if (origin) {
        origin.rowSpan = r + 1 - origin.row + 1;
        for (let k = 0; k < span; k++) row.push(null);
      } else {
        row.push({ text: cellText(tc, ctx), row: r + 1, col: col + 1, rowSpan: 1, colSpan: span });
        for (let k = 1; k < span; k++) row.push(null);
      }
      col += span;
    }
    grid.push(row);
  }
  const width = Math.max(0, ...grid.map((row) => row.length));
  grid.forEach((row, r) => {
    for (let c = row.length; c < width; c++) row.push(emptyCell(r + 1, c + 1));
  });
  return grid;
}

/** The cell that starts in column `col` in the nearest row above where one does. */
function originAbove(grid: (TableCell | null)[][], col: number): TableCell | undefined {
  for (let r = grid.length - 1; r >= 0; r--) {
    const cell = grid[r]![col];
    if (cell) return cell.col === col + 1 ? cell : undefined;
  }
  return undefined;
}

function readBody(body: XmlNode, ctx: Context): void {
  for (const c of childrenOf(body)) {
    const name = localName(c);
    if (name === 'p') {
      const { text, heading, label } = paragraphOf(c, ctx);
      if (text === '') continue;
      ctx.blocks.push({
        type: 'paragraph',
        text,
        heading,
        ...(label ? { label } : {}),
        at: { paragraph: ++ctx.paragraphs },
      });
    } else if (name === 'tbl') {
      ctx.blocks.push({ type: 'table', grid: tableRows(c, ctx), at: { table: ++ctx.tables } });
    } else if (name === 'sdt' || name === 'customXml') {
      const content = child(c, 'sdtContent') ?? c;
      readBody(content, ctx);
    }
  }
}

const utf8 = new TextDecoder('utf-8');

export function readDocx(bytes: Uint8Array): ReadResult {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => PARTS.includes(f.name) });
  } catch {
    return readFailure('docx_not_docx', {});
  }
  const main = files['word/document.xml'];
  if (!main) return readFailure('docx_not_docx', {});
  let document: XmlNode | undefined;
  let styles: XmlNode | undefined;
  let numbering: XmlNode | undefined;
  try {
    document = rootOf(parseXml(utf8.decode(main)), 'document');
    const s = files['word/styles.xml'];
    if (s) styles = rootOf(parseXml(utf8.decode(s)), 'styles');
    const n = files['word/numbering.xml'];
    if (n) numbering = rootOf(parseXml(utf8.decode(n)), 'numbering');
  } catch {
    return readFailure('docx_bad_xml', {});
  }
  const body = document && child(document, 'body');
  if (!body) return readFailure('docx_bad_xml', {});
  const ctx: Context = {
    styles: readStyles(styles),
    counter: new NumberingCounter(readNumbering(numbering)),
    blocks: [],
    paragraphs: 0,
    tables: 0,
  };
  readBody(body, ctx);
  if (ctx.blocks.length === 0) return readFailure('document_empty', {});
  return { ok: true, doc: { format: 'docx', blocks: ctx.blocks } };
}
