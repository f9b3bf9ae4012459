import { describe, expect, it } from 'vitest';
import {
  isEmptyMarker,
  parseAmount,
  parseCategory,
  parseGrade,
  parseInteger,
  parseNumber,
  parsePercent,
  parseScope,
  type ValueResult,
} from '@/domain/values';

function valueOf<T>(r: ValueResult<T>): T | null {
  if (!r.ok) throw new Error(`expected a value, got error: ${r.code}`);
  return r.value;
}

/** The code and parameters of a refused cell. */
function problemOf<T>(r: ValueResult<T>): { code: string; params: unknown } {
  if (r.ok) throw new Error(`expected an error, got value ${String(r.value)}`);
  return { code: r.code, params: r.params };
}

// Every marker the contract (and the brief) lists for "no value", with and without padding.
const EMPTY = ['', '—', '——', '-', '－', '–', '/', '／', '无'];

describe('isEmptyMarker', () => {
  it.each(EMPTY)('treats %j as no value', (m) => {
    expect(isEmptyMarker(m)).toBe(true);
    expect(isEmptyMarker(`  ${m}\t`)).toBe(true);
    expect(isEmptyMarker(`\u3000${m}\u3000`)).toBe(true);
  });

  it.each(['0', '无效', '-5', 'a', '—1', '/x', '0.0'])('treats %j as a value', (v) => {
    expect(isEmptyMarker(v)).toBe(false);
  });
});

describe('empty markers give null (never 0) in every parser', () => {
  const parsers: Array<[string, (raw: string) => ValueResult<unknown>]> = [
    ['parseAmount', (r) => parseAmount(r)],
    ['parsePercent', parsePercent],
    ['parseNumber', parseNumber],
    ['parseInteger', (r) => parseInteger(r, 1990, 2100)],
    ['parseScope', parseScope],
    ['parseGrade', parseGrade],
    ['parseCategory', parseCategory],
  ];
  for (const [name, parse] of parsers) {
    it.each(EMPTY)(`${name}(%j) is null`, (m) => {
      expect(parse(` ${m} `)).toEqual({ ok: true, value: null });
    });
  }
});

describe('parseAmount', () => {
  it.each([
    ['5333.85', 5333.85],
    ['0', 0],
    ['0.00', 0],
    ['12', 12],
    ['5,333.85', 5333.85],
    ['1,234,567.5', 1234567.5],
    ['  88.5  ', 88.5],
    ['\t88.5\u3000', 88.5],
    ['１２３．４５', 123.45],
    ['５，３３３．８５', 5333.85],
    ['1，234', 1234],
    ['.5', 0.5],
    ['5.', 5],
    ['+7', 7],
    ['1.2E+03', 1200],
    ['¥12.5', 12.5],
    ['￥12.5', 12.5],
    ['-0', 0],
  ])('reads %j as %d 万元', (raw, expected) => {
    expect(valueOf(parseAmount(raw))).toBe(expected);
  });

  it.each([
    ['90万元', 90],
    ['90 万元', 90],
    ['90万', 90],
    ['900000元', 90],
    ['900,000元', 90],
    ['1.2亿元', 12000],
    ['1.2亿', 12000],
    ['５０万元', 50],
    ['250千元', 25],
  ])('a unit in the cell sets the scale: %j is %d 万元', (raw, expected) => {
    expect(valueOf(parseAmount(raw))).toBe(expected);
  });

  it('applies the header scale when the cell has no unit', () => {
    expect(valueOf(parseAmount('900000', 0.0001))).toBe(90);
    expect(valueOf(parseAmount('1.2', 10000))).toBe(12000);
    expect(valueOf(parseAmount('53,338,500', 0.0001))).toBe(5333.85);
    expect(valueOf(parseAmount('5333.85', 1))).toBe(5333.85);
  });

  it('lets the cell unit override the header scale', () => {
    expect(valueOf(parseAmount('90万元', 0.0001))).toBe(90);
    expect(valueOf(parseAmount('900000元', 10000))).toBe(90);
    expect(valueOf(parseAmount('1.2亿元', 0.0001))).toBe(12000);
  });

  it('scales without binary artefacts (exact to 6 decimals)', () => {
    expect(valueOf(parseAmount('3', 0.1))).toBe(0.3);
    expect(valueOf(parseAmount('123456.78', 0.0001))).toBe(12.345678);
    expect(valueOf(parseAmount('1.1', 10000))).toBe(11000);
    expect(valueOf(parseAmount('0.07', 10000))).toBe(700);
    expect(valueOf(parseAmount('1元'))).toBe(0.0001);
    expect(valueOf(parseAmount('0.01元'))).toBe(0.000001);
  });

  it.each(['-5', '－5', '-5,333.85', '−3', '(5.00)', '-90万元', ' -0.01 '])('refuses the negative amount %j', (raw) => {
    expect(problemOf(parseAmount(raw))).toEqual({ code: 'amount_negative', params: { value: raw.trim() } });
  });

  it.each([
    'abc',
    '5,5',
    '5，5',
    '5,33',
    '12,3456',
    '1.2.3',
    '5 333',
    '12ab',
    '万元',
    '元',
    '1e999',
    '5%',
    '五十',
    '90美元',
    '--5',
    '1,,000',
  ])('refuses %j as not a number', (raw) => {
    expect(problemOf(parseAmount(raw))).toEqual({ code: 'amount_invalid', params: { value: raw } });
  });

  it('quotes a very long bad cell cut short', () => {
    const raw = 'x'.repeat(500);
    expect(problemOf(parseAmount(raw)).params).toEqual({ value: `${'x'.repeat(40)}…` });
  });
});

