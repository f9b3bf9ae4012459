import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from '../test/e2e/harness';
import { launchBenchBrowser, newBenchContext, openPageSession, startProfile, stopProfile, type CpuProfile } from '../scripts/bench/browser';
import { writeBureau } from '../scripts/bench/bureau';
import { waitChartsSettled, CHARTS_FINISHED } from '../scripts/bench/dashboard';

const view = process.argv[2] ?? 'overview';
const dir = mkdtempSync(path.join(tmpdir(), 'prof-'));
const files = writeBureau(dir, 150);
const server = await startServer('/tmp/dist-plain', '/b/', dir);
const browser = await launchBenchBrowser();
const ctx = await newBenchContext(browser, server.origin);
const page = await ctx.newPage();
await page.goto(`${server.url}#/${view}`);
await page.waitForFunction((n) => (document.querySelector('.filter-count')?.textContent ?? '').includes(String(n)), files.rows.records + 6, { timeout: 120000 });
await waitChartsSettled(page, 0, 800, 60000);
const session = await openPageSession(page);
await startProfile(session);
const times: number[] = [];
for (const v of ['2020', '2022', '', '2021', '2023', '', '2019', '2024']) {
  const r = await page.evaluate(({ v, mark }) => (window as any).__bench.filterChange('#filter-from', v, mark), { v, mark: CHARTS_FINISHED });
  times.push(Math.round(r.ms));
  await new Promise((r) => setTimeout(r, 200));
}
const p: CpuProfile = await stopProfile(session);
console.log('changes ms', times.join(' '));
// inclusive time per function
const nodes = new Map(p.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
p.samples!.forEach((s, i) => self.set(s, (self.get(s) ?? 0) + (p.timeDeltas![i] ?? 0)));
const incl = new Map<string, number>();
function walk(id: number, stack: Set<string>): number {
  const n = nodes.get(id)! as any;
  let t = self.get(id) ?? 0;
  const key = `${n.callFrame.functionName || '(anon)'}:${n.callFrame.lineNumber + 1}`;
  const fresh = !stack.has(key);
  if (fresh) stack.add(key);
  for (const c of n.children ?? []) t += walk(c, stack);
  if (fresh) { stack.delete(key); incl.set(key, (incl.get(key) ?? 0) + t); }
  return t;
}
walk(p.nodes[0]!.id, new Set());
const selfBy = new Map<string, number>();
for (const n of p.nodes as any[]) { const k = `${n.callFrame.functionName || '(anon)'}:${n.callFrame.lineNumber + 1}`; selfBy.set(k, (selfBy.get(k) ?? 0) + (self.get(n.id) ?? 0)); }
console.log('--- inclusive');
for (const [k, us] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 250)) console.log((us / 1000).toFixed(1).padStart(8), k);
console.log('--- self');
for (const [k, us] of [...selfBy].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log((us / 1000).toFixed(1).padStart(8), k);
const target = process.argv[3];
if (target) {
  const parent = new Map<number, number>();
  for (const n of p.nodes as any[]) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclOf = (id: number): number => { const n = nodes.get(id) as any; let t = self.get(id) ?? 0; for (const c of n.children ?? []) t += inclOf(c); return t; };
  const by = new Map<string, number>();
  for (const n of p.nodes as any[]) {
    const k = `${n.callFrame.functionName || '(anon)'}:${n.callFrame.lineNumber + 1}`;
    if (k !== target) continue;
    // chain of 4 ancestors
    let chain: string[] = []; let cur = parent.get(n.id);
    while (cur !== undefined && chain.length < 5) { const m = nodes.get(cur) as any; chain.push(`${m.callFrame.functionName || '(anon)'}:${m.callFrame.lineNumber + 1}`); cur = parent.get(cur); }
    const key = chain.join(' < ');
    by.set(key, (by.get(key) ?? 0) + inclOf(n.id));
  }
  console.log('--- callers of', target);
  for (const [k, us] of [...by].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log((us / 1000).toFixed(1).padStart(8), k);
}
await browser.close(); await server.close();
