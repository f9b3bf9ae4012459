// The PDF reader with a pdf.js worker of its own (the report worker lends one in the browser):
// pdf.js's worker code runs on a Node thread here (test/fixtures/pdfjsThread.mjs, DecompressionStream
// removed as in src/workers/pdfjs.worker.ts), and the documents read through it must be exactly
// those read with pdf.js in this thread; a worker that fails mid-read, or none, means this thread.
import { readFileSync } from 'node:fs';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { readPdf, type PdfWorkerPort, type PdfWorkerSource } from '@/domain/document/pdf';
import { CID_REPORT, cidFontPdf } from '../../fixtures/cidPdf';

const CMAPS = `${process.cwd()}/node_modules/pdfjs-dist/cmaps/`;
const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/reports/${name}`, import.meta.url)));
/** The benchmark's 45-page department report, printed by Chromium (Type3 fonts, ≈ 7,500 text items). */
const benchReport = (): Uint8Array =>
  new Uint8Array(readFileSync(new URL('../../../bench-results/report-45p.pdf', import.meta.url)));

const threads: Worker[] = [];
afterEach(async () => {
  await Promise.all(threads.splice(0).map((t) => t.terminate()));
});

/** A port to pdf.js's worker code on a thread of its own, counting the messages that come back. */
function pdfjsThread(): { port: MessagePort; lent: PdfWorkerPort; received: () => number } {
  const { port1, port2 } = new MessageChannel();
  threads.push(
    new Worker(new URL('../../fixtures/pdfjsThread.mjs', import.meta.url), {
      workerData: { port: port2 },
      transferList: [port2],
    }),
  );
  let n = 0;
  port1.addEventListener('message', () => n++);
  // Node's MessagePort takes the browser's messages and transfer lists; its types name its own.
  return { port: port1, lent: port1 as unknown as PdfWorkerPort, received: () => n };
}

function lend(port: PdfWorkerPort | null): PdfWorkerSource & { failures: number } {
  const source = {
    failures: 0,
    port: () => Promise.resolve(port),
    failed: () => {
      source.failures++;
    },
  };
  return source;
}

/** Forwards to a real port until `after` messages have come back, then fails as a dying worker does. */
class DyingPort extends EventTarget implements PdfWorkerPort {
  private seen = 0;
  constructor(
    private readonly inner: MessagePort,
    private readonly after: number,
  ) {
    super();
    inner.addEventListener('message', (e) => {
      if (++this.seen === this.after) {
        this.dispatchEvent(new Event('error', { cancelable: true }));
        return;
      }
      if (this.seen < this.after) this.dispatchEvent(new MessageEvent('message', { data: (e as MessageEvent).data }));
    });
  }
  postMessage(message: unknown, transfer: Transferable[]): void {
    if (this.seen < this.after) this.inner.postMessage(message, transfer as never);
  }
}

describe('pdf.js in a worker of its own', () => {
  it('reads the 45-page report exactly as pdf.js in this thread does', async () => {
    const bytes = benchReport();
    const thread = pdfjsThread();
    const inWorker = await readPdf(bytes, { worker: lend(thread.lent) });
    expect(thread.received()).toBeGreaterThan(45);
    const here = await readPdf(bytes);
    expect(here.ok).toBe(true);
    expect(JSON.stringify(inWorker)).toBe(JSON.stringify(here));
  }, 60_000);

  it('reads the fixtures exactly so too, a second document on the same worker, the CMaps fetched there', async () => {
    const thread = pdfjsThread();
    const source = lend(thread.lent);
    for (const [bytes, options] of [
      [fixture('chaoyang-2025-negotiation-pdf.pdf'), {}],
      [cidFontPdf(CID_REPORT), { cMapUrl: CMAPS }],
      [fixture('scanned-no-text.pdf'), {}],
    ] as const) {
      const before = thread.received();
      const inWorker = await readPdf(bytes, { ...options, worker: source });
      expect(thread.received()).toBeGreaterThan(before);
      expect(JSON.stringify(inWorker)).toBe(JSON.stringify(await readPdf(bytes, options)));
    }
    expect(source.failures).toBe(0);
  }, 60_000);

  it('a worker that fails during the read: the read is done in this thread, the same document, the worker reported', async () => {
    const bytes = fixture('chaoyang-2025-negotiation-pdf.pdf');
    const source = lend(new DyingPort(pdfjsThread().port, 6));
    const r = await readPdf(bytes, { worker: source });
    expect(source.failures).toBe(1);
    expect(JSON.stringify(r)).toBe(JSON.stringify(await readPdf(bytes)));
  }, 60_000);

  it('no worker to lend: pdf.js runs in this thread', async () => {
    const bytes = fixture('chaoyang-2025-negotiation-pdf.pdf');
    const source = lend(null);
    const r = await readPdf(bytes, { worker: source });
    expect(r.ok).toBe(true);
    expect(source.failures).toBe(0);
    expect(JSON.stringify(r)).toBe(JSON.stringify(await readPdf(bytes)));
  }, 60_000);
});
