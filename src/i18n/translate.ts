// A plain translator over the same messages, for code that runs without Vue (chart option
// builders in tests). At run time the views pass vue-i18n's `t`, which reads the same keys and
// chooses plural forms the same way: 'one | many', or 'none | one | many', by the parameter `n`.
import type { Translate } from '@/charts/common';
import { messages, type Locale } from './messages';

function pluralForm(text: string, n: unknown): string {
  const forms = text.split(' | ');
  if (forms.length === 1 || typeof n !== 'number') return forms[0] ?? text;
  const i = forms.length === 2 ? (Math.abs(n) === 1 ? 0 : 1) : n === 0 ? 0 : Math.abs(n) === 1 ? 1 : 2;
  return forms[Math.min(i, forms.length - 1)] ?? text;
}

export function translator(locale: Locale): Translate {
  const root = messages[locale] as unknown as Record<string, unknown>;
  return (key, params) => {
    let node: unknown = root;
    for (const part of key.split('.'))
      node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
    if (typeof node !== 'string') return key;
    return pluralForm(node, params?.n).replace(/\{(\w+)\}/g, (m, name: string) =>
      params && name in params ? String(params[name]) : m,
    );
  };
}
