// A CPU profile cut down to the time the benchmark's clock ran: each filter change from its input
// event to the frame it was timed to. The profile's clock is not the page's, so each change is
// found by the 1 ms spin (`b.spinMark`, browser.ts) run just before its clock started: the last
// sample in the spin is the change's start.
import { profileTree, type CpuProfile } from './browser';
import { summarizeTrace, type TraceEvent } from './traceSummary';

export interface TimedChange {
  /** Page clock, ms. */
  t0: number;
  ms: number;
}

const SPIN = 'b.spinMark';
const CHANGE = 'b.filterChange';

/**
 * The profile with every sample outside the changes' windows given no time (its stack stays, so
 * the self- and total-time tables read as before); null when too few spins were sampled to align
 * the clocks.
 */
export function withinChanges(profile: CpuProfile, changes: readonly TimedChange[]): CpuProfile | null {
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const { byId, parent } = profileTree(profile);
  const nameOf = (id: number): string => byId.get(id)?.callFrame.functionName ?? '';
  // In the spin, or (once the optimiser has inlined it) in its clock read within filterChange.
  const inSpin = (id: number | undefined): boolean => {
    if (id === undefined) return false;
    const readsClock = nameOf(id) === 'now';
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const name = nameOf(cur);
      if (name === SPIN || (readsClock && name === CHANGE)) return true;
    }
    return false;
  };
  // Sample times (µs, the profile's clock) and the end of each run of samples in a spin.
  const times: number[] = [];
  const spinEnds: number[] = [];
  let t = profile.startTime;
  let spinning = false;
  for (let i = 0; i < samples.length; i++) {
    t += deltas[i] ?? 0;
    times.push(t);
    const s = inSpin(samples[i]);
    if (spinning && !s) spinEnds.push(times[i - 1]!);
    spinning = s;
  }
  if (spinning) spinEnds.push(t);
  // A sample without a stack (garbage collection, the VM's own work) can split one spin in two.
  for (let i = spinEnds.length - 1; i > 0; i--) if (spinEnds[i]! - spinEnds[i - 1]! < 1500) spinEnds.splice(i - 1, 1);
  // Both clocks are monotonic: one offset holds for the whole block. A spin can go unsampled, so
  // the offset is the one most spins agree on (to 0.5 ms), each spin paired with every change.
  let offset = NaN;
  let votes = 0;
  for (const s of spinEnds)
    for (const c of changes) {
      const d = s - c.t0 * 1000;
      let n = 0;
      for (const s2 of spinEnds) for (const c2 of changes) if (Math.abs(s2 - c2.t0 * 1000 - d) < 500) n++;
      if (n > votes) [offset, votes] = [d, n];
    }
  // Fewer than half the changes found: the profile cannot be trusted to be aligned.
  if (votes * 2 < changes.length) return null;
  const windows = changes.map((c) => [c.t0 * 1000 + offset, (c.t0 + c.ms) * 1000 + offset] as const);
  const kept = deltas.map((d, i) => {
    // A sample's delta is the time before it: it belongs to the window it ends in.
    const at = times[i]!;
    return windows.some(([a, b]) => at > a && at <= b) ? d : 0;
  });
  return { ...profile, timeDeltas: kept };
}

/** The mark the page sets as each change's clock starts (browser.ts, filterChange). */
const CHANGE_MARK = 'bench:change';

/**
 * The main thread's self time per trace event (script, style, layout, paint…) within the changes'
 * windows, summed over them, ms; null when the trace does not hold one mark per change.
 */
export function traceWithinChanges(
  events: readonly TraceEvent[],
  changes: readonly TimedChange[],
): Map<string, number> | null {
  const marks = events
    .filter((e) => e.name === CHANGE_MARK && e.cat.includes('blink.user_timing'))
    .map((e) => e.ts)
    .sort((a, b) => a - b);
  // A mark can be reported as a begin and an end event at one time.
  const starts = marks.filter((t, i) => i === 0 || t !== marks[i - 1]);
  if (starts.length !== changes.length) return null;
  const total = new Map<string, number>();
  changes.forEach((c, i) => {
    const from = starts[i]!;
    for (const x of summarizeTrace(events, { from, to: from + c.ms * 1000 }).selfMs)
      total.set(x.name, (total.get(x.name) ?? 0) + x.ms);
  });
  return total;
}

/**
 * Of a profile cut down to the changes (withinChanges), the main thread's time outside ECharts'
 * setOption, ms: what the app itself runs in a change (Vue, the option builders, the filters),
 * the part of the ratio the bare baseline does not have. Idle time and the spins are left out.
 */
export function appShareMs(profile: CpuProfile): number {
  const { byId, parent } = profileTree(profile);
  const outside = new Map<number, boolean>();
  const isOutside = (id: number): boolean => {
    const known = outside.get(id);
    if (known !== undefined) return known;
    const name = byId.get(id)?.callFrame.functionName ?? '';
    const up = parent.get(id);
    const own = name.endsWith('setOption') || name === SPIN || name === '(idle)' || name === '(program)';
    const r = own || (up !== undefined && isOutside(up));
    outside.set(id, r);
    return r;
  };
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let us = 0;
  for (let i = 0; i < samples.length; i++) if (!isOutside(samples[i]!)) us += deltas[i] ?? 0;
  return us / 1000;
}
