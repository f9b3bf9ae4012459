// The renderer's translator in tests: the app's own vue-i18n instance and messages.
import { createAppI18n } from '@/i18n';
import type { Locale } from '@/i18n/messages';
import { wordsOf, type Words } from '@/i18n/words';

export function wordsFor(locale: Locale): Words {
  const i18n = createAppI18n(locale);
  return wordsOf(i18n.global.t as Parameters<typeof wordsOf>[0], locale);
}
