// A file given to the report review that is no evaluation report but data the upload reads: a
// self-evaluation form (.docx, or a workbook of forms) or a CSV/workbook of the contract's tables.
// The review does not extract it as a report; it says where the file belongs (a code), and the
// page offers to hand it to the upload.
import { workbookForms } from '@/domain/extract';
import type { ExtractLayout } from '@/domain/extract/types';
import { problem, type Problem } from '@/domain/issues';
import { workbookTables } from '@/domain/workbook/contractSheet';
import { workbookFormat } from '@/domain/workbook/format';
import { readWorkbook } from '@/domain/workbook/read';
import { sniffKind } from './sniff';

/** The codes that say a file belongs to the data upload, not to the report review. */
export const UPLOAD_FILE_CODES: ReadonlySet<string> = new Set(['report_is_form', 'report_is_table']);

/** Whether an extraction's layout is a self-evaluation form's. */
export function isFormLayout(layout: ExtractLayout): boolean {
  return layout === 'project_self_evaluation_form' || layout === 'department_self_evaluation_form';
}

/**
 * Why a file that the report readers do not read (a workbook, a CSV; or a .txt that is a CSV)
 * belongs to the upload; null when it is not the upload's either.
 */
export async function uploadFileProblem(bytes: Uint8Array, fileName: string): Promise<Problem | null> {
  if (workbookFormat(bytes, fileName) !== null) {
    const read = await readWorkbook(bytes, fileName);
    if (!read.ok) return null;
    // As the upload reads a workbook: its tables of the contract first, else its forms.
    if ((await workbookTables(read.workbook)).sheets.length > 0) return problem('report_is_table', {});
    const forms = await workbookForms(read.workbook, fileName);
    return forms.result !== null && isFormLayout(forms.result.layout) ? problem('report_is_form', {}) : null;
  }
  return sniffKind(bytes) === null ? null : problem('report_is_table', {});
}
