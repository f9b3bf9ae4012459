// `npm start`: install the locked dependencies unless node_modules already holds exactly them, then
// start the dev server. Plain Node (no dependency), so it runs before anything is installed; an
// intranet machine without the registry can restart the app once it has been installed.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const STAMP = 'node_modules/.installed-lockfile-sha256';
const lockHash = createHash('sha256').update(readFileSync('package-lock.json')).digest('hex');
const installed = existsSync(STAMP) ? readFileSync(STAMP, 'utf8').trim() : '';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

if (installed !== lockHash || !existsSync('node_modules/.bin/vite')) {
  const ci = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (ci.status !== 0) process.exit(ci.status ?? 1);
  writeFileSync(STAMP, lockHash + '\n');
} else {
  console.log('Dependencies match package-lock.json: skipping npm ci.');
}

const vite = spawnSync(npm, ['exec', '--', 'vite', '--host', '127.0.0.1', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(vite.status ?? 0);
