// Where a CPU profile's time went, by the source module each sample ran in: the unminified build
// (`npx vite build --minify false --outDir DIR`) keeps a `// node_modules/…` or `// src/…` comment
// at the start of every module it bundles, so a sample's line number names its module. Used by
// the bench's --profile runs and on its own:
//
//   node --import tsx scripts/bench/profileSummary.ts FILE.cpuprofile --dist DIR [--per N] [--top 30]
//
// --per N divides every figure by N (the number of filter changes or openings profiled).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { profileTree, type CpuProfile } from './browser';

/** Module starts per bundle file (line numbers, 1-based, sorted), read once. */
const bundles = new Map<string, { lines: number[]; names: string[] } | null>();

function bundleModules(dist: string, file: string): { lines: number[]; names: string[] } | null {
  const key = `${dist}/${file}`;
  if (bundles.has(key)) return bundles.get(key)!;
  const p = path.join(dist, 'assets', file);
  let out: { lines: number[]; names: string[] } | null = null;
  if (file !== '' && existsSync(p)) {
    out = { lines: [], names: [] };
    const text = readFileSync(p, 'utf8').split('\n');
    text.forEach((l, i) => {
      const m = /^\/\/ (?:\\0)?((?:node_modules|src)\/\S+|rolldown\/\S+|vite\/\S+)$/.exec(l);
      if (m) {
        out!.lines.push(i + 1);
        out!.names.push(m[1]!);
      }
    });
  }
  bundles.set(key, out);
  return out;
}

/** The group a module belongs to: a package (echarts by its lib folder), or the app's file. */
export function moduleGroup(module: string, depth = 2): string {
  const nm = /^node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(module);
  if (!nm) return module.replace(/\?vue&type=script.*$/, '');
  const pkg = nm[1]!;
  if (pkg === 'echarts' || pkg === 'zrender') {
    const parts = nm[2]!.split('/').filter((p) => p !== 'lib');
    return `${pkg}/${parts.slice(0, depth).join('/').replace(/\.js$/, '')}`;
  }
  return pkg;
}

function locate(dist: string, url: string, line: number): string {
  const file = url.split('/').pop() ?? '';
  const mods = bundleModules(dist, file);
  if (!mods || mods.lines.length === 0) return file || '(native)';
  let lo = 0;
  let hi = mods.lines.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (mods.lines[mid]! <= line) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found < 0 ? file : mods.names[found]!;
}

export interface ProfileSummary {
  /** Sampled time that was not idle, in ms (divided by `per`). */
  busyMs: number;
  groups: Array<{ name: string; ms: number }>;
  /** Inclusive time of app functions and a few library entry points. */
  totals: Array<{ fn: string; ms: number }>;
  selfTop: Array<{ fn: string; ms: number }>;
}

/**
 * Self time by module group; native functions (no URL: layout reads, canvas calls) and V8's own
 * entries ((program), (garbage collector)) by name. Inclusive time per function as well.
 */
export function summarizeProfile(
  profile: CpuProfile,
  dist: string,
  opts: { per?: number; top?: number; depth?: number } = {},
): ProfileSummary {
  const per = opts.per ?? 1;
  const top = opts.top ?? 30;
  const { byId, parent } = profileTree(profile);
  const self = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  // timeDeltas[i] is the time before sample i: the time sample i stands for is the next delta.
  for (let i = 0; i < samples.length; i++) {
    const d = deltas[i + 1] ?? 0;
    self.set(samples[i]!, (self.get(samples[i]!) ?? 0) + d);
  }
  const groups = new Map<string, number>();
  const selfFn = new Map<string, number>();
  let busy = 0;
  const nameOf = (id: number): { fn: string; group: string } => {
    const f = byId.get(id)!.callFrame;
    const fnName = f.functionName || '(anonymous)';
    if (f.url === '') return { fn: fnName, group: fnName.startsWith('(') ? fnName : `native ${fnName}` };
    const mod = locate(dist, f.url, f.lineNumber + 1);
    return { fn: `${fnName} ${moduleGroup(mod, 9)}:${f.lineNumber + 1}`, group: moduleGroup(mod, opts.depth ?? 2) };
  };
  for (const [id, us] of self) {
    const { fn, group } = nameOf(id);
    if (group === '(idle)') continue;
    busy += us;
    groups.set(group, (groups.get(group) ?? 0) + us);
    selfFn.set(fn, (selfFn.get(fn) ?? 0) + us);
  }
  // Inclusive: each sample once for every distinct function on its stack.
  const totals = new Map<string, number>();
  for (const [id, us] of self) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const { fn, group } = nameOf(at);
      if (group === '(idle)' || group === '(root)' || seen.has(fn)) continue;
      seen.add(fn);
      totals.set(fn, (totals.get(fn) ?? 0) + us);
    }
  }
  const ms = (us: number) => Math.round(us / per / 100) / 10;
  const sorted = (m: Map<string, number>, n: number) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, us]) => ({ name, ms: ms(us) }));
  return {
    busyMs: ms(busy),
    groups: sorted(groups, top),
    totals: sorted(totals, top * 2).map((g) => ({ fn: g.name, ms: g.ms })),
    selfTop: sorted(selfFn, top).map((g) => ({ fn: g.name, ms: g.ms })),
  };
}

export function printSummary(s: ProfileSummary, log: (l: string) => void, label: string): void {
  log(`  ${label}: ${s.busyMs} ms of CPU (not idle)`);
  log('    by module (self time):');
  for (const g of s.groups) log(`      ${String(g.ms).padStart(8)} ms  ${g.name}`);
  log('    by function (self time):');
  for (const g of s.selfTop) log(`      ${String(g.ms).padStart(8)} ms  ${g.fn}`);
  log('    by function (total time):');
  for (const g of s.totals) log(`      ${String(g.ms).padStart(8)} ms  ${g.fn}`);
}

/**
 * Where the time went in every CPU profile the bench saved (--profile), by module and function:
 * modules are named on an unminified build only (BENCH_DIST), else by bundle file.
 */
export function printProfiles(dir: string, dist: string, log: (l: string) => void): void {
  if (!existsSync(dir)) return;
  log(`where the time goes (CPU profiles in ${dir}${existsSync(dist) ? `, modules of ${dist}` : ''}):`);
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.cpuprofile'))) {
    const p = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as CpuProfile;
    printSummary(summarizeProfile(p, dist, { top: 15 }), log, f);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  const opt = (name: string): string | undefined => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const dist = path.resolve(opt('dist') ?? 'dist');
  const files = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
  if (files.length === 0 || !existsSync(path.join(dist, 'assets'))) {
    console.error('usage: profileSummary.ts FILE.cpuprofile [--dist DIR] [--per N] [--top N] [--depth N]');
    console.error(
      `  (no ${path.join(dist, 'assets')}: ${existsSync(dist) ? readdirSync(dist).join(', ') : 'missing'})`,
    );
    process.exit(1);
  }
  for (const f of files) {
    const p = JSON.parse(readFileSync(f, 'utf8')) as CpuProfile;
    const s = summarizeProfile(p, dist, {
      per: Number(opt('per') ?? 1),
      top: Number(opt('top') ?? 30),
      depth: Number(opt('depth') ?? 2),
    });
    printSummary(s, (l) => console.log(l), path.basename(f));
  }
}
