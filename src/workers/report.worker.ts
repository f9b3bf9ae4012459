// The report worker: reads and extracts evaluation reports off the main thread (pdf.js's API runs
// here, its worker code in workers of its own, or here where they cannot run; its CMaps and fonts
// fetched from the app's own assets), and commits the reviewed rows through its own connection to
// the database. All logic is ReportEngine's.
import { openDb } from '@/db/database';
import { PdfWorkerHost, startPdfjsWorker } from './pdfWorker';
import { ReportEngine } from './reportEngine';
import type { FromReportWorker, ToReportWorker } from './reportProtocol';

interface WorkerScope {
  postMessage(msg: FromReportWorker): void;
  onmessage: ((e: MessageEvent<ToReportWorker>) => void) | null;
}

const scope = self as unknown as WorkerScope;
// pdf.js's worker code in a worker of its own (pdfWorker.ts), ended with this worker when the page
// drops it (a read cancelled: nested workers end with the worker that started them).
const engine = new ReportEngine(openDb(), (msg) => scope.postMessage(msg), new PdfWorkerHost(startPdfjsWorker));

scope.onmessage = (e) => {
  void engine.handle(e.data);
};
