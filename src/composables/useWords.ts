// The page's translator and language as one value (src/i18n/words.ts), for the pure renderers:
// `problemText(issue, words.value)`. Follows the language switch.
import { computed, type ComputedRef } from 'vue';
import { useI18n } from 'vue-i18n';
import { wordsOf, type Words } from '@/i18n/words';

export function useWords(): ComputedRef<Words> {
  const { t, locale } = useI18n();
  return computed(() => wordsOf(t as Parameters<typeof wordsOf>[0], locale.value));
}
