// `npm run bench:forms [-- --quick]`: only the workbook and form scenarios (scripts/bench/forms.ts),
// on the production build (the npm script builds first); `npm run bench` runs them too.
import path from 'node:path';
import { DIST_DIR, startServer } from '../../test/e2e/harness';
import { launchBenchBrowser, WorkerSessions } from './browser';
import { runFormsBench } from './forms';
import { ROOT_DIR } from './generate';

const quick = process.argv.includes('--quick');
const started = performance.now();
const log = (line: string): void => {
  process.stdout.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);
};

const appServer = await startServer(process.env['BENCH_DIST'] ?? DIST_DIR, '/app/');
const browser = await launchBenchBrowser();
try {
  const workers = await WorkerSessions.create(browser);
  await runFormsBench({
    browser,
    appServer,
    workers,
    runs: quick ? 1 : 3,
    resultsDir: path.join(ROOT_DIR, 'bench-results'),
    log,
  });
} finally {
  await browser.close();
  await appServer.close();
}
