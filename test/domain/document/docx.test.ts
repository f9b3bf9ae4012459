// The .docx reader: headings, Word numbering, runs, and tables with their merges exact.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readDocx } from '@/domain/document/docx';
import type { Paragraph, Table } from '@/domain/document/types';
import { docxBytes } from '../../../scripts/reportFixtures/writeDocx';

const read = (bytes: Uint8Array) => {
  const r = readDocx(bytes);
  if (!r.ok) throw new Error(r.error.code);
  return r.doc;
};

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
function rawDocx(body: string): Uint8Array {
  return zipSync({
    'word/document.xml': strToU8(`<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`),
  });
}

describe('docx reader', () => {
  it('reads gridSpan and vMerge: a merged cell once at its top-left with its span, null where it covers', () => {
    const doc = read(
      docxBytes([
        {
          table: [
            ['一级指标', '二级指标', '分值'],
            [{ text: '产出', rowSpan: 2 }, '数量', '20'],
            ['质量', '10'],
            [{ text: '合计', colSpan: 2 }, '30'],
          ],
        },
      ]),
    );
    const t = doc.blocks[0] as Table;
    expect(t.grid.map((row) => row.map((c) => (c ? c.text : null)))).toEqual([
      ['一级指标', '二级指标', '分值'],
      ['产出', '数量', '20'],
      [null, '质量', '10'],
      ['合计', null, '30'],
    ]);
    expect(t.grid[1]![0]).toMatchObject({ row: 2, col: 1, rowSpan: 2, colSpan: 1 });
    expect(t.grid[3]![0]).toMatchObject({ row: 4, col: 1, rowSpan: 1, colSpan: 2 });
    expect(t.grid[3]![2]).toMatchObject({ row: 4, col: 3 });
  });

  it('reads heading levels from styles and the labels Word numbering draws', () => {
    const doc = read(
      docxBytes([
        { h: 1, text: '某某报告' },
        { h: 2, text: '存在的问题' },
        { p: '第一个问题。', list: 'decimal' },
        { p: '第二个问题。', list: 'decimal' },
        { h: 2, text: '建议' },
        { p: '第一条建议。', list: 'chinese' },
        { p: '第二条建议。', list: 'chinese' },
      ]),
    );
    const paras = doc.blocks as Paragraph[];
    expect(paras.map((p) => [p.heading, p.label ?? '', p.text])).toEqual([
      [1, '', '某某报告'],
      [2, '', '存在的问题'],
      [0, '1.', '第一个问题。'],
      [0, '2.', '第二个问题。'],
      [2, '', '建议'],
      [0, '（一）', '第一条建议。'],
      [0, '（二）', '第二条建议。'],
    ]);
    expect(paras[2]!.at).toEqual({ paragraph: 3 });
  });

  it('joins runs, keeps tabs and breaks, reads insertions and hyperlinks, leaves out deletions and field codes', () => {
    const doc = read(
      rawDocx(
        '<w:p><w:r><w:t>全年预算数</w:t></w:r><w:r><w:t xml:space="preserve">5,333.85</w:t></w:r><w:r><w:tab/><w:t>万元</w:t><w:br/><w:t>第二行</w:t></w:r>' +
          '<w:del><w:r><w:delText>旧数字</w:delText></w:r></w:del><w:ins><w:r><w:t>新增</w:t></w:r></w:ins>' +
          '<w:hyperlink><w:r><w:t>链接</w:t></w:r></w:hyperlink><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>&amp;3</w:t></w:r></w:p>',
      ),
    );
    expect((doc.blocks[0] as Paragraph).text).toBe('全年预算数5,333.85\t万元\n第二行新增链接&3');
  });

  it('refuses a file that is not a Word document', () => {
    expect(readDocx(strToU8('plain text'))).toEqual({ ok: false, error: { code: 'docx_not_docx', params: {} } });
    expect(readDocx(zipSync({ 'a.txt': strToU8('x') }))).toEqual({
      ok: false,
      error: { code: 'docx_not_docx', params: {} },
    });
    expect(readDocx(zipSync({ 'word/document.xml': strToU8('<w:document><w:body><w:p>') }))).toMatchObject({
      ok: false,
    });
  });
});
