// The shape of one area's issue messages: a sentence per code, in each language.
import type { IssueAreas } from '@/domain/issues';
import type { Locale } from '../messages';

export type AreaName = keyof IssueAreas;

/** Per language, a message for every code of area A (vue-i18n syntax: {param}, plural forms with |). */
export type AreaMessages<A extends AreaName> = Record<Locale, { readonly [C in keyof IssueAreas[A]]: string }>;
