// Letter-spaced and justified text: pdf.js writes a space between glyphs that stand apart, which
// must not split the report's words and amounts (a user would lose 281.28万元 and 2,812.80万元).
import { describe, expect, it } from 'vitest';
import { layoutPage, type PdfTextItem } from '@/domain/document/pdfLayout';
import type { Paragraph, Table } from '@/domain/document/types';

const item = (str: string, x: number, y: number, size = 12): PdfTextItem => ({
  str,
  x,
  y,
  width: str.length * size,
  size,
});

const layout = (items: PdfTextItem[]) => layoutPage(items, 1, 12, { paragraph: 0, table: 0 });

describe('pdf letter-spacing', () => {
  it('joins the glyphs of a justified, letter-spaced line, its amounts whole', () => {
    const blocks = layout([
      item('2019 年 ， 全 年 预 算 数 281.28 万 元 ， 其 中 项 目 支 出 2 , 8 1 2 . 8 0 万 元', 72, 700),
      item('执 行 率 为 9 5 . 4 5 % ， 标 准 分 2 0 分 ， 2 0 2 0 年 4 月 1 7 日 。', 72, 682),
    ]);
    expect(blocks.map((b) => (b as Paragraph).text)).toEqual([
      '2019年，全年预算数281.28万元，其中项目支出2,812.80万元执行率为95.45%，标准分20分，2020年4月17日。',
    ]);
  });

  it('joins a letter-spaced amount in a table cell, the table keeping its columns', () => {
    const [table] = layout([
      item('资 金 来 源', 72, 700),
      item('预 算 数', 260, 700),
      item('执 行 数', 460, 700),
      item('区 级 财 政', 72, 680),
      item('2 , 8 1 2 . 8 0', 260, 680),
      item('2 , 6 8 4 . 9 0', 460, 680),
    ]) as Table[];
    expect(table!.grid.map((r) => r.map((c) => c?.text))).toEqual([
      ['资金来源', '预算数', '执行数'],
      ['区级财政', '2,812.80', '2,684.90'],
    ]);
  });

  it('keeps the spaces of text that is not letter-spaced, and figures it cannot tell apart', () => {
    const blocks = layout([
      item('表2 2019年 重庆市 渝中区 项目资金情况', 72, 700),
      item('表 2 2 0 1 9 年 资 金 情 况', 72, 660),
    ]);
    expect(blocks.map((b) => (b as Paragraph).text)).toEqual([
      '表2 2019年 重庆市 渝中区 项目资金情况',
      // Two numbers or one (表2 2019, 表22 019): the spaces between the digits stay.
      '表2 2 0 1 9年资金情况',
    ]);
  });

  it('joins glyphs set so far apart that each is an item, by the spacing of their line, and keeps its word spaces', () => {
    // `2,812.80 万元 PPP 2019` with each glyph 9 apart (0.75 of the font size), words 5 more.
    const glyphs: PdfTextItem[] = [];
    let x = 72;
    for (const word of ['2,812.80', '万元', 'PPP', '2019']) {
      for (const ch of word) {
        glyphs.push({ str: ch, x, y: 700, width: 6, size: 12 });
        x += 6 + 9;
      }
      x += 5;
    }
    const blocks = layout(glyphs);
    expect(blocks.map((b) => (b as Paragraph).text)).toEqual(['2,812.80万元PPP 2019']);
  });
});
