// Seeded generator of contract-format files for the benchmark: 20,000 evaluation records (1,000
// agencies × 10 years × department + project) and indicator files of 1,000 (a typical upload),
// 100,000 and 1,000,000 rows that point at those records, plus the 1,000,000-row file with every
// field quoted. The files are
// what Excel's "CSV UTF-8" writes (BOM, CRLF, Chinese headers), and their figures add up as the
// validator checks them (basic + project = total, execution rate = expenditure ÷ budget, indicator
// scores sum to the record's score), so an import measures the clean path analysts take.
//
//   node --import tsx scripts/bench/generate.ts [--seed N] [--force]
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Rng } from './prng';

export const GENERATOR_VERSION = 2;
export const DEFAULT_SEED = 20240601;
export const ROOT_DIR = fileURLToPath(new URL('../../', import.meta.url));
export const DATA_DIR = path.join(ROOT_DIR, 'bench-results', 'data');

export const AGENCY_COUNT = 1000;
export const YEARS = [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024] as const;

export interface GeneratedFile {
  file: string;
  rows: number;
  bytes: number;
  sha256: string;
}

export interface Manifest {
  version: number;
  seed: number;
  records: GeneratedFile;
  indicators1k: GeneratedFile;
  indicators100k: GeneratedFile;
  indicators1m: GeneratedFile;
  indicators1mQuoted: GeneratedFile;
}

const REGIONS = [
  '北京市东城区',
  '北京市西城区',
  '北京市海淀区',
  '北京市丰台区',
  '北京市石景山区',
  '北京市通州区',
  '北京市顺义区',
  '北京市昌平区',
  '北京市大兴区',
  '上海市浦东新区',
  '上海市徐汇区',
  '天津市和平区',
  '重庆市江北区',
  '重庆市南岸区',
  '广州市天河区',
  '深圳市南山区',
  '杭州市西湖区',
  '南京市鼓楼区',
  '成都市武侯区',
  '武汉市江汉区',
  '西安市雁塔区',
  '长沙市岳麓区',
  '苏州市姑苏区',
  '青岛市市南区',
  '厦门市思明区',
] as const;

export const ORGS = [
  '教育委员会',
  '卫生健康委员会',
  '财政局',
  '发展和改革委员会',
  '科学技术委员会',
  '商务局',
  '文化和旅游局',
  '民政局',
  '人力资源和社会保障局',
  '生态环境局',
  '住房和城乡建设委员会',
  '交通委员会',
  '水务局',
  '农业农村局',
  '市场监督管理局',
  '体育局',
  '统计局',
  '审计局',
  '应急管理局',
  '园林绿化局',
  '城市管理委员会',
  '退役军人事务局',
  '司法局',
  '档案馆',
  '图书馆',
  '文化馆',
  '疾病预防控制中心',
  '妇幼保健院',
  '社会福利中心',
  '就业服务中心',
  '投资促进局',
  '融媒体中心',
  '政务服务中心',
  '地方志办公室',
  '残疾人联合会',
  '红十字会',
  '科学技术协会',
  '工商业联合会',
  '总工会',
  '青年联合会',
] as const;

export const PROJECT_TOPICS = [
  '智慧城市建设',
  '公共卫生服务',
  '校园安全提升',
  '老旧小区改造',
  '数字政务平台',
  '招商引资推介',
  '人才引进培养',
  '河道综合治理',
  '垃圾分类推广',
  '社区养老服务',
  '文化惠民演出',
  '全民健身设施',
  '应急物资储备',
  '农村道路养护',
  '绿化景观提升',
  '法律援助服务',
  '档案数字化',
  '就业技能培训',
  '食品安全抽检',
  '营商环境优化',
] as const;

const LEVEL1 = ['决策', '过程', '产出', '效益'] as const;
const LEVEL2: Readonly<Record<(typeof LEVEL1)[number], readonly string[]>> = {
  决策: ['项目立项', '绩效目标', '资金投入'],
  过程: ['资金管理', '组织实施'],
  产出: ['数量指标', '质量指标', '时效指标', '成本指标'],
  效益: ['社会效益', '经济效益', '可持续影响', '满意度'],
};

