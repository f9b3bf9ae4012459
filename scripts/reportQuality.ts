// `npm run quality:reports`: extraction quality on the test set (the four seeds and the
// hand-written reports): field-level recall and precision per report and overall, and whether
// every evidence text occurs verbatim in its document. Exit 1 when a target is missed
// (recall ≥ 95 %, precision ≥ 98 %, all evidence verbatim, every expected warning given).
import { readFileSync } from 'node:fs';
import { readReportDocument } from '@/domain/document/read';
import { extractReport } from '@/domain/report/extractReport';
import { qualityCases, seedsAvailable } from './reportQuality/cases';
import { rates, scoreFile, type FileScore, type Tally } from './reportQuality/score';

const RECALL = 0.95;
const PRECISION = 0.98;
const verbose = process.argv.includes('--verbose');

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

async function main(): Promise<number> {
  if (!seedsAvailable())
    console.log('Seeds skipped: ../shared/seeds/ is not here; scoring the hand-written reports only.');
  const total: Tally = { expected: 0, extracted: 0, matched: 0, misses: [], extras: [] };
  let failed = false;
  const lines: string[] = [];
  for (const c of qualityCases()) {
    const bytes = new Uint8Array(readFileSync(c.path));
    const read = await readReportDocument(bytes, c.expected.file);
    if (!read.ok) {
      const ok = c.expected.error === read.error.code;
      failed ||= !ok;
      lines.push(
        `${ok ? 'ok  ' : 'FAIL'} ${c.expected.file}: refused with ${read.error.code}${ok ? ' (expected)' : ''}`,
      );
      continue;
    }
    if (c.expected.error) {
      failed = true;
      lines.push(`FAIL ${c.expected.file}: read, but ${c.expected.error} was expected`);
      continue;
    }
    const score: FileScore = scoreFile(c.expected, extractReport(read.doc, c.expected.file), read.doc);
    const { recall, precision } = rates(score.tally);
    for (const k of ['expected', 'extracted', 'matched'] as const) total[k] += score.tally[k];
    total.misses.push(...score.tally.misses);
    total.extras.push(...score.tally.extras);
    const bad = score.notVerbatim.length > 0 || score.missingWarnings.length > 0;
    failed ||= bad;
    lines.push(
      `${bad ? 'FAIL' : '    '} ${c.seed ? '[seed] ' : ''}${c.expected.file}: recall ${pct(recall)} (${score.tally.matched}/${score.tally.expected}), precision ${pct(precision)} (${score.tally.extracted - score.tally.extras.length}/${score.tally.extracted}), evidence ${score.evidence - score.notVerbatim.length}/${score.evidence} verbatim${score.missingWarnings.length ? `, missing warnings ${score.missingWarnings.join(' ')}` : ''}`,
    );
    if (verbose || bad)
      for (const m of [
        ...score.tally.misses.map((x) => `  miss  ${x}`),
        ...score.tally.extras.map((x) => `  extra ${x}`),
        ...score.notVerbatim.map((x) => `  not verbatim ${x}`),
      ])
        lines.push(m);
  }
  const { recall, precision } = rates(total);
  const met = recall >= RECALL && precision >= PRECISION;
  console.log(lines.join('\n'));
  console.log(
    `\nOverall: recall ${pct(recall)} (${total.matched}/${total.expected}), precision ${pct(precision)} (${total.extracted - total.extras.length}/${total.extracted}); targets recall ≥ ${pct(RECALL)}, precision ≥ ${pct(PRECISION)}: ${met ? 'met' : 'NOT met'}`,
  );
  if (!verbose && (total.misses.length > 0 || total.extras.length > 0)) {
    console.log('\nMisses and extras:');
    for (const m of total.misses) console.log(`  miss  ${m}`);
    for (const x of total.extras) console.log(`  extra ${x}`);
  }
  return met && !failed ? 0 : 1;
}

process.exitCode = await main();
