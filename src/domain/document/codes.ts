// Why a file could not be read into a document: codes with parameters, put into words by
// src/i18n/report.*.ts. A reader never throws for a bad file; it returns one of these.
import type { DocumentModel } from './types';

export const DOCUMENT_ERROR_CODES = [
  /** The bytes are not a Word .docx (not a zip, or no word/document.xml in it). */
  'docx_not_docx',
  /** The .docx's XML could not be parsed. */
  'docx_bad_xml',
  /** The bytes are not a PDF, or pdf.js could not open it ({detail}). */
  'pdf_unreadable',
  /** The PDF is password-protected. */
  'pdf_encrypted',
  /** The PDF has no text layer (a scan): no OCR is done. {pages} */
  'pdf_no_text',
  /** A .txt file that is neither UTF-8 nor GB18030 text. */
  'txt_not_text',
  /** The document holds no text at all. */
  'document_empty',
  /** Not a report format the product reads (.docx, .pdf, .txt): {name}. */
  'document_unsupported',
] as const;

export type DocumentErrorCode = (typeof DOCUMENT_ERROR_CODES)[number];

export interface DocumentError {
  code: DocumentErrorCode;
  params: Readonly<Record<string, string | number>>;
}

export type ReadResult = { ok: true; doc: DocumentModel } | { ok: false; error: DocumentError };

export function readFailure(code: DocumentErrorCode, params: Record<string, string | number> = {}): ReadResult {
  return { ok: false, error: { code, params } };
}
