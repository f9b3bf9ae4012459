// One colour per agency across every chart of the app. Colours are handed out once per data
// version over all agencies in a fixed order (largest budget first, see useChartContext), so the
// agencies a chart shows by default (the largest) get distinct colours, and an agency keeps its
// colour whatever the filter, the chart or the view. Without such an order (a test, a builder
// called alone) the colour comes from a hash of the name: still the same in every chart.

/** Twelve colours that stay apart for common colour-vision deficiencies as far as twelve can. */
export const PALETTE = [
  '#2f6fb0',
  '#d9822b',
  '#2e9e6b',
  '#b83b5e',
  '#7a5cc2',
  '#8c7a2a',
  '#1b9aaa',
  '#c05f2f',
  '#5a6b7d',
  '#9c3fb5',
  '#4f8f2f',
  '#d4519a',
] as const;

export type AgencyColors = (agency: string) => string;

function hashIndex(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0) % PALETTE.length;
}

/** The colour of an agency when no order is known: a hash of its name. */
export const hashedColor: AgencyColors = (agency) => PALETTE[hashIndex(agency)]!;

/** Colours by position in `ordered` (each agency once); agencies not in it fall back to the hash. */
export function agencyColors(ordered: readonly string[]): AgencyColors {
  const at = new Map<string, string>();
  ordered.forEach((a, i) => at.set(a, PALETTE[i % PALETTE.length]!));
  return (agency) => at.get(agency) ?? hashedColor(agency);
}
