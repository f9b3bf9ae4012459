// The report worker: reads and extracts evaluation reports off the main thread (pdf.js runs here,
// its own worker code in this thread, its CMaps and fonts fetched from the app's own assets), and
// commits the reviewed rows through its own connection to the database. All logic is ReportEngine's.
import { openDb } from '@/db/database';
import { ReportEngine } from './reportEngine';
import type { FromReportWorker, ToReportWorker } from './reportProtocol';

interface WorkerScope {
  postMessage(msg: FromReportWorker): void;
  onmessage: ((e: MessageEvent<ToReportWorker>) => void) | null;
}

const scope = self as unknown as WorkerScope;
const engine = new ReportEngine(openDb(), (msg) => scope.postMessage(msg));

scope.onmessage = (e) => {
  void engine.handle(e.data);
};
