// Words found in the report under review (the browser's find-in-page sees only the blocks drawn):
// paragraphs and table cells, across the marks that cut a sentence, without regard to spaces.
import { describe, expect, it } from 'vitest';
import { findInReview } from '@/domain/extract/findInReview';
import { reviewDocument } from '@/domain/extract/reviewDocument';
import { extract, txtDoc, txtTable } from '../report/helpers';

const TEXT = [
  '某市文化馆2024年度部门整体支出绩效评价报告',
  '一、部门基本情况',
  '本年度项目全年预算数100.00万元，全年执行数95.00万元。',
  txtTable([
    ['指标', '分值', '得分'],
    ['效益', '40', '36'],
  ]),
  '二、项目绩效评价结论',
  '项目综合得分90.00分。存在的问题：绩效目标不够细化。',
].join('\n');

describe('findInReview', () => {
  const doc = reviewDocument(txtDoc(TEXT), extract(TEXT).evidence);
  const kinds = (ids: number[]) => ids.map((id) => doc.blocks[id]!.type);

  it('finds words across the marks of a sentence, in reading order', () => {
    // "预算数100.00万元" is cut by the budget's mark; still one match, in the second paragraph.
    const found = findInReview(doc, '预算数100.00万元');
    expect(found).toHaveLength(1);
    expect(kinds(found)).toEqual(['paragraph']);
    // The budget's paragraph, the heading and the conclusion, in that order.
    const project = findInReview(doc, '项目');
    expect(kinds(project)).toEqual(['paragraph', 'paragraph', 'paragraph']);
    expect(project[0]).toBeLessThan(project[1]!);
    expect(project[1]).toBeLessThan(project[2]!);
  });

  it('finds the words of a table cell, and ignores spaces and case', () => {
    expect(kinds(findInReview(doc, '效益'))).toEqual(['table']);
    expect(findInReview(doc, '绩效 目标  不够')).toEqual(findInReview(doc, '绩效目标不够'));
    expect(findInReview(doc, '绩效目标不够')).toHaveLength(1);
  });

  it('finds nothing for a blank query or words the report does not hold', () => {
    expect(findInReview(doc, '   ')).toEqual([]);
    expect(findInReview(doc, '不存在的词语')).toEqual([]);
  });
});
