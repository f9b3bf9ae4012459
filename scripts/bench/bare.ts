// The floor under a filter change: the options the app's charts were given, set on bare ECharts
// instances (no Vue, no app) of the same sizes in the same page, timed to the next frame.
//
// Every chart of the app dispatches 'echart-option' on its element after each setOption, with the
// option and the setOption flags (src/components/EChart.vue). The init script (browser.ts) keeps
// the last two per chart. After the app's change has been timed, replay() takes the charts given
// an option since the change began and, for each, two bare instances that already show the
// option before it (as the app's instances did): one is given the new option whole
// (`notMerge: true`, the plain way to draw a new picture), the other exactly what the app passed
// (its merge flags). Each is timed from its first setOption to the next frame; the bare charts
// are shown over the page, where the app's charts are, only while they draw. Each way draws with
// its own copy of ECharts: with one copy, the way drawn second found the text widths and label
// layouts of the same picture cached by the first, and drew it 2–4 ms faster than any first
// drawing, the app's included (3 December). The bare ECharts is the app's own selection of chart
// types and components (src/composables/echartsCore.ts) built on its own: the full distribution
// registers every component, and each setOption walks them all (measured: ≈ 15 % slower). It is
// served from the app's origin so that the page's CSP allows it.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { ROOT_DIR } from '../../test/e2e/harness';
import type { CpuClock } from './browser';
import { cpuSince } from './stats';

const BARE_PATH = '/__bench/echarts-bare.js';
const BARE_DIST = path.join(ROOT_DIR, 'bench-results', 'bare-dist');
const BARE_FILE = path.join(BARE_DIST, 'echarts-bare.js');
let built: Promise<void> | null = null;

/** ECharts with the app's modules, as one script that sets window.echarts. */
function buildBare(): Promise<void> {
  built ??= build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    // As the app's build has it: ECharts' development checks left out.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir: BARE_DIST,
      emptyOutDir: true,
      target: 'es2022',
      lib: {
        entry: path.join(ROOT_DIR, 'src', 'composables', 'echartsCore.ts'),
        name: 'echarts',
        formats: ['iife'],
        fileName: () => 'echarts-bare.js',
      },
    },
  }).then(() => {
    if (!existsSync(BARE_FILE)) throw new Error(`bare ECharts not built at ${BARE_FILE}`);
  });
  return built;
}

/** Serves the bare ECharts at BARE_PATH on the app's origin, for loadBareECharts. */
export async function serveBareECharts(context: BrowserContext, origin: string): Promise<void> {
  await buildBare();
  const body = readFileSync(BARE_FILE);
  // Any query (each copy is loaded under its own).
  await context.route(
    (url) => url.origin === origin && url.pathname === BARE_PATH,
    (r) => r.fulfill({ status: 200, contentType: 'text/javascript', body }),
  );
}

/**
 * Loads bare ECharts into the page (once per document), twice: one copy for each way of drawing,
 * so that neither finds the caches (text widths, label layouts) warmed by the other drawing the
 * same picture just before; each has drawn every earlier picture, as the app's copy has.
 */
export async function loadBareECharts(page: Page): Promise<void> {
  if (await page.evaluate(() => '__bareCopies' in window)) return;
  const origin = new URL(page.url()).origin;
  for (let i = 0; i < 2; i++) {
    await page.addScriptTag({ url: `${origin}${BARE_PATH}?copy=${i}` });
    await page.evaluate(() => {
      const w = window as unknown as { echarts: unknown; __bareCopies?: unknown[] };
      (w.__bareCopies ??= []).push(w.echarts);
    });
  }
}

export interface BareRun {
  /** The new options, each set whole (notMerge) on a bare instance: ms to the next frame. */
  notMerge: number;
  /** The same setOption calls the app made (its merge flags). */
  replay: number;
  /** Main-thread CPU time of each, when a CPU clock was given. */
  notMergeCpu?: number;
  replayCpu?: number;
  charts: number;
}

const MODES = ['notMerge', 'replay'] as const;
let turn = 0;

/**
 * The charts given an option at or after page time `t0`, replayed on bare instances; null if
 * none. The two ways take turns at going first, so that neither always meets a pending garbage
 * collection.
 */
