// One parser: the fast paths of a big import (the optimistic UTF-8 decoder, records split by hand
// and their cells read in place, numbers read without a string per cell) must give exactly the
// records, values, errors and warnings of the reference path (`reference: true`: every record
// through PapaParse as cell strings, the full encoding check first) on every file. The files are
// generated: quoting and doubled quotes, line breaks inside quotes, LF / CRLF / CR mixed, a BOM or
// none, blank lines, cells too many or too few, unclosed quotes, bad bytes, control characters,
// numbers written every way analysts write them, and any cut of the file into pieces.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordKey } from '@/domain/keys';
import { parseFile, type KnownRecord } from '@/domain/parseFile';
import { SCHEMA } from '@/domain/schema';
import type { ParsedFile } from '@/domain/types';
import { encodeLegacy } from '../../scripts/fixtures/legacyEncode';

/** The contract's indicator columns but the provenance ones (资料来源, 出处), by the labels of SCHEMA. */
const FIELDS = SCHEMA.indicators.map((f) => f.name).filter((f) => f !== 'source' && f !== 'evidence');
const COLUMNS = FIELDS.map((f) => SCHEMA.indicators.find((s) => s.name === f)!.label);

// Names alike but for one character: a cell must never be taken for the one before it.
const AGENCIES = ['北京市西城区示例中心', '北京市西城区示例中学', '甲单位', '乙单位'];
const YEARS = ['2023', '2024'];
const SCOPES = ['部门整体', '项目'];
const PROJECTS = ['', '培训项目'];

/** Every record these agencies, years, scopes and projects make is stored already. */
const KNOWN = new Map<string, KnownRecord>();
for (const agency of AGENCIES)
  for (const y of YEARS)
    for (const [s, scope] of [
      ['部门整体', 'department'],
      ['项目', 'project'],
    ] as const)
      for (const project of PROJECTS)
        if ((scope === 'project') === (project !== ''))
          KNOWN.set(recordKey({ agency, year: Number(y), scope, project }), { score: s === '项目' ? 90 : null });

/** Cells per column: mostly what real files hold, with the odd one any parser gets wrong. */
const CELLS: Record<string, readonly string[]> = {
  agency: [...AGENCIES, ' 甲单位 ', '', '丙单位', '=甲单位', '甲  单位'],
  year: [...YEARS, ' 2023', '23', '2023.0', '', 'x', '２０２３'],
  scope: [...SCOPES, 'project', '', '其他'],
  project: [...PROJECTS, '培训项目 ', '项目,乙', '无'],
  level1: ['决策', '产出', '效益', '过程', '产出指标', ''],
  level2: ['', '数量指标', '质量指标', '满意度'],
  level3: ['', '培训次数', '培训人数', '满意度', '覆盖率', '次数"说明"', '计划\n完成'],
  weight: ['10', '20', '20.5', '5,5', '-1', '', '—', '1e3', '100', '(3)', '10%', ' 7 ', '0', '12345678901234567'],
  score: ['10', '8', '8.25', '', '0.5', '30', '9.999', '-0', '８', '1,000'],
  target: ['≥4次', '≥5次', '95%', '', 'x"y', '达到预期', '≥4次/年'],
  actual: ['4次', '96.5%', '', '"未完成"', '按时完成'],
  note: ['', '说明', 'say "hi", ok', '\u0001', '\uFFFD', '行一\r\n行二', ' '],
};

/** How a cell is written: as it is, or quoted (doubling its quotes); a cell that needs quotes always is. */
function written(cell: string, quote: boolean): string {
  const needs = /[",\r\n]/.test(cell);
  return quote || needs ? `"${cell.replaceAll('"', '""')}"` : cell;
}

const rowArb = fc.tuple(
  fc.tuple(...FIELDS.map((f) => fc.constantFrom(...CELLS[f]!))),
  fc.array(fc.boolean(), { minLength: COLUMNS.length, maxLength: COLUMNS.length }),
);

/** A line of the file: a row, or one of the things that are not quite a row. */
const lineArb = fc.oneof(
  { weight: 12, arbitrary: rowArb.map(([cells, quotes]) => cells.map((c, i) => written(c, quotes[i]!)).join(',')) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', ',,,', '\t') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '甲单位,2023,部门整体,,决策,,,10,8,,,"never closed',
      '甲单位,2023,部门整体,,决策,,,10,8,"a"b,,',
      '甲单位,2023,部门整体,,决策,,,10,8,,,,extra',
      '甲单位,2023,部门整体,,决策,,,10,8,,,,,',
      '甲单位,2023',
      '"甲单位",2023,"部门整体",,"决策",,,"10","8",,, ',
      // A clean row that may come twice (a duplicate key), once quoted.
      '北京市西城区示例中心,2023,部门整体,,决策,,,10,8,,,',
      '"北京市西城区示例中心","2023","部门整体","","决策","","","10","8","","",""',
    ),
  },
);

