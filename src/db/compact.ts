// Warnings and header mappings are stored as arrays of tuples: ten thousand warnings as tuples
// clone and store several times faster than as objects with repeated property names (a warning's
// parameters are one JSON string for the same reason).
import { issue, type Issue, type IssueParams } from '@/domain/issues';
import type { HeaderMapping } from '@/domain/types';
import type { CompactHeader, CompactIssue, CompactIssueV1 } from './database';

export function packIssues(issues: readonly Issue[]): CompactIssue[] {
  return issues.map((i) => {
    const params = JSON.stringify(i.params);
    const base = [i.row, i.column, i.code, params, i.recordKey ?? null, i.sheet ?? null] as const;
    if (i.cell === undefined && i.location === undefined && i.file === undefined) return [...base];
    return [...base, i.cell ?? null, i.location ?? null, i.file ?? null];
  });
}

/**
 * The stored issues. Batches committed by versions that stored sentences hold five-element
 * tuples: they are kept as they were written, as `stored_message` with the text (nothing else
 * can be known of them). They are not rewritten on upgrade: reading both forms costs nothing.
 */
export function unpackIssues(packed: ReadonlyArray<CompactIssue | CompactIssueV1>): Issue[] {
  return packed.map((t) => {
    const out: Issue =
      t.length === 5
        ? issue('stored_message', { text: t[2] }, t[0], t[1])
        : ({ row: t[0], column: t[1], code: t[2], params: JSON.parse(t[3]) as IssueParams } as Issue);
    if (t[4] !== null) out.recordKey = t[4];
    if (t.length >= 6 && t[5] !== null) out.sheet = t[5];
    if (t.length === 9) {
      if (t[6] !== null) out.cell = t[6];
      if (t[7] !== null) out.location = t[7];
      if (t[8] !== null) out.file = t[8];
    }
    return out;
  });
}

export function packHeaders(headers: readonly HeaderMapping[]): CompactHeader[] {
  return headers.map((h) => [h.written, h.index, h.field, h.scale, h.unit]);
}

export function unpackHeaders(packed: readonly CompactHeader[]): HeaderMapping[] {
  return packed.map(([written, index, field, scale, unit]) => ({ written, index, field, scale, unit }));
}
