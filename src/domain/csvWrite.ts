// The one CSV writer of the product: the data export, a chart's data table and an issue list are
// all written cell by cell through here, so they quote and neutralise alike.
//
// Why neutralise: Excel and WPS evaluate a cell that starts with = + - @ (also after leading
// spaces, and, via DDE tricks, one starting with a tab or CR) as a formula when they open a CSV,
// so a text such as `=HYPERLINK(...)` or `-2+3` taken from an uploaded file would run or be
// rewritten in the spreadsheet of whoever opens the file. A leading apostrophe makes them show the
// text as written. The importer drops that apostrophe again (`unneutralize`), so export → import
// gives back the same text.

export const CSV_BOM = '\uFEFF';
export const CSV_EOL = '\r\n';

// Characters that make a spreadsheet treat a cell as a formula, after any apostrophes and spaces.
const TRIGGER = /^'*[^\S\t\r]*[=+\-@\t\r]/;
// What neutralisation produces: at least one apostrophe, then the above.
const NEUTRALISED = /^'+[^\S\t\r]*[=+\-@\t\r]/;

/**
 * Makes a text cell safe to open in a spreadsheet: prefixes an apostrophe when it starts (perhaps
 * after spaces) with = + - @ tab or CR. A text that already starts with apostrophes followed by
 * such a character gets one more, so that `unneutralize` can always remove exactly one and the
 * round trip is exact.
 */
export function neutralize(text: string): string {
  return TRIGGER.test(text) ? `'${text}` : text;
}

/**
 * The import-side rule (applied by the parser to every text cell after trimming): a leading
 * apostrophe followed (perhaps after spaces) by = + - @ (or further apostrophes and then one of
 * these) is dropped. Any other apostrophe is kept, so `'abc` stays `'abc`.
 */
export function unneutralize(text: string): string {
  return NEUTRALISED.test(text) ? text.slice(1) : text;
}

/**
 * A number written plainly: the shortest decimal that reads back as the same double (so 5333.85
 * stays 5333.85 and no float noise such as 5333.849999 appears), never in exponent notation and
 * without thousands separators, which Excel and the importer would both misread in some locales.
 */
export function plainNumber(x: number): string {
  if (Object.is(x, -0)) return '0';
  const s = String(x);
  const e = s.search(/e/i);
  if (e < 0) return s;
  const negative = s.startsWith('-');
  const mantissa = s.slice(negative ? 1 : 0, e);
  const exponent = Number(s.slice(e + 1));
  const dot = mantissa.indexOf('.');
  const digits = mantissa.replace('.', '');
  // Position of the decimal point within `digits` after applying the exponent.
  const point = (dot < 0 ? mantissa.length : dot) + exponent;
  let out: string;
  if (point <= 0) out = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else out = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return negative ? `-${out}` : out;
}

// A field holding a quote, a delimiter the importer might detect (comma, semicolon, tab) or a line
// break is quoted; quoted, nothing in it can mislead a reader about where the field ends.
const NEEDS_QUOTES = /[",;\t\r\n]/;

/** RFC 4180: a field holding a quote, a delimiter or a line break is quoted, quotes doubled. */
export function quoteField(s: string): string {
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A text cell: formulas neutralised, quoted where needed. */
export function csvText(s: string): string {
  return quoteField(neutralize(s));
}

/** A cell of a table: text as csvText, a number plainly (a negative number is a number, not a formula), null empty. */
export function csvCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? plainNumber(v) : '';
  return csvText(v);
}

/** One line of already written cells. */
export function csvLine(cells: readonly string[]): string {
  return cells.join(',');
}

/** A whole file of written lines: BOM (so Excel reads UTF-8), CRLF after every line. */
export function csvDocument(lines: readonly string[]): string {
  return CSV_BOM + lines.map((l) => l + CSV_EOL).join('');
}

/** A table of cells (first row the header) as a CSV file. */
export function tableCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>): string {
  return csvDocument(rows.map((r) => csvLine(r.map(csvCell))));
}
