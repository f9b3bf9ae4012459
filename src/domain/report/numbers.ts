// Figures as reports write them: `5,333.85万元`, `90万元`, `96.92%`, `95.18分`, full-width digits
// included. Matching runs on a half-width copy of the text whose offsets are those of the
// original (every full-width character maps to one half-width one), so what is quoted as
// evidence is always the original text.

/**
 * Half-width copy with the same length and offsets: full-width digits, letters, `．` and `％`
 * become ASCII. Punctuation such as `，` stays: whether it groups digits or ends a clause is
 * for `figureAt` to say.
 */
export function matchable(text: string): string {
  return text.replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff0e\uff05]/g, (ch) =>
    String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

export type Unit = 'amount' | 'percent' | 'points' | 'none';

export interface Figure {
  value: number;
  unit: Unit;
  /** Offsets of the number with its unit in the text. */
  start: number;
  end: number;
  /** The unit as written: 万元, 元, 亿元, %, 分, or ''. */
  written: string;
}

// `1,281.28`, `１，２８１．２８`: digits grouped by threes with `,` or `，`. The comma is a thousands
// separator only when a decimal part or a unit follows the groups (or, in a cell, nothing does);
// else it is the clause's (`预算数100，执行数90`) and the number ends before it.
const GROUPED = /^\d{1,3}(?:[,，]\d{3})+(?!\d)(\.\d+)?/;
const PLAIN = /^\d+(?:\.\d+)?/;
const UNITS: ReadonlyArray<readonly [string, Unit, number]> = [
  ['亿元', 'amount', 10000],
  ['万元', 'amount', 1],
  ['千元', 'amount', 0.1],
  ['元', 'amount', 0.0001],
  ['亿', 'amount', 10000],
  ['万', 'amount', 1],
  ['%', 'percent', 1],
  ['分', 'points', 1],
];

/** Rounds away binary noise from unit scaling. */
export function round6(x: number): number {
  return Number(x.toFixed(6));
}

/** The unit written at `end` (`万元`, `%`…), or null; `5万人次` is a count, not 5 万元. */
function unitAt(text: string, end: number): readonly [string, Unit, number] | null {
  const rest = text.slice(end, end + 2);
  for (const u of UNITS) {
    const written = u[0];
    if (
      rest.startsWith(written) &&
      !(written.length === 1 && /[万亿]/.test(written) && /^[人户次册份家个名件张]/.test(text.slice(end + 1)))
    )
      return u;
  }
  return null;
}

/** The number at the start of `rest`: grouped by threes where the rule of GROUPED allows, else plain digits. */
function numberAt(rest: string, wholeCell: boolean): string | null {
  const grouped = GROUPED.exec(rest);
  if (
    grouped &&
    (grouped[1] !== undefined || unitAt(rest, grouped[0].length) || (wholeCell && rest.trim() === grouped[0]))
  )
    return grouped[0];
  return PLAIN.exec(rest)?.[0] ?? null;
}

/**
 * The figure that starts at `at` in the (matchable) text, with its unit, or null. `wholeCell`:
 * the text is one table cell, where a grouped number may stand without a unit (`1,281`).
 */
export function figureAt(text: string, at: number, wholeCell = false): Figure | null {
  // A digit or a decimal point right before means we are inside another number; so does a
  // comma after a digit (`1,281` read from its `281`).
  const before = text.slice(Math.max(0, at - 2), at);
  if (/[\d.]$|\d[,，]$/.test(before)) return null;
  const number = numberAt(text.slice(at), wholeCell);
  if (number === null) return null;
  const value = Number(number.replace(/[,，]/g, ''));
  const end = at + number.length;
  const unit = unitAt(text, end);
  if (unit) {
    const [written, kind, scale] = unit;
    return { value: round6(value * scale), unit: kind, start: at, end: end + written.length, written };
  }
  return { value, unit: 'none', start: at, end, written: '' };
}

/** Every figure in the text, left to right. */
export function figuresIn(text: string): Figure[] {
  const t = matchable(text);
  const out: Figure[] = [];
  const re = /\d/g;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    const f = figureAt(t, m.index);
    if (f) {
      out.push(f);
      re.lastIndex = f.end;
    }
  }
  return out;
}

/** A table cell that holds one figure and nothing else but its unit: `5,333.85`, `96.92%`, `10分`. */
export function cellFigure(text: string): Figure | null {
  const t = matchable(text).trim();
  if (t === '') return null;
  const lead = matchable(text).indexOf(t);
  const f = figureAt(t, 0, true);
  if (!f || f.end !== t.length) return null;
  return { ...f, start: f.start + lead, end: f.end + lead };
}

/** A text as one figure, for numbers compared across statements: two decimals, like the reports. */
export function sameFigure(a: number, b: number): boolean {
  return Math.abs(a - b) < 0.005;
}
