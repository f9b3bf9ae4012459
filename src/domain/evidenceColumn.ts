// The evidence column (出处) of every kind (data contract, "Evidence"): where each figure of a row
// was read, one entry a line, `field: location「text」`, e.g. `全年执行数: Sheet1!E7「90.00」` or
// `得分: 表1 第4行 得分「8.5」`. The field is named by its label (without unit), the location as a
// reader finds it, the text exactly as the document shows it. After the text, marks in full-width
// brackets say more:
//
//   （推算）                                   worked out from other figures (the text is the one it rests on)
//   （更正，原为「5169.65」）                  corrected by the analyst; the value read was 5169.65
//   （更正，原为「5169.65」，理由「……」）      … and why
//   （另见「5,233.00」：第31段「……」）         the report also states it as 5,233.00, there, in those words
//
// A figure with an `另见` mark is disputed: the report says two things and the value kept is the
// row's. Values in marks are as written (a number as stored, a grade); an empty original `「」` is
// a value the analyst added where none was read. Written and read here only, so that forms,
// reports, the review, the record view and the charts agree on it.
import { fieldOfLabel } from './headers';
import { SCHEMA } from './schema';
import type { Kind } from './types';

/** Another statement of the same figure in the document: its value, where it stands, its words. */
export interface OtherStatement {
  value: string;
  location: string;
  text: string;
}

export interface EvidenceEntry {
  /** The canonical field name; as written when it names no field of the kind. */
  field: string;
  location: string;
  text: string;
  /** Worked out from other figures (the location and text are those of the figure it rests on). */
  derived?: boolean;
  /** Changed by the analyst before the commit: the value read (as written; '' for none), and why. */
  corrected?: { from: string; reason?: string };
  /** The document states this figure elsewhere with another value: each other statement. */
  disputed?: OtherStatement[];
}

const DERIVED = '（推算）';
const OPEN = '「';
const CLOSE = '」';
const CORRECTED = '（更正，原为';
const REASON = '，理由';
const ALSO = '（另见';
const MARK_END = '）';

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

const quoted = (s: string): string => `${OPEN}${escape(s)}${CLOSE}`;

function marks(e: EvidenceEntry): string {
  let out = e.derived ? DERIVED : '';
  if (e.corrected) {
    const reason = e.corrected.reason ? `${REASON}${quoted(e.corrected.reason)}` : '';
    out += `${CORRECTED}${quoted(e.corrected.from)}${reason}${MARK_END}`;
  }
  for (const d of e.disputed ?? [])
    out += `${ALSO}${quoted(d.value)}：${escape(d.location)}${quoted(d.text)}${MARK_END}`;
  return out;
}

/** The column's text for a row: one line per entry. */
export function writeEvidence(kind: Kind, entries: readonly EvidenceEntry[]): string {
  return entries
    .map((e) => `${escape(evidenceLabel(kind, e.field))}: ${escape(e.location)}${quoted(e.text)}${marks(e)}`)
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

/** Reads the marks after an entry's text; false when the tail is not made of marks (then it is not read). */
function readMarks(tail: string, entry: EvidenceEntry): boolean {
  let at = 0;
  /** The 「…」 that starts at `at` (after white space); its text, and moves past it. */
  const take = (): string | null => {
    while (tail[at] === ' ') at++;
    if (tail[at] !== OPEN) return null;
    const close = unescapedIndex(tail, CLOSE, at + 1);
    if (close < 0) return null;
    const text = unescape(tail.slice(at + 1, close));
    at = close + 1;
    return text;
  };
  const expect = (word: string): boolean => {
    while (tail[at] === ' ') at++;
    if (!tail.startsWith(word, at)) return false;
    at += word.length;
    return true;
  };
  while (at < tail.length) {
    if (tail.slice(at).trim() === '') break;
    if (expect(DERIVED)) entry.derived = true;
    else if (expect(CORRECTED)) {
      const from = take();
      if (from === null) return false;
      let reason: string | null = null;
      if (expect(REASON)) {
        reason = take();
        if (reason === null) return false;
      }
      if (!expect(MARK_END)) return false;
      entry.corrected = reason === null ? { from } : { from, reason };
    } else if (expect(ALSO)) {
      const value = take();
      if (value === null) return false;
      if (!expect('：')) expect(':');
      const open = unescapedIndex(tail, OPEN, at);
      if (open < 0) return false;
      const location = unescape(tail.slice(at, open)).trim();
      at = open;
      const text = take();
      if (text === null || !expect(MARK_END)) return false;
      (entry.disputed ??= []).push({ value, location, text });
    } else return false;
  }
  return true;
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
    const written = colon ? unescape(line.slice(0, colon.index)).trim() : '';
    const entry: EvidenceEntry | null =
      colon && open >= 0 && close >= 0
        ? {
            field: fieldOfLabel(kind, written) ?? written,
            location: unescape(line.slice(colon.index + colon[0].length, open)).trim(),
            text: unescape(line.slice(open + 1, close)),
          }
        : null;
    if (entry === null || !readMarks(line.slice(close + 1), entry)) {
      out.push({ field: '', location: line.trim(), text: '' });
      continue;
    }
    out.push(entry);
  }
  return out;
}

/**
 * Where a row's `field` was read, from its evidence; '' when the evidence does not say. A finding
 * cites the place of its text (内容), not the agency's name that leads its evidence.
 */
export function placeOf(kind: Kind, evidence: string, field: string): string {
  return readEvidence(kind, evidence).find((e) => e.field === field)?.location ?? '';
}

/** How a value was obtained, as the evidence says: read as written, derived, or corrected by the analyst. */
export function howOf(e: EvidenceEntry): 'read' | 'derived' | 'corrected' {
  return e.corrected ? 'corrected' : e.derived ? 'derived' : 'read';
}

/** The fields of a row whose evidence says the document disputes them. */
export function disputedFields(kind: Kind, evidence: string): Set<string> {
  const out = new Set<string>();
  if (!evidence.includes(ALSO)) return out;
  for (const e of readEvidence(kind, evidence)) if (e.disputed && e.disputed.length > 0) out.add(e.field);
  return out;
}

/** Whether the evidence says the row's `field` was worked out, not read (a rate the file does not state). */
export function isDerived(kind: Kind, evidence: string, field: string): boolean {
  if (!evidence.includes(DERIVED)) return false;
  return readEvidence(kind, evidence).some((e) => e.field === field && e.derived === true);
}

let derivedRateLine: string | null = null;

/**
 * `evidence` with the execution rate marked as derived, for a record whose file does not state
 * it (the importer stores 执行数 ÷ 预算数): kept in the row, the mark survives an export and its
 * import, where the rate comes back as a stated figure. An entry the evidence has for the rate
 * already (a form's, from the cell it rests on) is left as it is.
 */
export function withDerivedRate(evidence: string): string {
  derivedRateLine ??= writeEvidence('records', [{ field: 'execution_rate', location: '', text: '', derived: true }]);
  if (evidence === '') return derivedRateLine;
  if (readEvidence('records', evidence).some((e) => e.field === 'execution_rate')) return evidence;
  return `${evidence}\n${derivedRateLine}`;
}