// Distinct level-3 names, at least as many as indicators per record, so every row key is unique.
const LEVEL3 = [
  '立项依据充分性',
  '立项程序规范性',
  '绩效目标合理性',
  '绩效指标明确性',
  '预算编制科学性',
  '资金分配合理性',
  '资金到位率',
  '预算执行率',
  '资金使用合规性',
  '管理制度健全性',
  '制度执行有效性',
  '举办活动次数',
  '培训人次',
  '覆盖人群数量',
  '设施建成数量',
  '验收合格率',
  '问题整改率',
  '按时完成率',
  '成本节约率',
  '单位成本控制',
  '服务对象满意度',
  '社会公众满意度',
  '带动就业人数',
  '增加税收收入',
  '长效机制建立',
  '信息公开及时性',
  '宣传报道次数',
  '平台访问量',
  '数据更新及时率',
  '设备完好率',
  '安全事故发生率',
  '投诉办结率',
  '政策知晓率',
  '项目完成率',
  '合同履约率',
  '采购规范性',
  '档案完整性',
  '人员到岗率',
  '工作方案完备性',
  '风险防控有效性',
  '环境质量改善',
  '节能降耗成效',
  '示范带动效应',
  '群众获得感',
  '服务响应时长',
  '办件一次通过率',
  '监督检查次数',
  '整改落实率',
  '资产管理规范性',
  '绩效自评质量',
  '专家评审通过率',
  '协同部门数量',
  '宣传覆盖率',
  '志愿者人数',
  '新增服务点位',
  '信息化覆盖率',
  '考核达标率',
  '质量抽检合格率',
  '年度任务完成率',
  '经验推广次数',
] as const;

const NOTES = [
  '受疫情影响部分活动延期举办，下一年度加强计划管理',
  '部分资金未及时支付，已督促合同执行进度',
  '指标设置偏低，下一年度适当提高目标值',
  '完成值统计口径与目标值略有差异',
] as const;

export const RECORD_HEADER = [
  '单位名称',
  '地区',
  '年度',
  '评价类型',
  '项目名称',
  '年初预算数（万元）',
  '全年预算数（万元）',
  '全年执行数（万元）',
  '预算执行率',
  '基本支出预算数（万元）',
  '项目支出预算数（万元）',
  '基本支出执行数（万元）',
  '项目支出执行数（万元）',
  '结转结余资金（万元）',
  '结转结余率',
  '决算数（万元）',
  '预决算差异率',
  '评价得分',
  '评价等级',
  '评价方式',
  '资料来源',
  '备注',
];

export const INDICATOR_HEADER = [
  '单位名称',
  '年度',
  '评价类型',
  '项目名称',
  '一级指标',
  '二级指标',
  '三级指标',
  '分值',
  '得分',
  '年度指标值',
  '实际完成值',
  '偏差原因分析及改进措施',
];

/** One evaluated unit-year, as far as the indicator files need it. */
interface RecordStub {
  agency: string;
  year: number;
  scope: '部门整体' | '项目';
  project: string;
  /** Total score in hundredths of a point. */
  scoreCents: number;
}

/** Cents as a decimal with two places ('1234.50'), as the reports write amounts. */
const money = (cents: number): string => (cents / 100).toFixed(2);
/** Hundredths as the shortest decimal ('2.5', '3.07'). */
const points = (cents: number): string => String(cents / 100);

export function gradeOf(scoreCents: number): string {
  if (scoreCents >= 9000) return '优';
  if (scoreCents >= 8000) return '良';
  if (scoreCents >= 6000) return '中';
  return '差';
}

function agencies(): Array<{ name: string; region: string }> {
  const out: Array<{ name: string; region: string }> = [];
  // Names as district + organ ('东城区教育委员会'): as long as the reports' names, not longer.
  for (const region of REGIONS) for (const org of ORGS) out.push({ name: region.slice(3) + org, region });
  return out.slice(0, AGENCY_COUNT);
}

/** The agencies' names, in the order the records file lists them. */
export function agencyNames(): string[] {
  return agencies().map((a) => a.name);
}

/** Writes lines to a file in large blocks and hashes the bytes on the way. */
class BlockWriter {
  private readonly fd: number;
  private readonly hash = createHash('sha256');
  private parts: string[] = [];
  private pending = 0;
  bytes = 0;
  rows = 0;

  constructor(
    readonly file: string,
    bom: boolean,
  ) {
    this.fd = openSync(file, 'w');
    if (bom) this.write('\uFEFF');
  }

  line(cells: readonly string[], quoted: boolean): void {
    const text = quoted ? cells.map((c) => '"' + c.replaceAll('"', '""') + '"').join(',') : cells.join(',');
    this.parts.push(text, '\r\n');
    this.pending += text.length;
    if (this.pending > 1 << 20) this.flush();
  }

  private write(text: string): void {
    const buf = Buffer.from(text, 'utf8');
    this.hash.update(buf);
    this.bytes += buf.length;
    writeSync(this.fd, buf);
  }

  private flush(): void {
    if (this.parts.length === 0) return;
    this.write(this.parts.join(''));
    this.parts = [];
    this.pending = 0;
  }

  close(dataRows: number): GeneratedFile {
    this.flush();
    closeSync(this.fd);
    return { file: path.basename(this.file), rows: dataRows, bytes: this.bytes, sha256: this.hash.digest('hex') };
  }
}

