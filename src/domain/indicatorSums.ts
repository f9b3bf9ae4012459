// The indicator scores' consistency check (warnings, not errors): per record, level 3 → level 2 →
// level 1 → the record's total score must add up. Scores are collected while the rows stream past
// and checked once the file is read.
//
// The tree of each record is kept as numbered nodes in flat arrays rather than as an object and a
// map per node: a file of short records makes about one level-2 node per row, and a million
// objects that live to the end of the parse cost the garbage collector more than the sums cost.
import { round2 } from './derive';
import { grown } from './grow';
import { recordKey } from './keys';
import type { PackedChunk } from './columns';
import type { IndicatorRow, Scope } from './types';
import type { Issue } from './issues';

const SCORE_TOLERANCE = 0.015;
const fig = round2;
const NONE = -1;
/** Past this many children, a node's children are found through a Map instead of one by one. */
const LINEAR_CHILDREN = 16;

/** The room typed node arrays start with (they grow as grow.ts says). */
const FIRST_ROOM = 1024;

/**
 * Nodes of one level, numbered in the order first seen: a name, the score of the node's own row
 * (NaN: no own row, or one without a score), the sum and count of its children's scores, and its
 * parent. Typed arrays, grown four times over when full: a file of short records makes a node for
 * about every row.
 */
class Nodes {
  length = 0;
  readonly name: string[] = [];
  parent = new Int32Array(FIRST_ROOM);
  own = new Float64Array(FIRST_ROOM).fill(NaN);
  ownRow = new Int32Array(FIRST_ROOM).fill(NONE);
  childSum = new Float64Array(FIRST_ROOM);
  childCount = new Int32Array(FIRST_ROOM);

  make(name: string, parent: number): number {
    if (this.length === this.parent.length) {
      this.parent = grown(this.parent);
      this.own = grown(this.own, NaN);
      this.ownRow = grown(this.ownRow, NONE);
      this.childSum = grown(this.childSum);
      this.childCount = grown(this.childCount);
    }
    const id = this.length++;
    this.name.push(name);
    this.parent[id] = parent;
    return id;
  }
}

/**
 * Lists of nodes by parent, in the order added: each parent's first and last node and how many, each
 * node's next. Past LINEAR_CHILDREN nodes, a parent's are also indexed by name.
 */
class Children {
  private parents = 0;
  first = new Int32Array(FIRST_ROOM).fill(NONE);
  last = new Int32Array(FIRST_ROOM).fill(NONE);
  count = new Int32Array(FIRST_ROOM);
  next = new Int32Array(FIRST_ROOM).fill(NONE);
  private readonly index = new Map<number, Map<string, number>>();

  /** indexed: whether `find` is asked of these lists (else no index is made). */
  constructor(private readonly indexed: boolean) {}

  parentMade(): void {
    if (this.parents === this.first.length) {
      this.first = grown(this.first, NONE);
      this.last = grown(this.last, NONE);
      this.count = grown(this.count);
    }
    this.parents++;
  }

  /** The node of `parent` named `name` (names: the nodes' names), or NONE. */
  find(names: readonly string[], parent: number, name: string): number {
    if (this.indexed && this.count[parent]! > LINEAR_CHILDREN) return this.index.get(parent)!.get(name) ?? NONE;
    for (let c = this.first[parent]!; c !== NONE; c = this.next[c]!) if (names[c] === name) return c;
    return NONE;
  }

  add(names: readonly string[], parent: number, child: number): void {
    while (child >= this.next.length) this.next = grown(this.next, NONE);
    const last = this.last[parent]!;
    if (last === NONE) this.first[parent] = child;
    else this.next[last] = child;
    this.last[parent] = child;
    const n = ++this.count[parent]!;
    if (!this.indexed) return;
    if (n === LINEAR_CHILDREN + 1) {
      const byName = new Map<string, number>();
      for (let c = this.first[parent]!; c !== NONE; c = this.next[c]!) byName.set(names[c]!, c);
      this.index.set(parent, byName);
    } else if (n > LINEAR_CHILDREN + 1) this.index.get(parent)!.set(names[child]!, child);
  }
}

/**
 * Collects indicator scores per record while rows stream past, then checks that the levels add up.
 * Names are looked up level by level (no joined key string per row), and rows of one record follow
 * each other, so its nodes are kept at hand instead of looked up again.
 */
export class IndicatorSums {
  private readonly recordOf = new Map<string, number>();
  private readonly recordKeys: string[] = [];
  private readonly firstRow: number[] = [];
  private readonly l1 = new Nodes();
  private readonly l2 = new Nodes();
  /** Level-1 nodes under each record, level-2 nodes under each level-1 node. */
  private readonly l1Of = new Children(true);
  private readonly l2Of = new Children(true);
  /** Each record's level-2 nodes in the order first seen (the order warnings are reported in). */
  private readonly l2InRecord = new Children(false);
  private lastKey: string | null = null;
  private lastRecord = NONE;
  /** The level-1 and level-2 nodes of the previous row: a record's rows come level by level. */
  private lastL1 = NONE;
  private lastL2 = NONE;

