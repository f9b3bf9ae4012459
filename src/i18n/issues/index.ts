// Every area of issue codes with its messages: the one place where src/i18n learns of an area.
// A new area (src/domain/codes/NAME.ts) adds its spec and messages file here; until it does,
// the `satisfies` below fails the type check, and test/i18n/issueCoverage.test.ts fails too.
import type { IssueSpec, ParamRole } from '@/domain/issues';
import { CONSISTENCY_ISSUES } from '@/domain/codes/consistency';
import { DOCUMENT_ISSUES } from '@/domain/codes/document';
import { FILE_ISSUES } from '@/domain/codes/file';
import { FORM_ISSUES } from '@/domain/codes/forms';
import { HEADER_ISSUES } from '@/domain/codes/headers';
import { IMPORTER_ISSUES } from '@/domain/codes/importer';
import { LEDGER_ISSUES } from '@/domain/codes/ledger';
import { REPORT_ISSUES } from '@/domain/codes/report';
import { REVIEW_ISSUES } from '@/domain/codes/review';
import { ROW_ISSUES } from '@/domain/codes/rows';
import { STORAGE_ISSUES } from '@/domain/codes/storage';
import { VALUE_ISSUES } from '@/domain/codes/values';
import { WORKBOOK_ISSUES } from '@/domain/codes/workbook';
import type { Locale } from '../messages';
import type { AreaMessages, AreaName } from './area';
import { consistencyMessages } from './consistency';
import { documentMessages } from './document';
import { fileMessages } from './file';
import { formMessages } from './forms';
import { headerMessages } from './headers';
import { importerMessages } from './importer';
import { ledgerMessages } from './ledger';
import { reportMessages } from './report';
import { reviewMessages } from './review';
import { rowMessages } from './rows';
import { storageMessages } from './storage';
import { valueMessages } from './values';
import { workbookMessages } from './workbook';

interface Area<A extends AreaName> {
  spec: IssueSpec;
  messages: AreaMessages<A>;
}

export const ISSUE_AREAS = {
  file: { spec: FILE_ISSUES, messages: fileMessages },
  headers: { spec: HEADER_ISSUES, messages: headerMessages },
  values: { spec: VALUE_ISSUES, messages: valueMessages },
  rows: { spec: ROW_ISSUES, messages: rowMessages },
  consistency: { spec: CONSISTENCY_ISSUES, messages: consistencyMessages },
  ledger: { spec: LEDGER_ISSUES, messages: ledgerMessages },
  storage: { spec: STORAGE_ISSUES, messages: storageMessages },
  importer: { spec: IMPORTER_ISSUES, messages: importerMessages },
  document: { spec: DOCUMENT_ISSUES, messages: documentMessages },
  report: { spec: REPORT_ISSUES, messages: reportMessages },
  review: { spec: REVIEW_ISSUES, messages: reviewMessages },
  workbook: { spec: WORKBOOK_ISSUES, messages: workbookMessages },
  forms: { spec: FORM_ISSUES, messages: formMessages },
} as const satisfies { [A in AreaName]: Area<A> };

/** Every code's parameters and their roles, by code. */
export const ISSUE_ROLES: ReadonlyMap<string, Readonly<Record<string, ParamRole>>> = new Map(
  Object.values(ISSUE_AREAS).flatMap((a) => Object.entries(a.spec)),
);

/** The `issue` namespace of the vue-i18n messages of a language: code → message. */
export function issueMessages(locale: Locale): Record<string, string> {
  const out: Record<string, string> = {};
  for (const area of Object.values(ISSUE_AREAS)) Object.assign(out, area.messages[locale]);
  return out;
}
