// Level-1 indicator summaries, computed straight from column chunks. The rule, per record and
// level-1 indicator: the level-1 row's own weight and score when the report gives one; else the
// sum over its level-2 rows; else the sum over its level-3 rows; a sum with any missing part is
// missing. Working on the columns summarises a million stored rows without building a million
// row objects, and the result is itself column-wise (a Level1Table), so the database can store it
// and replace the summaries of some records without recomputing the others.
import { grown } from './grow';
import { recordKey } from './keys';
import { recordRuns } from './recordRuns';
import type { ColumnChunk, RecordKeyFields, Scope } from './types';

/** Level-1 summary of a record's indicators: weight and score as the report gives or as their parts add up. */
export interface Level1Summary extends RecordKeyFields {
  recordKey: string;
  level1: string;
  weight: number | null;
  score: number | null;
  /** score ÷ weight in percent, null when either is missing or the weight is 0. */
  rate: number | null;
}

/**
 * Indicator rows for the builder, with the position of each in the order of the current data:
 * row i stands at (major, minorBase + (rows ? rows[i] : i)). Positions only need to grow in the
 * order the rows are given; the database uses (batch id, chunk seq × 2^20 + stored row).
 */
export interface OrderedChunk {
  chunk: ColumnChunk;
  major: number;
  minorBase: number;
  /** The original row number of each row when the chunk is a selection; null: row i is row i. */
  rows: Uint32Array | null;
}

/**
 * Summaries column-wise, in the order of their first rows. Records and level-1 names are kept
 * once each and referred to by number: 80,000 summaries of 20,000 records store 20,000 names,
 * not 80,000. NaN in `weight` or `score` means missing.
 */
export interface Level1Table {
  length: number;
  /** The records, by record number. */
  agency: string[];
  year: Float64Array;
  scope: string[];
  project: string[];
  /** The level-1 names, by name number. */
  names: string[];
  /** Per summary. */
  record: Uint32Array;
  name: Uint32Array;
  weight: Float64Array;
  score: Float64Array;
  /** Position of the summary's first row (see OrderedChunk). */
  major: Float64Array;
  minor: Float64Array;
}

function nanColumn(n: number): Float64Array {
  return new Float64Array(n).fill(NaN);
}

/** Appends summaries to a table under construction, numbering records and names as they come. */
export class TableWriter {
  private readonly recordSlot = new Map<string, number>();
  private readonly nameSlot = new Map<string, number>();
  readonly agency: string[] = [];
  readonly year: number[] = [];
  readonly scope: string[] = [];
  readonly project: string[] = [];
  readonly names: string[] = [];
  readonly record: number[] = [];
  readonly name: number[] = [];
  readonly weight: number[] = [];
  readonly score: number[] = [];
  readonly major: number[] = [];
  readonly minor: number[] = [];

  /** The number of a record, given its key and fields. */
  recordOf(key: string, agency: string, year: number, scope: string, project: string): number {
    let r = this.recordSlot.get(key);
    if (r === undefined) {
      r = this.agency.length;
      this.recordSlot.set(key, r);
      this.agency.push(agency);
      this.year.push(year);
      this.scope.push(scope);
      this.project.push(project);
    }
    return r;
  }

  nameOf(level1: string): number {
    let n = this.nameSlot.get(level1);
    if (n === undefined) {
      n = this.names.length;
      this.nameSlot.set(level1, n);
      this.names.push(level1);
    }
    return n;
  }

  push(record: number, name: number, weight: number, score: number, major: number, minor: number): void {
    this.record.push(record);
    this.name.push(name);
    this.weight.push(weight);
    this.score.push(score);
    this.major.push(major);
    this.minor.push(minor);
  }

  finish(): Level1Table {
    return {
      length: this.record.length,
      agency: this.agency,
      year: Float64Array.from(this.year),
      scope: this.scope,
      project: this.project,
      names: this.names,
      record: Uint32Array.from(this.record),
      name: Uint32Array.from(this.name),
      weight: Float64Array.from(this.weight),
      score: Float64Array.from(this.score),
      major: Float64Array.from(this.major),
      minor: Float64Array.from(this.minor),
    };
  }
}

export function emptyLevel1(): Level1Table {
  return new TableWriter().finish();
}

