// Words of report reading and extraction, English (see report.zh-CN.ts).
import type { ReportMessageCode } from './report.zh-CN';

export const reportMessagesEn: Readonly<Record<ReportMessageCode, string>> = {
  docx_not_docx: 'Not a Word document (.docx): the file is not a zip package, or has no body (word/document.xml)',
  docx_bad_xml: 'The Word document is damaged: its body XML cannot be read',
  pdf_unreadable: 'This PDF cannot be opened: {detail}',
  pdf_encrypted: 'The PDF is password-protected: remove the password and upload it again',
  pdf_no_text:
    'This PDF has no text layer ({pages} page(s), probably a scan): no text recognition (OCR) is done; upload a PDF with text or the Word document',
  txt_not_text: 'Not a text file, or neither UTF-8 nor GB18030',
  document_empty: 'The document holds no text',
  document_unsupported: 'Not a report format that can be read: {name} (upload .docx, .pdf with text, or .txt)',
  figure_disputed: 'The report gives {field} as {kept} and as {other} ({otherLocation}); {kept} is kept, by {reason}',
  stated_rate_contradicted:
    'The stated {field} {stated}% contradicts the report’s own figures ({formula} = {computed}%); {computed}% is kept and the stated value marked disputed',
  rate_on_other_budget:
    'This sentence states an execution rate of {rate}% next to a budget of {budget}, but {expenditure} ÷ {budget} = {computed}%; the rate holds only on the budget of {holdsOn}',
  score_rate_mismatch: 'The stated score rate {stated}% is not score ÷ weight = {score} ÷ {weight} = {computed}%',
  score_over_weight: 'The indicator’s score {score} exceeds its weight {weight}',
  score_sum_mismatch: 'The indicator scores add up to {sum}, not to the stated total {total}',
  parts_sum_mismatch: 'The fund sources of {field} add up to {sum}, not to the stated total {total}',
  level1_heading_mismatch:
    'The heading names level-1 indicator “{heading}”, but “{level2}” belongs to “{level1}”; recorded under “{level1}”',
  agency_not_found: 'No agency could be identified in the title or the text',
  agency_unknown: 'The agency “{agency}” is not in the registry; stored as written',
  year_not_found: 'The fiscal year could not be identified',
  indicator_repeated: 'The indicator “{name}” appears twice; the second is kept as “{renamed}”',
  nothing_found: 'Nothing of an evaluation report was found (budget, spending, score, indicators or findings)',
  report_unreadable: 'This report cannot be read ({reason})',
};

export const reportReasonsEn: Readonly<Record<string, string>> = {
  arithmetic: 'the report’s own arithmetic',
  repeated: 'the value stated more often',
  first: 'the value stated first',
};
