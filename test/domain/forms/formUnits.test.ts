import { describe, expect, it } from 'vitest';
import type { DocumentModel } from '@/domain/document/types';
import type { ExtractResult } from '@/domain/extract/types';
import { extractForms } from '@/domain/forms';
import { statedScale } from '@/domain/forms/amountUnit';
import { FORM_CASES } from '../../../scripts/fixtures/formCases';
import { specTable, type SpecRow } from '../../../scripts/fixtures/formModel';

/** The national department form in Word, amounts written in 元, its funds header saying `header`. */
function departmentInYuan(header: string): SpecRow[] {
  const c = FORM_CASES.departmentNational;
  return c
    .layout({ ...c.options(false), unit: '元' })
    .map((row) =>
      row.map((cell) =>
        typeof cell === 'object' && cell.text?.startsWith('年度部门整体支出预算执行情况')
          ? { ...cell, text: header }
          : cell,
      ),
    );
}

function wordForm(rows: SpecRow[], paragraphs: string[]): ExtractResult {
  const doc: DocumentModel = {
    format: 'docx',
    blocks: [
      ...paragraphs.map((text, i) => ({ type: 'paragraph' as const, text, heading: 0, at: { paragraph: i + 1 } })),
      specTable(rows, { table: 1 }),
    ],
  };
  const r = extractForms(doc, 'form.docx');
  if (r === null) throw new Error('no form');
  return r;
}

describe('the unit of a form’s amounts', () => {
  it('a 金额单位：元 paragraph above a Word table applies to its funds block', () => {
    const r = wordForm(departmentInYuan('年度部门整体支出预算执行情况'), ['部门整体支出绩效自评表', '金额单位：元']);
    expect(r.records[0]).toMatchObject({ budget_initial: 1200, budget: 1300, expenditure: 1235, budget_basic: 820 });
    expect(r.funds.map((f) => [f.item, f.budget])).toEqual([
      ['财政拨款', 1250],
      ['其他资金', 50],
    ]);
    expect(r.warnings).toEqual([]);
  });

  it('a unit at the end of a longer line (填报单位 … 金额单位：元) counts; a unit that is part of a name does not', () => {
    const r = wordForm(departmentInYuan('年度部门整体支出预算执行情况'), ['填报单位：某局　　　金额单位：元']);
    expect(r.records[0]!.budget).toBe(1300);
    expect(statedScale('填报单位：元宝山区财政局')).toBeNull();
    expect(statedScale('（单位：万元）')).toBe(1);
  });

  it('units that disagree: the one nearest the block is used and the other is pointed out', () => {
    const r = wordForm(departmentInYuan('年度部门整体支出预算执行情况（元）'), ['金额单位：万元']);
    expect(r.records[0]!.budget).toBe(1300);
    expect(r.warnings).toEqual([
      expect.objectContaining({
        code: 'amount_unit_conflict',
        params: { unit: '年度部门整体支出预算执行情况（元）', other: '金额单位：万元' },
        location: '第1段',
      }),
    ]);
  });
});
