// Warnings and errors of report extraction: codes with parameters, put into words by
// src/i18n/report.zh-CN.ts and report.en.ts. Every code names what the analyst should look at.

export const REPORT_WARNING_CODES = [
  /** The report states {field} as {kept} and elsewhere as {other} ({otherLocation}); {kept} is kept because {reason}. */
  'figure_disputed',
  /** The stated {field} {stated} disagrees with the report's own figures ({formula} = {computed}); {computed} is kept. */
  'stated_rate_contradicted',
  /** A sentence states execution rate {rate}% next to budget {budget}, but {expenditure} ÷ {budget} = {computed}%; the rate holds on {holdsOn}. */
  'rate_on_other_budget',
  /** An indicator's stated score rate {stated}% is not its score ÷ weight {score} ÷ {weight} = {computed}%. */
  'score_rate_mismatch',
  /** An indicator's score {score} exceeds its weight {weight}. */
  'score_over_weight',
  /** The level-1 scores add up to {sum}, the stated total is {total}. */
  'score_sum_mismatch',
  /** Fund parts of {field} add up to {sum}, the stated total is {total}. */
  'parts_sum_mismatch',
  /** The heading says level-1 indicator {heading}, but its items ({level2}) belong to {level1}; {level1} is used. */
  'level1_heading_mismatch',
  /** No agency could be identified in the report's title or text. */
  'agency_not_found',
  /** The agency {agency} is not in the registry; stored as written. */
  'agency_unknown',
  /** No fiscal year could be identified for the record. */
  'year_not_found',
  /** The same indicator {name} appears twice; the second is kept apart as {renamed}. */
  'indicator_repeated',
  /** Nothing that looks like an evaluation report's figures was found. */
  'nothing_found',
] as const;

export type ReportWarningCode = (typeof REPORT_WARNING_CODES)[number];

export const REPORT_ERROR_CODES = [
  /** The file could not be read (the reader's code is in {reason}). */
  'report_unreadable',
] as const;

export type ReportErrorCode = (typeof REPORT_ERROR_CODES)[number];
