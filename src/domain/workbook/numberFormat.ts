// What a cell's number format says about its value: a percent (0.9692 shown as 96.92%), a date
// (a serial day number), or a plain number. Formats are read from the format code itself, so
// that every workbook format (.xlsx, .xls, .ods, .et) is treated alike.

/** The format code with its quoted literals, escaped characters and colour/condition brackets removed. */
function bare(format: string): string {
  return format
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/_.|\*./g, '');
}

/** What a format code shows, worked out once per code (a workbook has a handful, used by every cell). */
const KIND_OF = new Map<string, 'percent' | 'date' | 'number'>();

function formatKind(format: string): 'percent' | 'date' | 'number' {
  let kind = KIND_OF.get(format);
  if (kind === undefined) {
    const b = bare(format).toLowerCase();
    if (b.includes('%')) kind = 'percent';
    else if (b !== 'general' && b !== '' && /[ymdhs]/.test(b.replace(/general/g, ''))) kind = 'date';
    else kind = 'number';
    if (KIND_OF.size > 1000) KIND_OF.clear();
    KIND_OF.set(format, kind);
  }
  return kind;
}

/** True when the format shows the number as a percentage (`0.00%`, `0%`). */
export function isPercentFormat(format: string | undefined): boolean {
  return format !== undefined && formatKind(format) === 'percent';
}

/** True when the format shows the number as a date or time (`yyyy-mm-dd`, `yyyy"年"m"月"d"日"`). */
export function isDateFormat(format: string | undefined): boolean {
  return format !== undefined && formatKind(format) === 'date';
}

/**
 * The calendar year of a spreadsheet date serial (days since 1899-12-30 in the 1900 date system,
 * which is what Excel, WPS and LibreOffice all produce once the 1900 leap-year bug is allowed
 * for: serials from 61 on are exact). `date1904` shifts by the 1,462 days between the systems.
 */
export function serialYear(serial: number, date1904 = false): number {
  const days = Math.floor(serial) + (date1904 ? 1462 : 0);
  const ms = Date.UTC(1899, 11, 30) + days * 86_400_000;
  return new Date(ms).getUTCFullYear();
}

/**
 * Multiplies a fraction by 100 without binary noise: 0.9692 → 96.92, not 96.92000000000002. The
 * decimal point of the number's shortest decimal form is moved, so every digit it has is kept.
 */
export function percentPoints(fraction: number): number {
  return shiftDecimal(fraction, 2);
}

/** The fraction a percent cell stores for `points` percent: 96.92 → 0.9692 (not 0.9691999999999998). */
export function percentFraction(points: number): number {
  return shiftDecimal(points, -2);
}

function shiftDecimal(x: number, places: number): number {
  if (!Number.isFinite(x)) return x * 10 ** places;
  const [mantissa, exponent = '0'] = String(x).split('e');
  return Number(`${mantissa}e${Number(exponent) + places}`);
}