  add(rk: string, r: IndicatorRow, row: number): void {
    let rec = rk === this.lastKey ? this.lastRecord : (this.recordOf.get(rk) ?? NONE);
    if (rec === NONE) {
      rec = this.recordKeys.length;
      this.recordOf.set(rk, rec);
      this.recordKeys.push(rk);
      this.firstRow.push(row);
      this.l1Of.parentMade();
      this.l2InRecord.parentMade();
    }
    if (rec !== this.lastRecord) this.lastL1 = this.lastL2 = NONE;
    this.lastKey = rk;
    this.lastRecord = rec;
    const { l1, l2 } = this;
    let a =
      this.lastL1 !== NONE && r.level1 === l1.name[this.lastL1] ? this.lastL1 : this.l1Of.find(l1.name, rec, r.level1);
    if (a === NONE) {
      a = l1.make(r.level1, rec);
      this.l1Of.add(l1.name, rec, a);
      this.l2Of.parentMade();
    }
    if (a !== this.lastL1) this.lastL2 = NONE;
    this.lastL1 = a;
    if (r.level2 === '' && r.level3 === '') {
      l1.own[a] = r.score ?? NaN;
      l1.ownRow[a] = row;
      return;
    }
    let b =
      this.lastL2 !== NONE && r.level2 === l2.name[this.lastL2] ? this.lastL2 : this.l2Of.find(l2.name, a, r.level2);
    if (b === NONE) {
      b = l2.make(r.level2, a);
      this.l2Of.add(l2.name, a, b);
      this.l2InRecord.add(l2.name, rec, b);
    }
    this.lastL2 = b;
    if (r.level3 === '') {
      // A level-2 row: its own score, and a child of level 1.
      l2.own[b] = r.score ?? NaN;
      l2.ownRow[b] = row;
      return;
    }
    if (r.score !== null) {
      l2.childSum[b]! += r.score;
      l2.childCount[b]!++;
    }
  }

  /**
   * Adds the rows of column chunks (a later part of the file, FileSession.absorb), row `i` at
   * spreadsheet row rowNumbers[i] + `records`, in order: as if `add` had been called for each as it
   * was read.
   */
  addChunks(chunks: readonly PackedChunk[], rowNumbers: Int32Array, records: number): void {
    const row = { level1: '', level2: '', level3: '', score: null as number | null };
    let index = 0;
    for (const c of chunks) {
      const t = c.text;
      const agency = t.agency!;
      const scope = t.scope!;
      const project = t.project!;
      const level1 = t.level1!;
      const level2 = t.level2!;
      const level3 = t.level3!;
      const years = c.num.year!;
      const scores = c.num.score!;
      // The record key is made again only where it changes (by the cells' codes).
      let a = -1;
      let y = NaN;
      let s = -1;
      let p = -1;
      let rk = '';
      for (let i = 0; i < c.length; i++, index++) {
        const ai = agency.codes[i]!;
        const yi = years[i]!;
        const si = scope.codes[i]!;
        const pi = project.codes[i]!;
        if (ai !== a || yi !== y || si !== s || pi !== p) {
          a = ai;
          y = yi;
          s = si;
          p = pi;
          rk = recordKey({
            agency: agency.values[ai]!,
            year: yi,
            scope: scope.values[si] as Scope,
            project: project.values[pi]!,
          });
        }
        row.level1 = level1.values[level1.codes[i]!]!;
        row.level2 = level2.values[level2.codes[i]!]!;
        row.level3 = level3.values[level3.codes[i]!]!;
        const score = scores[i]!;
        row.score = Number.isNaN(score) ? null : score;
        this.add(rk, row as IndicatorRow, rowNumbers[index]! + records);
      }
    }
  }

  /** Warnings for every record whose levels or total do not add up. */
  warnings(recordScore: (recordKey: string) => number | null | undefined, scoreColumn: string | null): Issue[] {
    const out: Issue[] = [];
    const { l1, l2 } = this;
    for (let rec = 0; rec < this.recordKeys.length; rec++) {
      const rk = this.recordKeys[rec]!;
      // Fold level 2 into level 1: a level-2 node counts with its own score, else its children's sum.
      for (let b = this.l2InRecord.first[rec]!; b !== NONE; b = this.l2InRecord.next[b]!) {
        const own = l2.own[b]!;
        const count = l2.childCount[b]!;
        const sum = l2.childSum[b]!;
        if (!Number.isNaN(own) && count > 0 && Math.abs(sum - own) > SCORE_TOLERANCE) {
          const params = { sum: fig(sum), score: fig(own) };
          out.push({ row: l2.ownRow[b]!, column: scoreColumn, code: 'level2_sum', params, recordKey: rk });
        }
        const value = Number.isNaN(own) ? (count > 0 ? sum : NaN) : own;
        if (!Number.isNaN(value)) {
          const a = l2.parent[b]!;
          l1.childSum[a]! += value;
          l1.childCount[a]!++;
        }
      }
      let total = 0;
      let counted = 0;
      for (let a = this.l1Of.first[rec]!; a !== NONE; a = this.l1Of.next[a]!) {
        const own = l1.own[a]!;
        const count = l1.childCount[a]!;
        const sum = l1.childSum[a]!;
        if (!Number.isNaN(own) && count > 0 && Math.abs(sum - own) > SCORE_TOLERANCE) {
          const params = { level1: l1.name[a]!, sum: fig(sum), score: fig(own) };
          out.push({ row: l1.ownRow[a]!, column: scoreColumn, code: 'level1_sum', params, recordKey: rk });
        }
        const value = Number.isNaN(own) ? (count > 0 ? sum : NaN) : own;
        if (!Number.isNaN(value)) {
          total += value;
          counted++;
        }
      }
      const score = recordScore(rk);
      if (counted > 0 && score !== null && score !== undefined && Math.abs(total - score) > SCORE_TOLERANCE) {
        const params = { sum: fig(total), score: fig(score) };
        out.push({ row: this.firstRow[rec]!, column: scoreColumn, code: 'total_sum', params, recordKey: rk });
      }
    }
    return out;
  }
}
