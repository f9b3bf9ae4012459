// Evaluation reports end to end on the production build: a .docx report read in the worker,
// reviewed beside its text (every figure marked, a field scrolls to its sentence), one value
// corrected, committed as ordinary batches and found on the record view; a PDF whose Chinese font
// is not embedded read with the app's own CMaps (no request off origin); a scanned PDF refused; a
// long PDF read by pdf.js in a worker of its own, which ends when the read is cancelled; a report
// that states no year asked for one, read again with it and committed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { assertClean, openApp, ROOT_DIR, saveScreenshot, startEnv, type E2eEnv } from './harness.ts';
import { CID_REPORT, cidFontPdf } from '../fixtures/cidPdf.ts';
import { reportBlocks } from '../../scripts/bench/reportBench.ts';
import { docxBytes } from '../../scripts/reportFixtures/writeDocx.ts';
import { reportHtml } from '../../scripts/reportFixtures/writePdf.ts';
import { noYearDocx } from '../fixtures/noYearReport.ts';

const REPORTS = path.join(ROOT_DIR, 'test', 'fixtures', 'reports');
const CCPIT = '中国国际贸易促进委员会北京市分会';

let env: E2eEnv;
let scratch: string;

before(async () => {
  env = await startEnv();
  scratch = await mkdtemp(path.join(tmpdir(), 'reports-e2e-'));
});