/** Records: one department row and one project row per agency and year; figures that add up. */
function writeRecords(rng: Rng, file: string): { stubs: RecordStub[]; info: GeneratedFile } {
  const w = new BlockWriter(file, true);
  w.line(RECORD_HEADER, false);
  const stubs: RecordStub[] = [];
  for (const a of agencies()) {
    for (const year of YEARS) {
      for (const scope of ['部门整体', '项目'] as const) {
        const project = scope === '项目' ? `${rng.pick(PROJECT_TOPICS)}经费` : '';
        const budget = scope === '项目' ? rng.int(5_000, 2_000_000) : rng.int(500_000, 50_000_000);
        const initial = Math.round(budget * (0.85 + rng.next() * 0.15));
        const expenditure = Math.round(budget * (0.7 + rng.next() * 0.3));
        const rate = ((expenditure / budget) * 100).toFixed(2) + '%';
        const carry = budget - expenditure;
        const carryRate = ((carry / budget) * 100).toFixed(2) + '%';
        const scoreCents = rng.int(6000, 9900);
        let basic = '';
        let proj = '';
        let basicE = '';
        let projE = '';
        if (scope === '部门整体') {
          const b = Math.round(budget * (0.4 + rng.next() * 0.4));
          const e = Math.min(b, Math.round(expenditure * (0.4 + rng.next() * 0.4)));
          basic = money(b);
          proj = money(budget - b);
          basicE = money(e);
          projE = money(expenditure - e);
        }
        const source = `${a.name}${year}年度${scope === '项目' ? '项目支出' : '部门整体'}绩效评价报告`;
        w.line(
          [
            a.name,
            a.region,
            String(year),
            scope,
            project,
            money(initial),
            money(budget),
            money(expenditure),
            rate,
            basic,
            proj,
            basicE,
            projE,
            money(carry),
            carryRate,
            money(expenditure),
            '0.00%',
            points(scoreCents),
            gradeOf(scoreCents),
            rng.chance(0.3) ? '第三方评价' : '自评',
            source,
            '',
          ],
          false,
        );
        stubs.push({ agency: a.name, year, scope, project, scoreCents });
      }
    }
  }
  return { stubs, info: w.close(stubs.length) };
}

/** Splits `total` into `n` positive integer parts at random (largest-remainder rounding). */
export function splitTotal(rng: Rng, total: number, n: number): number[] {
  const raw = Array.from({ length: n }, () => rng.int(2, 10));
  const sum = raw.reduce((s, x) => s + x, 0);
  const parts = raw.map((x) => Math.floor((x * total) / sum));
  let rest = total - parts.reduce((s, x) => s + x, 0);
  for (let i = 0; rest > 0; i = (i + 1) % n, rest--) parts[i]!++;
  return parts;
}

/** Scores no larger than their weights, summing to `total` exactly (in hundredths). */
export function scoresFor(weights: readonly number[], total: number): number[] {
  const wsum = weights.reduce((s, x) => s + x, 0);
  const scores = weights.map((w) => Math.floor((w * total) / wsum));
  let rest = total - scores.reduce((s, x) => s + x, 0);
  for (let i = 0; rest > 0; i = (i + 1) % scores.length) {
    if (scores[i]! < weights[i]!) {
      scores[i]!++;
      rest--;
    }
  }
  return scores;
}

function targetAndActual(rng: Rng, level2: string): [string, string] {
  switch (level2) {
    case '数量指标': {
      const k = rng.int(2, 60);
      return [`≥${k}次`, `${k + rng.int(0, 5)}次`];
    }
    case '质量指标':
    case '满意度': {
      const p = rng.int(85, 98);
      return [`≥${p}%`, `${(p + rng.next() * (100 - p)).toFixed(1)}%`];
    }
    case '时效指标':
      return [`${rng.int(6, 12)}月底前完成`, rng.chance(0.9) ? '按时完成' : '延期完成'];
    case '成本指标': {
      const c = rng.int(10, 900);
      return [`≤${c}万元`, `${(c * (0.8 + rng.next() * 0.2)).toFixed(2)}万元`];
    }
    default:
      return [
        rng.pick(['有效提升', '逐步完善', '持续改善', '明显提高']),
        rng.pick(['达到预期', '基本达到', '已完成', '部分完成']),
      ];
  }
}

