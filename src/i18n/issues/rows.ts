// Messages of src/domain/codes/rows.ts.
import type { AreaMessages } from './area';

export const rowMessages: AreaMessages<'rows'> = {
  'zh-CN': {
    required: '缺少必填值：{field}',
    project_required: '评价类型为项目时必须填写项目名称',
    project_on_department:
      '部门整体的行不应填写项目名称（这里是“{project}”）：项目名称是记录键的一部分，部门整体记录没有项目名称。请清空这个单元格，或把评价类型改为项目',
    score_above_weight: '得分 {score} 超过分值 {weight}',
    score_range: '总分 {score} 超过 {max}',
    duplicate_key: '与第 {firstRow} 行重复：同一{kind}在一个文件中只能出现一次',
    missing_record: '找不到对应的评价记录：{agency} {year} 年{scope}{project}。请先导入该记录',
    total_row_skipped: '合计行（“{value}”），未作为数据导入',
    note_row_skipped: '表下的注释或签名行（“{value}”），未作为数据导入',
  },
  en: {
    required: 'A required value is missing: {field}',
    project_required: 'A project row needs a project name.',
    project_on_department:
      'A department row has no project name (here "{project}"): the project is part of the record key, and a department record has none. Clear the cell, or make the row a project row.',
    score_above_weight: 'The score {score} exceeds the weight {weight}.',
    score_range: 'The total score {score} exceeds {max}.',
    duplicate_key: 'Repeats row {firstRow}: the same {kind} may appear only once in a file.',
    missing_record: 'No matching record: {agency}, {year}, {scope}{project}. Import the record first.',
    total_row_skipped: 'A total row ("{value}"): not imported as data.',
    note_row_skipped: 'A note or signature under the table ("{value}"): not imported as data.',
  },
};
