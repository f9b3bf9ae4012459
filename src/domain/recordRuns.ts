// Where a chunk's rows pass from one record to the next, with each run's record key. Files list a
// record's rows together, so a million indicator rows are some twenty thousand runs. An import asks
// for them four times (records shared with the stored data, at the preview and again at the commit;
// the records each chunk holds; the level-1 summaries), so they are worked out once per chunk: by
// the parser while it fills the chunk, where it knows the key already, or else from the columns.
// Chunks are not changed once made, which is what makes keeping them by chunk safe.
import { recordKey } from './keys';
import type { ColumnChunk, Scope } from './types';

export interface RecordRuns {
  /** The first row of each run, ascending, the first one 0 (none for an empty chunk). */
  readonly starts: Uint32Array;
  /** Each run's record key (keys.ts recordKey). Two runs may share a key. */
  readonly keys: readonly string[];
}

const runsOfChunk = new WeakMap<ColumnChunk, RecordRuns>();

/** The record runs of a chunk: as its maker noted them, or found from its columns once. */
export function recordRuns(chunk: ColumnChunk): RecordRuns {
  let runs = runsOfChunk.get(chunk);
  if (!runs) runsOfChunk.set(chunk, (runs = runsFromColumns(chunk)));
  return runs;
}

function runsFromColumns(chunk: ColumnChunk): RecordRuns {
  const agency = chunk.text.agency ?? [];
  const scope = chunk.text.scope ?? [];
  const project = chunk.text.project ?? [];
  const year = chunk.num.year ?? new Float64Array(0);
  const starts: number[] = [];
  const keys: string[] = [];
  for (let i = 0; i < chunk.length; i++) {
    if (
      i > 0 &&
      year[i] === year[i - 1] &&
      agency[i] === agency[i - 1] &&
      project[i] === project[i - 1] &&
      scope[i] === scope[i - 1]
    )
      continue;
    starts.push(i);
    keys.push(
      recordKey({
        agency: agency[i] ?? '',
        year: year[i] ?? NaN,
        scope: (scope[i] ?? '') as Scope,
        project: project[i] ?? '',
      }),
    );
  }
  return { starts: Uint32Array.from(starts), keys };
}

/**
 * Notes the runs of a chunk while it is filled row by row (ChunkBuilder): `row` is given the
 * record key of each row pushed, and `finish` hands the runs to the chunk once it is full.
 */
export class RecordRunsWriter {
  private starts: number[] = [];
  private keys: string[] = [];
  private last: string | null = null;
  /** False once a row came without its key: the runs are then found from the columns. */
  private complete = true;

  /** Row `i` of the chunk being filled was pushed, of the record `key` (undefined: not known). */
  row(i: number, key: string | undefined): void {
    // Rows before this one came without their keys (also when i > 0 with no run noted yet).
    if (key === undefined || (i > 0 && this.starts.length === 0)) this.complete = false;
    else if (this.complete && (i === 0 || key !== this.last)) {
      this.starts.push(i);
      this.keys.push(key);
      this.last = key;
    }
  }

  /** Rows came in without keys (a part read elsewhere): the runs are found from the columns. */
  lose(): void {
    this.complete = false;
  }

  /** Gives the runs noted to `chunk` (if every row came with its key) and starts again. */
  finish(chunk: ColumnChunk): void {
    if (this.complete && chunk.length > 0 && this.starts.length > 0)
      runsOfChunk.set(chunk, { starts: Uint32Array.from(this.starts), keys: this.keys });
    this.starts = [];
    this.keys = [];
    this.last = null;
    this.complete = true;
  }
}

/** Calls `visit` with the key of each run of each chunk, in order, until it returns false. */
export function forEachRecordRun(chunks: readonly ColumnChunk[], visit: (key: string) => boolean | void): void {
  for (const chunk of chunks) for (const k of recordRuns(chunk).keys) if (visit(k) === false) return;
}
