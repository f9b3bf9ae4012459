// The quality targets on the test set, as `npm run quality:reports` measures them: per report
// recall ≥ 95 % and precision ≥ 98 % field by field, and every evidence text in its document.
// The seed reports are read from ../shared/seeds; where that folder is absent they are skipped.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readReportDocument } from '@/domain/document/read';
import { extractReport } from '@/domain/report/extractReport';
import { qualityCases, seedsAvailable } from '../../scripts/reportQuality/cases';
import { rates, scoreFile } from '../../scripts/reportQuality/score';

const cases = qualityCases();

describe('report extraction quality', () => {
  it('has the hand-written reports of every layout and, when ../shared is here, the four seeds', () => {
    const own = cases.filter((c) => !c.seed).map((c) => c.expected.file);
    expect(own.length).toBeGreaterThanOrEqual(9);
    expect(own.filter((f) => f.endsWith('.docx')).length).toBeGreaterThanOrEqual(2);
    expect(own.filter((f) => f.endsWith('.pdf')).length).toBeGreaterThanOrEqual(2);
    if (!seedsAvailable()) console.warn('skipped: the seed reports are not at ../shared/seeds');
    else expect(cases.filter((c) => c.seed)).toHaveLength(4);
  });

  for (const c of cases) {
    it(`${c.seed ? '[seed] ' : ''}${c.expected.file}`, async () => {
      const read = await readReportDocument(new Uint8Array(readFileSync(c.path)), c.expected.file);
      if (c.expected.error) {
        expect(read).toMatchObject({ ok: false, error: { code: c.expected.error } });
        return;
      }
      if (!read.ok) throw new Error(read.error.code);
      const score = scoreFile(c.expected, extractReport(read.doc, c.expected.file), read.doc);
      const { recall, precision } = rates(score.tally);
      expect(score.notVerbatim).toEqual([]);
      expect(score.missingWarnings).toEqual([]);
      expect(recall, score.tally.misses.join('\n')).toBeGreaterThanOrEqual(0.95);
      expect(precision, score.tally.extras.join('\n')).toBeGreaterThanOrEqual(0.98);
    });
  }
});

describe('the scoring itself', () => {
  it('counts a wrong value as a miss and an unexpected value as an extra', async () => {
    const text =
      '渝中区招商投资促进局2022年重大招商活动经费绩效评价报告\n全年预算数200.00万元，全年执行数180.00万元。\n';
    const read = await readReportDocument(new TextEncoder().encode(text), 'x.txt');
    if (!read.ok) throw new Error(read.error.code);
    const result = extractReport(read.doc, 'x.txt');
    const record = { agency: '重庆市渝中区招商投资促进局', year: 2022, scope: 'project', project: '重大招商活动经费' };
    const score = scoreFile({ file: 'x.txt', record, records: [{ budget: 210 }] }, result, read.doc);
    expect(score.tally).toMatchObject({ expected: 2, matched: 1, extracted: 3 });
    expect(score.tally.misses).toEqual([`records ${Object.values(record).join('|')} budget: expected 210, got 200`]);
    expect(score.tally.extras).toEqual([`records ${Object.values(record).join('|')} expenditure: 180 not expected`]);
  });
});
