// Messages of workbook reading and form extraction (codes of src/domain/forms/codes.ts), English.
import type { FormsMessages } from './forms.zh-CN';

export const formsEn: FormsMessages = {
  not_a_workbook: 'Not a readable workbook: expected an .xlsx, .xls, .ods or WPS .et file',
  workbook_encrypted:
    'The workbook is password-protected and cannot be read: remove the password, save and upload again',
  workbook_unreadable: 'The workbook cannot be read (the file may be damaged): {detail}',
  workbook_too_large:
    'The workbook is too large: {cells} cells, more than the limit of {limit}; split it and upload the parts',
  rows_above_header: 'The header of sheet “{sheet}” is in row {row}; the rows above it were not imported',
  percent_without_format:
    'Column “{column}” has {count} cell(s) between 0 and 1 (e.g. {value}) not formatted as percent; read as percent points ({value} means {value}%). If a fraction was meant, format the cells as percent',
  merged_cell_filled: 'The value of merged cell {range} is used for each of the {rows} rows it covers',
  formula_without_value:
    'Cell {cell} is a formula without a calculated value (the file was saved without calculating); read as empty',
  sheet_hidden: 'Hidden sheet “{sheet}” was not read',
  sheet_empty: 'Sheet “{sheet}” is empty',
  sheet_no_kind:
    'The header of sheet “{sheet}” fits no kind of data (records, indicators, funds); the sheet was not read',
  not_a_form: 'No self-evaluation form recognised: no funds block (项目资金 / 预算执行情况) or indicator table found',
  form_agency_missing: 'No agency found in the form: it should state 实施单位, 主管部门 or 部门（单位）名称',
  form_project_missing: 'No 项目名称 found in the project self-evaluation form',
  form_year_missing: 'The form states no year (in its title or a 年度 line): give the year for the upload',
  unsupported_format: 'Unsupported file format: {format}',
  report_extractor_missing: 'Extracting data from evaluation reports ({format}) is not available yet',
  document_reader_missing: 'Reading {format} files is not available yet',
  fund_total_zero:
    'The 年度资金总额 line reads 0 for {column} while its sub-lines add up to {sum}: the sum of the sub-lines is used',
  fund_total_blank:
    'The 年度资金总额 line is blank for {column} while its sub-lines add up to {sum}: the sum of the sub-lines is used',
  fund_total_mismatch: 'The 年度资金总额 line gives {total} for {column}, but its sub-lines add up to {sum}',
  execution_rate_mismatch: 'The execution rate stated for “{item}”, {stated}%, is not spending ÷ budget = {computed}%',
  execution_rate_fraction:
    'The execution rate of “{item}” is written {stated} (no % sign); it matches spending ÷ budget as a fraction and is read as {read}%',
  score_sum_mismatch: 'The indicator scores add up to {sum}, not to the total score {total}',
  weight_sum_mismatch: 'The indicator weights add up to {sum}, not to the total weight {total}',
  score_above_weight: 'The score {score} of “{item}” is above its weight {weight}',
  self_score_differs: 'The 自评得分 line, {stated}, differs from the total score {total}: the total score is used',
  value_unreadable: '“{text}” for “{item}” is not a valid number; read as empty',
  template_hint: 'The “{label}” cell still holds the form’s instructions; not imported as a finding',
  year_from_upload: 'The form states no year; the year given for the upload, {year}, is used',
  no_indicator_table: 'No indicator table found (一级指标 / 二级指标 / 三级指标 …)',
  no_funds_block: 'No funds block found (项目资金 / 预算执行情况)',
  indicator_levels_missing:
    'The indicator table has only 指标名称, no levels: each indicator name is stored as its level-1 name',
  sheet_not_a_form: 'Sheet “{sheet}” is not a self-evaluation form; it was not read',
};
