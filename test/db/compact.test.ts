// Stored warnings: codes and parameters survive storage, with their sheet and record; warnings
// stored as sentences by earlier versions are read back as they were written.
import { describe, expect, it } from 'vitest';
import { packIssues, unpackIssues } from '@/db/compact';
import { issue, type Issue } from '@/domain/issues';

describe('packIssues / unpackIssues', () => {
  it('gives back the same issues: code, parameters, place, sheet and record', () => {
    const issues: Issue[] = [
      { ...issue('over_budget', { expenditure: 120, budget: 100 }, 3, '支出'), recordKey: 'k1' },
      { ...issue('unknown_column', { column: '联系人' }, 1, '联系人'), sheet: 'Sheet1' },
      issue('empty_file', {}),
    ];
    const packed = packIssues(issues);
    expect(packed.every((t) => t.length === 6)).toBe(true);
    expect(unpackIssues(structuredClone(packed))).toEqual(issues);
  });

  it('reads a sentence stored by an earlier version as stored_message, keeping its place and record', () => {
    expect(unpackIssues([[2, '预算执行率', '预算执行率与支出÷预算不符', 'rate_mismatch', 'k']])).toEqual([
      {
        row: 2,
        column: '预算执行率',
        code: 'stored_message',
        params: { text: '预算执行率与支出÷预算不符' },
        recordKey: 'k',
      },
    ]);
  });
});
