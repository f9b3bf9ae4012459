// Codes of damaged stored data (src/db/chunkCheck.ts): why a batch's stored rows cannot be trusted.
// Every chunk read is checked; a batch with a damaged chunk is left out of the views and named by
// one of these (batch `id`, its `file`, the chunk's position `seq` from 0, the column `field`).
import type { IssueSpec } from '@/domain/issues';

export const STORAGE_ISSUES = {
  /** The chunk's figures do not match the checksum written when it was committed. */
  chunk_checksum: { id: 'integer', file: 'text', seq: 'integer' },
  /** The chunk's own fields (kind, row count) are not what its batch says. */
  chunk_header: { id: 'integer', file: 'text', seq: 'integer' },
  /** A column is missing, of the wrong type, or not as long as the chunk. */
  chunk_column: { id: 'integer', file: 'text', seq: 'integer', kind: 'kind', field: 'field' },
  /** A dictionary-encoded text column refers to entries its dictionary does not have. */
  chunk_codes: { id: 'integer', file: 'text', seq: 'integer', kind: 'kind', field: 'field' },
  /** A number that is not finite, a year that is not a whole number in range, a negative amount. */
  chunk_number: { id: 'integer', file: 'text', seq: 'integer', kind: 'kind', field: 'field' },
  /** A scope, grade or category that is none of the contract's values. */
  chunk_value: { id: 'integer', file: 'text', seq: 'integer', kind: 'kind', field: 'field' },
  /** Chunks of the batch are missing: it holds `found` of its `rows` rows. */
  chunks_missing: { id: 'integer', file: 'text', rows: 'count', found: 'count' },
} as const satisfies IssueSpec;

declare module '@/domain/issues' {
  interface IssueAreas {
    storage: typeof STORAGE_ISSUES;
  }
}
