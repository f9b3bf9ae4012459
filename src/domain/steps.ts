// Work written once as a generator of steps, run either at once or a slice of steps per task.
// A check of a 20,000-row chunk is one piece of work for the import worker, but on the page it
// would hold the main thread for 30 ms and more; sliced, each task stays short.

/**
 * Resolves on a new macrotask. A resolved promise would only run microtasks, and a worker's
 * incoming messages (cancel) wait for a macrotask; setTimeout is clamped to 4 ms when nested.
 */
export function nextTask(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Work that yields between its steps and returns a T. */
export type Steps<T> = Generator<void, T, void>;

/** `each(from, to)` over [0, length) in ranges of `size`, a step per range. */
export function* rangeSteps(length: number, size: number, each: (from: number, to: number) => void): Steps<void> {
  for (let from = 0; from < length; from += size) {
    each(from, Math.min(length, from + size));
    yield;
  }
}

/** Runs every step now. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * Runs the steps, calling `pause` (e.g. a wait for the next task) whenever `budgetMs` have passed
 * since the last pause.
 */
export async function runStepsInSlices<T>(
  steps: Steps<T>,
  pause: () => Promise<void>,
  budgetMs = 8,
  now: () => number = () => performance.now(),
): Promise<T> {
  let since = now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (now() - since >= budgetMs) {
      await pause();
      since = now();
    }
  }
}
