import { describe, expect, test } from 'vitest';
import { dimensionOf, dimensionOrder, dimensionScores } from '@/domain/dimensions';
import type { Level1Summary } from '@/domain/level1';

describe('standard dimensions of level-1 indicators', () => {
  test('the names different frameworks give one dimension map to it', () => {
    const cases: Array<[string, string | null]> = [
      ['产出指标', 'output'],
      ['项目产出', 'output'],
      ['产出', 'output'],
      ['效益指标', 'benefit'],
      ['项目效益', 'benefit'],
      ['决策', 'decision'],
      ['项目决策', 'decision'],
      ['过程', 'process'],
      ['项目管理', 'process'],
      ['预算管理情况', 'process'],
      ['满意度指标', 'satisfaction'],
      ['成本指标', 'cost'],
      ['预算执行率', 'execution'],
      ['当年预算执行情况', 'execution'],
      // Fits none: stays itself, never forced into a dimension.
      ['整体绩效目标实现情况', null],
    ];
    for (const [name, dim] of cases) expect([name, dimensionOf(name)]).toEqual([name, dim]);
  });

  const s = (level1: string, weight: number | null, score: number | null): Level1Summary => ({
    agency: 'A',
    year: 2022,
    scope: 'project',
    project: 'P',
    recordKey: 'k',
    level1,
    weight,
    score,
    rate: weight && score !== null ? (score / weight) * 100 : null,
  });

  test('two names of one dimension in a record add up; the originals are kept', () => {
    const d = dimensionScores([s('产出', 20, 18), s('项目产出', 20, 16), s('整体绩效目标实现情况', 60, 55.8)]);
    const output = d.find((x) => x.key === 'output')!;
    expect(output).toMatchObject({ weight: 40, score: 34, originals: ['产出', '项目产出'] });
    expect(output.rate).toBeCloseTo(85);
    expect(d.find((x) => x.dimension === null)).toMatchObject({ key: 'level1:整体绩效目标实现情况' });
  });

  test('a missing part leaves the dimension without a rate', () => {
    expect(dimensionScores([s('决策', 10, null), s('项目决策', 10, 9)])[0]!.rate).toBeNull();
  });

  test('columns: standard dimensions in their order, then other names', () => {
    expect(dimensionOrder(['level1:整体', 'benefit', 'decision', 'benefit'])).toEqual([
      'decision',
      'benefit',
      'level1:整体',
    ]);
  });
});
