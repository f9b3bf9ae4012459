import type { Problem } from '@/domain/issues';
import { describe, expect, it } from 'vitest';
import { createDecoder, decodeBytes, DEFAULT_PIECE_BYTES } from '@/domain/decode';
import type { Encoding } from '@/domain/types';

const utf8 = (s: string) => new TextEncoder().encode(s);

function concat(...parts: Array<Uint8Array | number[]>): Uint8Array {
  const len = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(len);
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

/** Bytes from a hex string such as 'b5 a5 ce bb'. */
function hex(h: string): Uint8Array {
  return Uint8Array.from(
    h
      .split(/\s+/)
      .filter(Boolean)
      .map((b) => parseInt(b, 16)),
  );
}

// GBK bytes written out by hand (Node has no GBK encoder): these are what Excel on a Chinese
// Windows saves for the text on the right.
const GBK = {
  单位名称: hex('b5 a5 ce bb c3 fb b3 c6'),
  年度: hex('c4 ea b6 c8'),
  评价类型: hex('c6 c0 bc db c0 e0 d0 cd'),
  北京市贸促会: hex('b1 b1 be a9 ca d0 c3 b3 b4 d9 bb e1'),
  部门整体: hex('b2 bf c3 c5 d5 fb cc e5'),
  全年预算数万元: hex('c8 ab c4 ea d4 a4 cb e3 ca fd a3 a8 cd f2 d4 aa a3 a9'),
  优: hex('d3 c5'),
};
// A character outside GBK that GB18030 encodes in four bytes (U+20000).
const GB18030_FOUR_BYTE = hex('95 32 82 36');

const comma = utf8(',');
const crlf = utf8('\r\n');

const GBK_CSV = concat(
  GBK.单位名称,
  comma,
  GBK.年度,
  comma,
  GBK.评价类型,
  comma,
  GBK.全年预算数万元,
  comma,
  GBK.优,
  crlf,
  GBK.北京市贸促会,
  comma,
  utf8('2022'),
  comma,
  GBK.部门整体,
  comma,
  utf8('"5,333.85"'),
  crlf,
);
const GBK_TEXT = '单位名称,年度,评价类型,全年预算数（万元）,优\r\n北京市贸促会,2022,部门整体,"5,333.85"\r\n';

const CSV_TEXT = '单位名称,年度,评价类型,评价得分\n北京市贸促会,2022,部门整体,96.5\n';
const BOM = [0xef, 0xbb, 0xbf];

function decoded(bytes: Uint8Array): { text: string; encoding: Encoding } {
  const r = decodeBytes(bytes);
  if (!r.ok) throw new Error(`expected text, got: ${r.problem.code}`);
  return { text: r.text, encoding: r.encoding };
}

/** Why the bytes are refused: the code, and the parameters when there are any. */
function refused(bytes: Uint8Array): Problem {
  const r = decodeBytes(bytes);
  if (r.ok) throw new Error(`expected a refusal, got ${r.encoding} text`);
  return r.problem;
}

function streamed(bytes: Uint8Array, pieceBytes?: number): { pieces: string[]; encoding: Encoding } {
  const d = createDecoder(bytes);
  if (!d.ok) throw new Error(`expected a decoder, got: ${d.problem.code}`);
  return { pieces: [...d.pieces(pieceBytes)], encoding: d.encoding };
}

describe('the GBK test bytes', () => {
  it('are what TextDecoder reads as the intended text', () => {
    const dec = new TextDecoder('gb18030', { fatal: true });
    for (const [text, bytes] of Object.entries(GBK)) {
      expect(dec.decode(bytes).replace(/（万元）/, '万元')).toBe(text);
    }
    expect(dec.decode(GB18030_FOUR_BYTE)).toBe('\u{20000}');
  });
});

describe('decodeBytes: encodings', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decoded(utf8(CSV_TEXT))).toEqual({ text: CSV_TEXT, encoding: 'utf-8' });
  });

  it('reads UTF-8 with a BOM and drops the BOM', () => {
    expect(decoded(concat(BOM, utf8(CSV_TEXT)))).toEqual({ text: CSV_TEXT, encoding: 'utf-8-bom' });
  });

  it('reads plain ASCII as UTF-8', () => {
    const text = 'agency,year,scope\r\nX,2022,department\r\n';
    expect(decoded(utf8(text))).toEqual({ text, encoding: 'utf-8' });
  });

  it('reads GBK (as Excel on a Chinese system saves CSV) as gb18030', () => {
    expect(decoded(GBK_CSV)).toEqual({ text: GBK_TEXT, encoding: 'gb18030' });
  });

  it('reads a GB18030 four-byte character', () => {
    const bytes = concat(GBK.单位名称, comma, GB18030_FOUR_BYTE, crlf);
    expect(decoded(bytes)).toEqual({ text: '单位名称,\u{20000}\r\n', encoding: 'gb18030' });
  });

  it('keeps a second BOM-like character inside the text as written', () => {
    const bytes = concat(BOM, utf8('a,b'), BOM, utf8('c'));
    expect(decoded(bytes).text).toBe('a,b\uFEFFc');
  });

  it('refuses bytes that are neither UTF-8 nor GB18030', () => {
    expect(refused(concat(utf8('agency,year\n'), [0xff, 0xfe, 0xff], utf8('\n')))).toEqual({
      code: 'unknown_encoding',
      params: {},
    });
  });

  it('reads a GBK file cut in the middle of a character as GB18030, the cut character as �', () => {
    expect(decoded(concat(GBK.单位名称, [0xb5]))).toEqual({ text: '单位名称\uFFFD', encoding: 'gb18030' });
  });

  it('reads a file marked UTF-8 by its BOM as UTF-8 even where it holds other bytes, those as �', () => {
    const bytes = concat(BOM, utf8('单位名称,年度\n北京,2022\n'), GBK.北京市贸促会, utf8(',2023\n'));
    const { text, encoding } = decoded(bytes);
    expect(encoding).toBe('utf-8-bom');
    expect(text.startsWith('单位名称,年度\n北京,2022\n\uFFFD')).toBe(true);
    expect(text.endsWith(',2023\n')).toBe(true);
  });
});

