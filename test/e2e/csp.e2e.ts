// The built app carries a Content-Security-Policy: a script injected into the page never runs, and
// the page cannot reach another origin, even one on the same machine.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertClean, launchBrowser, openApp, startServer, VIEWPORTS, type StaticServer } from './harness.ts';
import type { Browser } from 'playwright-core';

let browser: Browser;
let app: StaticServer;
/** Another origin (another port): what an injected script would try to send data to. */
let other: StaticServer;

before(async () => {
  browser = await launchBrowser();
  app = await startServer(undefined, '/app/');
  other = await startServer(undefined, '/other/');
});

after(async () => {
  await browser?.close();
  await app?.close();
  await other?.close();
});

test('an inline script and an off-origin fetch are refused by the policy; the app itself runs clean', async () => {
  const session = await openApp(browser, app.url, { viewport: VIEWPORTS.desktop });
  try {
    const { page } = session;
    await page.locator('main').first().waitFor({ state: 'visible', timeout: 15_000 });
    await page.waitForLoadState('networkidle');
    // The app loaded and drew under its policy without a single console error.
    assertClean(session);
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.match(policy ?? '', /script-src 'self'/);
    assert.match(policy ?? '', /connect-src 'self'/);

    const outcome = await page.evaluate(async (target) => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
      const w = window as unknown as { __injected?: boolean };
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true;';
      document.body.appendChild(script);
      let fetched: string;
      try {
        await fetch(target);
        fetched = 'reached';
      } catch {
        fetched = 'refused';
      }
      await new Promise((r) => setTimeout(r, 100));
      return { injected: w.__injected === true, fetched, violations };
    }, `${other.url}index.html`);

    assert.equal(outcome.injected, false, 'the injected inline script ran');
    assert.equal(outcome.fetched, 'refused');
    assert.ok(outcome.violations.includes('script-src-elem'), `violations: ${outcome.violations.join(', ')}`);
    assert.ok(outcome.violations.includes('connect-src'), `violations: ${outcome.violations.join(', ')}`);
    // The policy stopped the request in the browser: the other server never saw it.
    assert.deepEqual(other.requested, []);
  } finally {
    await session.close();
  }
});
