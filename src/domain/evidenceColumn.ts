// The evidence column (出处) of records, indicators and funds (data contract, "Evidence"): where
// each figure of a row was read, one entry a line, `field: location「text」`, e.g.
// `全年执行数: Sheet1!E7「90.00」` or `得分: 表1 第4行 得分「8.5」`. The field is named by its
// label (without unit), the location as a reader finds it, the text exactly as the document shows
// it. A value worked out from others ends with `（推算）`. Written and read here only, so that
// forms, reports and the views agree on it.
import { fieldOfLabel } from './headers';
import { SCHEMA } from './schema';
import type { Kind } from './types';

export interface EvidenceEntry {
  /** The canonical field name; as written when it names no field of the kind. */
  field: string;
  location: string;
  text: string;
  /** Worked out from other figures (the location and text are those of the figure it rests on). */
  derived?: boolean;
}

const DERIVED = '（推算）';
const OPEN = '「';
const CLOSE = '」';

/** The field's label without its unit in brackets: `全年执行数（万元）` → `全年执行数`. */
export function evidenceLabel(kind: Kind, field: string): string {
  const spec = SCHEMA[kind].find((s) => s.name === field);
  return spec ? spec.label.replace(/[（(][^（）()]*[）)]$/, '') : field;
}

/** Backslash before `\`, the brackets, and line breaks (as `\n` `\r`), so that an entry stays one line. */
function escape(s: string): string {
  return s.replace(/[\\「」\n\r]/g, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : `\\${c}`));
}

function unescape(s: string): string {
  return s.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c));
}

/** The column's text for a row: one line per entry. */
export function writeEvidence(kind: Kind, entries: readonly EvidenceEntry[]): string {
  return entries
    .map(
      (e) =>
        `${escape(evidenceLabel(kind, e.field))}: ${escape(e.location)}${OPEN}${escape(e.text)}${CLOSE}${e.derived ? DERIVED : ''}`,
    )
    .join('\n');
}

/** Index of the first unescaped `ch` in s from `from`, or -1. */
function unescapedIndex(s: string, ch: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === ch) return i;
  }
  return -1;
}

/**
 * The entries of a column's text. A line that does not follow the form (typed by hand) is kept
 * whole as its location, with no field and no text, so nothing written there is lost.
 */
export function readEvidence(kind: Kind, text: string): EvidenceEntry[] {
  const out: EvidenceEntry[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const colon = /[:：]\s?/.exec(line);
    const open = colon ? unescapedIndex(line, OPEN, colon.index) : -1;
    const close = open >= 0 ? unescapedIndex(line, CLOSE, open + 1) : -1;
    if (!colon || open < 0 || close < 0) {
      out.push({ field: '', location: line.trim(), text: '' });
      continue;
    }
    const written = unescape(line.slice(0, colon.index)).trim();
    const entry: EvidenceEntry = {
      field: fieldOfLabel(kind, written) ?? written,
      location: unescape(line.slice(colon.index + colon[0].length, open)).trim(),
      text: unescape(line.slice(open + 1, close)),
    };
    if (line.slice(close + 1).trim() === DERIVED) entry.derived = true;
    out.push(entry);
  }
  return out;
}
