// pdf.js's worker code in a worker of its own, nothing of the app: the report worker starts it
// (pdfWorker.ts) and its PDF reader opens documents on it. pdf.js sets itself up on this worker's
// port when it loads and says "ready" to the report worker.
import 'pdfjs-dist/legacy/build/pdf.worker.mjs';

// Without DecompressionStream pdf.js inflates its streams with its own synchronous code. In this
// worker Chromium's DecompressionStream made the read slower (a PDF printed by Chromium has tens of
// thousands of small compressed glyph streams, each an asynchronous round of its own): see
// docs/benchmark.md, "Reports". The bytes inflated are the same.
delete (globalThis as { DecompressionStream?: unknown }).DecompressionStream;
