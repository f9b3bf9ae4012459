// How figures are written, in one place: amounts in 万元 with two decimals (亿元 only where a
// whole card or axis is large, and then for every figure of it), percentages and scores with two
// decimals, changes with their sign, dates localised, and '—' wherever a value is missing (never
// 0). The number and date styles are Intl options, given to vue-i18n as `numberFormats` and
// `datetimeFormats` (so a template's `n()`/`d()` and the chart builders write the same), and read
// here for code that runs without Vue (option builders, CSV, tests).

import { round2 } from '@/domain/derive';

export type Lang = 'zh-CN' | 'en';

export const MISSING = '—';

/** 10,000 万元 = 1 亿元. */
export const YI_IN_WAN = 10_000;

export type AmountUnit = 'wan' | 'yi';

export const NUMBER_FORMATS = {
  'zh-CN': {
    fixed2: { style: 'decimal', minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: true },
    axis: { style: 'decimal', minimumFractionDigits: 0, maximumFractionDigits: 2, useGrouping: true },
    integer: { style: 'decimal', maximumFractionDigits: 0, useGrouping: true },
  },
  en: {
    fixed2: { style: 'decimal', minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: true },
    axis: { style: 'decimal', minimumFractionDigits: 0, maximumFractionDigits: 2, useGrouping: true },
    integer: { style: 'decimal', maximumFractionDigits: 0, useGrouping: true },
  },
} as const satisfies Record<Lang, Record<string, Intl.NumberFormatOptions>>;

export const DATETIME_FORMATS = {
  'zh-CN': {
    date: { year: 'numeric', month: 'long', day: 'numeric' },
    dateTime: { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false },
  },
  en: {
    date: { year: 'numeric', month: 'short', day: 'numeric' },
    dateTime: { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false },
  },
} as const satisfies Record<Lang, Record<string, Intl.DateTimeFormatOptions>>;

const UNITS: Readonly<Record<Lang, Record<AmountUnit | 'pp' | 'points', string>>> = {
  'zh-CN': { wan: '万元', yi: '亿元', pp: '个百分点', points: '分' },
  en: { wan: 'CNY 10k', yi: 'CNY 100M', pp: 'pp', points: 'pts' },
};

type NumberStyle = keyof (typeof NUMBER_FORMATS)['en'];
const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Lang, style: NumberStyle): Intl.NumberFormat {
  const key = `${lang}:${style}`;
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(lang, NUMBER_FORMATS[lang][style])));
  return f;
}

function isMissing(v: number | null | undefined): v is null | undefined {
  return v === null || v === undefined || Number.isNaN(v);
}

/**
 * Two decimals with thousands separators: 5333.85 → '5,333.85'; a value that rounds to zero has no
 * sign. Rounded by round2 first, so 86.545 is 86.55 however its double falls (Intl would round the
 * binary value, 86.5449…).
 */
export function fixed2(v: number, lang: Lang = 'zh-CN'): string {
  const s = numberFormat(lang, 'fixed2').format(round2(v));
  return /^-0(\.0+)?$/.test(s) ? s.slice(1) : s;
}

/** The word for a unit: 万元, 亿元, 个百分点, 分 (or the English). */
export function unitWord(unit: AmountUnit | 'pp' | 'points', lang: Lang = 'zh-CN'): string {
  return UNITS[lang][unit];
}

/** The unit a card or axis writes its amounts in: 亿元 once its largest figure reaches 10,000 万元 × 10 (10 亿元). */
export function amountUnitFor(values: Iterable<number | null | undefined>): AmountUnit {
  let max = 0;
  for (const v of values) if (!isMissing(v)) max = Math.max(max, Math.abs(v));
  return max >= 10 * YI_IN_WAN ? 'yi' : 'wan';
}

/** An amount held in 万元, as a number in `unit`. */
export function inUnit(v: number, unit: AmountUnit): number {
  return unit === 'yi' ? v / YI_IN_WAN : v;
}

/** An amount's figure alone in `unit` (the unit named once, in a label or header): '5,333.85'. */
export function formatAmountValue(
  v: number | null | undefined,
  lang: Lang = 'zh-CN',
  unit: AmountUnit = 'wan',
): string {
  return isMissing(v) ? MISSING : fixed2(inUnit(v, unit), lang);
}

