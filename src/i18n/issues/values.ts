// Messages of src/domain/codes/values.ts.
import type { AreaMessages } from './area';

export const valueMessages: AreaMessages<'values'> = {
  'zh-CN': {
    amount_invalid: '不是有效的金额：{value}（应为数字，如 5333.85、5,333.85 或 90万元）',
    amount_negative: '金额不能为负数：{value}',
    percent_invalid: '不是有效的百分比：{value}（应为数字，如 96.92% 或 96.92）',
    number_invalid: '不是有效的数值：{value}（应为数字，如 8 或 8.5）',
    number_negative: '数值不能为负数：{value}',
    integer_invalid: '不是有效的整数：{value}（应为 {min}–{max} 之间的整数）',
    integer_range: '超出范围：{value}（应为 {min}–{max} 之间的整数）',
    scope_invalid: '不是有效的评价类型：{value}（应为 department / project，或 部门整体 / 项目）',
    grade_invalid: '不是有效的评价等级：{value}（应为 优 / 良 / 中 / 差，或 excellent / good / fair / poor）',
    category_invalid: '不是有效的类别：{value}（应为 source / line_item，或 资金来源 / 支出明细）',
    amount_range: '金额超出合理范围：{value}（不能超过 {max}），请检查单位或数字',
    percent_range:
      '百分比超出常见范围：{value}（超过 ±{max}），已按原值读取：请核对是否多写了数字或把金额填进了百分比列',
    number_range: '数值超出合理范围：{value}（不能超过 {max} 分）',
    control_character: '单元格含有控制字符 {char}：{value}。请删除这个不可见字符',
    minus_sign: '负号不是常用的“-”：{value}，已按负数读取',
    name_normalized:
      '{field}“{value}”含有不可见字符、不间断空格、多余空格或全角字母，已统一为“{normalized}”（同样写法的其他行也一样）',
    finding_kind_invalid:
      '不是有效的评价发现类别：{value}（应为 评价结论 / 存在的问题 / 改进建议 / 主要经验 / 主要成效，或 conclusion / problem / recommendation / experience / outcome）',
  },
  en: {
    amount_invalid: 'Not a valid amount: “{value}” (expected a number such as 5333.85 or 5,333.85).',
    amount_negative: 'An amount cannot be negative: {value}',
    percent_invalid: 'Not a valid percentage: “{value}” (expected a number such as 96.92% or 96.92).',
    number_invalid: 'Not a valid number: “{value}” (expected a number such as 8 or 8.5).',
    number_negative: 'This number cannot be negative: {value}',
    integer_invalid: 'Not a whole number: “{value}” (expected a whole number from {min} to {max}).',
    integer_range: 'Out of range: {value} (expected a whole number from {min} to {max}).',
    scope_invalid: 'Not a valid scope: “{value}” (expected department or project).',
    grade_invalid: 'Not a valid grade: “{value}” (expected excellent, good, fair or poor).',
    category_invalid: 'Not a valid category: “{value}” (expected source or line_item).',
    amount_range: 'An amount beyond any budget: {value} (at most {max}); check the unit and the digits.',
    percent_range:
      'A percentage beyond the usual bound: {value} (beyond ±{max}), read as written; check for an extra digit or an amount in a percent column.',
    number_range: 'A number beyond the bound: {value} (at most {max} points).',
    control_character: 'The cell holds the control character {char}: {value}. Remove this invisible character.',
    minus_sign: 'The minus sign is not the usual “-”: {value}; read as a negative number.',
    name_normalized:
      '{field} “{value}” held invisible characters, no-break or repeated spaces, or full-width letters; stored as “{normalized}” (and so on every row written the same way).',
    finding_kind_invalid:
      'Not a valid kind of finding: “{value}” (expected conclusion, problem, recommendation, experience or outcome).',
  },
};
