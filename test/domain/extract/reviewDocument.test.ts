// The document as the review shows it: each figure's text marked where it was read, the other
// statement of a disputed figure marked apart, and each evidence item's block known.
import { describe, expect, it } from 'vitest';
import { piecesOf, reviewDocument } from '@/domain/extract/reviewDocument';
import { extract, txtDoc, txtTable } from '../report/helpers';

const TEXT = [
  '某区投资促进中心2023年度项目支出绩效评价报告',
  '项目全年预算数100.00万元，全年执行数95.00万元，预算执行率为95.00%。',
  txtTable([
    ['一级指标', '分值', '得分'],
    ['产出', '50', '45'],
    ['效益', '50', '40'],
  ]),
  '综上，项目绩效评价得分为85.00分。',
].join('\n');

describe('review document', () => {
  it('cuts text into pieces at every mark, overlapping marks both kept', () => {
    const a = { evidence: 0, role: 'value' as const };
    const b = { evidence: 1, role: 'other' as const };
    expect(
      piecesOf('预算数100万元', [
        { start: 0, end: 6, mark: a },
        { start: 3, end: 8, mark: b },
      ]),
    ).toEqual([
      { text: '预算数', marks: [a] },
      { text: '100', marks: [a, b] },
      { text: '万元', marks: [b] },
    ]);
    expect(piecesOf('无数字', [])).toEqual([{ text: '无数字', marks: [] }]);
  });

  it('marks every figure where it was read: a sentence of a paragraph, a cell of a table row', () => {
    const result = extract(TEXT);
    const view = reviewDocument(txtDoc(TEXT), result.evidence);
    expect(view.blockOf.every((b) => b !== null)).toBe(true);
    const budget = result.evidence.findIndex((e) => e.kind === 'records' && e.field === 'budget');
    const block = view.blocks[view.blockOf[budget]!]!;
    expect(block.type).toBe('paragraph');
    if (block.type !== 'paragraph') return;
    const marked = block.pieces.filter((p) => p.marks.some((m) => m.evidence === budget));
    expect(marked.map((p) => p.text).join('')).toBe('全年预算数100.00万元');

    const score = result.evidence.findIndex((e) => e.kind === 'indicators' && e.index === 1 && e.field === 'score');
    expect(score).toBeGreaterThanOrEqual(0);
    const table = view.blocks[view.blockOf[score]!]!;
    expect(table.type).toBe('table');
    if (table.type !== 'table') return;
    // The 效益 row's score cell, not the first "40"-less cell that would match elsewhere.
    const row = table.rows.findIndex((r) =>
      r.some((c) => c.pieces.some((p) => p.marks.some((m) => m.evidence === score))),
    );
    expect(table.rows[row]!.map((c) => c.pieces.map((p) => p.text).join(''))).toEqual(['效益', '50', '40']);
  });

  it('marks the other statement of a disputed figure apart from the one kept', () => {
    const text = [
      '某区投资促进中心2023年度项目支出绩效评价报告',
      '项目全年预算数20.00万元，全年执行数19.38万元，预算执行率为96.92%。',
    ].join('\n');
    const result = extract(text);
    const rate = result.evidence.findIndex((e) => e.kind === 'records' && e.field === 'execution_rate');
    const view = reviewDocument(txtDoc(text), result.evidence);
    const pieces = view.blocks.flatMap((b) => (b.type === 'paragraph' ? b.pieces : []));
    const roles = pieces.flatMap((p) => p.marks.filter((m) => m.evidence === rate).map((m) => [m.role, p.text]));
    // The rate kept is worked out from the figures (96.90); the stated 96.92 is the other statement.
    expect(result.evidence[rate]?.disputed?.map((d) => d.value)).toEqual([96.92]);
    expect(roles).toContainEqual(['other', '预算执行率为96.92%']);
  });
});
