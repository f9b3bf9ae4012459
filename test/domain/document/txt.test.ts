// The .txt reader: encodings, paragraphs by line, tab-led tables.
import { describe, expect, it } from 'vitest';
import { readTxt } from '@/domain/document/txt';
import type { Table } from '@/domain/document/types';
import { encodeGb18030 } from '../../../scripts/reportFixtures/gb18030';

const read = (bytes: Uint8Array) => {
  const r = readTxt(bytes);
  if (!r.ok) throw new Error(r.error.code);
  return r.doc;
};
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('txt reader', () => {
  it('reads GB18030 and UTF-8 with a BOM alike, numbering paragraphs and their lines', () => {
    const text = '北京市朝阳区投资促进服务中心\r\n\r\n全年预算数1,456.70万元。\r\n';
    for (const bytes of [encodeGb18030(text), utf8(`\uFEFF${text}`)]) {
      expect(read(bytes).blocks).toEqual([
        { type: 'paragraph', text: '北京市朝阳区投资促进服务中心', heading: 0, at: { paragraph: 1, line: 1 } },
        { type: 'paragraph', text: '全年预算数1,456.70万元。', heading: 0, at: { paragraph: 2, line: 3 } },
      ]);
    }
  });

  it('reads tab-led cells as table rows, a cell’s further lines included, a blank line ending each row', () => {
    const doc = read(utf8('表1\n\t一级指标\n\t分\n值\n\n\t\n\t20\n\n正文\n'));
    const table = doc.blocks[1] as Table;
    expect(table.type).toBe('table');
    expect(table.at).toEqual({ table: 1, line: 2 });
    expect(table.grid.map((row) => row.map((c) => c?.text))).toEqual([
      ['一级指标', '分\n值'],
      ['', '20'],
    ]);
    expect(table.grid[1]![1]).toMatchObject({ row: 2, col: 2, rowSpan: 1, colSpan: 1 });
    expect(doc.blocks[2]).toMatchObject({ type: 'paragraph', text: '正文', at: { paragraph: 2, line: 9 } });
  });

  it('pads short rows so every row has the table’s width', () => {
    const table = read(utf8('\ta\n\tb\n\tc\n\n\t总分\n\t100\n\n')).blocks[0] as Table;
    expect(table.grid.map((row) => row.map((c) => c?.text))).toEqual([
      ['a', 'b', 'c'],
      ['总分', '100', ''],
    ]);
  });

  it('reads tab-indented prose as paragraphs, not as a table', () => {
    const doc = read(
      utf8('\t2023年全年预算数1581.89万元，其中基本支出预算数1082.46万元。\n\t资金总体支出1581.89万元。\n'),
    );
    expect(doc.blocks.map((b) => b.type)).toEqual(['paragraph', 'paragraph']);
  });

  const grid = (t: Table) => t.grid.map((row) => row.map((c) => c?.text));

  it('reads a table written one row per line, cells split by tabs, its caption kept as a paragraph', () => {
    const doc = read(
      utf8('表2\t一级指标评分表\n序号\t一级指标\t分值\t得分\n1\t产出\t20\t19.00\n合计\t\t100\t92.50\n正文。\n'),
    );
    expect(doc.blocks.map((b) => b.type)).toEqual(['paragraph', 'table', 'paragraph']);
    expect(doc.blocks[1]!.at).toEqual({ table: 1, line: 2 });
    expect(grid(doc.blocks[1] as Table)).toEqual([
      ['序号', '一级指标', '分值', '得分'],
      ['1', '产出', '20', '19.00'],
      ['合计', '', '100', '92.50'],
    ]);
  });

  it('keeps a blank first cell of a tabbed row (a level merged down) in its column', () => {
    const doc = read(utf8('一级指标\t三级指标\t分值\n产出指标\t活动次数\t35\n\t活动质量\t5\n'));
    expect(doc.blocks.map((b) => b.type)).toEqual(['table']);
    expect(grid(doc.blocks[0] as Table)).toEqual([
      ['一级指标', '三级指标', '分值'],
      ['产出指标', '活动次数', '35'],
      ['', '活动质量', '5'],
    ]);
  });

  it('puts the cells of a space-aligned table under the header’s columns, a blank cell left blank', () => {
    const doc = read(
      utf8(
        '一级指标        分值      得分      备注\n满意度指标      5         5\n合计                      100       满分\n',
      ),
    );
    expect(grid(doc.blocks[0] as Table)).toEqual([
      ['一级指标', '分值', '得分', '备注'],
      ['满意度指标', '5', '5', ''],
      ['合计', '', '100', '满分'],
    ]);
  });

  it('leaves a row whose cells cannot be put under the columns for sure out of the table, as a paragraph', () => {
    const doc = read(
      utf8(
        '一级指标        分值      得分\n产出指标        20        20\n效益指标  3 0      30\n满意度指标      5         5\n',
      ),
    );
    expect(doc.blocks.map((b) => b.type)).toEqual(['table', 'paragraph']);
    expect(grid(doc.blocks[0] as Table)).toEqual([
      ['一级指标', '分值', '得分'],
      ['产出指标', '20', '20'],
      ['满意度指标', '5', '5'],
    ]);
    expect(doc.blocks[1]).toMatchObject({ text: '效益指标  3 0      30', at: { line: 3 } });
  });

  it('reads lines of sentences spaced apart as paragraphs, not as a table', () => {
    const doc = read(utf8('一是资金拨付滞后；  二是档案管理不规范。\n三是绩效目标不细化；  四是监控不到位。\n'));
    expect(doc.blocks.map((b) => b.type)).toEqual(['paragraph', 'paragraph']);
  });

  it('leaves out the bookmarks converters print', () => {
    expect((read(utf8('[bookmark: _GoBack]表1  绩效指标设定情况\n')).blocks[0] as { text: string }).text).toBe(
      '表1  绩效指标设定情况',
    );
  });

  it('refuses what is not text', () => {
    expect(readTxt(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0, 1, 2]))).toEqual({
      ok: false,
      error: { code: 'txt_not_text', params: {} },
    });
    expect(readTxt(utf8('\n\n  \n'))).toEqual({ ok: false, error: { code: 'document_empty', params: {} } });
  });
});
