// The small words every part of the data page writes the same way: counts, lists, the
// contract's values (kinds, scopes, grades, categories) and field names, in the page's language.
// Pure functions over a translator, so that the views, the issue renderer and the command line
// share them (the views pass vue-i18n's `t`, the command line an i18n instance's).
import { SCHEMA } from '@/domain/schema';
import type { FindingKind, FundCategory, Grade, Kind, Scope } from '@/domain/types';
import { KINDS } from '@/domain/types';

/** vue-i18n's `t`, as these functions call it: named parameters, and a count for plural forms. */
export type Translate = (key: string, named?: Record<string, unknown>, plural?: number) => string;

/** A translator and the language it writes. */
export interface Words {
  t: Translate;
  locale: string;
}

/** Wraps vue-i18n's overloaded `t` (from useI18n or an i18n instance) as a Translate. */
export function wordsOf(
  t: (key: string, named: Record<string, unknown>, plural?: number) => string,
  locale: string,
): Words {
  return {
    t: (key, named = {}, plural) => (plural === undefined ? t(key, named) : t(key, named, plural)),
    locale,
  };
}

export function isChinese(locale: string): boolean {
  return locale.startsWith('zh');
}

/** Chinese characters and full-width punctuation. */
const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/;

export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

/** The `lang` of text from a file shown on a page in `locale`: 'zh' when it is Chinese on a page that is not. */
export function dataLang(text: string, locale: string): 'zh' | undefined {
  return !isChinese(locale) && hasCjk(text) ? 'zh' : undefined;
}

/** A count with thousands separators, as the locale writes them: 1120379 → '1,120,379'. */
export function count(n: number, locale: string): string {
  return n.toLocaleString(isChinese(locale) ? 'zh-CN' : 'en-US');
}

/** What separates the items of a list: 甲、乙 / a, b. */
export function listSeparator(locale: string): string {
  return isChinese(locale) ? '、' : ', ';
}

/** What joins a name and its value: 类别：明细 / Category: item. */
export function pairSeparator(locale: string): string {
  return isChinese(locale) ? '：' : ': ';
}

/** The brackets around an aside, as the language writes them: 甲（乙） / a (b). */
export function asideBrackets(locale: string): readonly [open: string, close: string] {
  return isChinese(locale) ? ['（', '）'] : [' (', ')'];
}

/** Items as the language lists them: 甲、乙 / a, b. */
export function listOf(items: readonly string[], locale: string): string {
  return items.join(listSeparator(locale));
}

export function kindWord(kind: Kind, w: Words): string {
  return w.t(`importer.kinds.${kind}`);
}

export function scopeWord(scope: Scope, w: Words): string {
  return w.t(`scope.${scope}`);
}

const GRADE_KEYS: Readonly<Record<Grade, string>> = { 优: 'excellent', 良: 'good', 中: 'fair', 差: 'poor' };

export function gradeWord(grade: Grade, w: Words): string {
  const key = GRADE_KEYS[grade];
  return key === undefined ? grade : w.t(`words.grade.${key}`);
}

export function categoryWord(category: FundCategory, w: Words): string {
  return w.t(`category.${category}`);
}

export function findingKindWord(kind: FindingKind, w: Words): string {
  return w.t(`findingKind.${kind}`);
}

function specOf(kind: Kind | null, field: string) {
  const kinds = kind === null ? KINDS : [kind, ...KINDS];
  for (const k of kinds) {
    const spec = SCHEMA[k].find((s) => s.name === field);
    if (spec) return { kind: k, spec };
  }
  return null;
}

/** A field's name in sentences: 全年预算数 / Full-year budget. Looked up in `kind`, else in the first kind that has it. */
export function fieldName(kind: Kind | null, field: string, w: Words): string {
  const found = specOf(kind, field);
  return found ? w.t(`fieldNames.${found.kind}.${field}`) : field;
}

/** A field's name as a table header: with the unit of amounts, 全年预算数（万元） / Full-year budget (CNY 10k). */
export function fieldLabel(kind: Kind, field: string, w: Words): string {
  const found = specOf(kind, field);
  if (!found) return field;
  const name = w.t(`fieldNames.${found.kind}.${field}`);
  return found.spec.type === 'amount' ? w.t('words.withUnit.amount', { name }) : name;
}
