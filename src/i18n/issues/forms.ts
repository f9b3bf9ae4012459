// Messages of src/domain/codes/forms.ts. English messages name the forms' Chinese labels in
// English (a Chinese label on an English page would be our text, not the file's).
import type { AreaMessages } from './area';

export const formMessages: AreaMessages<'forms'> = {
  'zh-CN': {
    not_a_form: '未识别出绩效自评表：没有找到项目资金（预算执行情况）栏或绩效指标表',
    form_agency_missing: '自评表中没有找到单位：应填写“实施单位”“主管部门”或“部门（单位）名称”',
    form_project_missing: '项目支出绩效自评表中没有找到“项目名称”',
    form_year_missing: '自评表没有写明年度（标题或“年度”栏）：请在上传时填写年度',
    unsupported_format: '不支持的文件格式：{format}',
    fund_total_zero: '“年度资金总额”的{column}为 0，而其下各项合计 {sum}：按各项合计读取',
    fund_total_blank: '“年度资金总额”的{column}未填写，其下各项合计 {sum}：按各项合计读取',
    fund_total_mismatch: '“年度资金总额”的{column} {total} 与其下各项合计 {sum} 不一致',
    execution_rate_mismatch: '“{item}”填写的执行率 {stated} 与 执行数 ÷ 预算数 = {computed} 不一致',
    execution_rate_fraction: '“{item}”的执行率写作 {stated}（无 % 号），与执行数 ÷ 预算数相符，按 {read} 读取',
    score_sum_mismatch: '各项指标得分合计 {sum} 与总分 {total} 不一致',
    weight_sum_mismatch: '各项指标分值合计 {sum} 与总分栏的分值 {total} 不一致',
    form_score_above_weight: '“{item}”的得分 {score} 超过其分值 {weight}',
    self_score_differs: '“自评得分” {stated} 与总分 {total} 不一致：采用总分',
    amount_unit_conflict: '金额单位前后不一致：按最靠近资金栏的“{unit}”读取，另有“{other}”，请核对',
    form_cell_unplaced: '“{text}”（表头“{header}”）对应不到自评表的任何一栏，未读取：请核对表头',
    form_cell_unheaded: '“{text}”所在的栏没有表头，未读取：请核对表头',
    value_unreadable: '“{item}”的“{text}”不是有效的数值，按空值读取',
    template_hint: '“{label}”栏仍是填表说明，未作为评价发现导入',
    year_from_upload: '自评表没有写明年度，采用上传时填写的 {year} 年',
    form_year_differs: '自评表写明的年度是 {stated} 年，与上传时填写的 {given} 年不同：按自评表的 {stated} 年导入',
    no_indicator_table: '没有找到绩效指标表（一级指标 / 二级指标 / 三级指标……）',
    no_funds_block: '没有找到项目资金（预算执行情况）栏',
    indicator_levels_missing: '绩效指标表只有“指标名称”，没有一级 / 二级 / 三级指标：指标名称记为一级指标',
    sheet_not_a_form: '工作表“{sheet}”不是绩效自评表，未读取',
    form_duplicate: '与 {first} 重复：同一{kind}只能导入一次',
  },
  en: {
    not_a_form:
      'No self-evaluation form recognised: no funds block (project funds or budget execution) and no indicator table found.',
    form_agency_missing:
      'No agency found in the form: it should name the implementing unit, the supervising department or the department (unit).',
    form_project_missing: 'No project name found in the project self-evaluation form.',
    form_year_missing: 'The form states no year (in its title or a year line): give the year for the upload.',
    unsupported_format: 'Unsupported file format: {format}',
    fund_total_zero:
      'The annual funds total reads 0 for {column} while its sub-lines add up to {sum}: the sum of the sub-lines is used.',
    fund_total_blank:
      'The annual funds total is blank for {column} while its sub-lines add up to {sum}: the sum of the sub-lines is used.',
    fund_total_mismatch: 'The annual funds total gives {total} for {column}, but its sub-lines add up to {sum}.',
    execution_rate_mismatch: 'The execution rate stated for “{item}”, {stated}, is not spending ÷ budget = {computed}.',
    execution_rate_fraction:
      'The execution rate of “{item}” is written {stated} (no % sign); it matches spending ÷ budget as a fraction and is read as {read}.',
    score_sum_mismatch: 'The indicator scores add up to {sum}, not to the total score {total}.',
    weight_sum_mismatch: 'The indicator weights add up to {sum}, not to the total weight {total}.',
    form_score_above_weight: 'The score {score} of “{item}” is above its weight {weight}.',
    self_score_differs:
      'The self-assessed score, {stated}, differs from the total score {total}: the total score is used.',
    amount_unit_conflict:
      'The form states two amount units: amounts are read in the one nearest the funds block, “{unit}”; the form also says “{other}”. Check which is right.',
    form_cell_unplaced:
      '“{text}” (under the header “{header}”) matches no column of the form; it was not read. Check the header.',
    form_cell_unheaded: '“{text}” stands in a column without a header; it was not read. Check the header.',
    value_unreadable: '“{text}” for “{item}” is not a valid number; it is read as empty.',
    template_hint: 'The “{label}” cell still holds the form’s instructions; it is not imported as a finding.',
    year_from_upload: 'The form states no year; the year given for the upload, {year}, is used.',
    form_year_differs:
      'The form states the year {stated}, not {given} as given for the upload: it is imported as {stated}.',
    no_indicator_table: 'No indicator table found (level-1, level-2 and level-3 indicators …).',
    no_funds_block: 'No funds block found (project funds or budget execution).',
    indicator_levels_missing:
      'The indicator table has only indicator names, no levels: each indicator name is stored as its level-1 name.',
    sheet_not_a_form: 'Sheet “{sheet}” is not a self-evaluation form; it was not read.',
    form_duplicate: 'Repeats {first}: the same {kind} can be imported only once.',
  },
};
