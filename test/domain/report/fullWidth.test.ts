// Full-width digits and punctuation read as their half-width forms wherever a report is matched;
// the evidence quotes the text as written.
import { describe, expect, it } from 'vitest';
import { evidenceOf, extract } from './helpers';

describe('a report written in full-width digits', () => {
  it('reads the year of a full-width title and gives one record of that year', () => {
    const r = extract(
      '重庆市渝中区招商投资促进局２０１９年招商引资专项经费绩效评价报告\n一、资金情况\n２０１９年该项目全年预算数281.28万元，全年执行数268.49万元，预算执行率为95.45%。\n',
    );
    expect(r.errors).toEqual([]);
    expect(r.records).toHaveLength(1);
    expect(r.records[0]).toMatchObject({
      year: 2019,
      project: '招商引资专项经费',
      budget: 281.28,
      expenditure: 268.49,
    });
    expect(evidenceOf(r, 'records', 0, 'year')?.text).toBe('２０１９年');
  });

  it('reads the year the body names in full-width digits when the title names none', () => {
    const r = extract('某某县农业农村局高标准农田建设项目绩效评价报告\n２０２３年全年预算数10万元。\n');
    expect(r.records.map((x) => x.year)).toEqual([2023]);
    expect(evidenceOf(r, 'records', 0, 'year')?.text).toBe('２０２３年');
  });

  it('numbers headings and points in full-width digits as in half-width ones', () => {
    const r = extract(
      '某某县农业农村局2023年高标准农田建设项目绩效评价报告\n１．存在的问题\n（１）资金拨付滞后；（２）档案管理不规范。\n２．建议\n加强资金管理。\n',
    );
    expect(r.findings.map((f) => [f.kind, f.text])).toEqual([
      ['problem', '资金拨付滞后。'],
      ['problem', '档案管理不规范。'],
      ['recommendation', '加强资金管理。'],
    ]);
    expect(r.evidence.find((e) => e.kind === 'findings' && e.index === 1 && e.field === 'text')?.text).toBe(
      '（２）档案管理不规范。',
    );
  });

  it('allows a full-width rate the rounding of its written decimals', () => {
    // 268.49 ÷ 281.28 is 95.453%: `９５．５％` is right to its one decimal, not contradicted.
    const r = extract(
      '某某县农业农村局2023年高标准农田建设项目绩效评价报告\n全年预算数281.28万元，全年执行数268.49万元，预算执行率为９５．５％。\n',
    );
    expect(r.records[0]?.execution_rate).toBe(95.5);
    expect(r.warnings.map((w) => w.code)).not.toContain('stated_rate_contradicted');
    // Two decimals written are held to two: `９５．４０％` is contradicted.
    const wrong = extract(
      '某某县农业农村局2023年高标准农田建设项目绩效评价报告\n全年预算数281.28万元，全年执行数268.49万元，预算执行率为９５．４０％。\n',
    );
    expect(wrong.warnings.map((w) => w.code)).toContain('stated_rate_contradicted');
  });
});
