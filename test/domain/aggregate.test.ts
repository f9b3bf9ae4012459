import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
  agencyLevelTotals,
  agencyOptions,
  agencyYears,
  countYear,
  type AgencyYear,
  distinctProjects,
  filterRecords,
  indexByAgency,
  indicatorTree,
  latestChanges,
  level1Summaries,
  NO_FILTER,
  rankAgencies,
  rankLatestPerAgency,
  rankYear,
  recordRate,
  searchAgencies,
  weightedRate,
  yearSpan,
} from '@/domain/aggregate';
import { recordKey } from '@/domain/keys';
import { compareZh } from '@/domain/collate';
import { ADVISORY, CCPIT, CHAOYANG, EVENTS, INDICATORS, RECORDS, YUZHONG, record } from '../charts/fixtures';

describe('filterRecords', () => {
  test('no filter keeps every record', () => {
    expect(filterRecords(RECORDS, NO_FILTER)).toHaveLength(6);
  });
  test('agencies, years, scope and project narrow the records', () => {
    expect(filterRecords(RECORDS, { ...NO_FILTER, agencies: [CCPIT] }).map((r) => r.year)).toEqual([2021, 2022, 2022]);
    expect(filterRecords(RECORDS, { ...NO_FILTER, from: 2022, to: 2023 })).toHaveLength(3);
    expect(filterRecords(RECORDS, { ...NO_FILTER, scope: 'project' }).map((r) => r.project)).toEqual([
      EVENTS,
      ADVISORY,
      '招商引资专项经费',
    ]);
    expect(filterRecords(RECORDS, { ...NO_FILTER, project: ADVISORY })).toHaveLength(1);
  });
  test('through the agency index: the same records in the same order, whatever the filter', () => {
    const agencies = ['甲', '乙', '丙', '丁'];
    const row = fc.record({
      agency: fc.constantFrom(...agencies),
      year: fc.integer({ min: 2018, max: 2024 }),
      scope: fc.constantFrom('department' as const, 'project' as const),
      project: fc.constantFrom('', 'P1', 'P2'),
      n: fc.nat(),
    });
    const filter = fc.record({
      // Unknown and repeated agencies included.
      agencies: fc.array(fc.constantFrom(...agencies, '戊'), { maxLength: 5 }),
      from: fc.option(fc.integer({ min: 2017, max: 2025 })),
      to: fc.option(fc.integer({ min: 2017, max: 2025 })),
      scope: fc.constantFrom('all' as const, 'department' as const, 'project' as const),
      project: fc.constantFrom('', 'P1', 'P2'),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), filter, (rows, f) => {
        const got = filterRecords(rows, f, () => indexByAgency(rows));
        const want = filterRecords(rows, f);
        expect(got).toHaveLength(want.length);
        got.forEach((r, i) => expect(r).toBe(want[i]));
      }),
    );
  });
});

describe('rates', () => {
  test('weighted execution rate is Σexpenditure ÷ Σbudget over records with both', () => {
    const dept = RECORDS.filter((r) => r.scope === 'department');
    // CCPIT 2022 and Chaoyang 2023; CCPIT 2021 has neither figure and is left out.
    expect(weightedRate(dept)).toBeCloseTo(((5169.65 + 1581.89) / (5333.85 + 1581.89)) * 100, 10);
  });

  test('a record without a stated rate gets expenditure ÷ budget', () => {
    const yz = RECORDS.find((r) => r.agency === YUZHONG)!;
    expect(recordRate(yz)).toBeCloseTo((268.49 / 281.28) * 100, 10);
  });
});