describe('decodeBytes: files that are not text', () => {
  it('refuses an xlsx workbook (a ZIP) saying it is an Excel workbook', () => {
    const xlsx = concat([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00], utf8('[Content_Types].xml'), [0, 0, 1, 2]);
    expect(refused(xlsx).code).toBe('xlsx_file');
  });

  it('refuses an old .xls workbook', () => {
    const xls = concat([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], new Uint8Array(504));
    expect(refused(xls).code).toBe('xls_file');
  });

  it('refuses a PDF', () => {
    expect(refused(utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj')).code).toBe('pdf_file');
  });

  it('refuses a PNG renamed .csv as not a text file', () => {
    const png = hex(
      '89 50 4e 47 0d 0a 1a 0a 00 00 00 0d 49 48 44 52 00 00 00 10 00 00 00 10 08 06 00 00 00 1f f3 ff 61',
    );
    expect(refused(png).code).toBe('not_text');
  });

  it('reads text with one NUL byte far into the file as text (the parser makes it an error at its cell)', () => {
    const bytes = concat(utf8('a,b\n'.repeat(50_000)), [0], utf8('c,d\n'));
    expect(decoded(bytes).text.endsWith('a,b\n\u0000c,d\n')).toBe(true);
  });

  it('refuses bytes full of control characters', () => {
    const junk = Uint8Array.from({ length: 400 }, (_, i) => (i % 5 === 0 ? 0x01 + (i % 8) : 0x41 + (i % 26)));
    expect(refused(junk).code).toBe('not_text');
  });

  it('accepts text with one stray control character, tabs and form feeds, and drops a DOS end-of-file mark', () => {
    const text = 'agency\tyear\n\u0001X\t2022\n\f';
    expect(decoded(utf8(`${text}\u001a`))).toEqual({ text, encoding: 'utf-8' });
    expect(decoded(utf8(`${text}\u001a\u001a`))).toEqual({ text, encoding: 'utf-8' });
    expect(streamed(utf8(`${text}\u001a`), 3).pieces.join('')).toBe(text);
    // Not at the end, it is text (and an error at its cell).
    expect(decoded(utf8('a\u001ab')).text).toBe('a\u001ab');
  });

  it.each([
    ['UTF-16 LE with BOM', concat([0xff, 0xfe], Uint8Array.from(Buffer.from('agency,year\r\n', 'utf16le')))],
    ['UTF-16 BE with BOM', concat([0xfe, 0xff], Uint8Array.from(Buffer.from('agency,year\r\n', 'utf16le').swap16()))],
    ['UTF-16 LE without BOM', Uint8Array.from(Buffer.from('agency,year,scope\r\nX,2022,department\r\n', 'utf16le'))],
    [
      'UTF-16 BE without BOM',
      Uint8Array.from(Buffer.from('agency,year,scope\r\nX,2022,department\r\n', 'utf16le').swap16()),
    ],
  ])('refuses %s, saying to save as UTF-8 or GBK CSV', (_name, bytes) => {
    expect(refused(bytes).code).toBe('utf16_file');
  });
});

describe('decodeBytes: empty files', () => {
  it.each([
    ['no bytes', new Uint8Array(0), 'utf-8'],
    ['only a BOM', Uint8Array.from(BOM), 'utf-8-bom'],
    ['only white space', utf8(' \r\n\r\n\t \n'), 'utf-8'],
    ['a BOM and white space', concat(BOM, utf8('\r\n \r\n')), 'utf-8-bom'],
  ])('gives empty text for %s', (_name, bytes, encoding) => {
    expect(decoded(bytes)).toEqual({ text: '', encoding });
    expect(streamed(bytes)).toEqual({ pieces: [], encoding });
  });
});

describe('createDecoder: same answers as decodeBytes', () => {
  const cases: Array<[string, Uint8Array]> = [
    ['UTF-8', utf8(CSV_TEXT)],
    ['UTF-8 BOM', concat(BOM, utf8(CSV_TEXT))],
    ['GBK', GBK_CSV],
    ['four-byte GB18030', concat(GBK.优, GB18030_FOUR_BYTE, GBK.优)],
    ['xlsx', concat([0x50, 0x4b, 0x03, 0x04], new Uint8Array(20))],
    ['UTF-16', concat([0xff, 0xfe], Uint8Array.from(Buffer.from('a,b', 'utf16le')))],
    ['binary', hex('89 50 4e 47 0d 0a 1a 0a 00 00 00 0d')],
    ['undecodable', hex('41 ff 41')],
    ['bad UTF-8 after a BOM', concat(BOM, [0x41, 0xc3])],
  ];
  it.each(cases)('%s', (_name, bytes) => {
    const whole = decodeBytes(bytes);
    const stream = createDecoder(bytes);
    expect(stream.ok).toBe(whole.ok);
    if (whole.ok && stream.ok) {
      expect(stream.encoding).toBe(whole.encoding);
      expect([...stream.pieces()].join('')).toBe(whole.text);
    } else if (!whole.ok && !stream.ok) {
      expect(stream.problem).toEqual(whole.problem);
    }
  });
});

describe('createDecoder: pieces', () => {
  it('keeps multi-byte UTF-8 characters whole across every slice boundary', () => {
    const text = '单位名称,年度\n北京市贸促会,2022\n𠀀🙂,优\n';
    const bytes = utf8(text);
    for (let size = 1; size <= 9; size++) {
      const { pieces, encoding } = streamed(bytes, size);
      expect(encoding).toBe('utf-8');
      expect(pieces.join('')).toBe(text);
      // No piece starts or ends with half a character.
      for (const p of pieces) expect(p).not.toContain('\uFFFD');
    }
  });

  it('keeps GBK and four-byte GB18030 characters whole across every slice boundary', () => {
    const bytes = concat(GBK_CSV, GB18030_FOUR_BYTE, GBK.优);
    const text = `${GBK_TEXT}\u{20000}优`;
    for (let size = 1; size <= 7; size++) {
      const { pieces, encoding } = streamed(bytes, size);
      expect(encoding).toBe('gb18030');
      expect(pieces.join('')).toBe(text);
      for (const p of pieces) expect(p).not.toContain('\uFFFD');
    }
  });

  it('drops the BOM from the first piece', () => {
    const { pieces, encoding } = streamed(concat(BOM, utf8('ab')), 1);
    expect(encoding).toBe('utf-8-bom');
    expect(pieces).toEqual(['a', 'b']);
  });

  it('cuts pieces of the size asked for', () => {
    const { pieces } = streamed(utf8('x'.repeat(100)), 10);
    expect(pieces).toHaveLength(10);
    expect(pieces.every((p) => p.length === 10)).toBe(true);
  });

  it('falls back to the default size for a nonsensical size', () => {
    for (const size of [0, -1, 1.5, Number.NaN]) {
      expect(streamed(utf8('abc'), size).pieces).toEqual(['abc']);
    }
  });

  it('can be read more than once', () => {
    const d = createDecoder(GBK_CSV);
    if (!d.ok) throw new Error(d.problem.code);
    expect([...d.pieces(3)].join('')).toBe(GBK_TEXT);
    expect([...d.pieces(5)].join('')).toBe(GBK_TEXT);
  });
});

describe('createDecoder: big files', () => {
  const MiB = 1024 * 1024;

  it('yields 4 MiB pieces by default', () => {
    expect(DEFAULT_PIECE_BYTES).toBe(4 * MiB);
    const bytes = new Uint8Array(9 * MiB).fill(0x61);
    const { pieces } = streamed(bytes);
    expect(pieces.map((p) => p.length)).toEqual([4 * MiB, 4 * MiB, MiB]);
  });

  it('finds UTF-8 when a character straddles the detection slice boundary', () => {
    // '单' is 3 bytes; put it across the 4 MiB mark.
    const bytes = concat(new Uint8Array(DEFAULT_PIECE_BYTES - 1).fill(0x61), utf8('单位'));
    const { pieces, encoding } = streamed(bytes);
    expect(encoding).toBe('utf-8');
    expect(pieces.join('').endsWith('a单位')).toBe(true);
    expect(pieces.join('')).toHaveLength(DEFAULT_PIECE_BYTES - 1 + 2);
  });

  it('finds GBK that only starts after the first slices of ASCII', () => {
    const bytes = concat(new Uint8Array(5 * MiB).fill(0x61), GBK.北京市贸促会);
    expect(streamed(bytes).encoding).toBe('gb18030');
    const whole = decoded(bytes);
    expect(whole.encoding).toBe('gb18030');
    expect(whole.text.endsWith('a北京市贸促会')).toBe(true);
  });

  it('reads a BOM file whose invalid byte lies beyond the first slice as UTF-8, the byte as �', () => {
    const lines = utf8('a,b\n'.repeat((5 * MiB) / 4));
    const bytes = concat(BOM, lines, utf8('x,'), [0xc3], utf8(',y\nc,d\n'));
    const { pieces, encoding } = streamed(bytes);
    expect(encoding).toBe('utf-8-bom');
    expect(pieces.join('').endsWith('a,b\nx,\uFFFD,y\nc,d\n')).toBe(true);
  });

  it('keeps a lone lead byte cut by a slice boundary as one �', () => {
    // A lead byte of a 3-byte sequence as the last byte of the first 4 MiB slice, then ASCII.
    const head = utf8('a\n'.repeat(DEFAULT_PIECE_BYTES / 2 - 1));
    const bytes = concat(BOM, head, utf8('z'), [0xe5], utf8('zz\nok\n'));
    const text = streamed(bytes).pieces.join('');
    expect(text.endsWith('a\nz\uFFFDzz\nok\n')).toBe(true);
    expect(text.split('\uFFFD')).toHaveLength(2);
  });
});
