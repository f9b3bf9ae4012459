// `npm run extract -- [--json] [--out DIR] [--year N] [--lang en] FILE...`: reads self-evaluation
// forms (workbooks, .docx) and evaluation reports (.docx, .pdf, .txt) with the app's own
// extractors (contract: "Workbooks, forms and reports").
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { runExtract } from './extractRun';
import { terminalJson, terminalText } from './terminal';

const json = process.argv.includes('--json');

process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

process.exitCode = await runExtract(process.argv.slice(2), {
  readFile: async (path) => new Uint8Array(await readFile(path)),
  writeFile: (path, text) => writeFile(path, text, 'utf8'),
  mkdir: async (path) => {
    await mkdir(path, { recursive: true });
  },
  // Nothing from a file reaches the terminal as control characters.
  out: (line) => process.stdout.write((json ? terminalJson(line) : terminalText(line)) + '\n'),
  err: (line) => process.stderr.write(terminalText(line) + '\n'),
});