describe('agencyYears', () => {
  const table = agencyYears(RECORDS);
  test('the department record stands for the agency when there is one', () => {
    const c = table.get(CCPIT)!.get(2022)!;
    expect(c.basis).toBe('department');
    expect(c.executionRate).toBe(96.92);
    expect(c.score).toBe(95.18);
    expect(c.carryoverRate).toBe(3.24);
    expect(table.get(CCPIT)!.get(2021)!.carryoverRate).toBe(2.89);
    expect(table.get(CCPIT)!.get(2021)!.executionRate).toBeNull();
  });
  test("otherwise the agency's projects taken together", () => {
    const c = table.get(CHAOYANG)!.get(2024)!;
    expect(c.basis).toBe('projects');
    expect(c.executionRate).toBe(100);
    expect(c.score).toBe(100);
    const y = table.get(YUZHONG)!.get(2019)!;
    expect(y.carryoverRate).toBeCloseTo((12.79 / 281.28) * 100, 10);
  });
  test('year span fills the years in between, bounded by the filter', () => {
    expect(yearSpan(RECORDS)).toEqual([2019, 2020, 2021, 2022, 2023, 2024]);
    expect(yearSpan(RECORDS, 2021, 2022)).toEqual([2021, 2022]);
    expect(yearSpan([])).toEqual([]);
  });
  test('carryover change shows the CCPIT rise from 2.89% to 3.24%', () => {
    const changes = latestChanges(table, (c) => c.carryoverRate);
    const ccpit = changes.find((c) => c.agency === CCPIT)!;
    expect([ccpit.fromYear, ccpit.from, ccpit.toYear, ccpit.to]).toEqual([2021, 2.89, 2022, 3.24]);
    expect(ccpit.delta).toBeCloseTo(0.35, 10);
    // Chaoyang has its carryover rate in 2023 only (the 2024 project has none): no change to show.
    expect(changes.find((c) => c.agency === CHAOYANG)).toBeUndefined();
  });
  test('rankings', () => {
    expect(rankYear(table, 2022, (c) => c.executionRate).map((r) => r.cell.agency)).toEqual([CCPIT]);
    const latest = rankLatestPerAgency(table, (c) => c.executionRate);
    expect(latest.map((r) => [r.cell.agency, r.cell.year])).toEqual([
      [CHAOYANG, 2024],
      [CCPIT, 2022],
      [YUZHONG, 2019],
    ]);
  });
  test('a year is counted as rankYear would rank it', () => {
    for (const y of [2019, 2020, 2021, 2022, 2023, 2024])
      for (const pick of [(c: AgencyYear) => c.executionRate, (c: AgencyYear) => c.score])
        expect(countYear(table, y, pick)).toBe(rankYear(table, y, pick).length);
    expect(countYear(table, 2022, (c) => c.executionRate)).toBe(1);
    expect(countYear(table, 2030, (c) => c.executionRate)).toBe(0);
  });
  test('equal values are ranked by short name, whatever order the agencies come in', () => {
    const base = RECORDS[0]!;
    const rows = (agencies: string[]) => agencyYears(agencies.map((agency) => ({ ...base, agency })));
    const names = ['丙单位', '甲单位', '乙单位'];
    const rank = (as: string[]) => rankYear(rows(as), base.year, (c) => c.executionRate).map((r) => r.cell.agency);
    expect(rank(names)).toEqual([...names].sort(compareZh));
    expect(rank([...names].reverse())).toEqual([...names].sort(compareZh));
  });
});

describe('agency lists', () => {
  test('largest budget first', () => {
    expect(rankAgencies(RECORDS)).toEqual([CCPIT, CHAOYANG, YUZHONG]);
  });
  test('by the budget each agency-year counts once: projects inside a department-year are not added again', () => {
    const at = { region: '', year: 2023 };
    const recs = [
      // 甲: a department of 100 whose project of 60 is part of it (160 if added twice).
      record({ ...at, agency: '甲单位', scope: 'department', project: '', budget: 100 }),
      record({ ...at, agency: '甲单位', scope: 'project', project: 'p', budget: 60 }),
      // 乙: projects only, 120 in all.
      record({ ...at, agency: '乙单位', scope: 'project', project: 'q1', budget: 70 }),
      record({ ...at, agency: '乙单位', scope: 'project', project: 'q2', budget: 50 }),
    ];
    expect(rankAgencies(recs)).toEqual(['乙单位', '甲单位']);
  });
  test('search by official or short name', () => {
    expect(searchAgencies([CCPIT, CHAOYANG, YUZHONG], '贸促会')).toEqual([CCPIT]);
    expect(searchAgencies([CCPIT, CHAOYANG, YUZHONG], '  ')).toHaveLength(3);
  });
  test('grouped by region', () => {
    const groups = agencyOptions(RECORDS);
    expect(groups.map((g) => g.region).sort()).toEqual(['北京市', '北京市朝阳区', '重庆市渝中区'].sort());
    expect(groups.find((g) => g.region === '北京市')!.agencies[0]!.short).toBe('北京市贸促会');
  });
  test('projects', () => {
    expect(distinctProjects(RECORDS)).toHaveLength(3);
  });
});

