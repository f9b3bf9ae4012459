// One entry to the readers: a report file's bytes and name in, its document model (or the code
// of why it cannot be read) out. The format is told by the file's first bytes where they say it
// (a zip is .docx, `%PDF` is .pdf), else by its extension.
import { readFailure, type ReadResult } from './readResult';
import type { PdfOptions } from './pdf';
import { readTxt } from './txt';

export type ReportFormat = 'docx' | 'pdf' | 'txt';

export function reportFormatOf(bytes: Uint8Array, fileName: string): ReportFormat | null {
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return 'pdf';
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (bytes[0] === 0x50 && bytes[1] === 0x4b)
    return ext === 'docx' || ext === 'docm' || ext === undefined ? 'docx' : null;
  if (ext === 'txt' || ext === 'text' || ext === undefined) return 'txt';
  return null;
}

export async function readReportDocument(
  bytes: Uint8Array,
  fileName: string,
  pdf: PdfOptions = {},
): Promise<ReadResult> {
  const format = reportFormatOf(bytes, fileName);
  if (format === null) return readFailure('document_unsupported', { name: fileName });
  return readDocumentAs(format, bytes, pdf);
}

/** Reads the bytes as a document of the format already told. */
export async function readDocumentAs(
  format: ReportFormat,
  bytes: Uint8Array,
  pdf: PdfOptions = {},
): Promise<ReadResult> {
  switch (format) {
    case 'docx': {
      // fflate and the XML parser, and pdf.js below, are loaded only when such a file comes in.
      const { readDocx } = await import('./docx');
      return readDocx(bytes);
    }
    case 'pdf': {
      const { readPdf } = await import('./pdf');
      return readPdf(bytes, pdf);
    }
    case 'txt':
      return readTxt(bytes);
  }
}
