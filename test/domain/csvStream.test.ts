import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvRecordSplitter, detectDelimiter, firstContentLine, firstLineOf } from '@/domain/csvStream';
import type { Delimiter } from '@/domain/types';

interface Split {
  records: Array<[number, string[]]>;
  errors: number[];
  /** Records and errors in the order the splitter reported them. */
  order: string[];
}

function split(pieces: readonly string[], delimiter: Delimiter = ','): Split {
  const out: Split = { records: [], errors: [], order: [] };
  const s = new CsvRecordSplitter(
    delimiter,
    (cells, row) => {
      out.records.push([row, cells]);
      out.order.push(`record ${row}`);
    },
    (row) => {
      out.errors.push(row);
      out.order.push(`error ${row}`);
    },
  );
  for (const p of pieces) s.push(p);
  s.end();
  return out;
}

/** Cuts `text` into pieces of `size` characters. */
function piecesOf(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

/** Records without the trailing blank record(s) an end-of-file line break may leave. */
function content(s: Split): Array<[number, string[]]> {
  const out = [...s.records];
  while (out.length > 0 && out[out.length - 1]![1].every((c) => c === '')) out.pop();
  return out;
}

describe('detectDelimiter', () => {
  it.each([
    ['单位名称,年度,评价类型', ','],
    ['单位名称\t年度\t评价类型', '\t'],
    ['单位名称;年度;评价类型', ';'],
  ] as const)('detects %j', (line, d) => {
    expect(detectDelimiter(line)).toBe(d);
  });

  it('ignores delimiters inside quotes', () => {
    expect(detectDelimiter('"a;b;c;d",x,y')).toBe(',');
    expect(detectDelimiter('"a,b,c,d";x;y')).toBe(';');
  });

  it('falls back to comma for a single column', () => {
    expect(detectDelimiter('单位名称')).toBe(',');
  });
});

describe('firstLineOf / firstContentLine', () => {
  it('stops at the first line break outside quotes', () => {
    expect(firstLineOf('a,"b\nc",d\ne')).toBe('a,"b\nc",d');
    expect(firstLineOf('a;b\r\nc')).toBe('a;b');
    expect(firstLineOf('a\tb\rc')).toBe('a\tb');
    expect(firstLineOf('no break')).toBe('no break');
  });

  it('skips leading blank lines and waits until the header line is complete', () => {
    expect(firstContentLine('\n \r\n\t\n单位名称;年度\n', false)).toBe('单位名称;年度');
    expect(firstContentLine('\n\n单位名称;年', false)).toBeNull();
    expect(firstContentLine('\n\n单位名称;年', true)).toBe('单位名称;年');
    expect(firstContentLine('\r\n\r\n', false)).toBeNull();
    expect(firstContentLine('\r\n\r\n', true)).toBe('');
    // A header that starts with an empty tab-separated cell keeps its tabs.
    expect(firstContentLine('\t年度\t评价类型\n', false)).toBe('\t年度\t评价类型');
  });
});

describe('CsvRecordSplitter', () => {
  it('numbers records like a spreadsheet: blank lines count as rows', () => {
    const s = split(['h1,h2\n\na,b\n\n\nc,d\n']);
    expect(s.records).toEqual([
      [1, ['h1', 'h2']],
      [2, ['']],
      [3, ['a', 'b']],
      [4, ['']],
      [5, ['']],
      [6, ['c', 'd']],
    ]);
    expect(s.errors).toEqual([]);
  });

  it('reads LF, CRLF, CR and mixed line endings alike', () => {
    const lf = split(['h1,h2\na,b\n\nc,d\n']);
    for (const text of [
      'h1,h2\r\na,b\r\n\r\nc,d\r\n',
      'h1,h2\ra,b\r\rc,d\r',
      'h1,h2\r\na,b\r\nc,d\n'.replace('a,b\r\n', 'a,b\r\n\n'),
      'h1,h2\ra,b\n\r\nc,d',
    ]) {
      expect(content(split([text]))).toEqual(content(lf));
    }
  });

  it('reads a last record without a final line break', () => {
    expect(split(['h\nlast']).records).toEqual([
      [1, ['h']],
      [2, ['last']],
    ]);
  });

  it('reads quoted delimiters, doubled quotes and line breaks inside quotes', () => {
    const s = split(['h1,h2,h3\r\n"a,b","say ""hi""","line1\r\nline2\rline3\nline4"\r\nnext,x,y\r\n']);
    expect(s.records).toEqual([
      [1, ['h1', 'h2', 'h3']],
      // A multi-line cell is one spreadsheet row; CRLF and CR inside it read as LF.
      [2, ['a,b', 'say "hi"', 'line1\nline2\nline3\nline4']],
      [3, ['next', 'x', 'y']],
    ]);
  });

  it('honours the delimiter it was given', () => {
    expect(split(['a;"b;c";d\n'], ';').records).toEqual([[1, ['a', 'b;c', 'd']]]);
    expect(split(['a\t"b\tc"\td\n'], '\t').records).toEqual([[1, ['a', 'b\tc', 'd']]]);
  });

  it('takes a quote inside an unquoted cell literally, so later quoted cells still read right', () => {
    const text = 'h1,h2\nx,5"寸\ny,"多\n行"\nz,c\n';
    const whole = split([text]);
    expect(whole.errors).toEqual([]);
    expect(content(whole)).toEqual([
      [1, ['h1', 'h2']],
      [2, ['x', '5"寸']],
      [3, ['y', '多\n行']],
      [4, ['z', 'c']],
    ]);
    for (let size = 1; size <= text.length; size++) expect(split(piecesOf(text, size))).toEqual(whole);
  });

  it('reports an unclosed quote with its row, before passing the record on', () => {
    const s = split(['h1,h2\nok,1\nbad,"never closed\nmore,2\n']);
    expect(s.errors).toEqual([3]);
    expect(s.order.indexOf('error 3')).toBeLessThan(s.order.indexOf('record 3'));
    expect(s.records.slice(0, 2)).toEqual([
      [1, ['h1', 'h2']],
      [2, ['ok', '1']],
    ]);
  });

  it('reports a malformed closing quote with its row', () => {
    const s = split(['h\n"abc"def,x\n"ok"\n']);
    expect(s.errors).toContain(2);
  });

  it('gives the same records for every way of cutting the text into pieces', () => {
    const text = '单位,说明\r\n甲,"多行\r\n单元格"\r\n\r\n乙,"引号""内""的,逗号"\r丙,末尾';
    const whole = split([text]);
    expect(whole.records).toHaveLength(5);
    for (let cut = 0; cut <= text.length; cut++) {
      expect(split([text.slice(0, cut), text.slice(cut)])).toEqual(whole);
    }
    for (let size = 1; size <= 8; size++) expect(split(piecesOf(text, size))).toEqual(whole);
  });

  it('does not read a CRLF split between two pieces as two line breaks', () => {
    const s = split(['h\r', '\na\r', '\n\r', '\nb\r', '\n']);
    expect(content(s)).toEqual([
      [1, ['h']],
      [2, ['a']],
      [3, ['']],
      [4, ['b']],
    ]);
  });

  it('gives the same records for random CSV text cut at random places (property)', () => {
    const cell = fc.string({
      unit: fc.constantFrom('a', '中', '文', ',', ';', '\t', '"', ' ', '\r\n', '\n', '\r', '1'),
      maxLength: 8,
    });
    const row = fc.array(cell, { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 8 }),
        fc.constantFrom<Delimiter>(',', '\t', ';'),
        fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 8, maxLength: 8 }),
        fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 10 }),
        (rows, delimiter, endings, sizes) => {
          const quote = (c: string) => (/[",;\t\r\n]/.test(c) || c === '' ? `"${c.replace(/"/g, '""')}"` : c);
          const text = rows.map((r, i) => r.map(quote).join(delimiter) + endings[i]!).join('');
          const whole = split([text], delimiter);
          expect(whole.errors).toEqual([]);
          // Every cell reads back as written, with its line breaks as LF, on its own row.
          const read = whole.records.slice(0, rows.length);
          expect(read.map(([, cells]) => cells)).toEqual(rows.map((r) => r.map((c) => c.replace(/\r\n?/g, '\n'))));
          expect(read.map(([n]) => n)).toEqual(rows.map((_, i) => i + 1));
          // Past them at most a blank record that the final line break leaves.
          expect(whole.records.slice(rows.length).every(([, cells]) => cells.every((c) => c === ''))).toBe(true);
          // Cut into pieces of varying sizes: same records, same rows.
          const pieces: string[] = [];
          for (let at = 0, k = 0; at < text.length; k++) {
            const size = sizes[k % sizes.length]!;
            pieces.push(text.slice(at, at + size));
            at += size;
          }
          expect(split(pieces, delimiter)).toEqual(whole);
        },
      ),
      { numRuns: 300 },
    );
  });
});
