// Messages of src/domain/codes/consistency.ts. Amounts come with their unit, percents with %.
import type { AreaMessages } from './area';

export const consistencyMessages: AreaMessages<'consistency'> = {
  'zh-CN': {
    rate_mismatch: '预算执行率 {rate} 与 支出÷预算 = {computed} 相差超过 0.1 个百分点',
    over_budget: '支出 {expenditure}超过预算 {budget}',
    budget_parts: '基本支出预算 + 项目支出预算 = {sum}，与全年预算 {budget}不一致',
    expenditure_parts: '基本支出 + 项目支出 = {sum}，与全年支出 {expenditure}不一致',
    grade_mismatch: '评价等级“{grade}”与总分 {score} 对应的等级“{expected}”不符',
    carryover_mismatch: '预算 − 支出 = {left}，与结转结余 {carryover}不一致',
    level2_sum: '三级指标得分合计 {sum} 与二级指标得分 {score} 不一致',
    level1_sum: '“{level1}”下级指标得分合计 {sum} 与一级指标得分 {score} 不一致',
    total_sum: '指标得分合计 {sum} 与评价记录总分 {score} 不一致',
  },
  en: {
    rate_mismatch:
      'The execution rate {rate} differs from expenditure ÷ budget = {computed} by more than 0.1 percentage point.',
    over_budget: 'Expenditure {expenditure} exceeds the budget {budget}.',
    budget_parts: 'Basic budget + project budget = {sum}, which differs from the full-year budget {budget}.',
    expenditure_parts:
      'Basic + project expenditure = {sum}, which differs from the full-year expenditure {expenditure}.',
    grade_mismatch: 'The grade “{grade}” does not match the score {score}, whose grade is “{expected}”.',
    carryover_mismatch: 'Budget − expenditure = {left}, which differs from the carryover {carryover}.',
    level2_sum: 'The level-3 scores add up to {sum}, not to the level-2 score {score}.',
    level1_sum: 'The indicators under “{level1}” add up to {sum}, not to its level-1 score {score}.',
    total_sum: 'The indicator scores add up to {sum}, not to the record’s total score {score}.',
  },
};
