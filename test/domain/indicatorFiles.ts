// Generated indicator files for the one-parser tests (oneParser.test.ts, splitParse.test.ts):
// quoting and doubled quotes, line breaks inside quotes, LF / CRLF / CR mixed, a BOM or none,
// blank lines, cells too many or too few, unclosed quotes, bad bytes, control characters, GBK.
import fc from 'fast-check';
import { recordKey } from '@/domain/keys';
import type { KnownRecord } from '@/domain/parseFile';
import type { ParsedFile } from '@/domain/types';
import { SCHEMA } from '@/domain/schema';
import { encodeLegacy } from '../../scripts/fixtures/legacyEncode';

/** The contract's indicator columns but the provenance ones (资料来源, 出处), by the labels of SCHEMA. */
export const FIELDS = SCHEMA.indicators.map((f) => f.name).filter((f) => f !== 'source' && f !== 'evidence');
export const COLUMNS = FIELDS.map((f) => SCHEMA.indicators.find((s) => s.name === f)!.label);

// Names alike but for one character: a cell must never be taken for the one before it.
const AGENCIES = ['北京市西城区示例中心', '北京市西城区示例中学', '甲单位', '乙单位'];
const YEARS = ['2023', '2024'];
const SCOPES = ['部门整体', '项目'];
const PROJECTS = ['', '培训项目'];

/** Every record these agencies, years, scopes and projects make is stored already. */
export const KNOWN = new Map<string, KnownRecord>();
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
  agency: [...AGENCIES, ' 甲单位 ', '', '丙单位', '=甲单位', '甲  单位', '合计', ' 合 计', 'Total', '注：单位万元'],
  year: [...YEARS, ' 2023', '23', '2023.0', '', 'x', '２０２３'],
  scope: [...SCOPES, 'project', '', '其他'],
  project: [...PROJECTS, '培训项目 ', '项目,乙', '无'],
  level1: ['决策', '产出', '效益', '过程', '产出指标', ''],
  level2: ['', '数量指标', '质量指标', '满意度', '小计', '总体目标'],
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
export const lineArb = fc.oneof(
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
  {
    // Not data: a total, notes and signatures under the table.
    weight: 1,
    arbitrary: fc.constantFrom(
      '合计,,,,,,,100,92,,,',
      '注：金额单位为万元,,,,,,,,,,,',
      '填表人：张三,,,审核人：李四,,,,,,,,',
      '说明：见附件',
    ),
  },
);

const EOLS = ['\n', '\r\n', '\r'] as const;

export const fileArb = fc.record({
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

export function bytesOf(f: FileShape): Uint8Array {
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

export type FileShape = {
  bom: boolean;
  blankBefore: boolean;
  header: boolean[];
  lines: Array<[string, string]>;
  finalEol: boolean;
  badByte: number | null;
  pieceBytes: number;
  gbk: boolean;
};

/** Everything a parse answers but its digest (computed the same way by every path). */
export function answer(p: ParsedFile): Omit<ParsedFile, 'sha256'> {
  const { sha256: _, ...rest } = p;
  return rest;
}
