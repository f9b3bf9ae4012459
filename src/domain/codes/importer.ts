// Codes of the import workflow (the worker and the data page's store): what failed and why.
// `detail` is the browser's or the database's own text, passed on as written.
import type { IssueSpec } from '@/domain/issues';

export const IMPORTER_ISSUES = {
  read_failed: { detail: 'text' },
  nothing_parsed: {},
  /** Commit refused: these files have errors. */
  has_errors: { files: 'list', count: 'count' },
  busy: {},
  /** The browser's storage is full; nothing was written. */
  quota: {},
  commit_failed: { detail: 'text' },
  publish_failed: { detail: 'text' },
  published_fetch_failed: { file: 'text', status: 'integer' },
  export_failed: { detail: 'text' },
  rollback_preview_failed: { detail: 'text' },
  history_failed: { detail: 'text' },
  worker_failed: { detail: 'text' },
  /** The import worker was stopped (a cancel it could not acknowledge) before it answered. */
  worker_stopped: {},
  load_failed: { detail: 'text' },
} as const satisfies IssueSpec;

declare module '@/domain/issues' {
  interface IssueAreas {
    importer: typeof IMPORTER_ISSUES;
  }
}
