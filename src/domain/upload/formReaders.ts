// The document readers the upload plugs into the extractor for self-evaluation forms: a Word
// form (.docx, a table with merged cells) read by src/domain/document/docx.ts, loaded only when
// such a file comes in. A file it cannot read is an error of that file (the reader's own code),
// not of the upload.
import type { ExtractOptions } from '@/domain/extract';

export const FORM_READERS: NonNullable<ExtractOptions['readers']> = {
  docx: async (bytes) => {
    const { readDocx } = await import('@/domain/document/docx');
    return readDocx(bytes);
  },
};