export async function replayOnBare(page: Page, t0: number, cpu?: CpuClock): Promise<BareRun | null> {
  const charts = (await page.evaluate(`window.__bench.bareSetup(${t0})`)) as number;
  if (charts === 0) return null;
  const out: BareRun = { notMerge: 0, replay: 0, charts };
  const order = turn++ % 2 === 0 ? MODES : [...MODES].reverse();
  for (const mode of order) {
    const c0 = await cpu?.now();
    out[mode] = (await page.evaluate(`window.__bench.bareRun(${JSON.stringify(mode)})`)) as number;
    const c1 = await cpu?.now();
    if (c0 !== undefined && c1 !== undefined) out[`${mode}Cpu`] = cpuSince(c0, c1).thread;
  }
  await page.evaluate('window.__bench.bareDone()');
  return out;
}

/** The in-page part, added to the init script: records the options and replays them. */
export const BARE_INIT = `
  b.chartOptions = new Map();
  document.addEventListener('echart-option', (e) => {
    const list = b.chartOptions.get(e.target) || [];
    list.push({ t: performance.now(), option: e.detail.option, opts: e.detail.opts });
    if (list.length > 2) list.shift();
    b.chartOptions.set(e.target, list);
  }, true);
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  let jobs = [];
  b.bareSetup = async (t0) => {
    const copies = window.__bareCopies;
    if (!copies || copies.length < 2) throw new Error('bare ECharts not loaded');
    let host = document.getElementById('__bare');
    if (!host) {
      host = document.createElement('div');
      host.id = '__bare';
      host.style.cssText = 'position:fixed;left:0;top:0;z-index:2147483647;pointer-events:none;background:#fff;display:none;contain:strict;width:100vw;height:100vh';
      document.body.appendChild(host);
    }
    b.bareCharts = b.bareCharts || new Map();
    jobs = [];
    for (const [el, list] of b.chartOptions) {
      if (!el.isConnected) {
        b.chartOptions.delete(el);
        const pair = b.bareCharts.get(el);
        if (pair) { pair.notMerge.dispose(); pair.replay.dispose(); pair.divs.forEach((d) => d.remove()); b.bareCharts.delete(el); }
        continue;
      }
      const cur = list[list.length - 1];
      if (!cur || cur.t < t0) continue;
      const prev = list.length > 1 && list[0].t < t0 ? list[0] : null;
      jobs.push({ el, cur, prev });
    }
    if (jobs.length === 0) return 0;
    host.style.display = 'block';
    for (const j of jobs) {
      // Where the app's chart is on the screen, and its size: what is off-screen there is here too.
      const box = j.el.getBoundingClientRect();
      const w = j.el.clientWidth, h = j.el.clientHeight;
      let pair = b.bareCharts.get(j.el);
      if (!pair) {
        pair = { divs: [] };
        for (const mode of ['notMerge', 'replay']) {
          const div = document.createElement('div');
          host.appendChild(div);
          pair.divs.push(div);
          div.style.cssText = 'position:absolute;width:' + w + 'px;height:' + h + 'px';
          pair[mode] = copies[mode === 'notMerge' ? 0 : 1].init(div, null, { renderer: 'canvas', width: w, height: h });
          if (j.prev) pair[mode].setOption(j.prev.option, { notMerge: true });
        }
        b.bareCharts.set(j.el, pair);
      } else if (pair.notMerge.getWidth() !== w || pair.notMerge.getHeight() !== h) {
        for (const mode of ['notMerge', 'replay']) pair[mode].resize({ width: w, height: h });
      }
      for (const div of pair.divs) {
        div.style.left = box.left + 'px';
        div.style.top = box.top + 'px';
      }
    }
    await frame();
    await frame();
    return jobs.length;
  };
  b.bareRun = async (mode) => {
    const t = performance.now();
    for (const j of jobs) {
      const c = b.bareCharts.get(j.el)[mode];
      c.setOption(j.cur.option, mode === 'notMerge' ? { notMerge: true } : j.cur.opts);
    }
    await frame();
    const ms = performance.now() - t;
    await frame();
    return ms;
  };
  b.bareDone = () => {
    const host = document.getElementById('__bare');
    if (host) host.style.display = 'none';
  };
`;
