// Files whose name promises a format their bytes are not: a zero-byte .xlsx or .docx, a text file
// renamed .xlsx, a web page saved as .xls. Extraction and the upload say what the file is, not
// "unsupported format".
import { describe, expect, it } from 'vitest';
import { extractFile } from '@/domain/extract';
import { readUpload } from '@/domain/upload/readUpload';
import { encodeLegacy } from '../../scripts/fixtures/legacyEncode';
import { utf8 } from '../fixtures/pipeline';

const codes = (issues: readonly { code: string; params?: object }[]) => issues.map((i) => [i.code, i.params]);

async function uploaded(name: string, bytes: Uint8Array) {
  const { parts } = await readUpload([
    { name, size: bytes.length, head: async (n) => bytes.subarray(0, n), read: async () => bytes },
  ]);
  return parts[0]!.parsed;
}

const CSV = '单位名称,年度,评价类型\n测试单位,2023,部门整体\n';

describe('extracting a file that is not what its name says', () => {
  it.each(['a.xlsx', 'a.docx', 'a.pdf', 'a.xls'])('says a zero-byte %s is empty', async (name) => {
    expect(codes((await extractFile(new Uint8Array(0), name)).errors)).toEqual([['empty_file', {}]]);
  });

  it('says a text file renamed .xlsx (UTF-8 or GBK) is text', async () => {
    for (const bytes of [utf8(CSV), encodeLegacy('gbk', CSV)]) {
      expect(codes((await extractFile(bytes, '数据.xlsx')).errors)).toEqual([
        ['extension_mismatch_text', { extension: '.xlsx' }],
      ]);
    }
    expect(codes((await extractFile(utf8('报告正文'), '报告.DOCX')).errors)).toEqual([
      ['extension_mismatch_text', { extension: '.DOCX' }],
    ]);
  });

  it('says a web page saved as .xls is a web page', async () => {
    const html = utf8('<html><body><table><tr><td>单位名称</td></tr></table></body></html>');
    expect(codes((await extractFile(html, '导出.xls')).errors)).toEqual([
      ['extension_mismatch_html', { extension: '.xls' }],
    ]);
  });

  it('says bytes that are neither the format nor text are not that format', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3, 4, 0, 0, 5]);
    expect(codes((await extractFile(png, '表.xlsx')).errors)).toEqual([['extension_mismatch', { extension: '.xlsx' }]]);
  });

  it('still calls a format it does not read unsupported', async () => {
    expect(codes((await extractFile(utf8('x'), 'a.pptx')).errors)).toEqual([
      ['unsupported_format', { format: '.pptx' }],
    ]);
  });
});

describe('uploading a file that is not what its name says', () => {
  it('reads a CSV renamed .xlsx as CSV, and says so', async () => {
    const p = await uploaded('数据.xlsx', utf8(CSV));
    expect(p.kind).toBe('records');
    expect(p.errors).toEqual([]);
    expect(codes(p.warnings)).toEqual([['read_as_csv', { extension: '.xlsx' }]]);
  });

  it('refuses a web page saved as .xls, saying what it is', async () => {
    const p = await uploaded('导出.xls', utf8('<!DOCTYPE html><html><table></table></html>'));
    expect(codes(p.errors)).toEqual([['extension_mismatch_html', { extension: '.xls' }]]);
  });

  it('leaves a real PDF or zip to what reads it: it is no misnamed file', async () => {
    expect(codes((await uploaded('报告.pdf', utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj'))).errors)).toEqual([['pdf_file', {}]]);
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 0, 0]);
    expect(codes((await uploaded('报告.docx', zip)).errors).map(([code]) => code)).not.toContain('extension_mismatch');
  });

  it('says a zero-byte .xlsx is empty', async () => {
    expect(codes((await uploaded('a.xlsx', new Uint8Array(0))).errors)).toEqual([['empty_file', {}]]);
  });
});
