import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evidenceLabel, readEvidence, writeEvidence, type EvidenceEntry } from '@/domain/evidenceColumn';
import { SCHEMA } from '@/domain/schema';
import { KINDS } from '@/domain/types';

describe('the evidence column (出处)', () => {
  it('writes one entry a line: label, location, the text in 「」, derived values marked', () => {
    const text = writeEvidence('records', [
      { field: 'expenditure', location: 'Sheet1!E7', text: '90.00' },
      { field: 'execution_rate', location: 'Sheet1!E7', text: '90.00', derived: true },
      { field: 'agency', location: '表1 第2行 实施单位', text: '北京市朝阳区投资促进服务中心' },
    ]);
    expect(text.split('\n')).toEqual([
      '全年执行数: Sheet1!E7「90.00」',
      '预算执行率: Sheet1!E7「90.00」（推算）',
      '单位名称: 表1 第2行 实施单位「北京市朝阳区投资促进服务中心」',
    ]);
  });

  it('reads what it writes back to the canonical fields', () => {
    expect(readEvidence('indicators', '得分: 表1 第4行 得分「8.5」\n分值: Sheet1!G9「10」')).toEqual([
      { field: 'score', location: '表1 第4行 得分', text: '8.5' },
      { field: 'weight', location: 'Sheet1!G9', text: '10' },
    ]);
  });

  it('accepts any alias or the canonical name as the field, and a full-width colon', () => {
    expect(readEvidence('records', '实际支出：S!B2「5」\nbudget: S!C2「6」').map((e) => e.field)).toEqual([
      'expenditure',
      'budget',
    ]);
  });

  it('keeps a line typed by hand that does not follow the form, whole', () => {
    expect(readEvidence('funds', '见报告第5页')).toEqual([{ field: '', location: '见报告第5页', text: '' }]);
  });

  it('text with line breaks, brackets and backslashes stays on one line and comes back exact', () => {
    const entry = { field: 'note', location: '表2 第3行 说明「甲」', text: '第一行\n第二行「引文」\\末尾' };
    const text = writeEvidence('records', [entry]);
    expect(text).not.toContain('\n');
    expect(readEvidence('records', text)).toEqual([entry]);
  });

  it('labels are the fields’ labels without their unit, and each names its field again', () => {
    for (const kind of KINDS)
      for (const spec of SCHEMA[kind]) {
        const label = evidenceLabel(kind, spec.name);
        expect(label).not.toMatch(/[（(]/);
        expect(readEvidence(kind, `${label}: x「y」`)[0]!.field).toBe(spec.name);
      }
  });

  it('property: any entries of known fields round-trip', () => {
    const text = fc.string({ unit: fc.constantFrom('a', '甲', '「', '」', '\\', '\n', ' ', ':', '：', 'n') });
    for (const kind of KINDS) {
      const entry: fc.Arbitrary<EvidenceEntry> = fc
        .record({
          field: fc.constantFrom(...SCHEMA[kind].map((s) => s.name)),
          location: text.filter((s) => s.trim() === s && s !== ''),
          text,
          derived: fc.boolean(),
        })
        .map(({ derived, ...e }) => (derived ? { ...e, derived } : e));
      fc.assert(
        fc.property(fc.array(entry, { maxLength: 6 }), (entries) => {
          expect(readEvidence(kind, writeEvidence(kind, entries))).toEqual(entries);
        }),
        { numRuns: 150 },
      );
    }
  });
});
