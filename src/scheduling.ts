// Work that may wait until the page has painted what the user is waiting for.

/** Resolves after the next frame has been painted (or soon, in a hidden tab, which paints none). */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(fallback);
      resolve();
    };
    const fallback = setTimeout(done, 100);
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(done, 0));
  });
}

/**
 * Calls `run` when the page is next idle (within `timeoutMs` at the latest); returns a cancel. In
 * a browser without requestIdleCallback (Safari), after a short timeout instead.
 */
export function whenIdle(run: () => void, timeoutMs = 1000): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(() => run(), { timeout: timeoutMs });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(run, 200);
  return () => clearTimeout(id);
}
