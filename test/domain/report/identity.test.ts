// Which record a report is about, from its title and text.
import { describe, expect, it } from 'vitest';
import { isReportTitle, knownAgencyIn, projectIn, scopeOf, unknownAgencyIn, yearIn } from '@/domain/report/identity';
import { extract } from './helpers';

describe('report titles', () => {
  it('knows a title from a sentence that names a report', () => {
    expect(isReportTitle('渝中区招商投资促进局2019年招商引资专项经费绩效评价报告')).toBe(true);
    expect(isReportTitle('北京市朝阳区投资促进服务中心2022年度部门整体绩效自评报告')).toBe(true);
    expect(isReportTitle('XX项目绩效评价报告（2024年度）')).toBe(true);
    expect(isReportTitle('并完成《部门整体绩效评价报告》及《项目支出绩效评价报告》。')).toBe(false);
  });

  it('finds a registered agency by any alias, the longest first, and maps it to its official name', () => {
    expect(knownAgencyIn('渝中区招商投资促进局2019年招商引资专项经费绩效评价报告')).toMatchObject({
      written: '渝中区招商投资促进局',
      canonical: '重庆市渝中区招商投资促进局',
    });
    expect(knownAgencyIn('北京市贸促会2023年度部门整体支出绩效评价报告')?.canonical).toBe(
      '中国国际贸易促进委员会北京市分会',
    );
  });

  it('reads an unregistered agency from the head of a title or where the text introduces it', () => {
    expect(unknownAgencyIn('北京市海淀区科学技术和信息化局2024年度“中关村创新券”项目绩效评价报告', true)?.written).toBe(
      '北京市海淀区科学技术和信息化局',
    );
    expect(unknownAgencyIn('北京市海淀区教育委员会部门整体绩效评价报告', true)?.written).toBe('北京市海淀区教育委员会');
    // 社会 ends in 会, but the name runs on to the year.
    expect(
      unknownAgencyIn('北京市顺义区人力资源和社会保障局2024年度职业技能提升培训补贴项目绩效评价报告', true)?.written,
    ).toBe('北京市顺义区人力资源和社会保障局');
    expect(unknownAgencyIn('项目实施单位：北京市东城区住房和城市建设委员会。项目于2023年实施', false)?.written).toBe(
      '北京市东城区住房和城市建设委员会',
    );
    expect(unknownAgencyIn('天津市滨海新区商务局（以下简称“区商务局”）负责实施', false)?.written).toBe(
      '天津市滨海新区商务局',
    );
  });

  it('reads the year, the scope and the project', () => {
    expect(yearIn('XX项目绩效评价报告（2024年度）')?.year).toBe(2024);
    expect(scopeOf('2023年部门整体绩效评价报告')).toBe('department');
    expect(scopeOf('2022年度“北京市市长国际企业家顾问会议”项目支出绩效评价报告')).toBe('project');
    expect(projectIn('“ 北京市市长国际企业家顾问会议”项目支出绩效评价报告', null)).toBe('北京市市长国际企业家顾问会议');
    expect(projectIn('渝中区招商投资促进局2019年招商引资专项经费绩效评价报告', '渝中区招商投资促进局')).toBe(
      '招商引资专项经费',
    );
    expect(projectIn('2023年度全民健身设施提升项目绩效评价报告', null)).toBe('全民健身设施提升项目');
    expect(projectIn('某委员会2023年度老旧小区综合整治项目财政支出绩效评价报告', '某委员会')).toBe(
      '老旧小区综合整治项目',
    );
  });
});

