// Word's automatic numbering (numbering.xml): the label a numbered paragraph shows, such as
// `（一）` or `1.`, which is not in the paragraph's text. Reports number their sections and their
// points this way, so the label is what tells one point from the next.
import { attr, child, childrenNamed, path, type XmlNode } from './xml';

interface Level {
  start: number;
  format: string;
  text: string;
}

export interface Numbering {
  /** numId → abstractNumId, and the levels a num overrides with a start value. */
  nums: Map<string, { abstract: string; starts: Map<number, number> }>;
  abstracts: Map<string, Map<number, Level>>;
}

export function readNumbering(root: XmlNode | undefined): Numbering {
  const numbering: Numbering = { nums: new Map(), abstracts: new Map() };
  if (!root) return numbering;
  for (const a of childrenNamed(root, 'abstractNum')) {
    const levels = new Map<number, Level>();
    for (const lvl of childrenNamed(a, 'lvl')) {
      levels.set(Number(attr(lvl, 'ilvl') ?? 0), {
        start: Number(attr(child(lvl, 'start') ?? {}, 'val') ?? 1),
        format: attr(child(lvl, 'numFmt') ?? {}, 'val') ?? 'decimal',
        text: attr(child(lvl, 'lvlText') ?? {}, 'val') ?? '',
      });
    }
    numbering.abstracts.set(attr(a, 'abstractNumId') ?? '', levels);
  }
  for (const n of childrenNamed(root, 'num')) {
    const starts = new Map<number, number>();
    for (const o of childrenNamed(n, 'lvlOverride')) {
      const start = attr(path(o, 'startOverride') ?? {}, 'val');
      if (start !== undefined) starts.set(Number(attr(o, 'ilvl') ?? 0), Number(start));
    }
    numbering.nums.set(attr(n, 'numId') ?? '', {
      abstract: attr(child(n, 'abstractNumId') ?? {}, 'val') ?? '',
      starts,
    });
  }
  return numbering;
}

const DIGITS = '零一二三四五六七八九';
const STEMS = '甲乙丙丁戊己庚辛壬癸';
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

function chineseNumber(n: number): string {
  if (n <= 0 || n >= 100) return String(n);
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

function letters(n: number, base: string): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = base[(k - 1) % 26]! + s;
  return s;
}

function roman(n: number): string {
  const table: Array<[number, string]> = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let s = '';
  let k = n;
  for (const [v, r] of table) for (; k >= v; k -= v) s += r;
  return s;
}

export function formatCounter(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'ideographDigital':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseNumber(n);
    case 'ideographTraditional':
      return STEMS[(n - 1) % 10] ?? String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return CIRCLED[n - 1] ?? String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'upperLetter':
      return letters(n, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    case 'lowerLetter':
      return letters(n, 'abcdefghijklmnopqrstuvwxyz');
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'none':
      return '';
    default:
      return String(n);
  }
}

/** Counts numbered paragraphs in document order and gives each its label. */
export class NumberingCounter {
  private readonly counters = new Map<string, number[]>();
  private readonly started = new Set<string>();
  constructor(private readonly numbering: Numbering) {}

  /** The label of the next paragraph of list `numId` at level `ilvl`, or '' when it has none. */
  next(numId: string, ilvl: number): string {
    const num = this.numbering.nums.get(numId);
    const levels = num && this.numbering.abstracts.get(num.abstract);
    if (!num || !levels) return '';
    const level = levels.get(ilvl);
    if (!level) return '';
    // Lists that share an abstract numbering continue one count, as Word does, unless one restarts it.
    let counts = this.counters.get(num.abstract);
    if (!counts || (!this.started.has(numId) && num.starts.size > 0)) {
      counts = [];
      this.counters.set(num.abstract, counts);
    }
    this.started.add(numId);
    const startOf = (l: number): number => num.starts.get(l) ?? levels.get(l)?.start ?? 1;
    counts[ilvl] = counts[ilvl] === undefined ? startOf(ilvl) : counts[ilvl]! + 1;
    counts.length = ilvl + 1;
    if (level.format === 'bullet') return level.text;
    return level.text.replace(/%(\d)/g, (_, d: string) => {
      const l = Number(d) - 1;
      const value = counts![l] ?? startOf(l);
      return formatCounter(value, levels.get(l)?.format ?? 'decimal');
    });
  }
}
