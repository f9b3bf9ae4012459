// The national indicator framework's names (一级/二级指标), used to split a path written as one
// string (`产出指标数量指标数据分析`), to tell a level-2 name from a level-3 one, and to find the
// level 1 a level-2 name belongs to.

export const LEVEL2_PARENT: ReadonlyArray<readonly [string, string]> = [
  ['数量指标', '产出指标'],
  ['质量指标', '产出指标'],
  ['时效指标', '产出指标'],
  ['经济成本指标', '成本指标'],
  ['社会成本指标', '成本指标'],
  ['生态环境成本指标', '成本指标'],
  ['经济效益指标', '效益指标'],
  ['社会效益指标', '效益指标'],
  ['生态效益指标', '效益指标'],
  ['可持续影响指标', '效益指标'],
  ['服务对象满意度指标', '满意度指标'],
];

export const LEVEL1_NAMES = [
  '产出指标',
  '效益指标',
  '满意度指标',
  '成本指标',
  '效果指标',
  '管理指标',
  '决策',
  '过程',
  '产出',
  '效益',
];

/** The words that identify a level 1 whatever the report calls it (`项目产出`, `产出指标`, `产出部分`). */
export const LEVEL1_CORES = [
  '预算执行',
  '决策',
  '过程',
  '产出',
  '效益',
  '效果',
  '满意度',
  '管理',
  '成本',
  '履职',
  '绩效目标',
];

export function coreOf(name: string): string | null {
  return LEVEL1_CORES.find((c) => name.includes(c)) ?? null;
}

export function parentOfLevel2(name: string): string | null {
  return LEVEL2_PARENT.find(([l2]) => l2 === name)?.[1] ?? null;
}

export function isLevel2Name(name: string): boolean {
  return LEVEL2_PARENT.some(([l2]) => l2 === name);
}

/** `产出指标数量指标数据分析` → [产出指标, 数量指标, 数据分析]; parts it cannot find are ''. */
export function splitPath(written: string): [string, string, string] {
  let rest = written.replace(/\s+/g, '');
  const level1 = [...LEVEL1_NAMES].sort((a, b) => b.length - a.length).find((n) => rest.startsWith(n)) ?? '';
  rest = rest.slice(level1.length);
  const level2 =
    LEVEL2_PARENT.map(([n]) => n)
      .sort((a, b) => b.length - a.length)
      .find((n) => rest.startsWith(n)) ?? '';
  rest = rest.slice(level2.length);
  return [level1, level2, rest];
}

/** A cell's text as one label: lines joined (a header or name wrapped in its cell). */
export function compact(text: string): string {
  return text.replace(/\s+/g, '');
}
