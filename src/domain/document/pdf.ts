// PDF reports with a text layer, read with pdf.js (loaded on first use, so it never enters the
// page bundle): each page's positioned text is laid out into paragraphs and tables by
// ./pdfLayout. A PDF without text (a scan) is refused with its code: no OCR is done.
//
// Where the caller lends a pdf.js worker of its own (the report worker's nested worker), pdf.js's
// worker code (parsing, fonts, text extraction) runs there, on the machine's other core, and only
// its API and the layout run here. Without one (Node, tests, a browser that starts no nested
// worker), or when it fails, pdf.js runs its worker code in this thread, as it always did: the text
// items are the same either way.
import { readFailure, type ReadResult } from './readResult';
import { bodyFontSize, layoutPage, runningLines, type PdfTextItem } from './pdfLayout';
import { joinAcrossPages } from './pdfPageJoin';
import type { Block } from './types';

/** Fewer characters than this in the whole file: a scan, or a PDF of pictures. */
const MIN_TEXT_CHARS = 20;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loading: Promise<PdfJs> | null = null;
let inThread: Promise<void> | null = null;

/** pdf.js's API; `withWorkerCode`: also its worker code in this thread (we are in a worker or in Node already). */
async function loadPdfJs(withWorkerCode: boolean): Promise<PdfJs> {
  if (withWorkerCode) {
    inThread ??= (async () => {
      const g = globalThis as { pdfjsWorker?: unknown };
      g.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    })();
    await inThread;
  }
  loading ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return loading;
}

/** What pdf.js needs of a worker running its worker code: a Worker, or a MessagePort in tests. */
export interface PdfWorkerPort {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(type: 'message' | 'error', listener: (e: Event) => void): void;
  removeEventListener(type: 'message' | 'error', listener: (e: Event) => void): void;
}

/** The pdf.js worker a caller lends: a ready one, or null where none can run. */
export interface PdfWorkerSource {
  port(): Promise<PdfWorkerPort | null>;
  /** The worker failed during a read (its 'error' event): the caller drops it and starts afresh next time. */
  failed(): void;
}

export interface PdfOptions {
  /** Where pdf.js finds its CMaps (for PDFs whose CJK fonts are not embedded), ending in '/'. */
  cMapUrl?: string;
  standardFontDataUrl?: string;
  /**
   * Fetch them with `fetch` in this thread (a browser worker: pdf.js's page-side loader reads
   * `document`, which a worker has not); without, pdf.js picks its loader (files in Node).
   */
  fetchAssets?: boolean;
  /** A pdf.js worker of its own; without, pdf.js runs its worker code in this thread. */
  worker?: PdfWorkerSource;
}

interface RawItem {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
}

/** A worker was lost during the read (its 'error' event): the read is done again in this thread. */
class WorkerLost extends Error {}

function itemsOf(content: { items: unknown[] }): PdfTextItem[] {
  return (content.items as RawItem[]).flatMap((it) => {
    if (typeof it.str !== 'string' || !it.transform) return [];
    const [a = 0, b = 0, , , e = 0, f = 0] = it.transform;
    const size = Math.hypot(a, b) || it.height || 0;
    return [{ str: it.str, x: e, y: f, width: it.width ?? 0, size }];
  });
}

type PdfDoc = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
type PdfWorkerInstance = InstanceType<PdfJs['PDFWorker']>;

/** Opens the document; the failure codes a reader gives for a PDF that cannot be opened. */
async function open(
  pdfjs: PdfJs,
  bytes: Uint8Array,
  options: PdfOptions,
  worker?: PdfWorkerInstance,
): Promise<PdfDoc | ReadResult> {
  try {
    return await pdfjs.getDocument({
      // pdf.js takes ownership of the buffer it is given: hand it a copy.
      data: bytes.slice(),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
      ...(worker ? { worker } : {}),
      ...(options.cMapUrl ? { cMapUrl: options.cMapUrl, cMapPacked: true } : {}),
      ...(options.standardFontDataUrl ? { standardFontDataUrl: options.standardFontDataUrl } : {}),
      ...(options.fetchAssets ? { useWorkerFetch: true } : {}),
    }).promise;
  } catch (e) {
    const name = (e as { name?: string }).name ?? '';
    if (name === 'PasswordException') return readFailure('pdf_encrypted', {});
    return readFailure('pdf_unreadable', { detail: (e as Error).message ?? String(e) });
  }
}

