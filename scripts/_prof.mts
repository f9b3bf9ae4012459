import { readFileSync } from 'node:fs';
import { parseFile } from '../src/domain/parseFile.ts';
const bytes = new Uint8Array(readFileSync(process.argv[2]!));
const t = performance.now();
const known = { has: () => true, get: () => ({ score: null }) } as any;
const r = await parseFile(bytes, 'x', { knownRecords: known });
console.log('parseFile', (performance.now() - t).toFixed(0), 'ms', r.rows);
