import { describe, expect, test } from 'vitest';
import { buildCards } from '@/charts/cards';
import { RECORDS, record } from './fixtures';
import { en, manyAgencies, zh } from './helpers';

/** The figure a shown line ends with, in hundredths: '部门整体 6,915.74' → 691574. */
const shownCents = (s: string): number => Math.round(Number(/([\d,]+\.\d\d)$/.exec(s)![1]!.replace(/,/g, '')) * 100);

/** Every card: its sub-lines add up to the headline, as shown, or it says why they do not. */
function checkCards(cards: ReturnType<typeof buildCards>): void {
  for (const c of cards) {
    if (['budget', 'expenditure', 'carryover'].includes(c.id) && c.lines.length > 0) {
      const sum = c.lines.reduce((a, l) => a + shownCents(l), 0);
      expect([c.id, sum]).toEqual([c.id, shownCents(c.value)]);
    }
    if (c.check.addsUp) {
      const sum = c.check.parts.reduce((a, b) => a + b, 0);
      expect([c.id, Math.round(sum * 100) / 100]).toEqual([c.id, Math.round((c.check.headline ?? 0) * 100) / 100]);
    } else expect([c.id, c.notes.length]).not.toEqual([c.id, 0]);
  }
}

describe('overview cards', () => {
  test('the built-in data: 预算总额 7,287.02 is 部门整体 6,915.74 + projects of project-only years 371.28', () => {
    const cards = buildCards(RECORDS, zh);
    const budget = cards.find((c) => c.id === 'budget')!;
    expect(budget.label).toBe('预算总额（万元）');
    expect(budget.value).toBe('7,287.02');
    expect(budget.lines).toEqual(['部门整体 6,915.74', '仅有项目的单位 371.28']);
    // The project inside a department-year is named, not added.
    expect(budget.notes.join('')).toContain('1 个项目 112.33');
    checkCards(cards);
  });

  test('the sub-lines add up or say why, at every size, in both languages', () => {
    const years = [2019, 2020, 2021, 2022, 2023, 2024];
    for (const n of [1, 3, 10, 150])
      for (const ctx of [zh, en]) {
        // Some agency-years with projects only: the second part of the headline.
        const recs = manyAgencies(n, years).filter((r, i) => r.scope === 'project' || i % 5 !== 0);
        checkCards(buildCards(recs, ctx));
      }
  });

  test('one unit per card: 亿元 for the headline and its sub-lines together', () => {
    const big = manyAgencies(150, [2023]).map((r) => ({ ...r, budget: (r.budget ?? 0) * 100 }));
    const budget = buildCards(big, zh).find((c) => c.id === 'budget')!;
    expect(budget.label).toBe('预算总额（亿元）');
    for (const l of budget.lines) expect(l).not.toMatch(/万元|亿元/);
    expect(buildCards(big, en).find((c) => c.id === 'budget')!.label).toBe('Total budget (CNY 100M)');
  });

  test('the sub-lines shown add up to the headline shown: 46.41 + 0.29 is no 46.71', () => {
    const base = { region: '', year: 2023 };
    const recs = [
      record({ ...base, agency: '甲单位', scope: 'department', project: '', budget: 46.414, carryover: 46.414 }),
      record({ ...base, agency: '乙单位', scope: 'project', project: 'q', budget: 0.294, carryover: 0.294 }),
    ];
    const card = buildCards(recs, zh).find((c) => c.id === 'carryover')!;
    expect([card.value, card.lines]).toEqual(['46.71', ['部门整体 46.42', '仅有项目的单位 0.29']]);
    expect(card.check).toMatchObject({ headline: 46.71, parts: [46.42, 0.29] });
  });

  test('the carryover card rates only records with both carryover and budget', () => {
    const base = { region: '', project: '', scope: 'department' as const };
    const recs = [
      record({ ...base, agency: '甲单位', year: 2023, budget: 2000, carryover: 50 }),
      record({ ...base, agency: '乙单位', year: 2023, budget: 400, carryover: 90 }),
      record({ ...base, agency: '丙单位', year: 2023, carryover: 500 }),
    ];
    const card = buildCards(recs, zh).find((c) => c.id === 'carryover')!;
    // 140 ÷ 2,400, not 640 ÷ 2,400 = 26.67%.
    expect(card.notes).toContain('结转结余率 5.83%（结转结余 ÷ 预算数）');
  });

  test('the grades card counts the records without a score, graded or not', () => {
    const base = { region: '', year: 2023, scope: 'department' as const, project: '' };
    const recs = [
      record({ ...base, agency: '甲单位', score: 92, grade: '优' }),
      record({ ...base, agency: '乙单位', grade: '良' }),
      record({ ...base, agency: '丙单位' }),
      record({ ...base, agency: '丁单位' }),
    ];
    const card = buildCards(recs, zh).find((c) => c.id === 'grades')!;
    expect(card.value).toBe('4');
    // 优 1 + 良 1 + 2 without a grade = 4 records; 3 of them have no score.
    expect(card.lines).toEqual(['优 1 良 1 中 0 差 0', '无等级 2', '无得分 3']);
    checkCards([card]);
  });

  test('department and project scores are averaged apart', () => {
    const score = buildCards(RECORDS, zh).find((c) => c.id === 'score')!;
    // CCPIT 2022 is the only scored department record; the projects' mean is beside it.
    expect(score.label).toBe('部门整体平均得分');
    expect(score.value).toBe('95.18');
    expect(score.lines[1]).toBe('项目平均 95.33（3 条）');
  });

  test('one year chosen: each card says how it changed from the year before', () => {
    const recs = manyAgencies(3, [2022, 2023]);
    const cards = buildCards(
      recs.filter((r) => r.year === 2023),
      zh,
      recs.filter((r) => r.year === 2022),
    );
    expect(cards.find((c) => c.id === 'budget')!.change).toMatch(/^较上年 \+\d+\.\d\d 万元（\+\d+\.\d\d%）$/);
    expect(cards.find((c) => c.id === 'rate')!.change).toMatch(/个百分点$/);
    expect(buildCards(recs, zh).every((c) => c.change === undefined)).toBe(true);
  });
});
