// Findings: the sections that announce them and one point per row.
import { describe, expect, it } from 'vitest';
import { kindOfHeading, pointsOf } from '@/domain/report/findings';
import { numberingOf } from '@/domain/report/outline';
import { extract } from './helpers';

describe('finding sections and points', () => {
  it('knows what a heading announces, and a heading that announces several kinds is a container', () => {
    expect(kindOfHeading('存在的问题及原因分析')).toBe('problem');
    expect(kindOfHeading('改进措施和建议')).toBe('recommendation');
    expect(kindOfHeading('主要经验及做法')).toBe('experience');
    expect(kindOfHeading('综合评价情况及评价结论')).toBe('conclusion');
    expect(kindOfHeading('主要经验及做法、存在的问题和建议')).toBeNull();
    expect(kindOfHeading('其他需要说明的问题')).toBeNull();
    expect(kindOfHeading('问题与建议')).toBeNull();
    expect(kindOfHeading('问题')).toBe('problem');
    expect(kindOfHeading('取得的主要成效')).toBe('outcome');
  });

  it('splits 一是…二是… into points and drops the markers', () => {
    expect(pointsOf('一是重大项目偏少，不利于产业可持续发展；二是优质项目储备不足。').map((p) => p.text)).toEqual([
      '重大项目偏少，不利于产业可持续发展。',
      '优质项目储备不足。',
    ]);
    expect(pointsOf('存在以下问题：（1）制度不健全；（2）台账不完整。').map((p) => p.text)).toEqual([
      '制度不健全。',
      '台账不完整。',
    ]);
  });

  it('takes （一） items as points even when they hold several sentences', () => {
    expect(pointsOf('（一）居住环境明显改善。整治后设施全面更新。').map((p) => p.text)).toEqual([
      '居住环境明显改善。整治后设施全面更新。',
    ]);
  });

  it('makes each sentence a point when nothing is enumerated', () => {
    expect(pointsOf('科学合理设置绩效指标。加强项目的全过程管理。').map((p) => p.text)).toEqual([
      '科学合理设置绩效指标。',
      '加强项目的全过程管理。',
    ]);
  });

  it('reads numbering styles', () => {
    expect(numberingOf('（一）项目概况')).toEqual({ style: '(cn)', rest: '项目概况' });
    expect(numberingOf('1.绩效目标设置合理性不足')).toEqual({ style: 'n.', rest: '绩效目标设置合理性不足' });
    expect(numberingOf('2022年预算')).toBeNull();
    expect(numberingOf('1.5万元')).toBeNull();
  });
});

describe('findings of a report', () => {
  const r = extract(
    [
      '渝中区招商投资促进局2019年招商引资专项经费绩效评价报告',
      '三、综合评价情况及评价结论',
      '（一）产出指标',
      '1、“招大引强”目标：应完成10个，完成10个。',
      '（二）评价总结',
      '项目产出得分20分，总分100分。',
      '五、存在的问题和建议',
      '（一）存在的问题',
      '1.绩效目标设置合理性不足，效益资料收集不充分',
      '一是项目绩效目标未明确核心产出内容；二是未收集媒体报道数据。',
      '2.预算编制不够科学',
      '（二）建议',
      '（无）',
      '（三）主要经验',
      '一是提早规划。活动方案提前下达。二是统筹协调。',
      '重庆市渝中区招商投资促进局',
      '2020年4月17日',
      '',
    ].join('\n'),
  );
  const points = r.findings.map((f) => [f.kind, f.seq, f.text]);

  it('takes a numbered sub-heading as one point and its body as its explanation', () => {
    expect(points.filter((p) => p[0] === 'problem')).toEqual([
      ['problem', 1, '绩效目标设置合理性不足，效益资料收集不充分'],
      ['problem', 2, '预算编制不够科学'],
    ]);
  });

  it('reads the conclusion from its summary, not from the indicator sections inside it', () => {
    expect(points.filter((p) => p[0] === 'conclusion')).toEqual([['conclusion', 1, '项目产出得分20分，总分100分。']]);
  });

  it('skips （无）, signatures and dates', () => {
    expect(points.filter((p) => p[0] === 'recommendation')).toEqual([]);
    expect(points.filter((p) => p[0] === 'experience')).toEqual([
      ['experience', 1, '提早规划。活动方案提前下达。'],
      ['experience', 2, '统筹协调。'],
    ]);
  });

  it('quotes each point verbatim with its place', () => {
    const e = r.evidence.filter((x) => x.kind === 'findings');
    expect(e.map((x) => x.location)).toContain('第9段');
    expect(
      e.find((x) => x.field === 'text' && x.index === r.findings.findIndex((f) => f.kind === 'experience'))?.text,
    ).toBe('一是提早规划。活动方案提前下达。');
  });
});

