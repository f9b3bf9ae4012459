// Every reader and extractor code has its words in both languages, with the same placeholders.
import { describe, expect, it } from 'vitest';
import { DOCUMENT_ERROR_CODES } from '@/domain/document/codes';
import { REPORT_ERROR_CODES, REPORT_WARNING_CODES } from '@/domain/report/codes';
import { reportMessagesEn } from '@/i18n/report.en';
import { reportMessagesZhCN } from '@/i18n/report.zh-CN';
import { formatReportIssue } from '@/i18n/reportIssue';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('report messages', () => {
  it('cover every code in zh-CN and English with the same placeholders', () => {
    for (const code of [...DOCUMENT_ERROR_CODES, ...REPORT_WARNING_CODES, ...REPORT_ERROR_CODES]) {
      expect(reportMessagesZhCN[code], code).toBeTruthy();
      expect(reportMessagesEn[code], code).toBeTruthy();
      expect(placeholders(reportMessagesEn[code]), code).toEqual(placeholders(reportMessagesZhCN[code]));
    }
  });

  it('name fields, fund lines and reasons in the reader’s language', () => {
    const issue = {
      code: 'figure_disputed',
      params: { field: 'budget', kept: '281.28', other: '282.28', otherLocation: '第43段', reason: 'arithmetic' },
    };
    expect(formatReportIssue(issue)).toBe(
      '报告对全年预算数有两种说法：281.28 与 282.28（第43段）；按报告自身的算术关系保留 281.28',
    );
    expect(formatReportIssue(issue, 'en')).toBe(
      'The report gives Adjusted budget as 281.28 and as 282.28 (第43段); 281.28 is kept, by the report’s own arithmetic',
    );
    expect(
      formatReportIssue({
        code: 'figure_disputed',
        params: { field: 'funds.财政资金', kept: '75.5', other: '75.05', otherLocation: 'x', reason: 'toString' },
      }),
    ).toContain('资金来源“财政资金”');
    expect(formatReportIssue({ code: 'pdf_no_text', params: { pages: 3 } }, 'en')).toContain('3 page(s)');
  });
});
