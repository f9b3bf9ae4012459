// The codes of what reading workbooks and extracting forms can report. Each is rendered by
// src/i18n/forms.zh-CN.ts and forms.en.ts with the params; nothing here is a sentence.

/** Why a workbook could not be read at all. */
export const WORKBOOK_ERROR_CODES = [
  'not_a_workbook',
  'workbook_encrypted',
  'workbook_unreadable',
  'workbook_too_large',
] as const;

/** How a workbook of contract tables was read (the adapter for the import pipeline). */
export const WORKBOOK_WARNING_CODES = [
  'rows_above_header',
  'percent_without_format',
  'merged_cell_filled',
  'formula_without_value',
  'sheet_hidden',
  'sheet_empty',
  'sheet_no_kind',
] as const;

/** A form (or file) that gives no record: nothing of it may be imported. */
export const FORM_ERROR_CODES = [
  'not_a_form',
  'form_agency_missing',
  'form_project_missing',
  'form_year_missing',
  'unsupported_format',
  'report_extractor_missing',
  'document_reader_missing',
] as const;

/** What a careful reader of the form would point out; the record is still read. */
export const FORM_WARNING_CODES = [
  'fund_total_zero',
  'fund_total_blank',
  'fund_total_mismatch',
  'execution_rate_mismatch',
  'execution_rate_fraction',
  'score_sum_mismatch',
  'weight_sum_mismatch',
  'score_above_weight',
  'self_score_differs',
  'value_unreadable',
  'template_hint',
  'year_from_upload',
  'no_indicator_table',
  'no_funds_block',
  'indicator_levels_missing',
  'sheet_not_a_form',
] as const;

export type WorkbookErrorCode = (typeof WORKBOOK_ERROR_CODES)[number];
export type WorkbookWarningCode = (typeof WORKBOOK_WARNING_CODES)[number];
export type FormErrorCode = (typeof FORM_ERROR_CODES)[number];
export type FormWarningCode = (typeof FORM_WARNING_CODES)[number];

/** Every code of this module, for the message files' completeness test. */
export const ALL_FORM_CODES = [
  ...WORKBOOK_ERROR_CODES,
  ...WORKBOOK_WARNING_CODES,
  ...FORM_ERROR_CODES,
  ...FORM_WARNING_CODES,
] as const;
export type FormsCode = (typeof ALL_FORM_CODES)[number];
