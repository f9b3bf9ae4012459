// The `lang` attribute for text from the data (agency, project and indicator names, all Chinese)
// when the page is not in Chinese, so a screen reader reads them as Chinese and the browser
// picks a Chinese font; undefined (inherit) when the page is Chinese already.
import { computed } from 'vue';
import { useI18n } from 'vue-i18n';

export function useDataLang() {
  const { locale } = useI18n();
  return computed(() => (locale.value === 'zh-CN' ? undefined : 'zh'));
}
