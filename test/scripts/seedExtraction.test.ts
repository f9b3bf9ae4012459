// The built-in dataset rebuilt from its reports: the extractor's output on the four seeds plus
// the reviewed corrections (data/corrections.json) must equal data/ (the drift test). The seeds
// live in ../shared, outside the repository: where they are absent the test says it was skipped.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readEvidence } from '@/domain/evidenceColumn';
import { buildSeedDataset, datasetFiles, type Correction } from '../../scripts/seedExtraction/build';

const SEEDS = new URL('../../../shared/seeds/', import.meta.url);
const OUT = new URL('../../data/', import.meta.url);
const here = existsSync(SEEDS);
if (!here)
  console.warn('skipped: the seed reports are not at ../shared/seeds, so the dataset cannot be checked against them');

describe.skipIf(!here)('seed reports → dataset', () => {
  const corrections = JSON.parse(readFileSync(new URL('corrections.json', OUT), 'utf8')) as Correction[];
  const data = buildSeedDataset((name) => new Uint8Array(readFileSync(new URL(name, SEEDS))), corrections);

  it('equals data/ (npm run seeds:extract rewrites it)', () => {
    for (const [name, text] of Object.entries(datasetFiles(data)))
      expect(readFileSync(new URL(name, OUT), 'utf8'), name).toBe(text);
  });

  it('fixes the audit’s findings', () => {
    const ccpit = data.records.find(
      (r) => r.agency === '中国国际贸易促进委员会北京市分会' && r.year === 2022 && r.scope === 'department',
    )!;
    expect(ccpit.final_accounts).toBe(5169.66);
    expect(ccpit.expenditure).toBe(5169.65);
    const cy24 = data.records.find((r) => r.year === 2024)!;
    expect(cy24.evaluator).toBe('');
    const yz = data.indicators.filter((i) => i.agency === '重庆市渝中区招商投资促进局');
    expect(yz.map((i) => i.level2)).not.toContain('数量指标');
    expect(yz.map((i) => i.level2)).not.toContain('服务对象满意度指标');
    const outputs = data.indicators.filter(
      (i) => i.agency === '中国国际贸易促进委员会北京市分会' && i.scope === 'department' && i.level1 === '产出指标',
    );
    expect(outputs.map((i) => [i.level3, i.target, i.actual])).toEqual([
      ['科技交流与合作组织实施展会', '1场', ''],
      ['商贸事务活动场次', '1场', ''],
      ['组织培训', '≥6次', '30场'],
    ]);
    const rate = data.indicators.find((i) => i.level1 === '当年预算执行情况')!;
    expect(rate.note).toContain('96.90%');
    const project = data.records.find((r) => r.project === '北京市市长国际企业家顾问会议')!;
    expect(project.note).toContain('97.84%');
    expect(project.note).toContain('112.33');
    const promo = yz.find((i) => i.level3 === '开展境内外招商推介活动')!;
    expect(promo.note).toContain('10余场');
    // Both counts stay visible: 3次 is kept, 10余场 is the other statement, with its place.
    const promoEvidence = readEvidence('indicators', promo.evidence).find((e) => e.field === 'actual')!;
    expect(promo.actual).toBe('3次');
    expect(promoEvidence.disputed?.[0]).toMatchObject({ value: '10余场' });
    expect(promoEvidence.disputed?.[0]?.location).toMatch(/^第\d+段$/);
  });

  it('has the problems and the recommendations of every report', () => {
    for (const key of [
      '2023|department|',
      '2024|project|招商引资及推介大型专项活动经费',
      '2022|department|',
      '2022|project|北京市市长国际企业家顾问会议',
      '2019|project|招商引资专项经费',
    ]) {
      const kinds = new Set(
        data.findings.filter((f) => `${f.year}|${f.scope}|${f.project}` === key).map((f) => f.kind),
      );
      expect(kinds.has('problem') || kinds.has('experience'), key).toBe(true);
    }
  });

  it('refuses a correction that no longer finds its row', () => {
    const stale: Correction = { kind: 'records', match: { year: 1999 }, set: { score: 1 }, reason: 'x' };
    expect(() => buildSeedDataset((name) => new Uint8Array(readFileSync(new URL(name, SEEDS))), [stale])).toThrow(
      /matches 0 rows/,
    );
  });

  it('records a value correction as such: the value read, the value kept, and the reason', () => {
    const actual = readEvidence('indicators', data.indicators.find((i) => i.level3 === '组织培训')!.evidence).find(
      (e) => e.field === 'actual',
    )!;
    expect(actual.corrected?.from).toBe('');
    expect(actual.corrected?.reason).toContain('30场');
    const stale: Correction = {
      kind: 'indicators',
      match: { level3: '组织培训' },
      dispute: { field: 'actual', value: '31场', text: '全年开展线上培训31场' },
      reason: 'x',
    };
    expect(() =>
      buildSeedDataset((name) => new Uint8Array(readFileSync(new URL(name, SEEDS))), [...corrections, stale]),
    ).toThrow(/not in the report/);
  });
});
