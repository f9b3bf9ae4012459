// Level-1 indicators under their standard dimension. Evaluation frameworks name the same
// dimension differently (产出指标 / 项目产出 / 产出; 效益指标 / 项目效益; 决策 / 项目决策; 过程 /
// 项目管理), so records scored under different rules line up only once mapped. A name that fits
// no dimension (整体绩效目标实现情况) stays itself: never forced into a dimension it may not be.
import type { Level1Summary } from './level1';

export const DIMENSIONS = ['decision', 'process', 'output', 'benefit', 'satisfaction', 'cost', 'execution'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

// Checked in this order: 满意度 and 成本 indicators are often filed under 效益 or 产出 names.
const RULES: ReadonlyArray<readonly [Dimension, RegExp]> = [
  ['satisfaction', /满意/],
  ['cost', /成本/],
  ['execution', /预算执行|执行率/],
  ['decision', /决策/],
  ['process', /过程|项目管理|^管理|管理指标|预算管理|资金管理|组织实施/],
  ['output', /产出/],
  ['benefit', /效益|效果/],
];

/** The standard dimension of a level-1 name, or null when it fits none. */
export function dimensionOf(level1: string): Dimension | null {
  const name = level1.replace(/\s+/g, '');
  for (const [dim, re] of RULES) if (re.test(name)) return dim;
  return null;
}

/** One record's score in one dimension (or one unmapped level-1 name). */
export interface DimensionScore {
  /** A Dimension, or the level-1 name itself when it maps to none. */
  key: string;
  dimension: Dimension | null;
  /** The level-1 names as the record's framework writes them. */
  originals: string[];
  weight: number | null;
  score: number | null;
  /** Σscore ÷ Σweight in percent; null when a part is missing or the weight is 0. */
  rate: number | null;
}

/** The column key of a level-1 name: its dimension, or the name (prefixed so it never equals a dimension). */
export function dimensionKey(level1: string): string {
  return dimensionOf(level1) ?? `level1:${level1}`;
}

/** A record's level-1 summaries by dimension; two names of one dimension are added up. */
export function dimensionScores(summaries: readonly Level1Summary[]): DimensionScore[] {
  const out = new Map<string, DimensionScore>();
  for (const s of summaries) {
    const key = dimensionKey(s.level1);
    let d = out.get(key);
    if (!d) {
      d = { key, dimension: dimensionOf(s.level1), originals: [], weight: 0, score: 0, rate: null };
      out.set(key, d);
    }
    d.originals.push(s.level1);
    d.weight = d.weight === null || s.weight === null ? null : d.weight + s.weight;
    d.score = d.score === null || s.score === null ? null : d.score + s.score;
  }
  for (const d of out.values())
    d.rate = d.weight !== null && d.score !== null && d.weight > 0 ? (d.score / d.weight) * 100 : null;
  return [...out.values()];
}

/** Column order: the standard dimensions first, in their fixed order, then other names as first met. */
export function dimensionOrder(keys: Iterable<string>): string[] {
  const all = [...new Set(keys)];
  const std = DIMENSIONS.filter((d) => all.includes(d));
  return [...std, ...all.filter((k) => !(DIMENSIONS as readonly string[]).includes(k))];
}
