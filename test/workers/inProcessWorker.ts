// Stand-ins for the import and report Workers in tests: the real engines, with the Worker's
// message semantics (asynchronous delivery, structured cloning), in-process against fake-indexeddb.
import type { BudgetDb } from '@/db/database';
import { ImportEngine } from '@/workers/importEngine';
import { ReportEngine } from '@/workers/reportEngine';
import type { FromWorker, ToWorker } from '@/workers/protocol';
import type { FromReportWorker, ToReportWorker } from '@/workers/reportProtocol';
import type { WorkerLike } from '@/stores/import';
import type { ReportWorkerLike } from '@/stores/reportReview';

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

export class InProcessReportWorker implements ReportWorkerLike {
  onmessage: ((e: MessageEvent<FromReportWorker>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  readonly received: ToReportWorker[] = [];
  private readonly engine: ReportEngine;

  constructor(db: BudgetDb) {
    this.engine = new ReportEngine(db, (msg) => {
      const copy = structuredClone(msg);
      setTimeout(() => this.onmessage?.({ data: copy } as MessageEvent<FromReportWorker>), 0);
    });
  }

  postMessage(msg: ToReportWorker): void {
    this.received.push(msg);
    setTimeout(() => void this.engine.handle(msg), 0);
  }

  terminate(): void {}
}
