// A minimal WordprocessingML package written by hand (fflate zips it): heading styles with their
// outline levels, two numbered lists (`1.` and `（一）`) in numbering.xml, and tables with
// gridSpan and vMerge exactly as Word writes merged cells.
import { zipSync, strToU8 } from 'fflate';
import { placeCells, type SpecBlock } from './spec';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function runs(text: string): string {
  // Line breaks inside a paragraph or cell as <w:br/>, text in a few runs as Word splits them.
  return text
    .split('\n')
    .map((line, i) => `${i > 0 ? '<w:r><w:br/></w:r>' : ''}<w:r><w:t xml:space="preserve">${esc(line)}</w:t></w:r>`)
    .join('');
}

function paragraph(text: string, style?: string, numId?: number): string {
  const pPr = [
    style ? `<w:pStyle w:val="${style}"/>` : '',
    numId ? `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="${numId}"/></w:numPr>` : '',
  ].join('');
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${runs(text)}</w:p>`;
}

function table(rows: SpecBlock & { table: unknown }): string {
  const { cells, width } = placeCells((rows as { table: Parameters<typeof placeCells>[0] }).table);
  const height = Math.max(...cells.map((c) => c.row + c.rowSpan));
  let xml = `<w:tbl><w:tblPr><w:tblBorders><w:top w:val="single"/><w:bottom w:val="single"/><w:insideH w:val="single"/><w:insideV w:val="single"/></w:tblBorders></w:tblPr><w:tblGrid>${'<w:gridCol w:w="1200"/>'.repeat(width)}</w:tblGrid>`;
  for (let r = 0; r < height; r++) {
    xml += '<w:tr>';
    for (let c = 0; c < width;) {
      const own = cells.find((x) => x.row === r && x.col === c);
      const above = cells.find((x) => x.row < r && x.row + x.rowSpan > r && x.col === c);
      const cell = own ?? above;
      if (!cell) {
        c++;
        continue;
      }
      const span = cell.colSpan > 1 ? `<w:gridSpan w:val="${cell.colSpan}"/>` : '';
      const merge = cell.rowSpan > 1 ? (own ? '<w:vMerge w:val="restart"/>' : '<w:vMerge/>') : '';
      xml += `<w:tc><w:tcPr>${span}${merge}</w:tcPr>${
        own
          ? cell.text
              .split('\n')
              .map((t) => paragraph(t))
              .join('')
          : '<w:p/>'
      }</w:tc>`;
      c += cell.colSpan;
    }
    xml += '</w:tr>';
  }
  return `${xml}</w:tbl>`;
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles ${W}>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>
</w:styles>`;

const NUMBERING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering ${W}>
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%1）"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>`;

export function docxBytes(blocks: readonly SpecBlock[]): Uint8Array {
  // Each run of numbered paragraphs is its own list instance, restarting at 1.
  let body = '';
  let lists = 2;
  let extraNums = '';
  let prevList: string | undefined;
  let numId = 0;
  for (const b of blocks) {
    if ('h' in b) body += paragraph(b.text, b.h === 1 && body === '' ? 'Title' : `Heading${b.h}`);
    else if ('p' in b) {
      if (b.list && b.list !== prevList) {
        numId = ++lists;
        extraNums += `<w:num w:numId="${numId}"><w:abstractNumId w:val="${b.list === 'decimal' ? 0 : 1}"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>`;
      }
      prevList = b.list;
      body += paragraph(b.p, undefined, b.list ? numId : undefined);
    } else {
      prevList = undefined;
      body += table(b);
    }
  }
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`;
  return zipSync(
    {
      '[Content_Types].xml': strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>',
      ),
      '_rels/.rels': strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ),
      'word/_rels/document.xml.rels': strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>',
      ),
      'word/document.xml': strToU8(document),
      'word/styles.xml': strToU8(STYLES),
      'word/numbering.xml': strToU8(NUMBERING.replace('</w:numbering>', `${extraNums}</w:numbering>`)),
    },
    { mtime: new Date('2025-01-01T00:00:00Z') },
  );
}
