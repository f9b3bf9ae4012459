// The quality test set: the hand-written reports under test/fixtures/reports/ and the four seed
// reports, read from ../shared/seeds (they are not the project's to ship): when that folder is
// absent, the seeds are left out and the caller says so.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Expected } from './score';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURE_DIR = `${ROOT}test/fixtures/reports/`;
export const SEED_DIR = `${ROOT}../shared/seeds/`;

export interface QualityCase {
  expected: Expected;
  path: string;
  seed: boolean;
}

function casesIn(expectedDir: string, fileDir: string, seed: boolean): QualityCase[] {
  return readdirSync(expectedDir)
    .filter((f) => f.endsWith('.expected.json'))
    .sort()
    .map((f) => {
      const expected = JSON.parse(readFileSync(expectedDir + f, 'utf8')) as Expected;
      return { expected, path: fileDir + expected.file, seed };
    });
}

export function seedsAvailable(): boolean {
  return existsSync(SEED_DIR);
}

export function qualityCases(): QualityCase[] {
  const own = casesIn(`${FIXTURE_DIR}expected/`, FIXTURE_DIR, false);
  const seeds = seedsAvailable() ? casesIn(`${FIXTURE_DIR}expected/seeds/`, SEED_DIR, true) : [];
  return [...seeds, ...own];
}
