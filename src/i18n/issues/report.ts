// Messages of src/domain/codes/report.ts.
import type { AreaMessages } from './area';

export const reportMessages: AreaMessages<'report'> = {
  'zh-CN': {
    figure_disputed: '报告对{field}有两种说法：{kept} 与 {other}（{otherLocation}）；按报告自身的算术关系保留 {kept}',
    figure_disputed_repeated:
      '报告对{field}有两种说法：{kept} 与 {other}（{otherLocation}）；按多次出现的写法保留 {kept}',
    figure_disputed_first: '报告对{field}有两种说法：{kept} 与 {other}（{otherLocation}）；按首次出现的写法保留 {kept}',
    fund_figure_disputed:
      '报告对资金来源“{item}”有两种说法：{kept} 与 {other}（{otherLocation}）；按报告自身的算术关系保留 {kept}',
    stated_rate_contradicted:
      '报告写明的{field} {stated} 与其自身的{from}不符：按这些数字算得 {computed}；保留 {computed}，原写法标为有争议',
    rate_on_other_budget:
      '此句写预算执行率 {rate}，但同句的预算 {budget}算出 {expenditure} ÷ {budget} = {computed}；该执行率只在预算 {holdsOn}上成立',
    score_rate_mismatch: '指标得分率写作 {stated}，而得分 ÷ 分值 = {score} ÷ {weight} = {computed}',
    parts_sum_mismatch: '{field}的各资金来源合计 {sum}，与所写总额 {total}不一致',
    level1_heading_mismatch: '标题写作一级指标“{heading}”，但其中的“{level2}”属于“{level1}”；已按“{level1}”录入',
    figure_unclear: '“{text}”中的数字无法确定如何读取（逗号不是千位分隔），未读取，请核对原文',
    figure_spaced: '“{text}”中的数字逐字隔开排列，无法确定是一个数还是几个数，未读取，请核对原文',
    finding_kind_unclear: '“{section}”一节中的这一段未写明是问题还是建议等，未读取，请核对原文',
    table_row_unread: '表格的这一行无法确定各数字所在的列（“{text}”），未读取，请核对原文',
    merged_cell_unplaced:
      '第{page}页表格第{row}行“{column}”列的合并单元格无法确定跨哪几行，该列读出的内容可能有误，请核对原文',
    agency_not_found: '未能从标题或正文中识别出单位名称，无法生成记录',
    agency_unknown: '单位“{agency}”不在单位名录中，按原文保存',
    year_not_found: '未能识别评价年度，无法生成记录',
    report_year_given: '报告没有写明评价年度，采用指定的 {year} 年',
    report_year_differs: '报告写明的评价年度是 {stated} 年，与指定的 {given} 年不同：采用报告的 {stated} 年',
    indicator_repeated: '指标“{name}”出现两次，第二次另存为“{renamed}”',
    not_a_report: '该文档不是绩效评价报告（没有评价报告的标题，也没有评价的内容），未提取任何数据',
    nothing_found: '没有找到绩效评价报告中的数据（预算、支出、得分、指标或评价发现）',
  },
  en: {
    figure_disputed:
      'The report gives {field} as {kept} and as {other} ({otherLocation}); {kept} is kept, by the report’s own arithmetic.',
    figure_disputed_repeated:
      'The report gives {field} as {kept} and as {other} ({otherLocation}); {kept} is kept, being stated more often.',
    figure_disputed_first:
      'The report gives {field} as {kept} and as {other} ({otherLocation}); {kept} is kept, being stated first.',
    fund_figure_disputed:
      'The report gives fund source “{item}” as {kept} and as {other} ({otherLocation}); {kept} is kept, by the report’s own arithmetic.',
    stated_rate_contradicted:
      'The stated {field} {stated} contradicts the report’s own {from}, which give {computed}; {computed} is kept and the stated value marked disputed.',
    rate_on_other_budget:
      'This sentence states an execution rate of {rate} next to a budget of {budget}, but {expenditure} ÷ {budget} = {computed}; the rate holds only on the budget of {holdsOn}.',
    score_rate_mismatch: 'The stated score rate {stated} is not score ÷ weight = {score} ÷ {weight} = {computed}.',
    parts_sum_mismatch: 'The fund sources of {field} add up to {sum}, not to the stated total {total}.',
    level1_heading_mismatch:
      'The heading names level-1 indicator “{heading}”, but “{level2}” belongs to “{level1}”; recorded under “{level1}”.',
    figure_unclear:
      'The figure in “{text}” cannot be read for sure (its commas do not separate thousands); it was not read, check the text.',
    figure_spaced:
      'The digits in “{text}” stand spaced apart, so whether they make one number or several cannot be told; it was not read, check the text.',
    finding_kind_unclear:
      'This paragraph of section “{section}” does not say whether it is a problem, a recommendation or another kind of finding; it was not read, check the text.',
    table_row_unread:
      'The figures of this table row cannot be put under their columns for sure (“{text}”); it was not read, check the text.',
    merged_cell_unplaced:
      'The rows that a merged cell spans cannot be told for sure (table on page {page}, row {row}, column “{column}”); what was read from that column may be wrong: check the text.',
    agency_not_found: 'No agency could be identified in the title or the text, so no record can be made.',
    agency_unknown: 'The agency “{agency}” is not in the registry; stored as written.',
    year_not_found: 'The fiscal year could not be identified, so no record can be made.',
    report_year_given: 'The report states no evaluation year; the year given, {year}, is used.',
    report_year_differs:
      'The report states the year {stated}, not the year given, {given}: the report’s {stated} is kept.',
    indicator_repeated: 'The indicator “{name}” appears twice; the second is kept as “{renamed}”.',
    not_a_report:
      'This document is not a performance evaluation report (no report title, nothing of an evaluation); nothing was extracted.',
    nothing_found: 'Nothing of an evaluation report was found (budget, spending, score, indicators or findings).',
  },
};