/** Room the builder's group columns start with; they grow as grow.ts says. */
const FIRST_GROUPS = 1024;

/**
 * Summarises indicator rows chunk by chunk. Rows must be given in the order of the current data
 * (a summary's position is that of its first row), but a record's rows may be spread over chunks.
 */
export class Level1Builder {
  private readonly out = new TableWriter();
  /** Each record's first group (-1: none yet), by record number. */
  private recFirst = new Int32Array(FIRST_GROUPS).fill(-1);
  // Per group, in order of creation, in typed columns: a file of short records makes about one
  // group per row. Sums start at 0 and become NaN with any missing part, which is exactly "a sum
  // with any missing part is missing".
  private groups = 0;
  /** The next group of the same record (-1: none). */
  private gNext = new Int32Array(FIRST_GROUPS);
  private gRecord = new Int32Array(FIRST_GROUPS);
  private gName = new Int32Array(FIRST_GROUPS);
  private gMajor = new Float64Array(FIRST_GROUPS);
  private gMinor = new Float64Array(FIRST_GROUPS);
  /** 1 once the group's own level-1 row is seen. */
  private hasOwn = new Uint8Array(FIRST_GROUPS);
  private ownWeight = new Float64Array(FIRST_GROUPS);
  private ownScore = new Float64Array(FIRST_GROUPS);
  private n2 = new Int32Array(FIRST_GROUPS);
  private weight2 = new Float64Array(FIRST_GROUPS);
  private score2 = new Float64Array(FIRST_GROUPS);
  private weight3 = new Float64Array(FIRST_GROUPS);
  private score3 = new Float64Array(FIRST_GROUPS);

  /** Adds the rows of a chunk; with `only`, just the rows of the records it accepts. */
  add(oc: OrderedChunk, only?: (recordKey: string) => boolean): void {
    const c = oc.chunk;
    const n = c.length;
    const agency = c.text.agency ?? [];
    const scope = c.text.scope ?? [];
    const project = c.text.project ?? [];
    const level1 = c.text.level1 ?? [];
    const level2: readonly (string | undefined)[] = c.text.level2 ?? [];
    const level3: readonly (string | undefined)[] = c.text.level3 ?? [];
    const year = c.num.year ?? nanColumn(n);
    const weight = c.num.weight ?? nanColumn(n);
    const score = c.num.score ?? nanColumn(n);
    const rows = oc.rows;
    // A record's key is looked up once per run of its rows (recordRuns), and a group only when the
    // level-1 name changes within the run. This loop runs once per stored row.
    const runs = recordRuns(c);
    let run = 0;
    let nextRun = 0;
    let rec = -1;
    let group = -1;
    let groupLevel1 = '';
    for (let i = 0; i < n; i++) {
      if (i === nextRun) {
        const key = runs.keys[run]!;
        // Not read past the runs' end: a read out of bounds throws the optimised loop away.
        nextRun = ++run < runs.starts.length ? runs.starts[run]! : n;
        rec =
          only && !only(key) ? -1 : this.out.recordOf(key, agency[i] ?? '', year[i]!, scope[i] ?? '', project[i] ?? '');
        group = -1;
      }
      if (rec < 0) continue;
      const l1 = level1[i] ?? '';
      if (group < 0 || l1 !== groupLevel1) {
        group = this.groupOf(rec, l1, oc.major, oc.minorBase + (rows ? rows[i]! : i));
        groupLevel1 = l1;
      }
      // Read after groupOf, which may have grown the columns.
      if (level3[i]) {
        this.weight3[group] = this.weight3[group]! + weight[i]!;
        this.score3[group] = this.score3[group]! + score[i]!;
      } else if (level2[i]) {
        this.n2[group] = this.n2[group]! + 1;
        this.weight2[group] = this.weight2[group]! + weight[i]!;
        this.score2[group] = this.score2[group]! + score[i]!;
      } else if (this.hasOwn[group] === 0) {
        this.hasOwn[group] = 1;
        this.ownWeight[group] = weight[i]!;
        this.ownScore[group] = score[i]!;
      }
    }
  }

