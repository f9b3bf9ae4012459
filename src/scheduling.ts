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
