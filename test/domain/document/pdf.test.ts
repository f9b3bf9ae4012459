// The PDF reader: layout of positioned text into lines, paragraphs and tables, and the real
// pdf.js on a PDF Chromium printed (test/fixtures/reports) and on a scan without text.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPdf } from '@/domain/document/pdf';
import { layoutPage, runningLines, unifyRadicals, type PdfTextItem } from '@/domain/document/pdfLayout';
import { joinAcrossPages } from '@/domain/document/pdfPageJoin';
import type { Paragraph, Table } from '@/domain/document/types';
import { CID_REPORT, cidFontPdf } from '../../fixtures/cidPdf';

const item = (str: string, x: number, y: number, size = 12): PdfTextItem => ({
  str,
  x,
  y,
  width: str.length * size,
  size,
});

describe('pdf layout', () => {
  it('joins wrapped lines into one paragraph and starts a new one at an indent', () => {
    const blocks = layoutPage(
      [
        item('　　全年预算数5,333.85万元，其中基本支出', 72, 700),
        item('预算数3,864.04万元。', 72, 682),
        item('下一段。', 96, 664),
      ],
      1,
      12,
      { paragraph: 0, table: 0 },
    );
    expect(blocks.map((b) => (b as Paragraph).text)).toEqual([
      '全年预算数5,333.85万元，其中基本支出预算数3,864.04万元。',
      '下一段。',
    ]);
    expect(blocks[1]!.at).toEqual({ paragraph: 2, page: 1 });
  });

  it('rebuilds a table from lines whose text stands in the same columns, a wrapped cell kept in its row', () => {
    const blocks = layoutPage(
      [
        item('一级指标', 72, 700),
        item('分值', 200, 700),
        item('得分', 260, 700),
        item('当年预算执行', 72, 670),
        item('20', 200, 670),
        item('19.38', 260, 670),
        item('情况', 72, 655),
        item('预算管理情况', 72, 625),
        item('20', 200, 625),
        item('20.00', 260, 625),
      ],
      2,
      12,
      { paragraph: 0, table: 3 },
    );
    const t = blocks[0] as Table;
    expect(t.at).toEqual({ table: 4, page: 2 });
    expect(t.grid.map((row) => row.map((c) => c?.text))).toEqual([
      ['一级指标', '分值', '得分'],
      ['当年预算执行\n情况', '20', '19.38'],
      ['预算管理情况', '20', '20.00'],
    ]);
  });

  it('puts centred and right-aligned cells in their columns, judged by where the columns stand over all rows', () => {
    // Columns 72–192, 200–250, 280–340: the header centred, the names centred, the figures right-aligned.
    const blocks = layoutPage(
      [
        item('三级指标', 108, 700),
        item('分值', 213, 700),
        item('得分', 298, 700),
        item('资金使用合规性', 90, 675),
        item('15', 226, 675),
        item('13.50', 280, 675),
        item('资料质量', 108, 650),
        item('5', 238, 650),
        item('4.5', 304, 650),
        item('数量', 120, 625),
        item('5', 238, 625),
        item('5', 328, 625),
      ],
      1,
      12,
      { paragraph: 0, table: 0 },
    );
    expect((blocks[0] as Table).grid.map((row) => row.map((c) => c?.text))).toEqual([
      ['三级指标', '分值', '得分'],
      ['资金使用合规性', '15', '13.50'],
      ['资料质量', '5', '4.5'],
      ['数量', '5', '5'],
    ]);
  });

  it('keeps a centred header over the left-aligned figures it heads, though their text does not overlap', () => {
    const blocks = layoutPage(
      [
        item('三级指标', 72, 700),
        item('分值', 238, 700),
        item('资料质量', 72, 675),
        item('5', 200, 675),
        item('资金使用合规性', 72, 650),
        item('4.5', 200, 650),
      ],
      1,
      12,
      { paragraph: 0, table: 0 },
    );
    expect((blocks[0] as Table).grid.map((row) => row.map((c) => c?.text))).toEqual([
      ['三级指标', '分值'],
      ['资料质量', '5'],
      ['资金使用合规性', '4.5'],
    ]);
  });

  it('goes on after a line cut short by a number that did not fit, and ends at a short line that ends a sentence', () => {
    const blocks = layoutPage(
      [
        item('一二三四五六七八九十一二三四五六七八九十', 72, 700),
        item('项目年初预算数1,500.00万元，全年预算数', 72, 682),
        item('1,350.00万元。', 72, 664),
        item('下一段没有缩进。', 72, 646),
      ],
      1,
      12,
      { paragraph: 0, table: 0 },
    );
    expect(blocks.map((b) => (b as Paragraph).text)).toEqual([
      '一二三四五六七八九十一二三四五六七八九十项目年初预算数1,500.00万元，全年预算数1,350.00万元。',
      '下一段没有缩进。',
    ]);
  });

  it('leaves out running page numbers and joins a paragraph the page break cut', () => {
    const n = { paragraph: 0, table: 0 };
    const page1 = layoutPage([item('　　全年预算数', 72, 700), item('- 1 -', 300, 40)], 1, 12, n);
    const page2 = layoutPage([item('1,350.00万元。', 72, 760), item('第 2 页', 300, 40)], 2, 12, n);
    expect(joinAcrossPages([...page1, ...page2]).map((b) => (b as Paragraph).text)).toEqual([
      '全年预算数1,350.00万元。',
    ]);
  });

  it('puts a merged level cell in the first of the rows it spans, not in the row it sits nearest', () => {
    const row = (y: number, ...cells: string[]): PdfTextItem[] =>
      cells.flatMap((c, k) => (c ? [item(c, [72, 200, 330][k]!, y)] : []));
    const blocks = layoutPage(
      [
        ...row(700, '一级指标', '三级指标', '得分'),
        ...row(675, '', 'a1', '5'),
        item('产出', 84, 662.5), // centred down the two rows it spans
        ...row(650, '', 'a2', '4'),
        ...row(625, '', 'b1', '3'),
        ...row(600, '效益指标', 'b2', '2'), // centred on the middle one of three
        ...row(575, '', 'b3', '1'),
      ],
      1,
      12,
      { paragraph: 0, table: 0 },
    );
    expect((blocks[0] as Table).grid.map((r) => r.map((c) => c?.text))).toEqual([
      ['一级指标', '三级指标', '得分'],
      ['产出', 'a1', '5'],
      ['', 'a2', '4'],
      ['效益指标', 'b1', '3'],
      ['', 'b2', '2'],
      ['', 'b3', '1'],
    ]);
  });

  it('goes on with a table the page break cut, past a running header, its repeated header row left out', () => {
    const header = (p: number): PdfTextItem[] => [
      item('某某局', 72, 800, 8),
      item(`2019年绩效评价报告 ${p}`, 300, 800, 8),
    ];
    const row = (y: number, ...cells: string[]): PdfTextItem[] => cells.map((c, k) => item(c, 72 + k * 120, y));
    const pages = [
      [...header(1), ...row(700, '一级指标', '分值', '得分'), ...row(675, '产出指标', '20', '19')],
      [...header(2), ...row(760, '一级指标', '分值', '得分'), ...row(735, '管理指标', '15', '15')],
      [
        ...header(3),
        ...row(760, '管理指标', '10', '9'),
        ...row(735, '合计', '45', '43'),
        item('四、存在的问题', 72, 700),
      ],
    ];
    const n = { paragraph: 0, table: 0 };
    const running = runningLines(pages);
    const blocks = joinAcrossPages(pages.flatMap((items, i) => layoutPage(items, i + 1, 12, n, running)));
    expect(blocks.map((b) => (b.type === 'table' ? b.grid.map((r) => r.map((c) => c?.text)) : b.text))).toEqual([
      [
        ['一级指标', '分值', '得分'],
        ['产出指标', '20', '19'],
        ['管理指标', '15', '15'],
        ['管理指标', '10', '9'],
        ['合计', '45', '43'],
      ],
      '四、存在的问题',
    ]);
    expect((blocks[0] as Table).grid.map((r) => r[0]!.page ?? blocks[0]!.at.page)).toEqual([1, 1, 2, 3, 3]);
  });

  it('keeps the header row of a table that starts at the top of a page and is repeated on the next', () => {
    const row = (y: number, ...cells: string[]): PdfTextItem[] => cells.map((c, k) => item(c, 72 + k * 120, y));
    const pages = [
      [
        ...row(760, '一级指标', '分值', '得分'),
        ...row(735, '产出指标', '20', '19'),
        ...row(710, '效益指标', '30', '28'),
      ],
      [...row(760, '一级指标', '分值', '得分'), ...row(735, '管理指标', '15', '15'), ...row(710, '合计', '65', '62')],
    ];
    const n = { paragraph: 0, table: 0 };
    const running = runningLines(pages);
    const [table] = joinAcrossPages(pages.flatMap((items, i) => layoutPage(items, i + 1, 12, n, running)));
    expect((table as Table).grid.map((r) => r.map((c) => c?.text))).toEqual([
      ['一级指标', '分值', '得分'],
      ['产出指标', '20', '19'],
      ['效益指标', '30', '28'],
      ['管理指标', '15', '15'],
      ['合计', '65', '62'],
    ]);
  });

  it('goes on with a table whose next page holds one row in its columns, each row brought over citing its page', () => {
    const row = (y: number, ...cells: string[]): PdfTextItem[] =>
      cells.flatMap((c, k) => (c ? [item(c, [72, 200, 330][k]!, y)] : []));
    const pages = [
      [item('表2 指标得分表', 150, 760), ...row(735, '一级指标', '分值', '得分'), ...row(710, '产出指标', '20', '19')],
      [...row(760, '效益指标', '30', '28')],
      [...row(760, '合计', '50', '47'), item('四、存在的问题', 72, 720)],
    ];
    const n = { paragraph: 0, table: 0 };
    const blocks = joinAcrossPages(pages.flatMap((items, i) => layoutPage(items, i + 1, 12, n)));
    expect(blocks.map((b) => (b.type === 'table' ? b.grid.map((r) => r.map((c) => c?.text)) : b.text))).toEqual([
      '表2 指标得分表',
      [
        ['一级指标', '分值', '得分'],
        ['产出指标', '20', '19'],
        ['效益指标', '30', '28'],
        ['合计', '50', '47'],
      ],
      '四、存在的问题',
    ]);
    const table = blocks[1] as Table;
    expect(table.at).toEqual({ table: 1, page: 1 });
    expect(table.grid.map((r) => r.map((c) => c?.page ?? table.at.page))).toEqual([
      [1, 1, 1],
      [1, 1, 1],
      [2, 2, 2],
      [3, 3, 3],
    ]);
    expect(table.grid[3]!.map((c) => c?.row)).toEqual([4, 4, 4]);
  });

  it('goes on with rows at the top of a page where a wrapped cell’s lines stand above and below the row’s other cells', () => {
    const row = (y: number, ...cells: string[]): PdfTextItem[] =>
      cells.flatMap((c, k) => (c ? [item(c, [72, 200, 330][k]!, y)] : []));
    const pages = [
      [...row(735, '一级指标', '三级指标', '得分'), ...row(710, '产出指标', '活动次数', '19')],
      [
        ...row(766, '', '服务对象满意'),
        ...row(760, '效益指标', '', '28'),
        ...row(754, '', '度指标'),
        ...row(730, '合计', '', '47'),
        item('四、存在的问题', 72, 700),
      ],
    ];
    const n = { paragraph: 0, table: 0 };
    const blocks = joinAcrossPages(pages.flatMap((items, i) => layoutPage(items, i + 1, 12, n)));
    expect(blocks.map((b) => (b.type === 'table' ? b.grid.map((r) => r.map((c) => c?.text)) : b.text))).toEqual([
      [
        ['一级指标', '三级指标', '得分'],
        ['产出指标', '活动次数', '19'],
        ['效益指标', '服务对象满意\n度指标', '28'],
        ['合计', '', '47'],
      ],
      '四、存在的问题',
    ]);
    // The wrapped cell's last line, blank above and below in its column, is no merged cell.
    expect((blocks[0] as Table).grid.flat().some((c) => c?.spanGuessed)).toBe(false);
  });

  it('leaves a line of two segments at the top of a page as text when it does not stand in the columns above', () => {
    const row = (y: number, ...cells: string[]): PdfTextItem[] => cells.map((c, k) => item(c, [72, 200, 330][k]!, y));
    const pages = [
      [...row(735, '一级指标', '分值', '得分'), ...row(710, '产出指标', '20', '19')],
      [item('说明', 72, 760), item('本表得分按百分制计算，满分为一百分制', 150, 760)],
    ];
    const n = { paragraph: 0, table: 0 };
    const blocks = joinAcrossPages(pages.flatMap((items, i) => layoutPage(items, i + 1, 12, n)));
    expect(blocks.map((b) => b.type)).toEqual(['table', 'paragraph']);
    expect((blocks[0] as Table).grid).toHaveLength(2);
  });

  it('marks a merged cell whose rows cannot be told, left in the row above where it stands', () => {
    const row = (y: number, ...cells: string[]): PdfTextItem[] =>
      cells.flatMap((c, k) => (c ? [item(c, [72, 200, 330][k]!, y)] : []));
    const [table] = layoutPage(
      [
        ...row(700, '一级指标', '三级指标', '得分'),
        ...row(675, '', 'a1', '5'),
        ...row(650, '', 'a2', '4'),
        ...row(625, '', 'a3', '3'),
        item('产出', 84, 612.5), // between the 3rd and 4th rows: centred on no run of rows from the first
        ...row(600, '', 'a4', '2'),
        ...row(575, '', 'a5', '1'),
      ],
      1,
      12,
      { paragraph: 0, table: 0 },
    ) as Table[];
    const marked = table!.grid.flatMap((r) => r.flatMap((c) => (c?.spanGuessed ? [[c.row, c.col, c.text]] : [])));
    // The rows below it carry its name by guess: marked too.
    expect(marked).toEqual([
      [4, 1, '产出'],
      [5, 1, ''],
      [6, 1, ''],
    ]);
  });

  it('marks no cell where the merged cells are placed for sure', () => {
    const row = (y: number, ...cells: string[]): PdfTextItem[] =>
      cells.flatMap((c, k) => (c ? [item(c, [72, 200, 330][k]!, y)] : []));
    const [table] = layoutPage(
      [
        ...row(700, '一级指标', '三级指标', '得分'),
        ...row(675, '', 'a1', '5'),
        item('产出', 84, 662.5),
        ...row(650, '', 'a2', '4'),
      ],
      1,
      12,
      { paragraph: 0, table: 0 },
    ) as Table[];
    expect(table!.grid.flat().some((c) => c?.spanGuessed)).toBe(false);
    expect(table!.grid[1]![0]!.text).toBe('产出');
  });

  describe('a two-column table of long text whose cells stand less than a gutter apart', () => {
    // Cells 72–288 and 300–516: twelve units apart, one character, less than a segment's gap.
    const L = '问题问题问题问题问题问题问题问题问题';
    const R = '建议建议建议建议建议建议建议建议建议';
    const [L17, R17] = [L.slice(0, 17), R.slice(0, 17)];
    const cellsOf = (blocks: ReturnType<typeof layoutPage>) =>
      blocks.map((b) => (b.type === 'table' ? b.grid.map((r) => r.map((c) => c?.text)) : b.text));
    const read = (items: PdfTextItem[]) =>
      cellsOf(
        layoutPage([...items, item('表后的正文写满一整行，跨过两列之间的空白，读作段落。'.repeat(2), 72, 530)], 1, 12, {
          paragraph: 0,
          table: 0,
        }),
      );

    it('reads its cells as rows where each cell is centred down its row and their lines interleave', () => {
      expect(
        read([
          item('存在问题', 72, 706),
          item('改进建议', 300, 706),
          ...[680, 662, 644].map((y, k) => item(R.slice(0, 16) + 'R' + k, 300, y)),
          ...[671, 653].map((y, k) => item(L.slice(0, 16) + 'L' + k, 72, y)),
          ...[620, 602].map((y, k) => item(L.slice(0, 16) + 'M' + k, 72, y)),
          item(R.slice(0, 16) + 'S', 300, 611),
        ]),
      ).toEqual([
        [
          ['存在问题', '改进建议'],
          [`${L.slice(0, 16)}L0${L.slice(0, 16)}L1`, `${R.slice(0, 16)}R0${R.slice(0, 16)}R1${R.slice(0, 16)}R2`],
          [`${L.slice(0, 16)}M0${L.slice(0, 16)}M1`, `${R.slice(0, 16)}S`],
        ],
        '表后的正文写满一整行，跨过两列之间的空白，读作段落。'.repeat(2),
      ]);
    });

    it('parts its cells where they share a baseline and ran into one segment', () => {
      const rows = read([
        item('存在问题', 72, 706),
        item('改进建议', 300, 706),
        ...[680, 662, 644, 610, 592].flatMap((y, k) => [
          item(L.slice(0, 17) + k, 72, y),
          item(R.slice(0, 17) + k, 300, y),
        ]),
      ]);
      expect(rows[0]).toEqual([
        ['存在问题', '改进建议'],
        [`${L17}0${L17}1${L17}2`, `${R17}0${R17}1${R17}2`],
        [`${L17}3${L17}4`, `${R17}3${R17}4`],
      ]);
    });

    it('reads it as a table, not as page columns, where its cells stand a gutter apart and the next heading is on one side', () => {
      const rows = read([
        item('存在问题', 72, 706),
        item('改进建议', 312, 706),
        ...[680, 662, 644, 610, 592].flatMap((y, k) => [item(L17 + k, 72, y), item(R17 + k, 312, y)]),
        item('四、存在的问题', 66, 566, 14),
      ]);
      expect(rows.slice(0, 2)).toEqual([
        [
          ['存在问题', '改进建议'],
          [`${L17}0${L17}1${L17}2`, `${R17}0${R17}1${R17}2`],
          [`${L17}3${L17}4`, `${R17}3${R17}4`],
        ],
        '四、存在的问题',
      ]);
    });
  });

  it('marks a clearly larger line as a heading', () => {
    const [h] = layoutPage([item('绩效评价报告', 200, 760, 22)], 1, 12, { paragraph: 0, table: 0 });
    expect((h as Paragraph).heading).toBe(1);
  });

  it('maps Kangxi and supplement radicals back to the ideographs they stand for', () => {
    expect(unifyRadicals('项⽬执⾏率⻅下表')).toBe('项目执行率见下表');
  });
});

