// A note of the unit of amounts inside a text — 单位：元, 金额单位：万元, （单位：亿元）, at the end of
// a longer line (`填报单位：某局　金额单位：元`) — as tables and forms state it once for all their
// amounts. `单位：元宝山区…` names an agency, not a unit: the unit must not run on into a word.
import { normalizeLabel } from './normalize';

// Longest units first, so that `万元` is not read as `元`.
const UNIT_NOTE = /单位:?(万元|亿元|千元|元)(?![\u3400-\u9fffa-z0-9])/g;

/** The units `text` notes, in order (usually none or one): 元, 万元, 千元 or 亿元. */
export function unitNotesIn(text: string): string[] {
  if (text.indexOf('单位') === -1) return [];
  return Array.from(normalizeLabel(text).matchAll(UNIT_NOTE), (m) => m[1]!);
}
