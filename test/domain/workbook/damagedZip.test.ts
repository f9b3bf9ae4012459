// A damaged .xlsx (bytes changed in transfer or copying) is reported as damaged, naming the part,
// not read as an empty sheet or "no form found": each entry must inflate, to the size the zip
// gives, and a small one to its CRC-32.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { extractFile } from '@/domain/extract';
import { IssueError } from '@/domain/issues';
import { readUpload } from '@/domain/upload/readUpload';
import { readWorkbook } from '@/domain/workbook/read';
import { zipEntries } from '@/domain/workbook/zip';
import { writeSheets } from '../../../scripts/fixtures/sheetWriter';

const RECORDS = [
  ['单位名称', '年度', '评价类型', '评价得分'],
  ['测试单位', 2023, '部门整体', 90],
];

/** Where an entry's data starts in the zip. */
function dataStart(bytes: Uint8Array, name: string): { start: number; length: number } {
  const e = zipEntries(bytes).get(name)!;
  const h = e.headerOffset;
  const start = h + 30 + (bytes[h + 26]! | (bytes[h + 27]! << 8)) + (bytes[h + 28]! | (bytes[h + 29]! << 8));
  return { start, length: e.compressedSize };
}

/** The bytes with one byte of an entry's data changed. */
function flipped(bytes: Uint8Array, name: string, at = 0.5): Uint8Array {
  const out = bytes.slice();
  const { start, length } = dataStart(out, name);
  out[start + Math.floor(length * at)]! ^= 0x5a;
  return out;
}

async function uploadErrors(name: string, bytes: Uint8Array) {
  const { parts } = await readUpload([
    { name, size: bytes.length, head: async (n) => bytes.subarray(0, n), read: async () => bytes },
  ]);
  return parts.flatMap((p) => p.parsed.errors.map((e) => [e.code, e.params]));
}

describe('a damaged .xlsx', () => {
  it('is intact before it is damaged', async () => {
    const book = writeSheets([{ name: '记录', rows: RECORDS }]);
    expect(await uploadErrors('a.xlsx', book)).toEqual([]);
  });

  it.each(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels'])('names its damaged part %s', async (part) => {
    const bad = flipped(writeSheets([{ name: '记录', rows: RECORDS }]), part);
    const read = await readWorkbook(bad, 'a.xlsx');
    expect(read).toEqual({ ok: false, code: 'workbook_damaged', params: { part } });
    expect(await uploadErrors('a.xlsx', bad)).toEqual([['workbook_damaged', { part }]]);
    expect((await extractFile(bad, 'a.xlsx')).errors.map((e) => [e.code, e.params])).toEqual([
      ['workbook_damaged', { part }],
    ]);
  });

  it('names a damaged sheet when it is read, in the upload and in extraction', async () => {
    const part = 'xl/worksheets/sheet1.xml';
    const bad = flipped(writeSheets([{ name: '记录', rows: RECORDS }]), part);
    const read = await readWorkbook(bad, 'a.xlsx');
    if (!read.ok) throw new Error(read.code);
    await expect(read.workbook.sheets[0]!.read(() => undefined)).rejects.toThrow(IssueError);
    expect(await uploadErrors('a.xlsx', bad)).toEqual([['workbook_damaged', { part }]]);
    expect((await extractFile(bad, 'a.xlsx')).errors.map((e) => e.code)).toEqual(['workbook_damaged']);
  });

  it('catches a big sheet (inflated as a stream, no CRC) that inflates to another size than the zip gives', async () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`);
    const xml = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`;
    expect(xml.length).toBeGreaterThan(1 << 20);
    const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const files = {
      '_rels/.rels': strToU8(
        `<Relationships><Relationship Id="r1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
      'xl/workbook.xml': strToU8(`<workbook xmlns:r="${R}"><sheets><sheet name="S" r:id="r1"/></sheets></workbook>`),
      'xl/_rels/workbook.xml.rels': strToU8(
        `<Relationships><Relationship Id="r1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
      'xl/worksheets/sheet1.xml': strToU8(xml),
    };
    const good = zipSync(files);
    // The central directory's size of the sheet, one byte short of what it inflates to.
    const bad = good.slice();
    const e = zipEntries(bad).get('xl/worksheets/sheet1.xml')!;
    let at = -1;
    for (let i = bad.length - 22; i > 0; i--) {
      if (bad[i] === 0x50 && bad[i + 1] === 0x4b && bad[i + 2] === 1 && bad[i + 3] === 2) {
        const name = new TextDecoder().decode(bad.subarray(i + 46, i + 46 + (bad[i + 28]! | (bad[i + 29]! << 8))));
        if (name === e.name) at = i;
      }
    }
    new DataView(bad.buffer).setUint32(at + 24, e.size - 1, true);
    for (const [bytes, ok] of [
      [good, true],
      [bad, false],
    ] as const) {
      const read = await readWorkbook(bytes, 'a.xlsx');
      if (!read.ok) throw new Error(read.code);
      const scan = read.workbook.sheets[0]!.read(() => undefined);
      if (ok) await expect(scan).resolves.toBeDefined();
      else await expect(scan).rejects.toMatchObject({ code: 'workbook_damaged', params: { part: e.name } });
    }
  });
});
