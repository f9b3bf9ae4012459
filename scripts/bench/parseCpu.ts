// CPU time of parseFile (and of what the commit prepares) on a bench file, in Node: a quick,
// load-tolerant check of the parser's hot path while working on it (user + system CPU time of
// this process, not wall time, so other processes on the machine matter less). The real figures
// are `npm run bench`'s, in Chromium.
//
//   node --import tsx scripts/bench/parseCpu.ts [file=indicators-100k.csv] [runs=3] [--reference]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseFile, knownRecordsOf } from '@/domain/parseFile';
import { prepareCommit } from '@/db/commitPrep';
import { storableChunks } from '@/db/chunkOps';
import { CHUNK_ROWS } from '@/domain/types';
import { DATA_DIR, ensureBenchData } from './generate';

const args = process.argv.slice(2);
const reference = args.includes('--reference');
const [file = 'indicators-100k.csv', runsArg = '3'] = args.filter((a) => !a.startsWith('--'));
ensureBenchData();
const records = await parseFile(new Uint8Array(readFileSync(path.join(DATA_DIR, 'records-20k.csv'))), 'r.csv');
const knownRecords = knownRecordsOf(records);
const bytes = new Uint8Array(readFileSync(path.join(DATA_DIR, file)));
const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
const parses: number[] = [];
const prepares: number[] = [];
for (let i = 0; i < Number(runsArg); i++) {
  const u0 = process.cpuUsage();
  const parsed = await parseFile(bytes, file, { knownRecords, reference });
  const u1 = process.cpuUsage(u0);
  if (parsed.kind) prepareCommit(parsed.kind, storableChunks(parsed.chunks, CHUNK_ROWS));
  const u2 = process.cpuUsage(u0);
  parses.push(cpuMs(u1));
  prepares.push(cpuMs(u2) - cpuMs(u1));
  console.log(
    `${file}: parse ${cpuMs(u1).toFixed(0)} ms CPU, prepare ${(cpuMs(u2) - cpuMs(u1)).toFixed(0)} ms; ${parsed.rows} rows, ${parsed.errorCount} errors`,
  );
}
// The least of the runs: the machine's other work only ever adds to it.
console.log(`least: parse ${Math.min(...parses).toFixed(0)} ms, prepare ${Math.min(...prepares).toFixed(0)} ms CPU`);
