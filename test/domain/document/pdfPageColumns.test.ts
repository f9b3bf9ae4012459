// Pages set in two columns: read column by column (the left one to its end, then the right one),
// while a title or a table across the page reads as one. Items placed by hand as pdf.js gives them.
import { describe, expect, it } from 'vitest';
import { layoutPage, type PdfTextItem } from '@/domain/document/pdfLayout';
import type { Block, Paragraph, Table } from '@/domain/document/types';

/** An item of `str` from `x`; its width one character per `size`, or up to `right` (a line filling its column). */
const item = (str: string, x: number, y: number, opts: { size?: number; right?: number } = {}): PdfTextItem => {
  const size = opts.size ?? 12;
  return { str, x, y, width: opts.right !== undefined ? opts.right - x : str.length * size, size };
};

const layout = (items: PdfTextItem[]): Block[] => layoutPage(items, 1, 12, { paragraph: 0, table: 0 });
const texts = (blocks: Block[]): string[] =>
  blocks.map((b) => (b.type === 'paragraph' ? `${b.heading ? '#' : ''}${b.text}` : `表${b.at.table}`));
const cells = (t: Table): string[][] => t.grid.map((r) => r.map((c) => c?.text ?? ''));

// Left column 72–276, a gutter of 20 (less than one and a half of a heading's characters), right column 296–500.
const [L, LR, R, RR] = [72, 276, 296, 500];

const indicatorTable = (top: number): PdfTextItem[] =>
  [
    ['一级指标', '二级指标', '三级指标', '分值'],
    ['决策', '项目立项', '立项依据充分性', '5'],
    ['产出', '产出数量', '培训完成率', '10'],
  ].flatMap((row, r) => row.map((t, c) => item(t, [L, 180, 290, 440][c]!, top - r * 20)));

