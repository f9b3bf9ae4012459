// The report worker's pdf.js workers (pdfjs.worker.ts, one per core, two at most): started on the
// first PDF, kept for the next ones, lent to the PDF reader, which shares each PDF's pages among
// them. Where no worker can be started (Node, in tests; a browser refusing nested workers), one
// fails to load or to say it is ready in time, or one fails during a read, the reader is given
// none and pdf.js runs in the report worker itself, as before: the text read is the same.
import type { PdfWorkerPort, PdfWorkers } from '@/domain/document/pdf';

export interface PdfWorkerLike extends PdfWorkerPort {
  terminate(): void;
}

/** How long a started worker may take to load pdf.js and say it is ready. */
const READY_TIMEOUT_MS = 15_000;

export class PdfWorkerPool implements PdfWorkers {
  private ready: Promise<readonly PdfWorkerLike[] | null> | null = null;
  private live: PdfWorkerLike[] = [];

  constructor(
    private readonly spawn: () => PdfWorkerLike | null,
    private readonly count: number,
    private readonly timeoutMs = READY_TIMEOUT_MS,
  ) {}

  ports(): Promise<readonly PdfWorkerLike[] | null> {
    this.ready ??= this.start();
    return this.ready;
  }

  /** Starts the workers now, so that the first PDF does not wait for pdf.js to load in them. */
  warmUp(): void {
    void this.ports();
  }

  failed(): void {
    this.terminate();
    this.ready = null;
  }

  /** Ends every worker started (an extraction cancelled ends with its report worker). */
  terminate(): void {
    for (const w of this.live) w.terminate();
    this.live = [];
  }

  private async start(): Promise<readonly PdfWorkerLike[] | null> {
    if (this.count < 2) return null;
    const workers: PdfWorkerLike[] = [];
    try {
      for (let i = 0; i < this.count; i++) {
        const w = this.spawn();
        if (!w) break;
        workers.push(w);
      }
    } catch {
      // A browser refusing the worker (CSP, no nested workers) may throw here.
    }
    this.live = workers;
    if (workers.length < this.count) {
      this.terminate();
      return null;
    }
    const ok = await Promise.all(workers.map((w) => this.readyOf(w)));
    if (ok.every(Boolean) && this.live === workers) return workers;
    if (this.live === workers) this.terminate();
    return null;
  }

  /** True once pdf.js's worker code says "ready"; false on the worker's error or at the timeout. */
  private readyOf(w: PdfWorkerLike): Promise<boolean> {
    return new Promise<boolean>((resolve) => {
      const done = (ok: boolean): void => {
        clearTimeout(timer);
        w.removeEventListener('message', onMessage);
        w.removeEventListener('error', onError);
        resolve(ok);
      };
      const onMessage = (e: Event): void => {
        const data = (e as MessageEvent<{ action?: unknown } | null>).data;
        if (data?.action === 'ready') done(true);
      };
      const onError = (e: Event): void => {
        e.preventDefault();
        done(false);
      };
      const timer = setTimeout(() => done(false), this.timeoutMs);
      w.addEventListener('message', onMessage);
      w.addEventListener('error', onError);
    });
  }
}

/** How many pdf.js workers to start: one per core, two at most (none on a single core). */
export function pdfWorkerCount(): number {
  const cores = globalThis.navigator?.hardwareConcurrency ?? 1;
  return cores >= 2 ? 2 : 0;
}

/** A pdf.js worker, where this thread can start workers. */
export function startPdfjsWorker(): PdfWorkerLike | null {
  if (typeof Worker === 'undefined') return null;
  return new Worker(new URL('./pdfjs.worker.ts', import.meta.url), { type: 'module' });
}
