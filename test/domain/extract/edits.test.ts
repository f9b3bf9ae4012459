// The analyst's corrections of an extraction before the commit: a value set as typed, removed,
// a row left out; each recorded as a correction in the evidence and its column.
import { describe, expect, it } from 'vitest';
import { applyEdits } from '@/domain/extract/edits';
import { readEvidence } from '@/domain/evidenceColumn';
import { evidenceOf, extract } from '../report/helpers';

const REPORT = [
  '北京市贸促会2022年度部门整体支出绩效评价报告',
  '北京市贸促会2022年全年预算数5,333.85万元，总体支出5169.65万元，预算执行率为96.92%。',
  '部门整体绩效评价得分为95.18分，综合评价等级为“优”。',
  '（一）存在的问题',
  '1.预算编制不够精细。',
  '2.绩效目标设置不够明确。',
].join('\n');

describe('review corrections', () => {
  const read = extract(REPORT);

  it('sets a value as typed and records it as a correction of the value read, with the reason', () => {
    expect(read.records[0]?.expenditure).toBe(5169.65);
    const { result, problems } = applyEdits(read, [
      { kind: 'records', index: 0, field: 'expenditure', text: '5,169.66', reason: '决算数' },
    ]);
    expect(problems).toEqual([]);
    expect(result.records[0]?.expenditure).toBe(5169.66);
    const e = evidenceOf(result, 'records', 0, 'expenditure');
    expect(e?.how).toBe('corrected');
    expect(e?.corrected).toEqual({ from: 5169.65, reason: '决算数' });
    expect(e?.text).toBe('总体支出5169.65万元');
    const column = readEvidence('records', result.records[0]!.evidence);
    expect(column.find((x) => x.field === 'expenditure')?.corrected).toEqual({ from: '5169.65', reason: '决算数' });
    // the original is untouched
    expect(read.records[0]?.expenditure).toBe(5169.65);
    expect(evidenceOf(read, 'records', 0, 'expenditure')?.how).not.toBe('corrected');
  });

  it('keeps the value first read when a value is corrected twice', () => {
    const { result } = applyEdits(read, [
      { kind: 'records', index: 0, field: 'score', text: '95' },
      { kind: 'records', index: 0, field: 'score', text: '96' },
    ]);
    expect(result.records[0]?.score).toBe(96);
    expect(evidenceOf(result, 'records', 0, 'score')?.corrected).toEqual({ from: 95.18 });
  });

  it('removes a value when the text is empty, and adds one where none was read', () => {
    const { result } = applyEdits(read, [
      { kind: 'records', index: 0, field: 'execution_rate', text: '' },
      { kind: 'records', index: 0, field: 'final_accounts', text: '5169.66' },
    ]);
    expect(result.records[0]?.execution_rate).toBeNull();
    expect(evidenceOf(result, 'records', 0, 'execution_rate')?.corrected).toEqual({ from: 96.92 });
    expect(result.records[0]?.final_accounts).toBe(5169.66);
    expect(evidenceOf(result, 'records', 0, 'final_accounts')?.corrected).toEqual({ from: null });
  });

  it('refuses text that is no value of the field, with the importer code, and changes nothing', () => {
    const { result, problems } = applyEdits(read, [{ kind: 'records', index: 0, field: 'budget', text: '很多' }]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.edit).toBe(0);
    expect(problems[0]?.issue.column).toBe('budget');
    expect(result.records[0]?.budget).toBe(5333.85);
  });

  it('names an unknown field or row', () => {
    const { problems } = applyEdits(read, [
      { kind: 'records', index: 0, field: 'nonsense', text: '1' },
      { kind: 'records', index: 9, drop: true },
    ]);
    expect(problems.map((p) => [p.edit, p.issue.code])).toEqual([
      [0, 'edit_unknown'],
      [1, 'edit_unknown'],
    ]);
  });

  it('leaves out a row and renumbers the evidence of the rows after it', () => {
    expect(read.findings.length).toBeGreaterThanOrEqual(2);
    const second = read.findings[1]!.text;
    const { result } = applyEdits(read, [{ kind: 'findings', index: 0, drop: true }]);
    expect(result.findings).toHaveLength(read.findings.length - 1);
    expect(result.findings[0]?.text).toBe(second);
    expect(evidenceOf(result, 'findings', 0, 'text')?.text).toBe(evidenceOf(read, 'findings', 1, 'text')?.text);
    expect(result.evidence.filter((e) => e.kind === 'findings' && e.index >= result.findings.length)).toEqual([]);
  });
});
