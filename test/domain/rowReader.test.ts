import { describe, expect, it } from 'vitest';
import { mapHeaders } from '@/domain/headers';
import { RowReader } from '@/domain/rowReader';
import type { FundLine, IndicatorRow, Issue, Kind, PerfRecord, RowOf } from '@/domain/types';

function readerFor<K extends Kind>(kind: K, header: string): RowReader<K> {
  const mapped = mapHeaders(header.split(','));
  expect(mapped.errors).toEqual([]);
  expect(mapped.kind).toBe(kind);
  return new RowReader(kind, mapped.headers);
}

function read<K extends Kind>(
  reader: RowReader<K>,
  line: string,
  row = 2,
): { value: RowOf[K] | null; errors: Issue[] } {
  const errors: Issue[] = [];
  const value = reader.read(line.split(','), row, errors);
  return { value, errors };
}

function brief(errors: readonly Issue[]): Array<[number | null, string | null, string]> {
  return errors.map((e) => [e.row, e.column, e.code]);
}

const RECORDS =
  '单位名称,地区,年度,评价类型,项目名称,全年预算数（万元）,全年执行数（万元）,预算执行率,评价得分,评价等级,备注';

describe('RowReader: records', () => {
  const reader = readerFor('records', RECORDS);

  it('reads typed values: amounts in 万元, percent points, canonical agency, registry region', () => {
    const { value, errors } = read(reader, '北京市贸促会,,2022年,部门整体,,5333.85,5169.65,96.92%,95.18,优,  说明  ');
    expect(errors).toEqual([]);
    const r = value as PerfRecord;
    expect(r).toMatchObject({
      agency: '中国国际贸易促进委员会北京市分会',
      region: '北京市',
      year: 2022,
      scope: 'department',
      project: '',
      budget: 5333.85,
      expenditure: 5169.65,
      execution_rate: 96.92,
      score: 95.18,
      grade: '优',
      note: '说明',
    });
    // Columns the file does not have are missing, never 0.
    expect(r.budget_initial).toBeNull();
    expect(r.carryover).toBeNull();
  });

  it('derives the execution rate and grade when the file leaves them empty', () => {
    const r = read(reader, '某单位,,2023,项目,活动经费,3,1,,80,,').value as PerfRecord;
    expect(r.execution_rate).toBe(33.33);
    expect(r.grade).toBe('良');
    // An unknown agency keeps its name and gets no invented region.
    expect(r.agency).toBe('某单位');
    expect(r.region).toBe('');
  });

  it('keeps a region written in the file', () => {
    const r = read(reader, '北京市贸促会,北京市东城区,2023,部门整体,,,,,,,').value as PerfRecord;
    expect(r.region).toBe('北京市东城区');
  });

  it('treats empty markers as no value, never 0', () => {
    const r = read(reader, '某单位,—,2023,部门整体,无,-,/,—,－,无,—').value as PerfRecord;
    expect(r).toMatchObject({
      region: '',
      project: '',
      budget: null,
      expenditure: null,
      execution_rate: null,
      score: null,
      grade: null,
      note: '',
    });
  });

  it('reports every bad cell of a row with its row and the column as written, and returns no row', () => {
    const { value, errors } = read(reader, '某单位,,1989,整体部门,,-5,abc,9x%,101,甲,', 7);
    expect(value).toBeNull();
    expect(brief(errors)).toEqual([
      [7, '年度', 'integer_range'],
      [7, '评价类型', 'scope_invalid'],
      [7, '全年预算数（万元）', 'amount_negative'],
      [7, '全年执行数（万元）', 'amount_invalid'],
      [7, '预算执行率', 'percent_invalid'],
      [7, '评价等级', 'grade_invalid'],
      // Rules across fields come after the cells, in the same pass.
      [7, '评价得分', 'score_range'],
    ]);
    expect(errors[0]!.params).toEqual({ value: '1989', min: 1990, max: 2100 });
    expect(errors[2]!.params).toEqual({ value: '-5' });
  });

  it('requires agency, year and scope', () => {
    const { value, errors } = read(reader, ' ,,,,,,,,,,', 3);
    expect(value).toBeNull();
    expect(brief(errors)).toEqual([
      [3, '单位名称', 'required'],
      [3, '年度', 'required'],
      [3, '评价类型', 'required'],
    ]);
  });

  it('requires a project name for a project row, not for a department row', () => {
    const { value, errors } = read(reader, '某单位,,2023,项目,—,,,,,,', 4);
    expect(value).toBeNull();
    expect(brief(errors)).toEqual([[4, '项目名称', 'project_required']]);
    expect(read(reader, '某单位,,2023,部门整体,,,,,,,').errors).toEqual([]);
  });

  it('refuses a project name on a department row, naming the row, the project column and the name', () => {
    const { value, errors } = read(reader, '某单位,,2023,部门整体,多余项目名,,,,,,', 6);
    expect(value).toBeNull();
    expect(errors).toEqual([
      { row: 6, column: '项目名称', code: 'project_on_department', params: { project: '多余项目名' } },
    ]);
    // An empty marker is no name.
    for (const empty of ['—', '-', '/', '无'])
      expect(read(reader, `某单位,,2023,部门整体,${empty},,,,,,`).errors).toEqual([]);
  });

  it('refuses a project name on a department indicator row too: it would point at no department record', () => {
    const r = readerFor('indicators', '单位名称,年度,评价类型,项目名称,一级指标');
    expect(brief(read(r, '某单位,2023,department,宣传活动,产出', 3).errors)).toEqual([
      [3, '项目名称', 'project_on_department'],
    ]);
  });

  it('names the scope column when the file has no project column', () => {
    const r = readerFor('records', '单位名称,年度,评价类型');
    expect(brief(read(r, '某单位,2023,project', 5).errors)).toEqual([[5, '评价类型', 'project_required']]);
  });

  it('accepts a score of 100 and rejects one above', () => {
    expect(read(reader, '某单位,,2023,部门整体,,,,,100,,').errors).toEqual([]);
    expect(brief(read(reader, '某单位,,2023,部门整体,,,,,100.5,,', 9).errors)).toEqual([
      [9, '评价得分', 'score_range'],
    ]);
  });

  it('accepts years 1990 and 2100 and nothing beyond', () => {
    expect(read(reader, '某单位,,1990,部门整体,,,,,,,').errors).toEqual([]);
    expect(read(reader, '某单位,,2100,部门整体,,,,,,,').errors).toEqual([]);
    expect(brief(read(reader, '某单位,,2101,部门整体,,,,,,,').errors)).toEqual([[2, '年度', 'integer_range']]);
    expect(brief(read(reader, '某单位,,2022.5,部门整体,,,,,,,').errors)).toEqual([[2, '年度', 'integer_invalid']]);
  });

  it('reads cells missing at the end of a short row as empty and ignores cells beyond the header', () => {
    expect(read(reader, '某单位,,2023,部门整体').value).toMatchObject({ agency: '某单位', budget: null, note: '' });
    expect(read(reader, '某单位,,2023,部门整体,,,,,,,,extra,cells').errors).toEqual([]);
  });

  it('drops the apostrophe the export puts before a formula-like text, and keeps other text as written', () => {
    expect((read(reader, "某单位,,2023,部门整体,,,,,,,'=1+2").value as PerfRecord).note).toBe('=1+2');
    expect((read(reader, "某单位,,2023,部门整体,,,,,,,'abc").value as PerfRecord).note).toBe("'abc");
    expect((read(reader, '某单位,,2023,部门整体,,,,,,,<b>x</b>').value as PerfRecord).note).toBe('<b>x</b>');
  });

  it('applies the unit of the header: 元 and 亿元 columns are converted to 万元', () => {
    const r = readerFor('records', '单位名称,年度,评价类型,全年预算数（元）,全年执行数（亿元）');
    expect(read(r, '某单位,2023,部门整体,900000,0.5').value).toMatchObject({ budget: 90, expenditure: 5000 });
  });
});