describe('pdf page columns', () => {
  it('reads a two-column page column by column, its title and table across the page as one', () => {
    const blocks = layout([
      item('重庆市某区2023年专项经费绩效评价报告', 150, 760, { size: 16 }),
      item('一、项目概况', L, 730, { size: 14 }),
      item('该项目全年预算数281.28万元，', L + 24, 710, { right: LR }),
      item('实际支出268.49万元，预算执行率为', L, 692, { right: LR }),
      // A heading in the right column on the same baseline as body text in the left one.
      item('三、改进建议', R, 692, { size: 14 }),
      item('95.45%。', L, 674),
      item('二、存在的问题', L, 650, { size: 14 }),
      item('一是项目资金拨付进度偏慢，部分', L + 24, 630, { right: LR }),
      item('资金未按期支出；二是绩效目标', L, 612, { right: LR }),
      // The right column's baselines fall between the left one's.
      item('设定不够明确。', R, 721),
      item('（一）加快资金拨付进度，提高预算', R + 24, 671, { right: RR }),
      item('执行率。', R, 653),
      item('（二）细化绩效目标，确保目标可', R + 24, 635, { right: RR }),
      item('衡量。', R, 617),
      ...indicatorTable(580),
    ]);
    expect(texts(blocks)).toEqual([
      '#重庆市某区2023年专项经费绩效评价报告',
      '#一、项目概况',
      '该项目全年预算数281.28万元，实际支出268.49万元，预算执行率为95.45%。',
      '#二、存在的问题',
      // The paragraph goes on from the foot of the left column to the head of the right one.
      '一是项目资金拨付进度偏慢，部分资金未按期支出；二是绩效目标设定不够明确。',
      '#三、改进建议',
      '（一）加快资金拨付进度，提高预算执行率。',
      '（二）细化绩效目标，确保目标可衡量。',
      '表1',
    ]);
    expect(cells(blocks[8] as Table)).toEqual([
      ['一级指标', '二级指标', '三级指标', '分值'],
      ['决策', '项目立项', '立项依据充分性', '5'],
      ['产出', '产出数量', '培训完成率', '10'],
    ]);
  });

  it("reads the columns after a table across the page in order, the table's last row cells right of the middle", () => {
    const blocks = layout([
      ...indicatorTable(760),
      // A 合计 merged over the first three columns: its text centred, nothing left of it.
      item('合计', 224, 700),
      item('100', 400, 700),
      item('96.50', 460, 700),
      // The right column starts higher than the left one's heading.
      item('（一）加快资金拨付进度，提高预算', R + 24, 676, { right: RR }),
      item('四、存在的问题', L, 664, { size: 14 }),
      item('执行率。', R, 658),
      item('一是项目资金拨付进度偏慢，部分', L + 24, 640, { right: LR }),
      item('（二）细化绩效目标，确保目标可', R + 24, 634, { right: RR }),
      item('资金未按期支出。', L, 622),
      item('衡量。', R, 616),
      item('五、改进建议', L, 598, { size: 14 }),
    ]);
    expect(texts(blocks)).toEqual([
      '表1',
      '#四、存在的问题',
      '一是项目资金拨付进度偏慢，部分资金未按期支出。',
      '#五、改进建议',
      '（一）加快资金拨付进度，提高预算执行率。',
      '（二）细化绩效目标，确保目标可衡量。',
    ]);
  });

  it('reads columns whose lines share baselines as columns, not as a table of two', () => {
    const left = [
      '经评价，该项目绩效评价得分为',
      '92.50分，评价等级为“优”。项目',
      '资金使用规范，管理制度健全，',
      '资金拨付及时，预算执行率达到',
    ];
    const right = [
      '95.45%，绩效目标基本实现。存在',
      '的问题是部分指标设定不够细化，',
      '难以衡量；建议下一年度结合项目',
      '实际情况，进一步细化绩效指标。',
    ];
    const blocks = layout(
      left.flatMap((t, i) => [
        item(t, L, 700 - i * 18, { right: LR }),
        item(right[i]!, R, 700 - i * 18, { right: RR }),
      ]),
    );
    expect(blocks.map((b) => b.type)).toEqual(['paragraph']);
    expect((blocks[0] as Paragraph).text).toBe(left.join('') + right.join(''));
  });

  it('reads columns on one line grid as columns where one breaks for a paragraph and the other goes on', () => {
    const blocks = layout([
      item('经评价，该项目绩效评价得分为', L, 700, { right: LR }),
      item('92.50分，评价等级为“优”。', L, 682),
      // A line of the grid left blank before the next paragraph, in the left column only.
      item('项目资金使用规范，管理制度', L + 24, 646, { right: LR }),
      item('健全，资金拨付及时，预算执行', L, 628, { right: LR }),
      ...[
        '率达到95.45%，绩效目标基本实',
        '现。存在的问题是部分指标设定',
        '不够细化，难以衡量；建议下一',
        '年度结合实际情况，细化绩效指',
      ].map((t, i) => item(t, R, 700 - i * 18, { right: RR })),
      item('标。', R, 628),
    ]);
    expect(texts(blocks)).toEqual([
      '经评价，该项目绩效评价得分为92.50分，评价等级为“优”。',
      '项目资金使用规范，管理制度健全，资金拨付及时，预算执行率达到95.45%，绩效目标基本实现。存在的问题是部分指标设定不够细化，难以衡量；建议下一年度结合实际情况，细化绩效指标。',
    ]);
  });

  it('reads a table within one column as a table of that column, between its paragraphs', () => {
    const left = [
      '该项目全年预算数281.28万元，实',
      '际支出268.49万元，结余12.79万',
      '元，预算执行率为95.45%，资金',
      '使用符合相关管理规定，未发现',
      '截留、挪用项目资金的情况。',
    ];
    const blocks = layout([
      ...left.map((t, i) => item(t, L, 700 - i * 18, i < left.length - 1 ? { right: LR } : {})),
      item('项目资金来源如下表。', R, 709),
      ...[
        ['来源', '金额'],
        ['区级', '281.28'],
        ['合计', '281.28'],
      ].flatMap(([a, b], r) => [item(a!, R + 12, 685 - r * 22), item(b!, R + 120, 685 - r * 22)]),
      item('资金已全部拨付至项目实施单', R + 24, 617, { right: RR }),
      item('位。', R, 599),
    ]);
    expect(texts(blocks)).toEqual([left.join(''), '项目资金来源如下表。', '表1', '资金已全部拨付至项目实施单位。']);
    expect(cells(blocks[2] as Table)).toEqual([
      ['来源', '金额'],
      ['区级', '281.28'],
      ['合计', '281.28'],
    ]);
  });

  it('keeps a table whose columns leave a gap down the middle of the page a table', () => {
    const labels = ['项目名称', '主管部门', '实施单位', '项目属性'];
    const values = ['招商引资专项经费', '区招商投资促进局', '区招商服务中心', '经常性项目'];
    const blocks = layout(labels.flatMap((t, i) => [item(t, L, 700 - i * 20), item(values[i]!, R, 700 - i * 20)]));
    expect(blocks.map((b) => b.type)).toEqual(['table']);
    expect(cells(blocks[0] as Table)[2]).toEqual(['实施单位', '区招商服务中心']);
  });

  it('keeps a table of two long-text columns a table: its rows start on both sides together', () => {
    const rows = [
      [['存在问题'], ['改进建议']],
      [
        ['项目前期论证不充分，部分子项目', '实施内容与年初计划不一致，调整', '程序不规范。'],
        ['加强项目前期论证，严格按照计划', '组织实施，规范调整程序。'],
      ],
      [
        ['绩效目标设置不够细化，部分指标', '难以衡量。'],
        ['结合项目实际情况细化绩效目标，', '确保指标可衡量、可考核。'],
      ],
    ];
    const items: PdfTextItem[] = [];
    let y = 700;
    for (const [left, right] of rows) {
      left!.forEach((t, i) => items.push(item(t, L, y - i * 18, i < left!.length - 1 ? { right: LR } : {})));
      right!.forEach((t, i) => items.push(item(t, R, y - i * 18, i < right!.length - 1 ? { right: RR } : {})));
      y -= Math.max(left!.length, right!.length) * 18 + 12;
    }
    const blocks = layout(items);
    expect(blocks.map((b) => b.type)).toEqual(['table']);
    expect(cells(blocks[0] as Table)[0]).toEqual(['存在问题', '改进建议']);
    expect(cells(blocks[0] as Table)[2]![1]).toContain('确保指标可衡量');
  });
});
