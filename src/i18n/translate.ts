// A plain translator over the same messages, for code that runs without Vue (chart option
// builders in tests). At run time the views pass vue-i18n's `t`, which reads the same keys.
import type { Translate } from '@/charts/common';
import { messages, type Locale } from './messages';

export function translator(locale: Locale): Translate {
  const root = messages[locale] as unknown as Record<string, unknown>;
  return (key, params) => {
    let node: unknown = root;
    for (const part of key.split('.'))
      node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
    if (typeof node !== 'string') return key;
    return node.replace(/\{(\w+)\}/g, (m, name: string) => (params && name in params ? String(params[name]) : m));
  };
}
