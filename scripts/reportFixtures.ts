// Regenerates the hand-written test reports under test/fixtures/reports/ from
// scripts/reportFixtures/fixtures.ts: .txt (UTF-8 and GB18030), .docx (WordprocessingML zipped
// with fflate) and .pdf (HTML printed by Chromium, with its text layer), and a scanned-like PDF
// that holds only a picture of text. `npm run fixtures:reports`
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { FIXTURES } from './reportFixtures/fixtures';
import { docxBytes } from './reportFixtures/writeDocx';
import { reportHtml } from './reportFixtures/writePdf';
import { txtBytes } from './reportFixtures/writeTxt';

const OUT = new URL('../test/fixtures/reports/', import.meta.url);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  try {
    const page = await browser.newPage();
    for (const f of FIXTURES) {
      let bytes: Uint8Array;
      let ext: string;
      if (f.format === 'txt' || f.format === 'txt-gb18030') {
        bytes = txtBytes(f.blocks, f.format === 'txt' ? 'utf-8' : 'gb18030');
        ext = 'txt';
      } else if (f.format === 'docx') {
        bytes = docxBytes(f.blocks);
        ext = 'docx';
      } else {
        await page.setContent(reportHtml(f.blocks));
        bytes = await page.pdf({ format: 'A4', margin: { top: '20mm', bottom: '20mm', left: '20mm', right: '20mm' } });
        ext = 'pdf';
      }
      writeFileSync(new URL(`${f.name}.${ext}`, OUT), bytes);
      console.log(`${f.name}.${ext}  ${bytes.length} bytes`);
    }
    // A "scan": the first page of a report as a picture only, no text layer.
    await page.setContent(reportHtml(FIXTURES[0]!.blocks.slice(0, 6)));
    const shot = await page.screenshot({ type: 'png', clip: { x: 0, y: 0, width: 700, height: 500 } });
    await page.setContent(
      `<!doctype html><html><body style="margin:0"><img style="width:170mm" src="data:image/png;base64,${Buffer.from(shot).toString('base64')}"></body></html>`,
    );
    const scan = await page.pdf({ format: 'A4' });
    writeFileSync(new URL('scanned-no-text.pdf', OUT), scan);
    console.log(`scanned-no-text.pdf  ${scan.length} bytes`);
  } finally {
    await browser.close();
  }
}

await main();
