// GBK text that happens to be valid UTF-8: about 930 common characters have two GBK bytes that are
// also a UTF-8 sequence (医院 → "ҽԺ"), so a GBK file with English (canonical) headers whose Chinese
// values are all among them decodes as UTF-8 without an error, as mojibake. Detection weighs what
// each reading reads as (src/domain/decode.ts); genuine UTF-8 with accented, Cyrillic or Greek
// letters and signs beside the Chinese stays UTF-8.
import { describe, expect, it } from 'vitest';
import { createDecoder, createOptimisticDecoder, decodeBytes } from '@/domain/decode';
import { utf8Reading } from '@/domain/utf8Reading';
import { parseFile } from '@/domain/parseFile';
import { rowsOf } from '../fixtures/pipeline';
import { concatBytes, encodeLegacy } from '../../scripts/fixtures/legacyEncode';

const utf8 = (s: string) => new TextEncoder().encode(s);
const gbk = (s: string) => encodeLegacy('gbk', s);

function validUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function encodingOf(bytes: Uint8Array): string {
  const r = decodeBytes(bytes);
  return r.ok ? r.encoding : r.problem.code;
}

const HEADER = 'agency,year,scope,project,budget\n';
// Real names whose every character is one of those whose GBK bytes are valid UTF-8.
const ROWS = [
  '潜山医院,2023,project,药品,10',
  '潜山医院,2023,project,平台系统,25.5',
  '潜山医院,2023,project,专业知识,8',
  '潜山医院,2023,project,小微,3',
  '医院,2024,project,医药,12',
];
const GBK_ROWS = `${HEADER}${ROWS.join('\n')}\n`;

describe('GBK files whose bytes are valid UTF-8', () => {
  it('are what the tests mean: valid UTF-8 that reads as mojibake', () => {
    expect(validUtf8(gbk(GBK_ROWS))).toBe(true);
    expect(new TextDecoder().decode(gbk('医院'))).toBe('ҽԺ');
  });

  it('reads a GBK file with English headers and several rows as GB18030', () => {
    const bytes = gbk(GBK_ROWS);
    expect(decodeBytes(bytes)).toEqual({ ok: true, text: GBK_ROWS, encoding: 'gb18030' });
    const d = createDecoder(bytes);
    expect(d.ok && d.encoding).toBe('gb18030');
    if (d.ok) expect([...d.pieces(7)].join('')).toBe(GBK_ROWS);
  });

  it('reads a single-row GBK file with English headers as GB18030, and stores the names as written', async () => {
    const text = `${HEADER}潜山医院,2023,project,药品,10\n`;
    const bytes = gbk(text);
    expect(validUtf8(bytes)).toBe(true);
    const p = await parseFile(bytes, 'one-row.csv');
    expect(p.encoding).toBe('gb18030');
    expect(p.errors).toEqual([]);
    expect(rowsOf<'records'>(p).map((r) => [r.agency, r.project])).toEqual([['潜山医院', '药品']]);
  });

  it('reads a GBK file as GB18030 when some of its rows are valid UTF-8 and others are not', async () => {
    const bytes = gbk(`${HEADER}医院,2023,project,药品,10\n潜山医院,2023,project,营养午餐,20\n`);
    expect(validUtf8(bytes)).toBe(false);
    const p = await parseFile(bytes, 'mixed.csv');
    expect(p.encoding).toBe('gb18030');
    expect(p.errors).toEqual([]);
    expect(rowsOf<'records'>(p).map((r) => r.project)).toEqual(['药品', '营养午餐']);
  });

  it('reads a GB18030 file with English headers and a four-byte character as GB18030', () => {
    // U+20000 is outside GBK; GB18030 writes it in four bytes.
    const bytes = concatBytes(gbk(`${HEADER}潜山医院,2023,project,`), [0x95, 0x32, 0x82, 0x36], gbk('药品,10\n'));
    expect(decodeBytes(bytes)).toEqual({
      ok: true,
      text: `${HEADER}潜山医院,2023,project,\u{20000}药品,10\n`,
      encoding: 'gb18030',
    });
  });

  it('counts the UTF-8 reading of GBK as odd letters, and real words and signs as text', () => {
    expect(utf8Reading(gbk('潜山医院,药品'), 4)).toEqual({ text: 0, odd: 6, invalid: 0 });
    expect(utf8Reading(utf8('Café Иванов α ·×°± 北京'), 4)).toEqual({ text: 14, odd: 0, invalid: 0 });
  });
});

describe('genuine UTF-8 stays UTF-8', () => {
  it.each([
    ['middle dots and signs', '买买提·艾力,北京市朝阳区,×2,±3°,½,≥90%,①'],
    ['accented Latin names', 'José Müller,Café de Paris,北京,Nguyễn Văn'],
    ['Cyrillic names', 'Иванов Иван,北京市贸促会,Москва'],
    ['Greek letters as signs', 'β系数,α=0.05,Ω,μg'],
    ['pinyin with tones', 'Běijīng,lǚyóu,北京'],
    ['one accented letter and no Chinese', 'Café Ltd'],
    ['one Cyrillic word and no Chinese', 'Иванов'],
    ['Uyghur, Tibetan, Mongolian, Korean', 'ئۇيغۇر,བོད་ཡིག,ᠮᠣᠩᠭᠣᠯ,한국어'],
    ['decomposed accents', 'Cafe\u0301,北京'],
  ])('%s', (_name, row) => {
    const text = `${HEADER}${row}\n`;
    expect(decodeBytes(utf8(text))).toEqual({ ok: true, text, encoding: 'utf-8' });
    expect(encodingOf(utf8(`单位名称,备注\n${row}\n`))).toBe('utf-8');
  });

  it('reads a UTF-8 file with one row pasted from GBK as UTF-8, the pasted bytes as �', () => {
    const bytes = concatBytes(
      utf8('单位名称,年度,评价类型\n北京市贸促会,2022,部门整体\n中国国际贸易促进委员会北京市分会,2023,部门整体\n'),
      gbk('潜山医院,2023,部门整体\n'),
    );
    expect(encodingOf(bytes)).toBe('utf-8');
  });
});

describe('createOptimisticDecoder judges its sample as createDecoder judges a file', () => {
  it('leaves a big GBK file with English headers to createDecoder, which reads it as GB18030', async () => {
    const rows: string[] = [];
    for (let i = 0; i < 8_000; i++) rows.push(ROWS[i % ROWS.length]!.replace(/,20\d\d,/, `,${2000 + (i % 100)},`));
    const text = `${HEADER}${rows.join('\n')}\n`;
    const bytes = gbk(text);
    expect(bytes.length).toBeGreaterThan(3 * 64 * 1024);
    expect(validUtf8(bytes)).toBe(true);
    expect(createOptimisticDecoder(bytes)).toBeNull();
    const d = createDecoder(bytes);
    expect(d.ok && d.encoding).toBe('gb18030');
    const p = await parseFile(bytes, 'big-gbk.csv');
    expect(p.encoding).toBe('gb18030');
    expect(
      rowsOf<'records'>(p)
        .slice(0, 3)
        .map((r) => r.project),
    ).toEqual(['药品', '平台系统', '专业知识']);
  });

  it('keeps the fast path for a big UTF-8 file with accented and Cyrillic names and signs in its sample', () => {
    const row = 'José Müller·Иванов,2023,project,北京市朝阳区 ±3° ×2,10\n';
    const bytes = utf8(HEADER + row.repeat(10_000));
    const fast = createOptimisticDecoder(bytes);
    expect(fast?.ok && fast.encoding).toBe('utf-8');
  });
});
