// Every message key the code names literally exists in both languages. vue-i18n shows a missing
// key as the key itself ("record.back" on a button), and no other test reads every view.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { LOCALES, messages } from '@/i18n/messages';

const SRC = path.resolve(__dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|vue)$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

/** `t('a.b')`, `$t('a.b', …)`, `te('a.b')`: the keys written out in full. */
const CALL = /(?<![\w.])\$?te?\(\s*'([a-zA-Z][\w]*(?:\.[\w]+)+)'/g;

function usedKeys(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(CALL)) {
      const key = m[1]!;
      const files = out.get(key) ?? [];
      files.push(path.relative(SRC, file));
      out.set(key, files);
    }
  }
  return out;
}

function lookup(tree: unknown, key: string): unknown {
  let node = tree;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

describe('message keys named in the code', () => {
  const keys = usedKeys();
  test('are found in the sources', () => {
    // The views, charts and import pages name hundreds; a broken pattern would find none.
    expect(keys.size).toBeGreaterThan(300);
    expect(keys.has('record.figures')).toBe(true);
  });
  test.each(LOCALES)('each is a text in %s', (locale) => {
    const missing = [...keys].filter(([key]) => typeof lookup(messages[locale], key) !== 'string');
    expect(missing.map(([key, files]) => `${key} (${files.join(', ')})`)).toEqual([]);
  });
});
