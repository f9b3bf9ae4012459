// Words of report reading and extraction, Chinese: the readers' error codes, the extractor's
// warning codes and the names of the fields they mention. Flat maps code → vue-i18n message with
// `{param}` placeholders (src/domain/document/codes.ts, src/domain/report/codes.ts).
import type { DocumentErrorCode } from '@/domain/document/codes';
import type { ReportErrorCode, ReportWarningCode } from '@/domain/report/codes';

export type ReportMessageCode = DocumentErrorCode | ReportWarningCode | ReportErrorCode;

export const reportMessagesZhCN: Readonly<Record<ReportMessageCode, string>> = {
  docx_not_docx: '不是 Word 文档（.docx）：文件不是 zip 包，或其中没有正文（word/document.xml）',
  docx_bad_xml: 'Word 文档已损坏：正文 XML 无法读取',
  pdf_unreadable: '无法打开此 PDF：{detail}',
  pdf_encrypted: 'PDF 设有密码，无法读取：请先解除密码后再上传',
  pdf_no_text:
    '此 PDF 没有文字层（共 {pages} 页，可能是扫描件）：本系统不做文字识别（OCR），请上传带文字的 PDF 或 Word 文档',
  txt_not_text: '不是文本文件，或编码既非 UTF-8 也非 GB18030',
  document_empty: '文档中没有任何文字',
  document_unsupported: '不支持的报告格式：{name}（可上传 .docx、带文字层的 .pdf 或 .txt）',
  figure_disputed: '报告对{field}有两种说法：{kept} 与 {other}（{otherLocation}）；按{reason}保留 {kept}',
  stated_rate_contradicted:
    '报告写明的{field} {stated}% 与其自身数字不符（{formula} = {computed}%）；保留 {computed}%，原写法标为有争议',
  rate_on_other_budget:
    '此句写预算执行率 {rate}%，但同句的预算 {budget} 万元算出 {expenditure} ÷ {budget} = {computed}%；该执行率只在预算 {holdsOn} 万元上成立',
  score_rate_mismatch: '指标得分率写作 {stated}%，而得分 ÷ 分值 = {score} ÷ {weight} = {computed}%',
  score_over_weight: '指标得分 {score} 超过分值 {weight}',
  score_sum_mismatch: '各指标得分合计 {sum}，与报告总分 {total} 不一致',
  parts_sum_mismatch: '{field}的各资金来源合计 {sum} 万元，与所写总额 {total} 万元不一致',
  level1_heading_mismatch: '标题写作一级指标“{heading}”，但其中的“{level2}”属于“{level1}”；已按“{level1}”录入',
  agency_not_found: '未能从标题或正文中识别出单位名称',
  agency_unknown: '单位“{agency}”不在单位名录中，按原文保存',
  year_not_found: '未能识别评价年度',
  indicator_repeated: '指标“{name}”出现两次，第二次另存为“{renamed}”',
  nothing_found: '没有找到绩效评价报告中的数据（预算、支出、得分、指标或评价发现）',
  report_unreadable: '无法读取此报告（{reason}）',
};

/** Why a disputed figure's kept value was kept. */
export const reportReasonsZhCN: Readonly<Record<string, string>> = {
  arithmetic: '报告自身的算术关系',
  repeated: '多次出现的写法',
  first: '首次出现的写法',
};
