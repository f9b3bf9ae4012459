// A warning of report extraction: a code of the issue registry (src/domain/codes/report.ts, or
// another area's code with the same meaning) with its parameters checked, and where it points.
import '@/domain/codes/report';
import type { ExtractIssue, ExtractedKind } from '@/domain/extract/types';
import { problem, type IssueCode, type ParamsOf } from '@/domain/issues';

export interface Where {
  location?: string;
  kind?: ExtractedKind;
  index?: number;
  field?: string;
}

export function warning<C extends IssueCode>(code: C, params: ParamsOf<C>, where: Where = {}): ExtractIssue {
  return { ...problem(code, params), ...where };
}