describe('RowReader: indicators', () => {
  const reader = readerFor(
    'indicators',
    '单位名称,年度,评价类型,项目名称,一级指标,二级指标,三级指标,分值,得分,年度指标值',
  );

  it('reads an indicator and keeps target text as written', () => {
    const r = read(reader, '朝阳区投促中心,2024,项目,活动经费,产出指标,数量指标,活动次数,35,35,≥1次/年')
      .value as IndicatorRow;
    expect(r).toMatchObject({
      agency: '北京市朝阳区投资促进服务中心',
      level1: '产出指标',
      level2: '数量指标',
      level3: '活动次数',
      weight: 35,
      score: 35,
      target: '≥1次/年',
    });
  });

  it('requires level1', () => {
    expect(brief(read(reader, '某单位,2024,部门整体,,,,,10,5,', 6).errors)).toEqual([[6, '一级指标', 'required']]);
  });

  it('rejects a score above the weight, naming the score column', () => {
    const { value, errors } = read(reader, '某单位,2024,部门整体,,决策,,,10,10.5,', 8);
    expect(value).toBeNull();
    expect(brief(errors)).toEqual([[8, '得分', 'score_above_weight']]);
    expect(read(reader, '某单位,2024,部门整体,,决策,,,10,10,').errors).toEqual([]);
  });

  it('rejects negative or non-numeric weights and scores', () => {
    expect(brief(read(reader, '某单位,2024,部门整体,,决策,,,-1,x,').errors)).toEqual([
      [2, '分值', 'number_negative'],
      [2, '得分', 'number_invalid'],
    ]);
  });
});

