// Warnings and header mappings are stored as arrays of tuples: ten thousand warnings as tuples
// clone and store several times faster than as objects with repeated property names.
import type { HeaderMapping, Issue } from '@/domain/types';
import type { CompactHeader, CompactIssue } from './database';

export function packIssues(issues: readonly Issue[]): CompactIssue[] {
  return issues.map((i) => [i.row, i.column, i.message, i.code, i.recordKey ?? null]);
}

export function unpackIssues(packed: readonly CompactIssue[]): Issue[] {
  return packed.map(([row, column, message, code, recordKey]) => {
    const issue: Issue = { row, column, message, code };
    if (recordKey !== null) issue.recordKey = recordKey;
    return issue;
  });
}

export function packHeaders(headers: readonly HeaderMapping[]): CompactHeader[] {
  return headers.map((h) => [h.written, h.index, h.field, h.scale, h.unit]);
}

export function unpackHeaders(packed: readonly CompactHeader[]): HeaderMapping[] {
  return packed.map(([written, index, field, scale, unit]) => ({ written, index, field, scale, unit }));
}
