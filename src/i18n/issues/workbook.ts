// Messages of src/domain/codes/workbook.ts.
import type { AreaMessages } from './area';

export const workbookMessages: AreaMessages<'workbook'> = {
  'zh-CN': {
    not_a_workbook: '不是可读取的工作簿：应为 .xlsx、.xls、.ods 或 WPS .et 文件',
    workbook_encrypted: '工作簿设有打开密码，无法读取：请去掉密码后保存再上传',
    workbook_unreadable: '工作簿无法读取（文件可能已损坏）：{detail}',
    workbook_damaged:
      '工作簿已损坏：其中的“{part}”与文件记录的校验值或大小不符，或无法解压（文件可能在传输、拷贝或保存时受损）。请重新导出，或从原始来源再取一份',
    workbook_too_large: '工作簿过大：共 {cells} 个单元格，超过上限 {limit}；请拆分后上传',
    workbook_no_tables:
      '工作簿中没有可导入的工作表：没有一个工作表的表头符合评价记录、绩效指标、资金明细或评价发现，也没有识别出绩效自评表',
    rows_above_header: '工作表“{sheet}”的表头在第 {row} 行，上方各行未导入',
    percent_without_format:
      '列“{column}”中有 {count} 个单元格是 0 到 1 之间的数（如 {value}），未设为百分比格式，按百分点读取（{value} 即 {value}%）；若本意是比例，请把单元格设为百分比格式',
    merged_cell_filled: '合并单元格 {range} 的值用于其覆盖的 {rows} 行',
    formula_without_value: '单元格 {cell} 是公式但没有计算结果（保存前未计算），按空值读取',
    sheet_hidden: '隐藏的工作表“{sheet}”未读取',
    sheet_empty: '工作表“{sheet}”是空的',
    sheet_no_rows: '工作表“{sheet}”（{kind}）只有表头，没有数据行，未读取',
    sheet_no_kind: '工作表“{sheet}”的表头不符合任何一类数据（评价记录、绩效指标、资金明细、评价发现），未读取',
  },
  en: {
    not_a_workbook: 'Not a readable workbook: expected an .xlsx, .xls, .ods or WPS .et file.',
    workbook_encrypted:
      'The workbook is password-protected and cannot be read: remove the password, save it and upload it again.',
    workbook_unreadable: 'The workbook cannot be read (the file may be damaged): {detail}',
    workbook_damaged:
      'The workbook is damaged: its part “{part}” does not match the checksum or size the file records, or cannot be inflated (it was damaged in transfer, copying or saving). Export it again, or get another copy from its source.',
    workbook_too_large:
      'The workbook is too large: {cells} cells, more than the limit of {limit}. Split it and upload the parts.',
    workbook_no_tables:
      'Nothing in this workbook can be imported: no sheet has the header of records, indicators, fund lines or findings, and no self-evaluation form was recognised.',
    rows_above_header: 'The header of sheet “{sheet}” is in row {row}; the rows above it were not imported.',
    percent_without_format:
      'Column “{column}” has {count} cell between 0 and 1 ({value}) not formatted as a percent; it is read as percent points ({value} means {value}%). If a fraction was meant, format the cell as a percent. | Column “{column}” has {count} cells between 0 and 1 (e.g. {value}) not formatted as percents; they are read as percent points ({value} means {value}%). If fractions were meant, format the cells as percents.',
    merged_cell_filled: 'The value of merged cell {range} is used for each of the {rows} rows it covers.',
    formula_without_value:
      'Cell {cell} is a formula without a calculated value (the file was saved without calculating); it is read as empty.',
    sheet_hidden: 'Hidden sheet “{sheet}” was not read.',
    sheet_empty: 'Sheet “{sheet}” is empty.',
    sheet_no_rows: 'Sheet “{sheet}” ({kind}) has its header and no data row; it was not read.',
    sheet_no_kind:
      'The header of sheet “{sheet}” fits no kind of data (records, indicators, fund lines, findings); it was not read.',
  },
};
