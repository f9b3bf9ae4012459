// An ExtractResult with nothing found yet, for the extractors to fill.
import type { ExtractLayout, ExtractResult } from './types';

export function emptyResult(file: string, format: string, layout: ExtractLayout = 'unknown'): ExtractResult {
  return {
    file,
    format,
    layout,
    records: [],
    indicators: [],
    funds: [],
    findings: [],
    evidence: [],
    warnings: [],
    errors: [],
  };
}