const isDoc = (d: PdfDoc | ReadResult): d is PdfDoc => !('ok' in d);

/**
 * Every page's text items, in order. All pages are asked for at once: pdf.js's worker then goes
 * from one page to the next without waiting for this thread to take each answer in.
 */
async function extractPages(doc: PdfDoc): Promise<PdfTextItem[][]> {
  const one = async (p: number): Promise<PdfTextItem[]> => {
    const page = await doc.getPage(p);
    try {
      return itemsOf(await page.getTextContent());
    } finally {
      page.cleanup();
    }
  };
  return Promise.all(Array.from({ length: doc.numPages }, (_, i) => one(i + 1)));
}

/** Every page's text items, in this thread. */
async function readInThread(bytes: Uint8Array, options: PdfOptions): Promise<PdfTextItem[][] | ReadResult> {
  const pdfjs = await loadPdfJs(true);
  const doc = await open(pdfjs, bytes, options);
  if (!isDoc(doc)) return doc;
  try {
    return await extractPages(doc);
  } finally {
    await doc.destroy();
  }
}

// One PDFWorker per port for the life of the port (pdf.js allows no second one on a port).
const pdfWorkerOf = new WeakMap<PdfWorkerPort, PdfWorkerInstance>();

/** Every page's text items, pdf.js's worker code in the worker lent; null where there is none. */
async function readInWorker(bytes: Uint8Array, options: PdfOptions): Promise<PdfTextItem[][] | ReadResult | null> {
  if (!options.worker) return null;
  // pdf.js's API loads here while its worker code loads there (the first PDF only).
  const [port, pdfjs] = await Promise.all([options.worker.port(), loadPdfJs(false)]);
  if (!port) return null;
  // A worker that dies answers nothing more: its 'error' event ends the read, done again here.
  let onLost = (): void => {};
  const lost = new Promise<never>((_, reject) => {
    onLost = () => reject(new WorkerLost('pdf.js worker failed'));
  });
  lost.catch(() => {});
  port.addEventListener('error', onLost);
  let doc: PdfDoc | null = null;
  try {
    let worker = pdfWorkerOf.get(port);
    if (!worker) {
      worker = pdfjs.PDFWorker.create({ port: port as unknown as Worker, verbosity: 0 });
      pdfWorkerOf.set(port, worker);
    }
    const opened = await Promise.race([open(pdfjs, bytes, options, worker), lost]);
    if (!isDoc(opened)) return opened;
    doc = opened;
    return await Promise.race([extractPages(doc), lost]);
  } finally {
    port.removeEventListener('error', onLost);
    if (doc) await Promise.race([doc.destroy(), lost]).catch(() => {});
  }
}

export async function readPdf(bytes: Uint8Array, options: PdfOptions = {}): Promise<ReadResult> {
  if (!(bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46)) {
    return readFailure('pdf_unreadable', { detail: 'not a PDF' });
  }
  let pages: PdfTextItem[][] | ReadResult | null = null;
  try {
    pages = await readInWorker(bytes, options);
  } catch (e) {
    if (!(e instanceof WorkerLost)) throw e;
    options.worker?.failed();
  }
  pages ??= await readInThread(bytes, options);
  if (!Array.isArray(pages)) return pages;
  const chars = pages.reduce((n, items) => n + items.reduce((m, i) => m + i.str.trim().length, 0), 0);
  if (chars < MIN_TEXT_CHARS) return readFailure('pdf_no_text', { pages: pages.length });
  const body = bodyFontSize(pages.flat());
  const counters = { paragraph: 0, table: 0 };
  const running = runningLines(pages);
  const blocks: Block[] = joinAcrossPages(
    pages.flatMap((items, i) => layoutPage(items, i + 1, body, counters, running)),
  );
  return { ok: true, doc: { format: 'pdf', blocks, pages: pages.length } };
}
