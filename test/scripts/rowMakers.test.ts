// The row makers are generated from the schema: the file in the repository is what the generator
// writes now (run `node --import tsx scripts/writeRowMakers.ts` after a SCHEMA change).
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { ROW_MAKERS_FILE, rowMakersSource } from '../../scripts/writeRowMakers';

test('src/domain/rowMakers.ts is up to date with the schema', async () => {
  expect(readFileSync(ROW_MAKERS_FILE, 'utf8')).toBe(await rowMakersSource());
});
