// The agency registry: official names, short display names, regions and aliases, so that every
// way a report or an analyst writes an agency's name maps to one agency.
import { normalizeLabel } from './normalize';

export interface Agency {
  /** Official full name: the canonical value stored in `agency`. */
  name: string;
  /** Short name for charts and tables. */
  short: string;
  region: string;
  aliases: readonly string[];
}

export const KNOWN_AGENCIES: readonly Agency[] = [
  {
    name: '北京市朝阳区投资促进服务中心',
    short: '朝阳区投促中心',
    region: '北京市朝阳区',
    aliases: ['朝阳区投资促进服务中心', '朝阳区投促中心', '朝阳投促中心', '北京市朝阳区投促中心'],
  },
  {
    name: '中国国际贸易促进委员会北京市分会',
    short: '北京市贸促会',
    region: '北京市',
    aliases: ['北京市贸促会', '北京贸促会', '贸促会北京市分会', '中国贸促会北京市分会'],
  },
  {
    name: '重庆市渝中区招商投资促进局',
    short: '渝中区招商局',
    region: '重庆市渝中区',
    aliases: ['渝中区招商投资促进局', '渝中区招商局', '渝中招商局', '重庆市渝中区招商局'],
  },
];

const byLabel = new Map<string, Agency>();
for (const a of KNOWN_AGENCIES) {
  for (const label of [a.name, a.short, ...a.aliases]) byLabel.set(normalizeLabel(label), a);
}

export function findAgency(written: string): Agency | undefined {
  return byLabel.get(normalizeLabel(written));
}

/** The canonical name to store: the official name of a known agency, else the name as written (trimmed). */
export function canonicalAgency(written: string): string {
  return findAgency(written)?.name ?? written.trim();
}

/** Short names asked for so far: the charts ask for each agency's on every redraw. */
const shortNames = new Map<string, string>();
const SHORT_NAMES_KEPT = 20_000;

/** The short name to show: a known agency's short name, else the stored name. */
export function agencyShortName(name: string): string {
  let short = shortNames.get(name);
  if (short === undefined) {
    if (shortNames.size >= SHORT_NAMES_KEPT) shortNames.clear();
    short = findAgency(name)?.short ?? name;
    shortNames.set(name, short);
  }
  return short;
}

/** The region of a known agency, or '' when the registry does not know it. */
export function agencyRegion(name: string): string {
  return findAgency(name)?.region ?? '';
}
