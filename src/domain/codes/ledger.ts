// Codes of the batch ledger (src/db): why a commit, a rollback or the built-in data failed.
import type { IssueSpec } from '@/domain/issues';

export const LEDGER_ISSUES = {
  commit_has_errors: { file: 'text', count: 'count' },
  commit_no_kind: { file: 'text' },
  commit_kind_mismatch: { file: 'text', chunkKind: 'kind', kind: 'kind' },
  commit_no_rows: { file: 'text' },
  /**
   * Commit refused: rows of the file belong to records that are not stored now (a records batch
   * was rolled back, e.g. in another tab, after the file was checked). One of them is named.
   */
  commit_missing_records: {
    file: 'text',
    count: 'count',
    agency: 'text',
    year: 'integer',
    scope: 'scope',
    project: 'project',
  },
  /**
   * The database was written by a newer version of the app (schema `version`, this one knows up to
   * `supported`; `stores` it does not know): opened for nothing, changed in nothing.
   */
  database_newer: { version: 'integer', supported: 'integer', stores: 'list' },
  /**
   * A rollback's warning: it takes `count` records out of the current data while other active
   * batches keep rows of them (of `kind`, among others), which stay stored but out of the views
   * until their record returns. One of the records is named.
   */
  rollback_orphans: {
    count: 'count',
    kind: 'kind',
    agency: 'text',
    year: 'integer',
    scope: 'scope',
    project: 'project',
  },
  batch_missing: { id: 'integer' },
  batch_rolled_back: { id: 'integer', file: 'text' },
  batch_active: { id: 'integer', file: 'text' },
  /** The bundled data does not validate: a fault of the build, with its first error's place. */
  builtin_invalid: { file: 'text', count: 'count', row: 'integer' },
  /** A warning stored by a version that kept sentences, not codes: its text as stored. */
  stored_message: { text: 'text' },
} as const satisfies IssueSpec;

declare module '@/domain/issues' {
  interface IssueAreas {
    ledger: typeof LEDGER_ISSUES;
  }
}
