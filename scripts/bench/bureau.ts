// A realistic test bureau: the contract files (records, indicators, funds) of one district finance
// bureau's agencies over six years, seeded, at the sizes a bureau really has (10, 50, 150
// agencies). Unlike the benchmark's tidy 20,000 records, these carry what real data has: agencies
// that start late, a year missing here and there, a latest year only part of the agencies have
// reported, agencies with project records only, records without a score, outliers (execution
// rates of 35% and 106%, carryover rates above 30%, a score of 52, a fall of 15 points), long
// names, and level-1 indicator names that differ by framework (决策 / 项目决策, 产出指标 / 项目产出).
// The e2e suite loads each size and photographs every view (test/e2e/bureau.e2e.ts); the bench
// measures the dashboard at 150 agencies (scripts/bench/bureauBench.ts).
//
//   node --import tsx scripts/bench/bureau.ts [--agencies 10,50,150] [--seed N] [--out DIR]
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DEFAULT_SEED,
  gradeOf,
  INDICATOR_HEADER,
  ORGS,
  PROJECT_TOPICS,
  RECORD_HEADER,
  ROOT_DIR,
  splitTotal,
  scoresFor,
} from './generate';
import { Rng } from './prng';

export const BUREAU_YEARS = [2019, 2020, 2021, 2022, 2023, 2024] as const;
export const BUREAU_SIZES = [10, 50, 150] as const;
export const DISTRICT = '临江区';
export const REGION = '江州市临江区';

const STREETS = [
  '东湖',
  '西湖',
  '南山',
  '北塘',
  '新城',
  '老城',
  '江滨',
  '望江',
  '白沙',
  '青石',
  '金桥',
  '银杏',
  '丰收',
  '和平',
  '光明',
  '长安',
  '兴隆',
  '永安',
  '清河',
  '柳岸',
  '桃源',
  '杏花',
  '梅溪',
  '竹园',
  '松林',
  '枫桥',
  '荷塘',
  '石门',
  '湖滨',
  '云台',
];
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];

/** The bureau's agencies, kinds interleaved so that every size has organs, streets, schools and hospitals. */
function agencyPool(): string[] {
  const organs = ORGS.map((o) => `${DISTRICT}${o}`);
  const streets = STREETS.map((s) => `${DISTRICT}人民政府${s}街道办事处`);
  const schools = NUMERALS.flatMap((n) => [
    `${DISTRICT}第${n}中学`,
    `${DISTRICT}第${n}实验小学`,
    `${DISTRICT}第${n}幼儿园`,
  ]);
  const health = [
    ...NUMERALS.slice(0, 8).map((n) => `${DISTRICT}第${n}人民医院`),
    ...STREETS.slice(0, 22).map((s) => `${DISTRICT}${s}社区卫生服务中心`),
  ];
  const others = [
    `${DISTRICT}人民政府国有资产监督管理委员会`,
    `${DISTRICT}机关事务管理服务中心`,
    `${DISTRICT}公共资源交易中心`,
    `${DISTRICT}不动产登记中心`,
    `${DISTRICT}劳动人事争议仲裁院`,
    `${DISTRICT}青少年活动中心`,
    `${DISTRICT}老年大学`,
    `${DISTRICT}少年宫`,
    `${DISTRICT}博物馆`,
    `${DISTRICT}美术馆`,
  ];
  const kinds = [organs, streets, schools, health, others];
  const out: string[] = [];
  for (let i = 0; out.length < 200 && kinds.some((k) => i < k.length); i++)
    for (const k of kinds) if (k[i] !== undefined) out.push(k[i]!);
  return out;
}

