// The issues of one file: collected up to MAX_ISSUES while all are counted, sorted by row.
import { MAX_ISSUES, type Issue, type Kind } from './types';

/** Collects issues up to MAX_ISSUES while counting all of them. */
export class IssueList {
  readonly items: Issue[] = [];
  count = 0;
  push(issue: Issue): void {
    this.count++;
    if (this.items.length < MAX_ISSUES) this.items.push(issue);
  }
  pushAll(issues: readonly Issue[]): void {
    for (const i of issues) this.push(i);
  }
}

export function fileError(message: string, code: string, row: number | null = null): Issue {
  return { row, column: null, message, code };
}

export function kindKeyLabel(kind: Kind): string {
  if (kind === 'records') return '单位、年度、评价类型和项目';
  if (kind === 'indicators') return '记录的一、二、三级指标';
  return '记录的类别和明细';
}

export function sortIssues(items: Issue[]): Issue[] {
  return items.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}
