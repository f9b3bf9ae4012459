// What a printed page or a saved chart says about itself: the active filters, the date, and the
// version of the data (the newest active batch), so that a sheet of paper found later says what
// it shows.
import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { agencyShortName } from '@/domain/agencies';
import { formatDate, formatPercent, yearSpanText, type Lang } from '@/i18n/format';
import { useDataStore } from '@/stores/data';
import { DEFAULT_THRESHOLD, useFiltersStore } from '@/stores/filters';

/** Agencies named one by one in the context line before they are counted. */
const NAMED_AGENCIES = 3;

export function useViewContext() {
  const { t, locale } = useI18n();
  const data = useDataStore();
  const filters = useFiltersStore();
  const lang = computed(() => locale.value as Lang);

  const filtersLine = computed(() => {
    const f = filters.filter;
    const sep = lang.value === 'zh-CN' ? '、' : ', ';
    const agencies =
      f.agencies.length === 0
        ? t('filter.allAgencies')
        : f.agencies.length <= NAMED_AGENCIES
          ? f.agencies.map(agencyShortName).join(sep)
          : t('filter.nAgencies', { n: f.agencies.length }, f.agencies.length);
    const years =
      f.from === null && f.to === null
        ? t('overview.allYears')
        : yearSpanText(f.from ?? data.years[0], f.to ?? data.years.at(-1));
    const parts = [
      `${t('filter.agencies')}${t('context.colon')}${agencies}`,
      `${t('filter.years')}${t('context.colon')}${years}`,
      `${t('filter.scope')}${t('context.colon')}${t(`scope.${f.scope}`)}`,
    ];
    if (f.project) parts.push(`${t('filter.project')}${t('context.colon')}${f.project}`);
    if (filters.threshold !== DEFAULT_THRESHOLD)
      parts.push(`${t('execution.threshold')}${t('context.colon')}${formatPercent(filters.threshold, lang.value)}`);
    return parts.join(lang.value === 'zh-CN' ? '；' : '; ');
  });

  const versionLine = computed(() => {
    const v = data.dataVersion;
    const today = t('context.printed', { date: formatDate(Date.now(), lang.value) });
    return v
      ? `${today}${lang.value === 'zh-CN' ? '；' : '; '}${t('context.version', {
          id: v.id,
          file: v.fileName,
          date: formatDate(v.createdAt, lang.value, 'dateTime'),
        })}`
      : today;
  });

  return { filtersLine, versionLine, lines: computed(() => [filtersLine.value, versionLine.value]) };
}
