// Messages of src/domain/codes/headers.ts.
import type { AreaMessages } from './area';

export const headerMessages: AreaMessages<'headers'> = {
  'zh-CN': {
    unknown_headers:
      '无法识别文件类型：表头应包含 {records}（评价记录）；绩效指标另需 {indicators}；资金明细另需 {funds}；评价发现另需 {findings}。文件的表头是：{found}',
    missing_columns: '{kind}文件缺少必需的列：{fields}',
    duplicate_columns: '列“{first}”和“{second}”都对应 {field}，请只保留一列',
    amount_unit: '列“{column}”的单位“{unit}”无法识别：金额列的单位应为 {accepted}',
    percent_unit: '列“{column}”的单位“{unit}”无法识别：百分比列的单位应为 {accepted}',
    amount_unit_stated: '第 {row} 行注明金额单位为“{unit}”，以下各列按此单位换算为万元：{columns}',
    stated_units_differ:
      '表头上方注明了两种金额单位：第 {firstRow} 行为“{first}”，第 {secondRow} 行为“{second}”，无法确定金额的单位',
    lines_above_header: '表头在第 {row} 行，上方各行（标题、单位说明等）未导入',
    unknown_column: '未识别的列“{column}”，导入时忽略',
    column_without_header:
      '第 {position} 列（{letter} 列）没有表头，却从这一行起有数据（如“{value}”），导入时忽略。请填写表头，或删除这一列',
  },
  en: {
    unknown_headers:
      'Unknown kind of file: the header must have {records} (records); indicators also need {indicators}, fund lines {funds}, findings {findings}. The file’s headers are: {found}',
    missing_columns:
      'This {kind} file lacks a required column: {fields} | This {kind} file lacks required columns: {fields}',
    duplicate_columns: 'Columns “{first}” and “{second}” both map to {field}: keep only one.',
    amount_unit: 'Column “{column}” has an unknown unit “{unit}”: the unit of an amount column must be {accepted}.',
    percent_unit: 'Column “{column}” has an unknown unit “{unit}”: the unit of a percent column must be {accepted}.',
    amount_unit_stated:
      'Row {row} states the unit of amounts as “{unit}”: these columns are read in it and converted to CNY 10k: {columns}',
    stated_units_differ:
      'The lines above the header state two units of amounts, “{first}” on row {firstRow} and “{second}” on row {secondRow}: the unit of the amounts is unclear.',
    lines_above_header:
      'The header is on row {row}; the lines above it (a title, a note of the unit) are not imported.',
    unknown_column: 'Column “{column}” is not recognised and is ignored.',
    column_without_header:
      'Column {position} ({letter}) has no header but holds data from this row on (e.g. “{value}”); it is ignored. Give it a header or delete the column.',
  },
};
