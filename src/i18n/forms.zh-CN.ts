// Messages of workbook reading and form extraction (codes of src/domain/forms/codes.ts), zh-CN.
// Flat: code → vue-i18n message with {param} placeholders; wired into the shared issue renderer
// with the code registry.
import type { FormsCode } from '@/domain/forms/codes';

export type FormsMessages = Readonly<Record<FormsCode, string>>;

export const formsZhCN: FormsMessages = {
  not_a_workbook: '不是可读取的工作簿：应为 .xlsx、.xls、.ods 或 WPS .et 文件',
  workbook_encrypted: '工作簿设有打开密码，无法读取：请去掉密码后另存再上传',
  workbook_unreadable: '工作簿无法读取（文件可能已损坏）：{detail}',
  workbook_too_large: '工作簿过大：共 {cells} 个单元格，超过上限 {limit}；请拆分后上传',
  rows_above_header: '工作表“{sheet}”的表头在第 {row} 行，上方各行未导入',
  percent_without_format:
    '列“{column}”中 {count} 个单元格是 0 到 1 之间的数（如 {value}），未设为百分比格式，按百分点读取（{value} 即 {value}%）；若本意是小数比例，请设为百分比格式',
  merged_cell_filled: '合并单元格 {range} 的值用于其覆盖的 {rows} 行',
  formula_without_value: '单元格 {cell} 是公式但没有计算结果（文件保存前未计算），按空值读取',
  sheet_hidden: '隐藏的工作表“{sheet}”未读取',
  sheet_empty: '工作表“{sheet}”是空的',
  sheet_no_kind: '工作表“{sheet}”的表头不符合任何一类数据（评价记录、绩效指标、资金明细），未读取',
  not_a_form: '未识别出绩效自评表：没有找到项目资金（预算执行情况）栏或绩效指标表',
  form_agency_missing: '自评表中没有找到单位：应填写“实施单位”“主管部门”或“部门（单位）名称”',
  form_project_missing: '项目支出绩效自评表中没有找到“项目名称”',
  form_year_missing: '自评表没有写明年度（标题或“年度”栏）：请在上传时填写年度',
  unsupported_format: '不支持的文件格式：{format}',
  report_extractor_missing: '尚不能从评价报告（{format}）中提取数据',
  document_reader_missing: '尚不能读取 {format} 文件',
  fund_total_zero: '“年度资金总额”的{column}为 0，而其下各项合计 {sum}：按各项合计读取',
  fund_total_blank: '“年度资金总额”的{column}未填写，其下各项合计 {sum}：按各项合计读取',
  fund_total_mismatch: '“年度资金总额”的{column} {total} 与其下各项合计 {sum} 不一致',
  execution_rate_mismatch: '“{item}”填写的执行率 {stated}% 与 执行数 ÷ 预算数 = {computed}% 不一致',
  execution_rate_fraction: '“{item}”的执行率写作 {stated}（无 % 号），与执行数 ÷ 预算数相符，按 {read}% 读取',
  score_sum_mismatch: '各项指标得分合计 {sum} 与总分 {total} 不一致',
  weight_sum_mismatch: '各项指标分值合计 {sum} 与总分栏的分值 {total} 不一致',
  score_above_weight: '“{item}”的得分 {score} 超过其分值 {weight}',
  self_score_differs: '“自评得分” {stated} 与总分 {total} 不一致：采用总分',
  value_unreadable: '“{item}”的“{text}”不是有效的数值，按空值读取',
  template_hint: '“{label}”栏仍是填表说明，未作为评价发现导入',
  year_from_upload: '自评表没有写明年度，采用上传时填写的 {year} 年',
  no_indicator_table: '没有找到绩效指标表（一级指标 / 二级指标 / 三级指标……）',
  no_funds_block: '没有找到项目资金（预算执行情况）栏',
  indicator_levels_missing: '绩效指标表只有“指标名称”，没有一级 / 二级 / 三级指标：指标名称记为一级指标',
  sheet_not_a_form: '工作表“{sheet}”不是绩效自评表，未读取',
};
