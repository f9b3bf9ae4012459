// The import worker: reads, validates and commits uploaded files off the main thread, so the page
// stays responsive on a 100 MB file. All logic lives in ImportEngine; this file wires it to the
// worker's message port and its own connection to the database (Dexie works in workers, and its
// change broadcast tells the page's live queries about commits made here).
import { openDb } from '@/db/database';
import { FileHasher, startHashWorker } from './hasher';
import { ImportEngine } from './importEngine';
import { PartParser, startParseWorker } from './partParser';
import type { FromWorker, ToWorker } from './protocol';

interface WorkerScope {
  postMessage(msg: FromWorker): void;
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
}

const scope = self as unknown as WorkerScope;
const engine = new ImportEngine(openDb(), (msg) => scope.postMessage(msg), {
  hasher: new FileHasher(startHashWorker),
  parts: new PartParser(startParseWorker),
});

scope.onmessage = (e) => {
  // Messages are handled concurrently: a 'cancel' must reach a parse that is still running.
  void engine.handle(e.data);
};