/** Level-1 frameworks: the same dimensions under the names different evaluation rules give them. */
const FRAMEWORKS: ReadonlyArray<ReadonlyArray<{ level1: string; level2: readonly string[] }>> = [
  [
    { level1: '决策', level2: ['项目立项', '绩效目标'] },
    { level1: '过程', level2: ['资金管理', '组织实施'] },
    { level1: '产出', level2: ['数量指标', '质量指标'] },
    { level1: '效益', level2: ['社会效益', '可持续影响'] },
  ],
  [
    { level1: '项目决策', level2: ['立项依据', '目标设定'] },
    { level1: '项目管理', level2: ['资金使用', '制度执行'] },
    { level1: '项目产出', level2: ['数量指标', '时效指标'] },
    { level1: '项目效益', level2: ['社会效益', '满意度'] },
  ],
  [
    { level1: '预算执行率', level2: [] },
    { level1: '产出指标', level2: ['数量指标', '质量指标', '时效指标'] },
    { level1: '效益指标', level2: ['社会效益指标'] },
    { level1: '满意度指标', level2: ['服务对象满意度指标'] },
    { level1: '成本指标', level2: ['经济成本指标'] },
  ],
];

const FUND_HEADER = [
  '单位名称',
  '年度',
  '评价类型',
  '项目名称',
  '类别',
  '明细',
  '预算金额（万元）',
  '合同签订金额（万元）',
  '支出金额（万元）',
];
const LINE_ITEMS = ['设备购置', '专家咨询', '宣传推广', '运行维护', '人员培训', '工程施工'];

const money = (cents: number): string => (cents / 100).toFixed(2);
const points = (cents: number): string => String(cents / 100);
const pct = (num: number, den: number): string => (den > 0 ? `${((num / den) * 100).toFixed(2)}%` : '');

export interface BureauFiles {
  agencies: number;
  records: string;
  indicators: string;
  funds: string;
  /** Rows per file. */
  rows: { records: number; indicators: number; funds: number };
  /** Every text of the data that the UI may show (agency, project, indicator, region names, notes): not UI words. */
  dataTexts: string[];
}

