import { describe, expect, it } from 'vitest';
import {
  cleanName,
  FUND_COLUMNS,
  FUND_ROWS,
  INDICATOR_COLUMNS,
  isTemplateHint,
  labelKey,
  META_LABELS,
  statedYear,
  titleScope,
  unitScale,
} from '@/domain/forms/labels';

describe('form labels', () => {
  it('compare ignoring width, spaces, line breaks, 其中：, enumerators and bracketed markers', () => {
    expect(labelKey('其中：当年财政拨款').key).toBe(labelKey('当年财政拨款').key);
    expect(labelKey('年度\n指标值').key).toBe('年度指标值');
    expect(labelKey('年初预算数（A）').key).toBe('年初预算数');
    expect(labelKey('全年（调整）预算数').key).toBe('全年预算数');
    expect(labelKey('实施单位 (盖章)').key).toBe('实施单位');
    expect(labelKey('年度资金总额：').key).toBe('年度资金总额');
    expect(labelKey('（一）存在问题').key).toBe('存在问题');
  });

  it('read the unit of a bracket or a note', () => {
    expect(labelKey('项目资金（万元）')).toEqual({ key: '项目资金', scale: 1 });
    expect(labelKey('项目资金(元)').scale).toBe(0.0001);
    expect(unitScale('金额单位：元')).toBe(0.0001);
    expect(unitScale('单位:亿元')).toBe(10000);
    expect(unitScale('万人')).toBeNull();
  });

  it('know the variants of the columns and lines of each province', () => {
    expect(['全年预算数', '调整后预算数', '全年（调整）预算数'].map((l) => FUND_COLUMNS.get(labelKey(l).key))).toEqual([
      'budget',
      'budget',
      'budget',
    ]);
    expect(['全年执行数', '预算执行数'].map((l) => FUND_COLUMNS.get(labelKey(l).key))).toEqual([
      'expenditure',
      'expenditure',
    ]);
    expect(FUND_COLUMNS.get(labelKey('分值（10分）').key)).toBe('weight');
    expect(['年度资金总额', '总额', '合计'].map((l) => FUND_ROWS.get(labelKey(l).key))).toEqual([
      'total',
      'total',
      'total',
    ]);
    expect(FUND_ROWS.get(labelKey('其中：基本支出：').key)).toBe('basic');
    expect(INDICATOR_COLUMNS.get(labelKey('未完成原因分析').key)).toBe('note');
    expect(INDICATOR_COLUMNS.get(labelKey('全年实际值（B）').key)).toBe('actual');
    expect(INDICATOR_COLUMNS.get(labelKey('指标权重(分)').key)).toBe('weight');
    expect(META_LABELS.get(labelKey('部门（单位）名称').key)).toBe('department');
  });

  it('tell the layout from the title and the year from a title or subtitle, not from a date', () => {
    expect(titleScope('项目支出绩效自评表')).toBe('project');
    expect(titleScope('部门预算项目支出绩效自评表(2023年度)')).toBe('project');
    expect(titleScope('部门（单位）整体支出绩效自评表')).toBe('department');
    expect(titleScope('绩效指标')).toBeNull();
    expect(statedYear('（2024年度）')).toBe(2024);
    expect(statedYear('2024年度项目支出绩效自评表')).toBe(2024);
    expect(statedYear('（ 2023 年度）')).toBe(2023);
    expect(statedYear('填报日期：2022年2月3日')).toBeNull();
    expect(statedYear('2023')).toBeNull();
  });

  it('store names without line breaks and a trailing score; spot template instructions', () => {
    expect(cleanName('满意度\n指标')).toBe('满意度指标');
    expect(cleanName('产出指标（50分）')).toBe('产出指标');
    expect(cleanName('GDP growth\nrate')).toBe('GDP growth rate');
    expect(isTemplateHint('结合自评情况，分析存在的问题及原因。(200字以内)')).toBe(true);
    expect(isTemplateHint('资金到位率偏低')).toBe(false);
  });
});