after(async () => {
  await env?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

function recordParam(agency: string, year: number, scope: 'department' | 'project', project: string): string {
  return Buffer.from([agency, year, scope, project].join('\u001f'), 'utf8').toString('base64url');
}

async function openData(page: Page): Promise<void> {
  await page.getByRole('link', { name: '数据管理' }).click();
  await page.getByTestId('report-import').waitFor({ timeout: 15_000 });
}

/** Picks a report and waits for its review (or its failure). */
async function pickReport(page: Page, file: string): Promise<void> {
  await page.getByTestId('report-input').setInputFiles(file);
  try {
    await page
      .locator('[data-testid="report-fields"], [data-testid="report-errors"], [data-testid="report-failure"]')
      .first()
      .waitFor({ timeout: 60_000 });
  } catch (err) {
    await saveScreenshot(page, 'reports-review-missing');
    throw err;
  }
}

function fieldRow(page: Page, kind: string, index: number, field: string) {
  return page.locator(`[data-row="${kind}:${index}"] tr[data-field="${field}"]`);
}

describe('reports', () => {
  test('a .docx report is reviewed beside its text, one value corrected, committed, and found on the record view', async () => {
    const app = await openApp(env.browser, env.server.url);
    const { page } = app;
    try {
      await openData(page);
      await pickReport(page, path.join(REPORTS, 'ccpit-2023-department-tables.docx'));
      const marks = page.locator('[data-testid="report-document"] mark');
      assert.ok((await marks.count()) > 10, 'figures are marked in the text');

      // A field selected: its sentence is marked active and scrolled into view.
      const budget = fieldRow(page, 'records', 0, 'budget');
      assert.match(await budget.getByTestId('field-value').innerText(), /5,?571\.00/);
      await budget.getByTestId('select-field').click();
      const active = page.locator('[data-testid="report-document"] mark.active');
      await active.first().waitFor();
      assert.match(await active.first().innerText(), /5,?571/);
      await page.waitForTimeout(600);
      assert.ok(await active.first().isVisible());
      const inView = await active.first().evaluate((el) => {
        const pane = el.closest('[data-testid="report-document"]')!.getBoundingClientRect();
        const r = el.getBoundingClientRect();
        return r.top >= pane.top && r.bottom <= pane.bottom;
      });
      assert.ok(inView, 'the selected figure is scrolled into the text pane');

      // Correct the score, with a reason: recorded as a correction.
      const score = fieldRow(page, 'records', 0, 'score');
      await score.getByTestId('select-field').click();
      await score.getByTestId('edit-field').click();
      await score.getByTestId('edit-value').fill('93.5');
      await score.getByTestId('edit-reason').fill('复核后更正');
      await score.getByTestId('edit-apply').click();
      await score.getByTestId('evidence-corrected').waitFor();
      assert.match(await score.getByTestId('field-value').innerText(), /93\.50/);
      await page.getByTestId('report-edits').waitFor();

      const commit = page.getByTestId('report-commit');
      await page.waitForFunction(() => {
        const b = document.querySelector<HTMLButtonElement>('[data-testid="report-commit"]');
        return b !== null && !b.disabled;
      });
      await commit.click();
      await page.getByTestId('report-result').waitFor({ timeout: 60_000 });
      await saveScreenshot(page, 'reports-committed');

      // The batches are in the history like any upload.
      await page.locator('[data-batch]').filter({ hasText: 'ccpit-2023-department-tables.docx' }).first().waitFor();

      await page.evaluate((p) => (location.hash = `#/record/${p}`), recordParam(CCPIT, 2023, 'department', ''));
      await page.locator('.record-view h1').first().waitFor();
      const text = await page.locator('.record-view').innerText();
      assert.match(text, /93\.50/);
      assert.match(text, /5,?571\.00/);
      // Each figure with its evidence; the corrected score says what it was read as, and why.
      const scoreEvidence = page.locator('.record-view td.evidence-cell[data-field="score"]');
      assert.match(await scoreEvidence.innerText(), /93\.2/);
      assert.match(await scoreEvidence.getByTestId('evidence-corrected').innerText(), /复核后更正/);
      assert.match(await page.locator('.record-view td.evidence-cell[data-field="budget"]').innerText(), /5,?571/);
      // The findings, the problems first (read with the record's indicators, after its figures).
      const findings = page.locator('[data-testid="record-findings"] [data-finding-kind]');
      await findings.first().waitFor();
      const kinds = await findings.evaluateAll((els) => els.map((e) => e.getAttribute('data-finding-kind')));
      assert.equal(kinds[0], 'problem');
      assert.ok(kinds.includes('recommendation'));
      await saveScreenshot(page, 'reports-record-view');
      // A record that really is absent still says so, once the data is current.
      await page.evaluate((p) => (location.hash = `#/record/${p}`), recordParam(CCPIT, 2031, 'department', ''));
      await page.getByTestId('record-not-found').waitFor();
      assert.equal(await page.getByTestId('record-loading').count(), 0);
      assertClean(app);
    } finally {
      await app.close();
    }
  });

  test('a PDF whose Chinese font is not embedded is read with the app’s own CMaps; a scanned PDF is refused', async () => {
    const app = await openApp(env.browser, env.server.url);
    const { page } = app;
    try {
      await openData(page);
      const cid = path.join(scratch, '文化馆绩效评价报告.pdf');
      await writeFile(cid, cidFontPdf(CID_REPORT));
      await pickReport(page, cid);
      assert.match(await fieldRow(page, 'records', 0, 'budget').getByTestId('field-value').innerText(), /100\.00/);
      assert.match(await fieldRow(page, 'records', 0, 'score').getByTestId('field-value').innerText(), /88\.50/);

      await pickReport(page, path.join(REPORTS, 'scanned-no-text.pdf'));
      const errors = page.getByTestId('report-errors');
      await errors.waitFor();
      assert.equal(await errors.locator('[data-code="pdf_no_text"]').count(), 1);
      assert.equal(await page.getByTestId('report-commit').isDisabled(), true);
      await saveScreenshot(page, 'reports-scanned');
      assertClean(app);
    } finally {
      await app.close();
    }
  });

  test('a long PDF is read by pdf.js in a worker of its own; cancelling a read ends that worker, the next read starts another', async () => {
    const printer = await env.browser.newPage();
    const long = path.join(scratch, '部门整体支出绩效评价报告.pdf');
    try {
      await printer.setContent(reportHtml(reportBlocks(8)));
      await writeFile(
        long,
        await printer.pdf({ format: 'A4', margin: { top: '20mm', bottom: '20mm', left: '20mm', right: '20mm' } }),
      );
    } finally {
      await printer.close();
    }
    const app = await openApp(env.browser, env.server.url);
    const { page } = app;
    const pdfjs: Worker[] = [];
    const ended = new Set<Worker>();
    page.on('worker', (w) => {
      if (!/pdfjs\.worker-/.test(w.url())) return;
      pdfjs.push(w);
      w.on('close', () => ended.add(w));
    });
    try {
      await openData(page);
      await pickReport(page, long);
      assert.equal(await page.getByTestId('report-errors').count(), 0);
      const blocks = Number(await page.getByTestId('report-document').getAttribute('data-block-count'));
      assert.ok(blocks > 300, `a long report (${blocks} blocks)`);
      assert.equal(pdfjs.length, 1, 'one pdf.js worker, started by the report worker');
      assert.equal(ended.size, 0);

      // Read it again and cancel while it is read: the report worker ends, and its pdf.js worker with it.
      await page.getByTestId('report-input').setInputFiles(long);
      await page.getByTestId('report-reading').getByRole('button').click();
      const until = Date.now() + 15_000;
      while (!ended.has(pdfjs[0]!) && Date.now() < until) await page.waitForTimeout(50);
      assert.ok(ended.has(pdfjs[0]!), 'the pdf.js worker ended with the cancelled read');
      assert.equal(await page.getByTestId('report-fields').count(), 0);

      await pickReport(page, long);
      assert.equal(pdfjs.length, 2, 'the next read starts a pdf.js worker of its own');
      assert.equal(Number(await page.getByTestId('report-document').getAttribute('data-block-count')), blocks);
      assertClean(app);
    } finally {
      await app.close();
    }
  });

  test('a report whose stated rate its own figures contradict: the figure kept is marked disputed in the review and on the record view', async () => {
    const app = await openApp(env.browser, env.server.url);
    const { page } = app;
    try {
      await openData(page);
      await pickReport(page, path.join(REPORTS, 'yuzhong-2022-contradicted-rate.txt'));
      const disputed = page.locator('[data-testid="report-fields"] tr.disputed');
      assert.ok((await disputed.count()) > 0, 'a disputed figure is marked in the review');
      const field = await disputed.first().getAttribute('data-field');
      await page.waitForFunction(() => {
        const b = document.querySelector<HTMLButtonElement>('[data-testid="report-commit"]');
        return b !== null && !b.disabled;
      });
      const heading = await page.locator('[data-row="records:0"] .row-head').innerText();
      const agency = heading.split(' · ')[0]!.trim();
      const year = Number(/\b(20\d\d)\b/.exec(heading)![1]);
      const project = heading
        .split(' · ')
        .slice(3)
        .join(' · ')
        .replace(/\s*不导入此行\s*$/, '')
        .trim();
      // Straight to the record the moment the commit is done: while the data catches up with the
      // commit the view says it is loading, never that the record is not there.
      await page.evaluate(
        (p) => {
          const w = window as unknown as { notFoundSeen: boolean; loadingSeen: boolean };
          w.notFoundSeen = false;
          w.loadingSeen = false;
          let gone = false;
          new MutationObserver(() => {
            if (!gone && document.querySelector('[data-testid="report-result"]')) {
              gone = true;
              location.hash = `#/record/${p}`;
            }
            if (document.querySelector('[data-testid="record-not-found"]')) w.notFoundSeen = true;
            if (document.querySelector('[data-testid="record-loading"]')) w.loadingSeen = true;
          }).observe(document.body, { childList: true, subtree: true });
        },
        recordParam(agency, year, project === '' ? 'department' : 'project', project),
      );
      await page.getByTestId('report-commit').click();
      const cell = page.locator(`.record-view td.evidence-cell[data-field="${field}"]`);
      await cell.waitFor({ timeout: 60_000 });
      const seen = await page.evaluate(() => {
        const w = window as unknown as { notFoundSeen: boolean; loadingSeen: boolean };
        return { notFoundSeen: w.notFoundSeen, loadingSeen: w.loadingSeen };
      });
      assert.equal(seen.notFoundSeen, false, 'no "not found" while the data catches up');
      assert.equal((await cell.getByTestId('evidence-disputed').count()) > 0, true);
      assertClean(app);
    } finally {
      await app.close();
    }
  });

  test('a disputed figure of the built-in dataset is a point whose tooltip says what else the report states', async () => {
    // 渝中区 2019: the report states its budget as 281.28 and, in section 四, as 282.28; the
    // execution rate rests on it, so its point in the score–execution scatter is disputed.
    const app = await openApp(env.browser, `${env.server.url}#/scores`);
    const { page } = app;
    try {
      const panel = page.locator('.chart-panel').filter({ hasText: '得分与执行率' }).first();
      const chart = panel.locator('.echart');
      await chart.waitFor({ timeout: 20_000 });
      await chart.scrollIntoViewIfNeeded();
      await page.waitForTimeout(500);
      const box = (await chart.boundingBox())!;
      let found = '';
      // Sweep the plot until a tooltip tells of a dispute (points are drawn where their values are).
      for (let y = box.y + 20; y < box.y + box.height - 20 && found === ''; y += 6) {
        for (let x = box.x + 40; x < box.x + box.width - 20 && found === ''; x += 6) {
          await page.mouse.move(x, y);
          const tip = await page.evaluate(() =>
            [...document.querySelectorAll('div')]
              .filter((d) => d.style.position === 'absolute' && d.style.display !== 'none')
              .map((d) => d.innerText)
              .find((t) => t.includes('有争议')),
          );
          if (tip) found = tip;
        }
      }
      assert.match(found, /渝中区招商局 2019/);
      assert.match(found, /全年预算数有争议：报告另载 282\.28/);
      assertClean(app);
    } finally {
      await app.close();
    }
  });
  test('a long report is drawn a window at a time: a field far down scrolls to its sentence, focus stays, printing draws it all', async () => {
    const app = await openApp(env.browser, env.server.url);
    const { page } = app;
    try {
      await openData(page);
      const long = path.join(scratch, '长篇部门整体支出绩效评价报告.docx');
      await writeFile(long, docxBytes(reportBlocks(6)));
      await pickReport(page, long);
      const doc = page.getByTestId('report-document');
      const blockCount = Number(await doc.getAttribute('data-block-count'));
      const drawn = () => doc.locator('[data-block]').count();
      assert.ok(blockCount > 300, `a long report (${blockCount} blocks)`);
      assert.ok((await drawn()) < blockCount / 4, 'only the blocks near the view are drawn');

      // The last row of the extraction (its list is drawn a window at a time too), then its first field.
      const fields = page.getByTestId('report-fields');
      await fields.evaluate((el) => (el.scrollTop = el.scrollHeight));
      await page.waitForTimeout(300);
      await fields.evaluate((el) => (el.scrollTop = el.scrollHeight));
      const lastRow = fields.locator('[data-row]').last();
      await lastRow.locator('[data-testid="select-field"]').first().click();
      const active = doc.locator('mark.active');
      await active.first().waitFor();
      await page.waitForTimeout(700);
      const where = await active.first().evaluate((el) => {
        const pane = el.closest('[data-testid="report-document"]')!;
        const p = pane.getBoundingClientRect();
        const r = el.getBoundingClientRect();
        return {
          inView: r.top >= p.top && r.bottom <= p.bottom,
          block: Number(el.closest('[data-block]')!.getAttribute('data-block')),
          scrolled: pane.scrollTop,
        };
      });
      assert.ok(where.inView, 'the selected figure is scrolled into the text pane');
      assert.ok(where.block > blockCount / 2, `its sentence is far down (block ${where.block} of ${blockCount})`);
      assert.ok(where.scrolled > 0);

      // Keyboard: a mark focused, Tab goes on through the marks; scrolled away, the focus stays.
      await active.first().focus();
      await page.keyboard.press('Tab');
      const focused = () =>
        page.evaluate(() => {
          const el = document.activeElement;
          return { mark: el?.tagName === 'MARK', inDoc: !!el?.closest('[data-testid="report-document"]') };
        });
      assert.deepEqual(await focused(), { mark: true, inDoc: true });
      await doc.evaluate((el) => (el.scrollTop = 0));
      await page.waitForTimeout(300);
      assert.deepEqual(await focused(), { mark: true, inDoc: true });

      // Find in the text (find-in-page sees only the blocks drawn): the sixth copy's headings, far down.
      await page.getByTestId('report-find-input').fill('（6）');
      await page.getByTestId('report-find-input').press('Enter');
      const found = doc.locator('.found [data-block]');
      await found.waitFor();
      await page.waitForTimeout(300);
      const foundAt = await found.evaluate((el) => {
        const p = el.closest('[data-testid="report-document"]')!.getBoundingClientRect();
        const r = el.getBoundingClientRect();
        return { inView: r.top >= p.top && r.top <= p.bottom, block: Number(el.getAttribute('data-block')) };
      });
      assert.ok(foundAt.inView, 'the block found is scrolled into the pane');
      assert.ok(foundAt.block > (blockCount * 2) / 3, `found far down (block ${foundAt.block} of ${blockCount})`);
      assert.ok(Number(await page.locator('[data-testid="report-find"] [data-found]').getAttribute('data-found')) > 1);

      // Printing draws every block (and every field row) in the normal flow.
      await page.emulateMedia({ media: 'print' });
      await page.waitForFunction(
        (n) => document.querySelectorAll('[data-testid="report-document"] [data-block]').length === n,
        blockCount,
      );
      await page.emulateMedia({ media: 'screen' });
      await page.waitForFunction(
        (n) => document.querySelectorAll('[data-testid="report-document"] [data-block]').length < n / 4,
        blockCount,
      );
      assertClean(app);
    } finally {
      await app.close();
    }
  });

  test('a Word self-evaluation form or a data table picked as a report says where it belongs and goes there', async () => {
    const app = await openApp(env.browser, env.server.url);
    const { page } = app;
    try {
      await openData(page);
      await pickReport(page, path.join(ROOT_DIR, 'test', 'fixtures', 'forms', 'project-national.docx'));
      const errors = page.getByTestId('report-errors');
      await errors.waitFor();
      assert.equal(await errors.locator('[data-code="report_is_form"]').count(), 1);
      assert.equal(await page.getByTestId('report-commit').isDisabled(), true);
      assert.equal(await page.getByTestId('report-document').count(), 0);
      await page.getByTestId('report-to-upload').click();
      // The upload reads it as a form: its preview, and the report review gone.
      await page.locator('[data-testid="forms-preview"] tr[data-form-file="project-national.docx"]').waitFor({
        timeout: 60_000,
      });
      assert.equal(await page.getByTestId('report-errors').count(), 0);
      await page.getByTestId('discard').click();

      await pickReport(page, path.join(ROOT_DIR, 'data', 'records.csv'));
      await errors.waitFor();
      assert.equal(await errors.locator('[data-code="report_is_table"]').count(), 1);
      await page.getByTestId('report-to-upload').click();
      await page.getByTestId('preview').waitFor({ timeout: 60_000 });
      assert.match(await page.getByTestId('preview').innerText(), /records\.csv/);
      assertClean(app);
    } finally {
      await app.close();
    }
  });

  test('a report that states no year is asked for it; read again with the year entered, it gives its record and commits', async () => {
    const app = await openApp(env.browser, env.server.url);
    const { page } = app;
    try {
      await openData(page);
      const file = path.join(scratch, '无年度评价报告.docx');
      await writeFile(file, noYearDocx());
      await pickReport(page, file);
      const ask = page.getByTestId('report-year-ask');
      await ask.waitFor();
      assert.match(await ask.innerText(), /报告未写明评价年度/);
      assert.equal(await page.getByTestId('report-errors').locator('[data-code="year_not_found"]').count(), 1);
      assert.equal(await page.getByTestId('report-commit').isDisabled(), true);

      await page.getByTestId('report-year').fill('2022');
      await page.getByTestId('report-year-apply').click();
      await page
        .locator('[data-testid="report-warnings"] [data-code="report_year_given"]')
        .waitFor({ timeout: 60_000 });
      assert.equal(await page.getByTestId('report-errors').count(), 0);
      assert.match(await ask.innerText(), /按 2022 年读取/);
      // The record is of the year given (read from no text: its identity says it, no field claims a sentence).
      assert.match(await page.locator('[data-row="records:0"]').first().innerText(), /2022/);
      await saveScreenshot(page, 'reports-year-given');
      await page.waitForFunction(() => {
        const b = document.querySelector<HTMLButtonElement>('[data-testid="report-commit"]');
        return b !== null && !b.disabled;
      });
      await page.getByTestId('report-commit').click();
      await page.getByTestId('report-result').waitFor({ timeout: 60_000 });
      await page.locator('[data-batch]').filter({ hasText: '无年度评价报告.docx' }).first().waitFor();
      assertClean(app);
    } finally {
      await app.close();
    }
  });

  test('a finding of one long sentence leaves the evidence beside it readable, at 1366 and 1024 px', async () => {
    const app = await openApp(env.browser, env.server.url);
    const { page } = app;
    try {
      await openData(page);
      const file = path.join(scratch, '社区服务提升项目绩效评价报告.txt');
      await writeFile(
        file,
        [
          '北京市测试戊中心',
          '2023年度社区服务提升项目绩效评价报告',
          '一、项目基本情况',
          '2023年项目调整后预算数为520.00万元，项目实际支出480.00万元。',
          '二、评价结论',
          '经综合评价，该项目评价得分为86.5分，评价等级为良。',
        ].join('\n'),
      );
      await pickReport(page, file);
      for (const width of [1366, 1024]) {
        await page.setViewportSize({ width, height: 768 });
        // The conclusion's text stood on one line and left its evidence a character or two wide.
        const narrowest = await page
          .locator('[data-testid="report-fields"] td.evidence')
          .evaluateAll((cells) => Math.min(...cells.map((c) => c.getBoundingClientRect().width)));
        assert.ok(narrowest >= 100, `evidence ${narrowest} px wide at ${width} px`);
      }
      await saveScreenshot(page, 'reports-long-finding-1024');
      assertClean(app);
    } finally {
      await app.close();
    }
  });
});
