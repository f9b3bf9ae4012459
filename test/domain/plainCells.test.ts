// Amounts, percents and numbers read where they lie in the line (plainCell): each such cell must
// read exactly as its column's parser reads it, and a records file must give the same answer
// through the fast path as through the reference path, whatever its cells and header units.
import fc from 'fast-check';
import { describe, expect, it, test } from 'vitest';
import { parseFile } from '@/domain/parseFile';
import { SCHEMA } from '@/domain/schema';
import { plainCell, type PlainRead } from '@/domain/spanCells';
import { parseAmount, parseNumber, parsePercent } from '@/domain/values';
import { answer } from './indicatorFiles';

const PARSERS = {
  number: parseNumber,
  amount: (s: string) => parseAmount(s, 1),
  percent: parsePercent,
} as const;

/** Decimals as files write them, and those on the edges of plainCell's ranges. */
const decimalArb = fc.oneof(
  fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.integer({ min: 0, max: 9 })).map(([n, k]) => {
    const s = n.toString().padStart(k + 1, '0');
    return k === 0 ? s : `${s.slice(0, -k)}.${s.slice(-k)}`;
  }),
  fc.constantFrom(
    '8589934591.999999',
    '8589934592',
    '8589934592.5',
    '9999999999.99',
    '10000000000',
    '10000000000.5',
    '1000',
    '1000.0000001',
    '999.9999999',
    '0.0000005',
    '0.0000015',
    '12.0000005',
    '3.',
    '.5',
    '007',
    '0',
  ),
);
const cellArb = fc.oneof(
  decimalArb,
  decimalArb.map((d) => `${d}%`),
  fc.stringMatching(/^[0-9.,%\- ]{0,12}$/),
);

describe('cells read in place', () => {
  for (const read of ['number', 'amount', 'percent'] as const satisfies readonly PlainRead[]) {
    test(`a ${read} cell read in place reads as its parser reads it`, () => {
      let inPlace = 0;
      fc.assert(
        fc.property(cellArb, (cell) => {
          const x = plainCell(read, `,${cell},`, 1, cell.length + 1);
          if (x < 0) return;
          inPlace++;
          expect(PARSERS[read](cell), cell).toEqual({ ok: true, value: x });
        }),
        { numRuns: 3000 },
      );
      // Most decimals are read in place: the comparison is not between nothing and nothing.
      expect(inPlace).toBeGreaterThan(200);
    });
  }
});

const AGENCIES = ['北京市西城区示例中心', '甲单位'];
const AMOUNTS = [
  '100',
  '100.5',
  '1,000.25',
  '90万元',
  '¥12',
  '１２',
  '12.1234567',
  '8589934592.5',
  '10000000001',
  '',
  '—',
  '-5',
  '(3)',
  '1e3',
  '0',
  '3.',
  '.5',
  ' 12 ',
  '12.000001',
];
const PERCENTS = [
  '90.67%',
  '90.67',
  '100%',
  '1000',
  '1000.5%',
  '-3%',
  '−3%',
  '',
  '—',
  '9 %',
  '95.5％',
  '%',
  '0%',
  '12.3456789%',
];
const CELLS: Record<string, readonly string[]> = {
  agency: AGENCIES,
  region: ['', '北京市西城区'],
  year: ['2023', '2024'],
  scope: ['部门整体', '项目'],
  project: ['', '培训项目'],
  score: ['90', '85.5', '', '101', '1000', '1001', '88分'],
  grade: ['优', '良', '', '差'],
  evaluator: ['', '部门自评'],
  source: [''],
  note: ['', '说明'],
  evidence: [''],
};
const FIELDS = SCHEMA.records;
const cellsOf = (name: string, type: string): readonly string[] =>
  CELLS[name] ?? (type === 'amount' ? AMOUNTS : type === 'percent' ? PERCENTS : ['']);

const recordsFileArb = fc.record({
  // Amount columns headed in 元 (scaled) or in 万元 (read in place).
  yuan: fc.array(fc.boolean(), { minLength: FIELDS.length, maxLength: FIELDS.length }),
  rows: fc.array(fc.tuple(...FIELDS.map((f) => fc.constantFrom(...cellsOf(f.name, f.type)))), {
    minLength: 1,
    maxLength: 30,
  }),
});

function recordsFile(f: { yuan: readonly boolean[]; rows: readonly (readonly string[])[] }): Uint8Array {
  const header = FIELDS.map((s, i) =>
    s.type === 'amount' && f.yuan[i] ? s.label.replace('（万元）', '（元）') : s.label,
  );
  const quoted = (c: string): string => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c);
  const lines = [header, ...f.rows].map((r) => r.map(quoted).join(','));
  return new TextEncoder().encode(lines.join('\r\n') + '\r\n');
}

describe('records files through the fast path', () => {
  it('answer what the reference path answers, with amounts headed in 元 or 万元', async () => {
    await fc.assert(
      fc.asyncProperty(recordsFileArb, async (f) => {
        const bytes = recordsFile(f);
        const fast = await parseFile(bytes, 'r.csv');
        const reference = await parseFile(bytes, 'r.csv', { reference: true });
        expect(answer(fast)).toEqual(answer(reference));
      }),
      { numRuns: 200 },
    );
  }, 120_000);

  it('reads the plain amounts and rates of a clean file into its columns', async () => {
    const row = FIELDS.map((s) =>
      s.name === 'agency'
        ? '甲单位'
        : s.name === 'year'
          ? '2023'
          : s.name === 'scope'
            ? '部门整体'
            : s.type === 'amount'
              ? '100.25'
              : s.type === 'percent'
                ? '90.67%'
                : '',
    );
    const bytes = recordsFile({ yuan: FIELDS.map(() => false), rows: [row] });
    const p = await parseFile(bytes, 'r.csv');
    expect([p.kind, p.rows, p.errorCount]).toEqual(['records', 1, 0]);
    expect(p.chunks[0]!.num.budget).toEqual(new Float64Array([100.25]));
    expect(p.chunks[0]!.num.execution_rate).toEqual(new Float64Array([90.67]));
    const yuan = await parseFile(recordsFile({ yuan: FIELDS.map(() => true), rows: [row] }), 'r.csv');
    expect(yuan.chunks[0]!.num.budget).toEqual(new Float64Array([0.010025]));
  });
});
