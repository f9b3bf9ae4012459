// The report worker's pdf.js worker: lent once pdf.js says it is ready, kept for the next PDF;
// none where it cannot start, fails before it is ready or is not ready in time (the reader then
// runs pdf.js in the report worker); a worker that failed during a read is ended and started afresh.
import { describe, expect, it } from 'vitest';
import { PdfWorkerHost, startPdfjsWorker, type PdfWorkerLike } from '@/workers/pdfWorker';

class FakeWorker extends EventTarget implements PdfWorkerLike {
  terminated = false;
  postMessage(): void {}
  terminate(): void {
    this.terminated = true;
  }
  ready(): void {
    this.dispatchEvent(new MessageEvent('message', { data: { sourceName: 'worker', action: 'ready' } }));
  }
  fail(): void {
    this.dispatchEvent(new Event('error', { cancelable: true }));
  }
}

function host(timeoutMs = 5_000): { host: PdfWorkerHost; started: FakeWorker[] } {
  const started: FakeWorker[] = [];
  const h = new PdfWorkerHost(() => {
    const w = new FakeWorker();
    started.push(w);
    return w;
  }, timeoutMs);
  return { host: h, started };
}

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

describe('PdfWorkerHost', () => {
  it('lends the worker once pdf.js says it is ready, and the same one for the next PDF', async () => {
    const { host: h, started } = host();
    const first = h.port();
    await tick();
    started[0]!.ready();
    expect(await first).toBe(started[0]);
    expect(await h.port()).toBe(started[0]);
    expect(started).toHaveLength(1);
  });

  it('lends none where no worker can start (Node, a browser refusing it)', async () => {
    expect(await new PdfWorkerHost(() => null).port()).toBeNull();
    const refusing = new PdfWorkerHost(() => {
      throw new Error('SecurityError');
    });
    expect(await refusing.port()).toBeNull();
    // In Node there is no Worker: the report engine's tests and the CLI read in their own thread.
    expect(startPdfjsWorker()).toBeNull();
  });

  it('lends none, and ends the worker, when it fails to load or is not ready in time', async () => {
    const failing = host();
    const p = failing.host.port();
    await tick();
    failing.started[0]!.fail();
    expect(await p).toBeNull();
    expect(failing.started[0]!.terminated).toBe(true);

    const slow = host(20);
    expect(await slow.host.port()).toBeNull();
    expect(slow.started[0]!.terminated).toBe(true);
  });

  it('a worker that failed during a read is ended; the next PDF starts a new one', async () => {
    const { host: h, started } = host();
    const p = h.port();
    await tick();
    started[0]!.ready();
    await p;
    h.failed();
    expect(started[0]!.terminated).toBe(true);
    const next = h.port();
    await tick();
    expect(started).toHaveLength(2);
    started[1]!.ready();
    expect(await next).toBe(started[1]);
    h.terminate();
    expect(started[1]!.terminated).toBe(true);
  });
});
