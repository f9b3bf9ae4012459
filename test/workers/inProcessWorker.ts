// A stand-in for the import Worker in tests: the real ImportEngine, with the Worker's message
// semantics (asynchronous delivery, structured cloning), in-process against fake-indexeddb.
import type { BudgetDb } from '@/db/database';
import { ImportEngine } from '@/workers/importEngine';
import type { FromWorker, ToWorker } from '@/workers/protocol';
import type { WorkerLike } from '@/stores/import';

export class InProcessWorker implements WorkerLike {
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  terminated = false;
  readonly received: ToWorker[] = [];
  private readonly engine: ImportEngine;

  constructor(db: BudgetDb) {
    this.engine = new ImportEngine(db, (msg) => {
      const copy = structuredClone(msg);
      setTimeout(() => {
        if (!this.terminated) this.onmessage?.({ data: copy } as MessageEvent<FromWorker>);
      }, 0);
    });
  }

  postMessage(msg: ToWorker): void {
    this.received.push(msg);
    setTimeout(() => void this.engine.handle(msg), 0);
  }

  terminate(): void {
    this.terminated = true;
  }
}
