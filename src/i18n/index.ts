// vue-i18n set-up: zh-CN by default; the user's choice is remembered in this browser.
import { createI18n } from 'vue-i18n';
import { withFixedTexts } from './fixedTexts';
import { DATETIME_FORMATS, NUMBER_FORMATS } from './format';
import { LOCALES, messages, type Locale } from './messages';

const STORAGE_KEY = 'budget-dashboard.locale';

function initialLocale(): Locale {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (saved && (LOCALES as readonly string[]).includes(saved)) return saved as Locale;
  } catch {
    // Storage can be disabled; the default language is fine then.
  }
  return 'zh-CN';
}

export function createAppI18n(locale: Locale = initialLocale()) {
  const i18n = createI18n({
    legacy: false,
    locale,
    fallbackLocale: 'zh-CN',
    messages,
    numberFormats: NUMBER_FORMATS,
    datetimeFormats: DATETIME_FORMATS,
    missingWarn: false,
    fallbackWarn: false,
  });
  withFixedTexts(i18n.global);
  return i18n;
}

export function rememberLocale(locale: Locale): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // Not remembered; nothing else depends on it.
  }
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}
