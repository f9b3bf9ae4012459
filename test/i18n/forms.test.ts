import { describe, expect, it } from 'vitest';
import { ALL_FORM_CODES } from '@/domain/forms/codes';
import { formsEn } from '@/i18n/forms.en';
import { formsZhCN } from '@/i18n/forms.zh-CN';

const placeholders = (m: string) => [...m.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();

describe('form messages', () => {
  it('every code has a zh-CN and an English message, and no message is left without its code', () => {
    expect(Object.keys(formsZhCN).sort()).toEqual([...ALL_FORM_CODES].sort());
    expect(Object.keys(formsEn).sort()).toEqual([...ALL_FORM_CODES].sort());
    expect(new Set(ALL_FORM_CODES).size).toBe(ALL_FORM_CODES.length);
  });

  it('both languages use the same parameters', () => {
    for (const code of ALL_FORM_CODES)
      expect([code, ...new Set(placeholders(formsEn[code]))]).toEqual([
        code,
        ...new Set(placeholders(formsZhCN[code])),
      ]);
  });
});