const EOLS = ['\n', '\r\n', '\r'] as const;

const fileArb = fc.record({
  bom: fc.boolean(),
  blankBefore: fc.boolean(),
  header: fc.array(fc.boolean(), { minLength: COLUMNS.length, maxLength: COLUMNS.length }),
  lines: fc.array(fc.tuple(lineArb, fc.constantFrom(...EOLS)), { maxLength: 25 }),
  finalEol: fc.boolean(),
  /** A byte that is not UTF-8, at this share of the file (or none). */
  badByte: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
  pieceBytes: fc.constantFrom(1, 3, 7, 64, 4 * 1024 * 1024),
  /** GBK as Excel on a Chinese system saves "CSV" (when every character has a GBK form). */
  gbk: fc.boolean(),
});

function bytesOf(f: FileShape): Uint8Array {
  const header = COLUMNS.map((c, i) => written(c, f.header[i]!)).join(',');
  let text = (f.blankBefore ? '\r\n' : '') + header + '\r\n';
  f.lines.forEach(([line, eol], i) => {
    text += line + (i < f.lines.length - 1 || f.finalEol ? eol : '');
  });
  const body = (f.gbk && gbkOf(text)) || new TextEncoder().encode(text);
  const bom = f.bom && !f.gbk ? [0xef, 0xbb, 0xbf] : [];
  const out = [...bom, ...body];
  if (f.badByte !== null) out.splice(bom.length + Math.floor(f.badByte * body.length), 0, 0xff);
  return new Uint8Array(out);
}

function gbkOf(text: string): Uint8Array | null {
  try {
    return encodeLegacy('gbk', text);
  } catch {
    return null; // a character GBK lacks (�): the file is written as UTF-8
  }
}

type FileShape = {
  bom: boolean;
  blankBefore: boolean;
  header: boolean[];
  lines: Array<[string, string]>;
  finalEol: boolean;
  badByte: number | null;
  pieceBytes: number;
  gbk: boolean;
};

/** Everything a parse answers but its digest (computed the same way by both). */
function answer(p: ParsedFile): Omit<ParsedFile, 'sha256'> {
  const { sha256: _, ...rest } = p;
  return rest;
}

describe('one parser: the fast paths answer what the reference path answers', () => {
  it('on generated indicator files, for any cut into pieces', async () => {
    await fc.assert(
      fc.asyncProperty(fileArb, async (f) => {
        const bytes = bytesOf(f);
        const fast = await parseFile(bytes, 'f.csv', { knownRecords: KNOWN, pieceBytes: f.pieceBytes });
        const reference = await parseFile(bytes, 'f.csv', { knownRecords: KNOWN, reference: true });
        expect(answer(fast)).toEqual(answer(reference));
      }),
      { numRuns: 250 },
    );
  }, 120_000);

  it('reads the clean rows of such files, so the comparison is not between two empty answers', async () => {
    const f: FileShape = {
      bom: true,
      blankBefore: false,
      header: COLUMNS.map(() => false),
      lines: [
        ['北京市西城区示例中心,2023,部门整体,,决策,,,10,8,,,', '\r\n'],
        ['北京市西城区示例中心,2023,部门整体,,产出,数量指标,培训次数,20.5,20,≥4次,4次,', '\r\n'],
      ],
      finalEol: true,
      badByte: null,
      pieceBytes: 7,
      gbk: false,
    };
    const p = await parseFile(bytesOf(f), 'f.csv', { knownRecords: KNOWN, pieceBytes: 7 });
    expect([p.kind, p.rows, p.errorCount]).toEqual(['indicators', 2, 0]);
    expect(p.chunks[0]!.num.weight).toEqual(new Float64Array([10, 20.5]));
    const gbk = await parseFile(bytesOf({ ...f, bom: false, gbk: true }), 'f.csv', { knownRecords: KNOWN });
    expect([gbk.encoding, gbk.rows, gbk.errorCount]).toEqual(['gb18030', 2, 0]);
  });

  it('meets the errors and warnings the importer gives, so the comparison covers them', async () => {
    // Over a fixed sample of generated files: every code below comes up in at least one of them.
    const seen = new Set<string>();
    for (const f of fc.sample(fileArb, { numRuns: 300, seed: 14 })) {
      const p = await parseFile(bytesOf(f), 'f.csv', { knownRecords: KNOWN, reference: true });
      for (const i of [...p.errors, ...p.warnings]) seen.add(i.code);
    }
    for (const code of [
      'unclosed_quote',
      'quote_misplaced',
      'too_many_fields',
      'replacement_character',
      'control_character',
      'missing_record',
      'duplicate_key',
      'number_invalid',
      'number_range',
      'score_above_weight',
      'name_normalized',
      'total_sum',
    ])
      expect([...seen].sort(), code).toContain(code);
  });
});
