import { describe, expect, test } from 'vitest';
import { computed } from 'vue';
import { createI18n } from 'vue-i18n';
import { createAppI18n } from '@/i18n';
import { LOCALES, messages } from '@/i18n/messages';

/** Every message key of a nested message object, dotted. */
function keysOf(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    v !== null && typeof v === 'object' ? keysOf(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

/** vue-i18n on its own, with the app's messages: what every text must read as. */
function plainI18n() {
  return createI18n({ legacy: false, locale: 'zh-CN', fallbackLocale: 'zh-CN', messages, missingWarn: false });
}

describe('fixed texts translated once per language', () => {
  test('every message reads as vue-i18n gives it, in both languages and back again', () => {
    const app = createAppI18n('zh-CN').global;
    const plain = plainI18n().global;
    const keys = keysOf(messages['zh-CN']);
    expect(keys.length).toBeGreaterThan(500);
    for (const locale of [...LOCALES, 'zh-CN' as const]) {
      app.locale.value = locale;
      plain.locale.value = locale;
      for (const key of keys) expect(app.t(key), `${locale} ${key}`).toBe(plain.t(key));
    }
  });

  test('what reads a text follows the language switch', () => {
    const i18n = createAppI18n('zh-CN').global;
    const title = computed(() => i18n.t('app.title'));
    expect(title.value).toBe(messages['zh-CN'].app.title);
    i18n.locale.value = 'en';
    expect(title.value).toBe(messages.en.app.title);
    i18n.locale.value = 'zh-CN';
    expect(title.value).toBe(messages['zh-CN'].app.title);
    // Both now come from the cache: the language is still followed.
    i18n.locale.value = 'en';
    expect(title.value).toBe(messages.en.app.title);
  });

  test('texts with parameters and plural forms are formatted on each call', () => {
    const i18n = createAppI18n('en').global;
    expect(i18n.t('execution.belowN', { value: '80.00%' })).toBe('Records below the threshold (< 80.00%)');
    expect(i18n.t('execution.belowN', { value: '90.00%' })).toBe('Records below the threshold (< 90.00%)');
    expect(i18n.t('filter.nAgencies', { n: 1 }, 1)).toBe('1 agency');
    expect(i18n.t('filter.nAgencies', { n: 3 }, 3)).toBe('3 agencies');
  });
});
