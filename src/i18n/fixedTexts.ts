// Fixed texts (a key, no parameters) translated once per language. vue-i18n resolves and formats
// a message on every call (tens of microseconds each), and the filter bar, the panels' titles and
// the chart builders ask for the same labels again on every filter change, inside the time a
// leader waits for the charts. Messages never change while the app runs; only the language does.
/** vue-i18n's composer, as far as this needs it (its full type is per message schema). */
interface Translator {
  t: unknown;
  readonly locale: { readonly value: string };
}

export function withFixedTexts<C extends Translator>(composer: C): void {
  const translate = composer.t as (...args: unknown[]) => string;
  const byLocale = new Map<string, Map<string, string>>();
  composer.t = ((...args: unknown[]) => {
    // Read first, as vue-i18n does: a render or computed that translates follows the language.
    const locale = composer.locale.value;
    const key = args[0];
    if (args.length !== 1 || typeof key !== 'string') return translate(...args);
    let texts = byLocale.get(locale);
    if (!texts) byLocale.set(locale, (texts = new Map()));
    let text = texts.get(key);
    if (text === undefined) texts.set(key, (text = translate(key)));
    return text;
  }) as C['t'];
}