function csv(rows: readonly (readonly string[])[]): string {
  const cell = (c: string): string => (/[",\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c);
  return '\uFEFF' + rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

interface Stub {
  agency: string;
  year: number;
  scope: '部门整体' | '项目';
  project: string;
  scoreCents: number | null;
  budget: number;
  expenditure: number;
  framework: number;
}

/** The three contract files of a bureau of `count` agencies (at most 185), the same for the same seed. */
export function bureauFiles(count: number, seed = DEFAULT_SEED): BureauFiles {
  const rng = new Rng(seed + count * 7919);
  const pool = agencyPool();
  if (count > pool.length) throw new Error(`at most ${pool.length} agencies`);
  const names = pool.slice(0, count);
  const recordRows: string[][] = [RECORD_HEADER];
  const stubs: Stub[] = [];
  const texts = new Set<string>([REGION, DISTRICT]);
  const lastYear = BUREAU_YEARS.at(-1)!;
  names.forEach((agency, ai) => {
    texts.add(agency);
    const r = rng.next();
    const start = r < 0.8 ? 2019 : r < 0.9 ? 2021 : r < 0.96 ? 2022 : 2023;
    const projectsOnly = ai % 13 === 7;
    const reportsLate = !rng.chance(0.6); // no figures for the latest year yet
    // Budget scale in cents of 万元: most agencies hundreds to thousands of 万元, a few very large.
    const scale = ai === 0 ? 250_000_00 : rng.chance(0.08) ? rng.int(20_000_00, 90_000_00) : rng.int(300_00, 9_000_00);
    const framework = ai % FRAMEWORKS.length;
    const projectTopics = [rng.pick(PROJECT_TOPICS), rng.pick(PROJECT_TOPICS), rng.pick(PROJECT_TOPICS)];
    const fallYear = rng.chance(0.15) ? rng.int(2021, 2023) : 0;
    let baseScore = rng.int(7800, 9600);
    for (const year of BUREAU_YEARS) {
      if (year < start) continue;
      if (year === lastYear && reportsLate) continue;
      if (year > start && rng.chance(0.07)) continue; // a gap
      if (year === fallYear) baseScore = Math.max(4800, baseScore - rng.int(1200, 1800));
      else baseScore = Math.min(9900, Math.max(5500, baseScore + rng.int(-250, 250)));
      const nProjects = projectsOnly ? rng.int(1, 3) : rng.int(0, 3);
      const projects: Array<{ name: string; budget: number }> = [];
      for (let p = 0; p < nProjects; p++) {
        const topic = projectTopics[p]!;
        const name = p === 2 ? `${year}年度${topic}及配套能力提升专项资金` : `${topic}专项经费`;
        if (projects.some((x) => x.name === name)) continue;
        projects.push({ name, budget: Math.max(5_00, Math.round(scale * (0.02 + rng.next() * 0.12))) });
      }
      const rows: Array<Omit<Stub, 'framework'>> = [];
      if (!projectsOnly) {
        const budget = Math.round(scale * (0.9 + rng.next() * 0.25));
        rows.push({ agency, year, scope: '部门整体', project: '', budget, expenditure: 0, scoreCents: 0 });
      }
      for (const p of projects)
        rows.push({ agency, year, scope: '项目', project: p.name, budget: p.budget, expenditure: 0, scoreCents: 0 });
      for (const row of rows) {
        const budget = row.budget;
        const o = rng.next();
        const rateBp =
          o < 0.03 ? rng.int(3000, 6000) : o < 0.05 ? rng.int(10050, 10800) : Math.min(10000, rng.int(8200, 10300));
        const expenditure = Math.round((budget * rateBp) / 10000);
        const carry = Math.max(0, budget - expenditure);
        const unscored = rng.chance(0.1);
        const scoreCents = unscored
          ? null
          : Math.min(10000, Math.max(4500, baseScore + (row.scope === '项目' ? rng.int(-600, 300) : 0)));
        const initial = Math.round(budget * (0.8 + rng.next() * 0.2));
        let basic = '';
        let proj = '';
        let basicE = '';
        let projE = '';
        if (row.scope === '部门整体') {
          const b = Math.round(budget * (0.45 + rng.next() * 0.35));
          const e = Math.min(b, Math.round(expenditure * (0.45 + rng.next() * 0.35)));
          basic = money(b);
          proj = money(budget - b);
          basicE = money(e);
          projE = money(Math.max(0, expenditure - e));
        }
        const missingExpenditure = rng.chance(0.02);
        const note = rateBp < 6000 ? '项目建设周期跨年，部分资金结转下年使用' : '';
        if (note) texts.add(note);
        if (row.project) texts.add(row.project);
        const source = `${agency}${row.year}年度${row.scope === '项目' ? `“${row.project}”项目支出` : '部门整体支出'}绩效自评报告`;
        texts.add(source);
        recordRows.push([
          agency,
          REGION,
          String(row.year),
          row.scope,
          row.project,
          money(initial),
          money(budget),
          missingExpenditure ? '' : money(expenditure),
          missingExpenditure ? '' : pct(expenditure, budget),
          basic,
          proj,
          missingExpenditure ? '' : basicE,
          missingExpenditure ? '' : projE,
          missingExpenditure ? '' : money(carry),
          missingExpenditure ? '' : pct(carry, budget),
          missingExpenditure ? '' : money(expenditure),
          '',
          scoreCents === null ? '' : points(scoreCents),
          scoreCents === null ? '' : gradeOf(scoreCents),
          rng.chance(0.25) ? '第三方评价' : '自评',
          source,
          note,
        ]);
        stubs.push({
          ...row,
          budget,
          expenditure,
          scoreCents,
          framework: row.scope === '项目' ? (framework + 1) % 3 : framework,
        });
      }
    }
  });

  const indicatorRows: string[][] = [INDICATOR_HEADER];
  const fundRows: string[][] = [FUND_HEADER];
  for (const s of stubs) {
    if (s.scoreCents !== null) {
      const fw = FRAMEWORKS[s.framework]!;
      const weights = splitTotal(rng, 10000, fw.length);
      const scores = scoresFor(weights, s.scoreCents);
      // Dimensions differ: move points between level-1 indicators (the total stays the record's).
      for (let k = 0; k < 3; k++) {
        const from = rng.int(0, scores.length - 1);
        const to = rng.int(0, scores.length - 1);
        const d = Math.min(rng.int(0, 600), scores[from]!, weights[to]! - scores[to]!);
        if (from !== to && d > 0) {
          scores[from]! -= d;
          scores[to]! += d;
        }
      }
      fw.forEach((l1, i) => {
        texts.add(l1.level1);
        const base = [s.agency, String(s.year), s.scope, s.project, l1.level1];
        if (l1.level2.length === 0) {
          indicatorRows.push([
            ...base,
            '',
            '',
            points(weights[i]!),
            points(scores[i]!),
            '≥90%',
            pct(s.expenditure, s.budget),
            '',
          ]);
          return;
        }
        const w2 = splitTotal(rng, weights[i]!, l1.level2.length);
        const s2 = scoresFor(w2, scores[i]!);
        l1.level2.forEach((l2, j) => {
          texts.add(l2);
          indicatorRows.push([...base, l2, '', points(w2[j]!), points(s2[j]!), '', '', '']);
        });
      });
    }
    if (s.scope === '项目') {
      const own = rng.chance(0.3) ? Math.round(s.budget * 0.2) : 0;
      const base = [s.agency, String(s.year), s.scope, s.project];
      fundRows.push([
        ...base,
        '资金来源',
        '财政拨款',
        money(s.budget - own),
        '',
        money(Math.max(0, s.expenditure - own)),
      ]);
      if (own > 0)
        fundRows.push([...base, '资金来源', '单位自有资金', money(own), '', money(Math.min(own, s.expenditure))]);
      const items = [rng.pick(LINE_ITEMS), rng.pick(LINE_ITEMS)].filter((x, i, a) => a.indexOf(x) === i);
      const parts = splitTotal(rng, s.budget, items.length);
      const spent = splitTotal(rng, Math.max(items.length, s.expenditure), items.length);
      items.forEach((item, i) => {
        texts.add(item);
        fundRows.push([
          ...base,
          '支出明细',
          item,
          money(parts[i]!),
          money(parts[i]!),
          money(Math.min(parts[i]!, spent[i]!)),
        ]);
      });
    }
  }
  for (const t of ['财政拨款', '单位自有资金']) texts.add(t);
  return {
    agencies: count,
    records: csv(recordRows),
    indicators: csv(indicatorRows),
    funds: csv(fundRows),
    rows: { records: recordRows.length - 1, indicators: indicatorRows.length - 1, funds: fundRows.length - 1 },
    dataTexts: [...texts],
  };
}

/** Writes a bureau's three files and the manifest that publishes them beside the app (README, "Publishing data"). */
export function writeBureau(dir: string, count: number, seed = DEFAULT_SEED): BureauFiles {
  const files = bureauFiles(count, seed);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'records.csv'), files.records);
  writeFileSync(path.join(dir, 'indicators.csv'), files.indicators);
  writeFileSync(path.join(dir, 'funds.csv'), files.funds);
  writeFileSync(
    path.join(dir, 'manifest.json'),
    JSON.stringify({ files: ['records.csv', 'indicators.csv', 'funds.csv'] }) + '\n',
  );
  return files;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  const opt = (name: string): string | undefined => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const sizes = (opt('agencies') ?? BUREAU_SIZES.join(',')).split(',').map(Number);
  const seed = Number(opt('seed') ?? DEFAULT_SEED);
  const out = opt('out') ?? path.join(ROOT_DIR, 'bench-results', 'bureau');
  for (const n of sizes) {
    const f = writeBureau(path.join(out, String(n)), n, seed);
    console.log(
      `${n} agencies: ${f.rows.records} records, ${f.rows.indicators} indicator rows, ${f.rows.funds} fund lines → ${path.join(out, String(n))}`,
    );
  }
}