/** Indicator rows: `perRecord` level-3 indicators for each record, in record order. */
function writeIndicators(
  rng: Rng,
  stubs: readonly RecordStub[],
  perRecord: number,
  outputs: ReadonlyArray<{ w: BlockWriter; quoted: boolean }>,
): void {
  if (LEVEL3.length < perRecord) throw new Error(`LEVEL3 needs at least ${perRecord} names`);
  for (const o of outputs) o.w.line(INDICATOR_HEADER, o.quoted);
  for (const r of stubs) {
    const weights = splitTotal(rng, 10000, perRecord);
    const scores = scoresFor(weights, r.scoreCents);
    const offset = rng.int(0, LEVEL3.length - 1);
    for (let i = 0; i < perRecord; i++) {
      const l1 = LEVEL1[Math.floor((i * LEVEL1.length) / perRecord)]!;
      const l2s = LEVEL2[l1];
      const l2 = l2s[i % l2s.length]!;
      const l3 = LEVEL3[(offset + i) % LEVEL3.length]!;
      // Decision and process indicators are scored against a checklist: no target or actual value.
      const [target, actual] = l1 === '产出' || l1 === '效益' ? targetAndActual(rng, l2) : ['', ''];
      const note = rng.chance(0.05) ? rng.pick(NOTES) : '';
      const cells = [
        r.agency,
        String(r.year),
        r.scope,
        r.project,
        l1,
        l2,
        l3,
        points(weights[i]!),
        points(scores[i]!),
        target,
        actual,
        note,
      ];
      for (const o of outputs) o.w.line(cells, o.quoted);
    }
  }
}

export interface GenerateOptions {
  seed?: number;
  dir?: string;
  /** Regenerate even when the manifest says the files are there. */
  force?: boolean;
  log?: (line: string) => void;
}

function filesOf(m: Manifest): GeneratedFile[] {
  return [m.records, m.indicators1k, m.indicators100k, m.indicators1m, m.indicators1mQuoted];
}

function upToDate(dir: string, seed: number): Manifest | null {
  const file = path.join(dir, 'manifest.json');
  if (!existsSync(file)) return null;
  const m = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  if (m.version !== GENERATOR_VERSION || m.seed !== seed) return null;
  for (const f of filesOf(m)) {
    const p = path.join(dir, f.file);
    if (!existsSync(p) || statSync(p).size !== f.bytes) return null;
  }
  return m;
}

/** Writes the benchmark files (unless the same seed's files are there already) and returns their manifest. */
export function ensureBenchData(opts: GenerateOptions = {}): Manifest {
  const seed = opts.seed ?? DEFAULT_SEED;
  const dir = opts.dir ?? DATA_DIR;
  const log = opts.log ?? (() => {});
  if (!opts.force) {
    const existing = upToDate(dir, seed);
    if (existing) return existing;
  }
  mkdirSync(dir, { recursive: true });
  const t0 = performance.now();
  // Separate streams per file, so that changing one file's layout leaves the others' bytes alone.
  const { stubs, info: records } = writeRecords(new Rng(seed), path.join(dir, 'records-20k.csv'));
  const w1k = new BlockWriter(path.join(dir, 'indicators-1k.csv'), true);
  writeIndicators(new Rng(seed + 3), stubs.slice(0, 200), 5, [{ w: w1k, quoted: false }]);
  const indicators1k = w1k.close(200 * 5);
  const w100k = new BlockWriter(path.join(dir, 'indicators-100k.csv'), true);
  writeIndicators(new Rng(seed + 1), stubs, 5, [{ w: w100k, quoted: false }]);
  const indicators100k = w100k.close(stubs.length * 5);
  const w1m = new BlockWriter(path.join(dir, 'indicators-1m.csv'), true);
  const w1mq = new BlockWriter(path.join(dir, 'indicators-1m-quoted.csv'), true);
  writeIndicators(new Rng(seed + 2), stubs, 50, [
    { w: w1m, quoted: false },
    { w: w1mq, quoted: true },
  ]);
  const indicators1m = w1m.close(stubs.length * 50);
  const indicators1mQuoted = w1mq.close(stubs.length * 50);
  const manifest: Manifest = {
    version: GENERATOR_VERSION,
    seed,
    records,
    indicators1k,
    indicators100k,
    indicators1m,
    indicators1mQuoted,
  };
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  log(`generated bench data (seed ${seed}) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return manifest;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  const seedAt = args.indexOf('--seed');
  const seed = seedAt === -1 ? DEFAULT_SEED : Number(args[seedAt + 1]);
  if (!Number.isInteger(seed)) throw new Error('--seed needs an integer');
  const m = ensureBenchData({ seed, force: args.includes('--force'), log: (l) => console.log(l) });
  for (const f of filesOf(m)) {
    console.log(
      `${f.file.padEnd(28)} ${String(f.rows).padStart(9)} rows ${(f.bytes / 1e6).toFixed(1).padStart(7)} MB  ${f.sha256.slice(0, 16)}`,
    );
  }
}
