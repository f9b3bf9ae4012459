import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--headless','--no-sandbox','--disable-gpu','--enable-precise-memory-info','--js-flags=--expose-gc'] });
const ctx = await browser.newContext();
const page = await ctx.newPage();
await page.goto('data:text/html,<p>x</p>');
page.on('worker', (w) => console.log('worker', w.url()));
await page.evaluate(() => {
  const src = `let keep=[]; onmessage=(e)=>{ const t=performance.now(); while(performance.now()-t<3000){ keep.push(new Array(1000).fill(Math.random())); if(keep.length>20000) keep=[]; } postMessage('done '+typeof performance.memory + ' ' + typeof gc); };`;
  const w = new Worker(URL.createObjectURL(new Blob([src], {type:'text/javascript'})));
  (window as any).w = w;
  w.onmessage = (e) => console.log(e.data);
});
page.on('console', m => console.log('page:', m.text()));
const cdp = await browser.newBrowserCDPSession();
await new Promise(r => setTimeout(r, 300));
const { targetInfos } = await cdp.send('Target.getTargets') as any;
console.log(targetInfos.map((t: any) => t.type + ' ' + t.url.slice(0, 40)));
const workerT = targetInfos.find((t: any) => t.type === 'worker');
const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: workerT.targetId, flatten: false }) as any;
let id = 0; const pending = new Map<number, (v: any) => void>();
cdp.on('Target.receivedMessageFromTarget', (ev: any) => { const m = JSON.parse(ev.message); if (pending.has(m.id)) { pending.get(m.id)!(m); pending.delete(m.id); } });
const send = (method: string, params = {}) => new Promise<any>((res) => { const i = ++id; pending.set(i, res); void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: i, method, params }) }); });
await page.evaluate(() => (window as any).w.postMessage('go'));
for (let k = 0; k < 8; k++) { const t = Date.now(); const r = await send('Runtime.getHeapUsage'); console.log('heap', Math.round(r.result?.usedSize / 1e6), 'MB in', Date.now() - t, 'ms', JSON.stringify(r).slice(0, 80)); await new Promise(r => setTimeout(r, 300)); }
const pm = await page.evaluate(() => (performance as any).memory.usedJSHeapSize);
console.log('page heap', pm);
await browser.close();
