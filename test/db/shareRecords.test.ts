// shareRecords lets a commit or preview skip per-row key hashing when a file brings only new
// records; it must say "shared" whenever any row of one side belongs to a record of the other.
import { describe, expect, it } from 'vitest';
import { shareRecords } from '@/db/chunkOps';
import { rowsToChunks } from '@/domain/columns';
import { indicator } from './helpers';

describe('shareRecords', () => {
  const a = indicator({ agency: '甲', year: 2023, scope: 'project', project: '活动', level1: '产出' });
  const a2 = { ...a, level1: '效益' };
  const sameButYear = { ...a, year: 2024 };
  const sameButProject = { ...a, project: '另一活动' };
  const sameButScope = { ...a, scope: 'department' as const, project: '' };
  const other = indicator({ agency: '乙', year: 2023, scope: 'department', project: '' });

  it('finds a shared record in any chunk and at any row, also in the middle of a run', () => {
    const stored = rowsToChunks('indicators', [other, other, a], 2);
    const incoming = rowsToChunks('indicators', [sameButYear, sameButYear, sameButProject, a2, sameButScope], 2);
    expect(shareRecords(stored, incoming)).toBe(true);
    expect(shareRecords(incoming, stored)).toBe(true);
  });

  it('says no when records differ in any one key field', () => {
    const stored = rowsToChunks('indicators', [a, a2], 1);
    expect(
      shareRecords(stored, rowsToChunks('indicators', [sameButYear, sameButProject, sameButScope, other], 3)),
    ).toBe(false);
    expect(shareRecords(stored, [])).toBe(false);
    expect(shareRecords([], stored)).toBe(false);
  });
});
