// Shared machinery for the end-to-end tests: a static file server that serves the production
// build under a sub-path, a headless Chromium, and a page wrapper that records console errors and
// every request leaving the server's origin. The app must work as plain static files under any
// path and must never reach beyond its own origin, so every e2e test gets both checks for free.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** The repository root, whatever the working directory of the test run. */
export const ROOT_DIR = fileURLToPath(new URL('../../', import.meta.url));
/** Where `vite build` writes the production build. */
export const DIST_DIR = path.join(ROOT_DIR, 'dist');
export const SCREENSHOT_DIR = path.join(ROOT_DIR, 'test-results', 'screenshots');
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** The viewports the product promises to be usable at. */
export const VIEWPORTS = {
  desktop: { width: 1366, height: 768 },
  tablet: { width: 1024, height: 768 },
} as const;

export interface Viewport {
  width: number;
  height: number;
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/**
 * Files the app asks for that a deployment may lack, whose 404 is normal and expected: the
 * manifest of published data (README, "Publishing data for leaders"). Their 404s are kept out of
 * `notFound` and out of the console errors.
 */
export const OPTIONAL_FILES: readonly string[] = ['data/manifest.json'];

function isOptional(pathOrUrl: string): boolean {
  return OPTIONAL_FILES.some((f) => pathOrUrl.endsWith(`/${f}`));
}

export interface StaticServer {
  /** Origin of the server, e.g. `http://127.0.0.1:40123`. */
  origin: string;
  /** The app's URL: origin plus the base path, e.g. `http://127.0.0.1:40123/app/`. */
  url: string;
  basePath: string;
  /** Every path requested (decoded, without query), in order. */
  requested: string[];
  /** Paths answered with 404. */
  notFound: string[];
  close(): Promise<void>;
}

/**
 * Serves `distDir` at `http://127.0.0.1:PORT{basePath}` and nothing else: anything outside the
 * base path, and any missing file, is a 404. No SPA fallback and no rewrites, so a test passes
 * only if the build works as static files under an arbitrary sub-path.
 */
export async function startServer(
  distDir: string = DIST_DIR,
  basePath = '/app/',
  /** A folder served as `data/` beside the app (published data: manifest.json and its files). */
  dataDir?: string,
): Promise<StaticServer> {
  assert.ok(basePath.startsWith('/') && basePath.endsWith('/'), `basePath must start and end with "/": ${basePath}`);
  const root = path.resolve(distDir);
  await stat(path.join(root, 'index.html')).catch(() => {
    throw new Error(`${root}/index.html not found: run \`npx vite build\` before the e2e tests`);
  });

  const requested: string[] = [];
  const notFound: string[] = [];

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const reqPath = decodePath(req.url ?? '/');
    requested.push(reqPath ?? String(req.url));
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    if (reqPath === basePath.slice(0, -1)) {
      // `/app` -> `/app/`, as web servers do, so relative asset URLs resolve inside the base.
      res.writeHead(301, { Location: basePath }).end();
      return;
    }
    const published = dataDir !== undefined && reqPath !== null && reqPath.startsWith(`${basePath}data/`);
    const file =
      reqPath === null
        ? null
        : published
          ? resolveInside(path.resolve(dataDir), `${basePath}data/`, reqPath)
          : resolveInside(root, basePath, reqPath);
    const body = file === null ? null : await readFile(file).catch(() => null);
    if (file === null || body === null) {
      if (!isOptional(reqPath ?? '')) notFound.push(reqPath ?? String(req.url));
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': body.byteLength,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(String(err));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: origin + encodeURI(basePath),
    basePath,
    requested,
    notFound,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

function decodePath(rawUrl: string): string | null {
  try {
    return decodeURIComponent(new URL(rawUrl, 'http://localhost').pathname);
  } catch {
    return null;
  }
}

/** Maps a request path to a file under root, or null when it lies outside the base path or root. */
function resolveInside(root: string, basePath: string, reqPath: string): string | null {
  if (!reqPath.startsWith(basePath) || reqPath.includes('\0')) return null;
  let rel = reqPath.slice(basePath.length);
  if (rel === '' || rel.endsWith('/')) rel += 'index.html';
  const file = path.resolve(root, rel);
  return file.startsWith(root + path.sep) ? file : null;
}

/** Flags for this machine's closed network: without the background-networking ones Chromium keeps
 * trying to reach outside hosts. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Headless Chromium from the system package; one per test file, a fresh context per test. */
export async function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

export interface OpenAppOptions {
  viewport?: Viewport;
  /** Browser UI language; the product is zh-CN first. */
  locale?: string;
  /** Allow downloads (export tests). */
  acceptDownloads?: boolean;
}

export interface AppSession {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught page errors, as text. */
  consoleErrors: string[];
  /** Every request (including web sockets) whose origin is not the app server's. They are blocked. */
  offOriginRequests: string[];
  close(): Promise<void>;
}

/**
 * Opens `url` in a fresh browser context (own storage, so IndexedDB starts empty) and waits for
 * the load event. Requests leaving the origin of `url` are recorded and aborted, so a test can
 * neither pass because of nor hang on an outside server.
 */
export async function openApp(browser: Browser, url: string, options: OpenAppOptions = {}): Promise<AppSession> {
  const origin = new URL(url).origin;
  const context = await browser.newContext({
    viewport: options.viewport ?? VIEWPORTS.desktop,
    locale: options.locale ?? 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: options.acceptDownloads ?? true,
    serviceWorkers: 'block',
  });
  const consoleErrors: string[] = [];
  const offOriginRequests: string[] = [];
  const leavesOrigin = (target: string | URL): boolean => {
    const u = typeof target === 'string' ? new URL(target) : target;
    // data: and blob: URLs never touch the network; blob: URLs carry the creating page's origin.
    if (u.protocol === 'data:' || u.protocol === 'about:') return false;
    return u.origin !== origin;
  };

  context.on('request', (req) => {
    if (leavesOrigin(req.url())) offOriginRequests.push(`${req.method()} ${req.url()}`);
  });
  await context.route(leavesOrigin, (route) => route.abort('blockedbyclient'));
  // Popups and new tabs are watched too; the WeakSet keeps the first page from being watched twice.
  const watched = new WeakSet<Page>();
  const watch = (p: Page): void => {
    if (watched.has(p)) return;
    watched.add(p);
    watchPage(p, consoleErrors, offOriginRequests, leavesOrigin);
  };
  context.on('page', watch);

  const page = await context.newPage();
  watch(page);
  await page.goto(url, { waitUntil: 'load' });
  return { page, context, consoleErrors, offOriginRequests, close: () => context.close() };
}

function watchPage(page: Page, errors: string[], offOrigin: string[], leavesOrigin: (url: string) => boolean): void {
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const { url, lineNumber } = msg.location();
    if (isOptional(url) && msg.text().includes('404')) return;
    errors.push(url ? `${msg.text()} (${url}:${lineNumber})` : msg.text());
  });
  page.on('pageerror', (err) => errors.push(`uncaught: ${err.stack ?? err.message}`));
  page.on('websocket', (ws) => {
    if (leavesOrigin(ws.url())) offOrigin.push(`WS ${ws.url()}`);
  });
  page.on('worker', (worker) => {
    if (leavesOrigin(worker.url())) offOrigin.push(`WORKER ${worker.url()}`);
  });
}

/** Asserts the two promises every page makes: no console error and no request off its origin. */
export function assertClean(session: Pick<AppSession, 'consoleErrors' | 'offOriginRequests'>): void {
  assert.deepEqual(session.consoleErrors, [], `console errors:\n${session.consoleErrors.join('\n')}`);
  assert.deepEqual(
    session.offOriginRequests,
    [],
    `requests outside the origin:\n${session.offOriginRequests.join('\n')}`,
  );
}

/** Saves a full-page screenshot to test-results/screenshots/NAME.png and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  assert.match(name, /^[\w.-]+$/, `screenshot name must be a plain file name: ${name}`);
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export interface E2eEnv {
  server: StaticServer;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Server plus browser for one test file:
 *   let env: E2eEnv;
 *   before(async () => { env = await startEnv(); });
 *   after(() => env.close());
 *   test('...', async () => { const app = await openApp(env.browser, env.server.url); ... });
 */
export async function startEnv(basePath = '/app/'): Promise<E2eEnv> {
  const server = await startServer(DIST_DIR, basePath);
  try {
    const browser = await launchBrowser();
    return {
      server,
      browser,
      close: async () => {
        await browser.close();
        await server.close();
      },
    };
  } catch (err) {
    await server.close();
    throw err;
  }
}
