// Report extraction from PDF tables laid out from hand-placed text items: a table the page break
// cut (its rows cite the pages they stand on) and a merged cell the layout could not place.
import { describe, expect, it } from 'vitest';
import { layoutPage, type PdfTextItem } from '@/domain/document/pdfLayout';
import { joinAcrossPages } from '@/domain/document/pdfPageJoin';
import { extractReport } from '@/domain/report/extractReport';
import { evidenceOf } from './helpers';

const item = (str: string, x: number, y: number, size = 12): PdfTextItem => ({
  str,
  x,
  y,
  width: str.length * size,
  size,
});

const COLUMNS = [72, 200, 330];
const row = (y: number, ...cells: string[]): PdfTextItem[] =>
  cells.flatMap((c, k) => (c ? [item(c, COLUMNS[k]!, y)] : []));

const TITLE = item('重庆市渝中区招商投资促进局2019年招商引资专项经费绩效评价报告', 72, 800, 16);

/** The pages laid out as the PDF reader lays them out, then extracted. */
function extractPages(pages: readonly PdfTextItem[][]) {
  const n = { paragraph: 0, table: 0 };
  const blocks = joinAcrossPages(pages.flatMap((items, i) => layoutPage(items, i + 1, 12, n)));
  return extractReport({ format: 'pdf', blocks, pages: pages.length }, 'report.pdf');
}

describe('PDF tables across pages', () => {
  const r = extractPages([
    [
      TITLE,
      item('经评价，该项目绩效评价得分为47分。', 72, 770),
      ...row(735, '一级指标', '分值', '得分'),
      ...row(710, '产出指标', '20', '19'),
    ],
    [...row(760, '效益指标', '30', '28')],
    [...row(760, '合计', '50', '47'), item('四、存在的问题', 72, 720)],
  ]);

  it('reads the rows that stand alone at the top of the next pages as the table’s rows', () => {
    expect(r.indicators.map((i) => [i.level1, i.weight, i.score])).toEqual([
      ['产出指标', 20, 19],
      ['效益指标', 30, 28],
    ]);
    expect(r.records[0]!.score).toBe(47);
  });

  it('cites for each row the page it stands on', () => {
    expect(evidenceOf(r, 'indicators', 0, 'score')?.location).toBe('第1页 表1 第2行 得分');
    expect(evidenceOf(r, 'indicators', 1, 'score')?.location).toBe('第2页 表1 第3行 得分');
  });
});

describe('a merged cell the PDF layout could not place', () => {
  const page = [
    TITLE,
    ...row(700, '一级指标', '三级指标', '得分'),
    ...row(675, '', 'a1', '5'),
    ...row(650, '', 'a2', '4'),
    ...row(625, '', 'a3', '3'),
    item('产出指标', 78, 612.5),
    ...row(600, '', 'a4', '2'),
    ...row(575, '', 'a5', '1'),
  ];

  it('is named at its cell, with its page, row and column (and so are the rows above it, left without a level, and below it, carrying it by guess)', () => {
    const warnings = extractPages([page]).warnings.filter((w) => w.code === 'merged_cell_unplaced');
    expect(warnings.map((w) => [w.params, w.location])).toEqual([
      [{ page: 1, row: 2, column: '一级指标' }, '第1页 表1 第2行 一级指标'],
      [{ page: 1, row: 4, column: '一级指标' }, '第1页 表1 第4行 一级指标'],
      [{ page: 1, row: 5, column: '一级指标' }, '第1页 表1 第5行 一级指标'],
      [{ page: 1, row: 6, column: '一级指标' }, '第1页 表1 第6行 一级指标'],
    ]);
  });

  it('is not named where the merged cells stand centred on the rows they span', () => {
    const placed = [
      TITLE,
      ...row(700, '一级指标', '三级指标', '得分'),
      ...row(675, '', 'a1', '5'),
      item('产出指标', 78, 662.5),
      ...row(650, '', 'a2', '4'),
    ];
    const x = extractPages([placed]);
    expect(x.warnings.map((w) => w.code)).not.toContain('merged_cell_unplaced');
    expect(x.indicators.map((i) => [i.level1, i.level3])).toEqual([
      ['产出指标', 'a1'],
      ['产出指标', 'a2'],
    ]);
  });
});

