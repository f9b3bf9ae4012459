// The production build loads as static files under an arbitrary sub-path, shows its title, logs
// no error and asks nothing of any server but its own.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertClean,
  launchBrowser,
  openApp,
  saveScreenshot,
  startServer,
  VIEWPORTS,
  type StaticServer,
} from './harness.ts';
import type { Browser } from 'playwright-core';

const TITLE = '预算绩效看板';
// Two unrelated sub-paths: the build must not assume `/` or any particular base.
const BASE_PATHS = ['/app/', '/intranet/finance/dashboard/'];

let browser: Browser;
const servers = new Map<string, StaticServer>();

before(async () => {
  browser = await launchBrowser();
  for (const base of BASE_PATHS) servers.set(base, await startServer(undefined, base));
});

after(async () => {
  await browser?.close();
  for (const server of servers.values()) await server.close();
});

for (const base of BASE_PATHS) {
  test(`loads under ${base} with its title, no console error and no outside request`, async () => {
    const server = servers.get(base);
    assert.ok(server);
    const app = await openApp(browser, server.url, { viewport: VIEWPORTS.desktop });
    try {
      await app.page.getByText(TITLE).first().waitFor({ state: 'visible', timeout: 15_000 });
      assert.equal(await app.page.title(), TITLE);
      // Let lazy chunks, workers and data loads happen before judging the network.
      await app.page.waitForLoadState('networkidle');

      // The app's own scripts came from under the sub-path, and nothing it asked for was missing.
      assert.ok(
        server.requested.some((p) => p.startsWith(base) && p.endsWith('.js')),
        `no script was loaded from under ${base}: ${server.requested.join(', ')}`,
      );
      assert.deepEqual(server.notFound, [], `missing files: ${server.notFound.join(', ')}`);
      assertClean(app);
      if (base === '/app/') await saveScreenshot(app.page, 'smoke-desktop');
    } finally {
      await app.close();
    }
  });
}

test('the server answers only under the sub-path, so the tests above prove the app needs no site root', async () => {
  const server = servers.get('/app/');
  assert.ok(server);
  const outside = await fetch(`${server.origin}/index.html`);
  assert.equal(outside.status, 404);
  const inside = await fetch(`${server.url}index.html`);
  assert.equal(inside.status, 200);
  assert.match(inside.headers.get('content-type') ?? '', /^text\/html/);
  const traversal = await fetch(`${server.url}..%2f..%2fpackage.json`);
  assert.equal(traversal.status, 404);
});
