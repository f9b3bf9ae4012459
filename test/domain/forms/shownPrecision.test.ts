import { describe, expect, it } from 'vitest';
import { toCsv } from '@/domain/exportCsv';
import { EXECUTION_INDICATOR } from '@/domain/forms';
import { amountOf, numberOf, percentOf } from '@/domain/forms/cellValues';
import { FORM_CASES } from '../../../scripts/fixtures/formCases';
import type { SpecRow } from '../../../scripts/fixtures/formModel';
import { readForm } from './readForm';

/** The Chaoyang form with its 执行率 and 得分 as formulas whose cached values have many decimals. */
function formulaForm(typed: boolean): SpecRow[] {
  const c = FORM_CASES.chaoyang;
  const o = c.options(typed);
  const rows = c.layout({
    ...o,
    funds: [
      { label: '年度资金总额', money: { initial: 113.58, budget: 112.33, spent: 111.13 } },
      { label: '其中：当年财政拨款', money: { initial: 113.58, budget: 112.33, spent: 111.13 } },
    ],
    executionScore: 9.89,
  });
  // The rate and the score cells become formulas: 111.13 / 112.33 and 10 × that, as a sheet caches them.
  return rows.map((row) =>
    row.map((cell) => {
      if (typeof cell !== 'object' || cell.value === undefined) return cell;
      if (cell.format === '0.00%') return { ...cell, value: 111.13 / 112.33, formula: 'E6/D6' };
      if (cell.value === 9.89) return { ...cell, value: (10 * 111.13) / 112.33, format: '0.00', formula: 'F6*G6' };
      return cell;
    }),
  );
}

describe('a form’s figures are what the form shows', () => {
  it('a formula’s rate and score are kept to the decimals their cells display, as the same form in Word reads', () => {
    const sheet = readForm(formulaForm(true), true);
    const word = readForm(formulaForm(false), false);
    for (const r of [sheet, word]) {
      expect(r.records[0]!.execution_rate).toBe(98.93);
      expect(r.indicators[0]).toMatchObject({ level1: EXECUTION_INDICATOR, weight: 10, score: 9.89 });
    }
    expect(toCsv('records', sheet.records).split(/\r?\n/)[1]).toContain(',98.93%,');
  });

  it('a rate or score to the cell’s shown decimals, whatever its format; a text that is no plain number keeps the value', () => {
    const cell = (value: number, text: string, format = '0.00') => ({
      text,
      value,
      format,
      row: 1,
      col: 1,
      rowSpan: 1,
      colSpan: 1,
    });
    expect(percentOf(cell(0.9893171904210808, '98.9%', '0.0%')).value).toBe(98.9);
    expect(numberOf(cell(2.675, '2.68')).value).toBe(2.68);
    // Amounts keep their exact value, whatever their cells show.
    expect(amountOf(cell(1135800.4, '¥1,135,800', '¥#,##0'), 0.0001).value).toBe(113.58004);
    expect(amountOf(cell(2.4, '2', '#,##0'), 1).value).toBe(2.4);
    expect(amountOf(cell(281.28, '281.28'), 1).value).toBe(281.28);
    expect(numberOf(cell(123456789012, '1.23457E+11', 'General')).value).toBe(123456789012);
  });
});
