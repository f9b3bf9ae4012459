// The parts of an .xlsx package that reading its cells needs (ECMA-376 SpreadsheetML): the sheet
// list with names and visibility, where each sheet's XML is, the shared strings, and each cell
// style's number format. Written by hand over fflate so that a sheet is inflated only when it is
// read, one at a time; SheetJS reads the whole workbook into objects first, which for 100,000
// rows took tens of seconds.
import { attributes, elementSource, ooxmlText, startTags } from './xml';
import { entryBytes, ZipError, zipEntries, type ZipEntry } from './zip';

export interface XlsxSheetEntry {
  name: string;
  hidden: boolean;
  /** The zip entry of the sheet's XML; null for a chart sheet (no cells). */
  zip: ZipEntry | null;
}

export interface XlsxPackage {
  sheets: XlsxSheetEntry[];
  sharedStrings: string[];
  /** Number format code of each cell style (cellXfs index); undefined for General. */
  styleFormats: (string | undefined)[];
  date1904: boolean;
}

/** Built-in number formats (ECMA-376 18.8.30), with the Chinese-locale dates 27–36 and 50–58 as a Chinese Excel shows them. */
const BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'yyyy/m/d',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'yyyy/m/d h:mm',
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/** Why a package is not one this reader reads (SheetJS then tries it: .xlsb, odd packages). */
export class NotXlsx extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'NotXlsx';
  }
}

const utf8 = new TextDecoder('utf-8');

function text(entry: Uint8Array): string {
  return utf8.decode(entry);
}

/** A relationship target resolved against the folder of the part that names it. */
function resolve(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

function relsPath(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

interface Relationship {
  type: string;
  target: string;
}

function relationships(xml: string, base: string): Map<string, Relationship> {
  const out = new Map<string, Relationship>();
  for (const tag of startTags(xml, 'Relationship')) {
    const a = attributes(tag);
    const id = a.get('Id');
    const target = a.get('Target');
    if (id === undefined || target === undefined || a.get('TargetMode') === 'External') continue;
    out.set(id, { type: a.get('Type') ?? '', target: resolve(base, target) });
  }
  return out;
}

function ofType(rels: Map<string, Relationship>, suffix: string): string | null {
  for (const r of rels.values()) if (r.type.endsWith(suffix)) return r.target;
  return null;
}

/** Every `<si>` of the shared string table as its text (rich-text runs joined, phonetic runs left out). */
export function readSharedStrings(xml: string): string[] {
  const out: string[] = [];
  const si = /<((?:[\w.-]+:)?)si(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/\1si>)/g;
  const t = /<(?:[\w.-]+:)?t(?:\s[^>]*)?(?:\/>|>([^<]*)<\/(?:[\w.-]+:)?t>)/g;
  for (let m = si.exec(xml); m !== null; m = si.exec(xml)) {
    let inner = m[2] ?? '';
    if (inner.includes('rPh')) inner = inner.replace(/<((?:[\w.-]+:)?)rPh\b[\s\S]*?<\/\1rPh>/g, '');
    let s = '';
    t.lastIndex = 0;
    for (let r = t.exec(inner); r !== null; r = t.exec(inner)) s += r[1] ?? '';
    out.push(ooxmlText(s));
  }
  return out;
}

/** The number format of each cell style: cellXfs' numFmtId through numFmts and the built-in table. */
export function readStyleFormats(xml: string): (string | undefined)[] {
  const custom = new Map<number, string>();
  for (const tag of startTags(elementSource(xml, 'numFmts'), 'numFmt')) {
    const a = attributes(tag);
    const id = Number(a.get('numFmtId'));
    const code = a.get('formatCode');
    if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
  }
  return startTags(elementSource(xml, 'cellXfs'), 'xf').map((tag) => {
    const id = Number(attributes(tag).get('numFmtId') ?? 0);
    const code = custom.get(id) ?? BUILTIN_FORMATS[id];
    return code === undefined || code === 'General' ? undefined : code;
  });
}

/** Reads the package's workbook part, sheet list, styles and shared strings. Throws NotXlsx for what it does not read. */
export function readXlsxPackage(bytes: Uint8Array): XlsxPackage {
  let entries: Map<string, ZipEntry>;
  try {
    entries = zipEntries(bytes);
  } catch (e) {
    // A zip64 package (or one only SheetJS makes sense of) is left to SheetJS.
    if (e instanceof ZipError && e.message === 'zip64') throw new NotXlsx('zip64');
    throw e;
  }
  const part = (path: string | null): string => {
    const e = path === null ? undefined : entries.get(path);
    return e ? text(entryBytes(bytes, e)) : '';
  };
  const root = relationships(part('_rels/.rels'), '');
  const workbookPath = ofType(root, '/officeDocument') ?? 'xl/workbook.xml';
  // .xlsb (a binary workbook part) and the like: SheetJS reads them.
  if (!workbookPath.endsWith('.xml') || !entries.has(workbookPath)) throw new NotXlsx(`no ${workbookPath}`);
  const workbookXml = part(workbookPath);
  const rels = relationships(part(relsPath(workbookPath)), workbookPath);
  const sheets: XlsxSheetEntry[] = startTags(elementSource(workbookXml, 'sheets'), 'sheet').map((tag) => {
    const a = attributes(tag);
    const rel = rels.get(a.get('r:id') ?? a.get('id') ?? '');
    const state = a.get('state');
    const zip = rel && rel.type.endsWith('/worksheet') ? (entries.get(rel.target) ?? null) : null;
    return { name: a.get('name') ?? '', hidden: state === 'hidden' || state === 'veryHidden', zip };
  });
  // Every workbook has a sheet: a workbook part that lists none is damaged.
  if (sheets.length === 0) throw new Error(`${workbookPath}: no sheet`);
  const pr = startTags(workbookXml, 'workbookPr')[0];
  const date1904 = pr !== undefined && /^(1|true)$/.test(attributes(pr).get('date1904') ?? '');
  const stringsPath = ofType(rels, '/sharedStrings');
  const stylesPath = ofType(rels, '/styles');
  return {
    sheets,
    sharedStrings: stringsPath ? readSharedStrings(part(stringsPath)) : [],
    styleFormats: stylesPath ? readStyleFormats(part(stylesPath)) : [],
    date1904,
  };
}
