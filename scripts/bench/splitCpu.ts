// CPU time of a big file read in two parts (parseFile's split, parse.worker.ts) in Node, each
// part measured on its own: the second part (readPart, what the parse worker does) and the
// structured clone of what it posts, then the first part with the merge and the checks across
// rows (what the import worker does), against the file read in one part. The critical path of
// the split is the larger of the two parts plus the merge; the browser runs the parts at once.
//
//   node --import tsx scripts/bench/splitCpu.ts [file=indicators-1m.csv] [runs=3]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { knownRecordsOf, parseFile, readPart, type PartRequest, type PartState } from '@/domain/parseFile';
import { DATA_DIR, ensureBenchData } from './generate';

const [file = 'indicators-1m.csv', runsArg = '3'] = process.argv.slice(2);
ensureBenchData();
const records = await parseFile(new Uint8Array(readFileSync(path.join(DATA_DIR, 'records-20k.csv'))), 'r.csv');
const knownRecords = knownRecordsOf(records);
const bytes = new Uint8Array(readFileSync(path.join(DATA_DIR, file)));
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const sha256 = Promise.resolve('');
// The split parseFile asks for (and, refused, reads the file in one part).
let req: PartRequest | null = null;
await parseFile(bytes, file, {
  knownRecords,
  sha256,
  secondPart: (r) => {
    req = r;
    return Promise.reject(new Error('only the request'));
  },
});
if (req === null) throw new Error(`${file} is not split`);
const at: PartRequest = req;
for (let i = 0; i < Number(runsArg); i++) {
  let t = cpu();
  await parseFile(bytes, file, { knownRecords, sha256 });
  const one = cpu() - t;
  t = cpu();
  const state = await readPart(bytes.subarray(at.start, at.end), at, { knownRecords });
  const second = cpu() - t;
  t = cpu();
  const posted = structuredClone(state) as PartState;
  const clone = cpu() - t;
  t = cpu();
  await parseFile(bytes, file, { knownRecords, sha256, secondPart: () => Promise.resolve(posted) });
  const first = cpu() - t;
  console.log(
    `${file}: one part ${one.toFixed(0)} ms CPU; split: second part ${second.toFixed(0)} + clone ${clone.toFixed(0)}, ` +
      `first part + merge + checks ${first.toFixed(0)} ms`,
  );
}