describe('parsePercent', () => {
  it.each([
    ['96.92%', 96.92],
    ['96.92', 96.92],
    ['96.92％', 96.92],
    ['９６．９２％', 96.92],
    [' 96.92 % ', 96.92],
    ['100%', 100],
    ['0', 0],
    ['0.5%', 0.5],
    ['120.5%', 120.5],
    ['-2.5%', -2.5],
    ['－2.5％', -2.5],
    ['-0.31', -0.31],
  ])('reads %j as %d percent points', (raw, expected) => {
    expect(valueOf(parsePercent(raw))).toBe(expected);
  });

  it.each(['abc', '96.92%%', '%', '9 6%', '96,92%', '约95%'])('refuses %j', (raw) => {
    expect(problemOf(parsePercent(raw))).toEqual({ code: 'percent_invalid', params: { value: raw } });
  });
});

describe('parseNumber', () => {
  it.each([
    ['8', 8],
    ['8.5', 8.5],
    ['0', 0],
    ['8分', 8],
    ['8.5 分', 8.5],
    ['８．５分', 8.5],
    [' 96.5 ', 96.5],
    ['100', 100],
  ])('reads %j as %d', (raw, expected) => {
    expect(valueOf(parseNumber(raw))).toBe(expected);
  });

  it.each(['-1', '－3分', '-0.5'])('refuses the negative number %j', (raw) => {
    expect(problemOf(parseNumber(raw))).toEqual({ code: 'number_negative', params: { value: raw } });
  });

  it.each(['abc', '8分分', '分', '八', '8/10', '1.2.3'])('refuses %j', (raw) => {
    expect(problemOf(parseNumber(raw))).toEqual({ code: 'number_invalid', params: { value: raw } });
  });
});

describe('parseInteger', () => {
  it.each([
    ['2022', 2022],
    ['２０２２', 2022],
    ['2022年', 2022],
    ['2022 年', 2022],
    ['2022年度', 2022],
    [' 2019 ', 2019],
    ['1990', 1990],
    ['2100', 2100],
    ['2022.0', 2022],
  ])('reads %j as %d', (raw, expected) => {
    expect(valueOf(parseInteger(raw, 1990, 2100))).toBe(expected);
  });

  it.each(['1989', '2101', '0', '-2022', '20220'])('refuses %j as out of range, naming the range', (raw) => {
    expect(problemOf(parseInteger(raw, 1990, 2100))).toEqual({
      code: 'integer_range',
      params: { value: raw, min: 1990, max: 2100 },
    });
  });

  it.each(['2022.5', 'abc', '二〇二二', '2022-01', '22年初'])('refuses %j as not an integer', (raw) => {
    expect(problemOf(parseInteger(raw, 1990, 2100))).toEqual({
      code: 'integer_invalid',
      params: { value: raw, min: 1990, max: 2100 },
    });
  });

  it('uses the range it is given', () => {
    expect(valueOf(parseInteger('-3', -5, 5))).toBe(-3);
    expect(problemOf(parseInteger('6', -5, 5)).params).toEqual({ value: '6', min: -5, max: 5 });
  });
});

describe('parseScope', () => {
  it.each([
    ['department', 'department'],
    ['Department', 'department'],
    ['DEPARTMENT', 'department'],
    ['ｄｅｐａｒｔｍｅｎｔ', 'department'],
    [' department ', 'department'],
    ['部门整体', 'department'],
    ['部门', 'department'],
    ['整体', 'department'],
    ['部门 整体', 'department'],
    ['project', 'project'],
    ['Project', 'project'],
    ['ＰＲＯＪＥＣＴ', 'project'],
    ['项目', 'project'],
    ['项目支出', 'project'],
  ])('reads %j as %s', (raw, expected) => {
    expect(valueOf(parseScope(raw))).toBe(expected);
  });

  it.each(['dept', '单位', 'projects', '其他'])('refuses %j', (raw) => {
    expect(problemOf(parseScope(raw))).toEqual({ code: 'scope_invalid', params: { value: raw } });
  });
});

describe('parseGrade', () => {
  it.each([
    ['优', '优'],
    ['良', '良'],
    ['中', '中'],
    ['差', '差'],
    ['excellent', '优'],
    ['Excellent', '优'],
    ['GOOD', '良'],
    ['fair', '中'],
    ['Poor', '差'],
    ['ｇｏｏｄ', '良'],
    [' 优 ', '优'],
    ['优秀', '优'],
    ['良好', '良'],
    ['合格', '中'],
    ['中等', '中'],
    ['不合格', '差'],
    ['较差', '差'],
  ])('reads %j as %s', (raw, expected) => {
    expect(valueOf(parseGrade(raw))).toBe(expected);
  });

  it.each(['A', '好', '优良', 'great', '90'])('refuses %j', (raw) => {
    expect(problemOf(parseGrade(raw))).toEqual({ code: 'grade_invalid', params: { value: raw } });
  });
});

describe('parseCategory', () => {
  it.each([
    ['source', 'source'],
    ['Source', 'source'],
    ['ＳＯＵＲＣＥ', 'source'],
    ['资金来源', 'source'],
    ['来源', 'source'],
    ['line_item', 'line_item'],
    ['LINE_ITEM', 'line_item'],
    ['line item', 'line_item'],
    ['lineitem', 'line_item'],
    ['Line-Item', 'line_item'],
    ['支出明细', 'line_item'],
    ['明细', 'line_item'],
  ])('reads %j as %s', (raw, expected) => {
    expect(valueOf(parseCategory(raw))).toBe(expected);
  });

  it.each(['item', '支出', 'sources', '收入'])('refuses %j', (raw) => {
    expect(problemOf(parseCategory(raw))).toEqual({ code: 'category_invalid', params: { value: raw } });
  });
});
