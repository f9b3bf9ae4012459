import * as XLSX from '@e965/xlsx';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '@/domain/workbook/read';
import { sheetTable } from '@/domain/workbook/sheetTable';
import { workbookFormat } from '@/domain/workbook/format';
import type { Workbook } from '@/domain/workbook/types';
import { tableOf } from './helpers';

function book(bookType: XLSX.BookType): Uint8Array {
  const ws = XLSX.utils.aoa_to_sheet([
    ['合并表头', null, '年度'],
    [1234.5, 0.9692, { t: 'n', v: 45292, z: 'yyyy-mm-dd' }],
  ]);
  ws['B2']!.z = '0.00%';
  ws['A2']!.z = '#,##0.00';
  ws['D2'] = { t: 'n', v: 42, f: 'A2*0+42' };
  ws['!ref'] = 'A1:D2';
  ws['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 1 } }];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '记录');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['说明']]), '隐藏');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([]), '空表');
  wb.Workbook = { Sheets: [{ Hidden: 0 }, { Hidden: 1 }, { Hidden: 0 }] };
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType }) as ArrayBuffer);
}

async function read(bytes: Uint8Array, name: string): Promise<Workbook> {
  const r = await readWorkbook(bytes, name);
  if (!r.ok) throw new Error(r.code);
  return r.workbook;
}

describe('readWorkbook', () => {
  it.each([
    ['xlsx', 'a.xlsx', 'xlsx'],
    ['biff8', 'a.xls', 'xls'],
    ['biff8', 'a.et', 'et'],
    ['ods', 'a.ods', 'ods'],
  ] as const)(
    'reads %s saved as %s: typed values, formats, merges, cached formulas',
    async (bookType, name, format) => {
      const wb = await read(book(bookType), name);
      expect(wb.format).toBe(format);
      expect(wb.sheets.map((s) => s.name)).toEqual(['记录', '隐藏', '空表']);
      const grid = (await tableOf(wb, 0)).grid;
      const [a2, b2, c2, d2] = grid[1]!;
      expect(a2).toMatchObject({ address: 'A2', value: 1234.5 });
      expect(b2).toMatchObject({ address: 'B2', value: 0.9692 });
      expect(b2!.format).toContain('%');
      expect(b2!.text).toBe('96.92%');
      expect(c2!.value).toBe(45292);
      // The formula's cached value, not its text.
      expect(d2).toMatchObject({ value: 42, text: '42' });
      // The merged header: once at A1 with its span, B1 covered.
      expect(grid[0]![0]).toMatchObject({ text: '合并表头', colSpan: 2, rowSpan: 1, address: 'A1' });
      expect(grid[0]![1]).toBeNull();
      expect((await tableOf(wb, 2)).grid).toEqual([]);
      expect((await tableOf(wb, 0)).at).toEqual({ sheet: '记录' });
    },
  );

  it('flags hidden sheets (.xlsx and .xls keep the flag)', async () => {
    for (const [t, n] of [
      ['xlsx', 'a.xlsx'],
      ['biff8', 'a.xls'],
    ] as const) {
      const wb = await read(book(t), n);
      expect(wb.sheets.map((s) => s.hidden)).toEqual([false, true, false]);
    }
  });

  it('lists formula cells saved without a value', async () => {
    const ws = XLSX.utils.aoa_to_sheet([['a', 1]]);
    ws['C1'] = { t: 'n', f: 'B1*2' } as XLSX.CellObject;
    ws['!ref'] = 'A1:C1';
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'S');
    const read1 = await read(
      new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer),
      'f.xlsx',
    );
    const t = (await sheetTable(read1.sheets[0]!))!;
    expect(t.uncachedFormulas).toEqual(['C1']);
    expect(t.table.grid[0]![2]).toMatchObject({ text: '', value: null });
  });

  it('refuses what is not a workbook, a .docx included, without throwing', async () => {
    expect(await readWorkbook(strToU8('单位名称,年度\n'), 'a.xlsx')).toMatchObject({
      ok: false,
      code: 'not_a_workbook',
    });
    const docx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') });
    expect(await readWorkbook(docx, 'a.docx')).toMatchObject({ ok: false, code: 'not_a_workbook' });
    const broken = zipSync({ 'xl/workbook.xml': strToU8('<not xml') });
    const r = await readWorkbook(broken, 'b.xlsx');
    expect(r.ok).toBe(false);
  });

  it('tells the formats apart by their bytes; the name only separates .et from .xls', () => {
    expect(workbookFormat(book('xlsx'), 'x.bin')).toBe('xlsx');
    expect(workbookFormat(book('ods'), 'x.bin')).toBe('ods');
    expect(workbookFormat(book('biff8'), 'x.xls')).toBe('xls');
    expect(workbookFormat(book('biff8'), 'x.ET')).toBe('et');
    expect(workbookFormat(new Uint8Array([1, 2, 3]), 'x.xlsx')).toBeNull();
  });
});