  private groupOf(rec: number, level1: string, major: number, minor: number): number {
    const name = this.out.nameOf(level1);
    if (rec >= this.recFirst.length) this.recFirst = grown(this.recFirst, -1, rec + 1);
    // A record has a handful of level-1 groups: follow its chain rather than hash a key.
    let g = this.recFirst[rec]!;
    let last = -1;
    while (g >= 0 && this.gName[g] !== name) {
      last = g;
      g = this.gNext[g]!;
    }
    if (g >= 0) return g;
    g = this.groups++;
    if (g === this.gNext.length) this.grow();
    if (last >= 0) this.gNext[last] = g;
    else this.recFirst[rec] = g;
    this.gNext[g] = -1;
    this.gRecord[g] = rec;
    this.gName[g] = name;
    this.gMajor[g] = major;
    this.gMinor[g] = minor;
    return g;
  }

  private grow(): void {
    this.gNext = grown(this.gNext);
    this.gRecord = grown(this.gRecord);
    this.gName = grown(this.gName);
    this.gMajor = grown(this.gMajor);
    this.gMinor = grown(this.gMinor);
    this.hasOwn = grown(this.hasOwn);
    this.ownWeight = grown(this.ownWeight);
    this.ownScore = grown(this.ownScore);
    this.n2 = grown(this.n2);
    this.weight2 = grown(this.weight2);
    this.score2 = grown(this.score2);
    this.weight3 = grown(this.weight3);
    this.score3 = grown(this.score3);
  }

  finish(): Level1Table {
    const n = this.groups;
    const weight = new Float64Array(n);
    const score = new Float64Array(n);
    for (let g = 0; g < n; g++) {
      if (this.hasOwn[g] === 1) {
        weight[g] = this.ownWeight[g]!;
        score[g] = this.ownScore[g]!;
      } else if (this.n2[g]! > 0) {
        weight[g] = this.weight2[g]!;
        score[g] = this.score2[g]!;
      } else {
        // A group without its own row and without level-2 rows has only level-3 rows.
        weight[g] = this.weight3[g]!;
        score[g] = this.score3[g]!;
      }
    }
    return {
      ...this.out.finish(),
      length: n,
      record: Uint32Array.from(this.gRecord.subarray(0, n)),
      name: Uint32Array.from(this.gName.subarray(0, n)),
      weight,
      score,
      major: this.gMajor.slice(0, n),
      minor: this.gMinor.slice(0, n),
    };
  }
}

/** The record key of each record of a table. */
export function tableRecordKeys(t: Level1Table): string[] {
  return t.agency.map((agency, r) =>
    recordKey({ agency, year: t.year[r]!, scope: t.scope[r] as Scope, project: t.project[r]! }),
  );
}

/** The summaries of a table as objects, for the charts (one object per summary). */
export function level1Rows(t: Level1Table): Level1Summary[] {
  return appendLevel1Rows(t, tableRecordKeys(t), 0, t.length, []);
}

/**
 * Appends the summaries [from, to) of a table to `out` as objects (level1Rows a slice at a time:
 * the page makes eighty thousand of them in several tasks). `keys`: tableRecordKeys(t).
 */
export function appendLevel1Rows(
  t: Level1Table,
  keys: readonly string[],
  from: number,
  to: number,
  out: Level1Summary[],
): Level1Summary[] {
  for (let i = from; i < to; i++) {
    const r = t.record[i]!;
    const w = t.weight[i]!;
    const s = t.score[i]!;
    const weight = Number.isNaN(w) ? null : w;
    const score = Number.isNaN(s) ? null : s;
    out.push({
      agency: t.agency[r]!,
      year: t.year[r]!,
      scope: t.scope[r] as Scope,
      project: t.project[r]!,
      recordKey: keys[r]!,
      level1: t.names[t.name[i]!]!,
      weight,
      score,
      rate: weight !== null && score !== null && weight > 0 ? (score / weight) * 100 : null,
    });
  }
  return out;
}

/** The summary table of chunks given in order (positions: the row's number across the chunks). */
export function level1TableOf(chunks: readonly ColumnChunk[]): Level1Table {
  const b = new Level1Builder();
  let offset = 0;
  for (const chunk of chunks) {
    b.add({ chunk, major: 0, minorBase: offset, rows: null });
    offset += chunk.length;
  }
  return b.finish();
}
