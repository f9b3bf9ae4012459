// Labelled figures in running text: one sentence in, the figure (or nothing) out.
import { describe, expect, it } from 'vitest';
import {
  evaluatorIn,
  labelledFigures,
  spacedFigures,
  splitsAfter,
  statedGrade,
  unclearFigures,
} from '@/domain/report/prose';

const figures = (s: string) => labelledFigures(s).map((f) => [f.field, f.figure.value, f.text]);

describe('labelled figures', () => {
  it('reads budgets, spending and the rate with thousands separators and units', () => {
    expect(
      figures(
        '北京市贸促会2022年全年预算数5,333.85万元，其中，基本支出预算数3,864.04万元，项目支出预算数1,469.81万元。',
      ),
    ).toEqual([
      ['budget', 5333.85, '全年预算数5,333.85万元'],
      ['budget_basic', 3864.04, '基本支出预算数3,864.04万元'],
      ['budget_project', 1469.81, '项目支出预算数1,469.81万元'],
    ]);
    expect(
      figures(
        '截至2022年12月31日，总体支出5169.65万元，其中，基本支出3,816.17万元，项目支出1,353.48万元，预算执行率为96.92%。',
      ),
    ).toEqual([
      ['expenditure', 5169.65, '总体支出5169.65万元'],
      ['expenditure_basic', 3816.17, '基本支出3,816.17万元'],
      ['expenditure_project', 1353.48, '项目支出1,353.48万元'],
      ['execution_rate', 96.92, '预算执行率为96.92%'],
    ]);
  });

  it('converts 元 and 亿元 to 万元 and reads full-width digits', () => {
    expect(figures('项目实际支出1,234,500元。')).toEqual([['expenditure', 123.45, '实际支出1,234,500元']]);
    expect(figures('全年预算数1.2亿元。')).toEqual([['budget', 12000, '全年预算数1.2亿元']]);
    expect(figures('全年执行数９０万元')).toEqual([['expenditure', 90, '全年执行数９０万元']]);
    expect(figures('项目预算280万，实际支出251.3万。')).toEqual([
      ['budget', 280, '项目预算280万'],
      ['expenditure', 251.3, '实际支出251.3万'],
    ]);
    expect(figures('全年预算数5万人次')).toEqual([]);
  });

  it('reads a full-width or half-width comma between groups of three digits as a thousands separator', () => {
    expect(figures('全年预算数１，２８１．２８万元，全年执行数１，２６８．４９万元。')).toEqual([
      ['budget', 1281.28, '全年预算数１，２８１．２８万元'],
      ['expenditure', 1268.49, '全年执行数１，２６８．４９万元'],
    ]);
    expect(figures('项目实际支出１，２３４，５００元。')).toEqual([
      ['expenditure', 123.45, '实际支出１，２３４，５００元'],
    ]);
    expect(figures('全年预算数12，800万元。')).toEqual([['budget', 12800, '全年预算数12，800万元']]);
  });

  it('reads nothing from digits whose commas group no thousands, and names them', () => {
    expect(figures('全年预算数100，90万元，全年执行数1,2684.9万元。')).toEqual([]);
    expect(unclearFigures('全年预算数100，90万元，全年执行数1,2684.9万元。').map((u) => u.text)).toEqual([
      '全年预算数100，90万元',
      '全年执行数1,2684.9万元',
    ]);
    expect(unclearFigures('全年预算数１，２８１．２８万元，执行数90万元，预算数100，执行数90万元。')).toEqual([]);
  });

  it('reads nothing from a letter-spaced run of digits left unjoined, and names it', () => {
    // The PDF reader joins a spaced run only when it reads as one number: five bare digits may be two.
    const text = '全年预算数2 8 1 2 8万元，评价得分9 6 5 0，执行率9 5 %。';
    expect(figures(text)).toEqual([]);
    expect(spacedFigures(text).map((u) => u.text)).toEqual([
      '全年预算数2 8 1 2 8万元',
      '评价得分9 6 5 0',
      '执行率9 5 %',
    ]);
    expect(spacedFigures('全年预算数281 万元，得分96 分，预算执行率95 %，评价得分9 分。')).toEqual([]);
    expect(unclearFigures(text)).toEqual([]);
  });

  it('takes an approved budget that no adjustment followed as the initial budget', () => {
    expect(
      figures('2024年批复招商引资及推介大型专项活动经费项目预算90万元，该项目实际支出90万元，执行率100%。'),
    ).toEqual([
      ['budget_initial', 90, '项目预算90万元'],
      ['expenditure', 90, '实际支出90万元'],
      ['execution_rate', 100, '执行率100%'],
    ]);
    expect(figures('本项目的年初预算批复金额为113.58万元；最终审定金额为112.33万元')).toEqual([
      ['budget_initial', 113.58, '年初预算批复金额为113.58万元'],
      ['budget', 112.33, '审定金额为112.33万元'],
    ]);
  });

  it('reads final accounts, the difference rate, carry-over and its rate', () => {
    expect(figures('部门年度支出决算数为5,169.66万元，部门预决算差异率为2.78%，低于市级平均差异率。')).toEqual([
      ['final_accounts', 5169.66, '年度支出决算数为5,169.66万元'],
      ['budget_final_diff_rate', 2.78, '预决算差异率为2.78%'],
    ]);
    expect(figures('年末结转结余资金总额为172.89万元，资金结转结余率为3.24%')).toEqual([
      ['carryover', 172.89, '结转结余资金总额为172.89万元'],
      ['carryover_rate', 3.24, '结转结余率为3.24%'],
    ]);
  });

  it('reads the total score but not a level-1 score', () => {
    expect(figures('部门整体绩效评价得分为95.18分，综合评价等级为“优”')).toEqual([
      ['score', 95.18, '绩效评价得分为95.18分'],
    ]);
    expect(figures('项目产出得分20分，项目效益得分30分。总分100分。')).toEqual([['score', 100, '总分100分']]);
  });

  it('keeps out dates, counts, areas, assets, shares, changes and approximate figures', () => {
    for (const s of [
      '截至2022年12月31日，北京市贸促会资产总额6,196.43万元，其中货币资金5,093.84万元，占资产总额82.21%。',
      '2022年度部门结转结余率较上一年度上升了0.35%。',
      '事业编制32名，实有人员28名，办公面积1,200平方米，京财绩效〔2020〕2146号。',
      '申请支付“会议网络技术平台支持”费用46.3019万元，高于与服务单位签订的合同价款。',
      '其他支出预算数0.00万元，上年结转资金20.00万元。',
      '项目实际支出10余万元。',
      '财政应返还额度172.89万元，占资产总额2.79%。',
    ])
      expect(figures(s), s).toEqual([]);
  });

  it('reads the splits of a budget stated as plain 基本支出 / 项目支出 after it', () => {
    expect(
      figures(
        '2023年部门收入预算4,512.30万元，支出预算4,512.30万元，其中基本支出3,206.80万元，项目支出1,305.50万元。全年实际支出4,286.10万元。',
      ),
    ).toEqual([
      ['budget', 4512.3, '支出预算4,512.30万元'],
      ['budget_basic', 3206.8, '基本支出3,206.80万元'],
      ['budget_project', 1305.5, '项目支出1,305.50万元'],
      ['expenditure', 4286.1, '实际支出4,286.10万元'],
    ]);
  });

  it('reads 资金 and 共计 between a label and its figure', () => {
    expect(figures('2023年该项目预算资金共计3,280.00万元；项目实际支出资金3,015.62万元')).toEqual([
      ['budget', 3280, '项目预算资金共计3,280.00万元'],
      ['expenditure', 3015.62, '实际支出资金3,015.62万元'],
    ]);
  });

  it('notes the year a clause names when it is another year', () => {
    const [f] = labelledFigures('资金结转结余率为3.24%，2021年资金结转结余率为2.89%。').slice(1);
    expect(f).toMatchObject({ field: 'carryover_rate', year: 2021, text: '结转结余率为2.89%' });
  });
});