/** An amount held in 万元, with its unit: '5,333.85 万元'; in 亿元 only when asked ('1.23 亿元'). */
export function formatAmount(v: number | null | undefined, lang: Lang = 'zh-CN', unit: AmountUnit = 'wan'): string {
  return isMissing(v) ? MISSING : `${fixed2(inUnit(v, unit), lang)} ${UNITS[lang][unit]}`;
}

/** A tick of an amount axis in the axis's unit (named in its title): '5,000', '2,500.5'. */
export function formatAxisNumber(v: number, lang: Lang = 'zh-CN'): string {
  return numberFormat(lang, 'axis').format(v);
}

/** Percentage points: 96.92 → '96.92%'. */
export function formatPercent(v: number | null | undefined, lang: Lang = 'zh-CN'): string {
  return isMissing(v) ? MISSING : `${fixed2(v, lang)}%`;
}

/** A score in points: 95.18 → '95.18'. */
export function formatScore(v: number | null | undefined, lang: Lang = 'zh-CN'): string {
  return isMissing(v) ? MISSING : fixed2(v, lang);
}

/** A whole number with separators: 1700 → '1,700'. */
export function formatInteger(v: number, lang: Lang = 'zh-CN'): string {
  return numberFormat(lang, 'integer').format(v);
}

function signed(v: number, lang: Lang): string {
  const s = fixed2(v, lang);
  return s.startsWith('-') || /^0(\.0+)?$/.test(s) ? s : `+${s}`;
}

/** A change in percentage points, with its sign: 0.35 → '+0.35 个百分点'. */
export function formatPointChange(v: number | null | undefined, lang: Lang = 'zh-CN'): string {
  return isMissing(v) ? MISSING : `${signed(v, lang)} ${UNITS[lang].pp}`;
}

/** A change of a score, with its sign: -15.2 → '-15.20 分'. */
export function formatScoreChange(v: number | null | undefined, lang: Lang = 'zh-CN'): string {
  return isMissing(v) ? MISSING : `${signed(v, lang)} ${UNITS[lang].points}`;
}

/** A change of an amount held in 万元, with its sign and the relative change: '+120.00 万元（+2.30%）'. */
export function formatAmountChange(
  from: number | null | undefined,
  to: number | null | undefined,
  lang: Lang = 'zh-CN',
  unit: AmountUnit = 'wan',
): string {
  if (isMissing(from) || isMissing(to)) return MISSING;
  const abs = `${signed(inUnit(to - from, unit), lang)} ${UNITS[lang][unit]}`;
  if (from === 0) return abs;
  const rel = `${signed(((to - from) / Math.abs(from)) * 100, lang)}%`;
  return lang === 'zh-CN' ? `${abs}（${rel}）` : `${abs} (${rel})`;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A date (or date and time) in the language's way, in the browser's time zone. */
export function formatDate(d: Date | number, lang: Lang = 'zh-CN', style: 'date' | 'dateTime' = 'date'): string {
  const key = `${lang}:${style}`;
  let f = dateFormats.get(key);
  if (!f) dateFormats.set(key, (f = new Intl.DateTimeFormat(lang, DATETIME_FORMATS[lang][style])));
  return f.format(d);
}

/** A span of years: '2019–2024', or the single year when it is one ('2022'). */
export function yearSpanText(from: number | undefined, to: number | undefined): string {
  if (from === undefined || to === undefined) return MISSING;
  return from === to ? String(from) : `${from}–${to}`;
}

/** A column header with its unit, with the language's brackets: '预算执行率（%）', 'Execution rate (%)'. */
export function withUnit(name: string, unit: string, lang: Lang = 'zh-CN'): string {
  return lang === 'zh-CN' ? `${name}（${unit}）` : `${name} (${unit})`;
}

/** Text in brackets after a name, with the language's brackets: '北京市贸促会（中国国际…）'. */
export function bracketed(text: string, lang: Lang = 'zh-CN'): string {
  return lang === 'zh-CN' ? `（${text}）` : ` (${text})`;
}
