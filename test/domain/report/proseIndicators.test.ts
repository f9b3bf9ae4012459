// Indicators and level-1 scores written as sentences.
import { describe, expect, it } from 'vitest';
import { level1Sentences, targetsAndActuals } from '@/domain/report/proseIndicators';
import { extract } from './helpers';

describe('indicators in sentences', () => {
  it('splits targets after 应 from actuals', () => {
    expect(targetsAndActuals('应完成签约重点项目50个，重点项目签约金额50亿元，完成50个，50.5亿元。')).toEqual({
      targets: ['应完成签约重点项目50个', '重点项目签约金额50亿元'],
      actuals: ['完成50个', '50.5亿元'],
    });
  });

  it('reads level-1 weights and scores, whichever way a sentence puts them', () => {
    expect(
      level1Sentences('其中项目产出标准分20分，项目效益标准分30分，满意度标准分5分。').map((x) => [
        x.name,
        x.kind,
        x.value,
      ]),
    ).toEqual([
      ['产出', 'weight', 20],
      ['效益', 'weight', 30],
      ['满意度', 'weight', 5],
    ]);
    expect(
      level1Sentences('其中决策指标分值15分，得分13.50分；过程指标分值20分，得分17.10分。').map((x) => [
        x.name,
        x.kind,
        x.value,
      ]),
    ).toEqual([
      ['决策指标', 'weight', 15],
      ['决策指标', 'score', 13.5],
      ['过程指标', 'weight', 20],
      ['过程指标', 'score', 17.1],
    ]);
    expect(
      level1Sentences('本次绩效评价总分值为100分，决策部分10分，过程部分20分。').map((x) => [x.name, x.value]),
    ).toEqual([
      ['决策', 10],
      ['过程', 20],
    ]);
  });

  it('reads list items under a level-1 heading; a level-2 name keeps its object as level 3; a misnamed heading is corrected with a warning', () => {
    const r = extract(
      [
        '渝中区招商投资促进局2019年招商引资专项经费绩效评价报告',
        '（一）产出指标',
        '1、“招大引强”目标：应完成10个，完成10个。',
        '2、参加重大会展活动：应参加10次以上，参加10次以上。',
        '（二）产出指标',
        '1、社会效益指标：应完成引进税收超过100万的企业10个，完成引进10个。',
        '（三）满意度指标',
        '提升企业对我区营商环境的企业满意度，应达到80%以上，达到80%以上。',
        '（四）评价总结',
        '项目产出得分20分，项目效益得分30分，满意度5分。',
        '',
      ].join('\n'),
    );
    expect(r.indicators.map((i) => [i.level1, i.level2, i.level3, i.target, i.actual, i.weight, i.score])).toEqual([
      ['产出指标', '', '“招大引强”目标', '10个', '10个', null, null],
      ['产出指标', '', '参加重大会展活动', '10次以上', '10次以上', null, null],
      ['效益指标', '社会效益指标', '引进税收超过100万的企业', '10个', '10个', null, null],
      ['满意度指标', '', '企业满意度', '80%以上', '80%以上', null, null],
      ['产出指标', '', '', '', '', null, 20],
      ['效益指标', '', '', '', '', null, 30],
      ['满意度指标', '', '', '', '', null, 5],
    ]);
    expect(r.warnings.find((w) => w.code === 'level1_heading_mismatch')?.params).toEqual({
      heading: '产出指标',
      level2: '社会效益指标',
      level1: '效益指标',
    });
    expect(r.evidence.find((e) => e.kind === 'indicators' && e.index === 2 && e.field === 'level1')?.how).toBe(
      'derived',
    );
  });

  it('reads indicators listed after their level 1', () => {
    const r = extract(
      '北京市贸促会2022年度部门整体绩效评价报告\n产出指标：科技交流与合作组织实施展会1场；组织培训≥6次。\n',
    );
    expect(r.indicators.map((i) => [i.level1, i.level3, i.target])).toEqual([
      ['产出指标', '科技交流与合作组织实施展会', '1场'],
      ['产出指标', '组织培训', '≥6次'],
    ]);
  });
});
