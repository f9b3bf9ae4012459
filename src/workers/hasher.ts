// The import worker's side of hash.worker.ts: the SHA-256 of a file, worked out on another thread
// while the file is parsed. Where no worker can be started (Node, in tests; a browser without
// nested workers) or the worker fails, the digest is worked out here instead, as parseFile does
// without a hasher: the answer is the same either way, only the thread differs.
import { sha256Hex } from '@/domain/hash';

export interface HashRequest {
  id: number;
  source: Blob | Uint8Array;
}

export type HashReply = { id: number; sha256: string } | { id: number; error: string };

export interface WorkerPort {
  postMessage(msg: HashRequest): void;
  onmessage: ((e: MessageEvent<HashReply>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

export class FileHasher {
  private worker: WorkerPort | null | undefined;
  private seq = 0;
  private readonly pending = new Map<number, (hex: string) => void>();

  constructor(private readonly spawn: () => WorkerPort | null) {}

  /** The SHA-256 (hex) of a file's bytes; `bytes` is read only when the digest is worked out here. */
  hash(source: Blob | Uint8Array, bytes: () => Promise<Uint8Array>): Promise<string> {
    const worker = this.port();
    if (!worker) return bytes().then(sha256Hex);
    const id = ++this.seq;
    return new Promise<string>((resolve) => {
      this.pending.set(id, resolve);
      worker.postMessage({ id, source });
    }).then((hex) => (hex === '' ? bytes().then(sha256Hex) : hex));
  }

  /** Starts the worker now (the warm-up), so that the first file does not wait for it. */
  start(): void {
    this.port();
  }

  private port(): WorkerPort | null {
    if (this.worker !== undefined) return this.worker;
    try {
      this.worker = this.spawn();
    } catch {
      this.worker = null;
    }
    if (this.worker) {
      this.worker.onmessage = (e) => this.settle(e.data.id, 'sha256' in e.data ? e.data.sha256 : '');
      // A worker that cannot run: every request waiting on it, and every later one, is hashed here.
      this.worker.onerror = (e) => {
        e.preventDefault?.();
        this.worker = null;
        for (const id of [...this.pending.keys()]) this.settle(id, '');
      };
    }
    return this.worker;
  }

  /** '' means: work it out here. */
  private settle(id: number, hex: string): void {
    const resolve = this.pending.get(id);
    this.pending.delete(id);
    resolve?.(hex);
  }
}

/** The hash worker, where this thread can start workers. */
export function startHashWorker(): WorkerPort | null {
  if (typeof Worker === 'undefined') return null;
  return new Worker(new URL('./hash.worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerPort;
}
