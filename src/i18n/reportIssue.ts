// A report issue (code + params) in words, outside Vue (the command line, the seed notes). Field
// and reason params are named as the locale names them; `funds.财政资金` reads as that fund line.
import type { ExtractIssue } from '@/domain/extract/types';
import { messages } from './messages';
import { reportMessagesEn, reportReasonsEn } from './report.en';
import { reportMessagesZhCN, reportReasonsZhCN, type ReportMessageCode } from './report.zh-CN';

export type ReportLocale = 'zh-CN' | 'en';

const TABLES = {
  'zh-CN': {
    messages: reportMessagesZhCN,
    // Fields are named as everywhere else in the app.
    fields: messages['zh-CN'].field as Readonly<Record<string, string>>,
    reasons: reportReasonsZhCN,
    fund: (item: string) => `资金来源“${item}”`,
  },
  en: {
    messages: reportMessagesEn,
    fields: messages.en.field as Readonly<Record<string, string>>,
    reasons: reportReasonsEn,
    fund: (item: string) => `fund source “${item}”`,
  },
} as const;

/** A table's entry by a name from a file or a code, never one of Object.prototype's. */
function lookup(table: Readonly<Record<string, string>>, key: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

export function formatReportIssue(
  issue: Pick<ExtractIssue, 'code' | 'params'>,
  locale: ReportLocale = 'zh-CN',
): string {
  const t = TABLES[locale];
  const template = lookup(t.messages as Readonly<Record<ReportMessageCode, string>>, issue.code) ?? issue.code;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(issue.params, name)) return m;
    const value = String(issue.params[name]);
    if (name === 'field') {
      if (value.startsWith('funds.')) return t.fund(value.slice(6));
      return lookup(t.fields, value) ?? value;
    }
    if (name === 'reason') return lookup(t.reasons, value) ?? value;
    return value;
  });
}
