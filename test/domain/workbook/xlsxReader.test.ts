// The .xlsx reader on packages written by hand the ways other writers write them: namespace
// prefixes (.NET's `x:`), inline and rich-text strings with phonetic runs, formula results
// (cached or not), booleans and errors, 1904 dates, styles' number formats, hidden sheets,
// cells without references, a row that ends exactly where the reader cuts its pieces.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '@/domain/workbook/read';
import { sheetTable } from '@/domain/workbook/sheetTable';
import { generalText, NumberText } from '@/domain/workbook/numberText';
import { readSharedStrings, readStyleFormats } from '@/domain/workbook/xlsxPackage';
import { ooxmlText } from '@/domain/workbook/xml';
import type { Workbook } from '@/domain/workbook/types';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function pkg(opts: {
  sheets: { name: string; xml: string; state?: string }[];
  strings?: string;
  styles?: string;
  workbookPr?: string;
  prefix?: string;
}): Uint8Array {
  const p = opts.prefix ?? '';
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    '_rels/.rels': strToU8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="/xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `<${p}workbook xmlns${p ? `:${p.slice(0, -1)}` : ''}="${NS}" xmlns:r="${R}">${opts.workbookPr ?? ''}<${p}sheets>${opts.sheets
        .map(
          (s, i) =>
            `<${p}sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"${s.state ? ` state="${s.state}"` : ''}/>`,
        )
        .join('')}</${p}sheets></${p}workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${opts.sheets
        .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
        .join(
          '',
        )}<Relationship Id="rS" Type="${R}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rT" Type="${R}/styles" Target="styles.xml"/></Relationships>`,
    ),
    'xl/sharedStrings.xml': strToU8(opts.strings ?? `<sst xmlns="${NS}"/>`),
    'xl/styles.xml': strToU8(opts.styles ?? `<styleSheet xmlns="${NS}"/>`),
  };
  opts.sheets.forEach((s, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(s.xml);
  });
  return zipSync(files);
}

async function read(bytes: Uint8Array): Promise<Workbook> {
  const r = await readWorkbook(bytes, 'a.xlsx');
  if (!r.ok) throw new Error(r.code);
  return r.workbook;
}

async function grid(wb: Workbook, i = 0) {
  return (await sheetTable(wb.sheets[i]!))!;
}

const STYLES = `<styleSheet xmlns="${NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>
<cellStyleXfs count="1"><xf numFmtId="10"/></cellStyleXfs>
<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="4"/></cellXfs></styleSheet>`;

describe('the .xlsx reader', () => {
  it('reads shared, inline and rich-text strings (phonetic runs left out) and escapes', async () => {
    const strings = `<sst xmlns="${NS}"><si><t>单位名称</t></si><si><r><t>甲</t></r><r><rPr><b/></rPr><t xml:space="preserve"> 乙</t></r><rPh sb="0" eb="1"><t>ジャ</t></rPh></si><si><t>a&amp;b_x000D_c</t></si></sst>`;
    const sheet = `<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="inlineStr"><is><t>内联&lt;文本&gt;</t></is></c></row></sheetData></worksheet>`;
    const t = await grid(await read(pkg({ sheets: [{ name: 'S', xml: sheet }], strings })));
    expect(t.table.grid[0]!.map((c) => c?.text)).toEqual(['单位名称', '甲 乙', 'a&b\rc', '内联<文本>']);
  });

  it('reads a prefixed package (x:row, x:c) the same as a plain one', async () => {
    const sheet = `<x:worksheet xmlns:x="${NS}"><x:sheetData><x:row r="2"><x:c r="B2" s="3"><x:v>5333.85</x:v></x:c><x:c r="C2" t="str"><x:f>A1</x:f><x:v>文本</x:v></x:c></x:row></x:sheetData><x:mergeCells count="1"><x:mergeCell ref="B2:B3"/></x:mergeCells></x:worksheet>`;
    const wb = await read(pkg({ sheets: [{ name: 'S', xml: sheet }], styles: STYLES, prefix: 'x:' }));
    const t = await grid(wb);
    expect(t.table.grid[1]![1]).toMatchObject({
      address: 'B2',
      value: 5333.85,
      text: '5,333.85',
      format: '#,##0.00',
      rowSpan: 2,
    });
    expect(t.table.grid[1]![2]).toMatchObject({ text: '文本', value: null });
    expect(t.table.grid[2]![1]).toBeNull();
  });

  it('types: numbers by their value, booleans, errors, formulas by their cached value or named when uncached', async () => {
    const sheet = `<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" s="1"><v>0.9692</v></c><c r="B1" t="b"><v>1</v></c><c r="C1" t="e"><v>#DIV/0!</v></c><c r="D1"><f>A1*2</f><v>1.9384</v></c><c r="E1"><f>A1*3</f></c><c r="F1" s="2"><v>45292</v></c></row></sheetData></worksheet>`;
    const t = await grid(await read(pkg({ sheets: [{ name: 'S', xml: sheet }], styles: STYLES })));
    const [a, b, c, d, e, f] = t.table.grid[0]!;
    expect(a).toMatchObject({ value: 0.9692, format: '0.0%', text: '96.9%' });
    expect(b).toMatchObject({ value: true, text: 'TRUE' });
    expect(c).toMatchObject({ value: null, text: '#DIV/0!' });
    expect(d).toMatchObject({ value: 1.9384 });
    expect(e).toMatchObject({ value: null, text: '' });
    expect(f).toMatchObject({ value: 45292, format: 'yyyy/m/d', text: '2024/1/1' });
    expect(t.uncachedFormulas).toEqual(['E1']);
  });

  it('keeps dates of a 1904 workbook as 1900-system serials, shown as written', async () => {
    const sheet = `<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" s="2"><v>43830</v></c></row></sheetData></worksheet>`;
    const wb = await read(
      pkg({ sheets: [{ name: 'S', xml: sheet }], styles: STYLES, workbookPr: '<workbookPr date1904="1"/>' }),
    );
    const cell = (await grid(wb)).table.grid[0]![0]!;
    expect(cell.value).toBe(43830 + 1462);
    expect(cell.text).toBe('2024/1/1');
  });

  it('places cells without a reference after the one before, and rows without a number after the row before', async () => {
    const sheet = `<worksheet xmlns="${NS}"><sheetData><row><c><v>1</v></c><c><v>2</v></c></row><row><c r="C2"><v>3</v></c><c><v>4</v></c></row></sheetData></worksheet>`;
    const t = await grid(await read(pkg({ sheets: [{ name: 'S', xml: sheet }] })));
    expect(t.table.grid.map((l) => l.map((c) => c?.value ?? null))).toEqual([
      [1, 2, null, null],
      [null, null, 3, 4],
    ]);
  });

  it('names hidden and very hidden sheets, and reads a chart sheet as empty', async () => {
    const empty = `<worksheet xmlns="${NS}"><sheetData/></worksheet>`;
    const wb = await read(
      pkg({
        sheets: [
          { name: '甲', xml: empty },
          { name: '乙', xml: empty, state: 'hidden' },
          { name: '丙', xml: empty, state: 'veryHidden' },
        ],
      }),
    );
    expect(wb.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['甲', false],
      ['乙', true],
      ['丙', true],
    ]);
    expect((await grid(wb, 0)).table.grid).toEqual([]);
  });

  it('reads a sheet of many rows in pieces without losing or splitting a row', async () => {
    const rows: string[] = [];
    // Long text cells push rows across the reader's one-megabyte pieces many times.
    const pad = 'x'.repeat(300);
    for (let r = 1; r <= 12_000; r++)
      rows.push(
        `<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}" t="inlineStr"><is><t>${pad}arrow></t></is></c></row>`,
      );
    const xml = `<worksheet xmlns="${NS}"><sheetData>${rows.join('')}</sheetData></worksheet>`;
    const wb = await read(pkg({ sheets: [{ name: 'S', xml }] }));
    const seen: number[] = [];
    let texts = 0;
    await wb.sheets[0]!.read((row, cells) => {
      seen.push(cells[0]!.value as number);
      if (cells[1]!.text === `${pad}arrow>`) texts++;
      expect(row).toBe(cells[0]!.value);
    });
    expect(seen).toHaveLength(12_000);
    expect(texts).toBe(12_000);
    expect(seen.every((v, i) => v === i + 1)).toBe(true);
  });

  it('refuses a sheet whose used range is past the limit before reading its rows', async () => {
    const sheet = `<worksheet xmlns="${NS}"><dimension ref="A1:Z1000"/><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`;
    const r = await readWorkbook(pkg({ sheets: [{ name: 'S', xml: sheet }] }), 'a.xlsx', 1000);
    if (!r.ok) throw new Error(r.code);
    await expect(r.workbook.sheets[0]!.read(() => undefined)).rejects.toMatchObject({
      code: 'workbook_too_large',
      params: { cells: 26_000, limit: 1000 },
    });
  });

  it('a damaged package is unreadable, not a crash', async () => {
    const bytes = pkg({ sheets: [{ name: 'S', xml: `<worksheet xmlns="${NS}"><sheetData/></worksheet>` }] });
    // Cut the zip: its central directory is gone.
    const r = await readWorkbook(bytes.subarray(0, bytes.length - 200), 'a.xlsx');
    expect(r.ok).toBe(false);
  });
});

