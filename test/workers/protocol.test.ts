// The pure helpers both sides of the import worker share.
import { describe, expect, test } from 'vitest';
import Dexie from 'dexie';
import { importOrder, isQuotaError, rowChanges, summarizeDiff } from '@/workers/protocol';
import { sniffKind } from '@/domain/upload/sniff';
import type { FundLine, PerfRecord } from '@/domain/types';
import { fixtureBytes } from './helpers';

const base: PerfRecord = {
  agency: '北京市西城区示例中心',
  year: 2023,
  scope: 'project',
  project: '宣传经费',
  region: '',
  budget_initial: null,
  budget: 100,
  expenditure: 90,
  execution_rate: 90,
  budget_basic: null,
  budget_project: null,
  expenditure_basic: null,
  expenditure_project: null,
  carryover: null,
  carryover_rate: null,
  final_accounts: null,
  budget_final_diff_rate: null,
  score: 85,
  grade: '良',
  evaluator: '',
  source: '',
  note: '',
  evidence: '',
};

describe('rowChanges', () => {
  test('lists the changed fields in the schema order, with old and new values', () => {
    const after: PerfRecord = { ...base, budget: 120, execution_rate: 75, grade: null, note: '修订' };
    expect(rowChanges('records', base, after)).toEqual([
      { field: 'budget', before: 100, after: 120 },
      { field: 'execution_rate', before: 90, after: 75 },
      { field: 'grade', before: '良', after: null },
      { field: 'note', before: '', after: '修订' },
    ]);
  });

  test('a repeated row changes nothing; a missing value and an empty text are the same', () => {
    expect(rowChanges('records', base, { ...base })).toEqual([]);
    expect(rowChanges('records', { ...base, grade: null }, { ...base, grade: '' as never })).toEqual([]);
  });
});

describe('summarizeDiff', () => {
  test('keeps the counts, caps the list and names each row by its record and line', () => {
    const fund: FundLine = {
      agency: 'A局',
      year: 2024,
      scope: 'department',
      project: '',
      category: 'source',
      item: '财政拨款',
      budget: 1,
      contract: null,
      expenditure: 1,
      source: '',
      evidence: '',
    };
    const superseded = Array.from({ length: 5 }, (_, i) => ({
      key: `k${i}`,
      before: fund,
      after: { ...fund, budget: i + 2 },
    }));
    const s = summarizeDiff('funds', { newKeys: 3, supersededCount: 5, superseded }, 2);
    expect(s.newKeys).toBe(3);
    expect(s.supersededCount).toBe(5);
    expect(s.superseded).toHaveLength(2);
    expect(s.superseded[0]!.identity).toEqual({
      agency: 'A局',
      year: 2024,
      scope: 'department',
      project: '',
      levels: [],
      category: 'source',
      item: '财政拨款',
      finding: null,
    });
    expect(s.superseded[1]!.changes).toEqual([{ field: 'budget', before: 1, after: 3 }]);
  });
});

describe('isQuotaError', () => {
  test("recognises the DOMException and Dexie's wrapper of it, and nothing else", () => {
    const dom = new DOMException('quota', 'QuotaExceededError');
    expect(isQuotaError(dom)).toBe(true);
    expect(isQuotaError(new Dexie.AbortError('aborted', dom))).toBe(true);
    expect(isQuotaError(new Error('boom'))).toBe(false);
    expect(isQuotaError(new DOMException('x', 'ConstraintError'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });
});

describe('ordering an upload', () => {
  test('records first, then indicators, funds and unreadable files, otherwise as chosen', () => {
    const items = [
      { index: 0, kind: 'funds' as const },
      { index: 1, kind: null },
      { index: 2, kind: 'indicators' as const },
      { index: 3, kind: 'records' as const },
      { index: 4, kind: 'records' as const },
    ];
    expect(importOrder(items).map((i) => i.index)).toEqual([3, 4, 2, 0, 1]);
  });

  test('sniffKind tells the kind from the header row, in UTF-8 or GBK', () => {
    const enc = new TextEncoder();
    expect(sniffKind(fixtureBytes('records-gbk.csv'))).toBe('records');
    expect(sniffKind(fixtureBytes('indicators-errors.csv'))).toBe('indicators');
    expect(sniffKind(enc.encode('\uFEFF单位名称;年度;评价类型;项目名称;类别;明细\n'))).toBe('funds');
    expect(sniffKind(fixtureBytes('unknown-headers.csv'))).toBeNull();
    expect(sniffKind(new Uint8Array())).toBeNull();
  });
});