describe('fund sources stated as parts of a figure', () => {
  it('reads 其中 lists of fund sources, dropping 支出 from the name', () => {
    const text =
      '项目全年实际支出111.13万元，其中，财政资金支出75.50万元，单位自有资金支出35.63万元，预算执行率98.93%。';
    const spent = labelledFigures(text)[0]!;
    expect(splitsAfter(text, spent.figure.end).map((p) => [p.name, p.figure.value, p.text])).toEqual([
      ['财政资金', 75.5, '财政资金支出75.50万元'],
      ['单位自有资金', 35.63, '单位自有资金支出35.63万元'],
    ]);
  });

  it('does not take basic and project spending for fund sources', () => {
    const text = '全年预算数1581.89万元，其中，基本支出预算数1082.46万元，项目支出预算数499.43万元。';
    expect(splitsAfter(text, labelledFigures(text)[0]!.figure.end)).toEqual([]);
  });
});

describe('grade and evaluator', () => {
  it('reads the grade in its quotes', () => {
    expect(statedGrade('综合评价等级为“良”各指标得分情况见下表')).toEqual({ grade: '良', text: '综合评价等级为“良”' });
    expect(statedGrade('自评得分96.00分，等级为优。')).toEqual({ grade: '优', text: '等级为优' });
    expect(statedGrade('绩效评价结果分为四档：90（含）-100分为优')).toBeNull();
    expect(statedGrade('该项目综合评分为86.45分，属于“良”等级。')).toEqual({ grade: '良', text: '属于“良”等级' });
  });

  it('tells a commissioned third party from a self-evaluation', () => {
    expect(evaluatorIn('委托评价机构成立绩效评价工作组（以下简称“评价工作组”）')?.value).toBe('第三方评价');
    expect(evaluatorIn('部分工作通过委托第三方服务单位具体落实。')).toBeNull();
    expect(evaluatorIn('我中心于半年度、年度开展绩效自评管理工作')?.value).toBe('自评');
    expect(evaluatorIn('北京市贸促会开展部门预算项目全覆盖绩效自评工作')).toBeNull();
  });
});
