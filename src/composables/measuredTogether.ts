// Elements measured together before anything is written to the page. Charts created in one
// update (the overview's three on a reload, a view's charts when it opens) each need their
// element's size; read one after another, with the previous chart's canvas inserted in between,
// every read lays out the whole page again (ECharts reads the size and the computed padding:
// 25–65 ms of a bureau reload, scripts/bench/probe.ts). Here the sizes of everything asked for in
// the same task are read in one go, after the update, and then each `start` runs.
interface Job {
  element: HTMLElement;
  start: (width: number, height: number) => void;
}

const waiting: Job[] = [];

function measureAll(): void {
  const jobs = waiting.splice(0);
  const sizes = jobs.map((j) => [j.element.clientWidth, j.element.clientHeight] as const);
  jobs.forEach((j, i) => j.start(...sizes[i]!));
}

/** Calls `start` with the element's client size, in a microtask shared with every other element asked for meanwhile. */
export function whenMeasured(element: HTMLElement, start: (width: number, height: number) => void): void {
  waiting.push({ element, start });
  if (waiting.length === 1) queueMicrotask(measureAll);
}
