// The report worker's pdf.js worker (pdfjs.worker.ts): started on the first PDF, kept for the next
// ones, lent to the PDF reader, which runs pdf.js's worker code there (parsing, fonts, text
// extraction) and only its API and the layout in the report worker. Where no worker can be started
// (Node, in tests; a browser refusing nested workers), it fails to load or to say it is ready in
// time, or it fails during a read, the reader is lent none and pdf.js runs in the report worker
// itself, as before: the text read is the same. It ends with the report worker (a read cancelled).
import type { PdfWorkerPort, PdfWorkerSource } from '@/domain/document/pdf';

export interface PdfWorkerLike extends PdfWorkerPort {
  terminate(): void;
}

/** How long a started worker may take to load pdf.js and say it is ready. */
const READY_TIMEOUT_MS = 15_000;

export class PdfWorkerHost implements PdfWorkerSource {
  private ready: Promise<PdfWorkerLike | null> | null = null;
  private live: PdfWorkerLike | null = null;

  constructor(
    private readonly spawn: () => PdfWorkerLike | null,
    private readonly timeoutMs = READY_TIMEOUT_MS,
  ) {}

  port(): Promise<PdfWorkerLike | null> {
    this.ready ??= this.start();
    return this.ready;
  }

  failed(): void {
    this.terminate();
    this.ready = null;
  }

  /** Ends the worker, if one was started. */
  terminate(): void {
    this.live?.terminate();
    this.live = null;
  }

  private async start(): Promise<PdfWorkerLike | null> {
    let w: PdfWorkerLike | null = null;
    try {
      w = this.spawn();
    } catch {
      // A browser refusing the worker (its CSP, no nested workers) may throw here.
    }
    if (!w) return null;
    this.live = w;
    const ok = await readyOf(w, this.timeoutMs);
    if (ok && this.live === w) return w;
    if (this.live === w) this.terminate();
    return null;
  }
}

/** True once pdf.js's worker code says "ready"; false on the worker's error or at the timeout. */
function readyOf(w: PdfWorkerLike, timeoutMs: number): Promise<boolean> {
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
    const timer = setTimeout(() => done(false), timeoutMs);
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onError);
  });
}

/** pdf.js's worker, where this thread can start workers and the machine has a core to spare for it. */
export function startPdfjsWorker(): PdfWorkerLike | null {
  if (typeof Worker === 'undefined') return null;
  if ((globalThis.navigator?.hardwareConcurrency ?? 1) < 2) return null;
  return new Worker(new URL('./pdfjs.worker.ts', import.meta.url), { type: 'module' });
}
