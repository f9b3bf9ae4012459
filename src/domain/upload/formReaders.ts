// The document readers the upload plugs into the extractor for self-evaluation forms: a Word
// form (.docx, a table with merged cells) read by src/domain/document/docx.ts, loaded only when
// such a file comes in. A file it cannot read is an error of that file, not of the upload.
import type { ExtractOptions } from '@/domain/extract';
import { IssueError, problem } from '@/domain/issues';

export const FORM_READERS: NonNullable<ExtractOptions['readers']> = {
  docx: async (bytes) => {
    const { readDocx } = await import('@/domain/document/docx');
    const read = readDocx(bytes);
    if (!read.ok) throw new IssueError(problem('docx_unreadable', {}));
    return read.doc;
  },
};
