// How figures are written on screen: amounts in 万元 with two decimals (亿元 from 10,000 万元 up),
// percentages and scores with two decimals, and '—' wherever a value is missing (never 0).

export type Lang = 'zh-CN' | 'en';

export const MISSING = '—';

/** 10,000 万元 = 1 亿元: from here on amounts are written in 亿元. */
export const YI_IN_WAN = 10_000;

const UNITS: Readonly<Record<Lang, { wan: string; yi: string; pp: string }>> = {
  'zh-CN': { wan: '万元', yi: '亿元', pp: '个百分点' },
  en: { wan: '×10k CNY', yi: '×100M CNY', pp: 'pp' },
};

function isMissing(v: number | null | undefined): v is null | undefined {
  return v === null || v === undefined || Number.isNaN(v);
}

/** Two decimals with thousands separators: 5333.85 -> '5,333.85'. */
export function fixed2(v: number): string {
  const s = Math.abs(v).toFixed(2);
  const [int = '0', frac = '00'] = s.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  // -0.001 rounds to 0.00: no minus sign on a zero.
  const negative = v < 0 && Number(s) !== 0;
  return `${negative ? '-' : ''}${grouped}.${frac}`;
}

/** An amount held in 万元: '5,333.85 万元', '1.23 亿元', '—'. */
export function formatAmount(v: number | null | undefined, lang: Lang = 'zh-CN'): string {
  if (isMissing(v)) return MISSING;
  const u = UNITS[lang];
  if (Math.abs(v) >= YI_IN_WAN) return `${fixed2(v / YI_IN_WAN)} ${u.yi}`;
  return `${fixed2(v)} ${u.wan}`;
}

/** An amount for a chart axis, whose unit is named once in the axis title: '5,333.85' or '1.23亿'. */
export function formatAxisAmount(v: number, lang: Lang = 'zh-CN'): string {
  if (Math.abs(v) >= YI_IN_WAN) {
    const n = v / YI_IN_WAN;
    return lang === 'zh-CN' ? `${trimZeros(n)}亿` : `${trimZeros(n)}×100M`;
  }
  return trimZeros(v);
}

function trimZeros(v: number): string {
  return fixed2(v).replace(/\.?0+$/, '');
}

/** Percentage points: 96.92 -> '96.92%'. */
export function formatPercent(v: number | null | undefined): string {
  return isMissing(v) ? MISSING : `${fixed2(v)}%`;
}

/** A score in points: 95.18 -> '95.18'. */
export function formatScore(v: number | null | undefined): string {
  return isMissing(v) ? MISSING : fixed2(v);
}

/** A change in percentage points, with its sign: 0.35 -> '+0.35 个百分点'. */
export function formatPointChange(v: number | null | undefined, lang: Lang = 'zh-CN'): string {
  if (isMissing(v)) return MISSING;
  const s = fixed2(v);
  const signed = s.startsWith('-') || Number(s.replace(/,/g, '')) === 0 ? s : `+${s}`;
  return `${signed} ${UNITS[lang].pp}`;
}

/** The unit word for 万元 in this language (axis titles, table headers). */
export function amountUnit(lang: Lang = 'zh-CN'): string {
  return UNITS[lang].wan;
}
