import { readFileSync } from 'node:fs';
import { parseFile, knownRecordsOf } from '../../src/domain/parseFile';
const rec = await parseFile(readFileSync('bench-results/data/records-20k.csv'), 'r.csv');
const known = knownRecordsOf(rec);
const which = process.argv[2] ?? 'indicators-1m.csv';
const bytes = readFileSync('bench-results/data/' + which);
for (let i = 0; i < Number(process.argv[3] ?? 1); i++) {
  const t0 = performance.now(); const c0 = process.cpuUsage();
  const p = await parseFile(bytes, which, { knownRecords: known });
  const c = process.cpuUsage(c0);
  console.log(which, 'wall', Math.round(performance.now() - t0), 'ms cpu', Math.round((c.user + c.system) / 1000), 'ms', p.rows, p.errorCount, p.warningCount, p.chunks.length);
}
