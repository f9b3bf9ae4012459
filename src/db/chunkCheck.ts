// Nothing stored is trusted blindly: every chunk read from IndexedDB is checked before its rows are
// used. A disk error, a browser bug, an extension or a person with the DevTools can leave a chunk
// with a column too short, dictionary codes that point nowhere, numbers that are no figures, or
// figures quietly changed (a budget ×10). The structural checks catch the first kinds; a checksum
// written at commit catches the last. Chunks written before checksums existed get the structural
// checks only.
import type { Problem } from '@/domain/issues';
import { numericFields, SCHEMA, textFields } from '@/domain/schema';
import { GRADES, type Kind } from '@/domain/types';
import type { StoredChunk } from './database';
import { runSteps, type Steps } from '@/domain/steps';
import { isDictColumn, type StoredTextColumn } from './textCodec';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 16777619;

/** Mixes a 32-bit word into the running hash. */
function mix(h: number, word: number): number {
  return Math.imul(h ^ word, FNV_PRIME);
}

function mixString(h: number, s: string): number {
  h = mix(h, s.length);
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

function mixNumbers(h: number, col: Float64Array): number {
  const words = new Uint32Array(col.buffer, col.byteOffset, col.length * 2);
  h = mix(h, words.length);
  for (let i = 0; i < words.length; i++) h = Math.imul(h ^ words[i]!, FNV_PRIME);
  return h;
}

function mixText(h: number, col: StoredTextColumn): number {
  if (isDictColumn(col)) {
    h = mix(h, col.dict.length);
    for (const s of col.dict) h = mixString(h, s);
    const codes = col.codes;
    for (let i = 0; i < codes.length; i++) h = Math.imul(h ^ codes[i]!, FNV_PRIME);
    return h;
  }
  h = mix(h, -1);
  for (const s of col) h = mixString(h, s);
  return h;
}

/** chunkChecksum a column per step. */
function* checksumSteps(
  kind: Kind,
  length: number,
  text: Readonly<Record<string, StoredTextColumn>>,
  num: Readonly<Record<string, Float64Array>>,
): Steps<number> {
  let h = mix(FNV_OFFSET, length);
  for (const f of numericFields(kind)) {
    const col = num[f];
    if (!col) continue;
    h = mixNumbers(h, col);
    yield;
  }
  for (const f of textFields(kind)) {
    const col = text[f];
    if (!col) continue;
    h = mixText(h, col);
    yield;
  }
  return h >>> 0;
}

/**
 * The checksum of a chunk as stored: its length, every numeric column's bytes and every text
 * column as stored (dictionary and codes, or plain strings), in the schema's order. 32 bits: a
 * random change goes unnoticed once in four billion times.
 */
export function chunkChecksum(
  kind: Kind,
  length: number,
  text: Readonly<Record<string, StoredTextColumn>>,
  num: Readonly<Record<string, Float64Array>>,
): number {
  return runSteps(checksumSteps(kind, length, text, num));
}

/** Where a chunk is damaged: the storage code (src/domain/codes/storage.ts) and the column, if one. */
export type ChunkFault =
  | { code: 'chunk_header' | 'chunk_checksum'; field: null }
  | { code: 'chunk_column' | 'chunk_codes' | 'chunk_number' | 'chunk_value'; field: string };

/** The values an enumerated text column may hold. */
const ALLOWED: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['scope', new Set(['department', 'project'])],
  ['category', new Set(['source', 'line_item'])],
  ['grade', new Set<string>(['', ...GRADES])],
]);

/** Stored chunks never hold more rows than this (current.ts SEQ_STRIDE). */
const MAX_CHUNK_ROWS = 1_048_575;

function textFault(field: string, col: unknown, length: number): ChunkFault | null {
  const allowed = ALLOWED.get(field);
  if (Array.isArray(col)) {
    if (col.length !== length) return { code: 'chunk_column', field };
    for (const s of col) {
      if (typeof s !== 'string') return { code: 'chunk_column', field };
      if (allowed && !allowed.has(s)) return { code: 'chunk_value', field };
    }
    return null;
  }
  if (typeof col !== 'object' || col === null) return { code: 'chunk_column', field };
  const { dict, codes } = col as { dict?: unknown; codes?: unknown };
  if (!Array.isArray(dict) || !(codes instanceof Uint16Array || codes instanceof Uint32Array))
    return { code: 'chunk_column', field };
  if (codes.length !== length) return { code: 'chunk_column', field };
  for (const s of dict) {
    if (typeof s !== 'string') return { code: 'chunk_column', field };
    if (allowed && !allowed.has(s)) return { code: 'chunk_value', field };
  }
  const n = dict.length;
  for (let i = 0; i < codes.length; i++) if (codes[i]! >= n) return { code: 'chunk_codes', field };
  return null;
}

/**
 * Numbers a figure can be: NaN (no value) or finite; years whole, from 1990 to 2100 and present;
 * amounts and points never negative (the importer has always refused both).
 */
function numberFault(kind: Kind, field: string, col: unknown, length: number): ChunkFault | null {
  if (!(col instanceof Float64Array) || col.length !== length) return { code: 'chunk_column', field };
  const type = SCHEMA[kind].find((f) => f.name === field)?.type;
  const signed = type === 'percent';
  for (let i = 0; i < col.length; i++) {
    const v = col[i]!;
    if (field === 'year') {
      if (!Number.isInteger(v) || v < 1990 || v > 2100) return { code: 'chunk_number', field };
    } else if (v !== v) continue;
    else if (v === Infinity || v === -Infinity || (!signed && v < 0)) return { code: 'chunk_number', field };
  }
  return null;
}

/**
 * What is wrong with a stored chunk of a batch of `kind`, or null when it can be trusted: its kind
 * and length, every column of the kind present, as long as the chunk and of the right type,
 * dictionary codes in range, enumerations among the contract's values, numbers finite, years
 * whole, and the checksum written at commit (when there is one). A column per step.
 */
export function* chunkFaultSteps(stored: StoredChunk, kind: Kind): Steps<ChunkFault | null> {
  const { length } = stored;
  if (stored.kind !== kind || !Number.isInteger(length) || length < 0 || length > MAX_CHUNK_ROWS)
    return { code: 'chunk_header', field: null };
  const text = (stored.text ?? {}) as Record<string, unknown>;
  const num = (stored.num ?? {}) as Record<string, unknown>;
  for (const f of textFields(kind)) {
    const fault = textFault(f, Object.prototype.hasOwnProperty.call(text, f) ? text[f] : undefined, length);
    if (fault) return fault;
    yield;
  }
  for (const f of numericFields(kind)) {
    const fault = numberFault(kind, f, Object.prototype.hasOwnProperty.call(num, f) ? num[f] : undefined, length);
    if (fault) return fault;
    yield;
  }
  if (stored.sum !== undefined && stored.sum !== (yield* checksumSteps(kind, length, stored.text, stored.num)))
    return { code: 'chunk_checksum', field: null };
  return null;
}

/** chunkFaultSteps, all at once. */
export function chunkFault(stored: StoredChunk, kind: Kind): ChunkFault | null {
  return runSteps(chunkFaultSteps(stored, kind));
}

/** The problem a fault of chunk `seq` of batch `id` (of file `file`) means, for the page. */
export function faultProblem(fault: ChunkFault, id: number, file: string, seq: number, kind: Kind): Problem {
  if (fault.field === null) return { code: fault.code, params: { id, file, seq } } as Problem;
  return { code: fault.code, params: { id, file, seq, kind, field: fault.field } } as Problem;
}