describe('pdf reader', () => {
  const fixture = (name: string) =>
    new Uint8Array(readFileSync(new URL(`../../fixtures/reports/${name}`, import.meta.url)));

  it('reads a printed report: title, paragraphs and the score table with its cells', async () => {
    const r = await readPdf(fixture('chaoyang-2025-negotiation-pdf.pdf'));
    if (!r.ok) throw new Error(r.error.code);
    expect(r.doc.pages).toBe(1);
    const paras = r.doc.blocks.filter((b): b is Paragraph => b.type === 'paragraph');
    expect(paras[0]).toMatchObject({
      text: '北京市朝阳区投资促进服务中心2025年度国际商务洽谈活动经费绩效评价报告',
      heading: 1,
    });
    expect(paras.some((p) => p.text.includes('全年执行数112.80万元，执行率94.00%。'))).toBe(true);
    const table = r.doc.blocks.find((b): b is Table => b.type === 'table')!;
    expect(table.grid[0]!.map((c) => c?.text)).toEqual(['一级指标', '二级指标', '三级指标', '分值', '得分']);
    expect(table.grid[2]!.map((c) => c?.text)).toEqual(['', '质量指标', '活动签约项目数', '20', '18']);
  });

  it('refuses a scan without a text layer, and a file that is not a PDF', async () => {
    expect(await readPdf(fixture('scanned-no-text.pdf'))).toEqual({
      ok: false,
      error: { code: 'pdf_no_text', params: { pages: 1 } },
    });
    expect(await readPdf(new TextEncoder().encode('not a pdf'))).toMatchObject({
      ok: false,
      error: { code: 'pdf_unreadable' },
    });
  });

  it('reads a PDF whose Chinese font is not embedded with the CMaps it is given (the app ships them)', async () => {
    const bytes = cidFontPdf(CID_REPORT);
    const cMapUrl = `${process.cwd()}/node_modules/pdfjs-dist/cmaps/`;
    const r = await readPdf(bytes, { cMapUrl });
    if (!r.ok) throw new Error(r.error.code);
    const texts = r.doc.blocks.map((b) => (b.type === 'paragraph' ? b.text : ''));
    expect(texts.join('\n')).toContain('2023年项目全年预算数100.00万元，全年执行数95.00万元，预算执行率为95.00%');
    // Without them pdf.js cannot tell which characters the codes stand for: no text at all.
    expect(await readPdf(bytes)).toMatchObject({ ok: false, error: { code: 'pdf_no_text' } });
  });
});
