// The headline cards' figures: what each part of a total holds, the weighted rates and the means
// kept apart by scope, in one pass.
import { describe, expect, test } from 'vitest';
import { scopeFigures, scopeParts } from '@/domain/breakdown';
import { record } from '../charts/fixtures';

const A = '甲单位';
const B = '乙单位';
const base = { region: '', project: '' };
const RECORDS = [
  // 甲 2023: a department record and a project inside it.
  record({
    ...base,
    agency: A,
    year: 2023,
    scope: 'department',
    budget: 100,
    expenditure: 90,
    carryover: 5,
    score: 90,
  }),
  record({ ...base, agency: A, year: 2023, scope: 'project', project: 'p1', budget: 30, expenditure: 20, score: 80 }),
  // 乙 2023: projects only, one without a budget.
  record({
    ...base,
    agency: B,
    year: 2023,
    scope: 'project',
    project: 'q1',
    budget: 50,
    expenditure: 25,
    carryover: 10,
    score: 70,
  }),
  record({ ...base, agency: B, year: 2023, scope: 'project', project: 'q2', expenditure: 4 }),
  // 甲 2024: projects only (no department record that year).
  record({
    ...base,
    agency: A,
    year: 2024,
    scope: 'project',
    project: 'p1',
    budget: 40,
    expenditure: 40,
    score: Number.NaN,
  }),
];

describe('scopeFigures', () => {
  test('each record falls in its part', () => {
    expect(scopeParts(RECORDS)).toEqual([
      'department',
      'projectsInside',
      'projectsOnly',
      'projectsOnly',
      'projectsOnly',
    ]);
  });

  test('totals count the department and the project-only years; projects inside are reported apart', () => {
    const f = scopeFigures(RECORDS);
    expect(f.budget).toEqual({
      total: 190,
      department: 100,
      projectsOnly: 90,
      projectsInside: 30,
      counts: { department: 1, projectsOnly: 3, projectsInside: 1 },
    });
    expect(f.expenditure).toMatchObject({ total: 159, department: 90, projectsOnly: 69, projectsInside: 20 });
    expect(f.carryover).toMatchObject({ total: 15, department: 5, projectsOnly: 10, projectsInside: null });
    // The carryover rate: 15 over the budgets of the records with a carryover figure (100 + 50).
    expect(f.carryoverRate).toBeCloseTo(10);
  });

  test('the carryover rate leaves out a carryover without a budget, above and below the line', () => {
    const noBudget = record({ ...base, agency: B, year: 2024, scope: 'department', carryover: 500 });
    // Counting its 500 over a base without it would give 515 ÷ 150 = 343.33%.
    expect(scopeFigures([...RECORDS, noBudget]).carryoverRate).toBeCloseTo(10);
    // A project inside a department-year is in neither.
    const inside = record({ ...base, agency: A, year: 2023, scope: 'project', project: 'p2', budget: 1, carryover: 1 });
    expect(scopeFigures([...RECORDS, inside]).carryoverRate).toBeCloseTo(10);
  });

  test('rates are weighted by budget over records with both figures; means are kept apart by scope', () => {
    const f = scopeFigures(RECORDS);
    expect(f.rates.department).toBeCloseTo(90);
    expect(f.rates.projectsOnly).toBeCloseTo((65 / 90) * 100);
    expect(f.rates.all).toBeCloseTo((155 / 190) * 100);
    expect(f.means).toEqual({ department: { mean: 90, n: 1 }, project: { mean: 75, n: 2 } });
  });

  test('records are counted by grade, those without one apart', () => {
    const graded = RECORDS.map((r, i) => ({ ...r, grade: (['优', '良', null, '良', '差'] as const)[i]! }));
    const f = scopeFigures(graded);
    expect(f.grades).toEqual({ 优: 1, 良: 2, 中: 0, 差: 1, none: 1 });
    expect(f.count).toBe(5);
  });

  test('no records: nothing to show, not zero', () => {
    const f = scopeFigures([]);
    expect(f.budget.total).toBeNull();
    expect(f.rates.all).toBeNull();
    expect(f.means.department).toEqual({ mean: null, n: 0 });
    expect(f.count).toBe(0);
  });
});