describe('the parts of a package', () => {
  it('style formats: custom ones, the built-in table, cellXfs only (not cellStyleXfs)', () => {
    expect(readStyleFormats(STYLES)).toEqual([undefined, '0.0%', 'yyyy/m/d', '#,##0.00']);
  });

  it('shared strings with self-closing items and empty texts', () => {
    expect(readSharedStrings(`<sst><si/><si><t/></si><si><t>a</t></si></sst>`)).toEqual(['', '', 'a']);
  });

  it('OOXML escapes: _xHHHH_ and the protected underscore', () => {
    expect(ooxmlText('a_x000A_b_x005F_x0041_')).toBe('a\nb_x0041_');
  });
});

describe('numbers as their cells show them', () => {
  const n = new NumberText(null);
  it('General: up to 11 characters, then scientific', () => {
    expect(generalText(5333.85)).toBe('5333.85');
    expect(generalText(1 / 3)).toBe('0.333333333');
    expect(generalText(123456789012)).toBe('1.23457E+11');
    expect(generalText(-2.5)).toBe('-2.5');
  });

  it('decimals, thousands and percents, rounded half away from zero', () => {
    expect(n.text(1.005, '0.00')).toBe('1.01');
    expect(n.text(-1234.5, '#,##0.00')).toBe('-1,234.50');
    expect(n.text(0.9692, '0.00%')).toBe('96.92%');
    expect(n.text(0.5, '0%')).toBe('50%');
    expect(n.text(2024, '0')).toBe('2024');
  });
});
