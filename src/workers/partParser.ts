// The import worker's side of parse.worker.ts: a big UTF-8 file is read in two parts at once
// (parseFile's readSplit), the first here, the second in a worker of its own, so that both cores
// parse. Where no second worker can start (Node, in tests; a browser without nested workers) no
// part reader is given and the file is read here in one part; where it fails, the part is read
// here after the first (readSplit): the answer is the same either way, only the time differs.
import type { KnownRecord, PartReader, PartRequest, PartState } from '@/domain/parseFile';

export type PartMessage =
  | {
      type: 'part';
      id: number;
      source: Blob | Uint8Array;
      req: PartRequest;
      knownRecords: ReadonlyMap<string, KnownRecord>;
    }
  | { type: 'cancel'; id: number }
  | { type: 'warm' };

export type PartReply =
  | { type: 'progress'; id: number; bytes: number }
  | { type: 'done'; id: number; state: PartState }
  | { type: 'error'; id: number; message: string };

export interface PartPort {
  postMessage(msg: PartMessage): void;
  onmessage: ((e: MessageEvent<PartReply>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

interface Pending {
  resolve(state: PartState): void;
  reject(err: Error): void;
  onBytes(bytes: number): void;
}

export class PartParser {
  private worker: PartPort | null | undefined;
  private seq = 0;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly spawn: () => PartPort | null) {}

  /** Starts the worker and has it warm up (the import worker's warm-up), so that the first big file does not wait. */
  start(): void {
    this.port()?.postMessage({ type: 'warm' });
  }

  /** A reader of a later part of `source` in the parse worker, or undefined where there is none. */
  reader(source: Blob | Uint8Array, knownRecords: ReadonlyMap<string, KnownRecord>): PartReader | undefined {
    if (this.port() === null) return undefined;
    return (req, onBytes, signal) => {
      const worker = this.port();
      if (worker === null) return Promise.reject(new Error('no parse worker'));
      const id = ++this.seq;
      return new Promise<PartState>((resolve, reject) => {
        const cancel = () => {
          if (!this.pending.delete(id)) return;
          worker.postMessage({ type: 'cancel', id });
          reject(new Error('cancelled'));
        };
        if (signal.aborted) {
          reject(new Error('cancelled'));
          return;
        }
        signal.addEventListener('abort', cancel, { once: true });
        const done = () => signal.removeEventListener('abort', cancel);
        this.pending.set(id, {
          resolve: (s) => {
            done();
            resolve(s);
          },
          reject: (e) => {
            done();
            reject(e);
          },
          onBytes,
        });
        // A File crosses without its bytes; bytes in memory (tests, the built-in data) are copied.
        if (source instanceof Uint8Array) {
          const part = source.slice(req.start, req.end);
          const sent = { ...req, start: 0, end: part.length };
          worker.postMessage({ type: 'part', id, source: part, req: sent, knownRecords });
        } else worker.postMessage({ type: 'part', id, source, req, knownRecords });
      });
    };
  }

  private port(): PartPort | null {
    if (this.worker !== undefined) return this.worker;
    try {
      this.worker = this.spawn();
    } catch {
      this.worker = null;
    }
    const worker = this.worker;
    if (worker) {
      worker.onmessage = (e) => {
        const m = e.data;
        const p = this.pending.get(m.id);
        if (!p) return;
        if (m.type === 'progress') p.onBytes(m.bytes);
        else {
          this.pending.delete(m.id);
          if (m.type === 'done') p.resolve(m.state);
          else p.reject(new Error(m.message));
        }
      };
      // A worker that cannot run: the parts waiting on it are read here, and no later file is split.
      worker.onerror = (e) => {
        e.preventDefault?.();
        this.worker = null;
        for (const [id, p] of [...this.pending]) {
          this.pending.delete(id);
          p.reject(new Error('parse worker failed'));
        }
      };
    }
    return worker;
  }
}

/** The parse worker, where this thread can start workers and the machine has a second core for it. */
export function startParseWorker(): PartPort | null {
  if (typeof Worker === 'undefined') return null;
  if (typeof navigator !== 'undefined' && (navigator.hardwareConcurrency ?? 2) < 2) return null;
  return new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module' }) as unknown as PartPort;
}