describe('records of a report', () => {
  it('takes a title over several lines, and the year from the text when the title names none', () => {
    const r = extract(
      '北京市朝阳区投资促进服务中心\n招商引资及推介大型专项活动经费\n绩效评价报告\n一、基本情况\n2024年批复项目预算90万元，该项目实际支出90万元。\n绩效评价对象为2024年度招商引资及推介大型专项活动经费。\n',
    );
    expect(r.records).toHaveLength(1);
    expect(r.records[0]).toMatchObject({
      agency: '北京市朝阳区投资促进服务中心',
      region: '北京市朝阳区',
      year: 2024,
      scope: 'project',
      project: '招商引资及推介大型专项活动经费',
      source: '北京市朝阳区投资促进服务中心招商引资及推介大型专项活动经费绩效评价报告（2024年度）',
    });
  });

  it('reads a department and a project of one report as two records, the agency named once', () => {
    const r = extract(
      '第四部分  2022年度部门绩效评价情况\n部门整体绩效评价报告\n中国国际贸易促进委员会北京市分会（以下简称“北京市贸促会”）是群团组织。\n北京市贸促会2022年全年预算数5,333.85万元。\n“ 北京市市长国际企业家顾问会议”项目支出绩效评价报告\n项目全年实际支出111.13万元。\n',
    );
    expect(r.records.map((x) => [x.agency, x.year, x.scope, x.project, x.budget, x.expenditure])).toEqual([
      ['中国国际贸易促进委员会北京市分会', 2022, 'department', '', 5333.85, null],
      ['中国国际贸易促进委员会北京市分会', 2022, 'project', '北京市市长国际企业家顾问会议', null, 111.13],
    ]);
  });

  it('gives a figure of another year to that year’s record', () => {
    const r = extract(
      '北京市贸促会2022年度部门整体绩效评价报告\n资金结转结余率为3.24%，2021年资金结转结余率为2.89%。\n',
    );
    expect(r.records.map((x) => [x.year, x.carryover_rate])).toEqual([
      [2022, 3.24],
      [2021, 2.89],
    ]);
  });

  it('warns when the agency is not registered or not found', () => {
    expect(
      extract('某某县农业农村局2023年度高标准农田建设项目绩效评价报告\n全年预算数10万元。\n').warnings.map(
        (w) => w.code,
      ),
    ).toContain('agency_unknown');
  });

  it('gives no record, and an error, when no agency or no year is found', () => {
    const noAgency = extract('绩效评价报告\n2023年全年预算数10万元。\n');
    expect(noAgency.errors.map((e) => e.code)).toEqual(['agency_not_found']);
    expect(noAgency.records).toEqual([]);
    const noYear = extract(
      '某某县农业农村局高标准农田建设项目绩效评价报告\n全年预算数10万元。\n二、存在的问题\n资金拨付滞后。\n',
    );
    expect(noYear.errors.map((e) => e.code)).toEqual(['year_not_found']);
    expect([...noYear.records, ...noYear.findings]).toEqual([]);
  });
});

describe('a document that is no evaluation report', () => {
  it('gives an error and no rows for a notice, whatever names and figures it holds', () => {
    const r = extract(
      '关于召开2024年度工作会议的通知\n各科室：\n定于2024年1月10日上午9时在三楼会议室召开年度工作会议，请准时参加。\n北京市朝阳区投资促进服务中心\n',
    );
    expect(r.errors.map((e) => e.code)).toEqual(['not_a_report']);
    expect([...r.records, ...r.indicators, ...r.funds, ...r.findings]).toEqual([]);
  });

  it('reads a report without a title line by the words of its evaluation', () => {
    const r = extract('北京市朝阳区投资促进服务中心2024年度绩效自评情况\n全年预算数100万元，全年执行数90万元。\n');
    expect(r.errors).toEqual([]);
    expect(r.records[0]).toMatchObject({ year: 2024, budget: 100, expenditure: 90 });
  });
});

describe('a cover that names what the title does not', () => {
  it('takes the project, the agency and the evaluating firm from the cover’s labelled lines', () => {
    const r = extract(
      '绩效评价报告\n项目名称：智慧社区建设补助资金项目\n项目实施单位：上海市徐汇区民政局\n评价机构：上海某某财务咨询有限公司\n2023年项目预算280万，实际支出251.3万。\n',
    );
    expect(r.records[0]).toMatchObject({
      agency: '上海市徐汇区民政局',
      year: 2023,
      scope: 'project',
      project: '智慧社区建设补助资金项目',
      budget: 280,
      expenditure: 251.3,
      evaluator: '第三方评价',
    });
  });

  it('reads the cover from a two-cell table row too', () => {
    const r = extract(
      '项目支出绩效评价报告\n\t项目名称\n\t社区养老服务补贴\n\n\t预算单位\n\t某某区民政局\n\n2023年全年预算数10万元。\n',
    );
    expect(r.records[0]).toMatchObject({ agency: '某某区民政局', project: '社区养老服务补贴' });
  });
});

describe('projects a department’s report goes through', () => {
  it('gives a numbered paragraph that names a project to that project’s record', () => {
    const r = extract(
      '天津市河西区商务局2022年度部门整体绩效评价报告\n2022年全年预算数2,600.00万元。\n1.消费券发放补贴项目：全年预算数800.00万元，实际支出760.00万元。\n（一）总体情况：全年执行数2,480.00万元。\n',
    );
    expect(r.records.map((x) => [x.scope, x.project, x.budget, x.expenditure])).toEqual([
      ['department', '', 2600, 2480],
      ['project', '消费券发放补贴项目', 800, 760],
    ]);
  });
});
