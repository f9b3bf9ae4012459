// The issues of one file: collected up to MAX_ISSUES while all are counted, sorted by row.
import { MAX_ISSUES } from './types';
import type { Issue } from './issues';

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

export function sortIssues(items: Issue[]): Issue[] {
  return items.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}