describe('indicators', () => {
  const summaries = level1Summaries(INDICATORS);
  test('level-1 rows give their own figures', () => {
    const ccpit = summaries.filter((s) => s.agency === CCPIT && s.scope === 'department');
    expect(ccpit.map((s) => s.level1)).toEqual(['当年预算执行情况', '整体绩效目标实现情况', '预算管理情况']);
    expect(ccpit[0]!.rate).toBeCloseTo(96.9, 10);
    expect(ccpit[1]!.rate).toBeCloseTo(93, 10);
  });
  test('without a level-1 row, its level-3 rows are added up', () => {
    const output = summaries.find((s) => s.agency === CHAOYANG && s.year === 2024 && s.level1 === '产出指标')!;
    expect([output.weight, output.score, output.rate]).toEqual([45, 45, 100]);
    expect(output.recordKey).toBe(recordKey({ agency: CHAOYANG, year: 2024, scope: 'project', project: EVENTS }));
  });
  test('a level-1 indicator without scores has a missing rate', () => {
    const dept = summaries.filter((s) => s.agency === CHAOYANG && s.year === 2023);
    expect(dept.map((s) => s.rate)).toEqual([null, null]);
  });
  test('Yuzhong keeps its level-1 row although level-3 rows exist', () => {
    const out = summaries.find((s) => s.agency === YUZHONG && s.level1 === '产出指标')!;
    expect([out.weight, out.score]).toEqual([20, 20]);
  });
  test('tree: level 1 → 2 → 3, parents without a row sum their children', () => {
    const rows = INDICATORS.filter((r) => r.agency === CHAOYANG && r.year === 2024);
    const tree = indicatorTree(rows);
    expect(tree.map((n) => n.label)).toEqual(['预算执行率', '产出指标', '成本指标', '效益指标', '满意度指标']);
    const output = tree[1]!;
    expect(output.children.map((n) => n.label)).toEqual(['数量指标', '质量指标', '时效指标']);
    expect(output.children[0]!.children[0]).toMatchObject({
      label: '举办或参与宣传活动次数',
      level: 3,
      weight: 35,
      score: 35,
      target: '≥1次/年',
      actual: '1次',
    });
    expect([output.weight, output.score]).toEqual([45, 45]);
    const yz = indicatorTree(INDICATORS.filter((r) => r.agency === YUZHONG));
    // The level-1 row's own 20 points stand, although its level-3 child has no score.
    expect(yz[0]).toMatchObject({ label: '产出指标', weight: 20, score: 20 });
    expect(yz[0]!.children[0]!.weight).toBeNull();
  });
});

describe('agencyLevelTotals', () => {
  test('department records where they exist, projects otherwise: no project money counted twice', () => {
    const t = agencyLevelTotals(agencyYears(RECORDS));
    // CCPIT 2022 department (its advisory-council project is inside it), Chaoyang 2023 department,
    // Chaoyang 2024 project, Yuzhong 2019 project; CCPIT 2021 has no budget.
    expect(t.cells).toBe(5);
    expect(t.budget).toBeCloseTo(5333.85 + 1581.89 + 90 + 281.28, 6);
    expect(t.expenditure).toBeCloseTo(5169.65 + 1581.89 + 90 + 268.49, 6);
    expect(t.executionRate).toBeCloseTo(
      ((5169.65 + 1581.89 + 90 + 268.49) / (5333.85 + 1581.89 + 90 + 281.28)) * 100,
      8,
    );
    expect(t.carryover).toBeCloseTo(172.89 + 12.79, 6);
    expect(t.carryoverRate).toBeCloseTo(((172.89 + 12.79) / (5333.85 + 281.28)) * 100, 8);
  });
  test('nothing: missing, not zero', () => {
    expect(agencyLevelTotals(new Map())).toMatchObject({ cells: 0, budget: null, executionRate: null });
  });
});