describe('RowReader: funds', () => {
  const reader = readerFor('funds', '单位名称,年度,评价类型,项目名称,类别,明细,预算金额（万元）');

  it('reads a fund line with category in Chinese', () => {
    const r = read(reader, '某单位,2022,项目,会议,资金来源,财政资金,75.50').value as FundLine;
    expect(r).toMatchObject({ category: 'source', item: '财政资金', budget: 75.5 });
    expect((read(reader, '某单位,2022,项目,会议,支出明细,策划设计,18.55').value as FundLine).category).toBe(
      'line_item',
    );
  });

  it('requires category and item and rejects an unknown category', () => {
    expect(brief(read(reader, '某单位,2022,项目,会议,,,1').errors)).toEqual([
      [2, '类别', 'required'],
      [2, '明细', 'required'],
    ]);
    expect(brief(read(reader, '某单位,2022,项目,会议,其他,财政资金,1').errors)).toEqual([
      [2, '类别', 'category_invalid'],
    ]);
  });
});

describe('RowReader: a name normalised is warned of once per cell', () => {
  it('also past the cells a column caches, whatever comes between', () => {
    const reader = readerFor('indicators', '单位名称,年度,评价类型,项目名称,一级指标,二级指标,三级指标,分值,得分');
    const line = (i: number) => `甲单位,2024,部门整体,,产出,数量指标,培训  ${i},1,1`;
    // 5,000 distinct cells (more than a column caches), then each of them again, in another order.
    const order = [...Array.from({ length: 5000 }, (_, i) => i), ...Array.from({ length: 5000 }, (_, i) => 4999 - i)];
    const warned = new Map<number, number>();
    order.forEach((i, n) => {
      reader.read(line(i).split(','), n + 2, []);
      for (const w of reader.warnings) if (w.code === 'name_normalized') warned.set(i, (warned.get(i) ?? 0) + 1);
      reader.warnings.length = 0;
      reader.warningsOnce.length = 0;
    });
    expect(warned.size).toBe(5000);
    expect([...warned.values()].every((n) => n === 1)).toBe(true);
  });
});
