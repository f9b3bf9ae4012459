import { readFileSync } from 'node:fs';
import { readReportDocument } from '@/domain/document/read';
import { extractReport } from '@/domain/report/extractReport';
const r = await readReportDocument(new Uint8Array(readFileSync(process.argv[2]!)), process.argv[2]!);
if (!r.ok) {
  console.log(r.error);
  process.exit(1);
}
if (process.argv[3] === 'doc') {
  for (const b of r.doc.blocks) {
    if (b.type === 'paragraph') console.log(`P ${JSON.stringify(b.at)} h${b.heading} ${b.label ?? ''}| ${b.text}`);
    else {
      console.log(`T ${JSON.stringify(b.at)}`);
      for (const row of b.grid)
        console.log('   | ' + row.map((c) => (c === null ? '·' : c.text.replace(/\n/g, '⏎'))).join(' | '));
    }
  }
  process.exit(0);
}
const x = extractReport(r.doc, process.argv[2]!);
const strip = (o: object) =>
  Object.fromEntries(Object.entries(o).filter(([k, v]) => v !== null && v !== '' && !['agency', 'source'].includes(k)));
for (const k of ['records', 'indicators', 'funds', 'findings'] as const) {
  console.log(`== ${k}`);
  for (const row of x[k]) console.log(JSON.stringify(strip(row)));
}
console.log('== warnings');
for (const w of x.warnings) console.log(JSON.stringify(w));
if (process.argv[3]) for (const e of x.evidence) console.log(JSON.stringify(e));
