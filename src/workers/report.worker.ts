// The report worker: reads and extracts evaluation reports off the main thread (pdf.js's API runs
// here, its worker code in workers of its own, or here where they cannot run; its CMaps and fonts
// fetched from the app's own assets), and commits the reviewed rows through its own connection to
// the database. All logic is ReportEngine's.
import { openDb } from '@/db/database';
import { PdfWorkerPool, pdfWorkerCount, startPdfjsWorker } from './pdfWorkers';
import { ReportEngine } from './reportEngine';
import type { FromReportWorker, ToReportWorker } from './reportProtocol';

interface WorkerScope {
  postMessage(msg: FromReportWorker): void;
  onmessage: ((e: MessageEvent<ToReportWorker>) => void) | null;
}

const scope = self as unknown as WorkerScope;
// pdf.js's own workers, one per core: the pages of a PDF are shared among them (pdfWorkers.ts).
// They are ended with this worker when the page drops it (a read cancelled).
const pdfWorkers = new PdfWorkerPool(startPdfjsWorker, pdfWorkerCount());
const engine = new ReportEngine(openDb(), (msg) => scope.postMessage(msg), pdfWorkers);

scope.onmessage = (e) => {
  void engine.handle(e.data);
};
