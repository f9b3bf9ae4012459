import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { extractFile } from '@/domain/extract';
import { extractForms } from '@/domain/forms';
import { specTable } from '../../../scripts/fixtures/formModel';
import { caseRows } from '../../../scripts/fixtures/formCases';
import { DOCX_FIXTURES, sheetRows, WORKBOOK_FIXTURES, workbookBytes } from '../../../scripts/fixtures/forms';

const DIR = new URL('../../fixtures/forms/', import.meta.url);
const committed = async (file: string) => new Uint8Array(await readFile(new URL(file, DIR)));

describe('form fixtures', () => {
  it.each(WORKBOOK_FIXTURES.map((w) => [w.file, w] as const))('%s reads as its forms do as Tables', async (file, w) => {
    const fromFile = await extractFile(await committed(file), file, { year: 2021 });
    const visible = w.sheets.filter((s) => !s.hidden && s.forms.length > 0);
    const fromTables = extractForms(
      { format: 'xlsx', blocks: visible.map((s) => specTable(sheetRows(s.forms), { sheet: s.name })) },
      file,
      { year: 2021 },
    )!;
    expect(fromFile.errors).toEqual(fromTables.errors);
    expect(fromFile.records).toEqual(fromTables.records);
    expect(fromFile.indicators).toEqual(fromTables.indicators);
    expect(fromFile.funds).toEqual(fromTables.funds);
    expect(fromFile.evidence).toEqual(fromTables.evidence);
    // The workbook's own sheets that are no forms are named.
    for (const s of w.sheets.filter((x) => x.hidden))
      expect(fromFile.warnings).toContainEqual(
        expect.objectContaining({ code: 'sheet_hidden', params: { sheet: s.name } }),
      );
    for (const s of w.sheets.filter((x) => !x.hidden && x.forms.length === 0)) {
      expect(fromFile.warnings).toContainEqual(
        expect.objectContaining({ code: 'sheet_empty', params: { sheet: s.name } }),
      );
    }
  });

  it('the committed workbooks are what the script writes (regenerate with npm run fixtures:forms)', async () => {
    for (const w of WORKBOOK_FIXTURES) {
      const a = await extractFile(await committed(w.file), w.file, { year: 2021 });
      const b = await extractFile(workbookBytes(w), w.file, { year: 2021 });
      expect(a).toEqual(b);
    }
  });

  it.each(DOCX_FIXTURES.map((d) => [d.file, d] as const))(
    '%s is a Word table with gridSpan and vMerge merges',
    async (file, d) => {
      const xml = strFromU8(unzipSync(await committed(file))['word/document.xml']!);
      const rows = caseRows(d.form, false);
      expect((xml.match(/<w:tr>/g) ?? []).length).toBe(specTable(rows, { table: 1 }).grid.length);
      expect(xml).toContain('<w:gridSpan w:val="');
      expect(xml).toContain('<w:vMerge w:val="restart"/>');
      expect(xml).toContain('<w:vMerge/>');
      // Read by the .docx reader, the Word table gives the form's rows as the table model does
      // (the evidence differs: a Word table's cells have no sheet address).
      const r = await extractFile(await committed(file), file);
      const fromTable = extractForms({ format: 'docx', blocks: [specTable(rows, { table: 1 })] }, file)!;
      expect(r.errors).toEqual([]);
      expect(r.layout).toBe(fromTable.layout);
      expect(r.records).toEqual(fromTable.records);
      expect(r.indicators).toEqual(fromTable.indicators);
      expect(r.funds).toEqual(fromTable.funds);
    },
  );
});
