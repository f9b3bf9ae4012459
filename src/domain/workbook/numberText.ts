// A number cell's text as the spreadsheet shows it. The text is only what the cell displays
// (evidence, text columns); values are always the typed number. The formats workbooks use most
// (General, 0, 0.00, #,##0.00, 0%, 0.00%, @) are written here; any other format is written by
// SheetJS's SSF when the caller has loaded it (a date, a fraction, a currency …), else as General.
import type { SSF } from './sheetjs';

/** Excel's General format: at most 11 characters, switching to scientific notation for very large or small numbers. */
export function generalText(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const s = String(x);
  if (s.length <= 11 && !s.includes('e')) return s;
  const abs = Math.abs(x);
  if (abs >= 1e11 || (abs !== 0 && abs < 1e-9)) {
    const [mantissa = '0', exp = '0'] = x.toExponential(5).split('e');
    const m = mantissa.includes('.') ? mantissa.replace(/0+$/, '').replace(/\.$/, '') : mantissa;
    const e = Number(exp);
    return `${m}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  const intDigits = abs < 1 ? 1 : Math.floor(Math.log10(abs)) + 1;
  const decimals = Math.max(0, 11 - (x < 0 ? 1 : 0) - intDigits - 1);
  const fixed = x.toFixed(decimals);
  return fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
}

/** `0`, `0.00`, `#,##0`, `#,##0.00`, `0%`, `0.00%` (with an optional negative section in parentheses or with a minus). */
const SIMPLE = /^(#,##)?0(\.0+)?(%)?$/;

function grouped(int: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Round half away from zero, as spreadsheets do (toFixed rounds the binary value: 1.005 → "1.00"). */
function fixed(x: number, decimals: number): string {
  const shifted = Number(`${Math.abs(x)}e${decimals}`);
  const rounded = Number(`${Math.round(shifted)}e-${decimals}`);
  return (x < 0 && rounded !== 0 ? -rounded : rounded).toFixed(decimals);
}

function simpleText(x: number, m: RegExpExecArray): string {
  const decimals = m[2] ? m[2].length - 1 : 0;
  const v = m[3] ? x * 100 : x;
  const s = fixed(v, decimals);
  const negative = s.startsWith('-');
  const [int = '0', frac] = (negative ? s.slice(1) : s).split('.');
  const body = (m[1] ? grouped(int) : int) + (frac !== undefined ? `.${frac}` : '') + (m[3] ? '%' : '');
  return negative ? `-${body}` : body;
}

/** True when the format is one this module writes without SSF. */
export function isSimpleFormat(format: string | undefined): boolean {
  return format === undefined || format === 'General' || format === '@' || SIMPLE.test(format);
}

/** Writes numbers as their cells show them; `ssf` writes the formats that are not simple. */
export class NumberText {
  constructor(private readonly ssf: SSF | null) {}

  text(x: number, format: string | undefined): string {
    if (format === undefined || format === 'General' || format === '@') return generalText(x);
    const m = SIMPLE.exec(format);
    if (m) return simpleText(x, m);
    if (this.ssf === null) return generalText(x);
    try {
      return String(this.ssf.format(format, x));
    } catch {
      return generalText(x);
    }
  }
}
