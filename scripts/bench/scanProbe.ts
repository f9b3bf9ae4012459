// What a parser that reads cells from the file's bytes, without decoding it to text, would save:
// in headless Chromium, on a bench file, the file decoded as the parser decodes it, and the scans
// a parser makes (line breaks, delimiters and quotes, a hash over the cells) done once over the
// bytes and once over the decoded text. A byte parser saves the decoding and pays for scanning
// about twice as many units (a Chinese character is three bytes, one UTF-16 unit).
//
//   node --import tsx scripts/bench/scanProbe.ts [file=indicators-100k.csv]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { launchBenchBrowser } from './browser';
import { DATA_DIR, ensureBenchData } from './generate';

// The page's code as text: the helpers tsx adds to named functions do not exist in the page.
const PAGE_PROBE = String.raw`(b64) => {
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const text = new TextDecoder().decode(bytes);
  const out = { bytes: bytes.length, units: text.length };
  const time = (name, f) => {
    const ms = [];
    let sink = 0;
    for (let k = 0; k < 7; k++) {
      const t = performance.now();
      sink += f();
      ms.push(performance.now() - t);
    }
    ms.sort((a, b) => a - b);
    out[name] = Math.round(ms[3] * 10) / 10;
    if (sink === -1) out.never = 0;
  };
  const PIECE = 4 << 20;
  time('decode (strict, 4 MiB pieces)', () => {
    const d = new TextDecoder('utf-8', { fatal: true });
    let n = 0;
    for (let o = 0; o < bytes.length; o += PIECE) n += d.decode(bytes.subarray(o, o + PIECE), { stream: true }).length;
    return n + d.decode().length;
  });
  const lines = (find) => () => {
    let n = 0;
    for (let at = find(0); at !== -1; at = find(at + 1)) n++;
    return n;
  };
  time('line breaks, bytes (indexOf)', lines((from) => bytes.indexOf(10, from)));
  time('line breaks, text (indexOf)', lines((from) => text.indexOf('\n', from)));
  // Each scan written out for its own input: one loop shared by bytes and text through an accessor
  // is slower for both (its feedback sees two kinds of input), which is not what a parser pays.
  time('delimiters and quotes, bytes', () => {
    let n = 0;
    for (let i = 0; i < bytes.length; i++) {
      const c = bytes[i];
      if (c === 44 || c === 34 || c === 10) n++;
    }
    return n;
  });
  time('delimiters and quotes, text', () => {
    let n = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 44 || c === 34 || c === 10) n++;
    }
    return n;
  });
  time('hash of every unit, bytes', () => {
    let h = 0x811c9dc5;
    for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 16777619);
    return h;
  });
  time('hash of every unit, text', () => {
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
    return h;
  });
  return out;
}`;

const [file = 'indicators-100k.csv'] = process.argv.slice(2);
ensureBenchData();
const fileBytes = readFileSync(path.join(DATA_DIR, file));
// The file goes into the page as one string argument: a 119 MB file's is more than the page takes.
if (fileBytes.length > 32 * 1024 * 1024) throw new Error(`${file}: up to 32 MB (the 100,000-row file is 12 MB)`);
const base64 = fileBytes.toString('base64');
const browser = await launchBenchBrowser();
const page = await browser.newPage();
const result = (await page.evaluate(`(${PAGE_PROBE})(${JSON.stringify(base64)})`)) as Record<string, number>;
await browser.close();
console.log(`${file}: ${result['bytes']} bytes, ${result['units']} UTF-16 units once decoded; median of 7 runs, ms:`);
for (const [name, value] of Object.entries(result))
  if (name !== 'bytes' && name !== 'units') console.log(`  ${name.padEnd(32)} ${value}`);
