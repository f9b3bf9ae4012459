// Codes of the document readers (src/domain/document): why a report file cannot be read into a
// document. A reader never throws for a bad file; it returns one of these.
import type { IssueSpec } from '@/domain/issues';

export const DOCUMENT_ISSUES = {
  /** The bytes are not a Word .docx (not a zip, or no word/document.xml in it). */
  docx_not_docx: {},
  /** The .docx's XML could not be parsed. */
  docx_bad_xml: {},
  /** The bytes are not a PDF, or pdf.js could not open it (`detail`: pdf.js's own text). */
  pdf_unreadable: { detail: 'text' },
  pdf_encrypted: {},
  /** The PDF has no text layer (a scan): no OCR is done. */
  pdf_no_text: { pages: 'count' },
  /** A .txt file that is neither UTF-8 nor GB18030 text. */
  txt_not_text: {},
  /** The document holds no text at all. */
  document_empty: {},
  /** Not a report format the product reads (.docx, .pdf, .txt). */
  document_unsupported: { name: 'text' },
  /** A self-evaluation form (项目支出/部门整体支出绩效自评表) given as a report: it belongs to the data upload. */
  report_is_form: {},
  /** A CSV or workbook of the contract's tables given as a report: it belongs to the data upload. */
  report_is_table: {},
} as const satisfies IssueSpec;

declare module '@/domain/issues' {
  interface IssueAreas {
    document: typeof DOCUMENT_ISSUES;
  }
}
