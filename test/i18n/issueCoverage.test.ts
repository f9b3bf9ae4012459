// Every issue code has a message in both languages. The codes are found where they are declared
// (every file of src/domain/codes), not taken from the i18n side's list, so an area whose
// messages were never added fails here even before the type check does.
import { describe, expect, test } from 'vitest';
import type { IssueSpec } from '@/domain/issues';
import { ISSUE_AREAS, ISSUE_ROLES } from '@/i18n/issues';
import { LOCALES, messages } from '@/i18n/messages';
import { hasCjk } from '@/i18n/words';

const declared = import.meta.glob<Record<string, unknown>>('/src/domain/codes/*.ts', { eager: true });

/** Every exported spec of every codes file, by file. */
function specsByFile(): Array<[string, IssueSpec]> {
  const out: Array<[string, IssueSpec]> = [];
  for (const [file, mod] of Object.entries(declared))
    for (const value of Object.values(mod))
      if (value && typeof value === 'object') out.push([file, value as IssueSpec]);
  return out;
}

const ALL_CODES = specsByFile().flatMap(([, spec]) => Object.keys(spec));

describe('the issue codes', () => {
  test('are found: every area of src/domain/codes declares some', () => {
    const files = Object.keys(declared);
    expect(files.length).toBeGreaterThanOrEqual(7);
    for (const [file, spec] of specsByFile()) expect(Object.keys(spec).length, file).toBeGreaterThan(0);
    expect(ALL_CODES.length).toBeGreaterThan(50);
  });

  test('are unique across areas', () => {
    expect(new Set(ALL_CODES).size).toBe(ALL_CODES.length);
  });

  test('are snake_case words, never sentences', () => {
    for (const code of ALL_CODES) expect(code).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
  });

  test('each area of src/domain/codes is registered with its messages in src/i18n/issues', () => {
    const registered = new Set<unknown>(Object.values(ISSUE_AREAS).map((a) => a.spec));
    for (const [file, spec] of specsByFile()) expect(registered.has(spec), `${file} is not in ISSUE_AREAS`).toBe(true);
    expect([...ISSUE_ROLES.keys()].sort()).toEqual([...ALL_CODES].sort());
  });
});

describe.each(LOCALES)('messages in %s', (locale) => {
  const issueMessages = (messages[locale] as unknown as { issue: Record<string, unknown> }).issue;

  test('every code has a message', () => {
    const missing = ALL_CODES.filter((c) => typeof issueMessages[c] !== 'string' || issueMessages[c] === '');
    expect(missing).toEqual([]);
  });

  test('no message for a code that does not exist', () => {
    expect(Object.keys(issueMessages).filter((c) => !ALL_CODES.includes(c))).toEqual([]);
  });

  test('a message names only parameters its code has', () => {
    for (const code of ALL_CODES) {
      const roles = ISSUE_ROLES.get(code)!;
      const named = [...String(issueMessages[code]).matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      for (const name of named) expect(Object.keys(roles), `${locale} ${code} uses {${name}}`).toContain(name);
    }
  });

  if (locale === 'en')
    test('English messages hold no Chinese character or full-width punctuation', () => {
      for (const code of ALL_CODES) expect(hasCjk(String(issueMessages[code])), code).toBe(false);
    });
});
