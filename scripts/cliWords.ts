// What the command-line tools share: the words of a language (the app's own messages and issue
// renderer), and the language asked for on a command line.
import { createAppI18n } from '@/i18n';
import { LOCALES, type Locale } from '@/i18n/messages';
import { wordsOf, type Words } from '@/i18n/words';

export function wordsFor(locale: Locale): Words {
  const i18n = createAppI18n(locale);
  return wordsOf(i18n.global.t as Parameters<typeof wordsOf>[0], locale);
}

/** `--lang X` or `--lang=X` at `args[i]`: the language and the next index, or the bad value. */
export function langOption(
  args: readonly string[],
  i: number,
): { locale: Locale; next: number } | { bad: string; next: number } | null {
  const a = args[i]!;
  if (a !== '--lang' && !a.startsWith('--lang=')) return null;
  const lang = a === '--lang' ? args[i + 1] : a.slice('--lang='.length);
  const next = a === '--lang' ? i + 1 : i;
  if (lang === undefined || !(LOCALES as readonly string[]).includes(lang)) return { bad: lang ?? '', next };
  return { locale: lang as Locale, next };
}

/** The language asked for, even on a command line that is otherwise wrong (for its complaint). */
export function askedLocale(args: readonly string[]): Locale {
  const i = args.indexOf('--lang');
  const lang = i >= 0 ? args[i + 1] : args.find((a) => a.startsWith('--lang='))?.slice('--lang='.length);
  return lang === 'en' ? 'en' : 'zh-CN';
}
