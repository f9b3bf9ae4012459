// `npm run validate -- [--json] FILE...`: checks CSV batches with the app's own parser and
// validator before anyone uploads them (contract: "Checking a file before upload").
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { runValidate } from './validateRun';

// Piping into `head` closes stdout early; that is not a failure of the files being checked.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

const dataDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'data');

const code = await runValidate(process.argv.slice(2), {
  readFile: (path) => readFile(path),
  builtinFiles: ['records.csv'].map((f) => join(dataDir, f)),
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
});
process.exitCode = code;
