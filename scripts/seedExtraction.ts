// `npm run seeds:extract -- [--check] [--out DIR]`: the built-in dataset as the extractor reads
// it from the four seed reports (../shared/seeds) plus the reviewed corrections
// (data/corrections.json). Writes records/indicators/funds/findings CSVs into DIR (default data/);
// with --check, writes nothing and exits 1 when the files there differ from what the extractor
// gives now.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSeedDataset, datasetFiles, type Correction } from './seedExtraction/build';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SEEDS = `${ROOT}../shared/seeds/`;
const args = process.argv.slice(2);
const check = args.includes('--check');
const outAt = args.indexOf('--out');
const out = outAt >= 0 && args[outAt + 1] ? `${args[outAt + 1]!.replace(/\/$/, '')}/` : `${ROOT}data/`;

if (!existsSync(SEEDS)) {
  console.log(`Skipped: the seed reports are not at ${SEEDS} (they live in ../shared/seeds, outside the repository).`);
  process.exit(0);
}
const corrections = JSON.parse(readFileSync(`${ROOT}data/corrections.json`, 'utf8')) as Correction[];
const files = datasetFiles(buildSeedDataset((name) => new Uint8Array(readFileSync(SEEDS + name)), corrections));
let drift = 0;
for (const [name, text] of Object.entries(files)) {
  if (check) {
    const now = existsSync(out + name) ? readFileSync(out + name, 'utf8') : null;
    if (now !== text) {
      drift++;
      console.log(`${name}: differs from the extraction of the seed reports`);
    }
  } else {
    writeFileSync(out + name, text);
    console.log(`${out + name}: written`);
  }
}
if (check)
  console.log(
    drift === 0 ? 'Up to date with the seed reports.' : `${drift} file(s) drifted: run npm run seeds:extract.`,
  );
process.exitCode = drift === 0 ? 0 : 1;
