// A worker of pdf.js's own (its worker code, nothing of the app): the report worker starts two
// (pdfWorkers.ts) and shares a PDF's pages between them. pdf.js's worker code sets itself up on
// this worker's port when it loads, and says "ready" to the report worker.
import 'pdfjs-dist/legacy/build/pdf.worker.mjs';

delete (globalThis as { DecompressionStream?: unknown }).DecompressionStream;
