// Work written once as steps, run at once or a slice per task: the same result either way, and
// the pauses come when a slice has used its time.
import { describe, expect, it } from 'vitest';
import { nextTask, rangeSteps, runSteps, runStepsInSlices, type Steps } from '@/domain/steps';

function* sumSteps(values: readonly number[], log: string[]): Steps<number> {
  let total = 0;
  for (const v of values) {
    total += v;
    log.push(`step ${v}`);
    yield;
  }
  return total;
}

describe('steps', () => {
  it('runSteps runs every step and returns the result', () => {
    const log: string[] = [];
    expect(runSteps(sumSteps([1, 2, 3], log))).toBe(6);
    expect(log).toEqual(['step 1', 'step 2', 'step 3']);
  });

  it('runStepsInSlices pauses each time a slice has used its budget, and gives the same result', async () => {
    const log: string[] = [];
    // A clock that moves 5 ms per reading: with a budget of 8 ms, every second step ends a slice.
    let t = 0;
    const now = () => (t += 5);
    const result = await runStepsInSlices(sumSteps([1, 2, 3, 4], log), async () => void log.push('pause'), 8, now);
    expect(result).toBe(10);
    expect(log).toEqual(['step 1', 'step 2', 'pause', 'step 3', 'step 4', 'pause']);
  });

  it('runStepsInSlices does not pause while a slice has time left', async () => {
    const log: string[] = [];
    const result = await runStepsInSlices(
      sumSteps([1, 2, 3], log),
      async () => void log.push('pause'),
      1000,
      () => 0,
    );
    expect(result).toBe(6);
    expect(log).not.toContain('pause');
  });

  it('rangeSteps covers the whole length in ranges of the size, a step each', () => {
    const ranges: Array<[number, number]> = [];
    const steps = rangeSteps(10, 4, (from, to) => ranges.push([from, to]));
    let n = 0;
    while (!steps.next().done) n++;
    expect(ranges).toEqual([
      [0, 4],
      [4, 8],
      [8, 10],
    ]);
    expect(n).toBe(3);
    expect([...rangeSteps(0, 4, () => ranges.push([-1, -1]))]).toEqual([]);
  });

  it('nextTask resolves after the current task (a timer set before it has not necessarily run, microtasks have)', async () => {
    const order: string[] = [];
    const p = nextTask().then(() => order.push('next task'));
    void Promise.resolve().then(() => order.push('microtask'));
    await p;
    expect(order).toEqual(['microtask', 'next task']);
  });
});
