// PDF reports with a text layer, read with pdf.js (loaded on first use, so it never enters the
// page bundle): each page's positioned text is laid out into paragraphs and tables by
// ./pdfLayout. A PDF without text (a scan) is refused with its code: no OCR is done.
import { readFailure, type ReadResult } from './readResult';
import { bodyFontSize, joinAcrossPages, layoutPage, type PdfTextItem } from './pdfLayout';
import type { Block } from './types';

/** Fewer characters than this in the whole file: a scan, or a PDF of pictures. */
const MIN_TEXT_CHARS = 20;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loading: Promise<PdfJs> | null = null;

/** pdf.js with its worker code run in this thread (we are in a worker or in Node already). */
function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    const g = globalThis as { pdfjsWorker?: unknown };
    g.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return loading;
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
}

interface RawItem {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
}

export async function readPdf(bytes: Uint8Array, options: PdfOptions = {}): Promise<ReadResult> {
  if (!(bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46)) {
    return readFailure('pdf_unreadable', { detail: 'not a PDF' });
  }
  const pdfjs = await loadPdfJs();
  let doc;
  try {
    doc = await pdfjs.getDocument({
      // pdf.js takes ownership of the buffer it is given: hand it a copy.
      data: bytes.slice(),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
      ...(options.cMapUrl ? { cMapUrl: options.cMapUrl, cMapPacked: true } : {}),
      ...(options.standardFontDataUrl ? { standardFontDataUrl: options.standardFontDataUrl } : {}),
      ...(options.fetchAssets ? { useWorkerFetch: true } : {}),
    }).promise;
  } catch (e) {
    const name = (e as { name?: string }).name ?? '';
    if (name === 'PasswordException') return readFailure('pdf_encrypted', {});
    return readFailure('pdf_unreadable', { detail: (e as Error).message ?? String(e) });
  }
  try {
    const pages: PdfTextItem[][] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      pages.push(
        (content.items as RawItem[]).flatMap((it) => {
          if (typeof it.str !== 'string' || !it.transform) return [];
          const [a = 0, b = 0, , , e = 0, f = 0] = it.transform;
          const size = Math.hypot(a, b) || it.height || 0;
          return [{ str: it.str, x: e, y: f, width: it.width ?? 0, size }];
        }),
      );
      page.cleanup();
    }
    const chars = pages.reduce((n, items) => n + items.reduce((m, i) => m + i.str.trim().length, 0), 0);
    if (chars < MIN_TEXT_CHARS) return readFailure('pdf_no_text', { pages: doc.numPages });
    const body = bodyFontSize(pages.flat());
    const counters = { paragraph: 0, table: 0 };
    const blocks: Block[] = joinAcrossPages(pages.flatMap((items, i) => layoutPage(items, i + 1, body, counters)));
    return { ok: true, doc: { format: 'pdf', blocks, pages: doc.numPages } };
  } finally {
    await doc.destroy();
  }
}
