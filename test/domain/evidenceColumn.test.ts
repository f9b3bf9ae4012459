import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  disputedFields,
  evidenceLabel,
  howOf,
  placeOf,
  readEvidence,
  writeEvidence,
  type EvidenceEntry,
} from '@/domain/evidenceColumn';
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

describe('the evidence column: corrections and disputes', () => {
  it('writes a correction with the value read, and its reason when there is one', () => {
    const text = writeEvidence('records', [
      { field: 'final_accounts', location: '第20段', text: '决算数为5,169.66万元', corrected: { from: '5169.66' } },
      {
        field: 'carryover',
        location: '',
        text: '',
        corrected: { from: '', reason: '审定预算 112.33 − 实际支出 111.13' },
      },
    ]);
    expect(text.split('\n')).toEqual([
      '决算数: 第20段「决算数为5,169.66万元」（更正，原为「5169.66」）',
      '结转结余资金: 「」（更正，原为「」，理由「审定预算 112.33 − 实际支出 111.13」）',
    ]);
    expect(readEvidence('records', text)).toEqual([
      { field: 'final_accounts', location: '第20段', text: '决算数为5,169.66万元', corrected: { from: '5169.66' } },
      {
        field: 'carryover',
        location: '',
        text: '',
        corrected: { from: '', reason: '审定预算 112.33 − 实际支出 111.13' },
      },
    ]);
  });

  it('writes each other statement of a disputed figure with its value, place and words', () => {
    const entry: EvidenceEntry = {
      field: 'budget',
      location: '第7段',
      text: '预算安排281.28万元',
      disputed: [
        { value: '282.28', location: '第43段', text: '财政总预算安排282.28万元' },
        { value: '280', location: '表1 第2行 预算数', text: '280.00' },
      ],
    };
    const text = writeEvidence('records', [entry]);
    expect(text).toBe(
      '全年预算数: 第7段「预算安排281.28万元」（另见「282.28」：第43段「财政总预算安排282.28万元」）（另见「280」：表1 第2行 预算数「280.00」）',
    );
    expect(readEvidence('records', text)).toEqual([entry]);
    expect(disputedFields('records', `${text}\n全年执行数: 第8段「268.49万元」`)).toEqual(new Set(['budget']));
    expect(disputedFields('records', '全年执行数: 第8段「268.49万元」（推算）')).toEqual(new Set());
  });

  it('keeps a line whose marks it cannot read whole, as typed', () => {
    const line = '全年预算数: 第7段「281.28」（另见「282.28」';
    expect(readEvidence('records', line)).toEqual([{ field: '', location: line, text: '' }]);
    expect(howOf(readEvidence('records', '全年预算数: x「1」（推算）')[0]!)).toBe('derived');
  });

  it('property: entries with any marks round-trip', () => {
    const text = fc.string({ unit: fc.constantFrom('a', '甲', '「', '」', '（', '）', '\\', '\n', ' ', '：', 'n') });
    const place = text.filter((s) => s.trim() === s && s !== '');
    const entry: fc.Arbitrary<EvidenceEntry> = fc
      .record({
        field: fc.constantFrom(...SCHEMA.records.map((s) => s.name)),
        location: place,
        text,
        derived: fc.boolean(),
        corrected: fc.option(
          fc.record({
            from: text,
            reason: fc.option(
              text.filter((s) => s !== ''),
              { nil: undefined },
            ),
          }),
          {
            nil: undefined,
          },
        ),
        disputed: fc.array(fc.record({ value: text, location: place, text }), { maxLength: 2 }),
      })
      .map(({ derived, corrected, disputed, ...e }) => ({
        ...e,
        ...(derived ? { derived } : {}),
        ...(corrected ? { corrected: corrected.reason === undefined ? { from: corrected.from } : corrected } : {}),
        ...(disputed.length > 0 ? { disputed } : {}),
      }));
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 5 }), (entries) => {
        expect(readEvidence('records', writeEvidence('records', entries))).toEqual(entries);
      }),
      { numRuns: 200 },
    );
  });
});

describe('placeOf', () => {
  it('the place of the field asked for, not of the first entry', () => {
    const evidence = '单位名称: 第1段「北京市示例中心」\n年度: 第2段「2023年」\n内容: 第44段「目标不够细化」';
    expect(placeOf('findings', evidence, 'text')).toBe('第44段');
    expect(placeOf('findings', evidence, 'agency')).toBe('第1段');
    expect(placeOf('findings', '单位名称: 第1段「北京市示例中心」', 'text')).toBe('');
  });
});