describe('a PDF funds table in 元', () => {
  it('reads its amounts in 万元 when the caption’s line states the unit beside it', () => {
    const at = [72, 200, 380, 560];
    const line = (y: number, ...cells: string[]): PdfTextItem[] => cells.map((c, k) => item(c, at[k]!, y));
    const r = extractPages([
      [
        TITLE,
        item('表1 项目资金情况', 72, 760),
        item('单位：元', 560, 760),
        ...line(735, '资金来源', '全年预算数', '全年执行数', '执行率'),
        ...line(710, '区级财政资金', '2,812,800.00', '2,684,900.00', '95.45%'),
        ...line(685, '合计', '2,812,800.00', '2,684,900.00', '95.45%'),
      ],
    ]);
    expect(r.records[0]).toMatchObject({ budget: 281.28, expenditure: 268.49, execution_rate: 95.45 });
    expect(r.funds.map((f) => [f.item, f.budget, f.expenditure])).toEqual([['区级财政资金', 281.28, 268.49]]);
  });
});

describe('merged level cells whose text stands on a row of their span, not its first', () => {
  const levels = (r: ReturnType<typeof extractPages>) => r.indicators.map((i) => [i.level1, i.level3]);
  const unplaced = (r: ReturnType<typeof extractPages>) =>
    r.warnings.filter((w) => w.code === 'merged_cell_unplaced').map((w) => [w.params.row, w.location]);

  it('are put in the first row of their span when the texts stand at its bottom, as only that reading allows', () => {
    const r = extractPages([
      [
        TITLE,
        ...row(700, '一级指标', '三级指标', '得分'),
        ...row(675, '', 'a1', '5'),
        ...row(650, '', 'a2', '4'),
        ...row(625, '产出指标', 'a3', '3'),
        ...row(600, '', 'b1', '2'),
        ...row(575, '效益指标', 'b2', '1'),
        ...row(550, '满意度指标', 'c1', '1'),
      ],
    ]);
    expect(levels(r)).toEqual([
      ['产出指标', 'a1'],
      ['产出指标', 'a2'],
      ['产出指标', 'a3'],
      ['效益指标', 'b1'],
      ['效益指标', 'b2'],
      ['满意度指标', 'c1'],
    ]);
    expect(unplaced(r)).toEqual([]);
  });

  it('name each row whose level is guessed when the texts may be centred or at the bottom', () => {
    // Centred: 产出指标 over a1–b1, 效益指标 over b2; at the bottom: a1–a2 and b1–b2.
    const r = extractPages([
      [
        TITLE,
        ...row(700, '一级指标', '三级指标', '得分'),
        ...row(675, '', 'a1', '5'),
        ...row(650, '产出指标', 'a2', '4'),
        ...row(625, '', 'b1', '3'),
        ...row(600, '效益指标', 'b2', '2'),
      ],
    ]);
    expect(levels(r)).toEqual([
      ['产出指标', 'a1'],
      ['产出指标', 'a2'],
      ['产出指标', 'b1'],
      ['效益指标', 'b2'],
    ]);
    expect(unplaced(r)).toEqual([[4, '第1页 表1 第4行 一级指标']]);
  });

  it('name the rows carried down from a text above that a centred text below may span', () => {
    // Read from the top: b1 under 产出指标; centred: 效益指标 over b1–b3.
    const r = extractPages([
      [
        TITLE,
        ...row(700, '一级指标', '三级指标', '得分'),
        ...row(675, '产出指标', 'a1', '5'),
        ...row(650, '', 'b1', '4'),
        ...row(625, '效益指标', 'b2', '3'),
        ...row(600, '', 'b3', '2'),
      ],
    ]);
    expect(levels(r)).toEqual([
      ['产出指标', 'a1'],
      ['产出指标', 'b1'],
      ['效益指标', 'b2'],
      ['效益指标', 'b3'],
    ]);
    expect(unplaced(r)).toEqual([[3, '第1页 表1 第3行 一级指标']]);
  });

  it('name every row carrying a level by guess when the spans cannot be told', () => {
    const r = extractPages([
      [
        TITLE,
        ...row(700, '一级指标', '三级指标', '得分'),
        ...row(675, '', 'a1', '5'),
        ...row(650, '产出指标', 'a2', '4'),
        ...row(625, '效益指标', 'b1', '3'),
        ...row(600, '', 'b2', '2'),
        ...row(575, '', 'b3', '1'),
      ],
    ]);
    expect(unplaced(r)).toEqual([
      [2, '第1页 表1 第2行 一级指标'],
      [5, '第1页 表1 第5行 一级指标'],
      [6, '第1页 表1 第6行 一级指标'],
    ]);
  });
});
