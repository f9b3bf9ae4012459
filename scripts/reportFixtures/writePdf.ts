// PDFs with a real text layer: the report as HTML, printed by the installed Chromium
// (playwright-core's page.pdf) with the machine's CJK fonts embedded. Merged cells are rowspan /
// colspan; cells align to the top, as reports set them.
import { placeCells, type SpecBlock } from './spec';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function reportHtml(blocks: readonly SpecBlock[]): string {
  let body = '';
  for (const b of blocks) {
    if ('h' in b) body += `<h${b.h}>${esc(b.text)}</h${b.h}>`;
    else if ('p' in b) body += `<p>${esc(b.p)}</p>`;
    else {
      const { cells } = placeCells(b.table);
      const rows = Math.max(...cells.map((c) => c.row + c.rowSpan));
      body += '<table>';
      for (let r = 0; r < rows; r++) {
        body += '<tr>';
        for (const c of cells.filter((x) => x.row === r).sort((a, b2) => a.col - b2.col)) {
          body += `<td${c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}${c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}>${esc(c.text)}</td>`;
        }
        body += '</tr>';
      }
      body += '</table>';
    }
  }
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
body { font-family: 'Noto Sans CJK SC', 'Noto Serif CJK SC', 'WenQuanYi Micro Hei', sans-serif; font-size: 14px; line-height: 1.6; margin: 0; }
h1 { font-size: 22px; text-align: center; margin: 0 0 12px; }
h2 { font-size: 17px; margin: 16px 0 8px; }
h3 { font-size: 15px; margin: 12px 0 6px; }
p { text-indent: 2em; margin: 0 0 6px; }
table { border-collapse: collapse; margin: 8px 0 12px; }
td { border: 1px solid #000; padding: 8px 10px; vertical-align: top; line-height: 1.25; }
</style></head><body>${body}</body></html>`;
}
