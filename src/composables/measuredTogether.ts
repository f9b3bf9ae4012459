// Elements measured together before anything is written to the page. Charts created in one
// update (the overview's three on a reload, a view's charts when it opens) each need their
// element's size; read one after another, with the previous chart's canvas inserted in between,
// every read lays out the whole page again (ECharts reads the size and the computed padding:
// 25–65 ms of a bureau reload, scripts/bench/probe.ts). Here the sizes of everything asked for in
// the same task are read in one go, after the update, and then each `start` runs. Where the
// element is on the screen is read in the same go (the layout is fresh by then, so it costs no
// second one): a chart below the fold can wait until it is scrolled to (nearViewport).
interface Job {
  element: HTMLElement;
  start: (width: number, height: number, near: boolean) => void;
}

const waiting: Job[] = [];

/**
 * How far outside the viewport (in pixels, above and below) a chart still counts as in view: it
 * is drawn before it is scrolled into sight, so the reader never meets an empty panel.
 */
export const VIEW_MARGIN = 100;

/** Whether a box lies within the viewport, widened by VIEW_MARGIN above and below. */
export function nearViewport(box: { top: number; bottom: number }, viewportHeight: number): boolean {
  return box.bottom > -VIEW_MARGIN && box.top < viewportHeight + VIEW_MARGIN;
}

function measureAll(): void {
  const jobs = waiting.splice(0);
  const height = window.innerHeight;
  const sizes = jobs.map(
    (j) =>
      [j.element.clientWidth, j.element.clientHeight, nearViewport(j.element.getBoundingClientRect(), height)] as const,
  );
  jobs.forEach((j, i) => j.start(...sizes[i]!));
}

/**
 * Calls `start` with the element's client size and whether it is near the viewport, in a
 * microtask shared with every other element asked for meanwhile.
 */
export function whenMeasured(
  element: HTMLElement,
  start: (width: number, height: number, near: boolean) => void,
): void {
  waiting.push({ element, start });
  if (waiting.length === 1) queueMicrotask(measureAll);
}