describe('problems and recommendations written in one section', () => {
  const TITLE = '重庆市渝中区招商投资促进局2019年招商引资专项经费绩效评价报告\n';
  const kinds = (text: string) => extract(TITLE + text).findings.map((f) => [f.kind, f.text]);

  it('takes each paragraph’s kind from its lead-in and one finding per point', () => {
    const r = extract(
      TITLE +
        '三、存在的问题及建议\n存在的问题：一是重大项目偏少；二是优质项目储备不足。\n建议：一是提高专项经费预算；二是建立优质项目储备库。\n',
    );
    expect(r.findings.map((f) => [f.kind, f.seq, f.text])).toEqual([
      ['problem', 1, '重大项目偏少。'],
      ['problem', 2, '优质项目储备不足。'],
      ['recommendation', 1, '提高专项经费预算。'],
      ['recommendation', 2, '建立优质项目储备库。'],
    ]);
    const quotes = r.evidence.filter((e) => e.kind === 'findings' && e.field === 'text').map((e) => e.text);
    expect(quotes).toEqual([
      '一是重大项目偏少；',
      '二是优质项目储备不足。',
      '一是提高专项经费预算；',
      '二是建立优质项目储备库。',
    ]);
    expect(r.warnings.map((w) => w.code)).not.toContain('finding_kind_unclear');
  });

  it('keeps a lead-in on a line of its own for the paragraphs after it', () => {
    expect(
      kinds(
        '四、问题及改进建议\n主要问题\n一是资金拨付滞后。\n二是档案管理不规范。\n（一）下一步建议：加强资金管理。\n',
      ),
    ).toEqual([
      ['problem', '资金拨付滞后。'],
      ['problem', '档案管理不规范。'],
      ['recommendation', '加强资金管理。'],
    ]);
  });

  it('ends a numbered point at the next lead-in, whose points are of its kind', () => {
    expect(
      kinds(
        '三、存在的问题及建议\n存在的问题：\n1.资金拨付滞后。\n拨付时间晚于计划两个月。\n建议：\n1.加快资金拨付。\n2.规范档案管理。\n',
      ),
    ).toEqual([
      ['problem', '资金拨付滞后'],
      ['recommendation', '加快资金拨付'],
      ['recommendation', '规范档案管理'],
    ]);
  });

  it('reads problems and recommendations led in within one paragraph', () => {
    expect(kinds('三、存在的问题及建议\n存在的问题：一是资金拨付滞后；二是档案不全。建议：一是加快拨付。\n')).toEqual([
      ['problem', '资金拨付滞后。'],
      ['problem', '档案不全。'],
      ['recommendation', '加快拨付。'],
    ]);
  });

  it('drops a lead-in that repeats its section’s kind from the point', () => {
    expect(kinds('三、存在的问题\n存在的问题：资金拨付滞后。\n')).toEqual([['problem', '资金拨付滞后。']]);
  });

  it('reads a recommendation led in under a heading of problems as a recommendation', () => {
    expect(kinds('三、存在的问题\n资金拨付滞后。\n改进建议：加强资金管理。\n')).toEqual([
      ['problem', '资金拨付滞后。'],
      ['recommendation', '加强资金管理。'],
    ]);
  });

  it('names a paragraph no lead-in gives a kind, and reads nothing from it', () => {
    const r = extract(TITLE + '三、存在的问题及建议\n资金拨付滞后，应加强资金管理。\n');
    expect(r.findings).toEqual([]);
    expect(r.warnings.find((w) => w.code === 'finding_kind_unclear')).toMatchObject({
      params: { section: '存在的问题及建议' },
      location: '第3段',
    });
  });
});

describe('table rows among findings', () => {
  it('takes no line of cells for a finding, even one not read as a table', () => {
    const r = extract(
      '重庆市渝中区招商投资促进局2019年招商引资专项经费绩效评价报告\n三、评价结论\n项目综合得分为92.50分。\n合计\t100\t92.50\n',
    );
    expect(r.findings.map((f) => f.text)).toEqual(['项目综合得分为92.50分。']);
  });
});
