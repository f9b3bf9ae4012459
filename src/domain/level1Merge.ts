// Level-1 summary tables merged: the summaries of some records replaced by new ones, in position
// order (a commit or a rollback changes the summaries of the records it touches, not the others').
import { TableWriter, tableRecordKeys, type Level1Table } from './level1';

function before(a: Level1Table, i: number, b: Level1Table, j: number): boolean {
  const am = a.major[i]!;
  const bm = b.major[j]!;
  return am < bm || (am === bm && a.minor[i]! < b.minor[j]!);
}

/**
 * `old` with the summaries of the records `replaced` accepts taken out and those of `fresh` put
 * in, in position order. Both tables must be in position order (as built and as merged).
 */
export function mergeLevel1(
  old: Level1Table,
  replaced: (recordKey: string) => boolean,
  fresh: Level1Table,
): Level1Table {
  const oldKeys = tableRecordKeys(old);
  const keepOld = oldKeys.map((k) => !replaced(k));
  const freshKeys = tableRecordKeys(fresh);
  // A commit's summaries all come after the stored ones (a new batch's id is the largest), and
  // its records are the ones replaced: then the result is the one table after the other.
  if (
    (old.length === 0 || fresh.length === 0 || before(old, old.length - 1, fresh, 0)) &&
    freshKeys.every((k) => replaced(k))
  )
    return appended(old, oldKeys, keepOld, fresh, freshKeys);
  return mergeByPosition(old, oldKeys, keepOld, fresh, freshKeys);
}

/** mergeLevel1 summary by summary, for any positions: exported for the test of `appended`. */
export function mergeByPosition(
  old: Level1Table,
  oldKeys: readonly string[],
  keepOld: readonly boolean[],
  fresh: Level1Table,
  freshKeys: readonly string[],
): Level1Table {
  const out = new TableWriter();
  const copy = (t: Level1Table, keys: readonly string[], i: number): void => {
    const r = t.record[i]!;
    const rec = out.recordOf(keys[r]!, t.agency[r]!, t.year[r]!, t.scope[r]!, t.project[r]!);
    out.push(rec, out.nameOf(t.names[t.name[i]!]!), t.weight[i]!, t.score[i]!, t.major[i]!, t.minor[i]!);
  };
  let i = 0;
  let j = 0;
  while (i < old.length || j < fresh.length) {
    if (i < old.length && !keepOld[old.record[i]!]) {
      i++;
      continue;
    }
    if (j >= fresh.length || (i < old.length && before(old, i, fresh, j))) copy(old, oldKeys, i++);
    else copy(fresh, freshKeys, j++);
  }
  return out.finish();
}

/**
 * mergeByPosition when every summary of `fresh` comes after those of `old` and no record of
 * `fresh` is kept from `old`: the kept summaries of `old`, then those of `fresh`, copied column by
 * column. A TableWriter numbers the records and names in order of first use, as the merge by
 * position does, but is asked once per record and name of each table rather than per summary.
 */
function appended(
  old: Level1Table,
  oldKeys: readonly string[],
  keepOld: readonly boolean[],
  fresh: Level1Table,
  freshKeys: readonly string[],
): Level1Table {
  const out = new TableWriter();
  let kept = 0;
  for (let i = 0; i < old.length; i++) if (keepOld[old.record[i]!]) kept++;
  const n = kept + fresh.length;
  const record = new Uint32Array(n);
  const name = new Uint32Array(n);
  const weight = new Float64Array(n);
  const score = new Float64Array(n);
  const major = new Float64Array(n);
  const minor = new Float64Array(n);
  const copyFrom = (t: Level1Table, keys: readonly string[], keep: readonly boolean[] | null, from: number): number => {
    const recordOut = new Int32Array(t.agency.length).fill(-1);
    const nameOut = new Int32Array(t.names.length).fill(-1);
    let at = from;
    for (let i = 0; i < t.length; i++) {
      const r = t.record[i]!;
      if (keep && !keep[r]) continue;
      if (recordOut[r] === -1)
        recordOut[r] = out.recordOf(keys[r]!, t.agency[r]!, t.year[r]!, t.scope[r]!, t.project[r]!);
      const nm = t.name[i]!;
      if (nameOut[nm] === -1) nameOut[nm] = out.nameOf(t.names[nm]!);
      record[at] = recordOut[r]!;
      name[at] = nameOut[nm]!;
      weight[at] = t.weight[i]!;
      score[at] = t.score[i]!;
      major[at] = t.major[i]!;
      minor[at] = t.minor[i]!;
      at++;
    }
    return at;
  };
  copyFrom(fresh, freshKeys, null, copyFrom(old, oldKeys, keepOld, 0));
  // The writer holds the records and names; the summaries are the columns filled here.
  return { ...out.finish(), length: n, record, name, weight, score, major, minor };
}
